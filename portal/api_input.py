"""What the read API does with bad input: a 400 or 404 with a JSON message, never a 500.

Wagtail's API v2 passes some parameters straight to the database, where a value it does not
expect becomes a server error: `find/?id=abc` (a ValueError from the ORM), an id or offset
too large for a 64-bit column (an OverflowError from the driver), a NUL character (which
PostgreSQL refuses in any string), an unknown `search_operator` (a ValueError from the
search backend), a typed `pages/find/` of a hidden page (the page type's own DoesNotExist,
which Wagtail's find view does not catch). Everything is checked here before it reaches them,
so the answer says what was wrong. A search engine that cannot answer gives 503, as the
site's search page does.
"""

import logging
import re

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from rest_framework.response import Response
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

logger = logging.getLogger("portal.api")

LARGEST_ID = 2**63 - 1  # the largest value of a bigint column (PostgreSQL and SQLite)
WHOLE_NUMBER = re.compile(r"^-?[0-9]+$")
SEARCH_OPERATORS = ("and", "or")
# Parameters that name one object by its id: they must be a whole number (or "root").
ID_PARAMETERS = ("id", "child_of", "descendant_of", "ancestor_of", "translation_of")


def check_parameters(request):
    """Refuse, with a message, query values the database or search engine cannot take."""
    for name, values in request.GET.lists():
        for value in values:
            if "\x00" in value:
                raise BadRequestError(f"{name} must not contain a NUL character")
            if WHOLE_NUMBER.match(value) and abs(int(value)) > LARGEST_ID:
                raise BadRequestError(f"{name} is too large")
    for name in ID_PARAMETERS:
        value = request.GET.get(name)
        if value is None or (value == "root" and name != "id"):
            continue
        if not (value.isascii() and value.isdigit()):
            raise BadRequestError(f"{name} must be a positive whole number")
    operator = request.GET.get("search_operator")
    if operator is not None and operator not in SEARCH_OPERATORS:
        raise BadRequestError("search_operator must be 'and' or 'or'")


class SearchUnavailableError(Exception):
    """The search engine could not answer an API search."""


def search_errors():
    from search.engine import UNAVAILABLE_ERRORS, SearchUnavailable

    return (SearchUnavailable, *UNAVAILABLE_ERRORS)


class GuardedSearchFilter(SearchFilter):
    """Wagtail's search filter for documents and images; an engine that is down gives 503."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except search_errors() as error:
            raise SearchUnavailableError(str(error)) from error


class PortalPagination(WagtailPagination):
    """Wagtail's pagination; a search engine failing while the results are counted gives 503."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            page = super().paginate_queryset(queryset, request, view)
            return list(page) if "search" in request.GET else page
        except search_errors() as error:
            if "search" not in request.GET:
                raise
            raise SearchUnavailableError(str(error)) from error


class BadInputMixin:
    """For the API viewsets: checks parameters first and turns the failures above into answers."""

    pagination_class = PortalPagination

    def check_query_parameters(self, queryset):
        check_parameters(self.request)
        super().check_query_parameters(queryset)

    def find_view(self, request):
        check_parameters(request)
        return super().find_view(request)

    def find_object(self, queryset, request):
        try:
            return super().find_object(queryset, request)
        except ObjectDoesNotExist as error:  # also a page type's own DoesNotExist
            raise Http404("not found") from error

    def handle_exception(self, exc):
        if isinstance(exc, SearchUnavailableError):
            logger.error("API search is unavailable: %s", exc)
            return Response({"message": "search is temporarily unavailable"}, status=503)
        return super().handle_exception(exc)
