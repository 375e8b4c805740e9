"""`manage.py setup_editorial`: the roles, tasks and workflows, created once and kept."""

import io

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from editorial import roles
from editorial.models import PeerReviewTask
from learning.models import LessonPage
from resources.models import ResourceKitPage

from .base import EditorialTestCase


def snapshot():
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "group permissions": Group.permissions.through.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
        "workflows": sorted(Workflow.objects.values_list("name", flat=True)),
        "workflow tasks": WorkflowTask.objects.count(),
        "workflow pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
    }


class TestSetup(EditorialTestCase):
    def test_creates_the_named_roles_and_workflows(self):
        names = set(Group.objects.values_list("name", flat=True))
        assert {
            "Technical specialists",
            "Reviewers",
            "Translators",
            "Site administrators",
            "Peer reviewers",
        } <= names
        review = Workflow.objects.get(name="Review and approval")
        assert [t.specific for t in review.tasks] == [
            GroupApprovalTask.objects.get(name=roles.REVIEW_TASK)
        ]
        assert list(review.tasks.first().specific.groups.values_list("name", flat=True)) == [
            "Reviewers"
        ]
        peer = Workflow.objects.get(name="Peer review and approval")
        assert [t.name for t in peer.tasks] == [roles.PEER_REVIEW_TASK, roles.REVIEW_TASK]
        assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow == review
        assert WorkflowPage.objects.get(page=self.t.case_index).workflow == peer
        assert WorkflowPage.objects.get(page=self.t.library).workflow == peer

    def test_running_again_changes_nothing(self):
        before = snapshot()
        out = io.StringIO()
        call_command("setup_editorial", stdout=out)
        call_command("setup_editorial", stdout=out)
        assert snapshot() == before
        assert "set up" in out.getvalue()

    def test_keeps_what_administrators_changed(self):
        task = PeerReviewTask.objects.get(name=roles.PEER_REVIEW_TASK)
        task.page_types.set([ContentType.objects.get_for_model(LessonPage)])
        custom = Workflow.objects.create(name="Legal check")
        WorkflowPage.objects.filter(page=self.t.case_index).update(workflow=custom)
        call_command("setup_editorial", stdout=io.StringIO())
        assert list(task.page_types.all()) == [ContentType.objects.get_for_model(LessonPage)]
        assert WorkflowPage.objects.get(page=self.t.case_index).workflow == custom

    def test_warns_when_the_root_has_another_workflow(self):
        WorkflowPage.objects.filter(page=Page.get_first_root_node()).update(
            workflow=Workflow.objects.create(name="Board approval")
        )
        err = io.StringIO()
        call_command("setup_editorial", stdout=io.StringIO(), stderr=err)
        assert "Board approval" in err.getvalue()

    def test_administrators_choose_the_peer_reviewed_types_on_the_task(self):
        task = PeerReviewTask.objects.get(name=roles.PEER_REVIEW_TASK)
        self.login("admin")
        response = self.client.get(reverse("wagtailadmin_workflows:edit_task", args=(task.pk,)))
        assert response.status_code == 200
        html = response.content.decode()
        assert 'name="page_types"' in html and "case study" in html.lower()
        assert "review reminder" not in html.lower()  # page types only

    def test_peer_review_applies_to_case_studies_and_kits(self):
        task = PeerReviewTask.objects.get(name=roles.PEER_REVIEW_TASK)
        assert task.applies_to(self.t.case_study) and task.applies_to(
            Page.objects.get(pk=self.t.kit.pk)
        )
        assert not task.applies_to(self.t.resource)
        assert ContentType.objects.get_for_model(ResourceKitPage) in task.page_types.all()


class TestSiteAdministrators(EditorialTestCase):
    urls = [
        reverse("wagtailusers_users:index"),
        reverse("wagtailsnippets_taxonomy_topic:list"),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailsettings:edit", args=("core", "portalsettings")),
        reverse("wagtaillocales:index"),
    ]

    def opens(self, url):
        """Whether the page opens, rather than ending on the dashboard with a refusal."""
        response = self.client.get(url, follow=True)
        return response.status_code == 200 and response.request["PATH_INFO"] != reverse(
            "wagtailadmin_home"
        )

    def test_manage_settings_users_taxonomy_and_workflows(self):
        self.login("siteadmin")
        for url in self.urls:
            with self.subTest(url=url):
                assert self.opens(url)

    def test_others_do_not(self):
        for role in ("specialist", "reviewer", "translator", "peer"):
            self.login(role)
            for url in self.urls:
                with self.subTest(role=role, url=url):
                    assert not self.opens(url)

    def test_cannot_edit_groups(self):
        self.login("siteadmin")
        assert not self.opens(reverse("wagtailusers_groups:index"))


class TestWagtailDefaultGroups(EditorialTestCase):
    """A fresh install has only the portal's roles: Wagtail's "Moderators" (publish anywhere)
    and "Editors" are removed by setup_editorial while nobody is in them."""

    def test_fresh_install_has_only_the_portal_roles(self):
        assert not Group.objects.filter(name__in=roles.WAGTAIL_DEFAULT_GROUPS).exists()
        assert not Workflow.objects.get(name=roles.WAGTAIL_DEFAULT_WORKFLOW).active

    def test_a_default_group_with_members_is_kept_and_reported(self):
        moderators = Group.objects.create(name="Moderators")
        self.users["reviewer"].groups.add(moderators)
        err = io.StringIO()
        call_command("setup_editorial", stdout=io.StringIO(), stderr=err)
        assert Group.objects.filter(name="Moderators").exists()
        assert '"Moderators" still has members' in err.getvalue()
        self.users["reviewer"].groups.remove(moderators)
        call_command("setup_editorial", stdout=io.StringIO(), stderr=io.StringIO())
        assert not Group.objects.filter(name="Moderators").exists()

    def test_site_administrators_may_delete_pages_and_nothing_else_on_pages(self):
        grants = GroupPagePermission.objects.filter(group__name=roles.SITE_ADMINISTRATORS)
        assert [(g.page_id, g.permission.codename) for g in grants] == [
            (Page.get_first_root_node().pk, "bulk_delete_page")
        ]
