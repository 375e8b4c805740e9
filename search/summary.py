"""One database statement per search: a page of results, the total and the facet counts.

Each part needs the set of matching pages, and finding it (the full-text match joined to the
visible pages, and its rank) is most of what a search costs. Django cannot return a page of
rows, a count and a GROUP BY from one query, so this module wraps the SQL that Django (and
the search backend) generate for the matches in a WITH query that every part reads: a WITH
query is computed once (it is marked MATERIALIZED on PostgreSQL and SQLite 3.35+), where
separate ORM queries ran the match once per part.

Each match carries its page's facet value numbers (search.models.PageFacets: one short row
per page, joined to the matches; on PostgreSQL a copy in each index entry, read with the
match). Facet filters are not applied to the matches but flagged on them (one test of
those numbers per chosen facet), so each facet is counted with every filter but its own (a
chosen topic leaves the other topics' counts visible, to widen the choice) within the same
statement. Counting unnests each distinct array of numbers among the matches once, weighted
by how many matches have it, and groups them; grouped by translation, it counts each value's
distinct translation keys. On PostgreSQL the numbers are an
`integer[]`, on SQLite a JSON array read with `json_each` (search.fields).

Only the matches' own SQL and fixed text are put in the statement: filter values, facet
names, offsets and limits are parameters, and the flag columns are named by position.
"""

import uuid
from dataclasses import dataclass, field

from django.db import connection
from wagtail.models import Page

from core.request_cache import locale_codes

from .models import FacetValue, PageFacets


@dataclass
class Summary:
    total: int = 0
    rows: list = field(default_factory=list)  # page ids, or translation keys when grouped
    members: dict = field(default_factory=dict)  # translation key -> [(page id, rank)]
    counts: dict = field(default_factory=dict)  # facet -> {value: number}


def _key(value):
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _materialized():
    """Ask for the matches to be computed once even where the database would inline them.

    SQLite inlines a WITH query read only once (a count alone), and FTS5's bm25() in the
    matches may not then be evaluated inside the reader's aggregate.
    """
    if connection.vendor == "postgresql":
        return "MATERIALIZED "
    if connection.vendor == "sqlite" and connection.Database.sqlite_version_info >= (3, 35):
        return "MATERIALIZED "
    return ""


def _codes_of(column):
    """(FROM-clause item, its column): one row per facet value number in `column`."""
    if connection.vendor == "postgresql":
        return f"unnest({column}) AS c", "c"
    return f"json_each({column}) AS c", "c.value"


def _has_any(column, values_table, count):
    """SQL true when `column` holds the number of one of `count` chosen values of a facet
    (parameters: the facet, then each value)."""
    placeholders = ", ".join(["%s"] * count)
    chosen = f"SELECT v.id FROM {values_table} v WHERE v.facet = %s AND v.value IN ({placeholders})"
    if connection.vendor == "postgresql":
        return f"COALESCE({column} && ARRAY({chosen}), FALSE)"
    return f"EXISTS (SELECT 1 FROM json_each({column}) j WHERE j.value IN ({chosen}))"


def match_sql(matches):
    """(sql, params) of rows (id, translation_key, first_published_at, search_rank): `matches`
    is a page queryset annotated with `search_rank`, or an object that writes that SQL itself
    (search.backends.postgres.RankedPages). That one `carries_facet_codes`: each page's facet
    value numbers but its language's as `codes`, and its `locale_id`."""
    if hasattr(matches, "match_sql"):
        return matches.match_sql()
    return (
        matches.order_by()
        .values("id", "translation_key", "first_published_at", "search_rank")
        .query.sql_with_params()
    )


