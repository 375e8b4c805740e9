"""PostgreSQL: each object indexed with its language's configuration, queries in the visitor's.

search/migrations/0002_postgres_text_search creates, on PostgreSQL only:

* `portal_<algorithm>` for every Snowball configuration the server ships (english, french,
  spanish, arabic, ... 28 in PostgreSQL 15): the server's own configuration with `unaccent`
  in front of its stemmer, so `migracion` and `migración` become the same lexeme;
* `portal_simple` (unaccent, no stemming) for languages without a stemmer and for objects
  that have no language (images, users);
* the GIN index on `(title || body)` that modelsearch's search filter uses and its own
  migrations do not create (without it every search scans the whole index table).

A language added later needs no migration: its configuration already exists if PostgreSQL
has a stemmer for it, and `portal_simple` serves it otherwise.

Queries in one language OR the visitor's words under that language's `portal_` configuration
and, when they have accents, under the server's stock one, whose stems keep them: unaccent
before the stemmer makes some Spanish stems differ by number (`educación` -> `educacion`,
`educaciones` -> `educ`), and the stock stemmer maps an accented `educación` to `educ` again.
Queries in every language OR the words under every content language's configurations. Each
configuration adds a tsquery that the GIN index is probed with, so none is added needlessly.

Each index entry also has its language (a column search/migrations/0005 adds to
modelsearch's table, filled by its default from a setting write_items makes for each
language's rows): a search in one language asks the database for entries in that language
and matching the query, which it combines from two indexes before reading any row, rather
than reading the matches in every language to keep a quarter of them (four languages).

Gap worked around: modelsearch 1.3's PostgresIndex reads one `backend.config` for every
object. write_items below indexes each language group through a copy of the backend carrying
that group's configuration; it can go when modelsearch chooses a configuration per object.

Speed (measured with bench/search/bench.py on 100,000 pages): a query ORs up to eight
`to_tsquery()` calls, and modelsearch repeats them in the filter and in each rank, where
PostgreSQL evaluates them again for every matching row. The compiled tsqueries are therefore
read once per search (a one-row SELECT), the distinct ones ORed and put in the statement as
a constant. modelsearch's own join of pages to index entries (the API's and suggestions'
searches) compares `id::varchar` with `object_id`; migration 0003 indexes that expression so
the matching entries are joined to their pages by index instead of a scan of every page. The
site search reads every match through RankedPages below, which ranks before that join and
joins on integer ids.

On PostgreSQL, triggers keep the index rows narrow and self-sufficient for a search: the
entries' plain text is moved beside them (search/migrations/0006, search.models.EntryText)
and each page's entry carries a copy of its facet numbers (search/migrations/0007).

Gap worked around: modelsearch 1.3 boosts short titles by a `title_norm` column, the
average title length over this row's, and keeps it by averaging the whole index table after
every batch it indexes (a single publish included), then rewriting the rows still at their
initial 1.0. Each publish so read the whole index twice, every row was written twice (the
table took twice its size on disk: 364 MB rather than 183 MB for 100,000 pages, which every
broad search reads) and indexing slowed as the index grew. Here the norm is computed in the
rank, from the row's title length and an average read at most every ten minutes, and the
column is left alone. This can go when modelsearch updates only the rows it inserts.
"""

import copy
import operator
from functools import lru_cache, reduce

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, F, FloatField, Value
from django.db.models.expressions import CombinedExpression, RawSQL
from django.db.models.functions import Greatest, Length
from django.db.models.sql import Query
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Fuzzy, MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from ..fields import IntegerListField
from ..text import fold, snowball_algorithm, words
from . import LanguageOfObjects, PortalIndexMixin, content_languages
from .postgres_entries import EntryWriter

SIMPLE_CONFIG = "portal_simple"
TITLE_AVERAGE_SECONDS = 600
LANGUAGE_COLUMN = "portal_language"
CODES_COLUMN = f"{IndexEntry._meta.db_table}.portal_codes"
_available = {}  # database name -> names of the portal_ configurations found there


def available_configs():
    """Names of the portal_ text search configurations in the database (cached once found)."""
    name = connection.settings_dict["NAME"]
    if not _available.get(name):
        with connection.cursor() as cursor:
            cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE %s", ["portal\\_%"])
            _available[name] = {row[0] for row in cursor.fetchall()}
    return _available[name]


def index_config(language):
    """The configuration that objects in `language` are indexed with."""
    algorithm = snowball_algorithm(language)
    configs = available_configs()
    if algorithm and f"portal_{algorithm}" in configs:
        return f"portal_{algorithm}"
    if SIMPLE_CONFIG in configs:
        return SIMPLE_CONFIG
    return algorithm or "simple"  # search's migrations have not run: stock, no accent folding


