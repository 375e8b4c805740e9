"""No admin view saves or publishes what its user may not, and nobody hands out rights they lack.

The review guard (editorial.middleware) on every view that can save or publish a page, the
deletion rule (core.permissions) and the user screens (editorial.users), each through the
admin's real views, checking the response and the database.
"""

from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from content_areas.models import ContentAreaPage
from editorial import roles
from editorial.users import assignable_groups

from .base import EditorialTestCase, make_user, page_data
from .test_permissions import assert_refused, user_data


class TestEveryViewThatSavesOrPublishes(EditorialTestCase):
    def older_revision(self):
        """The page's first revision, restorable from its history."""
        self.page.title = "Family tracing, second version"
        self.page.save_revision(user=self.users["specialist"])
        return self.page.revisions.order_by("created_at", "pk").first()

    def revert(self, revision, **fields):
        url = reverse("wagtailadmin_pages:revisions_revert", args=(self.page.pk, revision.pk))
        return self.client.post(url, page_data(self.page, **fields))

    def test_publish_through_revision_revert_is_refused_and_saves_nothing(self):
        revision = self.older_revision()
        self.login("specialist")
        revisions = self.page.revisions.count()
        response = self.revert(revision, title="Crafted", **{"action-publish": "Publish"})
        assert_refused(response)
        assert self.page.revisions.count() == revisions
        assert self.reload(self.page).title == "Family tracing"

    def test_workflow_actions_through_revision_revert_are_refused(self):
        revision = self.older_revision()
        self.page.get_workflow().start(self.page, self.users["specialist"])
        self.client.force_login(make_user("colleague", roles.SPECIALISTS))
        revisions = self.page.revisions.count()
        for fields in (
            {"action-cancel-workflow": "yes"},
            {"action-workflow-action": "true", "workflow-action-name": "approve"},
        ):
            assert_refused(self.revert(revision, **fields))
        assert self.page.revisions.count() == revisions

    def test_reviewer_may_restore_and_publish_an_old_revision(self):
        revision = self.older_revision()
        self.login("reviewer")
        response = self.revert(revision, title="Restored", **{"action-publish": "Publish"})
        assert response.status_code == 302
        assert self.reload(self.page).title == "Restored"

    def copy(self, **fields):
        data = {
            "new_title": "Family tracing (copy)",
            "new_slug": "family-tracing-copy",
            "new_parent_page": self.t.areas_index.pk,
            **fields,
        }
        return self.client.post(reverse("wagtailadmin_pages:copy", args=(self.page.pk,)), data)

    def test_copy_with_publish_is_refused_to_those_who_cannot_publish(self):
        self.login("specialist")
        for option in ("publish_copies", "alias"):
            assert_refused(self.copy(**{option: "on"}))
            assert not Page.objects.filter(slug="family-tracing-copy").exists()
        response = self.copy()  # a draft copy is theirs to make
        assert response.status_code == 302
        assert not Page.objects.get(slug="family-tracing-copy").live

    def test_copy_with_publish_by_a_reviewer_publishes(self):
        self.login("reviewer")
        assert self.copy(publish_copies="on").status_code == 302
        assert Page.objects.get(slug="family-tracing-copy").live

    def bulk_publish(self, *pages):
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        query = "&".join(f"id={page.pk}" for page in pages)
        return self.client.post(f"{url}?{query}", {"include_descendants": ""})

    def test_bulk_publish_is_refused_without_publish_permission(self):
        self.page.title = "Family tracing, awaiting review"
        self.page.save_revision(user=self.users["specialist"])
        self.page.get_workflow().start(self.page, self.users["specialist"])
        for role in ("specialist", "siteadmin", "translator", "peer"):
            self.login(role)
            assert_refused(self.bulk_publish(self.page))
            assert self.reload(self.page).title == "Family tracing", role

    def test_reviewer_may_bulk_publish(self):
        self.page.title = "Family tracing, revised"
        self.page.save_revision(user=self.users["specialist"])
        self.login("reviewer")
        assert self.bulk_publish(self.page).status_code == 302
        assert self.reload(self.page).title == "Family tracing, revised"


