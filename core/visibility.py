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
