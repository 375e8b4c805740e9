"""`SEARCH_BACKEND=elasticsearch8`: see search.backends.elasticsearch."""

from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend

from .elasticsearch import portal_backend

SearchBackend = portal_backend(Elasticsearch8SearchBackend)
