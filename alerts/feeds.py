"""RSS and Atom feeds of newly published knowledge products, one set per language.

Every filter has a plain URL of its own (`/fr/feeds/topic/<slug>/rss/`) rather than a query
string, because many feed readers and mail-to-feed services drop or mangle query strings. The
URLs live inside the language prefix, so the locale of the items is the locale of the URL.
Topic and resource-type slugs are the same in every language (see taxonomy.models); a content
area is named by its page slug in that language, as in its own URL.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from .products import area_match, published_products, resource_type_match, topic_match

FILTER_KINDS = ("topic", "type", "area")


@dataclass
class FeedFilter:
    """What one feed URL selects, and the page of the site that lists the same items."""

    locale: Locale
    site_name: str = ""
    kind: str = ""
    slug: str = ""
    label: str = ""
    match: Q | None = None
    page_url: str = ""


def feed_urls(kind="", slug=""):
    """The RSS and Atom URLs of a feed in the active language (all products when no kind)."""
    if kind:
        return {
            fmt: reverse(f"alerts:{fmt}_filtered", kwargs={"kind": kind, "slug": slug})
            for fmt in ("rss", "atom")
        }
    return {fmt: reverse(f"alerts:{fmt}") for fmt in ("rss", "atom")}


def _section_url(model, locale, request, query=""):
    page = model.objects.live().public().filter(locale=locale).first()
    return f"{page.get_url(request)}{query}" if page else ""


def _term_filter(model, locale, slug, request, param, match_for):
    terms = list(model.objects.filter(slug=slug))
    if not terms:
        raise Http404
    from resources.models import ResourceLibraryPage

    term = next((t for t in terms if t.locale_id == locale.pk), terms[0]).localized
    keys = {t.translation_key for t in terms}
    return (
        term.name,
        match_for(list(keys)),
        _section_url(ResourceLibraryPage, locale, request, f"?{param}={slug}"),
    )


def resolve_filter(request, kind="", slug=""):
    """The FeedFilter for a URL, or 404 for an unknown kind, term or area."""
    from content_areas.models import ContentAreaPage
    from taxonomy.models import ResourceType, Topic

    locale = Locale.objects.filter(language_code=get_language()).first()
    if locale is None:  # a site language without content
        raise Http404
    site = Site.find_for_request(request)
    site_name = (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
    if not kind:
        home = site.root_page.localized if site else None
        return FeedFilter(
            locale=locale, site_name=site_name, page_url=home.get_url(request) if home else "/"
        )
    if kind == "topic":
        label, match, url = _term_filter(Topic, locale, slug, request, "topic", topic_match)
    elif kind == "type":
        label, match, url = _term_filter(
            ResourceType, locale, slug, request, "type", resource_type_match
        )
    elif kind == "area":
        area = ContentAreaPage.objects.live().public().filter(locale=locale, slug=slug).first()
        if area is None:
            raise Http404
        label, match, url = area.title, area_match(area), area.get_url(request)
    else:
        raise Http404
    return FeedFilter(
        locale=locale,
        site_name=site_name,
        kind=kind,
        slug=slug,
        label=label,
        match=match,
        page_url=url,
    )


class KnowledgeProductsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    # One instance serves every request, so nothing request-specific is kept on self: the
    # request's locale and site travel in the FeedFilter, and item links are root-relative
    # (the syndication framework prefixes the requested host).

    def get_object(self, request, kind="", slug=""):
        return resolve_filter(request, kind, slug)

    def title(self, obj):
        if obj.label:
            return _("%(site)s: new on %(filter)s") % {"site": obj.site_name, "filter": obj.label}
        return _("%(site)s: new knowledge products") % {"site": obj.site_name}

    def description(self, obj):
        return _("Resources, kits, case studies and eLearning modules as they are published.")

    subtitle = description  # Atom's name for the same text

    def link(self, obj):
        return obj.page_url or "/"

    def feed_url(self, obj):
        urls = feed_urls(obj.kind, obj.slug)
        return urls["atom" if self.feed_type is Atom1Feed else "rss"]

    def items(self, obj):
        limit = getattr(settings, "ALERTS_FEED_LENGTH", 30)
        return published_products(obj.locale, obj.match)[:limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.search_description

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item):
        return [topic.localized.name for topic in item.topics.all()]


class KnowledgeProductsAtomFeed(KnowledgeProductsRssFeed):
    feed_type = Atom1Feed
