"""Search counts gathered in Redis while visitors search, written to the database later.

A search is a visitor's GET, and an anonymous GET never writes to the database (several nodes,
a read replica, cached pages): with the shared cache (REDIS_URL), each search adds one to a
Redis hash, and `manage.py record_search_counts` (cron, every few minutes) moves the counts into
search.models.SearchQueryStat. Without Redis there is one process and no shared store, so the
count is written at once, as before. Nothing about the visitor is kept either way.
"""

import json
from datetime import date

from django.conf import settings
from django.utils import timezone

from .models import SearchQueryStat

_clients = {}


def _redis():
    url = getattr(settings, "REDIS_URL", "")
    if not url:
        return None
    if url not in _clients:
        import redis

        _clients[url] = redis.Redis.from_url(url)
    return _clients[url]


def _keys():
    prefix = settings.CACHES["default"].get("KEY_PREFIX") or "portal"
    return (
        f"{prefix}:search-counts",
        f"{prefix}:search-results",
        f"{prefix}:search-empty",
    )


def count_search(query, language, scope, result_count):
    client = _redis()
    if client is None:
        SearchQueryStat.record(query, language, scope, result_count)
        return
    normalised = SearchQueryStat.normalise(query)
    if not normalised:
        return
    field = json.dumps([timezone.now().date().isoformat(), language[:12], scope, normalised])
    counts, results, empty = _keys()
    pipe = client.pipeline()
    pipe.hincrby(counts, field, 1)
    pipe.hset(results, field, result_count)
    # "Found nothing" is its own counter, so a later search with results never hides it.
    pipe.hincrby(empty, field, 1 if result_count == 0 else 0)
    pipe.execute()


def record_counts():
    """Move the gathered counts into the database; the number of (day, query) rows touched.

    The hashes are renamed first, atomically, so searches counted meanwhile start new ones and
    nothing is counted twice or lost between reading and deleting.
    """
    client = _redis()
    if client is None:
        return 0
    keys = _keys()
    taken = tuple(f"{key}:taken" for key in keys)
    if client.exists(keys[0]):
        pipe = client.pipeline(transaction=True)
        for key, renamed in zip(keys, taken, strict=True):
            pipe.renamenx(key, renamed)
        pipe.execute(raise_on_error=False)
    gathered = client.hgetall(taken[0])
    found = client.hgetall(taken[1])
    empties = client.hgetall(taken[2])
    for field, searches in gathered.items():
        day, language, scope, query = json.loads(field)
        SearchQueryStat.record(
            query,
            language,
            scope,
            int(found.get(field, 0)),
            searches=int(searches),
            empty=int(empties.get(field, 0)),
            date=date.fromisoformat(day),
        )
    client.delete(*taken)
    return len(gathered)
