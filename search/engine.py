"""What the site search may search, and how it asks the search engine.

Everything starts from the pages an anonymous visitor may see (live and public: no drafts, no
page under a login, group or password restriction, and no text of private documents, which is
never indexed with a page) and goes through the configured search backend, asked to analyse
the query in the visitor's language or, in the all-languages scope, in every content language.
The search page (search.services), the typo fallback (search.spelling), search by meaning
(search.semantic) and the API's `?search=` (portal.api) all start here, so no path can see
more than another.
"""

from importlib import import_module

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection
from django.db.models import Case, FloatField, Value, When
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core import page_cache

from .backends import plain_text
from .models import EntryText
from .synonyms import build_query
from .text import parse_query


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
    """The configured backend, analysing queries in `language` (None: every language).

    Every search goes through here, so the response being made is marked as reading the
    index: the page cache renews it when the worker updates the index (core.page_cache).
    """
    page_cache.reads_search_index()
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
    from core.request_cache import locale_codes

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
