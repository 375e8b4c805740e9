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
