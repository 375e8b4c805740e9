"""Cached public pages (core.page_cache): served from the shared Redis cache, never stale.

Two test clients stand for two web nodes sharing Redis; a second process changes the content
generation as another node's publish would. Every change an editor or reviewer makes (publish,
unpublish, move, delete, privacy, a translation published) must show on the very next request
to every page, listing, feed, sitemap and API response that shows it; nothing personal or
private may be stored or served.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client, TestCase, override_settings
from wagtail.models import Page

from alerts.tests.helpers import add_resource, restrict, translate
from core.page_cache import HEADER

from .shared_redis import (
    TEST_REDIS_URL,
    TwoNodesTestCase,
    delete_keys,
    needs_redis,
    new_prefix,
    redis_caches,
)
from .test_shared_cache import run_other_process

FEED = "/en/feeds/rss/"
API = "/api/v2/pages/?type=resources.ResourcePage&fields=title"


@needs_redis
class PageCacheTestCase(TwoNodesTestCase, TestCase):
    cache_settings = {"PAGE_CACHE_SECONDS": 60}

    def listing_urls(self):
        return [self.t.library.url, FEED, API, "/sitemap.xml", "/en/search/?q=interim"]

    def warm(self, urls):
        for url in urls:
            self.node_a.get(url)
            response = self.node_b.get(url)
            assert response[HEADER] == "hit", url


class TestServedFromTheCache(PageCacheTestCase):
    def test_second_request_is_served_from_the_cache_on_another_node(self):
        for url in [self.t.home.url, self.t.area.url, self.t.resource.url, *self.listing_urls()]:
            with self.subTest(url=url):
                first = self.node_a.get(url)
                assert first.status_code == 200 and first[HEADER] == "miss"
                with self.assertNumQueries(0):
                    second = self.node_b.get(url)
                assert second[HEADER] == "hit"
                assert second.content == first.content
                assert second["Content-Type"] == first["Content-Type"]

    def test_language_host_and_scheme_are_kept_apart(self):
        url = self.t.resource.url
        self.node_a.get(url)
        assert self.node_b.get(url, headers={"host": "other.example.org"})[HEADER] == "miss"
        assert self.node_b.get(url, secure=True)[HEADER] == "miss"
        fr = translate(self.t.resource, "fr", "Guide provisoire")
        assert self.node_b.get(fr.url)[HEADER] == "miss"
        self.node_a.get("/api/v2/pages/", headers={"accept-language": "fr"})
        response = self.node_b.get("/api/v2/pages/", headers={"accept-language": "en"})
        assert response[HEADER] == "miss"

    def test_a_change_on_another_process_makes_every_node_render_afresh(self):
        self.warm([self.t.resource.url])
        run_other_process(
            self.prefix,
            "import django; django.setup(); from core import generations; generations.bump()",
            PAGE_CACHE_SECONDS="60",
        )
        assert self.node_b.get(self.t.resource.url)[HEADER] == "miss"


class TestNeverStale(PageCacheTestCase):
    def test_publishing_shows_everywhere_at_once(self):
        self.warm([self.t.resource.url, *self.listing_urls()])
        page = self.t.resource
        page.title = "Interim care, second edition"
        page.save_revision().publish()
        for url in [page.url, self.t.library.url, FEED, API, "/en/search/?q=interim"]:
            with self.subTest(url=url):
                response = self.node_b.get(url)
                assert response[HEADER] == "miss"
                assert "second edition" in response.content.decode()

    def test_a_new_page_appears_in_listings_feed_api_and_sitemap(self):
        self.warm(self.listing_urls())
        new = add_resource(self.t.library, "Safe shelters checklist")
        for url in [self.t.library.url, FEED, API]:
            with self.subTest(url=url):
                assert "Safe shelters checklist" in self.node_b.get(url).content.decode()
        assert new.url in self.node_b.get("/sitemap.xml").content.decode()

    def test_a_page_not_found_is_cached_until_a_page_is_published_there(self):
        url = f"{self.t.library.url}safe-shelters-checklist/"
        assert self.node_a.get(url).status_code == 404
        second = self.node_b.get(url)
        assert second.status_code == 404 and second[HEADER] == "hit"
        add_resource(self.t.library, "Safe shelters checklist", slug="safe-shelters-checklist")
        response = self.node_b.get(url)
        assert response.status_code == 200 and response[HEADER] == "miss"
        assert "Safe shelters checklist" in response.content.decode()

    def test_a_page_not_found_is_kept_a_minute_at_most(self):
        """A flood of made-up addresses cannot fill the cache for PAGE_CACHE_SECONDS."""
        import redis
        from django.core.cache import cache
        from django.test import RequestFactory

        from core.page_cache import _key

        client = redis.Redis.from_url(TEST_REDIS_URL)

        def seconds_left(url):
            return client.ttl(cache.make_key(_key(RequestFactory().get(url))))

        with override_settings(PAGE_CACHE_SECONDS=600):
            assert self.node_a.get(self.t.resource.url).status_code == 200
            assert self.node_a.get("/en/no-such-page/").status_code == 404
            assert 500 < seconds_left(self.t.resource.url) <= 600
            assert 0 < seconds_left("/en/no-such-page/") <= 60

    def test_unpublish_and_delete_and_move_take_pages_out(self):
        kit, case = self.t.kit, self.t.case_study
        urls = [kit.url, case.url, self.t.library.url, self.t.case_index.url, "/sitemap.xml"]
        self.warm(urls)
        kit.unpublish()
        assert self.node_b.get(kit.url).status_code == 404
        assert kit.title not in self.node_b.get(self.t.library.url).content.decode()
        self.warm([self.t.case_index.url])
        Page.objects.get(pk=case.pk).delete()
        assert self.node_b.get(case.url).status_code == 404
        assert case.title not in self.node_b.get(self.t.case_index.url).content.decode()
        resource = self.t.resource
        self.warm([resource.url])
        Page.objects.get(pk=resource.pk).move(self.t.areas_index, pos="last-child")
        moved = self.node_b.get(resource.url)  # Wagtail's redirect from the old address
        assert moved.status_code == 301 and moved["Location"] == "/en/areas/interim-care/"

    def test_privacy_change_is_never_served_from_the_cache(self):
        page = self.t.resource
        self.warm([page.url, self.t.library.url, API])
        restrict(page, self.partners)
        response = self.node_b.get(page.url)
        assert response.status_code == 302 and HEADER not in response
        assert page.title not in self.node_b.get(self.t.library.url).content.decode()
        assert page.title not in self.node_b.get(API).content.decode()

    def test_a_search_index_update_by_the_worker_renews_cached_searches_only(self):
        """The worker indexes a published page after the publish, in rows no page shows: the
        searches (the page's and the API's) are renewed, the pages, listings, feed and API
        listing rendered after the publish stay cached (core.page_cache, search generation)."""
        from modelsearch.tasks import insert_or_update_object_task

        from core.generations import SEARCH_GENERATION_KEY, generation

        searches = ["/en/search/?q=interim", "/api/v2/pages/?search=interim&fields=title"]
        others = [self.t.resource.url, self.t.library.url, FEED, API]
        self.warm([*searches, *others])
        before, search_before = generation(), generation(SEARCH_GENERATION_KEY)
        resource = self.t.resource
        insert_or_update_object_task.enqueue(
            resource._meta.app_label, resource._meta.model_name, str(resource.pk)
        )
        assert generation() == before and generation(SEARCH_GENERATION_KEY) != search_before
        for url in searches:
            assert self.node_b.get(url)[HEADER] == "miss", url
        for url in others:
            assert self.node_b.get(url)[HEADER] == "hit", url

    def test_search_only_rows_renew_searches_and_a_publish_renews_both(self):
        from search.models import PageEmbedding

        search, page = "/en/search/?q=interim", self.t.resource.url
        self.warm([search, page])
        PageEmbedding.objects.create(page=self.t.resource, vector=b"", text_hash="x")
        assert self.node_b.get(search)[HEADER] == "miss"
        assert self.node_b.get(page)[HEADER] == "hit"
        self.warm([search])
        self.t.kit.save_revision().publish()
        assert self.node_b.get(search)[HEADER] == "miss"
        assert self.node_b.get(page)[HEADER] == "miss"

    def test_a_published_translation_is_served_at_once(self):
        french_library = translate(self.t.library, "fr", "Bibliothèque")
        self.warm([french_library.url])
        translate(self.t.resource, "fr", "Guide de prise en charge provisoire")
        assert "Guide de prise en charge" in self.node_b.get(french_library.url).content.decode()


class TestNothingPersonalIsCached(PageCacheTestCase):
    def test_signed_in_visitors_neither_read_nor_fill_the_cache(self):
        page = self.t.resource
        self.node_a.force_login(self.member)
        for _ in range(2):
            response = self.node_a.get(page.url)
            assert response.status_code == 200 and HEADER not in response
        assert self.node_b.get(page.url)[HEADER] == "miss"  # the member's copy was not stored

    def test_private_pages_are_not_cached_for_members_or_anyone(self):
        restrict(self.t.kit, self.partners)
        self.node_a.force_login(self.member)
        assert self.node_a.get(self.t.kit.url).status_code == 200
        for _ in range(2):
            response = self.node_b.get(self.t.kit.url)
            assert response.status_code == 302 and HEADER not in response

    def test_responses_that_set_a_cookie_or_forbid_caching_are_not_stored(self):
        for url in ["/en/alerts/", "/en/account/sign-in/"]:
            with self.subTest(url=url):
                self.node_a.get(url)
                assert HEADER not in self.node_b.get(url)

    def test_search_counts_are_kept_for_cached_searches(self):
        from search.models import SearchQueryStat
        from search.query_log import record_counts

        for client in (self.node_a, self.node_b, self.node_b):
            client.get("/en/search/?q=interim")
        record_counts()
        assert SearchQueryStat.objects.get(query="interim").searches == 3

    def test_previews_are_not_cached(self):
        admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        self.node_a.force_login(admin)
        url = f"/admin/pages/{self.t.resource.pk}/edit/preview/"
        assert HEADER not in self.node_a.get(url)


class TestServedBeforeTheRestOfTheStack(PageCacheTestCase):
    """The cache is the first middleware after the security one: what it replays must be the
    response every other middleware made, headers included, and nothing that was personal."""

    def test_a_hit_keeps_the_security_and_language_headers(self):
        url = self.t.resource.url
        first = self.node_a.get(url)
        second = self.node_b.get(url)
        assert second[HEADER] == "hit"
        for header in ("Content-Security-Policy", "Permissions-Policy", "Content-Language"):
            assert second[header] == first[header], header
        assert "nonce-" not in second["Content-Security-Policy"]
        assert second["X-Content-Type-Options"] == "nosniff"  # SecurityMiddleware, on every hit

    def test_a_page_with_a_csp_nonce_is_never_stored(self):
        from django.http import HttpResponse
        from django.test import RequestFactory

        from core.page_cache import PageCacheMiddleware
        from portal.security import PortalCSPMiddleware

        def inline_script(request):
            return HttpResponse(f'<script nonce="{request.csp_nonce}">go()</script>')

        stack = PageCacheMiddleware(PortalCSPMiddleware(inline_script))
        nonces = set()
        for _ in range(2):
            response = stack(RequestFactory().get("/en/nonce/"))
            assert HEADER not in response
            nonces.add(response.content.decode().split('"')[1])
        assert len(nonces) == 2

    def test_the_cookies_a_page_reads_are_part_of_the_key(self):
        url = self.t.resource.url
        self.node_a.get(url)
        first, second = Client(), Client()
        first.cookies["portal_tz"] = second.cookies["portal_tz"] = "Asia/Tokyo"
        assert first.get(url)[HEADER] == "miss"
        assert second.get(url)[HEADER] == "hit"
        # Outside a language prefix the language cookie chooses the language.
        self.node_a.get("/api/v2/pages/")
        french = Client()
        french.cookies["django_language"] = "fr"
        assert french.get("/api/v2/pages/")[HEADER] == "miss"

    def test_the_language_cookie_is_replayed_as_the_page_would_set_it(self):
        """Under /en/ the portal remembers English for `/`: a hit sets the cookie as a fresh
        response would, for visitors who had chosen another language or none."""
        url = self.t.resource.url
        assert self.node_a.get(url).cookies["django_language"].value == "en"
        for cookie, expected in (("fr", "en"), ("en", None)):
            with self.subTest(cookie=cookie):
                visitor = Client()
                visitor.cookies["django_language"] = cookie
                response = visitor.get(url)
                assert response[HEADER] == "hit"
                morsel = response.cookies.get("django_language")
                assert (morsel.value if morsel else None) == expected

    def test_a_page_stored_for_a_visitor_with_the_cookie_does_not_withhold_it_from_others(self):
        url = self.t.resource.url
        regular = Client()
        regular.cookies["django_language"] = "en"
        assert regular.get(url)[HEADER] == "miss"  # no cookie set: English was remembered
        assert Client(HTTP_COOKIE="django_language=en").get(url)[HEADER] == "hit"
        newcomer = self.node_b.get(url)  # would not learn the language from that copy
        assert newcomer[HEADER] == "miss"
        assert newcomer.cookies["django_language"].value == "en"
        assert self.node_a.get(url)[HEADER] == "hit"

    def test_visitors_with_messages_are_not_served_from_the_cache(self):
        url = self.t.resource.url
        self.warm([url])
        self.node_b.cookies["messages"] = "anything"
        assert HEADER not in self.node_b.get(url)

    def test_compressed_pages_are_served_only_to_browsers_that_accept_them(self):
        from django.conf import settings

        stack = list(settings.MIDDLEWARE)
        stack.insert(
            stack.index("core.page_cache.PageCacheMiddleware") + 1,
            "portal.compression.TextGZipMiddleware",
        )
        with override_settings(MIDDLEWARE=stack):
            url = self.t.resource.url
            self.node_a.get(url, headers={"accept-encoding": "gzip"})
            zipped = self.node_b.get(url, headers={"accept-encoding": "gzip"})
            assert zipped[HEADER] == "hit" and zipped["Content-Encoding"] == "gzip"
            plain = self.node_b.get(url)
            assert plain[HEADER] == "miss" and "Content-Encoding" not in plain
            assert "Accept-Encoding" in zipped["Vary"]


@needs_redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # conftest.py says why
def test_a_transaction_renews_the_cache_once_and_only_when_it_commits(settings):
    """Before the commit other processes still read the old rows: renewing then only had every
    node render every page twice per publish (core.generations._schedule)."""
    from django.db import transaction

    from core.generations import generation

    prefix = new_prefix()
    settings.CACHES = redis_caches(prefix)
    settings.PAGE_CACHE_SECONDS = 60
    try:
        before = generation()
        with transaction.atomic():
            Group.objects.create(name="First")
            Group.objects.create(name="Second")
            with transaction.atomic():
                Group.objects.create(name="Third")
            assert generation() == before  # nothing committed yet
        assert generation() == before + 1  # one renewal for the whole transaction
        with transaction.atomic():
            Group.objects.create(name="Rolled back")
            transaction.set_rollback(True)
        assert generation() == before + 1
        Group.objects.create(name="Outside a transaction")
        assert generation() == before + 2
    finally:
        delete_keys(prefix)
