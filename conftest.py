"""Fixtures for every app's tests."""

import pytest


@pytest.fixture(autouse=True)
def _fresh_search_caches():
    """search caches the synonym table and the PostgreSQL index's average title length
    between requests; a test's rolled-back rows send no signal, so each test starts by
    reading them from its own database."""
    from django.core.cache import cache

    from search.backends.postgres import title_average_cache_key
    from search.synonyms import forget_synonyms

    forget_synonyms()
    cache.delete(title_average_cache_key())


# ---- The SQLite test database, kept between local runs ---------------------------------------
# Migrating a fresh test database costs about a minute of CPU, and SQLite's test database lives
# in memory, so pytest-django's --reuse-db cannot keep it. With --reuse-db (which `make test`
# passes outside CI), the freshly migrated database is saved once to a snapshot file named after
# every migration file and the settings migrations read; the next run loads the snapshot into
# the in-memory database before Django creates it, and Django's own `migrate` then finds nothing
# to apply. A changed or new migration names another snapshot (or `migrate` applies the new
# one); `--create-db` builds it afresh. CI passes no --reuse-db, so it always migrates.


def _sqlite_snapshot_path():
    """The snapshot file for the current migrations and settings, or None when the test
    database is not SQLite in memory."""
    import hashlib
    import sqlite3
    import tempfile
    from pathlib import Path

    import django
    from django.apps import apps
    from django.conf import settings
    from django.db import connections

    connection = connections["default"]
    if connection.vendor != "sqlite" or connection.settings_dict["TEST"]["NAME"] not in (
        None,
        "",
        ":memory:",
    ):
        return None
    digest = hashlib.sha256()
    for value in (django.get_version(), sqlite3.sqlite_version, settings.LANGUAGES):
        digest.update(repr(value).encode())
    for config in sorted(apps.get_app_configs(), key=lambda config: config.label):
        folder = Path(config.path) / "migrations"
        for path in sorted(folder.glob("*.py")):
            digest.update(f"{config.label}/{path.name}".encode())
            digest.update(path.read_bytes())
    return Path(tempfile.gettempdir()) / f"portal-test-db-{digest.hexdigest()[:16]}.sqlite3"


@pytest.fixture(scope="session")
def _sqlite_snapshot(request, django_db_keepdb, django_db_createdb):
    """Load the snapshot, if there is one and it may be used, into the in-memory database that
    Django is about to create; yields whether it did, and the file to save otherwise."""
    import sqlite3

    path = _sqlite_snapshot_path() if django_db_keepdb else None
    if path is None:
        yield None, None
        return
    if django_db_createdb or not path.exists():
        yield None, path
        return
    from django.db import connections

    alias = connections["default"].alias
    # The name Django's SQLite backend gives its in-memory test database: a shared-cache
    # database lives while one connection to it is open, so this one holds it for the session.
    memory = sqlite3.connect(f"file:memorydb_{alias}?mode=memory&cache=shared", uri=True)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as snapshot:
        snapshot.backup(memory)
    yield memory, None
    memory.close()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, _sqlite_snapshot):
    """pytest-django's hook just before the test databases are created (as its own, plus the
    snapshot above)."""


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, _sqlite_snapshot):
    """pytest-django's, then the snapshot saved if this run had to migrate."""
    import os
    import sqlite3

    loaded, save_to = _sqlite_snapshot
    if loaded is None and save_to is not None:
        from django.db import connections

        with django_db_blocker.unblock():
            connection = connections["default"]
            connection.ensure_connection()
            partial = save_to.with_name(f"{save_to.name}.{os.getpid()}")
            with sqlite3.connect(partial) as target:
                connection.connection.backup(target)
            target.close()
            os.replace(partial, save_to)  # whole or not at all, whichever worker wins
    yield


# ---- end of the SQLite test database --------------------------------------------------------
