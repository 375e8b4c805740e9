"""Hand the slowest test scopes to the xdist workers first.

pytest-xdist's `--dist loadscope` keeps a test class (or a module's functions) on one worker, so
a class's page tree and a module's live server and browser are built once. It hands the scopes
out largest first, by number of tests. But the slowest scopes here are small: the demo loader
is one test, the Nu HTML checker one, the Arabic browser walk three. Handed out last, one of
them kept a worker busy for minutes after the other had finished.

This scheduler orders the scopes by how long each took in the last run (pytest's cache,
`.pytest_cache`), longest first, so the long ones start at once and the short ones fill in
around them. A clean clone has no cache: `tests/scope_seconds.json` (committed, rewritten with
`make test PYTEST_ARGS=--write-scope-seconds`) gives the order then. A scope that neither
knows is assumed to take half a second per test. Only the order changes: every test still
runs, each scope still on one worker.
"""

import json
import time
from pathlib import Path

import pytest

SEED = Path(__file__).with_name("scope_seconds.json")
CACHE_KEY = "portal/scope-seconds"
UNKNOWN_SECONDS_PER_TEST = 0.5
DATABASE_SETUP = "database_setup_seconds"


def scope_of(nodeid):
    """The unit loadscope schedules (xdist's own split: a class, or a module's functions)."""
    return nodeid.rsplit("::", 1)[0]


def known_seconds(config):
    seconds = {}
    if SEED.exists():
        seconds.update(json.loads(SEED.read_text()))
    if config.cache is not None:
        seconds.update(config.cache.get(CACHE_KEY, {}))
    return seconds


def make_scheduler_class():
    from xdist.scheduler import LoadScopeScheduling

    class LongestFirstScheduling(LoadScopeScheduling):
        def __init__(self, config, log=None):
            super().__init__(config, log)
            self._seconds = known_seconds(config)
            self._ordered = False

        def _cost(self, scope, tests):
            return self._seconds.get(scope, UNKNOWN_SECONDS_PER_TEST * len(tests))

        def _assign_work_unit(self, node):
            # The first call comes once the collection is complete and the queue is full.
            if not self._ordered:
                queue = sorted(self.workqueue.items(), key=lambda item: -self._cost(*item))
                self.workqueue.clear()
                self.workqueue.update(queue)
                self._ordered = True
            super()._assign_work_unit(node)

    return LongestFirstScheduling


def pytest_addoption(parser):
    parser.addoption(
        "--write-scope-seconds",
        action="store_true",
        help=f"after the run, write each test scope's duration to {SEED.name} (committed)",
    )


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist", None) != "loadscope":
        return None
    return make_scheduler_class()(config, log)


_database_setups = []


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """Times pytest-django's creation of the test database, once per process."""
    if fixturedef.argname != "django_db_setup":
        yield
        return
    start = time.perf_counter()
    yield
    _database_setups.append(time.perf_counter() - start)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Tells the controller how much of this set-up was the test database's creation (a worker's
    reports reach it serialised, user properties included)."""
    outcome = yield
    if call.when == "setup" and _database_setups:
        outcome.get_result().user_properties.append((DATABASE_SETUP, _database_setups.pop()))


class DurationRecorder:
    """Adds up setup, call and teardown per scope, in the controller (or the only process)."""

    def __init__(self):
        self.seconds = {}

    def pytest_runtest_logreport(self, report):
        if getattr(report, "context", None) is not None:
            return  # a subtest's report: its time is already in its test's
        # Each process's first set-up also creates the test database (a minute of migrations),
        # which is no more that scope's cost than any other's.
        database = dict(report.user_properties).get(DATABASE_SETUP, 0.0)
        scope = scope_of(report.nodeid)
        self.seconds[scope] = self.seconds.get(scope, 0.0) + report.duration - database

    def pytest_sessionfinish(self, session, exitstatus):
        config = session.config
        if not self.seconds or hasattr(config, "workerinput"):
            return
        rounded = {scope: round(value, 1) for scope, value in sorted(self.seconds.items())}
        if config.cache is not None:
            # Keep what this run did not measure (a run of one module, say).
            config.cache.set(CACHE_KEY, {**config.cache.get(CACHE_KEY, {}), **rounded})
        if config.getoption("write_scope_seconds"):
            SEED.write_text(json.dumps(rounded, indent=0, sort_keys=True) + "\n")


def pytest_configure(config):
    if not hasattr(config, "workerinput"):
        config.pluginmanager.register(DurationRecorder(), "portal-scope-seconds")
