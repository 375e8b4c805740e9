"""RSS and Atom feeds: valid documents, live public items only, per language and filter."""

import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import TestCase

from tests import factories as f
from tests.tree import build_site

from .helpers import add_resource, locale, publish, restrict, translate

ATOM = "{http://www.w3.org/2005/Atom}"


class FeedTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = t = build_site()
        cls.other_topic = f.TopicFactory(name="Child labour", slug="child-labour")
        cls.other_type = f.ResourceTypeFactory(name="Video", slug="video")
        cls.labour = add_resource(
            t.library, "Hazardous work list", topics=[cls.other_topic], resource_type=cls.other_type
        )
        cls.draft = add_resource(t.library, "Unapproved draft", topics=[t.topic], live=False)
        cls.private = add_resource(
            t.library, "Partners' field notes", topics=[t.topic], resource_type=t.resource_type
        )
        restrict(cls.private)
        cls.french = translate(t.resource, "fr", "Guide de prise en charge provisoire")
        publish(t.kit)  # the tree adds it without publishing, so it has no publication date
        locale("es")

    def rss(self, url):
        response = self.client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/rss+xml")
        channel = ET.fromstring(response.content).find("channel")
        for element in ("title", "link", "description"):
            assert channel.findtext(element), element
        items = channel.findall("item")
        for item in items:
            for element in ("title", "link", "guid", "pubDate"):
                assert item.findtext(element), element
        return [item.findtext("title") for item in items]

    def atom(self, url):
        response = self.client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)
        assert feed.tag == f"{ATOM}feed"
        for element in ("id", "title", "updated"):
            assert feed.findtext(f"{ATOM}{element}"), element
        assert feed.find(f"{ATOM}link[@rel='self']") is not None
        entries = feed.findall(f"{ATOM}entry")
        for entry in entries:
            for element in ("id", "title", "updated"):
                assert entry.findtext(f"{ATOM}{element}"), element
            language = url.split("/")[1]
            assert (
                entry.find(f"{ATOM}link").get("href").startswith(f"http://testserver/{language}/")
            )
        return [entry.findtext(f"{ATOM}title") for entry in entries]


class TestFeeds(FeedTestCase):
    def test_rss_and_atom_list_live_public_products_of_the_language(self):
        expected = {
            self.t.resource.title,
            self.labour.title,
            self.t.case_study.title,
            self.t.module.title,
            self.t.kit.title,
        }
        assert set(self.rss("/en/feeds/rss/")) == expected
        assert set(self.atom("/en/feeds/atom/")) == expected

    def test_newest_first(self):
        titles = self.rss("/en/feeds/rss/")
        assert titles.index(self.labour.title) < titles.index(self.t.resource.title)

    def test_each_language_has_its_own_feed(self):
        assert self.rss("/fr/feeds/rss/") == [self.french.title]
        assert self.atom("/fr/feeds/atom/") == [self.french.title]
        assert self.rss("/es/feeds/rss/") == []
        assert self.client.get("/ar/feeds/rss/").status_code == 404  # no Arabic locale yet

    def test_topic_feed(self):
        url = "/en/feeds/topic/children-on-the-move/rss/"
        assert set(self.rss(url)) == {self.t.resource.title}
        assert self.rss("/fr/feeds/topic/children-on-the-move/rss/") == [self.french.title]
        assert self.atom("/en/feeds/topic/child-labour/atom/") == [self.labour.title]

    def test_resource_type_feed(self):
        assert self.rss("/en/feeds/type/video/rss/") == [self.labour.title]
        assert self.atom("/en/feeds/type/guideline/atom/") == [self.t.resource.title]

    def test_content_area_feed_lists_what_the_area_lists(self):
        # The area shares the resource's topic and is its related area; the labour list
        # shares neither.
        assert set(self.rss("/en/feeds/area/alternative-care/rss/")) == {self.t.resource.title}

    def test_unknown_filters_are_not_found(self):
        for url in (
            "/en/feeds/topic/no-such-topic/rss/",
            "/en/feeds/area/no-such-area/atom/",
            "/en/feeds/region/guatemala/rss/",
            "/fr/feeds/area/alternative-care/rss/",
        ):
            with self.subTest(url=url):
                assert self.client.get(url).status_code == 404

    def test_feed_titles_name_the_filter(self):
        response = self.client.get("/en/feeds/topic/child-labour/rss/")
        assert "Child labour" in ET.fromstring(response.content).find("channel").findtext("title")


class TestFeedsAreAdvertised(FeedTestCase):
    def alternates(self, url):
        html = BeautifulSoup(self.client.get(url).content, "html.parser")
        return {
            link["href"]
            for link in html.find_all("link", rel="alternate")
            if link.get("type") in ("application/rss+xml", "application/atom+xml")
        }

    def test_every_page_advertises_the_language_feed(self):
        assert {"/en/feeds/rss/", "/en/feeds/atom/"} <= self.alternates(self.t.resource.url)
        assert {"/fr/feeds/rss/", "/fr/feeds/atom/"} <= self.alternates(self.french.url)

    def test_area_page_advertises_and_links_its_feed(self):
        assert "/en/feeds/area/alternative-care/rss/" in self.alternates(self.t.area.url)
        html = BeautifulSoup(self.client.get(self.t.area.url).content, "html.parser")
        follow = {a["href"] for a in html.find(id="follow").find_all("a")}
        assert {"/en/feeds/area/alternative-care/rss/", "/en/alerts/"} <= follow

    def test_filtered_library_advertises_the_filter_feed(self):
        url = f"{self.t.library.url}?topic=child-labour"
        assert "/en/feeds/topic/child-labour/atom/" in self.alternates(url)
        assert "/en/feeds/type/video/rss/" in self.alternates(f"{self.t.library.url}?type=video")
        assert not any(
            "no-such" in href
            for href in self.alternates(f"{self.t.library.url}?topic=no-such-topic")
        )

    def test_restricted_area_advertises_no_feed_of_its_own(self):
        restrict(self.t.sub_area)
        self.client.force_login(get_user_model().objects.create_user("reader", "r@example.org"))
        assert not any("/area/" in href for href in self.alternates(self.t.sub_area.url))