def query_configs(language=None, accents=True, languageless=True):
    """The configurations a query in `language` (None: every language) is compiled with.

    `accents`: the query has accented letters, so the stock configurations' accent-keeping
    stems are worth adding (see the module doc); without accents they give the same lexemes.
    `languageless`: objects indexed without a language (images, users...) may match.
    """
    languages = [language] if language else content_languages()
    configs = []
    for code in languages:
        configs.append(index_config(code))
        if accents:
            configs.append(snowball_algorithm(code))
    if languageless and not language:
        configs.append(index_config(None))
    return list(dict.fromkeys(config for config in configs if config))


def has_accents(query):
    """Whether any word of a modelsearch query has letters that unaccent would change."""
    if isinstance(query, (PlainText, Phrase)):
        return any(fold(word) != word.casefold() for word in words(query.query_string))
    children = getattr(query, "subqueries", None) or [getattr(query, "subquery", None)]
    return any(has_accents(child) for child in children if child is not None)


class ConstantTsquery(SearchQuery):
    """A tsquery already compiled by the database, written into a statement as a constant."""

    def __init__(self, text):
        super().__init__(text, search_type="raw")
        self.text = text

    def as_sql(self, compiler, connection, function=None, template=None):
        return "%s::tsquery", [self.text]


def evaluate_tsqueries(expressions):
    """The tsquery `expressions` compute, ORed, as a ConstantTsquery (one round trip).

    Each is computed on its own and only distinct ones are ORed: languages often reduce a
    word to the same lexemes (`education` is `educ` in English, French and Spanish), and
    every repeated operand is tested again against each matching row.
    """
    query = Query(None)
    compiler = query.get_compiler(connection=connection)
    columns, params = [], []
    for expression in expressions:
        sql, expression_params = expression.resolve_expression(query).as_sql(compiler, connection)
        columns.append(f"({sql})::text")
        params.extend(expression_params)
    texts = _tsquery_texts(f"SELECT {', '.join(columns)}", tuple(params))
    if len(texts) == 1:
        return ConstantTsquery(texts[0])
    return ConstantTsquery(" | ".join(f"( {text} )" for text in texts))


@lru_cache(maxsize=4096)
def _tsquery_texts(sql, params):
    """The distinct texts of the tsqueries `sql` computes, kept per process: they depend only
    on the query and the text search configurations, which change only with a migration, and
    a repeated search (the next page, a facet, a corrected query's second visitor) then costs
    one query less."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return tuple(text for text in dict.fromkeys(cursor.fetchone()) if text)


def title_average_cache_key():
    return f"search:title-average:{connection.settings_dict['NAME']}"


def title_average():
    """The index's average title length in lexemes. It moves slowly and reading it scans
    every entry, so it is read again at most every TITLE_AVERAGE_SECONDS."""
    key = title_average_cache_key()
    average = cache.get(key)
    if average is None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT AVG(length(title)) FROM {IndexEntry._meta.db_table} "
                f"WHERE length(title) > 0"
            )
            average = float(cursor.fetchone()[0] or 1.0)
        cache.set(key, average, TITLE_AVERAGE_SECONDS)
    return average


def title_norm(title="index_entries__title"):
    """modelsearch's title norm, average / this title's length, as an expression."""
    length = Greatest(Length(title), Value(1))
    return ExpressionWrapper(Value(title_average()) / length, output_field=FloatField())


def language_condition(language):
    """Entries in `language`, and entries without one (written before the column existed,
    never lost), as a filter on the entries' table under its own name."""
    column = f"{connection.ops.quote_name(IndexEntry._meta.db_table)}.{LANGUAGE_COLUMN}"
    return RawSQL(f"({column} = %s OR {column} IS NULL)", [language], output_field=BooleanField())


class LanguageQueryMixin:
    """Compile a query under several configurations, ORed, once, and rank it in one go;
    in one language, read only the index entries in that language."""

    def search(self, config, start, stop, score_field=None, backend=None):
        language = getattr(backend, "query_language", None)
        if not (language and issubclass(self.queryset.model, Page)):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        # The entries' table is joined by modelsearch's search() under its own name.
        queryset = self.queryset
        self.queryset = queryset.filter(language_condition(language))
        try:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        finally:
            self.queryset = queryset

    def build_tsquery(self, query, config=None):
        configs = config if isinstance(config, (list, tuple)) else [config]
        key = (id(query), tuple(configs))
        cache = self.__dict__.setdefault("_tsqueries", {})
        if key not in cache:
            compiled = [self.build_tsquery_content(query, config=name) for name in configs]
            compiled = [tsquery for tsquery in compiled if tsquery is not None]
            cache[key] = (query, evaluate_tsqueries(compiled) if compiled else None)
        return cache[key][1]

    def _build_rank_expression(self, vectors, config):
        # One ts_rank per vector over the whole query: modelsearch ranks every sub-query of an
        # And/Or separately, which with synonyms and several configurations multiplies the
        # ts_rank calls per row without ranking any better.
        tsquery = self.build_tsquery(self.query, config=config)
        ranks = [
            SearchRank(vector, tsquery, weights=self.sql_weights) * boost
            for vector, boost in vectors
        ]
        return reduce(operator.add, ranks)


