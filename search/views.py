"""The public search page `/<lang>/search/` and its suggestions endpoint.

Every state of the page (query, scope, facets, sort, page) is a plain GET URL, so it works
without JavaScript and can be shared; static/js/search.js only adds suggestions and applies
a facet as soon as it is ticked. No input makes it fail: SearchQuery cleans every parameter,
and when the search engine cannot answer the page says so with a 503.
"""

import logging

from django.conf import settings
from django.db import DatabaseError
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from redis import RedisError
from wagtail.models import Locale

from core.page_cache import on_every_view, reads_search_index
from core.request_cache import locale_codes

from .engine import SearchUnavailable, suggestions
from .models import SCOPE_ALL, SCOPE_LOCALE
from .query import SORT_DATE, SORT_RELEVANCE, SearchQuery
from .query_log import count_search
from .services import Search

logger = logging.getLogger("portal.search")


def visitor_locale():
    """The Locale of the active language (else the default one), from the locales the
    request has read once anyway, rather than with a query of its own."""
    by_code = {code: pk for pk, code in locale_codes().items()}
    code = get_language() if get_language() in by_code else settings.LANGUAGE_CODE
    if code not in by_code:
        return Locale.get_default()
    return Locale.from_db(None, ["id", "language_code"], [by_code[code], code])


@require_GET
def search(request):
    reads_search_index()  # its answer is renewed by every index update (core.page_cache)
    query = SearchQuery.from_querydict(request.GET)
    locale = visitor_locale()
    base_url = reverse("search")
    context = {
        "query": query,
        "search_query": query.text,
        "base_url": base_url,
        # A plain query's results may be indexed, as the budget asks (no
        # filtered, sorted, scoped or later page is), so a search can be shared and found.
        "noindex": bool(set(request.GET) - {"q"}),
    }
    try:
        outcome = Search(query, locale, request=request).run()
    except SearchUnavailable:
        response = render(request, "search/unavailable.html", context, status=503)
        response["Retry-After"] = "120"
        return response

    # What visitors look for: a query's first page, as typed, before any narrowing. A filtered
    # or later page is the same search looked at again, and its count says nothing of it.
    counted = None
    first_look = query.text and query.page == 1 and not query.filters
    if first_look and getattr(settings, "SEARCH_LOG_QUERIES", True):
        try:
            counted = (query.text, locale.language_code, query.scope, outcome.count)
            count_search(*counted)
        except (DatabaseError, RedisError):  # statistics must never cost a visitor their results
            logger.warning("Could not count a search query", exc_info=True)

    for group in outcome.facets:
        for option in group.options:
            chosen = set(query.filters.get(group.name, ()))
            chosen ^= {option.value}
            option.url = query.url(base_url, **{group.name: sorted(chosen)})
    context.update(
        outcome=outcome,
        results=outcome.page_obj,
        active_filters=[
            {"label": option.label, "group": group.label, "url": option.url}
            for group in outcome.facets
            for option in group.options
            if option.selected
        ],
        clear_filters_url=query.url(base_url, **dict.fromkeys(query.filters)),
        scope_urls={
            SCOPE_LOCALE: query.url(base_url, scope=None),
            SCOPE_ALL: query.url(base_url, scope=SCOPE_ALL),
        },
        sort_urls={
            SORT_RELEVANCE: query.url(base_url, sort=None),
            SORT_DATE: query.url(base_url, sort=SORT_DATE),
        },
        hidden_fields=[(name, value) for name, values in query.filters.items() for value in values],
        visitor_language=locale.language_code,
        # The typo fallback's links (search.spelling): as typed, or the suggested spelling.
        exact_url=query.url(base_url, exact=1),
        suggestion_url=query.url(base_url, q=outcome.suggestion, exact=None),
    )
    response = render(request, "search/search.html", context)
    if counted:  # counted again whenever the page is served from the cache (core.page_cache)
        on_every_view(response, "search.query_log.count_search", *counted)
    return response


@require_GET
def suggest(request):
    """Up to eight page titles completing the query: `{"suggestions": [{title, url, language}]}`."""
    reads_search_index()
    query = SearchQuery.from_querydict(request.GET)
    try:
        items = suggestions(
            query.text, visitor_locale(), all_languages=query.scope == SCOPE_ALL, request=request
        )
    except SearchUnavailable:
        return JsonResponse({"suggestions": [], "unavailable": True}, status=503)
    response = JsonResponse({"query": query.text, "suggestions": items})
    response["Cache-Control"] = "public, max-age=60"
    return response
