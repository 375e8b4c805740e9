"""The worker starts a queued task at once, and still finds one whose wake-up was lost.

core.task_wakeup: on PostgreSQL the queue sends a notification with the transaction that
stores a task, delivered at its commit, and `manage.py db_worker` (core's) waits on it between
looks instead of sleeping. The poll stays as the guarantee: a task stored without a
notification (a crash between the commit and a wake-up, a listener that reconnected) is run
at the worker's next look.

The worker here is a real `manage.py db_worker` process on this test's database, with a long
interval (5 s), so a task started well within it was started by the notification.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test import TestCase, override_settings
from django_tasks import task

from core import task_wakeup

ROOT = Path(__file__).resolve().parent.parent
QUEUE = {"default": {"BACKEND": "core.task_backend.DatabaseBackend"}}
STOCK_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # never notifies
INTERVAL = 5.0

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="LISTEN/NOTIFY is PostgreSQL's"
)


@task()
def stamp(label):
    """Run by the worker process: when it ran, in this machine's clock."""
    return {"label": label, "ran": time.time()}


class TestWorkerStart(TestCase):
    def test_apps_load_their_models_before_the_first_look(self):
        from unittest import mock

        from django.core.management import call_command

        from core.task_backend import worker_starting

        received = []

        def receiver(sender, **kwargs):
            received.append(sender)

        worker_starting.connect(receiver)
        self.addCleanup(worker_starting.disconnect, receiver)
        with (
            override_settings(TASKS=QUEUE, SEARCH_SEMANTIC=True),
            mock.patch("search.semantic.embed") as embed,
            mock.patch("search.semantic._package_available", return_value=True),
            mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"),
        ):
            call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
        assert len(received) == 1
        embed.assert_called_once()  # search's meaning model, loaded at the start


class TestWithoutPostgreSQL(TestCase):
    @pytest.mark.skipif(connection.vendor == "postgresql", reason="about the other databases")
    def test_nothing_is_sent_and_the_listener_only_sleeps(self):
        task_wakeup.notify()  # no error, nothing to send
        listener = task_wakeup.Listener().open()
        assert listener.connection is None
        started = time.monotonic()
        assert listener.wait(0.05) is False
        assert time.monotonic() - started >= 0.05
        listener.close()


@on_postgresql
@pytest.mark.django_db(transaction=True)
class TestNotification:
    def test_delivered_at_commit_only(self):
        listener = task_wakeup.Listener().open()
        try:
            assert listener.connection is not None
            with override_settings(TASKS=QUEUE):
                with transaction.atomic():
                    stamp.enqueue("at commit")
                    assert listener.wait(0.2) is False  # the row is not visible yet
                assert listener.wait(5) is True
                with transaction.atomic():
                    stamp.enqueue("rolled back")
                    transaction.set_rollback(True)
                assert listener.wait(0.3) is False
        finally:
            listener.close()

    def test_a_task_waiting_already_is_not_queued_again(self):
        from django_tasks_db.models import DBTaskResult

        with override_settings(TASKS=QUEUE):
            stamp.enqueue("once")
            stamp.enqueue("once")
        assert DBTaskResult.objects.filter(task_path__endswith=".stamp").count() == 1


def database_url():
    params = connection.settings_dict
    password = f":{params['PASSWORD']}" if params.get("PASSWORD") else ""
    return (
        f"postgresql://{params['USER']}{password}@{params['HOST'] or '127.0.0.1'}:"
        f"{params['PORT'] or 5432}/{params['NAME']}"
    )


@pytest.fixture
def worker(tmp_path):
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.task_worker_settings",
        "DATABASE_URL": database_url(),
    }
    command = [sys.executable, "manage.py", "db_worker", "--queue-name", "*"]
    command += ["--interval", str(INTERVAL), "--no-startup-delay", "--no-reload"]
    with open(log, "w") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        print(log.read_text())  # shown when the test fails


def finished(label, seconds):
    """The result row of the `stamp` task with this label once it ran (None after `seconds`)."""
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        row = DBTaskResult.objects.filter(
            task_path__endswith=".stamp", args_kwargs__args=[label], finished_at__isnull=False
        ).first()
        if row is not None:
            return row
        time.sleep(0.02)
    return None


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_worker_process_is_woken_and_still_polls(worker):
    # The worker is running and idle once it ran a first task (whichever look found it).
    with override_settings(TASKS=QUEUE):
        stamp.enqueue("first")
    assert finished("first", 30) is not None, "the worker ran nothing"

    # Woken: each task starts far sooner than the worker's 5 s look would find it.
    waits = []
    for number in range(3):
        time.sleep(0.3)  # idle again, waiting
        with override_settings(TASKS=QUEUE):
            stamp.enqueue(f"woken {number}")
        row = finished(f"woken {number}", 2 * INTERVAL)
        assert row is not None
        waits.append((row.started_at - row.enqueued_at).total_seconds())
    print(f"queued to started, woken: {[round(wait, 3) for wait in waits]} s")
    assert max(waits) < 1.0, waits

    # Lost: stored without a notification, as if the process that committed it died before
    # any wake-up, it is still run, at the worker's next look.
    time.sleep(0.3)
    with override_settings(TASKS=STOCK_QUEUE):
        stamp.enqueue("not notified")
    row = finished("not notified", 3 * INTERVAL)
    assert row is not None, "a task stored without a wake-up was never run"
    assert (row.started_at - row.enqueued_at).total_seconds() <= INTERVAL + 2

    # A worker waiting on the notification still stops at once when told to.
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=10) == 0
