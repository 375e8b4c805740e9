"""Template tags for the public site: home page, breadcrumbs, languages, pagination.

The main navigation is home's (home/templatetags/navigation_tags.py), where the sections are
assembled. Every tag tolerates a missing `page` (search results, error pages) and a missing
request (templates rendered outside a request), returning an empty result rather than
failing. Results that the header and footer both need are cached on the request, so a page
costs the same few queries however many times the navigation is drawn.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Site

from core.localization import localized, localized_all
from core.serving import read_home, route_chain

register = template.Library()


def _request(context):
    return context.get("request")


def cached_on_request(request, key, build):
    """Memoise `build()` on the request for the rest of the response.

    Unlike core.request_cache, which is open for GET and HEAD only, this works for any request
    the header and footer are drawn for (a form's POST response, an error page).
    """
    if request is None:
        return build()
    cache = getattr(request, "_portal_tags_cache", None)
    if cache is None:
        cache = request._portal_tags_cache = {}
    if key not in cache:
        cache[key] = build()
    return cache[key]


def aria_current(current, target):
    """aria-current for a link to `target` while showing `current`."""
    path = getattr(current, "path", None)
    if not path:
        return ""
    if current.pk == target.pk:
        return "page"
    if path.startswith(target.path):
        return "true"
    return ""


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The home page of the visitor's language: the Site root page's `.localized`.

    Usage: `{% localized_home as home %}`. None outside a request or without a matching Site.
    """
    request = _request(context)
    if request is None:
        return None

    def build():
        site = Site.find_for_request(request)
        if site is None:
            return None
        chain = route_chain(request) or read_home(request)  # no query for a routed page
        if len(chain) >= 2 and chain[1].translation_key == site.root_page.translation_key:
            return chain[1]
        return localized(site.root_page)

    return cached_on_request(request, ("home", translation.get_language()), build)


@register.simple_tag(takes_context=True)
def abbreviation(context, name, short):
    """An acronym expanded where it is first used on the page, an `<abbr>` after that.

    Usage: `{% abbreviation organisation.name organisation.acronym %}`. The first time a page
    shows an acronym it reads "Child Protection Knowledge Network (CPKN)"; later mentions are
    `<abbr title="...">CPKN</abbr>`, so a reader who skips around still has the expansion on
    hover and to assistive technology. Without an acronym (or one equal to the name), the name.
    """
    name, short = str(name or ""), str(short or "")
    if not short or short == name:
        return name
    request = _request(context)
    seen = cached_on_request(request, ("abbreviations",), set)
    if short in seen:
        return format_html('<abbr title="{}">{}</abbr>', name, short)
    seen.add(short)
    return format_html('{} (<abbr title="{}">{}</abbr>)', name, name, short)


@register.simple_tag(takes_context=True)
def site_name(context):
    """The portal's name in the visitor's language: the title of their language's home page.

    The Site record has one name for every language, so the home page, which is translated with
    wagtail-localize like any page, carries the name instead; the Site name, then the
    organisation's, stand in without a home page (error pages outside any site).
    """
    home = localized_home(context)
    if home is not None and home.title:
        return home.title
    site = Site.find_for_request(_request(context)) if _request(context) is not None else None
    if site is not None and site.site_name:
        return site.site_name
    from core.models import PortalSettings

    return PortalSettings.load().organisation_name


@register.simple_tag(takes_context=True)
def get_breadcrumbs(context, page=None):
    """The live ancestors of `page` below its home page, outermost first.

    Usage: `{% get_breadcrumbs page as crumbs %}`. Empty for the home page itself and for
    anything that is not a page; the template adds the home link and the current page.
    """
    page = page or context.get("page")
    if page is None or not getattr(page, "depth", None):
        return []
    home = localized_home(context)
    home_depth = home.depth if home is not None else 2
    if page.depth <= home_depth:
        return []
    chain = route_chain(_request(context))
    if chain and chain[-1].pk == page.pk:  # ancestors already read by the fast route
        return [
            ancestor for ancestor in chain[:-1] if ancestor.depth > home_depth and ancestor.live
        ]
    return list(page.get_ancestors().filter(depth__gt=home_depth).live())


def language_link(code, url, current_code):
    try:
        info = translation.get_language_info(code)
        name_local, bidi = info["name_local"], info["bidi"]
    except KeyError:
        name_local, bidi = dict(settings.LANGUAGES).get(code, code), False
    return {
        "code": code,
        "url": url,
        "name": name_local,
        "name_translated": dict(settings.LANGUAGES).get(code, name_local),
        "bidi": bidi,
        "current": code == current_code,
    }


def live_translations(request, page):
    """The page's live versions in every language, itself included, read once per request."""
    return cached_on_request(
        request,
        ("translations", page.pk),
        lambda: list(page.get_translations(inclusive=True).live().select_related("locale")),
    )


@register.simple_tag(takes_context=True)
def get_language_links(context, page=None):
    """Links to this page in the other languages it is published in.

    Usage: `{% get_language_links page as languages %}`. For a Wagtail page: its live
    translations (`page.get_translations(inclusive=True).live()`). For the search view: the
    same search in every interface language. Otherwise (error pages): nothing. Each link is a
    dict with `code`, `url`, `name` (in its own language), `name_translated` (in the
    visitor's), `bidi` and `current`; sorted in the order of settings.LANGUAGES.
    """
    request = _request(context)
    page = page or context.get("page")
    current_code = translation.get_language()
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}

    def build():
        links = []
        if page is not None and getattr(page, "translation_key", None):
            for item in live_translations(request, page):
                url = item.get_url(request)
                if url:
                    links.append(language_link(item.locale.language_code, url, current_code))
        elif request is not None and getattr(request.resolver_match, "url_name", "") == "search":
            query = request.GET.urlencode()
            for code, _name in settings.LANGUAGES:
                url = translate_url(request.path, code)
                links.append(language_link(code, f"{url}?{query}" if query else url, current_code))
        links.sort(key=lambda link: order.get(link["code"], len(order)))
        return links

    return cached_on_request(request, ("languages", getattr(page, "pk", None)), build)


