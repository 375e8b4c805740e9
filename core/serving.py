"""Serving a public page in a fixed, small number of queries, whatever its depth or language.

Why this exists: Wagtail routes a request one level at a time (two queries per level), checks
view restrictions with two more, and every `.localized` and `.public()` call in a template asks
the database again. A French content area page took over seventy queries; visitors on slow
connections wait for every one of them. The portal's budget is fifteen for any public page.

Two things make that possible:

* **A per-request cache** (`memoise`), opened and closed by `PageServingMiddleware` around each
  request, that template tags, template filters and page models share. Outside a request
  (shell, management commands, templates rendered in tests) nothing is cached and every helper
  simply queries, so correctness never depends on the cache.
* **Routing in two queries.** The site's root paths (cached by Wagtail itself) give the URL path
  of the home page in the visitor's language, so the requested page and all its ancestors are
  read in one query by `url_path`, together with whether any of them carries a view restriction,
  and the page itself in its specific type in a second. The result is handed to Wagtail's own
  `serve` view as the route it would have found, so hooks, restrictions and `serve()` behave as
  usual. Whenever the fast path cannot be sure it matches Wagtail (a page type with its own
  `route`, an alias, a language without a home page, an inconsistent tree), it steps aside and
  Wagtail routes the request itself.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

_cache = ContextVar("portal_request_cache", default=None)


def memoise(key, build):
    """`build()`, computed once per request under `key` (every time outside a request)."""
    cache = _cache.get()
    if cache is None:
        return build()
    if key not in cache:
        cache[key] = build()
    return cache[key]


def remember(key, value):
    """Store a value the fast route already knows, so `memoise(key, ...)` need not query."""
    cache = _cache.get()
    if cache is not None:
        cache[key] = value


def active_locale_id():
    """The id of the Locale of the active language (the default Locale's if it has none)."""
    language = translation.get_language()
    return memoise(("locale", language), lambda: Locale.get_active().pk)


def default_locale_id():
    """The id of the default language's Locale (settings.LANGUAGE_CODE), once per request.

    The fast route knows it without a query when the Site's root page is in that language.
    """
    return memoise(("default_locale",), lambda: Locale.get_default().pk)


def public_q():
    """Pages outside every view-restricted section, as one SQL condition.

    Wagtail's `.public()` reads all restrictions with a query of its own on every call; this
    correlated subquery lets the database do the same check inside the listing's own query.
    """
    restricted_ancestor = PageViewRestriction.objects.filter(
        StartsWith(OuterRef("path"), F("page__path"))
    )
    return ~Exists(restricted_ancestor)


def public_pages(queryset):
    """Live pages of `queryset` that anonymous visitors may see."""
    return queryset.live().filter(public_q())


def route_chain(request):
    """The served page's ancestors from the root down (base Page objects), then the page.

    Empty when the fast route did not serve this request (search, errors, fall-backs).
    """
    return getattr(request, "_portal_route_chain", []) if request is not None else []


def home_sections(request, home):
    """The live, public children of `home` read by the fast route, or None if it did not."""
    chain = route_chain(request)
    if len(chain) >= 2 and chain[1].pk == home.pk:
        return getattr(request, "_portal_home_sections", None)
    return None


def _routes_like_page(page_class):
    return page_class is not None and page_class.route is Page.route


def fast_route(request, path):
    """Wagtail's `RouteResult` for `path`, None for a 404, or False to let Wagtail route."""
    site = Site.find_for_request(request)
    if site is None:
        return False
    language = translation.get_language()
    root_paths = [root for root in Site.get_site_root_paths() if root.site_id == site.pk]
    home_path = next((root.root_path for root in root_paths if root.language_code == language), None)
    if any(root.root_path == site.root_page.url_path and root.language_code == settings.LANGUAGE_CODE
           for root in root_paths):
        remember(("default_locale",), site.root_page.locale_id)
    if home_path is None:
        return False
    components = [component for component in path.split("/") if component]
    url_paths = ["/", home_path] + [
        home_path + "/".join(components[: index + 1]) + "/" for index in range(len(components))
    ]
    # The same query brings the home page's children: the main navigation's sections.
    sections = Q(url_path__startswith=home_path, depth=site.root_page.depth + 1)
    restricted = PageViewRestriction.objects.filter(page_id=OuterRef("pk"))
    pages = list(
        Page.objects.filter(Q(url_path__in=url_paths) | sections)
        .annotate(is_restricted=Exists(restricted))
        .order_by("path")
    )
    wanted = set(url_paths)
    chain = sorted((page for page in pages if page.url_path in wanted), key=lambda page: page.depth)
    if len(chain) < len(url_paths):
        return None if len(chain) >= 2 else False  # a missing page is Wagtail's 404 too
    for parent, child in zip(chain, chain[1:]):
        if child.depth != parent.depth + 1 or not child.path.startswith(parent.path):
            return False
    if any(page.alias_of_id for page in chain) or not all(
        _routes_like_page(page.specific_class) for page in chain[1:]
    ):
        return False
    target = chain[-1]
    if not target.live:
        return None

    page_class = target.specific_class
    page = page_class._default_manager.select_related(
        *getattr(page_class, "display_related", ())
    ).get(pk=target.pk)
    if len(chain) > 1:
        page._cached_parent_obj = chain[-2]
    page._portal_unrestricted = not any(ancestor.is_restricted for ancestor in chain)
    request._portal_route_chain = chain[:-1] + [page]
    if chain[1].depth == site.root_page.depth:
        home_is_public = not (chain[0].is_restricted or chain[1].is_restricted)
        request._portal_home_sections = [
            section for section in pages
            if section.depth == site.root_page.depth + 1 and section.path.startswith(chain[1].path)
            and section.live and not section.is_restricted and home_is_public
        ]
    remember(("locale", language), chain[1].locale_id)
    return RouteResult(page)


class PageServingMiddleware:
    """Opens the per-request cache for reads and routes Wagtail page requests the fast way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only reads are cached: a request that changes data must see its own changes.
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        token = _cache.set({})
        try:
            return self.get_response(request)
        finally:
            _cache.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.url_name != "wagtail_serve" or request.method not in ("GET", "HEAD"):
            return None
        if hasattr(request, "_wagtail_route_for_request"):
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        result = fast_route(request, path)
        if result is not False:
            request._wagtail_route_for_request = result
        return None
