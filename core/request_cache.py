"""A cache that lives for one request, and the lookups every page shares through it.

Why it exists: templates, template tags and page models each ask for the visitor's Locale,
the locale codes, a page's translation... and every `.localized` in Wagtail is a query of its
own. Within one request the answers cannot change, so they are computed once here and shared.

The cache is opened and closed around each read request by `core.serving.PageServingMiddleware`
(`opened()`); the fast page router stores what it already read (`remember`). Outside a request
(shell, management commands, templates rendered in tests) nothing is cached and every helper
simply queries, so correctness never depends on the cache.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

_cache = ContextVar("portal_request_cache", default=None)
_request = ContextVar("portal_request", default=None)


@contextmanager
def opened(request=None):
    """A fresh cache for the code run inside the `with` block (one request)."""
    token = _cache.set({})
    request_token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(request_token)
        _cache.reset(token)


def current_request():
    """The read request being served, for code Wagtail calls without one (rich text links);
    None outside a request, which callers treat as the least privileged reader."""
    return _request.get()


def memoise(key, build):
    """`build()`, computed once per request under `key` (every time outside a request)."""
    cache = _cache.get()
    if cache is None:
        return build()
    if key not in cache:
        cache[key] = build()
    return cache[key]


def remember(key, value):
    """Store a value that is already known, so `memoise(key, ...)` need not query."""
    cache = _cache.get()
    if cache is not None:
        cache[key] = value


def _locale_id(code, otherwise):
    """The id of the Locale of `code`, found among `locale_codes()`, else `otherwise()`."""
    by_code = {language: pk for pk, language in locale_codes().items()}
    return by_code.get(code) or otherwise()


def active_locale_id():
    """The id of the Locale of the active language (the default Locale's if it has none)."""
    language = translation.get_language()
    return memoise(
        ("locale", language),
        lambda: _locale_id(
            language, lambda: _locale_id(settings.LANGUAGE_CODE, lambda: Locale.get_active().pk)
        ),
    )


def default_locale_id():
    """The id of the default language's Locale (settings.LANGUAGE_CODE), once per request.

    The fast route knows it without a query when the Site's root page is in that language.
    """
    return memoise(
        ("default_locale",),
        lambda: _locale_id(settings.LANGUAGE_CODE, lambda: Locale.get_default().pk),
    )


def locale_codes():
    """{Locale id: language code} for every locale, read once per request."""
    return memoise(
        ("locale_codes",), lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )
