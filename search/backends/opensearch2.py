"""`SEARCH_BACKEND=opensearch2`: see search.backends.elasticsearch."""

from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend

from .elasticsearch import portal_backend

SearchBackend = portal_backend(OpenSearch2SearchBackend)
