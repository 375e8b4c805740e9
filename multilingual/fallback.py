"""Untranslated pages stay reachable in every language, in their source language, with a notice.

Why a routing fallback and not wagtail-localize's LocaleSynchronization alias pages: aliases
would copy every page of the default tree into every other locale (four rows per page, four
search-index entries, four sitemap entries with the same text under different URLs). An alias is
also a live page in the target locale, so when a translator later translates it, wagtail-localize
turns that live row into the translation, which bypasses the review that editorial.translations
puts every translation through. Finally core.serving's fast route steps aside for aliases, so
every untranslated page would be routed the slow way. A fallback needs no data at all: when the
visitor's tree has no page at the requested address, the rest of the address is looked up under
the source-language version of the deepest page that does exist, and that page is served in
place, in the visitor's interface language, marked with the language of its content.

The same marking covers Wagtail's own behaviour for a language whose home page is missing or
unpublished: `Site.root_page.localized` then routes the whole default tree under `/ar/...`. The
pages are served, but no longer silently: they carry the notice and the right `lang`.

An untranslated page has one address per language: its path in the source tree under that
language's prefix (`/fr/elearning/x/`), the address every listing links to. The router also finds
it along its ancestors' translated slugs (`/fr/formation-en-ligne/x/`); that second address
answers with a permanent redirect to the first. A translated page found along the source's
slugs (an address from before it had a slug of its own) redirects to its translation.

A first path segment that is a language code the portal does not offer (`/de/...`) gets a 404
in the default language at once, instead of LocaleMiddleware's redirect to `/en/de/...`.

The visitor's choice of language is remembered in Django's language cookie whenever a page is
read under a language prefix, so `/` (LocaleMiddleware) sends them back to the language they last
chose, or to the best match of their Accept-Language header on a first visit.
"""

import re
from urllib.parse import unquote

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import translation
from django.views.defaults import page_not_found
from wagtail.models import Page, Site

from core.request_cache import active_locale_id
from core.templatetags.portal_tags import live_translations

from .listings import fallback_url

_LANGUAGE_SEGMENT = re.compile(r"^/([a-z]{2,3}(?:-[a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


def content_language(request):
    """The language of the served page's content when it is not the visitor's, else None."""
    return getattr(request, "_portal_content_language", None)


def _live_child(parent, slug):
    return parent.get_children().filter(slug=slug).live().first()


def fallback_route(request, path):
    """A RouteResult for a page missing from the visitor's tree, from the source tree, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    current, index = site.root_page.localized, 0  # the visitor's home, or the default one
    if current.locale_id != active_locale_id():
        # No live home in the visitor's language: Wagtail itself would route the default tree,
        # but core.serving's fast route answers 404 when that home exists unpublished.
        return _route_or_none(current, request, components)
    if current.live:
        while index < len(components):
            child = _live_child(current, components[index])
            if child is None:
                break
            current, index = child, index + 1
        else:
            return None  # the visitor's tree has the page: Wagtail's 404 stands (e.g. a draft)
    if current.locale.language_code == settings.LANGUAGE_CODE:
        return None
    source = current.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if source is None:
        return None
    return _route_or_none(source, request, components[index:])


def _route_or_none(page, request, components):
    try:
        return page.specific.route(request, components)
    except Http404:
        return None


def route(request, path):
    """Wagtail's route for `path`, falling back to the source tree; marks foreign content."""
    result = Page.route_for_request(request, path)
    if (
        result is None
        and translation.get_language() != settings.LANGUAGE_CODE
        and not getattr(request, "_portal_fallback_routed", False)
    ):  # core.serving did it
        result = fallback_route(request, path)
        request._wagtail_route_for_request = result
    if (
        result is not None and result[0].locale_id != active_locale_id()
    ):  # no query on the fast route
        request._portal_content_language = result[
            0
        ].locale.language_code  # selected by the fast route
    return result


def canonical_redirect(request, result):
    """A 301 to the one address of a fallback page requested at another, or None.

    The router reaches an untranslated page along its ancestors' translated slugs
    (`/fr/formation-en-ligne/x/`) and along the source's (`/fr/elearning/x/`): one page, one
    address, the one listings and the language switcher link to (listings.fallback_url).
    """
    if result is None or content_language(request) != settings.LANGUAGE_CODE:
        return None
    page, args, _kwargs = result
    if args:  # a sub-route of the page: its address is the page's own's business
        return None
    url = _translation_url(page, request) or fallback_url(page, request)
    if not url or unquote(url) == request.path or "://" in url:
        return None
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


def _translation_url(page, request):
    """The address of `page`'s live translation in the visitor's language, if it has one.

    A translated page reached at its source's address (`/ar/case-studies/x/`, where the Arabic
    pages have Arabic slugs, or an address published before they had them) moves there for good.
    """
    # The page's live translations, read once per request: the language switcher of the
    # fallback page served otherwise reads the same list, so this costs no query.
    visitor = active_locale_id()
    for version in live_translations(request, page):
        if version.locale_id == visitor:
            return version.get_url(request)
    return None


def _offered(code):
    return any(code.lower() == offered.lower() for offered, _name in settings.LANGUAGES)


class UnknownLanguageMiddleware:
    """A 404 in the default language for `/de/...` when German is not offered.

    Must come before LocaleMiddleware, which would otherwise redirect to `/en/de/...` (a
    second request, and a 404 all the same) or answer in the visitor's browser language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = _LANGUAGE_SEGMENT.match(request.path_info)
        if match and not _offered(match.group(1)) and match.group(1).lower() in LANG_INFO:
            with translation.override(settings.LANGUAGE_CODE):
                request.LANGUAGE_CODE = settings.LANGUAGE_CODE
                return page_not_found(request, Http404())
        return self.get_response(request)


class LanguageFallbackMiddleware:
    """Serves untranslated pages from the source tree and remembers the visitor's language.

    Must come after core.serving.PageServingMiddleware, whose fast route it completes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        self._remember_language(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            match is None
            or match.url_name != "wagtail_serve"
            or request.method not in ("GET", "HEAD")
        ):
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        return canonical_redirect(request, route(request, path))

    @staticmethod
    def _remember_language(request, response):
        """Keep the language of the page just read, so `/` brings the visitor back to it."""
        if response.status_code != 200 or not response.get("Content-Type", "").startswith(
            "text/html"
        ):
            return
        match = _LANGUAGE_SEGMENT.match(request.path_info)
        if not match or not _offered(match.group(1)):
            return
        code = match.group(1)
        if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != code:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                code,
                max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
