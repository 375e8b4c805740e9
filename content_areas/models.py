"""Content areas: one page per topic, all with the same standardised structure.

The knowledge-management plan asks that every area read alike, so a visitor who knows one
area knows where to look in all of them: summary, key facts, approaches and good practices,
the area's kits, case studies and modules, its specialists, and when it was last reviewed.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import KeyFigureBlock
from core.pages import BasePage, TaxonomyMixin

from .blocks import ApproachesBlock


class ContentAreaIndexPage(BasePage):
    introduction = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["content_areas.ContentAreaPage"]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [FieldPanel("summary"), FieldPanel("introduction")]
    edit_handler = BasePage.build_tabs(content_panels)
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    api_fields = BasePage.api_fields + [APIField("introduction")]

    class Meta:
        verbose_name = _("content area index")
        verbose_name_plural = _("content area indexes")

    def areas(self):
        return ContentAreaPage.objects.child_of(self).live().public().specific()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["areas"] = self.areas().select_related("listing_image")
        return context


class ContentAreaPage(TaxonomyMixin, BasePage):
    key_figures = StreamField(
        [("figure", KeyFigureBlock())], blank=True, verbose_name=_("key facts and figures"),
    )
    approaches = StreamField(ApproachesBlock(), blank=True,
                             verbose_name=_("approaches and good practices"))
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    parent_page_types = ["content_areas.ContentAreaIndexPage", "content_areas.ContentAreaPage"]
    subpage_types = ["content_areas.ContentAreaPage"]

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("key_figures"),
        FieldPanel("approaches"),
        MultiFieldPanel(
            [InlinePanel("featured_items", label=_("Featured kit, case study, module or resource"))],
            heading=_("The area's knowledge products"),
            help_text=_("Picked by editors and shown first; the latest resources on the "
                        "area's topics are listed automatically below them."),
        ),
        InlinePanel("specialists", label=_("Responsible technical specialist")),
        FieldPanel("last_reviewed"),
    ]
    edit_handler = BasePage.build_tabs(content_panels, TaxonomyMixin.taxonomy_panels)

    search_fields = BasePage.search_fields + TaxonomyMixin.taxonomy_search_fields + [
        index.SearchField("key_figures"),
        index.SearchField("approaches"),
    ]
    api_fields = BasePage.api_fields + TaxonomyMixin.taxonomy_api_fields + [
        APIField("key_figures"), APIField("approaches"), APIField("last_reviewed"),
        APIField("featured_items"), APIField("specialists"),
    ]
    override_translatable_fields = (
        BasePage.override_translatable_fields
        + TaxonomyMixin.taxonomy_synchronized_fields
        + [SynchronizedField("last_reviewed")]
    )

    class Meta:
        verbose_name = _("content area")
        verbose_name_plural = _("content areas")

    @classmethod
    def can_create_at(cls, parent):
        """Areas nest one level only: an area under an area, never deeper."""
        parent = parent.specific
        if isinstance(parent, ContentAreaPage) and not isinstance(
            parent.get_parent().specific, ContentAreaIndexPage
        ):
            return False
        return super().can_create_at(parent)

    @property
    def is_sub_area(self):
        return isinstance(self.get_parent().specific, ContentAreaPage)

    def sub_areas(self):
        return ContentAreaPage.objects.child_of(self).live().public()

    def featured(self):
        """Editor-picked products grouped by kind, in the visitor's language where it exists."""
        groups = {}
        linked_ids = list(self.featured_items.values_list("linked_page_id", flat=True))
        visible = {p.pk: p for p in Page.objects.live().public().filter(pk__in=linked_ids)}
        for page_id in linked_ids:
            if page_id in visible:
                page = visible[page_id].localized.specific
                groups.setdefault(page.specific_class._meta.verbose_name_plural, []).append(page)
        return groups

    def latest_resources(self, limit=6):
        """The newest resources linked to this area or sharing its topics, in this locale."""
        from resources.models import ResourcePage

        # Match on translation keys: translated pages keep pointing at default-language terms
        # and areas, while pages written natively in a locale may point at local ones.
        topic_keys = list(self.topics.values_list("translation_key", flat=True))
        match = models.Q(related_areas__translation_key=self.translation_key)
        if topic_keys:
            match |= models.Q(topics__translation_key__in=topic_keys)
        return (
            ResourcePage.objects.live().public().filter(locale=self.locale).filter(match)
            .distinct().select_related("resource_type", "listing_image")
            .order_by("-first_published_at")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_groups"] = self.featured()
        context["latest_resources"] = self.latest_resources()
        context["sub_areas"] = self.sub_areas()
        context["specialists"] = [
            s.person.localized for s in self.specialists.select_related("person__photo")
        ]
        return context


class ContentAreaFeaturedItem(Orderable):
    page = ParentalKey(ContentAreaPage, on_delete=models.CASCADE, related_name="featured_items")
    linked_page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page"),
    )

    panels = [PageChooserPanel("linked_page", [
        "resources.ResourceKitPage", "case_studies.CaseStudyPage",
        "learning.ELearningModulePage", "resources.ResourcePage",
    ])]
    api_fields = [APIField("linked_page")]


class ContentAreaSpecialist(Orderable):
    page = ParentalKey(ContentAreaPage, on_delete=models.CASCADE, related_name="specialists")
    person = models.ForeignKey("core.Person", on_delete=models.CASCADE, related_name="+",
                               verbose_name=_("person"))

    panels = [FieldPanel("person")]
    api_fields = [APIField("person")]
