"""Make background-task failures loud.

django-tasks' immediate backend (dev and tests) records a failed task and carries on, so a
search-index update can fail with only a one-line log entry and no traceback. This handler
logs the traceback at ERROR so it reaches error monitoring. In production the database queue
also keeps every failed task, listed in the admin (see core.wagtail_hooks).
"""

import logging

from django.dispatch import receiver
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

logger = logging.getLogger("portal.tasks")


@receiver(task_finished)
def log_failed_task(sender, task_result, **kwargs):
    if task_result.status != TaskResultStatus.FAILED:
        return
    errors = getattr(task_result, "errors", None) or []
    detail = errors[-1].traceback if errors else ""
    logger.error("Background task %s failed.\n%s", task_result.task.module_path, detail)
