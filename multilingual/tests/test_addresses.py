"""One address per page in each language, a switcher that offers every language, honest language.

The French content area gets a French slug, so its untranslated English sub-area is reachable
under /fr/ along the English slugs (its address, the one listings link to) and along the French
one (redirected).
"""

import json

from bs4 import BeautifulSoup

from .base import LANGUAGES, MultilingualTestCase, publish

FRENCH_SLUG = "prise-en-charge-alternative"


class TestFallbackAddresses(MultilingualTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        area = cls.pages["fr"]["area"]
        area.slug = FRENCH_SLUG
        cls.pages["fr"]["area"] = publish(area)
        cls.sub_area = cls.t.sub_area
        cls.canonical = f"/fr/areas/alternative-care/{cls.sub_area.slug}/"
        cls.duplicate = f"/fr/areas/{FRENCH_SLUG}/{cls.sub_area.slug}/"

    def html(self, url):
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return BeautifulSoup(response.content, "html.parser")

    def switcher(self, html):
        return {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}

    def test_the_fallback_answers_at_the_address_along_the_source_slugs(self):
        html = self.html(self.canonical)
        assert html.html["lang"] == "fr"
        assert html.select_one(".page-content")["lang"] == "en"
        assert self.sub_area.title in html.select_one(".page-content").get_text()

    def test_the_other_address_redirects_permanently_keeping_the_query(self):
        response = self.client.get(self.duplicate + "?utm=x")
        assert response.status_code == 301
        assert response["Location"] == self.canonical + "?utm=x"

    def test_an_address_that_matches_nothing_is_still_a_404(self):
        assert self.client.get(f"/fr/areas/{FRENCH_SLUG}/no-such-page/").status_code == 404

    def test_structured_data_and_og_locale_state_the_content_language(self):
        html = self.html(self.canonical)
        data = json.loads(html.select_one('script[type="application/ld+json"]').string)
        assert data["inLanguage"] == "en"
        assert html.select_one('meta[property="og:locale"]')["content"] == "en"
        translated = self.html(self.pages["fr"]["area"].url)
        data = json.loads(translated.select_one('script[type="application/ld+json"]').string)
        assert data["inLanguage"] == "fr"

    def test_the_switcher_offers_every_language_on_an_english_only_page(self):
        links = self.switcher(self.html(self.sub_area.url))
        assert set(links) == {"en", *LANGUAGES}
        assert links["en"] == self.sub_area.url
        assert links["fr"] == self.canonical
        assert links["es"] == f"/es/areas/alternative-care/{self.sub_area.slug}/"
        for url in links.values():
            assert self.client.get(url).status_code == 200, url

    def test_the_switcher_on_a_fallback_page_marks_its_language_current(self):
        html = self.html(self.canonical)
        links = self.switcher(html)
        assert set(links) == {"en", *LANGUAGES}
        current = html.select_one('.language-switcher a[aria-current="true"]')
        assert current["hreflang"] == "fr" and current["href"] == self.canonical

    def test_hreflang_alternates_name_real_translations_only(self):
        html = self.html(self.sub_area.url)
        assert not html.select('link[rel="alternate"][hreflang]')

    def test_listings_link_the_address_itself_not_the_redirect(self):
        html = self.html(self.pages["fr"]["area"].url)
        hrefs = {a["href"] for a in html.select("main a[href]")}
        assert self.canonical in hrefs
        assert self.duplicate not in hrefs
