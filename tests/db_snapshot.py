"""Migrate the test database once: kept between runs on SQLite, shared by workers on PostgreSQL.

The suite's SQLite database lives in memory, so pytest-django's `--reuse-db` cannot keep it:
every run, on every xdist worker, applied all 288 migrations again, about 37 seconds on an
idle core and almost all of it Django rebuilding model states, not SQL. The migrated database
is a few megabytes, so the first run saves a copy in pytest's cache folder
(`.pytest_cache/d/portal-sqlite/<key>.sqlite3`) and later runs load that copy into memory
with SQLite's backup API in well under a second.

The key is a hash of every installed app's migration files, the installed apps and Django's
version: a new or edited migration (ours or a library's after an upgrade) misses the copy and
the run migrates afresh. Nothing else differs: the same `migrate` wrote the copy, its
post-migrate rows (content types, permissions) included, and the serialized contents that
transactional tests restore are taken from the loaded database as Django takes them.

Used only where it cannot change what is tested: an in-memory SQLite test database. In CI
(`CI=true`) and with `--create-db` the run migrates afresh, once: the first xdist worker (or
CI beforehand, prepare() below) migrates and keeps a copy named by the run's id, which only
that run's workers load (three workers migrating at once on two cores took about a minute of
the CI's time). Django has no hook between "test database created" and "migrate" (`BaseDatabaseCreation.create_test_db` runs
both), so `call_command` is swapped for the `migrate` call of that one function; the swap can go
if Django's test runner gains a way to provide a prepared database.

On PostgreSQL, `--reuse-db` keeps each worker's database between local runs already, but a run
that creates them (CI, `--create-db`) migrated once per xdist worker, both at once on the same
two cores (about 35 s of a core each, plus the server's own work). There the first worker
migrates and leaves a copy (`test_<name>_migrated_<key>`), and the others create theirs from it
with `CREATE DATABASE ... TEMPLATE`, which takes about a second; the controlling process drops
the copy when the run ends.
"""

import fcntl
import hashlib
import importlib.util
import os
import re
import sqlite3
from pathlib import Path

import django

CACHE_FOLDER = "portal-sqlite"  # in pytest's cache folder: .pytest_cache/d/<name>
FRESH_FOLDER = f"{CACHE_FOLDER}-fresh"  # the copies of runs that migrate afresh
PREPARED_RUN = "PORTAL_TEST_RUN"  # names the run whose database prepare() migrated (CI)


def snapshot_key():
    from django.apps import apps
    from django.conf import settings

    digest = hashlib.sha256(django.get_version().encode())
    digest.update("\n".join(settings.INSTALLED_APPS).encode())
    for app in apps.get_app_configs():
        spec = importlib.util.find_spec(f"{app.name}.migrations")
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            for path in sorted(Path(folder).glob("*.py")):
                digest.update(f"{app.label}/{path.name}".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _warm_content_types(connection):
    """Leave the process as `migrate` leaves it: its post-migrate permission step fetches every
    model's ContentType into the manager's cache. Tests rely on that: a flushed database is
    restored from its serialized rows, and a cold cache lets a signal handler re-create a
    content type before its row is restored (a unique-constraint error)."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    ContentType.objects.db_manager(connection.alias).get_for_models(
        *apps.get_models(), for_concrete_models=False
    )


def _migrate_or_restore(connection, snapshot, call_command):
    """A `call_command` that answers `migrate` from the snapshot, or migrates and keeps one."""

    def command(name, *args, **kwargs):
        if name != "migrate":
            return call_command(name, *args, **kwargs)
        connection.ensure_connection()
        # One worker migrates while the others wait for its copy, rather than all at once.
        with open(snapshot.parent / "lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            return restore_or_migrate(name, *args, **kwargs)

    def restore_or_migrate(name, *args, **kwargs):
        if snapshot.exists():
            source = sqlite3.connect(snapshot)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
            _warm_content_types(connection)
            return None
        result = call_command(name, *args, **kwargs)
        partial = snapshot.with_name(f"{snapshot.name}.{os.getpid()}.partial")
        target = sqlite3.connect(partial)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        os.replace(partial, snapshot)  # atomic: another worker never reads half a copy
        for old in snapshot.parent.glob("*.sqlite3"):
            if old != snapshot:
                old.unlink(missing_ok=True)  # an earlier set of migrations
        return result

    return command


def _wrap_create_test_db(folder, run=""):
    import django.core.management as management
    from django.db.backends.sqlite3.creation import DatabaseCreation

    original = DatabaseCreation.create_test_db

    def create_test_db(self, *args, **kwargs):
        if not self.is_in_memory_db(self._get_test_db_name()):
            return original(self, *args, **kwargs)
        snapshot = folder / f"{run}{snapshot_key()}.sqlite3"
        call_command = management.call_command
        management.call_command = _migrate_or_restore(self.connection, snapshot, call_command)
        try:
            return original(self, *args, **kwargs)
        finally:
            management.call_command = call_command

    DatabaseCreation.create_test_db = create_test_db


def pytest_configure(config):
    _wrap_postgres_create_test_db()
    if config.cache is None:
        return
    if os.environ.get("CI", "").lower() == "true" or config.getoption("create_db", False):
        # Migrated afresh, once per run: the copy is named by this run's id (the same in
        # every xdist worker; CI's own when it migrated beforehand, see prepare()), so no
        # earlier run's copy is ever read.
        workerinput = getattr(config, "workerinput", None)
        if workerinput is None:
            return  # one process: nobody to share it with
        folder = config.cache.mkdir(FRESH_FOLDER)
        run = os.environ.get(PREPARED_RUN) or workerinput["testrunuid"]
        _wrap_create_test_db(Path(folder), run=f"{run}-")
        return
    folder = config.cache.mkdir(CACHE_FOLDER)
    _wrap_create_test_db(Path(folder))


def pytest_sessionfinish(session):
    """The controlling process (or the only one) drops the migrated copies of this run."""
    if getattr(session.config, "workerinput", None) is not None:
        return
    from django.db import connections

    if "default" not in connections or connections["default"].vendor != "postgresql":
        return
    from pytest_django.plugin import blocking_manager_key

    connection = connections["default"]
    prefix = template_prefix(connection)
    # pytest-django blocks database access outside tests; this runs after them all.
    with session.config.stash[blocking_manager_key].unblock(), connection._nodb_cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [f"{prefix}%"])
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")


# ---- PostgreSQL: one worker migrates, the others copy its database -----------------------


def template_prefix(connection):
    """The migrated copies' names begin with the test database's name (less the xdist worker's
    suffix), so that each run, and each CI job's database, has its own."""
    base = connection.creation._get_test_db_name()
    return re.sub(r"_gw\d+$", "", base)[:40] + "_migrated_"


def _migrate_or_copy(connection, template, call_command):
    """A `call_command` that answers `migrate` with a copy of the database another worker of
    this run migrated (PostgreSQL's CREATE DATABASE ... TEMPLATE), or migrates and leaves one.

    The workers take turns under an advisory lock, so one migrates while the other waits
    (copying takes about a second) instead of both migrating at once on the same two cores.
    `_nodb_cursor` is Django's private way to reach the server's `postgres` database, which
    its own test-database creation uses too."""

    def command(name, *args, **kwargs):
        if name != "migrate":
            return call_command(name, *args, **kwargs)
        test_name = connection.settings_dict["NAME"]
        quote = connection.ops.quote_name
        connection.close()
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(hashtext(%s))", [template])
            try:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
                if cursor.fetchone():
                    cursor.execute(f"DROP DATABASE {quote(test_name)}")
                    cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
                    connection.ensure_connection()
                    _warm_content_types(connection)
                    return None
                result = call_command(name, *args, **kwargs)
                connection.close()  # a template must have no connections
                cursor.execute(f"CREATE DATABASE {quote(template)} TEMPLATE {quote(test_name)}")
                return result
            finally:
                cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [template])

    return command


