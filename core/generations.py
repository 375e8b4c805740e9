"""The content and search generation numbers: what makes every cached response old at once.

Why a module of its own: the numbers are bookkeeping of what changed (every saved or deleted
row a public response may show, every publish, unpublish, move and index update), kept apart
from how responses are stored and served (core.page_cache), which reads them.

Any change to content increments the *content generation* when its transaction commits, so
every node reads new keys at once and the old entries simply expire. The *search generation*
is renewed by what only search answers show (the worker's index updates, the meaning vectors,
the facets, the snippets, the spelling vocabulary, the synonyms).
"""

import logging
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

logger = logging.getLogger("portal.page_cache")

GENERATION_KEY = "content-generation"
SEARCH_GENERATION_KEY = "search-generation"

# Rows that no public response shows: saving them leaves the cached pages as they are.
UNSHOWN_MODELS = {
    "sessions.session",
    "admin.logentry",
    "contenttypes.contenttype",
    "django_tasks_db.dbtaskresult",
    "wagtailsearch.indexentry",
    "wagtailcore.referenceindex",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.revision",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.pagesubscription",
    "wagtailadmin.editingsession",
    "wagtailusers.userprofile",
    "portal_search.searchquerystat",
    "portal_search.pagefacets",
    # A community's discussion is shown only to signed-in members, never from the cache: a
    # post must not make every cached page old.
    "communities.thread",
    "communities.post",
    "communities.report",
    "communities.subscription",
}
# Rows only search answers show (the snippets, the facets, the meaning vectors, the spelling
# vocabulary, the synonyms): saving them renews cached searches only.
SEARCH_MODELS = {
    "portal_search.entrytext",
    "portal_search.facetvalue",
    "portal_search.pageembedding",
    "portal_search.spellingword",
    "portal_search.synonymgroup",
}


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def maintained():
    """Whether anything is kept under the numbers (whole pages, or fragments: core.fragments),
    so that changes must renew them."""
    return seconds() > 0 or getattr(settings, "FRAGMENT_CACHE_SECONDS", 0) > 0


# The generation number


def _increment(key=GENERATION_KEY):
    try:
        cache.incr(key)
    except ValueError:  # not there yet (or evicted): start above any number used before
        cache.add(key, time.time_ns(), None)
    except Exception:
        logger.exception("Could not renew the cached pages; they expire on their own.")


def _schedule(key):
    """Renew at the commit of the transaction under way (once however many rows it saves),
    or at once outside one.

    Not before the commit: until then other processes still read the old rows, so what they
    rendered and stored under the old number was true, and renewing early only had every node
    render every page twice per publish, the first time with the old content (during an
    approval's transaction, 0.7 s at a load of 8). A request that reads the number just before
    the commit and the rows just after stores them under the old number: a miss, never stale.
    A test case's own transaction (Django's TestCase), never committed, is not the
    application's: inside it the number changes at once, as it would outside any.

    Django has no public way to ask whether the outermost atomic block is a test case's or
    whether a callback is already waiting for the commit, so this reads its private
    `Atomic._from_testcase`, `run_on_commit` and `savepoint_ids` (Django 5.2); it can go if
    Django offers either (tests/test_page_cache.py fails if these change).
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block or getattr(
        connection.atomic_blocks[0], "_from_testcase", False
    ):
        _increment(key)
        return
    active = set(connection.savepoint_ids)
    for savepoints, callback, *_robust in connection.run_on_commit:
        if getattr(callback, "page_cache_key", None) == key and savepoints <= active:
            return  # already to run at this commit (unless all of this is rolled back too)

    def renew():
        _increment(key)

    renew.page_cache_key = key
    transaction.on_commit(renew)


def bump(**kwargs):
    """Make every cached response and fragment old when the change is committed."""
    if maintained():
        _schedule(GENERATION_KEY)


def bump_search(**kwargs):
    """Make every cached response that read the search index old, as `bump` does."""
    if maintained():
        _schedule(SEARCH_GENERATION_KEY)


def generation(key=GENERATION_KEY):
    value = cache.get(key)
    if value is None:
        cache.add(key, time.time_ns(), None)
        value = cache.get(key)
    return value


def _bump_on_save(sender, instance=None, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # signing in
    bump()


def _bump_search_on_change(sender, update_fields=None, **kwargs):
    bump_search()


def connect():
    """Bump on any saved or deleted row a public response may show (core.apps)."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for model in apps.get_models():
        if model._meta.label_lower in UNSHOWN_MODELS:
            continue
        if model._meta.label_lower in SEARCH_MODELS:
            post_save.connect(_bump_search_on_change, sender=model, weak=False)
            post_delete.connect(_bump_search_on_change, sender=model, weak=False)
            continue
        post_save.connect(_bump_on_save, sender=model, weak=False)
        post_delete.connect(bump, sender=model, weak=False)
    m2m_changed.connect(bump, weak=False)
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump, weak=False)
    task_finished.connect(_bump_after_indexing, weak=False)


# The worker updates the search index after a publish, in rows no page shows (UNSHOWN_MODELS),
# yet search answers do: a search cached between the publish and the index update would
# otherwise miss the new page until the next change. Only searches: nothing else reads the index.
INDEXING_TASKS = ("modelsearch.tasks.", "search.tasks.", "wagtail.search.")


def _bump_after_indexing(sender, task_result, **kwargs):
    if task_result.status == TaskResultStatus.SUCCESSFUL and (
        task_result.task.module_path.startswith(INDEXING_TASKS)
    ):
        bump_search()
