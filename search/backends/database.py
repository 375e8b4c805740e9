"""The database backend: WAGTAILSEARCH_BACKENDS' default unless an external engine is chosen.

Like `wagtail.search.backends.database` it picks an implementation by database vendor, then
swaps in the portal's subclass: PostgreSQL for production, SQLite for the zero-setup default.
Any other database (or SQLite without FTS5) keeps modelsearch's plain fallback.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as vendor_backend


def SearchBackend(params):
    if connection.vendor == "postgresql":
        from .postgres import PortalPostgresSearchBackend

        return PortalPostgresSearchBackend(params)
    backend = vendor_backend(params)  # checks that SQLite has FTS5 and its table
    if type(backend).__name__ == "SQLiteSearchBackend":
        from .sqlite import PortalSQLiteSearchBackend

        return PortalSQLiteSearchBackend(params)
    return backend
