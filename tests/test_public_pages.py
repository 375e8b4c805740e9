"""Public pages stay cheap and discoverable: query budget, fast routing, sitemap, robots, JSON-LD.

The budget is fifteen SQL queries for any public page in any language, however many items it
lists. Each page is requested once before it is counted, as a running server would have it:
Wagtail keeps site root paths and image renditions in the cache between requests.
"""

import json
import re
from xml.etree import ElementTree

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from . import factories as f
from .tree import build_site

QUERY_BUDGET = 15


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


def translate(page, locale):
    """A published translation made the way wagtail-localize makes one: parents first."""
    return publish(page.specific.copy_for_translation(locale))


def translate_term(term, locale, name):
    copy = term.copy_for_translation(locale)
    copy.name = name
    copy.save()
    return copy


class PublicPagesTestCase(TestCase):
    """The shared English tree, busier than usual, and a French translation of all of it."""

    @classmethod
    def setUpTestData(cls):
        cls.t = t = build_site()
        cls.extra_resources = []
        for n in range(14):  # more than a library page holds, with distinct types and publishers
            resource = f.ResourcePageFactory(
                parent=t.library,
                title=f"Field guide {n}",
                slug=f"field-guide-{n}",
                resource_type=f.ResourceTypeFactory(),
                organisation=f.OrganisationFactory(),
                listing_image=f.ImageFactory(),
                live=False,
            )
            resource.topics.add(t.topic)
            cls.extra_resources.append(publish(resource))
        # Every kind of featured product, several of each, on the area.
        extra_module = publish(f.ELearningModulePageFactory(parent=t.learning_index, live=False))
        extra_case = publish(f.CaseStudyPageFactory(parent=t.case_index, live=False))
        for page in [extra_module, extra_case, t.module, t.case_study, *cls.extra_resources[:4]]:
            t.area.featured_items.create(linked_page=page)
        for _ in range(3):
            t.area.specialists.create(person=f.PersonFactory(photo=f.ImageFactory()))
        t.area.save_revision().publish()

        cls.fr = Locale.objects.create(language_code="fr")
        translate_term(t.topic, cls.fr, "Enfants en déplacement")
        translate_term(t.resource_type, cls.fr, "Ligne directrice ou outil")
        translate_term(t.organisation, cls.fr, "Réseau des lignes d'écoute")
        cls.french = {}
        for name in [
            "home",
            "areas_index",
            "area",
            "sub_area",
            "library",
            "resource",
            "kit",
            "case_index",
            "case_study",
            "learning_index",
            "module",
        ]:
            cls.french[name] = translate(getattr(t, name), cls.fr)
        cls.french["lesson"] = translate(t.lessons[0], cls.fr)
        for resource in cls.extra_resources[:6]:
            translate(resource, cls.fr)

    def english_pages(self):
        t = self.t
        return {name: getattr(t, name) for name in self.french if name != "lesson"} | {
            "lesson": t.lessons[0]
        }

    def count_queries(self, url):
        self.client.get(url)  # warm the caches a running server keeps between requests
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        assert response.status_code == 200, url
        return len(queries.captured_queries), queries