class PortalPostgresSearchQueryCompiler(LanguageQueryMixin, PostgresSearchQueryCompiler):
    def get_index_vectors(self, search_query):
        return [(F("index_entries__title"), title_norm()), (F("index_entries__body"), 1.0)]

    def get_config(self, backend):
        return query_configs(
            backend.query_language,
            accents=has_accents(self.query),
            languageless=not issubclass(self.queryset.model, Page),
        )


class PortalPostgresAutocompleteQueryCompiler(
    LanguageQueryMixin, PostgresAutocompleteQueryCompiler
):
    pass


class RankedPages:
    """Every page matching a search with its rank, as the SQL search.summary reads.

    modelsearch joins the pages to their index entries and ranks after the join, so the join
    carries every match's title and body vectors (a hash table of 18 MB for a word in a
    third of 100,000 pages, 50 ms of a 270 ms search). Here each entry is ranked where it is
    read, behind an OFFSET 0 fence that keeps PostgreSQL from moving the rank after the join,
    and only its object id, rank and facet value numbers (the entry's copy of its page's
    PageFacets row, search/migrations/0007) are joined to the visible pages.
    """

    carries_facet_codes = True  # each entry's copy of its page's (search/migrations/0007)

    def __init__(self, compiler, config, language):
        self.compiler = compiler
        self.config = config
        self.language = language

    def match_sql(self):
        """(sql, params) of rows (id, translation_key, first_published_at, locale_id, search_rank,
        codes)."""
        compiler = self.compiler
        tsquery = compiler.build_tsquery(compiler.query, config=self.config)
        rank = compiler._build_rank_expression(
            [(F("title"), title_norm("title")), (F("body"), 1.0)], self.config
        )
        document = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
        entries = (
            IndexEntry.objects.filter(
                content_type_id__in=get_descendants_content_types_pks(compiler.queryset.model)
            )
            .annotate(_document=document)
            .filter(_document=tsquery)
        )
        if self.language:
            entries = entries.filter(language_condition(self.language))
        codes = RawSQL(CODES_COLUMN, [], output_field=IntegerListField())
        entries_sql, entries_params = (
            entries.order_by()
            .values("object_id")
            .annotate(search_rank=rank, codes=codes)
            .query.sql_with_params()
        )
        pages_sql, pages_params = (
            compiler.queryset.order_by()
            .values("id", "translation_key", "first_published_at", "locale_id")
            .query.sql_with_params()
        )
        # The entries are pages' (their content types), so their object ids are page ids:
        # compared as integers, the join probes the pages' primary key (3 ms less than
        # comparing them as text, on 7,000 matches).
        sql = (
            f"SELECT p.id, p.translation_key, p.first_published_at, p.locale_id, e.search_rank, "
            f"e.codes FROM ({pages_sql}) p JOIN ({entries_sql} OFFSET 0) e "
            f"ON (e.object_id)::integer = p.id"
        )
        return sql, [*pages_params, *entries_params]


class PortalPostgresSearchResults(PostgresSearchResults):
    def matching_queryset(self):
        """Every match with `search_rank` (higher is better): RankedPages for a search of
        words in pages' index entries, else modelsearch's queryset, unsliced."""
        compiler = self.query_compiler
        config = compiler.get_config(self.backend)
        if (
            compiler.fields is None
            and issubclass(compiler.queryset.model, Page)
            and not isinstance(compiler.query, (MatchAll, Not, Fuzzy))
        ):
            return RankedPages(compiler, config, self.backend.query_language)
        return compiler.search(config, None, None, score_field="search_rank", backend=self.backend)


class PortalPostgresIndex(PortalIndexMixin, EntryWriter):
    def write_items(self, model, objs):
        """Each language's objects through a copy of the backend with that language's
        configuration, in a transaction that gives their rows that language (the entry
        language column's default, search/migrations/0005). EntryWriter adds the Arabic
        words' normal forms to the vectors it writes."""
        language_of = LanguageOfObjects()
        groups = {}
        for obj in objs:
            groups.setdefault(language_of(obj), []).append(obj)
        for language, group in groups.items():
            index = copy.copy(self)
            index.backend = copy.copy(self.backend)
            index.backend.config = index_config(language)
            index.language = language
            with transaction.atomic(using=self.write_connection.alias):
                with self.write_connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT set_config('portal.index_language', %s, true)", [language or ""]
                    )
                super(PortalPostgresIndex, index).write_items(model, group)

    def _refresh_title_norms(self, full=False):
        """Nothing: ranks compute the title norm (see title_norm() and the module doc)."""


class PortalPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = PortalPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = PortalPostgresAutocompleteQueryCompiler
    index_class = PortalPostgresIndex
    results_class = PortalPostgresSearchResults

    def __init__(self, params):
        super().__init__(params)
        self.query_language = params.get("QUERY_LANGUAGE")
        self.config = index_config(None)
        # Titles are completed without stemming (as modelsearch does) but without accents too.
        self.autocomplete_config = index_config(None)