class TestDeletingPages(EditorialTestCase):
    def delete(self, page):
        return self.client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))

    def draft(self, slug):
        page = ContentAreaPage(title=slug.capitalize(), slug=slug, live=False)
        self.t.areas_index.add_child(instance=page)
        return page

    def test_reviewer_unpublishes_but_cannot_delete_what_was_published(self):
        self.login("reviewer")
        response = self.client.post(reverse("wagtailadmin_pages:unpublish", args=(self.page.pk,)))
        assert response.status_code == 302
        assert not self.reload(self.page).live
        assert_refused(self.delete(self.page))  # unpublished, but it was published once
        assert Page.objects.filter(pk=self.page.pk).exists()
        assert_refused(self.delete(self.t.areas_index))  # a section holding published pages
        assert Page.objects.filter(pk=self.t.areas_index.pk).exists()

    def test_reviewer_may_delete_a_draft_that_never_went_live(self):
        draft = self.draft("never-published")
        self.login("reviewer")
        assert self.delete(draft).status_code == 302
        assert not Page.objects.filter(pk=draft.pk).exists()

    def test_site_administrator_deletes_but_cannot_edit_publish_or_move(self):
        self.login("siteadmin")
        perms = self.page.permissions_for_user(self.users["siteadmin"])
        assert perms.can_delete() and not perms.can_edit() and not perms.can_move()
        assert not perms.can_publish() and not perms.can_unpublish()
        assert self.delete(self.page).status_code == 302
        assert not Page.objects.filter(pk=self.page.pk).exists()

    def test_reviewer_may_still_move_a_published_page(self):
        perms = self.page.permissions_for_user(self.users["reviewer"])
        assert perms.can_move() and not perms.can_delete()


class TestSiteAdministratorsManageUsersWithoutEscalating(EditorialTestCase):
    def edit_user(self, user, **fields):
        url = reverse("wagtailusers_users:edit", args=(user.pk,))
        return self.client.post(url, user_data(user, **fields))

    def test_forms_offer_only_what_they_may_give(self):
        me = self.login("siteadmin")
        for url in (
            reverse("wagtailusers_users:add"),
            reverse("wagtailusers_users:edit", args=(self.users["specialist"].pk,)),
        ):
            html = self.client.get(url).content.decode()
            assert 'name="is_superuser"' not in html, url
        assert list(assignable_groups(me).values_list("name", flat=True)) == [
            roles.SITE_ADMINISTRATORS
        ]

    def test_no_self_escalation(self):
        me = self.login("siteadmin")
        own = [str(pk) for pk in me.groups.values_list("pk", flat=True)]
        # A leftover group that may publish anywhere, as Wagtail's "Moderators" could.
        publishers = Group.objects.create(name="Publishers")
        GroupPagePermission.objects.create(
            group=publishers,
            page=Page.get_first_root_node(),
            permission=GroupPagePermission.objects.filter(permission__codename="publish_page")
            .first()
            .permission,
        )
        for group in (publishers, Group.objects.get(name=roles.REVIEWERS)):
            assert_refused(self.edit_user(me, groups=[*own, str(group.pk)]))
            assert not me.groups.filter(pk=group.pk).exists()
        assert_refused(self.edit_user(me, is_superuser="on"))
        me.refresh_from_db()
        assert not me.is_superuser

    def test_manages_users_with_no_more_rights_than_its_own(self):
        self.login("siteadmin")
        colleague = make_user("colleague")
        site_admins = Group.objects.get(name=roles.SITE_ADMINISTRATORS)
        response = self.edit_user(colleague, first_name="Ana", groups=[str(site_admins.pk)])
        assert response.status_code == 302
        colleague.refresh_from_db()
        assert colleague.first_name == "Ana" and colleague.groups.get() == site_admins
        url = reverse("wagtail_bulk_action", args=("auth", "user", "set_active_state"))
        response = self.client.post(f"{url}?id={colleague.pk}", {"mark_as_active": "False"})
        assert response.status_code == 302
        colleague.refresh_from_db()
        assert not colleague.is_active

    def test_leaves_users_who_outrank_it_alone(self):
        self.login("siteadmin")
        others = [self.users[role] for role in ("admin", "reviewer", "specialist", "peer")]
        for user in others:
            before = (user.email, user.is_active, user.password)
            assert_refused(self.edit_user(user, email="mine@example.org"))
            assert_refused(self.client.post(reverse("wagtailusers_users:delete", args=(user.pk,))))
            user.refresh_from_db()
            assert (user.email, user.is_active, user.password) == before, user

    def test_select_all_in_a_bulk_action_never_half_happens(self):
        self.login("siteadmin")
        plain = make_user("plain")
        url = reverse("wagtail_bulk_action", args=("auth", "user", "delete"))
        response = self.client.post(f"{url}?id={plain.pk}&id={self.users['admin'].pk}")
        assert_refused(response)
        assert plain.__class__.objects.filter(pk=plain.pk).exists()
