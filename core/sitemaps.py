"""sitemap.xml for every language, with each page's translations as hreflang alternates.

Wagtail's own sitemap lists the pages under the Site's root page, which with wagtail-localize
is the default language's home only: the French, Spanish and Arabic trees would never reach a
search engine. Here every translation of the root page contributes its live, public pages,
and each entry names its live, public translations (and an x-default, the default language's
version) so that a search engine shows visitors the page in their own language. Addresses are
percent-encoded (Arabic pages have Arabic slugs).
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from django.utils.encoding import iri_to_uri
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .visibility import public_pages


class PortalSitemap(Sitemap):
    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_home = Q()
        for home in homes:
            in_a_home |= Q(path__startswith=home.path)
        if not in_a_home:
            return Page.objects.none()
        pages = public_pages(Page.objects.filter(in_a_home)).order_by("path")
        return pages.defer_streamfields().specific(defer=True)

    def alternates(self, items):
        """hreflang links per translation key, in the order of settings.LANGUAGES."""
        order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
        versions = defaultdict(list)
        keys = {item.translation_key for item in items}
        translations = public_pages(Page.objects.filter(translation_key__in=keys))
        for page in translations.select_related("locale"):
            url = page.get_full_url(self.request)
            if url:
                versions[page.translation_key].append((page.locale.language_code, iri_to_uri(url)))
        links = {}
        for key, found in versions.items():
            if len(found) < 2:
                continue
            found.sort(key=lambda version: order.get(version[0], len(order)))
            links[key] = [{"lang_code": code, "location": url} for code, url in found]
            default = dict(found).get(settings.LANGUAGE_CODE)
            if default:
                links[key].append({"lang_code": "x-default", "location": default})
        return links

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        alternates = self.alternates(items)
        urls, last_mods = [], set()
        for item in items:
            for url_info in item.get_sitemap_urls(self.request):
                # Arabic slugs percent-encoded: the sitemap protocol takes URIs, not IRIs.
                url_info["location"] = iri_to_uri(url_info["location"])
                if item.translation_key in alternates:
                    url_info["alternates"] = alternates[item.translation_key]
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
