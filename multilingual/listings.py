"""Listings and navigation in a language include the pages not yet translated into it.

multilingual.fallback serves an untranslated page under every language prefix; this module
makes the visitor able to find it. A listing in French reads, in the same query, the French
pages of the section and the English (default-language) pages of the same section that have no
live French translation, so pagination, filters and ordering stay in the database. Each English
page is then marked (`mark`) with the language of its content and the address the fallback
router serves it at (`/fr/<its English path>`), so templates link to it without leaving the
French interface and say, with a badge and `lang`/`hreflang`, that it is in English.

Only default-language pages are merged in because the fallback router only ever falls back to
the default-language tree. A live translation that visitors may not see (view-restricted) keeps
its source out of the listing too: the address would lead to the restricted translation.

Nothing here queries per item: the Q objects go into the listing's own query, and the
addresses are built from each page's `url_path` and the site root paths Wagtail caches.
"""

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Page, Site

from core.request_cache import active_locale_id, default_locale_id, locale_codes, memoise


def merging():
    """True when listings must merge in default-language pages (the visitor's language is another)."""
    return active_locale_id() != default_locale_id()


def untranslated_q():
    """Default-language pages without a live translation in the visitor's language."""
    translated = Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale_id=active_locale_id(),
        live=True,
    )
    return Q(locale_id=default_locale_id()) & ~Exists(translated)


def in_visitor_language_q():
    """Pages in the visitor's language, or in the default one when not translated yet.

    For listings that are not bounded by a section of the tree (an area's latest resources).
    """
    if not merging():
        return Q(locale_id=active_locale_id())
    return Q(locale_id=active_locale_id()) | untranslated_q()


def _path_in(container, locale_id):
    """`container`'s path in `locale_id`: its own, or its translation's, read inside the query."""
    if container.locale_id == locale_id:
        return container.path
    return Subquery(
        Page.objects.filter(translation_key=container.translation_key, locale_id=locale_id).values(
            "path"
        )[:1]
    )


def _under(container, locale_id, descendants):
    depth = Q(depth__gt=container.depth) if descendants else Q(depth=container.depth + 1)
    return Q(path__startswith=_path_in(container, locale_id)) & depth


def under_q(container, descendants=False):
    """Children (or all descendants) of `container` as listed in the visitor's language.

    The children of the container's version in the visitor's language, and the untranslated
    children of its default-language version. `container` may be either version: a French
    index, or the English one served in its place by the fallback router.
    """
    visitor = _under(container, active_locale_id(), descendants)
    if not merging():
        return visitor
    return visitor | (_under(container, default_locale_id(), descendants) & untranslated_q())


def source_path():
    """An annotation: the path of the page's default-language version (None for a native page).

    Listings in tree order sort by it (`in_source_order`), so that the French and the English
    pages of a section come in the order editors gave the English ones.
    """
    return Subquery(
        Page.objects.filter(
            translation_key=OuterRef("translation_key"), locale_id=default_locale_id()
        ).values("path")[:1]
    )


def source_value(field):
    """An annotation: `field` of the page's default-language version, or its own if it has none.

    Listings sorted by date sort by it, so that a translation, published after its source,
    keeps its source's place among the untranslated pages.
    """
    if not merging():
        return F(field)
    source = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=default_locale_id()
    )
    return Coalesce(Subquery(source.values(field)[:1]), F(field))


def in_source_order(pages):
    """`pages` (annotated with `source_path`) in the default tree's order, each with `tree_path`.

    `tree_path` is the page's position in the default-language tree, so that nesting can be read
    across languages: an English sub-area belongs under the French area whose `tree_path` its
    own starts with. A page written directly in the visitor's language sits under its parent.
    """
    pages = list(pages)
    by_path = {page.path: page for page in pages}
    steplen = Page.steplen

    def tree_path(page):
        if getattr(page, "tree_path", None) is None:
            parent = by_path.get(page.path[:-steplen])
            if getattr(page, "source_path", None):
                page.tree_path = page.source_path
            elif parent is not None and parent is not page:
                page.tree_path = tree_path(parent) + page.path[-steplen:]
            else:
                page.tree_path = page.path
        return page.tree_path

    return sorted(pages, key=tree_path)


def _site_root_paths():
    return memoise(("site_root_paths",), Site.get_site_root_paths)


def fallback_url(page, request=None, language_code=None):
    """The one address of the default-language `page` in a language (the active one by default).

    Its path below the default home page, under the language's prefix: the router walks the
    visitor's tree along it as far as translations go, then the default tree. The router also
    finds the page along the translated slugs of its ancestors (`/fr/formation-en-ligne/x/` as
    well as `/fr/elearning/x/`); this address is the one, and the fallback middleware redirects
    the others to it. It is this one because it is known from the page alone, without a query:
    every listing links its untranslated pages here within the page's query budget.
    """
    site = Site.find_for_request(request) if request is not None else None
    roots = [
        root
        for root in _site_root_paths()
        if root.language_code == settings.LANGUAGE_CODE and page.url_path.startswith(root.root_path)
    ]
    if not roots:
        return None
    root = next((root for root in roots if site is not None and root.site_id == site.pk), roots[0])
    try:
        with translation.override(language_code or translation.get_language()):
            path = reverse("wagtail_serve", args=(page.url_path[len(root.root_path) :],))
    except NoReverseMatch:
        return None
    single_site = len({other.site_id for other in _site_root_paths()}) == 1
    return (
        path
        if single_site or (site is not None and root.site_id == site.pk)
        else root.root_url + path
    )


def mark(pages, request=None):
    """Marks the pages of a listing that are not in the visitor's language; returns them as a list.

    Each gets `content_language` (its language code) and, when it is a default-language page,
    `fallback_url`. Pages in a third language keep their own address: the router would not
    serve them under this prefix.
    """
    pages = list(pages)
    visitor, default = active_locale_id(), default_locale_id()
    for page in pages:
        if page is None or page.locale_id == visitor:
            continue
        if page.locale_id == default:
            page.content_language = settings.LANGUAGE_CODE
            page.fallback_url = fallback_url(page, request)
        else:
            page.content_language = locale_codes().get(page.locale_id)
    return pages


def listed_url(page, request=None):
    """The address to link a listed page at: its fallback address if it has one, else its own."""
    return getattr(page, "fallback_url", None) or page.get_url(request)


def other_language(page):
    """The language code of a listed page's content when it is not the visitor's, else None."""
    return getattr(page, "content_language", None)
