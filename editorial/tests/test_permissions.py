"""Who may do what: every role against every action, through the admin's real views.

Each cell is its own test (generated below), so each starts from the same database and checks
both the response and what changed. A refusal is the admin's own: a 403, or its permission-denied
redirect to the dashboard, or for anonymous visitors the redirect to the login page; and nothing
changes.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState

from content_areas.models import ContentAreaPage
from editorial import roles
from partners.setup import setup_partners
from taxonomy.models import Topic

from .base import EditorialTestCase, form_data, make_user

User = get_user_model()


def assert_refused(response):
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home"), response.url
    else:
        assert response.status_code == 403, response.status_code


ROLES = ["specialist", "reviewer", "translator", "siteadmin", "peer", "partner", "anonymous"]
# Who is turned away before any admin view: to the login page, as Wagtail does.
OUTSIDERS = {"anonymous", "partner"}

ALLOWED = {
    "create": {"specialist", "reviewer"},
    "edit": {"specialist", "reviewer"},
    "submit": {"specialist", "reviewer"},
    "publish": {"reviewer"},
    "unpublish": {"reviewer"},
    # Published knowledge is unpublished by reviewers and deleted only by site administrators
    # (core.permissions; the README's role table).
    "delete": {"siteadmin"},
    "approve": {"reviewer"},
    "reject": {"reviewer"},
    # Site administrators translate taxonomy terms, which needs the same permission; page
    # translations they start are drafts they can neither edit nor publish.
    "translate": {"translator", "siteadmin"},
    "edit_taxonomy": {"siteadmin"},
    # Managing users (editorial.users): site administrators create and edit users, but give
    # nobody a right they do not hold themselves, and leave alone users who outrank them.
    "create_user": {"siteadmin"},
    "make_site_admin": {"siteadmin"},
    "make_superuser": set(),
    "create_superuser": set(),
    "grant_reviewers": set(),
    "bulk_grant_reviewers": set(),
    "edit_superuser": set(),
    "edit_reviewer": set(),
    "delete_superuser": set(),
    "deactivate_superuser": set(),
    "create_group": set(),
}


def user_data(user, **fields):
    """The user edit form as the admin posts it, for `user` as it is, plus `fields`."""
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name or "First",
        "last_name": user.last_name or "Last",
        "is_active": "on",
        "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
        "password1": "",
        "password2": "",
    }
    data.update(fields)
    return data


NEW_PASSWORD = "Correct-horse-battery-9"


class Actions:
    """Each action performs one request and returns (response, whether the data changed)."""

    def do_create(self):
        url = reverse(
            "wagtailadmin_pages:add",
            args=("content_areas", "contentareapage", self.t.areas_index.pk),
        )
        response = self.client.post(
            url, form_data(ContentAreaPage, title="Street children", slug="street-children")
        )
        return response, ContentAreaPage.objects.filter(slug="street-children").exists()

    def do_edit(self):
        response = self.edit(self.page, title="Family tracing, edited")
        latest = self.reload(self.page).get_latest_revision_as_object()
        return response, latest.title == "Family tracing, edited"

    def do_submit(self):
        response = self.submit(self.page)
        return response, WorkflowState.objects.filter(object_id=str(self.page.pk)).exists()

    def do_publish(self):
        response = self.edit(
            self.page, title="Family tracing, published", **{"action-publish": "Publish"}
        )
        return response, self.reload(self.page).title == "Family tracing, published"

    def do_unpublish(self):
        response = self.client.post(reverse("wagtailadmin_pages:unpublish", args=(self.page.pk,)))
        return response, not self.reload(self.page).live

    def do_delete(self):
        response = self.client.post(reverse("wagtailadmin_pages:delete", args=(self.page.pk,)))
        return response, not Page.objects.filter(pk=self.page.pk).exists()

    def in_review(self):
        self.page.title = "Family tracing, for review"
        self.page.save_revision(user=self.users["specialist"])
        self.page.get_workflow().start(self.page, self.users["specialist"])

    def do_approve(self):
        self.in_review()
        response = self.act(self.page, "approve")
        return response, self.reload(self.page).title == "Family tracing, for review"

    def do_reject(self):
        self.in_review()
        response = self.act(self.page, "reject", comment="No.")
        state = WorkflowState.objects.get(object_id=str(self.page.pk))
        return response, state.status == WorkflowState.STATUS_NEEDS_CHANGES

    def do_translate(self):
        french = Locale.objects.get(language_code="fr")
        url = reverse("wagtail_localize:submit_page_translation", args=(self.page.pk,))
        response = self.client.post(url, {"locales": [french.pk]})
        return response, self.page.get_translations().filter(locale=french).exists()

    def _edit_user(self, user, **fields):
        url = reverse("wagtailusers_users:edit", args=(user.pk,))
        return self.client.post(url, user_data(user, **fields))

    def _create_user(self, username, **fields):
        data = {
            "username": username,
            "email": f"{username}@example.org",
            "first_name": "New",
            "last_name": "Colleague",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            **fields,
        }
        return self.client.post(reverse("wagtailusers_users:add"), data)

    def do_create_user(self):
        response = self._create_user("newcomer")
        return response, User.objects.filter(username="newcomer").exists()

    def do_make_site_admin(self):
        group = Group.objects.get(name=roles.SITE_ADMINISTRATORS)
        response = self._edit_user(self.target, groups=[str(group.pk)])
        return response, self.target.groups.filter(pk=group.pk).exists()

    def do_make_superuser(self):
        response = self._edit_user(self.target, is_superuser="on")
        return response, User.objects.get(pk=self.target.pk).is_superuser

    def do_create_superuser(self):
        response = self._create_user("sneaky", is_superuser="on")
        return response, User.objects.filter(username="sneaky").exists()

    def do_grant_reviewers(self):
        group = Group.objects.get(name=roles.REVIEWERS)
        response = self._edit_user(self.target, groups=[str(group.pk)])
        return response, self.target.groups.filter(pk=group.pk).exists()

    def do_bulk_grant_reviewers(self):
        group = Group.objects.get(name=roles.REVIEWERS)
        url = reverse("wagtail_bulk_action", args=("auth", "user", "assign_role"))
        response = self.client.post(f"{url}?id={self.target.pk}", {"role": group.pk})
        return response, self.target.groups.filter(pk=group.pk).exists()

    def do_edit_superuser(self):
        admin = self.users["admin"]
        response = self._edit_user(admin, email="taken-over@example.org")
        return response, User.objects.get(pk=admin.pk).email == "taken-over@example.org"

    def do_edit_reviewer(self):
        reviewer = self.users["reviewer"]
        response = self._edit_user(reviewer, password1=NEW_PASSWORD, password2=NEW_PASSWORD)
        return response, User.objects.get(pk=reviewer.pk).check_password(NEW_PASSWORD)

    def do_delete_superuser(self):
        admin = self.users["admin"]
        response = self.client.post(reverse("wagtailusers_users:delete", args=(admin.pk,)))
        return response, not User.objects.filter(pk=admin.pk).exists()

    def do_deactivate_superuser(self):
        admin = self.users["admin"]
        url = reverse("wagtail_bulk_action", args=("auth", "user", "set_active_state"))
        response = self.client.post(f"{url}?id={admin.pk}", {"mark_as_active": "False"})
        return response, not User.objects.get(pk=admin.pk).is_active

    def do_create_group(self):
        # Refused before any form is read (a 200 here would be a form error: a failed cell).
        response = self.client.post(reverse("wagtailusers_groups:add"), {"name": "Escalated"})
        return response, Group.objects.filter(name="Escalated").exists()

    def do_edit_taxonomy(self):
        response = self.client.post(
            reverse("wagtailsnippets_taxonomy_topic:add"),
            {"name": "Child labour", "slug": "child-labour"},
        )
        return response, Topic.objects.filter(slug="child-labour").exists()


class TestPermissionMatrix(Actions, EditorialTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Locale.objects.get_or_create(language_code="fr")
        partners, _collection = setup_partners()
        cls.users["partner"] = make_user("partner", partners.name)
        cls.target = make_user("target")  # a user in no group, whom the matrix edits

    def check(self, action, role):
        if role != "anonymous":
            self.login(role)
        response, changed = getattr(self, f"do_{action}")()
        if role in ALLOWED[action]:
            assert response.status_code in (200, 302), response.status_code
            assert changed, f"{role} could not {action}"
        else:
            login = reverse("wagtailadmin_login")
            if role in OUTSIDERS and getattr(response, "url", "").startswith(login):
                assert response.status_code == 302
            elif role == "anonymous":
                raise AssertionError(f"anonymous {action}: {response.status_code}")
            else:
                assert_refused(response)
            assert not changed, f"{role} could {action}"


def _cell(action, role):
    def test(self):
        self.check(action, role)

    test.__doc__ = f"{role}: {action} is {'allowed' if role in ALLOWED[action] else 'refused'}"
    return test


for _action in ALLOWED:
    for _role in ROLES:
        setattr(TestPermissionMatrix, f"test_{_role}_{_action}", _cell(_action, _role))


class TestSuperuserCanDoWhatOthersCannot(Actions, EditorialTestCase):
    """The refused cells above are refusals, not broken requests: a superuser's succeed."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.target = make_user("target")

    def test_superuser_manages_users_and_groups(self):
        self.login("admin")
        for action in (
            "make_superuser",
            "create_superuser",
            "grant_reviewers",
            "bulk_grant_reviewers",
            "edit_reviewer",
        ):
            response, changed = getattr(self, f"do_{action}")()
            assert response.status_code == 302, (action, response.status_code)
            assert changed, action


