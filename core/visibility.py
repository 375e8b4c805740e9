"""Which pages anonymous visitors may see, as a condition inside a listing's own query."""

from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from wagtail.models import PageViewRestriction


def public_q():
    """Pages outside every view-restricted section, as one SQL condition.

    Wagtail's `.public()` reads all restrictions with a query of its own on every call; this
    correlated subquery lets the database do the same check inside the listing's own query.
    """
    restricted_ancestor = PageViewRestriction.objects.filter(
        StartsWith(OuterRef("path"), F("page__path"))
    )
    return ~Exists(restricted_ancestor)


def public_pages(queryset):
    """Live pages of `queryset` that anonymous visitors may see."""
    return queryset.live().filter(public_q())


def restricted_collection_ids(request):
    """Collections whose documents this request may not see (private ones, with their children).

    Wagtail's own rule (a collection's view restriction: partners' group, sign-in, password),
    read once per request.
    """
    from wagtail.api.v2.utils import get_restricted_collection_ids

    from .request_cache import memoise

    return memoise("restricted_collection_ids", lambda: get_restricted_collection_ids(request))


def may_see_document(document, request):
    """Whether the request may learn anything of `document` (title, file name, size, link).

    A page is public while a document it links lives in a private collection ("Partners only"):
    visitors who may not download it are not told its title or file name either.
    """
    if document is None:
        return False
    if request is None:
        return False  # no request (e-mail, feed): assume the least privileged reader
    return document.collection_id not in restricted_collection_ids(request)
