"""`SEARCH_BACKEND=elasticsearch7`: see search.backends.elasticsearch."""

from modelsearch.backends.elasticsearch7 import Elasticsearch7SearchBackend

from .elasticsearch import portal_backend

SearchBackend = portal_backend(Elasticsearch7SearchBackend)