def summarise(matches, filters, *, grouped, by_date, offset, limit, facet_names=()):
    """Read a page of `matches` (see match_sql()), its total and counts.

    `filters`: {facet: values} the results must have. `grouped`: count and page translation
    groups (the all-languages scope) rather than pages, each group ranked by its best page.
    `limit` 0 reads the total (and counts) only. `facet_names`: the facets to count.
    """
    inner, params = match_sql(matches)
    params = list(params)
    quote = connection.ops.quote_name
    values_table = quote(FacetValue._meta.db_table)
    flags = {name: f"f{position}" for position, name in enumerate(filters)}
    carried = getattr(matches, "carries_facet_codes", False)
    if filters or facet_names:
        # Each match with its facet value numbers (read with the match when it carries them,
        # else from PageFacets) and a flag per chosen facet.
        codes = "x.codes" if carried else "pf.codes"
        flag_sql, flag_params = "", []
        for name, flag in flags.items():
            if carried and name == "language":
                flag_sql += f", COALESCE(x.locale_id = ANY(CAST(%s AS integer[])), FALSE) AS {flag}"
                flag_params.append(
                    [pk for pk, code in locale_codes().items() if code in filters[name]]
                )
            else:
                flag_sql += f", {_has_any(codes, values_table, len(filters[name]))} AS {flag}"
                flag_params += [name, *filters[name]]
        params = flag_params + params  # the flags come before the matches in the statement
        if carried:
            inner = f"SELECT x.*{flag_sql} FROM ({inner}) x"
        else:
            # OFFSET 0 keeps PostgreSQL from merging the matches into this join: it would
            # carry every match's vectors through the join to rank them after it.
            fence = " OFFSET 0" if connection.vendor == "postgresql" else ""
            inner = (
                f"SELECT x.*, pf.codes{flag_sql} FROM ({inner}{fence}) x "
                f"LEFT JOIN {quote(PageFacets._meta.db_table)} pf ON pf.page_id = x.id"
            )

    # PostgreSQL types the columns of a UNION from its first branch, left to right: the NULLs
    # there must carry the types the later branches use.
    key_type = Page._meta.get_field("translation_key").db_type(connection)
    nulls = (
        f"CAST(NULL AS BIGINT), CAST(NULL AS {key_type}), CAST(NULL AS VARCHAR(100)), "
        f"CAST(NULL AS VARCHAR(100))"
    )
    no_rank = "CAST(NULL AS DOUBLE PRECISION)"

    def where(except_facet=None):
        conditions = [f"m.{flag}" for name, flag in flags.items() if name != except_facet]
        return " AND ".join(conditions) or "1 = 1"

    ctes = [f"m AS {_materialized()}({inner})"]
    cte_params = []
    parts = []
    # Results are ordered by this, then by id (translation key) for a stable order. Only the
    # rows up to the page asked for are sorted (LIMIT: a top-N sort), then numbered: sorting
    # every match to number it took 8 ms of a broad search.
    order = "DESC NULLS LAST" if by_date else "DESC"
    if grouped:
        # ga: every translation group, with its best (or newest) member's rank (date);
        # g: the groups up to the page asked for, numbered, read by the rows and members.
        best = "MAX(m.first_published_at)" if by_date else "MAX(m.search_rank)"
        # With carried numbers, also each group's least and greatest array of them: equal
        # when its pages share their numbers, as translations mostly do (see below).
        spread = ", MIN(m.codes) AS lo, MAX(m.codes) AS hi" if carried and facet_names else ""
        ctes.append(
            f"ga AS (SELECT m.translation_key, {best} AS r{spread} FROM m WHERE {where()} "
            f"GROUP BY m.translation_key)"
        )
        parts.append((f"SELECT 'total', {nulls}, COUNT(*), {no_rank} FROM ga", []))
        if limit:
            ctes.append(
                f"g AS (SELECT t.translation_key, ROW_NUMBER() OVER (ORDER BY t.r {order}, "
                f"t.translation_key) AS n FROM (SELECT ga.translation_key, ga.r FROM ga "
                f"ORDER BY ga.r {order}, ga.translation_key LIMIT %s) t)"
            )
            cte_params.append(offset + limit)
            parts.append(
                (
                    "SELECT 'row', NULL, g.translation_key, NULL, NULL, g.n, NULL FROM g "
                    "WHERE g.n > %s",
                    [offset],
                )
            )
            parts.append(
                (
                    f"SELECT 'member', m.id, m.translation_key, NULL, NULL, NULL, m.search_rank "
                    f"FROM m JOIN g ON g.translation_key = m.translation_key "
                    f"WHERE {where()} AND g.n > %s",
                    [offset],
                )
            )
    else:
        key = "first_published_at" if by_date else "search_rank"
        parts.append((f"SELECT 'total', {nulls}, COUNT(*), {no_rank} FROM m WHERE {where()}", []))
        if limit:
            parts.append(
                (
                    f"SELECT 'row', r.id, NULL, NULL, NULL, r.n, NULL FROM (SELECT t.id, "
                    f"ROW_NUMBER() OVER (ORDER BY t.{key} {order}, t.id DESC) AS n FROM "
                    f"(SELECT m.id, m.{key} FROM m WHERE {where()} "
                    f"ORDER BY m.{key} {order}, m.id DESC LIMIT %s) t) r WHERE r.n > %s",
                    [offset + limit, offset],
                )
            )

    unfiltered = [name for name in facet_names if name not in filters]
    facet_parts = [(None, unfiltered)] if unfiltered else []
    facet_parts += [(name, [name]) for name in facet_names if name in filters]
    for except_facet, names in facet_parts:
        if carried and "language" in names:
            # Carried numbers leave out the language, which is the page's locale: a
            # translation group has one page per locale, so pages are groups there.
            parts.append(
                (
                    f"SELECT 'facet', NULL, NULL, 'language', CAST(m.locale_id AS VARCHAR(100)), "
                    f"COUNT(*), NULL FROM m WHERE {where(except_facet)} GROUP BY m.locale_id",
                    [],
                )
            )
            names = [name for name in names if name != "language"]
            if not names:
                continue
        # Count each value number over the matches that pass the other facets' filters,
        # then name the numbers of the facets asked for.
        placeholders = ", ".join(["%s"] * len(names))
        if not grouped:
            # Pages mostly share their arrays of numbers (one type, a few topics, a year):
            # each distinct array is unnested once, weighted by its pages (a broad search's
            # 8,500 matches had 930 arrays: 4 ms to count instead of 12, at 100,000 pages).
            codes, code = _codes_of("g.codes")
            pairs = (
                f"SELECT {code} AS code, g.n AS n FROM (SELECT m.codes, COUNT(*) AS n FROM m "
                f"WHERE {where(except_facet)} GROUP BY m.codes) g, {codes}"
            )
        else:
            # Each (value, translation) pair once, then counted: COUNT(DISTINCT) sorts every
            # pair per value, where a hash of the pairs took 12 ms less on a broad search.
            codes, code = _codes_of("m.codes")
            pairs = (
                f"SELECT DISTINCT m.translation_key, {code} AS code, 1 AS n FROM m, {codes} "
                f"WHERE {where(except_facet)}"
            )
        if grouped and carried and except_facet is None:
            # The groups ga holds are these matches': each counts its least array's numbers
            # once, and only groups whose pages differ add, once each, the numbers their
            # other pages have (15 ms less than hashing every page's pairs, broad search).
            pairs = (
                f"SELECT unnest(ga.lo) AS code, 1 AS n FROM ga UNION ALL SELECT d.code, 1 FROM ("
                f"SELECT DISTINCT m.translation_key, c AS code FROM ga JOIN m "
                f"ON m.translation_key = ga.translation_key, unnest(m.codes) AS c "
                f"WHERE ga.lo <> ga.hi AND {where()} AND c <> ALL(ga.lo)) d"
            )
        parts.append(
            (
                f"SELECT 'facet', NULL, NULL, v.facet, v.value, d.n, NULL FROM "
                f"(SELECT p.code, CAST(SUM(p.n) AS BIGINT) AS n FROM ({pairs}) p GROUP BY p.code) d "
                f"JOIN {values_table} v ON v.id = d.code WHERE v.facet IN ({placeholders})",
                names,
            )
        )

    sql = "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(sql for sql, _params in parts)
    params += cte_params + [value for _sql, values in parts for value in values]
    summary = Summary(counts={name: {} for name in facet_names})
    positions = {}
    with connection.cursor() as cursor:  # (PostgreSQL's planner settings: portal.settings.base)
        cursor.execute(sql, params)
        for kind, page_id, key, facet, value, n, rank in cursor.fetchall():
            if kind == "total":
                summary.total = n
            elif kind == "row":
                positions[page_id if page_id is not None else _key(key)] = n
            elif kind == "member":
                summary.members.setdefault(_key(key), []).append((page_id, rank or 0.0))
            elif carried and facet == "language":
                summary.counts[facet][locale_codes().get(int(value), value)] = n
            else:
                summary.counts[facet][value] = n
    summary.rows = sorted(positions, key=positions.get)
    return summary
