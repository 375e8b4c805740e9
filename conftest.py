"""Fixtures for every app's tests."""

import pytest

# The order in which pytest-xdist hands test scopes to its workers, the migrated SQLite
# database kept between runs, and test classes' set-ups run as bulk loads: see each module.
pytest_plugins = ["tests.longest_first", "tests.db_snapshot", "tests.bulk_setup"]


@pytest.fixture(autouse=True, scope="session")
def _mail_through_the_task_queue(django_test_environment):
    """Django's test set-up swaps EMAIL_BACKEND for its in-memory outbox; the portal queues
    mail as a task (core.mail) and delivers to that outbox (EMAIL_DELIVERY_BACKEND), so the
    suite sends every e-mail the way production does."""
    from django.conf import settings

    settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend"


@pytest.fixture(autouse=True)
def _fresh_search_caches():
    """search caches the synonym table, the PostgreSQL index's average title length and the
    typo fallback's answers between requests; a test's rolled-back rows send no signal, so
    each test starts by reading them from its own database."""
    from django.core.cache import cache

    from search.backends.postgres import title_average_cache_key
    from search.synonyms import forget_synonyms
    from search.vocabulary import forget as forget_spelling

    forget_synonyms()
    cache.delete(title_average_cache_key())
    forget_spelling()


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's default language.

    Django's LocaleMiddleware leaves the language of a request active in its thread, so a test
    rendering without a request read the language of whichever test had run before it on that
    worker (an English include rendered in Spanish). A test about another language activates
    it; code that must not depend on the thread's language is tested so (the review reminders).
    """
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


def _flushes_the_database(item):
    """Whether the test runs outside a transaction, so that its clean-up flushes every table
    (Django's TransactionTestCase, or pytest-django's `transaction=True`)."""
    from django.test import TestCase, TransactionTestCase

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return not issubclass(cls, TestCase)
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or "transactional_db" in getattr(
        item, "fixturenames", ()
    )


def _asks_for_serialized_rollback(item):
    from django.test import TransactionTestCase

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return bool(cls.serialized_rollback)
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("serialized_rollback")) or (
        "django_db_serialized_rollback" in getattr(item, "fixturenames", ())
    )


def pytest_collection_modifyitems(config, items):
    """Refuse a test that flushes the database without serialized_rollback.

    Its flush runs Django's post-migrate step, which makes content types and permissions
    afresh under other ids than the migrated rows kept for restoring; the restore after it
    (below) then fails, and every later test on that worker finds no root collection or locale.
    """
    offenders = [
        item.nodeid
        for item in items
        if _flushes_the_database(item) and not _asks_for_serialized_rollback(item)
    ]
    if offenders:
        raise pytest.UsageError(
            "These tests flush the database; add serialized_rollback=True to their django_db "
            "mark (or class) so that the migrations' rows are restored after them: "
            + ", ".join(offenders)
        )


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that flushed the database, put back the rows the migrations created (root
    page and collection, locales, site, content types).

    Django's runner runs such tests after all the others, and pytest-django orders them so; but
    pytest-xdist's `--dist loadscope` hands out the largest scopes first, so on one worker the
    flushed tables met the test modules after it ("Locale matching query does not exist" in 23
    set-ups). Restoring here keeps every test independent of the order it runs in.

    After the session's last test the test database is already torn down (its connection names
    the real database again): nothing follows, and a transactional test that needs the rows
    asks for `serialized_rollback`, which puts them back at its own set-up."""
    from django.db import connection

    test_database = connection.settings_dict["NAME"]
    yield
    if not _flushes_the_database(item) or connection.settings_dict["NAME"] != test_database:
        return
    from pytest_django.plugin import blocking_manager_key
    from wagtail.models import Locale

    migrated = getattr(connection, "_test_serialized_contents", None)
    if not migrated:
        return  # nothing asked for serialized rollback in this run, so nothing was kept
    with item.config.stash[blocking_manager_key].unblock():
        if not Locale.objects.exists():
            connection.creation.deserialize_db_from_string(migrated)
