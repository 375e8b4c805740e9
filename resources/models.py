"""The resource library: publications, tools, videos and datasets, and kits that order them."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.localization import localize, localized_all
from core.pages import BasePage, SectionIndexPage
from core.request_cache import active_locale_id
from core.visibility import public_pages
from multilingual.listings import mark, source_value, under_q
from taxonomy.pages import TaxonomyMixin

from .blocks import KitSectionBlock
from .forms import ResourcePageForm

PAGE_SIZE = 12


def get_page_number(request):
    """A page number from the query string; anything odd means the first page."""
    try:
        return max(1, int(request.GET.get("page", 1)))
    except (TypeError, ValueError):
        return 1


def card_terms():
    """Annotations naming each resource's type and publisher as cards show them, localised.

    Read as subqueries of the listing's own query: localising the two terms afterwards cost
    two more queries per listing in every language but the default. `card_type` and
    `card_publisher` (acronym, else name) and `card_publisher_name` fall back to the linked term when it has no
    translation in the visitor's language.
    """
    locale_id = active_locale_id()

    def translated(field, column):
        model = ResourcePage._meta.get_field(field).related_model
        rows = model.objects.filter(
            translation_key=OuterRef(f"{field}__translation_key"), locale_id=locale_id
        )
        return Subquery(rows.values(column)[:1])

    return {
        "card_type": Coalesce(translated("resource_type", "name"), F("resource_type__name")),
        "card_publisher": Coalesce(
            NullIf(translated("organisation", "acronym"), Value("")),
            translated("organisation", "name"),
            NullIf(F("organisation__acronym"), Value("")),
            F("organisation__name"),
        ),
        # The full name too, so a card can expand the acronym where it is first used.
        "card_publisher_name": Coalesce(
            translated("organisation", "name"), F("organisation__name")
        ),
    }


class ResourceLibraryPage(SectionIndexPage):
    section_key = "library"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage", "resources.ResourceKitPage"]

    class Meta:
        verbose_name = _("resource library")
        verbose_name_plural = _("resource libraries")

    def get_context(self, request, *args, **kwargs):
        from taxonomy.models import ResourceType, Topic

        context = super().get_context(request, *args, **kwargs)
        resources = (
            public_pages(ResourcePage.objects.filter(under_q(self)))
            .select_related(*ResourcePage.display_related)
            .annotate(**card_terms())
            .annotate(published=source_value("first_published_at"))
            .order_by("-year", "-published")
        )
        filters = {}
        type_slug = request.GET.get("type", "")
        topic_slug = request.GET.get("topic", "")
        if type_slug:
            resources = resources.filter(resource_type__slug=type_slug)
            filters["type"] = type_slug
        if topic_slug:
            resources = resources.filter(topics__slug=topic_slug).distinct()
            filters["topic"] = topic_slug
        paginator = Paginator(resources, PAGE_SIZE)
        try:
            page_obj = paginator.page(get_page_number(request))
        except (EmptyPage, PageNotAnInteger):
            page_obj = paginator.page(paginator.num_pages)
        page_obj.object_list = mark(page_obj.object_list, request)
        default_terms = {"locale__language_code": settings.LANGUAGE_CODE}
        context.update(
            resources=page_obj,
            filters=filters,
            kits=mark(
                public_pages(ResourceKitPage.objects.filter(under_q(self)))
                .select_related("listing_image")
                .order_by("title"),
                request,
            ),
            resource_types=localized_all(ResourceType.objects.filter(**default_terms)),
            topics=localized_all(Topic.objects.filter(**default_terms)),
        )
        return context


class ResourcePage(TaxonomyMixin, BasePage):
    resource_type = models.ForeignKey(
        "taxonomy.ResourceType",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("resource type"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    external_url = models.URLField(
        _("external link"),
        blank=True,
        max_length=500,
        help_text=_("For resources hosted elsewhere, such as a database."),
    )
    organisation = models.ForeignKey(
        "taxonomy.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("publisher or organisation"),
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    related_areas = ParentalManyToManyField(
        "content_areas.ContentAreaPage",
        blank=True,
        related_name="related_resources",
        verbose_name=_("related content areas"),
    )
    citation = models.TextField(_("suggested citation"), blank=True)

    parent_page_types = ["resources.ResourceLibraryPage"]
    subpage_types = []
    base_form_class = ResourcePageForm

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [InlinePanel("files", label=_("File")), FieldPanel("external_url")],
            heading=_("Files and links"),
        ),
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("year"), FieldPanel("citation")],
            heading=_("Publication details"),
        ),
    ]
    taxonomy_panels = (
        [FieldPanel("resource_type")]
        + TaxonomyMixin.taxonomy_panels
        + [
            FieldPanel("related_areas"),
        ]
    )
    edit_handler = BasePage.build_tabs(content_panels, taxonomy_panels)

    search_fields = (
        BasePage.search_fields
        + TaxonomyMixin.taxonomy_search_fields
        + [
            index.SearchField("body"),
            # Not the suggested citation: it repeats the title, organisation and year, which
            # are indexed already, and filled search snippets with that repetition.
            index.RelatedFields(
                "organisation", [index.SearchField("name"), index.SearchField("acronym")]
            ),
            index.RelatedFields("resource_type", [index.SearchField("name")]),
            index.FilterField("resource_type"),
            index.FilterField("year"),
            index.SearchField("attached_file_text"),
        ]
    )
    search_prefetch_related = ["files__document__collection"]  # read by search's indexing
    api_fields = (
        BasePage.api_fields
        + TaxonomyMixin.taxonomy_api_fields
        + [
            APIField("resource_type"),
            APIField("body"),
            APIField("files"),
            APIField("external_url"),
            APIField("organisation"),
            APIField("year"),
            APIField("related_areas"),
            APIField("citation"),
        ]
    )
    override_translatable_fields = (
        BasePage.override_translatable_fields
        + TaxonomyMixin.taxonomy_synchronized_fields
        + [
            SynchronizedField("resource_type"),
            SynchronizedField("organisation"),
            SynchronizedField("related_areas"),
        ]
    )

    display_related = BasePage.display_related + ("resource_type", "organisation")

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    @cached_property
    def file_list(self):
        return [f for f in self.files.select_related("document") if f.document_id]

    @cached_property
    def attached_file_text(self):
        """The text of the public PDF and DOCX files, so search finds a resource by them."""
        from search.documents import public_text

        return public_text(f.document for f in self.files.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_areas"] = mark(
            localized_all(public_pages(self.related_areas.all())), request
        )
        localize([self.resource_type, self.organisation])
        return context


class ResourcePageFile(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )
    label = models.CharField(
        _("link text"),
        max_length=255,
        blank=True,
        help_text=_("Leave blank to use the document's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]
    api_fields = [APIField("document"), APIField("label")]

    def __str__(self):
        return self.label or self.document.title


class ResourceKitPage(TaxonomyMixin, BasePage):
    """A curated, ordered path through resources for one task, with an editor's guidance."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    how_to_use = RichTextField(_("how to use this kit"), blank=True, features=RICH_TEXT_FEATURES)
    sections = StreamField([("section", KitSectionBlock())], blank=True, verbose_name=_("sections"))

    parent_page_types = ["resources.ResourceLibraryPage"]
    subpage_types = []
    editorial_peer_review = True  # peer-reviewed from the start (editorial.roles)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("introduction"),
        FieldPanel("how_to_use"),
        FieldPanel("sections"),
    ]
    edit_handler = BasePage.build_tabs(content_panels, TaxonomyMixin.taxonomy_panels)
    search_fields = (
        BasePage.search_fields
        + TaxonomyMixin.taxonomy_search_fields
        + [
            index.SearchField("introduction"),
            index.SearchField("how_to_use"),
            index.SearchField("sections"),
        ]
    )
    api_fields = (
        BasePage.api_fields
        + TaxonomyMixin.taxonomy_api_fields
        + [
            APIField("introduction"),
            APIField("how_to_use"),
            APIField("sections"),
        ]
    )
    override_translatable_fields = (
        BasePage.override_translatable_fields + TaxonomyMixin.taxonomy_synchronized_fields
    )

    class Meta:
        verbose_name = _("resource kit")
        verbose_name_plural = _("resource kits")

    def get_context(self, request, *args, **kwargs):
        """Swaps each item's resource for its visible version in the visitor's language.

        All the kit's resources are read in one query, with their types and publishers, so
        the sections' template costs nothing per item; hidden or withdrawn ones drop out, and
        those not translated yet are marked and linked at their fallback address.
        """
        context = super().get_context(request, *args, **kwargs)
        items = [item for section in self.sections for item in section.value["items"]]
        ids = [item["resource"].pk for item in items if item["resource"]]
        if ids:
            shown = mark(
                localized_all(
                    public_pages(ResourcePage.objects.filter(pk__in=ids)), **card_terms()
                ),
                request,
            )
            by_key = {resource.translation_key: resource for resource in shown}
            for item in items:
                if item["resource"]:
                    item["resource"] = by_key.get(item["resource"].translation_key)
        return context
