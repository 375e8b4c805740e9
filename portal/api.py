"""The read API for field sites and external databases: Wagtail API v2 at /api/v2/.

Three endpoints, `pages`, `images` and `documents`, built on Wagtail's viewsets with what the
portal adds:

* **Taxonomy filters** `?topic=`, `?region=`, `?audience=` take slugs (comma-separated for
  "any of"); slugs are the same in every language, so one URL works for every `?locale=`.
* **One search.** `?search=` goes through `search_pages`, the single place where the API
  meets full-text search, so the API can answer exactly as the site's search page does.
* **Nothing private leaks through a relation.** Wagtail keeps restricted pages and private
  collections out of the listings, but a public page's relations (a related area, a featured
  case study, a file) would still be serialised with their titles. Every relation is checked
  against what the request may see, and hidden ones come out as null or are left out.
* **Related things say what they are**: documents give title, language, format, size and
  download URL, also in a resource's `files`; terms their slug and name; people their name.
* **Bad input is refused with a message** (400/404, never 500; a search engine that is down
  gives 503): portal/api_input.py.
* **Throttling and CORS.** Anonymous clients are throttled (REST_FRAMEWORK settings);
  cross-origin reads are allowed for the origins in API_CORS_ORIGINS, for GET only.
"""

from django.conf import settings
from django.db.models import Q
from django.urls import path
from django.utils.cache import patch_vary_headers
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from rest_framework.relations import MANY_RELATION_KWARGS, ManyRelatedField
from rest_framework.settings import api_settings
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import RelatedField
from wagtail.api.v2.utils import BadRequestError, get_restricted_collection_ids
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.documents.models import AbstractDocument
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from .api_input import BadInputMixin, GuardedSearchFilter, SearchUnavailableError, search_errors

# --- Search ------------------------------------------------------------------------------


def search_pages(queryset, query, locale=None, *, operator=None, order_by_relevance=True):
    """Full-text search for the API: the site search's own function.

    The API's only way into search, so `?search=` answers exactly as the search page does
    (language-aware analysis, editors' synonyms, public pages only).
    """
    from search.engine import search_pages as site_search_pages

    options = {"order_by_relevance": order_by_relevance}
    if operator:
        options["operator"] = operator
    return site_search_pages(queryset, query, locale, **options)


class SearchFilter(BaseFilterBackend):
    """Wagtail's `?search=` filter, routed through `search_pages`. Must be the last filter."""

    def filter_queryset(self, request, queryset, view):
        query = request.GET.get("search")
        if query is None:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
        locale = None
        if request.GET.get("locale"):
            locale = Locale.objects.filter(language_code=request.GET["locale"]).first()
        try:
            return search_pages(
                queryset,
                query,
                locale,
                operator=request.GET.get("search_operator"),
                order_by_relevance="order" not in request.GET,
            )
        except FilterFieldError as error:
            raise BadRequestError(
                f"cannot filter by '{error.field_name}' while searching (field is not indexed)"
            ) from error
        except OrderByFieldError as error:
            raise BadRequestError(
                f"cannot order by '{error.field_name}' while searching (field is not indexed)"
            ) from error
        except search_errors() as error:
            raise SearchUnavailableError(str(error)) from error


# --- Taxonomy filters --------------------------------------------------------------------

TAXONOMY_PARAMETERS = {"topic": "topics", "region": "regions", "audience": "audiences"}


def taxonomy_page_models():
    from taxonomy.pages import TaxonomyMixin

    return [model for model in get_page_models() if issubclass(model, TaxonomyMixin)]


class TaxonomyFilter(BaseFilterBackend):
    """`?topic=a,b` keeps pages classified under any of the slugs (likewise region, audience).

    Works on the generic Page listing too: the classified types are looked up one by one and
    the result is a filter on page ids.
    """

    def filter_queryset(self, request, queryset, view):
        for parameter, relation in TAXONOMY_PARAMETERS.items():
            if parameter not in request.GET:
                continue
            slugs = [slug.strip() for slug in request.GET[parameter].split(",") if slug.strip()]
            match = Q(pk__in=[])
            for model in taxonomy_page_models():
                ids = model.objects.filter(**{f"{relation}__slug__in": slugs}).values("pk")
                match |= Q(pk__in=ids)
            queryset = queryset.filter(match)
        return queryset


# --- Relations that respect privacy ------------------------------------------------------


def is_visible(obj, context):
    """Whether the requesting client may see a related page, document or image.

    Answers are memoised in the serializer context, which lives for one request.
    """
    request = context["request"]
    if isinstance(obj, Page):
        cache = context.setdefault("_visible_pages", {})
        if obj.pk not in cache:
            visible = context.get("base_queryset")
            if visible is None:
                visible = get_public_pages_queryset(request)
            cache[obj.pk] = visible.filter(pk=obj.pk).exists()
        return cache[obj.pk]
    if isinstance(obj, (AbstractDocument, AbstractImage)):
        if "_restricted_collections" not in context:
            context["_restricted_collections"] = get_restricted_collection_ids(request)
        return obj.collection_id not in context["_restricted_collections"]
    return True


