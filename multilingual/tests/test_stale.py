"""Translations made by wagtail-localize go through review, and go out of date with their source."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from editorial import roles
from editorial.translations import submit_for_review
from multilingual import stale
from multilingual.models import TranslatorProfile
from tests.tree import build_site


class StaleTranslationsTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        roles.setup()
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
        cls.fr = Locale.objects.create(language_code="fr")
        cls.es = Locale.objects.create(language_code="es")

    @classmethod
    def translate(cls, *pages, locales=None):
        """Translate like the admin's "Translate" action, then publish the copies (as approved)."""
        creator = TranslationCreator(cls.admin, locales or [cls.fr, cls.es])
        with cls.captureOnCommitCallbacks(execute=True):
            for page in pages:
                creator.create_translations(page.specific)
        for page in pages:
            for copy in page.get_translations():
                copy.specific.save_revision().publish()

    def edit_source(self, page, title):
        page = page.specific
        page.title = title
        page.save_revision().publish()
        return page

    def outdated(self):
        return {(t.source.object_id, t.target_locale.language_code) for t in stale.out_of_date()}


class TestOutOfDate(StaleTranslationsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Once for the class (each test's changes are rolled back): translating five pages
        # into two languages cost about as much as the rest of a test.
        cls.translate(cls.t.home, cls.t.areas_index, cls.t.area, cls.t.library, cls.t.resource)

    def test_fresh_translations_are_not_out_of_date(self):
        assert self.outdated() == set()

    def test_publishing_a_source_marks_exactly_its_translations(self):
        self.edit_source(self.t.area, "Alternative care and kinship")
        key = self.t.area.translation_key
        assert self.outdated() == {(key, "fr"), (key, "es")}
        translation = stale.out_of_date().get(target_locale=self.fr)
        assert stale.changed_segments(translation) == 1

    def test_syncing_and_publishing_the_translation_clears_it(self):
        self.edit_source(self.t.area, "Alternative care and kinship")
        source = TranslationSource.objects.get(object_id=self.t.area.translation_key)
        source.update_from_db()
        with self.captureOnCommitCallbacks(execute=True):
            for translation in Translation.objects.filter(source=source):
                translation.save_target(user=self.admin, publish=True)
        assert self.outdated() == set()

    def test_public_page_of_out_of_date_translation_links_to_the_newer_source(self):
        self.edit_source(self.t.area, "Alternative care and kinship")
        french = self.t.area.get_translation(self.fr)
        html = self.client.get(french.url).content.decode()
        assert "language-notice-outdated" in html and f'href="{self.t.area.url}"' in html
        assert (
            "language-notice"
            not in self.client.get(self.t.resource.get_translation(self.fr).url).content.decode()
        )

    def test_report_lists_filters_and_exports(self):
        self.edit_source(self.t.area, "Alternative care and kinship")
        self.edit_source(self.t.resource, "A new title")
        self.client.force_login(self.admin)
        response = self.client.get("/admin/translations/out-of-date/")
        assert response.status_code == 200
        html = response.content.decode()
        french_area = self.t.area.get_translation(self.fr).title
        assert french_area in html
        response = self.client.get(
            f"/admin/translations/out-of-date/?locale={self.es.pk}&export=csv"
        )
        body = (
            b"".join(response.streaming_content).decode()
            if response.streaming
            else response.content.decode()
        )
        assert body.count("\n") >= 3 and "Spanish" in body and "French" not in body

    def test_report_filters_by_area_in_every_language(self):
        self.edit_source(self.t.area, "Alternative care and kinship")
        self.edit_source(self.t.resource, "A new title")
        self.client.force_login(self.admin)
        url = "/admin/translations/out-of-date/?export=csv&area="

        def rows(area):
            response = self.client.get(url + str(area.translation_key))
            assert response.status_code == 200
            content = (
                b"".join(response.streaming_content) if response.streaming else response.content
            )
            return content.decode().strip().splitlines()[1:]

        # The area's two translations (French and Spanish); the library's resource is elsewhere.
        area_title = self.t.area.get_translation(self.fr).title
        resource_title = self.t.resource.get_translation(self.fr).title
        in_area = rows(self.t.area)
        assert len(in_area) == 2 and all(row.startswith(area_title) for row in in_area)
        in_library = rows(self.t.library)
        assert len(in_library) == 2 and all(row.startswith(resource_title) for row in in_library)

    def test_digest_sends_one_email_per_translator_and_nothing_twice(self):
        users = get_user_model().objects
        for name, locales in (
            ("amel", [self.fr]),
            ("bruno", [self.es]),
            ("carla", [self.fr, self.es]),
        ):
            profile = TranslatorProfile.objects.create(
                user=users.create_user(name, f"{name}@example.org", "pw")
            )
            profile.locales.set(locales)
        self.edit_source(self.t.area, "Alternative care and kinship")
        call_command("send_translation_digest", verbosity=0)
        assert sorted(message.to[0] for message in mail.outbox) == [
            "amel@example.org",
            "bruno@example.org",
            "carla@example.org",
        ]
        carla = next(message for message in mail.outbox if message.to == ["carla@example.org"])
        assert carla.body.count("/edit/") == 2
        mail.outbox.clear()
        call_command("send_translation_digest", verbosity=0)
        assert mail.outbox == []


class TestTranslationReview(StaleTranslationsTestCase):
    def test_translation_goes_draft_review_live_and_public_sees_fallback_until_approved(self):
        self.translate(self.t.home, self.t.areas_index, self.t.area, locales=[self.fr])
        url = self.t.area.get_translation(self.fr).url + self.t.sub_area.slug + "/"
        TranslationCreator(self.admin, [self.fr])
        with self.captureOnCommitCallbacks(execute=True):
            TranslationCreator(self.admin, [self.fr]).create_translations(self.t.sub_area.specific)
        french = self.t.sub_area.get_translation(self.fr)
        assert not french.live  # WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off

        def public():
            html = self.client.get(url)
            assert html.status_code == 200
            return html.content.decode()

        assert "Pas encore disponible" in public()  # draft: the English page, with the notice
        submit_for_review(french, self.admin)
        state = french.current_workflow_state
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert "Pas encore disponible" in public()  # in review: still the fallback
        while state.status == WorkflowState.STATUS_IN_PROGRESS:
            task_state = state.current_task_state
            with self.captureOnCommitCallbacks(execute=True):
                task_state.task.specific.on_action(task_state, self.admin, "approve")
            state.refresh_from_db()
        french.refresh_from_db()
        assert french.live
        html = public()
        assert "Pas encore disponible" not in html and 'lang="fr"' in html
