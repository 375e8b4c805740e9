"""An anonymous GET never writes: not a row, not a queued task.

Warming the demo's pages as a visitor once saved its 33 documents and queued 99 background
tasks; on several nodes that is a write storm on every cold cache, and a read replica could not
serve visitors at all. Every public page type, listing, feed, the sitemap, the API and search
are served here with every INSERT, UPDATE and DELETE and every enqueued task recorded, and any
one fails the test with the statement that did it.
"""

import re
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django_tasks.signals import task_enqueued

from core.images import RENDITION_SPECS
from search.models import SearchQueryStat

from .shared_redis import (
    TEST_REDIS_URL,
    delete_keys,
    needs_redis,
    new_prefix,
    redis_caches,
    redis_reachable,
)
from .test_public_pages import PublicPagesTestCase

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|TRUNCATE)\b", re.I)


@contextmanager
def forbidden_writes():
    """Record writes and enqueued tasks (queries still run, so every write is reported)."""
    writes = []

    def record(execute, sql, params, many, context):
        if WRITE.match(sql):
            writes.append(sql[:200])
        return execute(sql, params, many, context)

    def enqueued(sender, task_result, **kwargs):
        writes.append(f"task {task_result.task.module_path}")

    task_enqueued.connect(enqueued)
    try:
        with connection.execute_wrapper(record):
            yield writes
    finally:
        task_enqueued.disconnect(enqueued)


class TestAnonymousGetsNeverWrite(PublicPagesTestCase):
    """With the shared cache when a Redis server answers (search counts need it to go
    without a write), and without it otherwise, leaving out the searches that count."""

    @classmethod
    def setUpTestData(cls):
        # The images' upload tasks make their renditions now, through the per-process cache.
        # An earlier test's rolled-back image may have had the same id (SQLite reuses them)
        # and left its renditions cached there; the task would find those and make no rows,
        # and the page views below would then write them.
        from django.core.cache import cache

        cache.clear()
        super().setUpTestData()

    def setUp(self):
        super().setUp()
        self.shared = redis_reachable()
        if self.shared:
            prefix = new_prefix()
            override = override_settings(CACHES=redis_caches(prefix), REDIS_URL=TEST_REDIS_URL)
            override.enable()
            self.addCleanup(override.disable)
            self.addCleanup(delete_keys, prefix)

    def public_urls(self):
        t = self.t
        pages = [*self.english_pages().values(), *self.french.values()]
        urls = [page.url for page in pages]
        urls += [t.library.url + f"?topic={t.topic.slug}", t.library.url + "?page=2"]
        urls += ["/en/feeds/rss/", "/fr/feeds/atom/", f"/en/feeds/topic/{t.topic.slug}/rss/"]
        urls += ["/sitemap.xml", "/robots.txt"]
        urls += ["/api/v2/pages/", f"/api/v2/pages/{t.resource.pk}/", "/api/v2/documents/"]
        urls += ["/api/v2/images/", "/api/v2/pages/?search=guide"]
        urls += ["/en/search/"]
        if self.shared:
            urls += ["/en/search/?q=guide", "/fr/search/?q=guide&scope=all"]
        urls += ["/en/search/suggest/?q=gui", "/en/no-such-page/"]
        return urls

    def test_every_public_url_served_without_a_write(self):
        failures = {}
        for url in self.public_urls():
            with forbidden_writes() as writes:
                response = self.client.get(url)
                if hasattr(response, "streaming_content"):
                    b"".join(response.streaming_content)
            assert response.status_code in (200, 404), (url, response.status_code)
            if writes:
                failures[url] = writes
        assert not failures, "\n".join(f"{url}: {writes}" for url, writes in failures.items())

    def test_document_downloads_do_not_write(self):
        url = self.t.document.url
        with forbidden_writes() as writes:
            response = self.client.get(url)
            b"".join(response.streaming_content)
        assert response.status_code == 200
        assert not writes, writes

    def test_every_rendition_a_template_names_is_made_at_upload(self):
        """A spec missing from core.images would be made, and written, on a page view."""
        specs = set()
        for template in Path(settings.BASE_DIR).glob("**/templates/**/*.html"):
            if ".venv" in template.parts or "node_modules" in template.parts:
                continue
            for tag in re.findall(
                r"{% (?:srcset_)?image \S+ ([^%]*?)(?: as \w+)? %}", template.read_text()
            ):
                words = tag.split()
                filters = [w for w in words if re.match(r"^(fill|width|height|max|min|format)-", w)]
                expanded = [""]
                for word in filters:
                    match = re.match(r"^(\w+)-{(.*)}$", word)
                    options = [f"{match[1]}-{o}" for o in match[2].split(",")] if match else [word]
                    expanded = [f"{e}|{o}" if e else o for e in expanded for o in options]
                specs.update(expanded)
        assert specs and specs <= set(RENDITION_SPECS), specs - set(RENDITION_SPECS)

    @needs_redis
    def test_search_counts_reach_the_statistics_later(self):
        for _ in range(3):
            self.client.get("/fr/search/?q=Guide")
        assert not SearchQueryStat.objects.exists()
        call_command("record_search_counts", stdout=StringIO())
        stat = SearchQueryStat.objects.get()
        assert (stat.query, stat.language, stat.searches) == ("guide", "fr", 3)
        self.client.get("/fr/search/?q=guide")
        call_command("record_search_counts", stdout=StringIO())
        stat.refresh_from_db()
        assert stat.searches == 4

    def test_the_check_sees_a_write(self):
        """The recorder itself: a page view that wrote would be caught."""
        with forbidden_writes() as writes:
            self.t.document.save()
        assert writes and writes[0].upper().startswith("UPDATE")
