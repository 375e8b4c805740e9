"""Routing a public page in two queries, whatever its depth or language.

Why this exists: Wagtail routes a request one level at a time (two queries per level) and
checks view restrictions with two more; a French content area page took over seventy queries
before this and the per-request cache (core.request_cache) existed. Visitors on slow
connections wait for every one of them; the portal's budget is fifteen for any public page.

The site's root paths (cached by Wagtail itself) give the URL path of the home page in the
visitor's language, so the requested page and all its ancestors are read in one query by
`url_path`, together with whether any of them carries a view restriction, and the page itself
in its specific type in a second. The result is handed to Wagtail's own `serve` view as the
route it would have found, so hooks, restrictions and `serve()` behave as usual. Whenever the
fast path cannot be sure it matches Wagtail (a page type with its own `route`, an alias, a
language without a home page, an inconsistent tree), it steps aside and Wagtail routes the
request itself.

Workaround, Wagtail private attributes: Wagtail has no public way to hand its `serve` view a
route found elsewhere, nor to tell a page its parent, so this module sets two of Wagtail's
private attributes: `request._wagtail_route_for_request` (the route `Page.route_for_request`
caches on the request) and `page._cached_parent_obj` (the parent `Page.get_parent` caches).
If Wagtail stopped reading either, pages would still be served right, by Wagtail's own
routing, but cost more queries, which the budgets in `tests/test_public_pages.py` catch. This
can go when Wagtail routes a page in a constant number of queries, or offers a public hook to
supply the route (e.g. a `before_route_page`-style hook returning a `RouteResult`); re-check
both names on every Wagtail upgrade until then. A third, `request._wagtail_site`, hands Wagtail
the Site found in the shared cache (`_find_site` says why and when it can go).
"""

from itertools import pairwise

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db.models import Exists, OuterRef, Q
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from . import request_cache
from .fragments import fragment
from .request_cache import default_locale_id, remember


def route_chain(request):
    """The served page's ancestors from the root down (base Page objects), then the page.

    Empty when the fast route did not serve this request, until `read_home` has read the root
    and home page for a view that serves no page (search, errors): then those two.
    """
    return getattr(request, "_portal_route_chain", []) if request is not None else []


def home_sections(request, home):
    """The live, public children of `home` read by the fast route, or None if it did not."""
    chain = route_chain(request)
    if len(chain) >= 2 and chain[1].pk == home.pk:
        return getattr(request, "_portal_home_sections", None)
    return None


def _home_sections(pages, root, home, default_home):
    """The visible sections under `home`, and those of `default_home` not translated yet.

    The default home's sections come in only when the visitor reads another language. Each
    section gets `source_path`, its default-language version's path, for
    multilingual.listings.in_source_order to sort the merged list as the default home is.
    """

    def visible(parent):
        if parent is None or root.is_restricted or parent.is_restricted:
            return []
        return [
            page
            for page in pages
            if page.depth == parent.depth + 1
            and page.path.startswith(parent.path)
            and page.live
            and not page.is_restricted
        ]

    sections = visible(home)
    if default_home is None or default_home.pk == home.pk:
        return sections
    translated = {
        page.translation_key
        for page in pages
        if page.depth == home.depth + 1 and page.path.startswith(home.path) and page.live
    }
    source = {
        page.translation_key: page.path
        for page in pages
        if page.depth == home.depth + 1 and page.path.startswith(default_home.path)
    }
    sections += [page for page in visible(default_home) if page.translation_key not in translated]
    for page in sections:
        page.source_path = source.get(page.translation_key)
    return sections


def _routes_like_page(page_class):
    return page_class is not None and page_class.route is Page.route


