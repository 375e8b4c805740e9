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

    Wagtail's own rule (each restriction's `accept_request`: partners' group, sign-in,
    password), read once per request. Wagtail's `get_restricted_collection_ids` (wagtail.api.v2)
    asks for each restriction's groups separately and for the restricted collections' paths in
    a query of its own, so every partners' or community shelf added a query to every page that
    lists a document (a demo resource page reached 16 against the budget of 15). Here the
    groups are prefetched and the paths come with the restrictions: three queries however many
    restrictions there are. Can go when Wagtail's helper prefetches (it did not in Wagtail 8).
    """
    from .request_cache import memoise

    return memoise("restricted_collection_ids", lambda: _restricted_collection_ids(request))


def _restricted_collection_ids(request):
    from django.db.models import Q
    from wagtail.models import Collection, CollectionViewRestriction

    restrictions = CollectionViewRestriction.objects.select_related("collection")
    paths = {
        restriction.collection.path
        for restriction in restrictions.prefetch_related("groups")
        if not restriction.accept_request(request)
    }
    if not paths:
        return set()
    below = Q()
    for path in paths:
        below |= Q(path__startswith=path)
    return set(Collection.objects.filter(below).values_list("id", flat=True))


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
