"""One cache for every process: what must agree between web workers and nodes agrees.

Each gunicorn worker used to keep its own memory cache, so 239 of 300 rapid anonymous API
requests passed a 120/minute limit. With REDIS_URL set, the throttle (and Wagtail's caches, the
cool-downs, the synonym table, the cached pages) live in Redis; these tests count requests made
by two separate processes against one limit.
"""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.test import TestCase, override_settings

from .shared_redis import TEST_REDIS_URL, delete_keys, needs_redis, new_prefix, redis_caches
from .tree import build_site

ROOT = Path(__file__).resolve().parent.parent

# Another process, as a second gunicorn worker or node would be: its own interpreter, its own
# cache connection, the settings production builds from REDIS_URL.
OTHER_PROCESS = """
import django
django.setup()
from django.conf import settings
from django.test import RequestFactory
from rest_framework.request import Request
from portal.throttling import AnonRateThrottle
assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache"), settings.CACHES
request = Request(RequestFactory().get("/api/v2/pages/", REMOTE_ADDR="127.0.0.1"))
print(sum(AnonRateThrottle().allow_request(request, None) for _ in range({count})))
"""


def run_other_process(prefix, code, **env):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "REDIS_URL": TEST_REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def settings_caches(**env):
    code = "import portal.settings.base as s; print(s.CACHES['default']['BACKEND'])"
    clean = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_redis_url_chooses_the_redis_cache_and_memory_otherwise():
    assert settings_caches(REDIS_URL=TEST_REDIS_URL) == "core.redis_cache.ReusingRedisCache"
    assert settings_caches().endswith("locmem.LocMemCache")


@needs_redis
class TestSharedCache(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()

    def setUp(self):
        self.prefix = new_prefix()
        override = override_settings(
            CACHES=redis_caches(self.prefix),
            REST_FRAMEWORK={
                **settings.REST_FRAMEWORK,
                "DEFAULT_THROTTLE_CLASSES": ["portal.throttling.AnonRateThrottle"],
                "DEFAULT_THROTTLE_RATES": {"anon": "5/minute"},
            },
        )
        override.enable()
        self.addCleanup(override.disable)
        self.addCleanup(delete_keys, self.prefix)

    def test_the_api_throttle_counts_requests_from_two_processes(self):
        code = OTHER_PROCESS.format(count=3)
        assert run_other_process(self.prefix, code, API_ANON_RATE="5/minute") == "3"
        # Two requests are left of five for this address here, whichever process asks.
        for _ in range(2):
            assert self.client.get("/api/v2/pages/").status_code == 200
        assert self.client.get("/api/v2/pages/").status_code == 429
        assert run_other_process(self.prefix, code, API_ANON_RATE="5/minute") == "0"

    def test_a_value_set_by_one_process_is_read_by_another(self):
        """The cool-downs (alerts, accounts) and the synonym table use this same cache."""
        cache.set("cool-down:someone@example.org", True, 60)
        code = (
            "import django; django.setup(); from django.core.cache import cache; "
            "print(cache.get('cool-down:someone@example.org'), "
            "cache.add('cool-down:someone@example.org', True, 60))"
        )
        assert run_other_process(self.prefix, code) == "True False"

    def test_one_redis_client_serves_every_call(self):
        """core.redis_cache: the client is built once per pool, and reads what it wrote."""
        cache.set("reused", 1, 60)
        client = cache._cache.get_client(write=True)
        assert cache._cache.get_client() is client
        assert cache.get_many(["reused", "absent"]) == {"reused": 1}
        assert cache.incr("reused") == 2
        cache.delete("reused")
        assert cache.get("reused") is None
