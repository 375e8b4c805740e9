"""Every search engine the settings offer (SEARCH_BACKEND) has its client installed.

Nothing is contacted: building a backend only creates its client. A real server is exercised
by search/tests/test_elasticsearch.py when SEARCH_TEST_ELASTICSEARCH_URL is set.
"""

import importlib

import pytest

# The values of SEARCH_BACKEND that the README and portal/settings/base.py offer. Not
# elasticsearch7: its backend needs the 7.x client, which cannot be installed beside the 9.x
# client that elasticsearch8 and elasticsearch9 use.
OFFERED = ["database", "elasticsearch8", "elasticsearch9", "opensearch2", "opensearch3"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", OFFERED)
def test_offered_backend_loads(name):
    module = importlib.import_module(f"search.backends.{name}")
    params = {} if name == "database" else {"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "t_"}
    assert module.SearchBackend(params) is not None
