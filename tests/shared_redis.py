"""The real Redis server the shared-cache tests run against, and how they keep to themselves.

The tests use TEST_REDIS_URL (database 5 on the local server unless set) with a key prefix of
their own per test, and delete only their own keys, so runs in parallel do not meet. Without a
reachable server they skip with the reason: `.ci/run` starts one when it is down.
"""

import os
import socket
import uuid
from urllib.parse import urlsplit

import pytest

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


def redis_reachable():
    address = urlsplit(TEST_REDIS_URL)
    try:
        with socket.create_connection((address.hostname, address.port or 6379), timeout=1):
            return True
    except OSError:
        return False


needs_redis = pytest.mark.skipif(
    not redis_reachable(),
    reason=f"no Redis server at {TEST_REDIS_URL} (start one as .ci/run does, or set TEST_REDIS_URL)",
)


def new_prefix():
    return f"test-{uuid.uuid4().hex[:12]}"


def redis_caches(prefix):
    """A CACHES setting for the shared Redis cache, as REDIS_URL gives in production."""
    return {
        "default": {
            "BACKEND": "core.redis_cache.ReusingRedisCache",
            "LOCATION": TEST_REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }


def delete_keys(prefix):
    import redis

    client = redis.Redis.from_url(TEST_REDIS_URL)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)
    client.close()


class TwoNodesTestCase:
    """Mixin for a TestCase: the test site, a partner member, and two test clients standing
    for two web nodes that share a Redis cache of the test's own (`cache_settings` adds the
    settings under test, e.g. PAGE_CACHE_SECONDS)."""

    cache_settings = {}

    @classmethod
    def setUpTestData(cls):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from .tree import build_site

        cls.t = build_site()
        cls.partners = Group.objects.create(name="Partners")
        cls.member = get_user_model().objects.create_user("member", "m@example.org", "pw")
        cls.member.groups.add(cls.partners)

    def setUp(self):
        from django.test import Client, override_settings

        self.prefix = new_prefix()
        override = override_settings(
            CACHES=redis_caches(self.prefix), REDIS_URL=TEST_REDIS_URL, **self.cache_settings
        )
        override.enable()
        self.addCleanup(override.disable)
        self.addCleanup(delete_keys, self.prefix)
        self.node_a, self.node_b = Client(), Client()