class TestPublicPages(PublicPagesTestCase):
    # Query budget
    def test_every_page_type_in_both_languages_within_budget(self):
        for language, pages in (("en", self.english_pages()), ("fr", self.french)):
            for name, page in pages.items():
                url = page.url
                with self.subTest(language=language, page=name):
                    count, queries = self.count_queries(url)
                    sql = "\n".join(query["sql"][:160] for query in queries.captured_queries)
                    assert count <= QUERY_BUDGET, f"{url}: {count} queries\n{sql}"

    def test_library_pages_and_filters_within_budget(self):
        for query in ("", "?page=2", f"?topic={self.t.topic.slug}", "?type=guideline&page=9"):
            with self.subTest(query=query):
                count, _ = self.count_queries(self.t.library.url + query)
                assert count <= QUERY_BUDGET

    def test_untranslated_pages_within_budget_and_served_in_english(self):
        """Pages the fallback router serves under /fr/ are routed as cheaply as translated ones."""
        for page in (self.t.lessons[1], self.extra_resources[10]):
            url = "/fr" + page.url[len("/en") :]
            with self.subTest(url=url):
                count, queries = self.count_queries(url)
                sql = "\n".join(query["sql"][:160] for query in queries.captured_queries)
                assert count <= QUERY_BUDGET, f"{url}: {count} queries\n{sql}"
                html = self.client.get(url).content.decode()
                soup = BeautifulSoup(html, "html.parser")
                assert soup.html["lang"] == "fr"
                assert soup.find("h1").get_text(strip=True) == page.title
                assert soup.find(attrs={"lang": "en"}) is not None  # the content is marked English
        with self.subTest("missing below an untranslated page"):
            missing = "/fr" + self.t.lessons[1].url[len("/en") :] + "nowhere/"
            self.client.get(missing)
            with CaptureQueriesContext(connection) as queries:
                assert self.client.get(missing).status_code == 404
            assert len(queries.captured_queries) <= QUERY_BUDGET

    def test_search_pages_within_budget(self):
        """The search page is a public page too: results, facets, promotions, the query log."""
        topic = self.t.topic.slug
        for url in (
            "/en/search/?q=guide",
            "/fr/search/?q=guide",
            "/fr/search/?q=guide&scope=all",
            f"/fr/search/?q=field+guide&topic={topic}&sort=date",
            "/fr/search/",
            "/ar/search/?q=guide",
        ):
            with self.subTest(url=url):
                count, queries = self.count_queries(url)
                sql = "\n".join(query["sql"][:160] for query in queries.captured_queries)
                assert count <= QUERY_BUDGET, f"{url}: {count} queries\n{sql}"

    def test_not_found_page_is_cheap(self):
        self.client.get("/fr/nowhere/")
        with CaptureQueriesContext(connection) as queries:
            assert self.client.get("/fr/nowhere/").status_code == 404
        assert len(queries.captured_queries) <= QUERY_BUDGET

    # Fast routing: it must answer exactly as Wagtail's own routing would.

    def test_french_pages_show_french_terms_and_translations(self):
        html = self.client.get(self.french["resource"].url).content.decode()
        assert "Ligne directrice ou outil" in html
        area = self.client.get(self.french["area"].url).content.decode()
        assert "Enfants en déplacement" in area
        assert self.french["kit"].title in area  # the featured kit, in French

    def test_drafts_and_unknown_paths_are_not_found(self):
        draft = f.ResourcePageFactory(parent=self.t.library, slug="unpublished", live=False)
        assert self.client.get(draft.url or "/en/resources/unpublished/").status_code == 404
        assert self.client.get("/en/resources/no-such-thing/").status_code == 404
        assert self.client.get("/en/resources/interim-care/extra/").status_code == 404

    def test_private_pages_still_ask_for_a_login_and_leave_listings(self):
        PageViewRestriction.objects.create(
            page=self.t.case_study, restriction_type=PageViewRestriction.LOGIN
        )
        response = self.client.get(self.t.case_study.url)
        assert response.status_code == 302 and "next=" in response["Location"]
        index = self.client.get(self.t.case_index.url).content.decode()
        assert self.t.case_study.title not in index
        user = get_user_model().objects.create_user("visitor", password="pw")
        self.client.force_login(user)
        assert self.client.get(self.t.case_study.url).status_code == 200

    def test_breadcrumbs_and_navigation_come_from_the_route(self):
        html = BeautifulSoup(self.client.get(self.french["sub_area"].url).content, "html.parser")
        crumbs = [a.get_text(strip=True) for a in html.select(".breadcrumbs a")]
        assert crumbs[1:] == [self.french["areas_index"].title, self.french["area"].title]
        nav = [a["href"] for a in html.select(".main-nav a")]
        assert self.french["library"].url in nav and self.french["area"].url in nav

    # Discovery: sitemap, robots.txt, structured data, link previews
    def test_sitemap_lists_every_language_with_alternates(self):
        response = self.client.get("/sitemap.xml")
        assert response.status_code == 200
        ns = {
            "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
            "x": "http://www.w3.org/1999/xhtml",
        }
        root = ElementTree.fromstring(response.content)
        entries = {url.find("s:loc", ns).text: url for url in root.findall("s:url", ns)}
        assert any("/fr/" in location for location in entries)
        english_resource = next(loc for loc in entries if loc.endswith(self.t.resource.url))
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in entries[english_resource].findall("x:link", ns)
        }
        assert set(alternates) == {"en", "fr", "x-default"}
        assert alternates["fr"].endswith(self.french["resource"].url)

    def test_sitemap_leaves_out_drafts_and_private_pages(self):
        PageViewRestriction.objects.create(
            page=self.t.kit, restriction_type=PageViewRestriction.LOGIN
        )
        f.ResourcePageFactory(parent=self.t.library, slug="draft-only", live=False)
        content = self.client.get("/sitemap.xml").content.decode()
        assert self.t.kit.url not in content and "draft-only" not in content

    def test_robots_txt_points_at_the_sitemap(self):
        response = self.client.get("/robots.txt")
        assert response["Content-Type"].startswith("text/plain")
        text = response.content.decode()
        assert "Sitemap: http://testserver/sitemap.xml" in text
        assert "Disallow: /admin/" in text

    def test_json_ld_describes_each_kind_of_page(self):
        expected = {
            "home": "WebSite",
            "resource": "CreativeWork",
            "kit": "CreativeWork",
            "module": "Course",
            "case_study": "Article",
            "area": "Article",
            "library": "CollectionPage",
        }
        for name, schema_type in expected.items():
            with self.subTest(page=name):
                html = self.client.get(getattr(self.t, name).url).content.decode()
                match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
                data = json.loads(match.group(1))
                assert data["@type"] == schema_type
                assert data["url"].endswith(getattr(self.t, name).url)
        resource = self.client.get(self.t.resource.url).content.decode()
        data = json.loads(re.search(r'ld\+json">(.*?)</script>', resource, re.S).group(1))
        assert data["associatedMedia"][0]["inLanguage"] == "fr"
        assert data["associatedMedia"][0]["encodingFormat"] == "application/pdf"

    def test_open_graph_metadata(self):
        html = BeautifulSoup(self.client.get(self.french["case_study"].url).content, "html.parser")
        meta = {
            tag.get("property") or tag.get("name"): tag.get("content")
            for tag in html.find_all("meta")
        }
        assert meta["og:type"] == "article" and meta["og:locale"] == "fr"
        assert meta["og:title"] == self.french["case_study"].title
        assert meta["og:url"].endswith(self.french["case_study"].url)