def fast_route(request, path):
    """Wagtail's `RouteResult` for `path`, None for a 404, or False to let Wagtail route."""
    site = Site.find_for_request(request)
    if site is None:
        return False
    language = translation.get_language()
    home_path, default_home_path = _home_paths(site, language)
    if home_path is None:
        return False
    components = [component for component in path.split("/") if component]
    url_paths = ["/", home_path] + [
        home_path + "/".join(components[: index + 1]) + "/" for index in range(len(components))
    ]
    pages, chain = _read_chain(site, url_paths, default_home_path)
    if not _is_chain(chain):
        return False
    restrictions = list(chain)
    if len(chain) < len(url_paths):
        if len(chain) < 2:
            return False
        # Not in the visitor's tree: the untranslated page of the default tree, as the fallback
        # router (multilingual.fallback) would serve it, or None, Wagtail's 404, as it would.
        if language == settings.LANGUAGE_CODE:
            return None
        if any(
            page.alias_of_id or not page.live or not _routes_like_page(page.specific_class)
            for page in chain[1:]
        ):
            return False
        found = _fallback_chain(chain[-1], components[len(chain) - 2 :])
        if found is False:
            return False
        request._portal_fallback_routed = True  # multilingual.fallback need not route it again
        if found is None:
            return None
        served, source_ancestors = found
        restrictions += source_ancestors + served
        parent = (source_ancestors + served)[-2]
        chain = chain + served
    else:
        if any(page.alias_of_id for page in chain) or not all(
            _routes_like_page(page.specific_class) for page in chain[1:]
        ):
            return False
        parent = chain[-2] if len(chain) > 1 else None
    target = chain[-1]
    if not target.live:
        return None

    page_class = target.specific_class
    page = page_class._default_manager.select_related(
        "locale", *getattr(page_class, "display_related", ())
    ).get(pk=target.pk)
    if parent is not None:
        page._cached_parent_obj = parent  # Wagtail private attribute: see the module docstring
    page._portal_unrestricted = not any(ancestor.is_restricted for ancestor in restrictions)
    request._portal_route_chain = chain[:-1] + [page]
    if chain[1].depth == site.root_page.depth:
        default_home = next((page for page in pages if page.url_path == default_home_path), None)
        request._portal_home_sections = _home_sections(pages, chain[0], chain[1], default_home)
    remember(("locale", language), chain[1].locale_id)
    return RouteResult(page)


def _home_paths(site, language):
    """The url_paths of `site`'s home page in `language` and in the default language (None
    for a language without one), from the root paths Wagtail caches: no query.

    Also remembers the default Locale when the Site's root page is in that language.
    """
    root_paths = [root for root in Site.get_site_root_paths() if root.site_id == site.pk]
    home_path = next(
        (root.root_path for root in root_paths if root.language_code == language), None
    )
    default_home_path = next(
        (root.root_path for root in root_paths if root.language_code == settings.LANGUAGE_CODE),
        None,
    )
    if default_home_path is not None and default_home_path == site.root_page.url_path:
        remember(("default_locale",), site.root_page.locale_id)
    return home_path, default_home_path


def _read_chain(site, url_paths, default_home_path):
    """The pages at `url_paths` (root, home, ...) and the sections of the menu, in one query.

    The same query brings the home page's children, the main navigation's sections, and in
    another language the default home page and its children too, for the untranslated ones.
    Returns (every page read, those at `url_paths` by depth).
    """
    home_path = url_paths[1]
    section_depth = site.root_page.depth + 1
    sections = Q(url_path__startswith=home_path, depth=section_depth)
    if default_home_path is not None and default_home_path != home_path:
        sections |= Q(url_path=default_home_path) | Q(
            url_path__startswith=default_home_path, depth=section_depth
        )
    restricted = PageViewRestriction.objects.filter(page_id=OuterRef("pk"))
    pages = list(
        Page.objects.filter(Q(url_path__in=url_paths) | sections)
        .annotate(is_restricted=Exists(restricted))
        .order_by("path")
    )
    wanted = set(url_paths)
    return pages, sorted(
        (page for page in pages if page.url_path in wanted), key=lambda page: page.depth
    )


