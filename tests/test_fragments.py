"""Fragments (core.fragments): shared by anonymous visitors, never stale, never personal.

The site, the main navigation and the home page's and content areas' listings are kept in the
shared Redis cache under the content generation, with the full-page cache off so every
request renders. A change must show on the very next request; a language gets its own; a
signed-in user or partner neither reads nor writes them.
"""

import redis
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from alerts.tests.helpers import add_resource, restrict, translate
from core.fragments import anonymous_read

from .shared_redis import TEST_REDIS_URL, TwoNodesTestCase, needs_redis


@needs_redis
class FragmentTestCase(TwoNodesTestCase, TestCase):
    cache_settings = {"PAGE_CACHE_SECONDS": 0, "FRAGMENT_CACHE_SECONDS": 60}

    def setUp(self):
        super().setUp()
        self.redis = redis.Redis.from_url(TEST_REDIS_URL)
        self.addCleanup(self.redis.close)

    def fragment_keys(self):
        return list(self.redis.scan_iter(f"{self.prefix}:*:fragment:*"))

    def text(self, client, url):
        response = client.get(url)
        assert response.status_code == 200, url
        return response.content.decode()


class TestShared(FragmentTestCase):
    def test_another_node_reads_them_in_fewer_queries_and_renders_the_same(self):
        urls = [self.t.home.url, self.t.area.url]
        first = {url: self.text(self.node_a, url) for url in urls}
        assert self.fragment_keys()
        for url in urls:
            with self.subTest(url=url):
                with override_settings(FRAGMENT_CACHE_SECONDS=0):
                    with CaptureQueriesContext(connection) as built:
                        cold = self.text(Client(), url)
                with CaptureQueriesContext(connection) as shared:
                    warm = self.text(self.node_b, url)
                assert warm == first[url] == cold
                assert len(shared) < len(built)

    def test_each_language_has_its_own(self):
        translate(self.t.home, "fr", "Portail")
        translate(self.t.areas_index, "fr", "Domaines")
        translate(self.t.area, "fr", "Prise en charge alternative")
        english = self.text(self.node_a, self.t.home.url)
        french = self.text(self.node_a, "/fr/")
        assert "Prise en charge alternative" in french
        assert "Prise en charge alternative" not in english
        assert "Alternative care" in self.text(self.node_b, self.t.home.url)


class TestNeverStale(FragmentTestCase):
    def test_a_publish_shows_on_the_next_request(self):
        self.text(self.node_a, self.t.home.url)
        self.text(self.node_a, self.t.area.url)
        area = self.t.area
        area.title = "Alternative care, revised"
        area.save_revision().publish()
        assert "Alternative care, revised" in self.text(self.node_b, self.t.home.url)
        add_resource(self.t.library, "Safe shelters checklist")
        assert "Safe shelters checklist" in self.text(self.node_b, self.t.home.url)

    def test_an_unpublish_takes_pages_out_of_the_navigation_and_listings(self):
        assert self.t.area.title in self.text(self.node_a, self.t.case_index.url)
        assert self.t.sub_area.title in self.text(self.node_a, self.t.area.url)
        Page.objects.get(pk=self.t.sub_area.pk).specific.unpublish()
        Page.objects.get(pk=self.t.area.pk).specific.unpublish()
        assert self.t.area.title not in self.text(self.node_b, self.t.case_index.url)
        assert self.t.sub_area.title not in self.text(self.node_b, self.t.areas_index.url)

    def test_a_published_translation_shows_in_that_language_at_once(self):
        translate(self.t.home, "fr", "Portail")
        translate(self.t.areas_index, "fr", "Domaines")
        before = self.text(self.node_a, "/fr/")
        assert "Prise en charge alternative" not in before
        translate(self.t.area, "fr", "Prise en charge alternative")
        assert "Prise en charge alternative" in self.text(self.node_b, "/fr/")

    def test_saved_portal_settings_show_on_the_next_request(self):
        from core.models import PortalSettings

        self.text(self.node_a, self.t.home.url)
        PortalSettings.objects.create(organisation_name="Network of Networks")
        assert "Network of Networks" in self.text(self.node_b, self.t.area.url)

    def test_a_privacy_rule_takes_a_page_out_at_once(self):
        assert self.t.sub_area.title in self.text(self.node_a, self.t.area.url)
        restrict(self.t.sub_area, self.partners)
        assert self.t.sub_area.title not in self.text(self.node_b, self.t.area.url)


class TestNeverPersonal(FragmentTestCase):
    def poison_navigation(self):
        """Rename the first item of every stored navigation, to see who reads the store."""
        poisoned = 0
        for key in self.fragment_keys():
            name = key.decode().split(":", 2)[2]  # "fragment:<generation>:<digest>"
            value = cache.get(name)
            items = value[0] if value else None
            if isinstance(items, list) and items and isinstance(items[0], dict):
                items[0]["title"] = "POISONED NAVIGATION"
                cache.set(name, (items,), 60)
                poisoned += 1
        assert poisoned

    def test_a_signed_in_user_neither_writes_nor_reads_them(self):
        self.node_a.force_login(self.member)
        self.text(self.node_a, self.t.home.url)
        self.text(self.node_a, self.t.area.url)
        assert self.fragment_keys() == []  # nothing was stored for the member
        self.text(self.node_b, self.t.home.url)  # an anonymous visitor stores them
        self.poison_navigation()
        assert "POISONED NAVIGATION" in self.text(self.node_b, self.t.home.url)
        assert "POISONED NAVIGATION" not in self.text(self.node_a, self.t.home.url)

    def test_partner_only_pages_never_reach_a_fragment(self):
        restrict(self.t.sub_area, self.partners)
        self.node_a.force_login(self.member)
        self.text(self.node_a, self.t.home.url)
        self.text(self.node_a, self.t.area.url)
        for url in (self.t.home.url, self.t.area.url):
            assert self.t.sub_area.title not in self.text(self.node_b, url)
        assert self.t.sub_area.title in self.text(self.node_a, self.t.sub_area.url)
        stored = [cache.get(key.decode().split(":", 2)[2]) for key in self.fragment_keys()]
        assert stored and self.t.sub_area.title not in repr(stored)

    def test_only_anonymous_reads_use_them(self):
        factory = RequestFactory()
        assert anonymous_read(factory.get("/en/"))
        assert not anonymous_read(factory.post("/en/"))
        assert not anonymous_read(factory.get("/admin/pages/3/edit/preview/"))
        assert not anonymous_read(factory.get("/en/", HTTP_AUTHORIZATION="Token x"))
        signed_in = factory.get("/en/")
        signed_in.COOKIES[settings.SESSION_COOKIE_NAME] = "x"
        assert not anonymous_read(signed_in)
        with_messages = factory.get("/en/")
        with_messages.COOKIES["messages"] = "x"
        assert not anonymous_read(with_messages)
        preview = factory.get("/en/")
        preview.is_preview = True
        assert not anonymous_read(preview)
