"""Site search as the search page, its suggestions and the API need it.

Everything starts from the pages an anonymous visitor may see (live and public: no drafts, no
page under a login, group or password restriction, and no text of private documents, which is
never indexed with a page) and goes through the configured search backend, asked to analyse
the query in the visitor's language or, in the all-languages scope, in every content
language. Counts, facets and the grouping of translations are computed from the backend's
matches in the database (search.summary), so they are the same on every backend.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import import_module

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.db.models import Case, FloatField, Value, When
from django.http import QueryDict
from django.utils import translation
from django.utils.functional import cached_property
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from core.request_cache import locale_codes

from . import facets, fusion, highlight, semantic, spelling
from .backends import plain_text
from .models import SCOPE_ALL, SCOPE_LOCALE, EntryText
from .summary import Summary, summarise
from .synonyms import build_query
from .text import MAX_QUERY_LENGTH, parse_query

logger = logging.getLogger("portal.search")

SORT_RELEVANCE, SORT_DATE = "relevance", "date"
MAX_PAGE = 500
MAX_VALUES_PER_FACET = 20
_FACET_VALUE = re.compile(r"^[\w.-]{1,100}$")


def _unavailable_errors():
    """Errors meaning the engine cannot answer: the database's, the network's, the clients'."""
    errors = [DatabaseError, ConnectionError, TimeoutError]
    clients = {
        "elastic_transport": "TransportError",
        "elasticsearch": "ApiError",
        "opensearchpy.exceptions": "TransportError",
    }
    for module, name in clients.items():
        try:
            errors.append(getattr(import_module(module), name))
        except ImportError:  # that engine's client is not installed
            continue
    return tuple(errors)


UNAVAILABLE_ERRORS = _unavailable_errors()


class SearchUnavailable(Exception):
    """The search engine (or the database behind it) cannot answer right now."""


def visible_pages():
    """Pages anonymous visitors may see: live, outside any view restriction, not the root.

    Wagtail's `.public()` reads every view restriction again at each call; the condition is
    built once per request (core.request_cache), as one search page asks for it twice."""
    from core.request_cache import memoise

    private = memoise("private_pages_q", lambda: Page.objects.all().private_q())
    return Page.objects.live().exclude(private).filter(depth__gt=1)


def listing_content_types():
    """Content types of the pages that only list others: each language's home page type and
    the section indexes (core.pages.SectionIndexPage). A visitor searching wants what they
    list, and their types ("Home page", "Case study index") mean nothing as a result type."""
    from django.apps import apps

    from core.pages import SectionIndexPage

    listing = [model for model in apps.get_models() if issubclass(model, SectionIndexPage)]
    return [ContentType.objects.get_for_model(model).pk for model in listing]


def searchable_pages():
    """The visible pages search results may list: not the home pages (the only pages under
    the root, depth 2) nor the section indexes."""
    return visible_pages().filter(depth__gt=2).exclude(content_type_id__in=listing_content_types())


def search_backend(language=None):
    """The configured backend, analysing queries in `language` (None: every language)."""
    return get_search_backend("default", QUERY_LANGUAGE=language)


def search_pages(queryset, query, locale=None, operator="and", order_by_relevance=True):
    """Search a page queryset as the site search does; for the API's `?search=`.

    Limits `queryset` to live, public pages (and to `locale` when given), expands the editors'
    synonyms and analyses the query in `locale`'s language, or in every language when
    `locale` is None. `operator` "or" finds pages with any of the words, anything else with
    all of them. Returns the backend's search results (sliceable, with `.count()`), or an
    empty queryset when the query holds no searchable word.
    """
    queryset = queryset.live().public()
    operator = "or" if operator == "or" else "and"
    language = locale.language_code if locale is not None else None
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    search_query, _terms = build_query(query, [language] if language else None, operator)
    if search_query is None:
        return queryset.none()
    return search_backend(language).search(
        search_query, queryset, order_by_relevance=order_by_relevance
    )


