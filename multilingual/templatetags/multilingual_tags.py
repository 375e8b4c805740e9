"""Template tags that say which language a page's content is in, and where else it exists."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Locale

from core.request_cache import default_locale_id
from core.templatetags.portal_tags import (
    cached_on_request,
    get_language_links,
    language_link,
    live_translations,
)
from multilingual import listings
from multilingual.fallback import content_language

register = template.Library()


# Languages whose names are common nouns, written in lower case inside a sentence.
LOWER_CASE_NAMES = {"fr", "es", "pt", "it"}


def _language(code):
    try:
        info = translation.get_language_info(code)
    except KeyError:
        return {"code": code, "name": code, "name_local": code, "bidi": False}
    name = translation.gettext(info["name"])
    if (translation.get_language() or "")[:2] in LOWER_CASE_NAMES:
        name = name.lower()
    return {"code": code, "name": name, "name_local": info["name_local"], "bidi": info["bidi"]}


@register.simple_tag(takes_context=True)
def content_language_attrs(context):
    """` lang=".." dir=".."` for the element holding content that is not in the visitor's language."""
    code = content_language(context.get("request"))
    if not code:
        return ""
    info = _language(code)
    return format_html(' lang="{}" dir="{}"', code, "rtl" if info["bidi"] else "ltr")


@register.simple_tag(takes_context=True)
def listed_url(context, page):
    """`{% pageurl %}` for a listed page, or the fallback address it is listed at.

    multilingual.listings marks the pages a listing shows although they are not translated into
    the visitor's language; linking to them under the visitor's language prefix keeps the
    interface in that language (the fallback router serves them there).
    """
    return listings.listed_url(page, context.get("request"))


@register.simple_tag
def item_language_attrs(page, link=False):
    """` lang=".." dir=".."` for a listed page's title or summary when they are in another language.

    With `link=True`, for the page's link, `hreflang` too. Nothing for a page in the visitor's
    language, so templates can always write `<a href=".."{% item_language_attrs page link=True %}>`.
    """
    code = listings.other_language(page)
    if not code:
        return ""
    info = _language(code)
    attrs = format_html(' lang="{}" dir="{}"', code, "rtl" if info["bidi"] else "ltr")
    return attrs + format_html(' hreflang="{}"', code) if link else attrs


@register.simple_tag
def item_hreflang(page):
    """` hreflang=".."` for a link to a listed page in another language, whose text is not its title."""
    code = listings.other_language(page)
    return format_html(' hreflang="{}"', code) if code else ""


@register.inclusion_tag("multilingual/language_badge.html")
def item_language_badge(page):
    """A small badge naming, in the visitor's language, the language of a listed page's content.

    Nothing for a page in the visitor's language. Put it outside the element carrying
    `item_language_attrs`: its text is in the visitor's language.
    """
    code = listings.other_language(page)
    return {"language": _language(code) if code else None}


@register.inclusion_tag("multilingual/fallback_notice.html", takes_context=True)
def fallback_notice(context):
    """The "Not yet available in <language>" notice, or the out-of-date one, in the visitor's language."""
    request = context.get("request")
    code = content_language(request)
    page = context.get("page")
    newer = None
    if not code and page is not None and getattr(page, "locale_id", None) is not None:
        from core.request_cache import memoise
        from multilingual.stale import newer_source

        if page.locale_id != memoise(("default_locale",), lambda: Locale.get_default().pk):
            newer = newer_source(page)
    return {
        "request": request,
        "content_language": _language(code) if code else None,
        "visitor_language": _language(translation.get_language()),
        "newer_source": newer,
        "newer_language": _language(newer.locale.language_code) if newer else None,
    }


@register.simple_tag
def x_default_link(language_links):
    """The default-language link among get_language_links' results, for hreflang="x-default"."""
    for link in language_links:
        if link["code"] == settings.LANGUAGE_CODE:
            return link["url"]
    return language_links[0]["url"] if language_links else ""


@register.simple_tag
def language_name(code):
    """A language's name in the visitor's language ("anglais" for "en" on a French page)."""
    return _language(code)["name"] if code else ""


@register.simple_tag(takes_context=True)
def language_versions(context, page=None):
    """Every language the portal offers, each linking to this page in it.

    Usage: `{% language_versions as links %}`, the language switcher's links. A language with a
    live translation links to it (core's `get_language_links`); any other to the address where
    the fallback router serves the page's default-language version in that language, with a
    notice, so a visitor can always switch, on every page. Links have the shape of
    `get_language_links`' and a `fallback` flag. Outside pages (search, errors) the links are
    `get_language_links`' own.
    """
    request = context.get("request")
    page = page or context.get("page")
    links = get_language_links(context, page)
    if page is None or not getattr(page, "translation_key", None):
        return links

    def build():
        have = {link["code"] for link in links}
        missing = [code for code, _name in settings.LANGUAGES if code not in have]
        if not missing:
            return links
        source = next(
            (
                item
                for item in [page, *live_translations(request, page)]
                if item.locale_id == default_locale_id() and item.live
            ),
            None,
        )
        if source is None:
            return links
        current = translation.get_language()
        result = list(links)
        for code in missing:
            url = listings.fallback_url(source, request, code)
            if url:
                result.append({**language_link(code, url, current), "fallback": True})
        order = [code for code, _name in settings.LANGUAGES]
        result.sort(key=lambda link: order.index(link["code"]) if link["code"] in order else 99)
        return result

    return cached_on_request(request, ("language_versions", page.pk), build)


@register.simple_tag(takes_context=True)
def page_language(context):
    """The language of the served content: the visitor's, or the source's on a fallback page."""
    return content_language(context.get("request")) or translation.get_language()
