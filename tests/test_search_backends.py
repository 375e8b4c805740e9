"""Every search engine the settings offer (SEARCH_BACKEND) has its client installed.

Nothing is contacted: building a backend only creates its client. A real server is exercised
by search/tests/test_elasticsearch.py when SEARCH_TEST_ELASTICSEARCH_URL is set.
"""

import importlib

import pytest

# The values of SEARCH_BACKEND that the README and portal/settings/base.py offer: every module
# of search.backends but the shared ones (test_every_backend_module_is_offered).
OFFERED = ["database", "elasticsearch8", "elasticsearch9", "opensearch2", "opensearch3"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", OFFERED)
def test_offered_backend_loads(name):
    module = importlib.import_module(f"search.backends.{name}")
    params = {} if name == "database" else {"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "t_"}
    assert module.SearchBackend(params) is not None


def test_every_backend_module_is_offered():
    """A backend module nobody can choose is dead code (as the Elasticsearch 7 one was): every
    module of search.backends is offered, or is one that the offered ones build on."""
    import pkgutil

    import search.backends

    # The shared Elasticsearch/OpenSearch code, the two that `database` chooses between, and
    # the PostgreSQL one's entry writer.
    shared = {"elasticsearch", "postgres", "postgres_entries", "sqlite"}
    modules = {info.name for info in pkgutil.iter_modules(search.backends.__path__)}
    assert modules - shared == set(OFFERED)
