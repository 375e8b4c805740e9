"""Case studies, all with the structure the networks already use for them.

Background; who was supported and how; successes with figures; challenges; lessons learned;
voices of participants; funders. Keeping the structure fixed makes case studies comparable
and lets reviewers see at a glance what is missing.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import (
    RICH_TEXT_FEATURES,
    HeadingBlock,
    ImageBlock,
    KeyFiguresBlock,
    ParagraphBlock,
    QuoteBlock,
)
from core.localization import localize_related, localized_all
from core.pages import BasePage, SectionIndexPage
from core.visibility import public_pages
from core.widgets import FilterableCheckboxSelectMultiple
from multilingual.listings import mark, source_value, under_q
from resources.models import ResourcePage
from taxonomy.pages import TaxonomyMixin
from taxonomy.serializers import TermSerializer


class CaseStudyIndexPage(SectionIndexPage):
    section_key = "case_studies"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["case_studies.CaseStudyPage"]

    class Meta:
        verbose_name = _("case study index")
        verbose_name_plural = _("case study indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["case_studies"] = mark(
            public_pages(CaseStudyPage.objects.filter(under_q(self)))
            .select_related("listing_image")
            .annotate(published=source_value("first_published_at"))
            .order_by("-year", "-published"),
            request,
        )
        return context


class SuccessesBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    key_figures = KeyFiguresBlock()
    image = ImageBlock()

    class Meta:
        template = "blocks/stream_block.html"


class CaseStudyPage(TaxonomyMixin, BasePage):
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    background = RichTextField(_("background"), blank=True, features=RICH_TEXT_FEATURES)
    support = RichTextField(_("who was supported and how"), blank=True, features=RICH_TEXT_FEATURES)
    partners = ParentalManyToManyField(
        "taxonomy.Organisation", blank=True, related_name="+", verbose_name=_("partners")
    )
    successes = StreamField(SuccessesBlock(), blank=True, verbose_name=_("successes"))
    challenges = RichTextField(_("challenges"), blank=True, features=RICH_TEXT_FEATURES)
    lessons_learned = StreamField(
        [("lesson", blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("lesson")))],
        blank=True,
        verbose_name=_("lessons learned"),
    )
    quotes = StreamField([("quote", QuoteBlock())], blank=True, verbose_name=_("quotes"))
    funders = ParentalManyToManyField(
        "taxonomy.Organisation", blank=True, related_name="+", verbose_name=_("funders")
    )
    source_note = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where the case study was first published, when it comes from elsewhere."),
    )

    parent_page_types = ["case_studies.CaseStudyIndexPage"]
    subpage_types = []
    editorial_peer_review = True  # peer-reviewed from the start (editorial.roles)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("background"),
        MultiFieldPanel(
            [
                FieldPanel("support"),
                FieldPanel("partners", widget=FilterableCheckboxSelectMultiple),
            ],
            heading=_("Who was supported and how"),
        ),
        FieldPanel("successes"),
        FieldPanel("challenges"),
        FieldPanel("lessons_learned"),
        FieldPanel("quotes"),
        InlinePanel("related_resources", label=_("Related resource")),
    ]
    details_panels = [
        FieldPanel("year"),
        FieldPanel("funders", widget=FilterableCheckboxSelectMultiple),
        FieldPanel("source_note"),
    ]
    edit_handler = BasePage.build_tabs(
        content_panels,
        TaxonomyMixin.taxonomy_panels + details_panels,
    )
    search_fields = (
        BasePage.search_fields
        + TaxonomyMixin.taxonomy_search_fields
        + [
            index.SearchField("background"),
            index.SearchField("support"),
            index.SearchField("successes"),
            index.SearchField("challenges"),
            index.SearchField("lessons_learned"),
            index.SearchField("quotes"),
            index.RelatedFields(
                "partners", [index.SearchField("name"), index.SearchField("acronym")]
            ),
            index.FilterField("year"),
        ]
    )
    api_fields = (
        BasePage.api_fields
        + TaxonomyMixin.taxonomy_api_fields
        + [
            APIField("year"),
            APIField("background"),
            APIField("support"),
            APIField("partners", serializer=TermSerializer(many=True)),
            APIField("successes"),
            APIField("challenges"),
            APIField("lessons_learned"),
            APIField("quotes"),
            APIField("funders", serializer=TermSerializer(many=True)),
            APIField("source_note"),
            APIField("related_resources"),
        ]
    )
    override_translatable_fields = (
        BasePage.override_translatable_fields
        + TaxonomyMixin.taxonomy_synchronized_fields
        + [SynchronizedField("partners"), SynchronizedField("funders")]
    )

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resource_ids = self.related_resources.values_list("resource_id", flat=True)
        related = mark(
            localized_all(public_pages(ResourcePage.objects.filter(pk__in=resource_ids))), request
        )
        localize_related(related, "resource_type")
        context["related_pages"] = related
        return context


class CaseStudyRelatedResource(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="related_resources")
    resource = models.ForeignKey(
        "resources.ResourcePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("resource"),
    )

    panels = [PageChooserPanel("resource")]
    api_fields = [APIField("resource")]
