"""Anonymous GET responses served from the shared cache, never older than the last change.

Why: pages change only when someone publishes, yet every visitor's page was rendered afresh
(13 to 47 requests a second against 2,600 for a static file). Responses are stored in the shared
cache (Redis, see REDIS_URL) under a key that holds a *content generation number*; any change
to content (publish, unpublish, move, delete, a privacy rule, a translation published, a snippet,
image, document or setting saved) increments it, so every node reads new keys at once and the
old entries simply expire. That is deliberately blunt: a listing, a feed or an API page that
shows a changed item can never be missed, at the price of re-rendering pages after each change.

The cache is the first middleware after Django's security one (PageCacheMiddleware says why),
so a hit costs one Redis round trip and no session, locale, routing or template work. The key
holds the scheme, host, path and query string, the language (from the address's prefix, or
else the language cookie and Accept-Language), whether the client asked for HTML (the API's
browsable view) and accepts gzip, the Origin (the API's CORS headers) and the cookies a public
page reads (PAGE_CACHE_VARY_COOKIES).

Never cached or served from the cache:
- any request with a session or message cookie (signed-in users, partners, learners) or an
  Authorization header, and anything under /admin/ (previews);
- any response that is not a complete 200 or 404 to a GET, sets a cookie other than those in the key
  (session, CSRF, messages), used the CSRF token or a CSP nonce, varies on a header the key
  does not hold, or says `private`, `no-cache` or `no-store` (Django's `never_cache`): account
  and learner views, a search the engine could not answer (503), redirects to the login of a
  private page.

Work that must happen on every view, even from the cache (counting a search), is registered on
the response with `on_every_view` and replayed on each hit.

Search results have a second number, the *search generation*: the worker's index updates
after a publish (and the meaning vectors, the facets, the snippets, the spelling vocabulary)
change what a search answers and nothing else, so they renew only the responses that read the
search index (marked by `reads_search_index`, called by search.engine), not every page: the
approved page, the listings, the feed and the API, rendered afresh after the publish, stay
cached while the worker indexes.

Without a shared cache (no REDIS_URL) PAGE_CACHE_SECONDS is 0 and nothing is cached, because a
per-process cache could not be invalidated in the other processes.
"""

import hashlib
import logging
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.module_loading import import_string

from .fragments import PERSONAL_COOKIES, anonymous_read  # noqa: F401

# The generation numbers are kept in core.generations; their names stay importable from here.
from .generations import (  # noqa: F401
    GENERATION_KEY,
    SEARCH_GENERATION_KEY,
    SEARCH_MODELS,
    UNSHOWN_MODELS,
    bump,
    bump_search,
    connect,
    generation,
    seconds,
)

logger = logging.getLogger("portal.page_cache")

# A page not found is content too: it stops being one when a page is published at its address,
# which renews the cache. Stored, polling an address before its page is approved (a shared
# link, a crawler) costs no render each time. Kept a minute only: a flood of made-up addresses
# then holds at most a minute's worth of them in Redis, not PAGE_CACHE_SECONDS' worth, and
# cannot push the real pages out.
STORED_STATUSES = (200, 404)
NOT_FOUND_SECONDS = 60

HEADER = "X-Portal-Cache"

# Whether the response being made read the search index: set by the middleware per request.
_reads = ContextVar("portal_page_cache_reads", default=None)


def reads_search_index():
    """Mark the response being made as a search answer (search.engine calls this): it is
    renewed by the search generation too."""
    reads = _reads.get()
    if reads is not None:
        reads["index"] = True


# Responses


def on_every_view(response, function_path, *args):
    """Call `function_path(*args)` now and whenever this response is served from the cache."""
    response._portal_replay = [*getattr(response, "_portal_replay", []), (function_path, args)]


# What a stored response may depend on besides the address. The language comes from the
# address's prefix (`/fr/...`); elsewhere (the API, the sitemap, `/`) from the language cookie and
# Accept-Language, so those are in the key. PAGE_CACHE_VARY_COOKIES names the cookies a public
# page reads (the language, the visitor's time zone); any other cookie is ignored. Under a
# language prefix the language cookie changes nothing but whether the page sets it (the portal
# remembers the language of the last page read, multilingual.fallback), so it is left out of the
# key there and the cookie is replayed as `_from_entry` says.
VARY_HANDLED = {"accept", "accept-encoding", "accept-language", "cookie", "origin"}


def _vary_cookies():
    return getattr(settings, "PAGE_CACHE_VARY_COOKIES", None) or [settings.LANGUAGE_COOKIE_NAME]


def _keyed_cookies(language):
    names = _vary_cookies()
    if language is not None:
        names = [name for name in names if name != settings.LANGUAGE_COOKIE_NAME]
    return names


def _language_prefix(path):
    """The offered language a path starts with (`/fr/...`), or None."""
    segment = path[1:].split("/", 1)
    if len(segment) == 2:
        codes = {code for code, _name in settings.LANGUAGES}
        if segment[0] in codes:
            return segment[0]
    return None


def _has_prefix_language_cookie(request):
    """Whether the address has a language prefix and the language cookie already says it."""
    language = _language_prefix(request.path)
    return language is not None and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) == language


