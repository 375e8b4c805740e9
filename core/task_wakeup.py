"""Waking the task worker when a task is queued, instead of waiting for its next look.

Why: an idle `db_worker` looks for new tasks once per `--interval` (1 s), so after an approval
the search-index task waited up to a second before it started, on top of the approval's own
transaction, and an approved page reached search results seconds after the page itself
(issue 18). Looking more often is a busy loop against the database for every idle worker.

So on PostgreSQL the queue (core.task_backend) sends `NOTIFY portal_tasks` in the transaction
that stores a task, and the worker (core/management/commands/db_worker.py) waits on `LISTEN
portal_tasks` for at most its interval between looks:

* PostgreSQL delivers a notification only when, and if, its transaction commits, so the worker
  never wakes before the task row is visible, and a rolled-back task wakes nobody;
* the worker listens before its first look, so a commit between a look and the wait is
  delivered at once when it waits;
* a notification that is lost (the worker's listening connection dropped, the worker
  restarted, a task made due later by `run_after`) costs no task: the worker still looks
  every interval, as before. The poll is the guarantee, the notification only makes it early.

Elsewhere (SQLite in development and tests) nothing is sent and the worker polls.
"""

import logging
import time

from django.db import connections

logger = logging.getLogger("portal.tasks")

CHANNEL = "portal_tasks"


def notify(using="default"):
    """Wake listening workers when the current transaction commits (PostgreSQL only)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"NOTIFY {CHANNEL}")


class Listener:
    """A connection of its own that LISTENs, or nothing (then `wait` simply sleeps).

    Its own because Django's connection is closed and reopened by the worker between tasks
    (close_old_connections), which would drop the LISTEN, and because a notification must
    not wait for Django's connection to be idle.
    """

    def __init__(self, using="default"):
        self.using = using
        self.connection = None

    def open(self):
        """Start listening; without PostgreSQL, or when it fails, the worker only polls."""
        wrapper = connections[self.using]
        if wrapper.vendor != "postgresql":
            return self
        import psycopg

        try:
            params = wrapper.get_connection_params()
            params.pop("cursor_factory", None)
            params.pop("context", None)
            self.connection = psycopg.connect(**params, autocommit=True)
            self.connection.execute(f"LISTEN {CHANNEL}")
        except Exception:
            logger.warning("Cannot listen for new tasks; polling only.", exc_info=True)
            self.close()
        return self

    def wait(self, seconds):
        """Until a task is queued (True) or `seconds` passed (False)."""
        if self.connection is None:
            time.sleep(seconds)
            self.open()  # try again, for the next wait
            return False
        try:
            woken = any(True for _ in self.connection.notifies(timeout=seconds, stop_after=1))
            if woken:  # the others of a burst of commits: one look finds all their tasks
                for _ in self.connection.notifies(timeout=0):
                    pass
            return woken
        except Exception:
            logger.warning("Lost the connection listening for tasks; polling.", exc_info=True)
            self.close()
            return False

    def close(self):
        if self.connection is not None:
            try:
                self.connection.close()
            except Exception:
                pass
        self.connection = None
