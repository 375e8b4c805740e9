"""`SEARCH_BACKEND=elasticsearch9`: see search.backends.elasticsearch."""

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

from .elasticsearch import portal_backend

SearchBackend = portal_backend(Elasticsearch9SearchBackend)
