"""Fixtures for every app's tests."""

import pytest


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
    from search.spelling import forget as forget_spelling
    from search.synonyms import forget_synonyms

    forget_synonyms()
    cache.delete(title_average_cache_key())
    forget_spelling()
