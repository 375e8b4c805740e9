"""django_tasks_db's worker, woken by a queued task rather than only by its poll.

Same command, options and behaviour as django_tasks_db's `db_worker` (this app comes first in
INSTALLED_APPS, so `manage.py db_worker` is this one), except the wait between looks when the
queue is empty: instead of sleeping `--interval` seconds it waits on the queue's notification
(core.task_wakeup) for at most that long, so a task committed while the worker is idle starts
within milliseconds, and without a notification (lost, or SQLite) it is found by the next look
as before.
"""

import random
import time

from django.db.utils import OperationalError
from django_tasks_db.management.commands import db_worker as upstream
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from core.task_backend import worker_starting
from core.task_wakeup import Listener


class Worker(upstream.Worker):
    def run(self):
        """django_tasks_db's loop (0.13), with the listener's wait in place of its sleep.

        Its functions are called through its module (`upstream.…`), so what patches them
        there (search/tests/test_indexing.py keeps the test's connection open) applies here.
        """
        upstream.logger.info(
            "Starting worker worker_id=%s queues=%s", self.worker_id, ",".join(self.queue_names)
        )
        # Listening starts before the first look: no commit after it goes unnoticed.
        self.listener = Listener(DBTaskResult.objects.db).open()
        for receiver, error in worker_starting.send_robust(sender=type(self)):
            if error is not None:
                upstream.logger.error("%s failed at the worker's start: %r", receiver, error)
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # workers started together look apart
        try:
            self._loop()
        finally:
            self.listener.close()

    def _loop(self):
        while self.running:
            upstream.close_old_connections()
            tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
            if not self.process_all_queues:
                tasks = tasks.filter(queue_name__in=self.queue_names)
            if self.excluded_queue_names:
                tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
            with exclusive_transaction(tasks.db):
                try:
                    task_result = tasks.get_locked()
                    retrieved = True
                    if task_result is not None:
                        task_result.claim(self.worker_id)  # no other worker runs it
                except OperationalError as error:
                    retrieved = False
                    if not is_locked_database_exception(error):
                        raise
                    task_result = None  # SQLite busy: try again
            if task_result is not None:
                self.run_task(task_result)
            if self.batch and retrieved and task_result is None:
                upstream.logger.info("No more tasks to run for worker_id=%s.", self.worker_id)
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                upstream.logger.info("Ran the maximum of %d tasks.", self._run_tasks)
                return
            upstream.close_old_connections()
            if self.running and not task_result:
                self.listener.wait(self.interval)


class Command(upstream.Command):
    help = "Run the background-task worker (woken when a task is queued, polling as a fallback)"

    def handle(self, *args, **options):
        # django_tasks_db builds its Worker by the module's name: use this one while it runs.
        original = upstream.Worker
        upstream.Worker = Worker
        try:
            return super().handle(*args, **options)
        finally:
            upstream.Worker = original
