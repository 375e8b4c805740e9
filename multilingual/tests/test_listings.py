"""Listings and the menu in a language include the pages not translated into it, marked as such.

The tree of MultilingualTestCase, plus pages of every listed kind that exist only in English:
one published (listed everywhere with a badge and `lang`), one never published and one behind a
login (listed nowhere). The French and Arabic translations are retitled so that a translated
page and its source can be told apart.
"""

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.text import capfirst
from wagtail.models import PageViewRestriction

from resources.models import PAGE_SIZE
from tests import factories as f
from tests.test_public_pages import QUERY_BUDGET

from .base import MultilingualTestCase, publish

CODES = ("fr", "ar")


def english_only(factory, parent, title, slug, private=False, topics=(), **fields):
    """A page published in English and never translated; behind a login if `private`."""
    page = factory(parent=parent, title=title, slug=slug, live=False, **fields)
    if topics:
        page.topics.add(*topics)
    page = publish(page)
    if private:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


class TestListingsInEveryLanguage(MultilingualTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        t = cls.t
        cls.untranslated = {
            "area": english_only(
                f.ContentAreaPageFactory,
                t.areas_index,
                "Family strengthening",
                "family-strengthening",
            ),
            "case_study": english_only(
                f.CaseStudyPageFactory,
                t.case_index,
                "Cash transfers in Malawi",
                "cash-transfers",
                year=2030,
            ),
            "module": english_only(
                f.ELearningModulePageFactory, t.learning_index, "Safe referrals", "safe-referrals"
            ),
            "resource": english_only(
                f.ResourcePageFactory,
                t.library,
                "Helpline data standard",
                "data-standard",
                resource_type=t.resource_type,
                year=2030,
                topics=[t.topic],
            ),
        }
        cls.hidden = {}
        for name, factory, parent in [
            ("area", f.ContentAreaPageFactory, t.areas_index),
            ("case_study", f.CaseStudyPageFactory, t.case_index),
            ("module", f.ELearningModulePageFactory, t.learning_index),
            ("resource", f.ResourcePageFactory, t.library),
        ]:
            cls.hidden[name] = [
                factory(parent=parent, title=f"Draft {name}", slug=f"draft-{name}", live=False),
                english_only(factory, parent, f"Private {name}", f"private-{name}", private=True),
            ]
        for code in CODES:
            for name in ("area", "case_study", "module", "resource", "lesson"):
                page = cls.pages[code][name]
                page.title = f"{page.title} ({code})"
                cls.pages[code][name] = publish(page)
            kit = cls.pages[code]["kit"]
            kit.sections = [
                {
                    "type": "section",
                    "value": {
                        "title": "Data",
                        "note": "",
                        "items": [
                            {"resource": t.resource.pk, "note": ""},
                            {"resource": cls.untranslated["resource"].pk, "note": ""},
                        ],
                    },
                }
            ]
            cls.pages[code]["kit"] = publish(kit)

    def get_html(self, url):
        response = self.client.get(url)
        assert response.status_code == 200, url
        return BeautifulSoup(response.content, "html.parser")

    def links(self, html, title, within=None):
        scope = html.select_one(within) if within else html
        assert scope is not None, within
        return [a for a in scope.find_all("a") if a.get_text(strip=True) == title]

    def assert_listed_in_english(self, html, page, code, within=None):
        """Exactly one link to `page`, at its fallback address, marked English, that answers."""
        links = self.links(html, page.title, within)
        assert len(links) == 1, (page.title, within, links)
        link = links[0]
        assert link["href"] == f"/{code}{page.url[3:]}"
        assert (link["lang"], link["hreflang"], link["dir"]) == ("en", "en", "ltr")
        badge = link.find_next_sibling(class_="language-badge")
        with translation.override(code):
            english = capfirst(translation.gettext("English"))
        assert badge is not None and english in badge.get_text()
        served = self.get_html(link["href"])
        assert served.select_one(".page-content")["lang"] == "en"
        assert served.html["lang"] == code

    def assert_listed_translated(self, html, code, name, within=None):
        """The translation is listed once, unmarked; its English source is not listed."""
        translated = self.pages[code][name]
        links = self.links(html, translated.title, within)
        assert len(links) == 1, (translated.title, within)
        assert links[0]["href"] == translated.url
        assert not links[0].has_attr("lang") and not links[0].has_attr("hreflang")
        assert links[0].find_next_sibling(class_="language-badge") is None
        assert not self.links(html, self.pages["en"][name].title, within)

    def assert_hidden_absent(self, html, name, within=None):
        scope = html.select_one(within) if within else html
        for page in self.hidden[name]:
            assert page.title not in scope.get_text(), page.title

    def assert_merged(self, html, code, name, within):
        """The untranslated page in English, the translated one once, the hidden ones not at all."""
        self.assert_listed_in_english(html, self.untranslated[name], code, within)
        self.assert_listed_translated(html, code, name, within)
        self.assert_hidden_absent(html, name, within)

    def test_menu_lists_untranslated_areas_in_english(self):
        for code in CODES:
            with self.subTest(language=code):
                self.assert_merged(
                    self.get_html(self.pages[code]["home"].url), code, "area", ".main-nav"
                )

    def test_menu_lists_an_untranslated_section_in_english(self):
        for code in CODES:
            self.pages[code]["case_index"].unpublish()
        english = self.pages["en"]["case_index"]
        for code in CODES:
            with self.subTest(language=code):
                html = self.get_html(self.pages[code]["area"].url)
                self.assert_listed_in_english(html, english, code, ".main-nav")
                footer = self.links(html, english.title, ".footer-nav")
                assert len(footer) == 1 and footer[0]["lang"] == "en"

    def test_content_area_index_and_sub_areas(self):
        for code in CODES:
            with self.subTest(language=code):
                self.assert_merged(
                    self.get_html(self.pages[code]["areas_index"].url), code, "area", "#areas"
                )
                area = self.get_html(self.pages[code]["area"].url)
                self.assert_listed_in_english(area, self.t.sub_area, code, "#sub-areas")

    def test_case_study_index(self):
        for code in CODES:
            with self.subTest(language=code):
                html = self.get_html(self.pages[code]["case_index"].url)
                self.assert_merged(html, code, "case_study", "#case-studies")
                titles = [
                    a.get_text(strip=True) for a in html.select("#case-studies .card-title a")
                ]
                assert titles[0] == self.untranslated["case_study"].title  # the newest year first

    def test_elearning_index_and_lessons(self):
        for code in CODES:
            with self.subTest(language=code):
                self.assert_merged(
                    self.get_html(self.pages[code]["learning_index"].url),
                    code,
                    "module",
                    "#modules",
                )
                module = self.get_html(self.pages[code]["module"].url)
                titles = [a.get_text(strip=True) for a in module.select("#lessons a")]
                assert titles == [self.pages[code]["lesson"].title, "Lesson 2", "Lesson 3"]
                self.assert_listed_in_english(module, self.t.lessons[1], code, "#lessons")
                self.assert_listed_translated(module, code, "lesson", "#lessons")

    def test_resource_library_filters_and_kit(self):
        for code in CODES:
            library = self.pages[code]["library"].url
            with self.subTest(language=code):
                html = self.get_html(library)
                self.assert_merged(html, code, "resource", "#resources")
                assert len(html.select("#resources .card-list > li")) == 2  # each resource once
                for query in (f"?topic={self.t.topic.slug}", f"?type={self.t.resource_type.slug}"):
                    filtered = self.get_html(library + query)
                    self.assert_listed_in_english(
                        filtered, self.untranslated["resource"], code, "#resources"
                    )
                other = self.get_html(library + "?type=no-such-type")
                assert not self.links(other, self.untranslated["resource"].title)
                kit = self.get_html(self.pages[code]["kit"].url)
                self.assert_listed_in_english(kit, self.untranslated["resource"], code, "#sections")
                self.assert_listed_translated(kit, code, "resource", "#sections")

    def test_resource_library_pages_through_both_languages(self):
        for n in range(PAGE_SIZE):
            english_only(
                f.ResourcePageFactory,
                self.t.library,
                f"Field note {n}",
                f"field-note-{n}",
                year=2000,
            )
        for code in CODES:
            with self.subTest(language=code):
                pages = [
                    self.get_html(self.pages[code]["library"].url + query)
                    for query in ("", "?page=2")
                ]
                titles = [
                    [a.get_text(strip=True) for a in html.select("#resources .card-title a")]
                    for html in pages
                ]
                assert len(titles[0]) == PAGE_SIZE and len(titles[1]) == 2
                listed = titles[0] + titles[1]
                assert len(set(listed)) == PAGE_SIZE + 2
                assert listed[:2] == [
                    self.untranslated["resource"].title,
                    self.pages[code]["resource"].title,
                ]

    def test_home_page_latest_resources(self):
        for code in CODES:
            with self.subTest(language=code):
                self.assert_merged(
                    self.get_html(self.pages[code]["home"].url),
                    code,
                    "resource",
                    "#latest-resources",
                )

    def test_english_listings_are_unchanged(self):
        html = self.get_html(self.pages["en"]["case_index"].url)
        assert not html.select(".language-badge")
        titles = [a.get_text(strip=True) for a in html.select("#case-studies .card-title a")]
        assert sorted(titles) == sorted(
            [self.untranslated["case_study"].title, self.t.case_study.title]
        )

    def test_merged_listings_stay_within_the_query_budget(self):
        for code in CODES:
            for name in (
                "home",
                "areas_index",
                "area",
                "library",
                "kit",
                "case_index",
                "learning_index",
                "module",
                "lesson",
            ):
                url = self.pages[code][name].url
                with self.subTest(language=code, page=name):
                    self.client.get(url)
                    with CaptureQueriesContext(connection) as queries:
                        assert self.client.get(url).status_code == 200
                    assert len(queries.captured_queries) <= QUERY_BUDGET, url