class TestSpecialistLimits(Actions, EditorialTestCase):
    """The refusals the issue names, for requests the admin's buttons would never send."""

    def test_specialist_cannot_delete_a_published_page_but_can_delete_a_draft(self):
        self.login("specialist")
        response, deleted = self.do_delete()
        assert_refused(response)
        assert not deleted
        draft = ContentAreaPage(title="Unfinished", slug="unfinished", live=False)
        self.t.areas_index.add_child(instance=draft)
        response = self.client.post(reverse("wagtailadmin_pages:delete", args=(draft.pk,)))
        assert response.status_code == 302
        assert not Page.objects.filter(pk=draft.pk).exists()

    def test_publish_posted_to_the_editor_saves_nothing(self):
        self.login("specialist")
        revisions = self.page.revisions.count()
        response, published = self.do_publish()
        assert_refused(response)
        assert not published
        assert self.page.revisions.count() == revisions

    def test_publish_posted_to_the_create_view_creates_nothing(self):
        self.login("specialist")
        url = reverse(
            "wagtailadmin_pages:add",
            args=("content_areas", "contentareapage", self.t.areas_index.pk),
        )
        response = self.client.post(
            url,
            form_data(
                ContentAreaPage, title="Sneaky", slug="sneaky", **{"action-publish": "Publish"}
            ),
        )
        assert_refused(response)
        assert not ContentAreaPage.objects.filter(slug="sneaky").exists()

    def test_another_specialist_cannot_cancel_or_approve_the_workflow(self):
        self.in_review()
        self.client.force_login(make_user("colleague", "Technical specialists"))
        revisions = self.page.revisions.count()
        for action in ("action-cancel-workflow", "action-restart-workflow"):
            assert_refused(self.edit(self.page, **{action: "yes"}))
        assert_refused(
            self.edit(
                self.page, **{"action-workflow-action": "true", "workflow-action-name": "approve"}
            )
        )
        assert_refused(self.act(self.page, "approve"))
        state = WorkflowState.objects.get(object_id=str(self.page.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert self.page.revisions.count() == revisions
        assert self.reload(self.page).title == "Family tracing"

    def test_the_submitter_may_still_cancel_their_own_submission(self):
        self.in_review()
        self.login("specialist")
        response = self.edit(self.page, **{"action-cancel-workflow": "yes"})
        assert response.status_code == 200  # the locked editor, with "Workflow cancelled"
        state = WorkflowState.objects.get(object_id=str(self.page.pk))
        assert state.status == WorkflowState.STATUS_CANCELLED

    def test_task_of_another_page_cannot_be_used(self):
        self.in_review()
        other = self.resource
        self.login("reviewer")
        assert_refused(self.act(other, "approve", task_state=self.task_state(self.page)))
        assert WorkflowState.objects.get(object_id=str(self.page.pk)).status == "in_progress"