def read_home(request):
    """For a view that serves no page (search, forms, error pages): the visitor's home page
    and the menu's sections in one query, as the fast route reads them for pages.

    Stores them where the menu and `localized_home` look for the route's, and returns the
    chain (root, home), or [] when this cannot be done as certainly as `.localized` would
    (no live home in the visitor's language), leaving the template tags to query.
    """
    site = Site.find_for_request(request)
    if site is None:
        return []
    language = translation.get_language()
    home_path, default_home_path = _home_paths(site, language)
    if home_path is None:
        return []
    pages, chain = _read_chain(site, ["/", home_path], default_home_path)
    if (
        len(chain) != 2
        or not _is_chain(chain)
        or not chain[1].live
        or chain[1].depth != site.root_page.depth
    ):
        return []
    default_home = next((page for page in pages if page.url_path == default_home_path), None)
    request._portal_route_chain = chain
    request._portal_home_sections = _home_sections(pages, chain[0], chain[1], default_home)
    remember(("locale", language), chain[1].locale_id)
    return chain


def _is_chain(pages):
    """Whether `pages`, sorted by depth, go down the tree one parent to its child at a time."""
    return all(
        child.depth == parent.depth + 1 and child.path.startswith(parent.path)
        for parent, child in pairwise(pages)
    )


def _fallback_chain(deepest, components):
    """The default-language pages that serve `components` below `deepest`'s source, or False.

    `deepest` is the last live page of the visitor's tree on the way to the requested address.
    Returns (the pages below its source down to the requested one, the source and its
    ancestors), the same page multilingual.fallback.fallback_route finds, in two queries
    instead of two per level; False whenever that is not certain, to let it route.
    """
    source = (
        Page.objects.filter(translation_key=deepest.translation_key, locale_id=default_locale_id())
        .values_list("url_path", flat=True)
        .first()
    )
    if source is None:
        return False
    ancestors = [source[: index + 1] for index, char in enumerate(source) if char == "/"]
    served_paths = [
        source + "/".join(components[: index + 1]) + "/" for index in range(len(components))
    ]
    restricted = PageViewRestriction.objects.filter(page_id=OuterRef("pk"))
    rows = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in=ancestors + served_paths).annotate(
            is_restricted=Exists(restricted)
        )
    }
    if any(path not in rows for path in ancestors):
        return False
    source_ancestors = [rows[path] for path in ancestors]
    served = []
    for path in served_paths:
        if path not in rows:
            break
        served.append(rows[path])
    chain = source_ancestors + served
    if (
        not _is_chain(chain)
        or any(page.alias_of_id for page in chain)
        or not all(_routes_like_page(page.specific_class) for page in chain[1:])
    ):
        return False
    if len(served) < len(served_paths):
        return None  # Wagtail's route from the source stops at the same missing slug: 404
    if not all(page.live for page in chain[1:]):
        return False
    return served, source_ancestors


def _find_site(request):
    """The request's Site from the shared cache (core.fragments) for an anonymous read.

    Wagtail looks the Site up in a query on every request (`Site.find_for_request` caches it
    on the request only); the answer depends on the host and port alone and changes only when
    a Site is saved, which renews the fragments. Wagtail private attribute: this hands it
    `request._wagtail_site`, where `find_for_request` keeps its answer, since Wagtail offers
    no public way to supply it; if Wagtail stopped reading it, the Site would be looked up as
    before (a query, which the budgets in tests/test_public_pages.py count). Re-check on every
    Wagtail upgrade; it can go if Wagtail caches the lookup across requests itself.
    """
    if hasattr(request, "_wagtail_site"):
        return
    try:
        request.get_host()
    except DisallowedHost:
        return  # Django answers it with a 400, as before
    site = fragment(request, "site", [request.get_port()], lambda: Site.find_for_request(request))
    request._wagtail_site = site


class PageServingMiddleware:
    """Opens the per-request cache (core.request_cache) for reads, and routes Wagtail page
    requests the fast way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only reads are cached: a request that changes data must see its own changes.
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with request_cache.opened(request):
            _find_site(request)
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            match is None
            or match.url_name != "wagtail_serve"
            or request.method not in ("GET", "HEAD")
        ):
            return None
        if hasattr(request, "_wagtail_route_for_request"):
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        result = fast_route(request, path)
        if result is not False:
            # Wagtail private attribute (see the module docstring): Page.route_for_request
            # returns this instead of routing again.
            request._wagtail_route_for_request = result
        return None
