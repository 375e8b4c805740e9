"""The resource library: publications, tools, videos and datasets, and kits that order them."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
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
from core.pages import BasePage, TaxonomyMixin

from .blocks import KitSectionBlock
from .forms import ResourcePageForm

PAGE_SIZE = 12


def get_page_number(request):
    """A page number from the query string; anything odd means the first page."""
    try:
        return max(1, int(request.GET.get("page", 1)))
    except (TypeError, ValueError):
        return 1


class ResourceLibraryPage(BasePage):
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage", "resources.ResourceKitPage"]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [FieldPanel("summary"), FieldPanel("introduction")]
    edit_handler = BasePage.build_tabs(content_panels)
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    api_fields = BasePage.api_fields + [APIField("introduction")]

    class Meta:
        verbose_name = _("resource library")
        verbose_name_plural = _("resource libraries")

    def get_context(self, request, *args, **kwargs):
        from taxonomy.models import ResourceType, Topic

        context = super().get_context(request, *args, **kwargs)
        resources = (
            ResourcePage.objects.child_of(self).live().public()
            .select_related("resource_type", "organisation", "listing_image")
            .order_by("-year", "-first_published_at")
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
        default_terms = {"locale__language_code": settings.LANGUAGE_CODE}
        context.update(
            resources=page_obj,
            filters=filters,
            kits=ResourceKitPage.objects.child_of(self).live().public().order_by("title"),
            resource_types=[t.localized for t in ResourceType.objects.filter(**default_terms)],
            topics=[t.localized for t in Topic.objects.filter(**default_terms)],
        )
        return context


class ResourcePage(TaxonomyMixin, BasePage):
    resource_type = models.ForeignKey(
        "taxonomy.ResourceType", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("resource type"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    external_url = models.URLField(_("external link"), blank=True, max_length=500,
                                   help_text=_("For resources hosted elsewhere, such as a database."))
    organisation = models.ForeignKey(
        "taxonomy.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("publisher or organisation"),
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    related_areas = ParentalManyToManyField(
        "content_areas.ContentAreaPage", blank=True, related_name="related_resources",
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
    taxonomy_panels = [FieldPanel("resource_type")] + TaxonomyMixin.taxonomy_panels + [
        FieldPanel("related_areas"),
    ]
    edit_handler = BasePage.build_tabs(content_panels, taxonomy_panels)

    search_fields = BasePage.search_fields + TaxonomyMixin.taxonomy_search_fields + [
        index.SearchField("body"),
        index.SearchField("citation"),
        index.RelatedFields("organisation", [index.SearchField("name"), index.SearchField("acronym")]),
        index.RelatedFields("resource_type", [index.SearchField("name")]),
        index.FilterField("resource_type"),
        index.FilterField("year"),
    ]
    api_fields = BasePage.api_fields + TaxonomyMixin.taxonomy_api_fields + [
        APIField("resource_type"), APIField("body"), APIField("files"), APIField("external_url"),
        APIField("organisation"), APIField("year"), APIField("related_areas"), APIField("citation"),
    ]
    override_translatable_fields = (
        BasePage.override_translatable_fields
        + TaxonomyMixin.taxonomy_synchronized_fields
        + [
            SynchronizedField("resource_type"),
            SynchronizedField("organisation"),
            SynchronizedField("related_areas"),
        ]
    )

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    @cached_property
    def file_list(self):
        return [f for f in self.files.select_related("document") if f.document_id]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_areas"] = [area.localized for area in self.related_areas.live().public()]
        return context


class ResourcePageFile(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(settings.WAGTAILDOCS_DOCUMENT_MODEL, on_delete=models.CASCADE,
                                 related_name="+", verbose_name=_("document"))
    label = models.CharField(_("link text"), max_length=255, blank=True,
                             help_text=_("Leave blank to use the document's title."))

    panels = [FieldPanel("document"), FieldPanel("label")]
    api_fields = [APIField("document"), APIField("label")]

    def __str__(self):
        return self.label or self.document.title


class ResourceKitPage(TaxonomyMixin, BasePage):
    """A curated, ordered path through resources for one task, with an editor's guidance."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    how_to_use = RichTextField(_("how to use this kit"), blank=True, features=RICH_TEXT_FEATURES)
    sections = StreamField([("section", KitSectionBlock())], blank=True,
                           verbose_name=_("sections"))

    parent_page_types = ["resources.ResourceLibraryPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"), FieldPanel("introduction"), FieldPanel("how_to_use"),
        FieldPanel("sections"),
    ]
    edit_handler = BasePage.build_tabs(content_panels, TaxonomyMixin.taxonomy_panels)
    search_fields = BasePage.search_fields + TaxonomyMixin.taxonomy_search_fields + [
        index.SearchField("introduction"), index.SearchField("how_to_use"),
        index.SearchField("sections"),
    ]
    api_fields = BasePage.api_fields + TaxonomyMixin.taxonomy_api_fields + [
        APIField("introduction"), APIField("how_to_use"), APIField("sections"),
    ]
    override_translatable_fields = (
        BasePage.override_translatable_fields + TaxonomyMixin.taxonomy_synchronized_fields
    )

    class Meta:
        verbose_name = _("resource kit")
        verbose_name_plural = _("resource kits")
