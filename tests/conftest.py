"""Fixtures shared by the modules of this folder (the browser tests have their own)."""

import pytest


@pytest.fixture
def no_cached_renditions():
    """An earlier test's rolled-back image may have had the same id (SQLite reuses them) and
    left its renditions in the cache, where Wagtail would find them and make nothing: for the
    tests of what an upload makes (test_renditions.py, test_image_sizes.py)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
