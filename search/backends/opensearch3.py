"""`SEARCH_BACKEND=opensearch3`: see search.backends.elasticsearch."""

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend

from .elasticsearch import portal_backend

SearchBackend = portal_backend(OpenSearch3SearchBackend)
