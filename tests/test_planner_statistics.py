"""Bulk loads refresh the planner's statistics (core.database): ANALYZE runs when they finish."""

from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext


class TestAnalyzeAfterBulkLoads(TestCase):
    def test_search_reindex_analyzes_the_database(self):
        with CaptureQueriesContext(connection) as queries:
            call_command("search_reindex", "--locale", "en", stdout=StringIO())
        assert any(query["sql"].strip().upper() == "ANALYZE" for query in queries)

    def test_analyze_updates_postgresql_statistics(self):
        if connection.vendor != "postgresql":
            self.skipTest("pg_stat_user_tables is PostgreSQL's")
        from core.database import analyze

        analyze()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables "
                "WHERE relname = 'wagtailcore_page'"
            )
            assert cursor.fetchone()[0]
