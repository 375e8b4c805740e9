"""SQLite (FTS5), the zero-setup default: accent folding, and stems from the query side.

FTS5's unicode61 tokenizer (modelsearch's migration) folds case and Latin accents, so
`migracion` finds `migración` and `education` finds `éducation`. It has no stemmer except an
English one, which would mangle French and Spanish pages, so the index stays unstemmed and
stemming is done on the query: each word is also searched as a prefix of its Snowball stem in
the query's language, or every content language in the all-languages scope (`protecting` ->
`protect*`, `familias` -> `famili*`). That finds inflected forms as a stemmer would, plus a
few words that only share the stem's first letters. Stems shorter than MIN_STEM letters are
not expanded (`kids` -> `kid*` would find `kidnapping`), so `niños` does not find `niño`
here; Arabic letters are not folded and its prefixes (ال) are not removed. PostgreSQL does
all of this properly; docs/search.md lists these limits and the stemming tests run there.

Ranking: FTS5's bm25 with the title weighted above the body; modelsearch's bm25() weights all
columns alike, so a page mentioning a word once in a long body could outrank its title.
"""

import operator
from functools import reduce

from django.db.models import F, FloatField, Func, IntegerField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import (
    Lexeme,
    LexemeCombinable,
    MatchExpression,
    SearchQueryExpression,
    SQLiteFTSIndexEntry,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks
from wagtail.search.models import IndexEntry

from ..text import stem
from . import LanguageOfObjects, PortalIndexMixin, content_languages, normalised_forms

MIN_STEM = 4
# FTS5 column order is (autocomplete, body, title): see wagtailsearch's migration 0006.
COLUMN_WEIGHTS = (0.0, 1.0, 5.0)


class WeightedBM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class Group(LexemeCombinable):
    """Parentheses around ORed lexemes: modelsearch joins lexemes without any, and FTS5's
    AND binds tighter than OR, so `a OR a* AND b` would mean `a OR (a* AND b)`."""

    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.inner)
        return "%s", [f"({sql % tuple(params)})"]


class PortalSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def get_config(self, backend):
        return backend.query_languages  # the languages whose stems a query is widened with

    def _term(self, term, languages):
        lexeme = Lexeme(term)
        stems = {stem(term, language) for language in languages}
        prefixes = [
            Lexeme(word_stem, prefix=True)
            for word_stem in sorted(stems)
            if len(word_stem) >= MIN_STEM
        ]
        return Group(reduce(operator.or_, [lexeme, *prefixes])) if prefixes else lexeme

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText) and config:
            terms = query.query_string.split()
            if not terms:
                return None
            combine = operator.and_ if query.operator == "and" else operator.or_
            return SearchQueryExpression(
                reduce(combine, [self._term(term, config) for term in terms])
            )
        return super().build_search_query_content(query, config=config)

    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()


class PortalSQLiteSearchResults(SQLiteSearchResults):
    def matching_queryset(self):
        """Every match as an unsliced queryset annotated with `search_rank` (higher is better).

        The pages are joined to their FTS rows, with the score read in the same SELECT as the
        MATCH. modelsearch reads each result's score with a correlated subquery that runs the
        whole MATCH again for every result: fine for a page of ten, but for every match (as
        counts and facets need) it took over a minute per search on 100,000 pages.

        Each entry finds its page by the page's integer primary key (`id = CAST(object_id AS
        INTEGER)`, beside the generic relation's own `object_id = CAST(id AS TEXT)`). Without
        it SQLite looks pages up through migration 0003's index on the id as text, and once
        ANALYZE has run (import_resources, load_demo_content and search_reindex run it) SQLite
        3.40 (Debian 12) may put a Bloom filter on that index lookup, which then drops every
        match: a search found nothing although its entries and FTS rows were there. The
        primary key lookup is also the cheaper plan. The condition can go when modelsearch
        joins on the integer id itself.
        """
        compiler = self.query_compiler
        query = normalize(compiler.query)
        if isinstance(query, (MatchAll, Not)):  # not a search of words: modelsearch's way
            queryset = compiler.search(
                compiler.get_config(self.backend), None, None, score_field="bm25_score"
            )
            return queryset.annotate(search_rank=-F("bm25_score"))
        match = MatchExpression(
            compiler.fields or compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(query, config=compiler.get_config(self.backend)),
        )
        return compiler.queryset.filter(
            match,  # one filter() call, so that both conditions are on the same joined entry
            index_entries__content_type_id__in=get_descendants_content_types_pks(
                compiler.queryset.model
            ),
            index_entries__sqliteftsindexentry__isnull=False,
            id=Cast("index_entries__object_id", IntegerField()),
        ).annotate(search_rank=WeightedBM25() * -1)


class PortalSQLiteIndex(PortalIndexMixin, SQLiteIndex):
    def write_items(self, model, objs):
        """As modelsearch does, then the Arabic words' normal forms (search.arabic) appended
        to the entries' FTS rows only: the entries' own title and body, which snippets show,
        stay as written. FTS5 has no Arabic analysis of its own."""
        super().write_items(model, objs)
        additions = normalised_forms(objs, LanguageOfObjects())
        if not additions:
            return
        fts = SQLiteFTSIndexEntry._meta.db_table
        entries = IndexEntry._meta.db_table
        content_type = get_content_type_pk(model)
        with self.write_connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {fts} SET title = title || ' ' || %s, body = body || ' ' || %s "
                f"WHERE rowid = (SELECT id FROM {entries} WHERE content_type_id = %s "
                f"AND object_id = %s)",
                [(title, body, content_type, pk) for pk, title, body in additions],
            )


class PortalSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = PortalSQLiteSearchQueryCompiler
    index_class = PortalSQLiteIndex
    results_class = PortalSQLiteSearchResults

    def __init__(self, params):
        super().__init__(params)
        language = params.get("QUERY_LANGUAGE")
        self.query_languages = [language] if language else content_languages()