def matching_pages(search_query, queryset, language=None):
    """Every page of `queryset` matching `search_query` with its `search_rank`, for summarise().

    The portal's backends return every match (PostgreSQL as its SQL: RankedPages); any other
    backend is asked for its best hits, ranked by their position.
    """
    results = search_backend(language).search(search_query, queryset)
    if hasattr(results, "matching_queryset"):
        return results.matching_queryset()
    ids = [page.pk for page in results[:1000]]
    rank = {pk: len(ids) - position for position, pk in enumerate(ids)}
    return queryset.filter(pk__in=ids).annotate(
        search_rank=Case(
            *[When(pk=pk, then=Value(float(score))) for pk, score in rank.items()],
            default=Value(0.0),
            output_field=FloatField(),
        )
    )


@dataclass
class SearchQuery:
    """What the visitor asked for, cleaned: every field is safe to use as it is."""

    text: str = ""
    scope: str = SCOPE_LOCALE
    filters: dict = field(default_factory=dict)  # facet -> tuple of values
    sort: str = SORT_RELEVANCE
    page: int = 1
    exact: bool = False  # as typed: no spelling correction (search.spelling)

    @classmethod
    def from_querydict(cls, data):
        text = "".join(
            char
            for char in str(data.get("q", ""))[: MAX_QUERY_LENGTH * 2]
            if unicodedata.category(char) not in ("Cc", "Cf", "Cs") or char.isspace()
        )
        text = " ".join(text.split())[:MAX_QUERY_LENGTH]
        scope = (
            data.get("scope") if data.get("scope") in (SCOPE_LOCALE, SCOPE_ALL) else SCOPE_LOCALE
        )
        sort = (
            data.get("sort") if data.get("sort") in (SORT_RELEVANCE, SORT_DATE) else SORT_RELEVANCE
        )
        try:
            page = min(max(int(data.get("page", 1)), 1), MAX_PAGE)
        except (TypeError, ValueError, OverflowError):
            page = 1
        filters = {}
        for name in facets.FACET_NAMES:
            if name == "language" and scope == SCOPE_LOCALE:
                continue  # one language already
            values = [v for v in data.getlist(name)[:MAX_VALUES_PER_FACET] if _FACET_VALUE.match(v)]
            if values:
                filters[name] = tuple(sorted(set(values)))
        exact = data.get("exact") == "1"
        return cls(text=text, scope=scope, filters=filters, sort=sort, page=page, exact=exact)

    @property
    def is_browsing(self):
        return not self.text

    @property
    def sort_by_date(self):
        return self.sort == SORT_DATE or self.is_browsing

    def querydict(self, **changes):
        """The query string of this search with `changes` (None removes a parameter)."""
        values = {
            "q": self.text,
            "scope": self.scope if self.scope != SCOPE_LOCALE else None,
            "sort": self.sort if self.sort != SORT_RELEVANCE else None,
            "exact": "1" if self.exact else None,
            **self.filters,
        }
        values.update(changes)
        data = QueryDict(mutable=True)
        for key, value in values.items():
            if value in (None, "", ()):
                continue
            if isinstance(value, (list, tuple)):
                data.setlist(key, list(value))
            else:
                data[key] = str(value)
        return data

    def url(self, base, **changes):
        query = self.querydict(**changes).urlencode()
        return f"{base}?{query}" if query else base


@dataclass
class Hit:
    page: Page
    url: str
    language: str
    snippet_html: str
    matched_language: str | None = None  # set when the snippet comes from another translation
    translations: list = field(default_factory=list)  # [{"code", "name", "url"}]
    missing_in_visitor_language: bool = False

    @property
    def language_name(self):
        return _language_names().get(self.language, self.language)

    @property
    def matched_language_name(self):
        return _language_names().get(self.matched_language, self.matched_language)

    @property
    def direction(self):
        return _direction(self.language)

    @property
    def snippet_direction(self):
        return _direction(self.matched_language or self.language)


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    name: str
    label: str
    options: list


@dataclass
class SearchOutcome:
    query: SearchQuery
    count: int = 0
    hits: list = field(default_factory=list)
    page_obj: object = None
    facets: list = field(default_factory=list)
    promoted: list = field(default_factory=list)
    matched_all_words: bool = True
    no_searchable_words: bool = False
    count_in_all_languages: int | None = None
    corrected: str = ""  # the misspelt query as searched instead (search.spelling)
    suggestion: str = ""  # a far commoner spelling of the query


class _Counted:
    """A sequence that only knows its length: Paginator arithmetic for a count from the DB."""

    def __init__(self, count):
        self._count = count

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, key):
        return []


def _language_names():
    return dict(settings.LANGUAGES)


