"""Django's Redis cache, with one Redis client per connection pool instead of one per call.

Why: Django's `RedisCacheClient.get_client` builds a new `redis.Redis` for every cache
operation, and redis-py fills a dictionary of some two hundred response callbacks each time.
An uncached page makes a few dozen cache calls (image renditions, settings, the page cache's
generation), so that construction alone was around 0.1 ms a call. A `redis.Redis` only holds
its pool and those callbacks, and is safe to share; the connections still come from the same
pool, so nothing else changes. Can go if Django reuses its clients (it did not in 5.2).
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ReusingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