def _key(request):
    meta = request.META
    cookies = request.COOKIES
    path = request.path
    language = _language_prefix(path)
    parts = [
        request.scheme,
        request.get_host(),
        language or "?" + meta.get("HTTP_ACCEPT_LANGUAGE", ""),
        "html" if "text/html" in meta.get("HTTP_ACCEPT", "") else "other",
        "gzip" if "gzip" in meta.get("HTTP_ACCEPT_ENCODING", "") else "",
        meta.get("HTTP_ORIGIN", ""),
        *(cookies.get(name, "") for name in _keyed_cookies(language)),
        request.get_full_path(),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"page:{digest}"


def _may_use_cache(request):
    return seconds() > 0 and anonymous_read(request)


def _may_store(request, response):
    if request.method != "GET" or response.status_code not in STORED_STATUSES or response.streaming:
        return False
    if set(response.cookies) - set(_vary_cookies()):
        return False  # a session, CSRF or messages cookie: this visitor's own
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds this visitor's CSRF token
    language = _language_prefix(request.path)
    if isinstance(getattr(request, "_csp_nonce", None), str):
        return False  # an inline script's nonce must be new on every response (django-csp)
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-cache", "no-store")):
        return False
    vary = {name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}
    if not vary <= VARY_HANDLED:
        return False  # depends on a header the key does not hold
    # A page under a language prefix that still depends on Accept-Language would be keyed wrong.
    return "accept-language" not in vary or language is None


class PageCacheMiddleware:
    """Serves and stores anonymous GET responses, first in the stack after whitenoise.

    Why first: a stored response is replayed without the session, authentication, locale,
    routing, CSP and compression middleware running again, as those ran when it was stored and
    their headers (Content-Security-Policy, Content-Language, Vary, Content-Encoding, the
    language cookie) are stored with it. That is safe because the key holds everything those
    depend on for an anonymous visitor (see `_key`), and `_may_store` refuses responses that
    are personal, carry a CSP nonce, or vary on anything else. SecurityMiddleware stays outside:
    it redirects to HTTPS before the cache is read and adds its headers to every response.

    One round trip to Redis per hit: the generation numbers and the entry are read together,
    and an entry stored under an older generation (or, for a search answer, an older search
    generation) is a miss.

    Gzipped responses are stored as they were compressed, random padding included: that padding
    is Django's defence against BREACH for pages holding a secret, and a stored page holds none.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            return self.get_response(request)
        try:
            key = _key(request)
        except DisallowedHost:
            return self.get_response(request)  # Django answers it with a 400
        try:
            found = cache.get_many([GENERATION_KEY, SEARCH_GENERATION_KEY, key])
            current = found.get(GENERATION_KEY)
            if current is None:
                current = generation()
            search_current = found.get(SEARCH_GENERATION_KEY)
            if search_current is None:
                search_current = generation(SEARCH_GENERATION_KEY)
        except Exception:
            logger.warning("The page cache is unavailable; serving uncached.", exc_info=True)
            return self.get_response(request)
        entry = found.get(key)
        if (
            entry is not None
            and entry["generation"] == current
            and entry.get("search_generation") in (None, search_current)
            and not (entry["cookie_unknown"] and not _has_prefix_language_cookie(request))
        ):
            return self._from_entry(entry, request)
        reads = {"index": False}
        token = _reads.set(reads)
        try:
            response = self.get_response(request)
            if not _may_store(request, response):
                return response
            if hasattr(response, "render") and not response.is_rendered:
                response.render()  # a template may read the index only now
        finally:
            _reads.reset(token)
        entry = {
            "generation": current,
            # Numbers read before the response was made: an index update that lands while it
            # is made leaves it stored under the old number, never served after the update.
            "search_generation": search_current if reads["index"] else None,
            "status": response.status_code,
            "headers": list(response.headers.items()),
            "cookies": response.cookies,
            # Stored for a visitor who already had the page's language cookie: whether
            # others get it set is unknown, so only such visitors are served this entry.
            "cookie_unknown": _has_prefix_language_cookie(request),
            "content": response.content,
            "replay": getattr(response, "_portal_replay", []),
        }
        try:
            ttl = seconds() if response.status_code == 200 else min(seconds(), NOT_FOUND_SECONDS)
            cache.set(key, entry, ttl)
        except Exception:
            logger.warning("Could not store a page in the cache.", exc_info=True)
        response[HEADER] = "miss"
        return response

    @staticmethod
    def _from_entry(entry, request):
        for function_path, args in entry["replay"]:
            try:
                import_string(function_path)(*args)
            except Exception:
                logger.warning(
                    "Could not replay %s for a cached page", function_path, exc_info=True
                )
        response = HttpResponse(entry["content"], status=entry["status"], headers=entry["headers"])
        # A stored cookie (the language of a page under a prefix) is set for visitors who do
        # not have that value yet, as the response made for them would.
        for name, morsel in entry["cookies"].items():
            if request.COOKIES.get(name) != morsel.value:
                response.cookies[name] = morsel
        response[HEADER] = "hit"
        return response