@register.filter
def verbose_name(obj):
    """A page's (or model instance's) type, e.g. "case study"; templates cannot read _meta."""
    model = getattr(obj, "specific_class", None) or type(obj)
    return model._meta.verbose_name if model is not None else ""


@register.filter
def elided_page_range(page_obj, on_each_side=1):
    """Page numbers for pagination links, with the paginator's ellipsis for gaps."""
    if page_obj is None:
        return []
    return page_obj.paginator.get_elided_page_range(
        page_obj.number, on_each_side=on_each_side, on_ends=1
    )


@register.filter(name="localized_all")
def localized_all_filter(related_manager):
    """`page.topics|localized_all`: the related terms in the visitor's language, in one query."""
    return localized_all(related_manager)


@register.filter
def page_type_class(page):
    """A stable CSS hook for a page's type, e.g. "type-resources-resourcepage"."""
    model = getattr(page, "specific_class", None) or type(page)
    return f"type-{model._meta.app_label}-{model._meta.model_name}"


@register.filter
def url_host(url):
    """The host name of a URL without "www.", to say where an external link leads."""
    from urllib.parse import urlsplit

    try:
        host = urlsplit(str(url)).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


@register.filter
def sentence_start(value):
    """Capitalise the first letter unless the word is already mixed case ("eLearning")."""
    value = str(value or "")
    if len(value) > 1 and value[1].isupper():
        return value
    return value[:1].upper() + value[1:]


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` made absolute against the current request (unchanged if it already is)."""
    request = _request(context)
    if not url or request is None:
        return url or ""
    return request.build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def may_see_document(context, document):
    """Whether the visitor may see a document's title, file name and link (core.visibility)."""
    from core.visibility import may_see_document as visible

    return visible(document, _request(context))


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org JSON-LD <script> (core.structured_data), or nothing."""
    from core.models import PortalSettings
    from core.structured_data import as_script, describe

    page, request = context.get("page"), _request(context)
    if page is None or request is None:
        return ""
    data = describe(page, request, PortalSettings.load(request_or_site=request))
    return as_script(data) if data else ""
