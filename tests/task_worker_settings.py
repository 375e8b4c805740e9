"""The test settings with the production queue, for a `db_worker` process a test starts
(tests/test_task_wakeup.py): tasks are stored in the test database and run by that process."""

from portal.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "core.task_backend.DatabaseBackend"}}
