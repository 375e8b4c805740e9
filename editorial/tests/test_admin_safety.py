"""The admin works from the first minute and tells no outside service who uses it."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

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
