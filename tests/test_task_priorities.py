"""The worker runs the tasks visitors wait for first (core.task_backend, TASK_PRIORITIES).

After an approval the search page shows the new page only once its search-index task has run;
the reference index and e-mail queued in the same save can wait. The production queue gives
the tasks named in TASK_PRIORITIES their priority, and the worker takes the highest first.
"""

from django.test import TestCase, override_settings
from django_tasks_db.models import DBTaskResult
from modelsearch.tasks import insert_or_update_object_task
from wagtail.tasks import update_reference_index_task

from core.mail import send_email

QUEUE = {"default": {"BACKEND": "core.task_backend.DatabaseBackend"}}
INDEX = "modelsearch.tasks.insert_or_update_object_task"


@override_settings(TASKS=QUEUE, TASK_PRIORITIES={INDEX: 10})
class TestPriorities(TestCase):
    def test_the_search_index_task_runs_before_tasks_queued_earlier(self):
        update_reference_index_task.enqueue("auth", "user", "1")
        send_email.enqueue({"subject": "x"})
        indexed = insert_or_update_object_task.enqueue("wagtailcore", "page", "1")
        assert str(DBTaskResult.objects.ready().first().id) == str(indexed.id)
        assert DBTaskResult.objects.get(id=indexed.id).priority == 10

    def test_a_priority_chosen_by_the_caller_is_kept(self):
        queued = insert_or_update_object_task.using(priority=-5).enqueue("wagtailcore", "page", "1")
        assert DBTaskResult.objects.get(id=queued.id).priority == -5
