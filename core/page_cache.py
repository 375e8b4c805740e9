"""Anonymous GET responses served from the shared cache, never older than the last change.

Why: pages change only when someone publishes, yet every visitor's page was rendered afresh
(13 to 47 requests a second against 2,600 for a static file). Responses are stored in the shared
cache (Redis, see REDIS_URL) under a key that holds a *content generation number*; any change
to content (publish, unpublish, move, delete, a privacy rule, a translation published, a snippet,
image, document or setting saved) increments it, so every node reads new keys at once and the
old entries simply expire. That is deliberately blunt: a listing, a feed or an API page that
shows a changed item can never be missed, at the price of re-rendering pages after each change.

The key also holds the scheme, host, active language, path and query string, whether the client
asked for HTML (the API's browsable view), and the Origin (the API's CORS headers).

Never cached or served from the cache:
- any request with a session or message cookie (signed-in users, partners, learners) or an
  Authorization header, and anything under /admin/ (previews);
- any response that is not a complete 200, sets a cookie, used the CSRF token, or says
  `private`, `no-cache` or `no-store` (Django's `never_cache`): account and learner views, a
  search the engine could not answer (503), redirects to the login of a private page.

Work that must happen on every view, even from the cache (counting a search), is registered on
the response with `on_every_view` and replayed on each hit.

Without a shared cache (no REDIS_URL) PAGE_CACHE_SECONDS is 0 and nothing is cached, because a
per-process cache could not be invalidated in the other processes.
"""

import hashlib
import logging
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import translation
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

logger = logging.getLogger("portal.page_cache")

GENERATION_KEY = "content-generation"
HEADER = "X-Portal-Cache"

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


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


# The generation number


def _increment():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there yet (or evicted): start above any number used before
        cache.add(GENERATION_KEY, time.time_ns(), None)
    except Exception:
        logger.exception("Could not renew the cached pages; they expire on their own.")


def bump(**kwargs):
    """Make every cached response old: now, and again when the transaction commits (a request
    that read the new number before the commit may have stored what it still saw)."""
    if seconds() <= 0:
        return
    _increment()
    transaction.on_commit(_increment)


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY)
    return value


def _bump_on_save(sender, instance=None, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # signing in
    bump()


def connect():
    """Bump on any saved or deleted row a public response may show (core.apps)."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for model in apps.get_models():
        if model._meta.label_lower in UNSHOWN_MODELS:
            continue
        post_save.connect(_bump_on_save, sender=model, weak=False)
        post_delete.connect(bump, sender=model, weak=False)
    m2m_changed.connect(bump, weak=False)
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump, weak=False)
    task_finished.connect(_bump_after_indexing, weak=False)


# The worker updates the search index after a publish, in rows no page shows (UNSHOWN_MODELS),
# yet the search page does: a search cached between the publish and the index update would
# otherwise miss the new page until the next change.
INDEXING_TASKS = ("modelsearch.tasks.", "search.tasks.", "wagtail.search.")


def _bump_after_indexing(sender, task_result, **kwargs):
    if task_result.status == TaskResultStatus.SUCCESSFUL and (
        task_result.task.module_path.startswith(INDEXING_TASKS)
    ):
        bump()


# Responses


def on_every_view(response, function_path, *args):
    """Call `function_path(*args)` now and whenever this response is served from the cache."""
    response._portal_replay = [*getattr(response, "_portal_replay", []), (function_path, args)]


def _key(request):
    accept = request.META.get("HTTP_ACCEPT", "")
    parts = [
        request.scheme,
        request.get_host(),
        translation.get_language() or "",
        "html" if "text/html" in accept else "other",
        request.META.get("HTTP_ORIGIN", ""),
        request.get_full_path(),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"page:{request._portal_generation}:{digest}"


def _may_use_cache(request):
    if seconds() <= 0 or request.method != "GET":
        return False
    if request.path_info.startswith(("/admin/", "/django-admin/")):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def _may_store(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds this visitor's CSRF token
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-cache", "no-store"))


class PageCacheMiddleware:
    """Serves and stores anonymous GET responses (placed after the language is chosen, before
    the page is routed: see portal/settings/base.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            return self.get_response(request)
        try:
            request._portal_generation = generation()
            key = _key(request)
            entry = cache.get(key)
        except Exception:
            logger.warning("The page cache is unavailable; serving uncached.", exc_info=True)
            return self.get_response(request)
        if entry is not None:
            return self._from_entry(entry)
        response = self.get_response(request)
        if _may_store(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            entry = {
                "status": response.status_code,
                "headers": list(response.headers.items()),
                "content": response.content,
                "replay": getattr(response, "_portal_replay", []),
            }
            try:
                cache.set(key, entry, seconds())
            except Exception:
                logger.warning("Could not store a page in the cache.", exc_info=True)
            response[HEADER] = "miss"
        return response

    @staticmethod
    def _from_entry(entry):
        for function_path, args in entry["replay"]:
            try:
                import_string(function_path)(*args)
            except Exception:
                logger.warning(
                    "Could not replay %s for a cached page", function_path, exc_info=True
                )
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response[HEADER] = "hit"
        return response
