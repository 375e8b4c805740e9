"""The production task queue: django_tasks_db's, enqueuing each piece of work once.

Saving one page sends several `post_save` signals (the page, its revision, each child row) and
publishing saves it again, so one approval queued four identical search-index tasks, each
re-indexing the same page when one run reads the same, latest, state. And Wagtail's
reference-index task names the row that was saved; for a page's child rows (orderables such as
a resource's files or a content area's featured items) the row is often gone by the time the
worker runs it, because modelcluster deletes and recreates child rows when the page is saved
again or translated, so the task failed with DoesNotExist (64 of them after loading the demo
content). Wagtail records a child row's references under its parent anyway.

So, when a task is enqueued:

* a reference-index task for a child row names the parent instead, found while the row still
  exists (at its own `post_save`), and
* a task identical to one that is waiting and not yet started (same task, arguments, queue,
  priority and time to run) is not queued again: the waiting one will do the same work.

Only the database queue needs this; the immediate backend of development and tests runs each
task inside the save, while every row still exists.
"""

from django.apps import apps
from django_tasks import TaskResultStatus
from django_tasks.utils import normalize_json
from django_tasks_db.backend import DatabaseBackend as QueueBackend
from django_tasks_db.models import DBTaskResult, get_date_max
from modelcluster.fields import ParentalKey

REFERENCE_INDEX_TASK = "wagtail.tasks.update_reference_index_task"


def parent_object_args(app_label, model_name, pk):
    """The task arguments naming the outermost parent of a child row (or the row itself)."""
    model = apps.get_model(app_label, model_name)
    instance = model._default_manager.filter(pk=pk).first()
    moved = False
    while instance is not None:
        keys = [f for f in instance._meta.get_fields() if isinstance(f, ParentalKey)]
        if not keys:
            break
        parent = getattr(instance, keys[0].name)
        if parent is None:
            break
        instance, moved = parent, True
    if not moved:
        return [app_label, model_name, pk]
    return [instance._meta.app_label, instance._meta.model_name, str(instance.pk)]


class DatabaseBackend(QueueBackend):
    def _task_to_db_task(self, task, args, kwargs):
        if task.module_path == REFERENCE_INDEX_TASK and len(args) == 3:
            args = parent_object_args(*args)
        waiting = DBTaskResult.objects.filter(
            status=TaskResultStatus.READY,
            task_path=task.module_path,
            queue_name=task.queue_name,
            priority=task.priority,
            backend_name=self.alias,
            run_after=task.run_after or get_date_max(),
            args_kwargs=normalize_json({"args": args, "kwargs": kwargs}),
        ).first()
        if waiting is not None:
            return waiting
        return super()._task_to_db_task(task, args, kwargs)
