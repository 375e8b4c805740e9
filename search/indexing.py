"""Bulk loads index each object once, when they end, rather than at every save.

A script that builds pages saves each one several times before it is done: created, revised,
published, its topics and files added, sometimes translated and published again. modelsearch
indexes the page at every one of those saves (its post_save handler queues a task, and the
immediate task backend of development and tests runs it at once), and the portal indexes it
again when it is published (search.signals). For the demo load and the test suite's site
builders that was about a quarter of their time, for entries that the next save replaced.

Inside `deferred()`, the portal's index classes (search.backends.PortalIndexMixin) only note
which objects asked to be indexed; when the block ends, each model's objects are read afresh
and indexed in one `add_bulk`, as `update_index` does. Removals are not deferred: an object
deleted inside the block is removed at once and is simply not found at the end.

The block is for one thread's bulk work (a management command, a test's set-up); requests and
the task worker never enter it. If the block raises, nothing is indexed: its writes are usually
rolled back with it, and `manage.py update_index` indexes whatever was kept.
"""

import threading
from contextlib import contextmanager

from modelsearch.backends import get_search_backends

_state = threading.local()


def defer(model, objs):
    """True (and the objects noted for later) when a `deferred()` block is active here."""
    pending = getattr(_state, "pending", None)
    if pending is None:
        return False
    pending.setdefault(model, set()).update(obj.pk for obj in objs)
    return True


@contextmanager
def deferred():
    """Index what is saved inside once, at the end (see the module docstring). Nests."""
    if getattr(_state, "pending", None) is not None:
        yield
        return
    _state.pending = {}
    try:
        yield
    except BaseException:
        _state.pending = None
        raise
    pending, _state.pending = _state.pending, None
    for model, pks in pending.items():
        objs = list(model.get_indexed_objects().filter(pk__in=pks))
        if not objs:
            continue
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objs)
