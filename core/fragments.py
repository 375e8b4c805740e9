"""Parts of a page that every anonymous visitor of a language sees alike, kept in the shared cache.

Why: with the full-page cache off, or on a miss after every publish, each request rebuilt the
same site lookup, main navigation and home page listings: a dozen ORM querysets compiled to
SQL per request, about a third of an uncached page's CPU. Those parts depend only on the
host, the language and the published content, so they are built once per content generation
and shared by every process and node.

Never older than the last change: the key holds the content generation number
(core.generations), which every saved row a public page may show, every publish, unpublish,
move, privacy rule and published translation renews when its transaction commits. A request
that reads the number just before a commit and the rows just after stores newer content under
the old number: a miss for nobody, never stale.

Never personal: fragments are read and written only for anonymous reads, the requests the
full-page cache would serve (`anonymous_read`: a GET or HEAD without a session or messages
cookie or an Authorization header, outside the admin and its previews); a signed-in user,
partner or learner gets every part built afresh, so nothing a partner may see can reach a
fragment, and a visitor's CSRF token never enters one. What is stored is data (pages, links),
not HTML, so per-request details (which link is the current page) are added afterwards.

On only with a shared cache (`FRAGMENT_CACHE_SECONDS`, 600 by default with REDIS_URL, else 0):
a per-process cache could not be renewed in the other processes.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from . import generations
from .request_cache import memoise

logger = logging.getLogger("portal.fragments")

# Cookies of a visitor whose pages may be their own (the page cache's rule too).
PERSONAL_COOKIES = ("messages",)


def seconds():
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)


def anonymous_read(request):
    """Whether `request` reads as an anonymous visitor: the same for every such visitor."""
    if request is None or request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(("/admin/", "/django-admin/")):
        return False
    if getattr(request, "is_preview", False):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or any(c in cookies for c in PERSONAL_COOKIES):
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def _generation():
    """The content generation, read once per request (every time outside one)."""
    return memoise(("content_generation",), generations.generation)


def fragment(request, name, parts, build, before_storing=None):
    """`build()`, shared by every anonymous visitor of this host and language until the next
    change; built afresh for anyone else, or when fragments are off.

    `name` and `parts` (strings or numbers) say what is built; the host, scheme and language
    are added here. What `build` returns must be picklable and hold nothing of the request.
    `before_storing(value)` may add to a value about to be shared what would not pay for
    itself on every request (core.images.attach_renditions).
    """
    if seconds() <= 0 or not anonymous_read(request):
        return build()
    try:
        described = [
            name,
            request.scheme,
            request.get_host(),
            translation.get_language() or "",
            *(str(part) for part in parts),
        ]
        digest = hashlib.sha256("\n".join(described).encode()).hexdigest()[:32]
        key = f"fragment:{_generation()}:{digest}"
        found = cache.get(key)
    except Exception:
        logger.warning("The fragment cache is unavailable; building %s.", name, exc_info=True)
        return build()
    if found is not None:
        return found[0]
    value = build()
    if before_storing is not None:
        before_storing(value)
    try:
        cache.set(key, (value,), seconds())
    except Exception:
        logger.warning("Could not store the fragment %s.", name, exc_info=True)
    return value