def snippet_details(obj):
    """What a client needs of a taxonomy term or a person, which Wagtail serialises as a bare id.

    Only what the public pages show (no e-mail addresses, for instance). Terms are given as
    the page links them, like the `topics` lists (taxonomy.serializers.TermSerializer).
    """
    from core.models import Person
    from taxonomy.models import Organisation, Term

    if isinstance(obj, Term):
        details = {"slug": obj.slug, "name": obj.name}
        if isinstance(obj, Organisation):
            details["acronym"] = obj.acronym
        return details
    if isinstance(obj, Person):
        return {"name": obj.name, "role": obj.role, "organisation": obj.organisation}
    return {}


class VisibleManyRelatedField(ManyRelatedField):
    def to_representation(self, iterable):
        return [
            self.child_relation.to_representation(value)
            for value in iterable
            if is_visible(value, self.context)
        ]


class VisibleRelatedField(RelatedField):
    """A related object as Wagtail serialises it (named, for snippets), or null if hidden."""

    @classmethod
    def many_init(cls, *args, **kwargs):
        list_kwargs = {"child_relation": cls(*args, **kwargs)}
        list_kwargs.update(
            {key: value for key, value in kwargs.items() if key in MANY_RELATION_KWARGS}
        )
        return VisibleManyRelatedField(**list_kwargs)

    def to_representation(self, value):
        if not is_visible(value, self.context):
            return None
        return {**super().to_representation(value), **snippet_details(value)}


def respect_privacy(serializer_class):
    """The serializer class with every relation, nested ones included, privacy-checked.

    Wagtail builds nested serializers for inline children (a resource's files, an area's
    featured items) from its plain base class, so the whole tree is rebuilt here.
    """
    if getattr(serializer_class, "_respects_privacy", False):
        return serializer_class
    children = {
        name: respect_privacy(child)
        for name, child in serializer_class.child_serializer_classes.items()
    }
    return type(
        serializer_class.__name__,
        (serializer_class,),
        {
            "serializer_related_field": VisibleRelatedField,
            "child_serializer_classes": children,
            "_respects_privacy": True,
        },
    )


# --- Throttling and CORS -----------------------------------------------------------------

CORS_METHODS = ("GET", "HEAD", "OPTIONS")


def allow_cross_origin_reads(request, response):
    """Let browsers on the configured origins read API responses, and nothing more."""
    origin = request.headers.get("Origin")
    allowed = getattr(settings, "API_CORS_ORIGINS", [])
    patch_vary_headers(response, ["Origin"])
    if not origin or request.method not in CORS_METHODS:
        return
    if origin not in allowed and "*" not in allowed:
        return
    response["Access-Control-Allow-Origin"] = "*" if "*" in allowed else origin
    response["Access-Control-Allow-Methods"] = ", ".join(CORS_METHODS)
    response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, Content-Type"
    response["Access-Control-Max-Age"] = "86400"


class PortalAPIMixin(BadInputMixin):
    def get_throttles(self):
        # Read per request: APIView.throttle_classes was fixed when DRF was imported.
        return [throttle() for throttle in api_settings.DEFAULT_THROTTLE_CLASSES]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        allow_cross_origin_reads(request, response)
        if response.status_code == 404:
            # Workaround, URL-config swap. The gap: Django's LocaleMiddleware turns a 404 outside
            # the language prefix into a redirect to /<language>/<path> whenever that path
            # resolves, and Wagtail's catch-all page route under i18n_patterns resolves every
            # path; Django offers no per-view opt-out. API clients need the 404 itself, so the
            # 404 is judged against this module's URLs, where nothing is prefixed. It can go when
            # the API is served where LocaleMiddleware does not run (its own host or URL
            # configuration without i18n_patterns) or Django lets a view opt out of the
            # redirect; tests/test_api.py checks the 404 stays a 404.
            request._request.urlconf = __name__
        return response

    @classmethod
    def _get_serializer_class(cls, *args, **kwargs):
        return respect_privacy(super()._get_serializer_class(*args, **kwargs))


# --- Endpoints ---------------------------------------------------------------------------


class PortalPagesAPIViewSet(PortalAPIMixin, PagesAPIViewSet):
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        TaxonomyFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(TAXONOMY_PARAMETERS)


class DocumentFormatField(Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, document):
        return document.format_label


class DocumentSizeField(Field):
    """The size in bytes; null when the file has gone missing from storage."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, document):
        return document.get_file_size()


DOCUMENT_FIELDS = ["language", "format", "size"]


class PortalDocumentsAPIViewSet(PortalAPIMixin, DocumentsAPIViewSet):
    filter_backends = [*DocumentsAPIViewSet.filter_backends[:-1], GuardedSearchFilter]
    body_fields = DocumentsAPIViewSet.body_fields + DOCUMENT_FIELDS
    listing_default_fields = DocumentsAPIViewSet.listing_default_fields + DOCUMENT_FIELDS
    nested_default_fields = DocumentsAPIViewSet.nested_default_fields + DOCUMENT_FIELDS

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {
            **super().get_field_serializer_overrides(model),
            "format": DocumentFormatField(read_only=True),
            "size": DocumentSizeField(read_only=True),
        }


class PortalImagesAPIViewSet(PortalAPIMixin, ImagesAPIViewSet):
    filter_backends = [*ImagesAPIViewSet.filter_backends[:-1], GuardedSearchFilter]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)

# Mounted by portal.urls; also the URL configuration a 404 is judged by (see finalize_response).
urlpatterns = [path("api/v2/", api_router.urls)]
