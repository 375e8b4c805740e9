"""search.summary's one statement agrees with counting the matches one by one, on any database."""

import re
from unittest import skipUnless

from django.db import connection
from django.db.models import FloatField, Value
from django.test import TestCase
from wagtail.models import Page

from search import facets
from search.backends.postgres import RankedPages
from search.engine import matching_pages, search_backend, visible_pages
from search.summary import match_sql, summarise
from search.synonyms import build_query

from .fixtures import publish, resource
from .test_search_page import build_portal

FILTERS = [
    {},
    {"topic": ("children-on-the-move",)},
    {"topic": ("children-on-the-move", "family-tracing"), "year": ("2019", "2021")},
    {"year": ("2021",), "language": ("en", "fr")},
    {"topic": ("no-such-topic",)},
    {"type": ("resources.resourcepage",), "year": ("1999'; DROP TABLE x; --",)},
]


def match_rows(matches):
    """(id, translation key, rank) of every match, as summarise() reads them."""
    sql, params = match_sql(matches)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT m.id, m.translation_key, m.search_rank FROM ({sql}) m", params)
        return cursor.fetchall()


def naive(matches, filters, grouped, names):
    """(total, counts) computed in Python from the matches' facet rows."""
    rows = [(pk, key) for pk, key, _rank in match_rows(matches)]
    values = facets.page_values([pk for pk, _key in rows])

    def passes(page_id, except_facet=None):
        return all(
            values.get(page_id, set()) & {(name, value) for value in chosen}
            for name, chosen in filters.items()
            if name != except_facet
        )

    total = len({(key if grouped else pk) for pk, key in rows if passes(pk)})
    counts = {}
    for name in names:
        counted = {}
        for pk, key in rows:
            if passes(pk, except_facet=name):
                for facet, value in values.get(pk, ()):
                    if facet == name:
                        counted.setdefault(value, set()).add(key if grouped else pk)
        counts[name] = {value: len(items) for value, items in counted.items()}
    return total, counts


class TestSummary(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_portal()
        for n in range(13):
            resource(cls.t.libraries["en"], f"Paginated Malawi note {n}", year=2019)
        # Translations that differ in their values: the English page has one topic, the
        # Spanish one another, the French one none.
        cls.t.kinship_es.topics.add(cls.t.topic2)
        cls.t.kinship_es = publish(cls.t.kinship_es)

    def matches(self, text, grouped):
        base = visible_pages() if grouped else visible_pages().filter(locale=self.t.locales["en"])
        if not text:
            return base.annotate(search_rank=Value(0.0, output_field=FloatField()))
        query, _terms = build_query(text, None if grouped else ["en"])
        return matching_pages(query, base, None if grouped else "en")

    def test_total_and_each_facet_counted_with_every_filter_but_its_own(self):
        for text in ("Malawi", ""):
            for grouped in (False, True):
                names = [name for name in facets.FACET_NAMES if name != "language" or grouped]
                for filters in FILTERS:
                    with self.subTest(text=text, grouped=grouped, filters=filters):
                        matches = self.matches(text, grouped)
                        summary = summarise(
                            matches,
                            filters,
                            grouped=grouped,
                            by_date=False,
                            offset=0,
                            limit=10,
                            facet_names=names,
                        )
                        assert (summary.total, summary.counts) == naive(
                            matches, filters, grouped, names
                        )

    def test_pages_follow_each_other_and_end(self):
        for grouped in (False, True):
            for by_date in (False, True):
                with self.subTest(grouped=grouped, by_date=by_date):
                    matches = self.matches("Malawi", grouped)
                    pages = [
                        summarise(
                            matches, {}, grouped=grouped, by_date=by_date, offset=offset, limit=10
                        )
                        for offset in (0, 10, 20)
                    ]
                    seen = pages[0].rows + pages[1].rows
                    assert pages[0].total == pages[2].total == len(seen) == len(set(seen)) > 10
                    assert pages[2].rows == []  # past the end: no rows, the total all the same

    def test_groups_have_their_matching_members(self):
        matches = self.matches("Malawi", grouped=True)
        summary = summarise(matches, {}, grouped=True, by_date=False, offset=0, limit=50)
        kinship = self.t.kinship.translation_key
        assert kinship in summary.rows
        members = {page_id for page_id, _rank in summary.members[kinship]}
        assert members == {self.t.kinship.pk, self.t.kinship_fr.pk, self.t.kinship_es.pk}

    def test_count_only(self):
        summary = summarise(
            self.matches("Malawi", grouped=True),
            {"language": ("es",)},
            grouped=True,
            by_date=False,
            offset=0,
            limit=0,
        )
        assert (summary.total, summary.rows, summary.members) == (1, [], {})

    @skipUnless(connection.vendor == "postgresql", "RankedPages is the PostgreSQL backend's")
    def test_ranked_pages_are_modelsearchs_matches_and_ranks(self):
        """The match summarise() reads ranks entries before joining pages: the same pages
        and ranks as modelsearch's own queryset, which joins first."""
        for language, base in (
            (None, visible_pages()),
            ("en", visible_pages().filter(locale=self.t.locales["en"])),
        ):
            with self.subTest(language=language):
                query, _terms = build_query(
                    "Malawi kinship", [language] if language else None, "or"
                )
                results = search_backend(language).search(query, base)
                compiler = results.query_compiler
                expected = compiler.search(
                    compiler.get_config(results.backend),
                    None,
                    None,
                    score_field="search_rank",
                    backend=results.backend,
                )
                ranked = results.matching_queryset()
                assert isinstance(ranked, RankedPages)
                got = {(pk, round(rank, 6)) for pk, _key, rank in match_rows(ranked)}
                assert got == {
                    (pk, round(rank, 6)) for pk, rank in expected.values_list("pk", "search_rank")
                }
                assert len(got) > 3

    @skipUnless(connection.vendor == "postgresql", "the index is PostgreSQL's (migration 0014)")
    def test_searchable_pages_can_be_read_from_their_index_alone(self):
        """Migration 0014's partial index holds what a search reads of the searchable pages.

        Its condition (live, below the home pages) must stay implied by searchable_pages()
        and its columns must cover every column the search reads of them, or PostgreSQL
        silently goes back to the page table, 10 ms a broad search at 100,000 pages. Which
        plan the planner picks on a test's few rows is its choice; so the page table's other
        indexes (but its keys') are dropped for this test (its transaction puts them back)
        and table scans turned off, leaving the planner this index or nothing."""
        from search.engine import searchable_pages

        table = Page._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [table]
            )
            indexes = dict(cursor.fetchall())
            definition = indexes.pop("portal_search_searchable_pages")
            cursor.execute(
                "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass "
                "AND contype IN ('p', 'u')",
                [table],
            )
            constraints = {name for (name,) in cursor.fetchall()}
            for name in set(indexes) - constraints:  # no condition here can use those
                cursor.execute(f'DROP INDEX "{name}"')
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
        columns = definition.split(f"{table} USING btree", 1)[1].split(" WHERE ", 1)[0]
        covered = set(re.findall(r"\w+", columns))  # the key and INCLUDE columns
        for pages in (
            searchable_pages(),
            searchable_pages().filter(locale=self.t.locales["fr"]),
        ):
            sql, params = (
                pages.order_by()
                .values("id", "translation_key", "first_published_at", "locale_id")
                .query.sql_with_params()
            )
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN " + sql, params)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "using portal_search_searchable_pages" in plan, plan
            # `live` is only tested, and every row of the index is live.
            read = set(re.findall(rf'"{table}"\."(\w+)"', sql)) - {"live"}
            assert read and read <= covered, read - covered
