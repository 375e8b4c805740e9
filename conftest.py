"""Fixtures for every app's tests."""

import pytest


@pytest.fixture(autouse=True)
def _fresh_synonym_table():
    """search.synonyms caches the synonym table between requests; a test's rolled-back groups
    send no delete signal, so each test starts by reading the table from its own database."""
    from search.synonyms import forget_synonyms

    forget_synonyms()
