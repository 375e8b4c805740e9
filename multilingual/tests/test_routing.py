"""Every page answers in every language: translated, falling back to English, or a real 404."""

from bs4 import BeautifulSoup
from django.conf import settings

from .base import LANGUAGES, MultilingualTestCase

NOTICE = {
    "en": "Not yet available in",
    "fr": "Pas encore disponible en",
    "es": "Aún no disponible en",
    "ar": "غير متوفرة بعد",
}

SKIP_LINK = {
    "en": "Skip to main content",
    "fr": "Aller au contenu principal",
    "es": "Ir al contenido principal",
    "ar": "انتقل إلى المحتوى الرئيسي",
}


class TestLanguages(MultilingualTestCase):
    def get_html(self, url, status=200):
        response = self.client.get(url)
        assert response.status_code == status, (url, response.status_code)
        return BeautifulSoup(response.content, "html.parser")

    def test_each_page_in_each_language_has_lang_dir_hreflang_and_switcher(self):
        # Every page below is fetched anyway; a switcher link elsewhere is fetched once.
        followed = {page.url for pages in self.pages.values() for page in pages.values()}
        for code in ("en", *LANGUAGES):
            for name, page in self.pages[code].items():
                with self.subTest(language=code, page=name):
                    html = self.get_html(page.url)
                    assert html.html["lang"] == code
                    assert html.html["dir"] == ("rtl" if code == "ar" else "ltr")
                    assert not html.select(".language-notice")
                    assert html.select_one(".skip-link").get_text(strip=True) == SKIP_LINK[code]
                    alternates = {
                        link["hreflang"]: link["href"]
                        for link in html.select('link[rel="alternate"][hreflang]')
                    }
                    assert set(alternates) == {"en", *LANGUAGES, "x-default"}
                    assert alternates["x-default"] == alternates["en"]
                    switcher = html.select(".language-switcher a")
                    assert {a["hreflang"] for a in switcher} == {"en", *LANGUAGES}
                    for link in switcher:
                        if link["href"] not in followed:
                            followed.add(link["href"])
                            response = self.client.get(link["href"])
                            assert response.status_code == 200, link["href"]

    def test_untranslated_page_falls_back_to_english_with_notice(self):
        english = self.t.sub_area
        for code in LANGUAGES:
            with self.subTest(language=code):
                url = self.pages[code]["area"].url + english.slug + "/"
                html = self.get_html(url)
                assert html.html["lang"] == code  # the interface stays in the visitor's language
                notice = html.select_one(".language-notice")
                assert notice is not None and NOTICE[code] in notice.get_text()
                content = html.select_one(".page-content")
                assert content["lang"] == "en" and content["dir"] == "ltr"
                assert english.title in content.get_text()
                assert html.select_one('link[rel="canonical"]')["href"].endswith(english.url)

    def test_missing_home_translation_is_marked_not_silent(self):
        self.pages["ar"]["home"].unpublish()
        html = self.get_html("/ar/")
        assert html.html["lang"] == "ar"
        assert html.select_one(".page-content")["lang"] == "en"
        assert NOTICE["ar"] in html.select_one(".language-notice").get_text()

    def test_unknown_language_prefix_is_a_404_in_the_default_language(self):
        for url in ("/de/", "/zh-hans/areas/", "/pt/"):
            with self.subTest(url=url):
                response = self.client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
                assert response.status_code == 404
                html = BeautifulSoup(response.content, "html.parser")
                assert html.html["lang"] == settings.LANGUAGE_CODE
                assert "Page not found" in html.get_text()

    def test_missing_page_is_still_a_404(self):
        assert self.client.get("/fr/areas/no-such-page/").status_code == 404
        assert self.client.get("/en/areas/no-such-page/").status_code == 404

    def test_root_redirects_to_accepted_then_remembered_language(self):
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")
        assert response.status_code == 302 and response["Location"] == "/es/"
        response = self.client.get(self.pages["ar"]["home"].url)
        assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="es")
        assert response["Location"] == "/ar/"