def _wrap_postgres_create_test_db():
    import django.core.management as management
    from django.db.backends.postgresql.creation import DatabaseCreation

    original = DatabaseCreation.create_test_db
    if getattr(original, "portal_wrapped", False):
        return

    def create_test_db(self, verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        if keepdb:  # --reuse-db keeps each worker's migrated database already
            name = original(self, verbosity, autoclobber, serialize, keepdb)
            # With nothing left to migrate, the process did not fetch every ContentType, and
            # the first restore of a flushed database failed on a re-created one.
            _warm_content_types(self.connection)
            return name
        template = template_prefix(self.connection) + snapshot_key()[:12]  # before the renaming
        call_command = management.call_command
        management.call_command = _migrate_or_copy(self.connection, template, call_command)
        try:
            return original(self, verbosity, autoclobber, serialize, keepdb)
        finally:
            management.call_command = call_command

    create_test_db.portal_wrapped = True
    DatabaseCreation.create_test_db = create_test_db


# ---- CI: migrate before the run, beside the other checks ---------------------------------


def prepare():
    """Migrate the test database of a run that will create its own, and leave the copy its
    workers load (`python -m tests.db_snapshot`, from the project's folder).

    In a run that creates its databases, the first worker migrates (about 35 s of one core)
    while the others wait for its copy, so one core idles. CI (`.ci/run`) runs this for each
    database beside `make check`, whose linters use one core too, and the passes then start
    from the copy: SQLite's under the run's name in PORTAL_TEST_RUN, PostgreSQL's as the
    template named after DATABASE_URL's test database. It is the same `migrate`, afresh, in
    the same CI run. Should it fail, the pass's first worker migrates as before (and reports
    what failed)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()  # as the test run sets up (e-mail, templates, hosts)
    if connection.vendor == "postgresql":
        _wrap_postgres_create_test_db()
        name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        connection.creation.destroy_test_db(name, verbosity=0)  # the template stays
        return
    run = os.environ.get(PREPARED_RUN)
    if not run:
        raise SystemExit(f"{PREPARED_RUN} must name the run that will load the copy")
    folder = Path(".pytest_cache") / "d" / FRESH_FOLDER  # what config.cache.mkdir() gives
    folder.mkdir(parents=True, exist_ok=True)
    _wrap_create_test_db(folder, run=f"{run}-")
    connection.creation.create_test_db(verbosity=0, serialize=False)


if __name__ == "__main__":
    prepare()
