"""Translations are reviewed like any page, and every locale's tree gets the editorial set-up."""

from django.contrib.auth.models import Group
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowPage, WorkflowState
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.operations import translate_object

from editorial import roles
from editorial.freshness import next_review_date

from .base import EditorialTestCase, make_user


class TranslationTestCase(EditorialTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fr = Locale.objects.create(language_code="fr")
        admin = cls.users["admin"]
        for page in (
            cls.t.home,
            cls.t.areas_index,
            cls.t.library,
            cls.t.case_index,
            cls.t.learning_index,
        ):
            translate_object(page, [cls.fr], user=admin)
            page.get_translation(cls.fr).save_revision(user=admin).publish(user=admin)

    def french(self, page):
        return page.get_translation(self.fr).specific

    def translate(self, page):
        """The translator starts a translation of `page` into French in the admin."""
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtail_localize:submit_page_translation", args=(page.pk,)),
                {"locales": [self.fr.pk]},
            )
        assert response.status_code == 302
        return self.french(page)

    def translate_title(self, page, title):
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=self.fr
        )
        segment = StringSegment.objects.get(source=translation.source, context__path="title")
        url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))
        response = self.client.put(
            url, encode_multipart(BOUNDARY, {"value": title}), content_type=MULTIPART_CONTENT
        )
        assert response.status_code in (200, 201), response.content

    def submit_translation(self, page):
        url = reverse("editorial:submit_translation", args=(page.pk,))
        confirmation = self.client.get(url)
        assert confirmation.status_code == 200
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(url)


class TestTranslationReview(TranslationTestCase):
    def test_translation_is_reviewed_before_it_goes_live(self):
        self.login("translator")
        french = self.translate(self.page)
        assert not french.live  # translations start as drafts (and no deferred publish)
        self.translate_title(self.page, "Recherche familiale")
        response = self.submit_translation(french)
        assert response.status_code == 302

        french = self.reload(french)
        assert not french.live
        state = french.current_workflow_state
        assert state.workflow.name == roles.REVIEW_WORKFLOW
        assert state.requested_by == self.users["translator"]
        assert french.get_latest_revision_as_object().title == "Recherche familiale"

        self.login("reviewer")
        with self.captureOnCommitCallbacks(execute=True):
            self.act(french, "approve")
        french = self.reload(french)
        assert french.live and french.title == "Recherche familiale"
        assert french.last_reviewed_by == self.users["reviewer"]
        assert french.review_by == next_review_date()
        # Each language keeps its own review record.
        assert self.reload(self.page).last_reviewed_by is None

    def test_changes_to_a_live_translation_stay_private_until_approved(self):
        self.login("translator")
        french = self.translate(self.page)
        self.translate_title(self.page, "Recherche familiale")
        self.submit_translation(french)
        self.login("reviewer")
        self.act(french, "approve")

        self.login("translator")
        self.translate_title(self.page, "Recherche des familles")
        self.submit_translation(self.reload(french))
        french = self.reload(french)
        assert french.title == "Recherche familiale"  # what visitors see is unchanged
        assert french.get_latest_revision_as_object().title == "Recherche des familles"
        public = self.client.get(french.url).content.decode()
        assert "Recherche familiale" in public and "Recherche des familles" not in public

        self.login("reviewer")
        self.act(french, "approve")
        assert self.reload(french).title == "Recherche des familles"

    def test_translators_find_source_pages_and_the_submit_action_in_the_explorer(self):
        self.login("translator")
        explorer = self.client.get(reverse("wagtailadmin_explore", args=(self.t.areas_index.pk,)))
        assert explorer.status_code == 200
        html = explorer.content.decode()
        assert reverse("wagtail_localize:submit_page_translation", args=(self.page.pk,)) in html
        assert reverse("wagtailadmin_pages:edit", args=(self.page.pk,)) not in html

        french = self.translate(self.page)
        explorer = self.client.get(
            reverse("wagtailadmin_explore", args=(self.french(self.t.areas_index).pk,))
        )
        assert reverse("editorial:submit_translation", args=(french.pk,)) in (
            explorer.content.decode()
        )

    def test_translator_cannot_publish_from_the_translation_editor(self):
        self.login("translator")
        french = self.translate(self.page)
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(french.pk,)), {"action": "publish"}
        )
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or response.url == reverse("wagtailadmin_home")
        assert not self.reload(french).live

    def test_translator_cannot_publish_by_syncing_translations(self):
        self.login("translator")
        french = self.translate(self.page)
        translation = Translation.objects.get(
            source__object_id=self.page.translation_key, target_locale=self.fr
        )
        url = reverse("wagtail_localize:update_translations", args=(translation.source_id,))
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, {"publish_translations": "on"})
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
        assert not self.reload(french).live
        # Syncing without publishing stays open to translators.
        response = self.client.post(url, {})
        assert response.status_code == 302 and response.url != reverse("wagtailadmin_home")

    def test_translator_cannot_edit_the_source_language(self):
        self.login("translator")
        response = self.edit(self.page, title="Changed by a translator")
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
        assert self.reload(self.page).get_latest_revision_as_object().title == "Family tracing"

    def test_submit_translation_refused_for_pages_that_are_not_translations(self):
        self.login("specialist")
        response = self.client.post(reverse("editorial:submit_translation", args=(self.page.pk,)))
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
        assert not WorkflowState.objects.filter(object_id=str(self.page.pk)).exists()