def _direction(code):
    try:
        return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


class Search:
    """One search request: run() returns a SearchOutcome or raises SearchUnavailable."""

    def __init__(self, query, locale, request=None, page_size=None, with_facets=True):
        self.query = query
        self.locale = locale
        self.language = locale.language_code
        self.request = request
        self.page_size = page_size or getattr(settings, "SEARCH_RESULTS_PER_PAGE", 10)
        self.with_facets = with_facets
        self.locale_codes = locale_codes()

    @property
    def all_languages(self):
        return self.query.scope == SCOPE_ALL

    @cached_property
    def visible(self):
        return visible_pages()  # reads the view restrictions once per search

    def base(self):
        pages = searchable_pages()
        return pages if self.all_languages else pages.filter(locale=self.locale)

    def run(self):
        try:
            return self._run()
        except UNAVAILABLE_ERRORS as error:
            logger.exception("Search is unavailable")
            raise SearchUnavailable(str(error)) from error

    def _run(self):
        outcome = SearchOutcome(query=self.query)
        query_language = None if self.all_languages else self.language
        languages = [query_language] if query_language else None
        self.terms = []
        if self.query.is_browsing:
            matches = self.base().annotate(search_rank=Value(0.0, output_field=FloatField()))
        else:
            search_query, self.terms = build_query(self.query.text, languages)
            if search_query is None:
                outcome.no_searchable_words = True
                outcome.page_obj = Paginator(_Counted(0), self.page_size).page(1)
                return outcome
            matches = matching_pages(search_query, self.base(), query_language)

        summary = self._summarise(matches, self.query.page)
        if not summary.total:  # a misspelt word? (search.spelling)
            matches, summary = spelling.retry(self, outcome, languages, matches, summary)
        if (
            not summary.total
            and not self.query.is_browsing
            and not self.query.filters
            and len(parse_query(self.query.text)[0]) > 1
        ):
            # No page has every word: show pages with any of them, and say so.
            search_query, self.terms = build_query(self.query.text, languages, operator="or")
            matches = matching_pages(search_query, self.base(), query_language)
            summary = self._summarise(matches, self.query.page)
            outcome.matched_all_words = False
        outcome.count = summary.total
        paginator = Paginator(_Counted(outcome.count), self.page_size)
        outcome.page_obj = paginator.page(min(self.query.page, paginator.num_pages))
        if outcome.page_obj.number != self.query.page:  # asked past the end: the last page
            summary = self._summarise(matches, outcome.page_obj.number)
        near = self._semantic(summary.total)
        if near:
            summary = self._fuse(summary, matches, near, outcome)
        if self.all_languages:
            outcome.hits = self._grouped_hits(summary)
        else:
            outcome.hits = self._hits([(pk, pk) for pk in summary.rows])
        if self.with_facets:
            outcome.facets = self._facets(summary.counts)
        if not self.query.is_browsing:
            if outcome.page_obj.number == 1:
                outcome.promoted = self._promoted()
                outcome.suggestion = spelling.did_you_mean(self, outcome)
            if outcome.count == 0 and not self.all_languages:
                everywhere, _terms = build_query(self.query.text, None)
                outcome.count_in_all_languages = summarise(
                    matching_pages(everywhere, searchable_pages()),
                    self.query.filters,
                    grouped=True,
                    by_date=False,
                    offset=0,
                    limit=0,
                ).total
        return outcome

    def _semantic(self, lexical_total):
        """[(row, page id, similarity)] of visible pages near the query in meaning, best
        first: in the all-languages scope, and in the visitor's language when nothing there
        has the query's words. Only for a relevance-sorted, unfiltered query (facet counts
        and date order are the lexical results'); nothing when SEARCH_SEMANTIC is off."""
        if (
            self.query.is_browsing
            or self.query.filters
            or self.query.sort != SORT_RELEVANCE
            or not (self.all_languages or lexical_total == 0)
            or not semantic.enabled()
        ):
            return []
        try:
            near = semantic.nearest(self.query.text)
        except UNAVAILABLE_ERRORS:
            raise
        except Exception:  # an optional ranking must never cost the visitor the lexical results
            logger.exception("Search by meaning failed; showing lexical results only")
            return []
        if not near:
            return []
        # The same filter as every lexical result: live, public, the scope's language.
        allowed = dict(
            self.base()
            .filter(pk__in=[pk for pk, _score in near])
            .values_list("pk", "translation_key")
        )
        rows, seen = [], set()
        for pk, score in near:
            if pk not in allowed:
                continue
            row = allowed[pk] if self.all_languages else pk
            if row not in seen:
                seen.add(row)
                rows.append((row, pk, score))
        return rows

    def _fuse(self, summary, matches, near, outcome):
        """This page of results with the semantic ones fused in (search.fusion)."""
        lexical_total = summary.total

        def read(offset, limit):
            if not lexical_total:
                return Summary()
            return summarise(
                matches,
                self.query.filters,
                grouped=self.all_languages,
                by_date=False,
                offset=offset,
                limit=limit,
            )

        page = fusion.fused_page(
            read(0, fusion.FUSE_DEPTH),
            lexical_total,
            near,
            lead_semantic=not lexical_total or not outcome.matched_all_words,
            offset=(outcome.page_obj.number - 1) * self.page_size,
            limit=self.page_size,
            read_lexical=read,
        )
        outcome.count = page.total
        paginator = Paginator(_Counted(outcome.count), self.page_size)
        outcome.page_obj = paginator.page(min(self.query.page, paginator.num_pages))
        page.counts = summary.counts
        return page

    @property
    def facet_names(self):
        return [name for name in facets.FACET_NAMES if name != "language" or self.all_languages]

    def _summarise(self, matches, page):
        return summarise(
            matches,
            self.query.filters,
            grouped=self.all_languages,
            by_date=self.query.sort_by_date,
            offset=(page - 1) * self.page_size,
            limit=self.page_size,
            facet_names=self.facet_names if self.with_facets else (),
        )

    # Filtering and facets

    def _facets(self, counts):
        """Facet groups for the template: each facet counted with every filter but its own,
        so choosing a topic narrows the regions offered while the other topics stay visible."""
        names = self.facet_names
        filters = self.query.filters
        groups = []
        values_by_facet = {}
        for name in names:
            values_by_facet[name] = dict(counts.get(name, {}))
            for selected in filters.get(name, ()):
                values_by_facet[name].setdefault(selected, 0)
        labels_by_facet = facets.all_labels(values_by_facet, self.language)
        for name, label, *_rest in facets.FACETS:
            if name not in names:
                continue
            values = values_by_facet[name]
            labels = labels_by_facet[name]
            options = [
                FacetOption(
                    value=value,
                    label=labels.get(value, value),
                    count=n,
                    selected=value in filters.get(name, ()),
                )
                for value, n in values.items()
                if value in labels or value in filters.get(name, ())
            ]
            if name == "year":
                options.sort(key=lambda option: option.value, reverse=True)
            else:
                options.sort(key=lambda option: (-option.count, str(option.label).casefold()))
            if options:
                groups.append(FacetGroup(name=name, label=label, options=options))
        return groups

    # Results

    def _grouped_hits(self, summary):
        """One hit per translation key: the visitor's language when it exists, else the best match."""
        keys = summary.rows
        best = {
            key: max(members, key=lambda member: member[1])[0]
            for key, members in summary.members.items()
        }
        language_filter = self.query.filters.get("language")
        visitor_ok = not language_filter or self.language in language_filter
        in_visitor_language = {}
        if visitor_ok:
            in_visitor_language = dict(
                self.visible.filter(translation_key__in=keys, locale=self.locale).values_list(
                    "translation_key", "pk"
                )
            )
        return self._hits(
            [(in_visitor_language.get(key, best[key]), best[key]) for key in keys if key in best]
        )

    def _hits(self, pairs):
        """Hits for (page shown, page that matched) id pairs, in order."""
        ids = {pk for pair in pairs for pk in pair}
        # Every translation of the hits (the hits among them) in one query, then each hit in its
        # specific type, one query per type: Wagtail's .specific() would first ask each page's
        # type in a query of its own. Translations are read with what their links need (a
        # page's URL is its url_path under a site root), at two thirds of the cost of whole pages.
        translations, by_type = {}, {}
        for page in self.visible.filter(
            translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key")
        ).only("id", "translation_key", "locale_id", "url_path", "content_type_id"):
            translations.setdefault(page.translation_key, []).append(page)
            if page.pk in ids:
                by_type.setdefault(page.content_type_id, []).append(page.pk)
        pages = {}
        for content_type_id, type_ids in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
            pages.update((page.pk, page) for page in model._default_manager.filter(pk__in=type_ids))
        texts = page_texts([pages[pk] for pk in ids if pk in pages])
        names = _language_names()
        order = {code: position for position, code in enumerate(names)}

        def link(page):
            code = self.locale_codes.get(page.locale_id, "")
            return {"code": code, "name": names.get(code, code), "url": page.get_url(self.request)}

        hits = []
        for shown_id, matched_id in pairs:
            shown, matched = pages.get(shown_id), pages.get(matched_id)
            if shown is None or matched is None:
                continue
            language = self.locale_codes.get(shown.locale_id, "")
            source = shown if shown_id == matched_id or not self.terms else matched
            source_language = self.locale_codes.get(source.locale_id, "")
            title, body = texts.get(source.pk, (source.title, ""))
            others = sorted(
                (
                    page
                    for page in translations.get(shown.translation_key, [])
                    if page.pk != shown.pk
                ),
                key=lambda page: order.get(self.locale_codes.get(page.locale_id), len(order)),
            )
            hits.append(
                Hit(
                    page=shown,
                    url=shown.get_url(self.request) or "",
                    language=language,
                    snippet_html=highlight.snippet(
                        body or getattr(source, "summary", "") or title, self.terms, source_language
                    ),
                    matched_language=source_language if source.pk != shown.pk else None,
                    translations=[link(page) for page in others],
                    missing_in_visitor_language=language != self.language
                    and not any(page.locale_id == self.locale.pk for page in others),
                )
            )
        return hits

    def _promoted(self):
        """Editors' promoted results for this query, in the visitor's language."""
        normalised = normalise_query_string(self.query.text)
        picks = (
            SearchPromotion.objects.filter(query__query_string=normalised)
            .select_related("page")
            .order_by("sort_order")
        )
        visible = self.visible
        promoted = []
        for pick in picks:
            if pick.page_id:
                page = pick.page.localized
                if not self.all_languages and page.locale_id != self.locale.pk:
                    continue
                if not visible.filter(pk=page.pk).exists():
                    continue
                promoted.append(
                    {
                        "title": page.title,
                        "url": page.get_url(self.request),
                        "description": pick.description or getattr(page.specific, "summary", ""),
                        "external": False,
                    }
                )
            elif pick.external_link_url:
                promoted.append(
                    {
                        "title": pick.external_link_text or pick.external_link_url,
                        "url": pick.external_link_url,
                        "description": pick.description,
                        "external": True,
                    }
                )
        return promoted


