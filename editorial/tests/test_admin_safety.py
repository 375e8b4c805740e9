"""The admin works from the first minute and tells no outside service who uses it."""

import datetime
from unittest import mock

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import ReferenceIndex

from content_areas.models import ContentAreaFeaturedItem, ContentAreaPage
from core.task_backend import REFERENCE_INDEX_TASK

from .base import EditorialTestCase


class TestDashboard(EditorialTestCase):
    def test_dashboard_lists_failed_tasks_instead_of_failing(self):
        now = timezone.now()
        DBTaskResult.objects.create(
            status=TaskResultStatus.FAILED,
            args_kwargs={"args": ["wagtailcore", "page", "1"], "kwargs": {}},
            task_path="wagtail.tasks.update_reference_index_task",
            queue_name="default",
            backend_name="default",
            run_after=now - datetime.timedelta(minutes=1),
            finished_at=now,
            exception_class_path="builtins.RuntimeError",
            traceback="RuntimeError: down",
        )
        self.login("admin")
        response = self.client.get(reverse("wagtailadmin_home"))
        assert response.status_code == 200
        html = response.content.decode()
        assert "1 background task has failed" in html
        listing = reverse("django_tasks_database_dbtaskresult_modeladmin_index")
        assert f'href="{listing}?status__exact=FAILED"' in html
        assert self.client.get(f"{listing}?status__exact=FAILED").status_code == 200


class TestNoOutsideAvatars(EditorialTestCase):
    def test_admin_pages_name_no_avatar_service(self):
        for role in ("admin", "siteadmin", "reviewer"):
            self.login(role)
            for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_account")):
                html = self.client.get(url).content.decode().lower()
                assert "gravatar" not in html, (role, url)
        self.login("admin")
        html = self.client.get(reverse("wagtailusers_users:index")).content.decode().lower()
        assert "gravatar" not in html


QUEUE = {"default": {"BACKEND": "core.task_backend.DatabaseBackend"}}


def run_worker():
    # The worker closes stale connections between tasks; on PostgreSQL that would also close
    # the connection holding this test's transaction.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, startup_delay=False, interval=0.1, verbosity=0)


class TestTaskQueue(EditorialTestCase):
    """Production's queue (core.task_backend): every task succeeds and none is queued twice."""

    def test_reference_index_tasks_of_replaced_child_rows_succeed(self):
        with override_settings(TASKS=QUEUE):
            page = ContentAreaPage.objects.get(pk=self.page.pk)
            page.featured_items = [ContentAreaFeaturedItem(linked_page=self.t.areas_index)]
            page.save_revision().publish()
            # Saving again replaces the child row: the first one no longer exists.
            page.featured_items = [ContentAreaFeaturedItem(linked_page=self.resource)]
            page.save_revision().publish()
            waiting = DBTaskResult.objects.filter(task_path=REFERENCE_INDEX_TASK)
            assert waiting.exists()
            assert not waiting.filter(args_kwargs__args__1="contentareafeatureditem").exists()
            run_worker()
        assert not DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).exists()
        assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).exists()
        referenced = ReferenceIndex.get_references_for_object(page).values_list(
            "to_object_id", flat=True
        )
        assert str(self.resource.pk) in set(referenced)

    def test_one_approval_queues_each_piece_of_work_once(self):
        with override_settings(TASKS=QUEUE):
            self.login("specialist")  # submits through the editor, as people do
            assert self.submit(self.page, title="Family tracing, approved").status_code == 302
            self.login("reviewer")
            response = self.act(self.page, "approve")
            assert response.status_code == 302
            assert self.reload(self.page).title == "Family tracing, approved"
            queued = list(DBTaskResult.objects.values_list("task_path", "args_kwargs"))
        index_page = [
            args
            for path, args in queued
            if path == "modelsearch.tasks.insert_or_update_object_task"
            and args["args"][2] == str(self.page.pk)
        ]
        assert len(index_page) == 1, queued
        assert len({(path, repr(args)) for path, args in queued}) == len(queued), queued