class TestEveryLocaleIsCovered(TranslationTestCase):
    def permissions(self, page, group_name):
        return set(
            GroupPagePermission.objects.filter(page=page, group__name=group_name).values_list(
                "permission__codename", flat=True
            )
        )

    def test_translated_sections_carry_the_roles_and_workflows(self):
        for section in (
            self.t.areas_index,
            self.t.library,
            self.t.case_index,
            self.t.learning_index,
        ):
            french = self.french(section)
            assert self.permissions(french, roles.SPECIALISTS) == {"add_page", "change_page"}
            assert self.permissions(french, roles.REVIEWERS) == {
                "add_page",
                "change_page",
                "publish_page",
            }
        for section in (self.t.library, self.t.case_index):
            assert self.french(section).get_workflow().name == roles.PEER_REVIEW_WORKFLOW
        assert self.french(self.t.areas_index).get_workflow().name == roles.REVIEW_WORKFLOW
        assert {"add_page", "change_page"} <= self.permissions(
            self.french(self.t.home), roles.TRANSLATORS
        )
        assert self.permissions(self.t.home, roles.TRANSLATORS) == {"lock_page"}

    def test_a_locale_added_later_is_reviewed_too(self):
        spanish = Locale.objects.create(language_code="es")
        translate_object(self.t.home, [spanish], user=self.users["admin"])
        translate_object(self.t.case_index, [spanish], user=self.users["admin"])
        home = self.t.home.get_translation(spanish)
        assert home.get_workflow().name == roles.REVIEW_WORKFLOW  # not "Moderators approval"
        assert self.permissions(home, roles.TRANSLATORS) >= {"add_page", "change_page"}
        case_index = self.t.case_index.get_translation(spanish)
        assert case_index.get_workflow().name == roles.PEER_REVIEW_WORKFLOW
        assert self.permissions(case_index, roles.SPECIALISTS) == {"add_page", "change_page"}

    def test_a_group_limited_to_one_area_follows_the_area_into_translations(self):
        group = Group.objects.create(name="Specialists: family tracing")
        group.permissions.add(*Group.objects.get(name=roles.SPECIALISTS).permissions.all())
        roles.grant_page_permissions(group, self.page, ["add", "change"])
        specialist = make_user("tracer", group.name)
        translate_object(self.page, [self.fr], user=self.users["admin"])
        french = self.french(self.page)
        assert self.permissions(french, group.name) == {"add_page", "change_page"}

        self.client.force_login(specialist)
        assert (
            self.edit(self.page, title="Family tracing, by the area's specialist").status_code
            == 302
        )
        other_area = self.t.area
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(other_area.pk,)))
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")

    def test_translation_starts_without_the_source_review_record(self):
        self.page.review_by = next_review_date()
        self.page.last_reviewed_by = self.users["reviewer"]
        self.page.content_owner = self.users["specialist"]
        self.page.save_revision().publish()
        translate_object(self.page, [self.fr], user=self.users["admin"])
        french = self.french(self.page)
        assert french.review_by is None and french.last_reviewed_by is None
        assert french.content_owner == self.users["specialist"]  # synchronised
        assert not WorkflowPage.objects.filter(page=french).exists()
        assert Page.objects.get(pk=french.pk).get_workflow().name == roles.REVIEW_WORKFLOW


class TestSubmitFromTheTranslationEditor(TranslationTestCase):
    def test_the_editor_offers_submit_for_review_to_the_translator_only(self):
        self.login("translator")
        french = self.translate(self.page)
        editor = self.client.get(reverse("wagtailadmin_pages:edit", args=(french.pk,)), follow=True)
        assert editor.status_code == 200
        html = editor.content.decode()
        action = reverse("editorial:submit_translation", args=(french.pk,))
        assert f'action="{action}"' in html and "Submit translation for review" in html
        assert "js-translation-editor" in html  # still wagtail-localize's editor

        # Posting the editor's form submits and comes back to the editor.
        self.translate_title(self.page, "Recherche familiale")
        next_url = (
            editor.redirect_chain[-1][0] if editor.redirect_chain else editor.request["PATH_INFO"]
        )
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(action, {"next": next_url})
        assert response.status_code == 302 and response.url == next_url
        assert self.reload(french).current_workflow_state is not None

        # Once in review it cannot be submitted again, so the form is gone.
        html = self.client.get(next_url).content.decode()
        assert f'action="{action}"' not in html

        self.login("reviewer")  # the reviewer may edit but the translator submits
        html = self.client.get(next_url).content.decode()
        assert f'action="{action}"' not in html