def page_texts(pages):
    """{page id: (title, body text)} as the search index holds them, for snippets.

    The database backends keep each page's plain text beside their vectors (PostgreSQL in
    search.models.EntryText, SQLite in its index rows); pages missing there (an external
    engine, or not indexed yet) get it from modelsearch's own extraction.
    """
    texts = {}
    if pages and connection.vendor in ("postgresql", "sqlite"):
        from wagtail.search.models import IndexEntry

        entries = EntryText.objects if connection.vendor == "postgresql" else IndexEntry.objects
        try:
            rows = entries.filter(
                content_type_id__in={page.content_type_id for page in pages},
                object_id__in=[str(page.pk) for page in pages],
            ).values_list("object_id", "title", "body")
            texts = {
                int(object_id): (title_text, body_text) for object_id, title_text, body_text in rows
            }
        except DatabaseError:  # an index table without the plain-text columns
            texts = {}
    for page in pages:
        if page.pk not in texts:
            texts[page.pk] = plain_text(page)
    return texts


def suggestions(text, locale, all_languages=False, limit=8, request=None):
    """Titles completing what the visitor is typing, for the search box."""
    words, _phrases = parse_query(text)
    if not words:
        return []
    pages = visible_pages()
    if not all_languages:
        pages = pages.filter(locale=locale)
    language = None if all_languages else locale.language_code
    try:
        results = list(search_backend(language).autocomplete(" ".join(words), pages)[:limit])
    except UNAVAILABLE_ERRORS as error:
        raise SearchUnavailable(str(error)) from error
    codes = locale_codes()
    return [
        {
            "title": page.title,
            "url": page.get_url(request),
            "language": codes.get(page.locale_id, ""),
        }
        for page in results
    ]
