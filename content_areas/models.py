"""Content areas: one page per topic, all with the same standardised structure.

The knowledge-management plan asks that every area read alike, so a visitor who knows one
area knows where to look in all of them: summary, key facts, approaches and good practices,
the area's kits, case studies and modules, its specialists, and when it was last reviewed.
"""

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import KeyFigureBlock
from core.fragments import fragment
from core.images import attach_renditions
from core.localization import localized_all
from core.models import Person
from core.pages import BasePage, SectionIndexPage
from core.request_cache import memoise
from core.serving import route_chain
from core.visibility import public_pages
from multilingual.listings import (
    in_source_order,
    in_visitor_language_q,
    mark,
    source_path,
    source_value,
    under_q,
)
from resources.models import ResourcePage, card_terms
from taxonomy.pages import TaxonomyMixin

from .blocks import ApproachesBlock

# What editors may feature on an area (the featured item's page chooser offers the same).
FEATURED_TYPES = [
    "resources.ResourceKitPage",
    "case_studies.CaseStudyPage",
    "learning.ELearningModulePage",
    "resources.ResourcePage",
]


class ContentAreaIndexPage(SectionIndexPage):
    introduction = models.TextField(_("introduction"), blank=True)

    section_key = "areas"
    children_are_areas = True
    parent_page_types = ["home.HomePage"]
    subpage_types = ["content_areas.ContentAreaPage"]

    class Meta:
        verbose_name = _("content area index")
        verbose_name_plural = _("content area indexes")

    @classmethod
    def navigation_children(cls, section, request=None):
        """The top-level areas, in the main navigation under the content areas."""
        return [area for area in public_areas(section, request) if area.depth == section.depth + 1]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["areas"] = [
            area for area in public_areas(self, request) if area.depth == self.depth + 1
        ]
        return context


def editor_order(item):
    """Sort key for rows annotated with an Orderable's `position` (None: unordered, last)."""
    return (item.position is None, item.position or 0)


def public_areas(index, request=None):
    """Every live, public content area under `index` (areas and sub-areas), once per request.

    The main navigation lists the areas, the index shows them as cards and an area its
    sub-areas: one query serves them all. In a language other than the default, the areas not
    translated into it come in the default language, marked (multilingual.listings), and
    everything is in the default tree's order; `sub_areas_of` finds an area's sub-areas.
    """

    def build():
        areas = ContentAreaPage.objects.filter(under_q(index, descendants=True))
        areas = (
            public_pages(areas).select_related("listing_image").annotate(source_path=source_path())
        )
        return mark(in_source_order(areas), request)

    # Alike for every anonymous visitor of the language: built once per content change.
    return memoise(
        ("content_areas", index.pk),
        lambda: fragment(
            request, "content-areas", [index.pk], build, before_storing=attach_renditions
        ),
    )


def sub_areas_of(areas, area):
    """The sub-areas of `area` among `areas` (public_areas), in any language.

    Read by position in the default tree (`tree_path`): an English sub-area not translated yet
    belongs under the French translation of its English parent.
    """
    anchor = next((item for item in areas if item.pk == area.pk), None)
    if anchor is None:
        return []
    return [
        item
        for item in areas
        if item.depth == area.depth + 1 and item.tree_path.startswith(anchor.tree_path)
    ]


class ContentAreaPage(TaxonomyMixin, BasePage):
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        blank=True,
        verbose_name=_("key facts and figures"),
    )
    approaches = StreamField(
        ApproachesBlock(), blank=True, verbose_name=_("approaches and good practices")
    )

    parent_page_types = ["content_areas.ContentAreaIndexPage", "content_areas.ContentAreaPage"]
    subpage_types = ["content_areas.ContentAreaPage"]

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("key_figures"),
        FieldPanel("approaches"),
        MultiFieldPanel(
            [
                InlinePanel(
                    "featured_items", label=_("Featured kit, case study, module or resource")
                )
            ],
            heading=_("The area's knowledge products"),
            help_text=_(
                "Picked by editors and shown first; the latest resources on the "
                "area's topics are listed automatically below them."
            ),
        ),
        InlinePanel("specialists", label=_("Responsible technical specialist")),
    ]
    edit_handler = BasePage.build_tabs(content_panels, TaxonomyMixin.taxonomy_panels)

    search_fields = (
        BasePage.search_fields
        + TaxonomyMixin.taxonomy_search_fields
        + [
            index.SearchField("key_figures"),
            index.SearchField("approaches"),
        ]
    )
    api_fields = (
        BasePage.api_fields
        + TaxonomyMixin.taxonomy_api_fields
        + [
            APIField("key_figures"),
            APIField("approaches"),
            APIField("last_reviewed"),
            APIField("featured_items"),
            APIField("specialists"),
        ]
    )
    override_translatable_fields = (
        BasePage.override_translatable_fields + TaxonomyMixin.taxonomy_synchronized_fields
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
        return issubclass(self.get_parent().specific_class, ContentAreaPage)

    def sub_areas(self, request=None):
        """The visible sub-areas, with those not translated into the visitor's language."""
        index = next(
            (
                page
                for page in reversed(route_chain(request))
                if issubclass(page.specific_class, ContentAreaIndexPage)
            ),
            None,
        )
        if index is None:  # not served by the fast route: read this area's own sub-areas
            areas = public_pages(ContentAreaPage.objects.filter(under_q(self)))
            areas = areas.select_related("listing_image").annotate(source_path=source_path())
            return mark(in_source_order(areas), request)
        return sub_areas_of(public_areas(index, request), self)

    def featured(self, request=None):
        """Editor-picked products grouped by kind, in the visitor's language where it exists.

        One query per kind of product that may be featured, however many are. Those not
        translated yet are marked (multilingual.listings) and linked at their fallback address.
        """
        items = ContentAreaFeaturedItem.objects.filter(page=self)
        position = Subquery(
            items.filter(linked_page__translation_key=OuterRef("translation_key")).values(
                "sort_order"
            )[:1]
        )
        picked = []
        for label in FEATURED_TYPES:
            model = apps.get_model(label)
            sources = public_pages(model.objects.filter(pk__in=items.values("linked_page_id")))
            terms = card_terms() if model is ResourcePage else {}
            picked += localized_all(sources, position=position, **terms)
        picked.sort(key=editor_order)
        mark(picked, request)
        groups = {}
        for page in picked:
            groups.setdefault(page._meta.verbose_name_plural, []).append(page)
        return groups

    def latest_resources(self, limit=6, request=None):
        """The newest resources linked to this area or sharing its topics.

        In the visitor's language, with the default-language ones not translated into it.
        """
        # Match on translation keys: translated pages keep pointing at default-language terms
        # and areas, while pages written natively in a locale may point at local ones.
        # EXISTS rather than joins: joining both many-to-many tables needed a DISTINCT over
        # every selected column, and PostgreSQL spent 18 ms planning that (1 ms running it).
        areas = ResourcePage.related_areas.through.objects.filter(
            resourcepage_id=OuterRef("pk"), contentareapage__translation_key=self.translation_key
        )
        topics = ResourcePage.topics.through.objects.filter(
            resourcepage_id=OuterRef("pk"),
            topic__translation_key__in=self.topics.values_list("translation_key", flat=True),
        )
        return mark(
            public_pages(ResourcePage.objects.filter(in_visitor_language_q()))
            .filter(Exists(areas) | Exists(topics))
            .select_related(*ResourcePage.display_related)
            .annotate(**card_terms())
            .annotate(published=source_value("first_published_at"))
            .order_by("-published")[:limit],
            request,
        )

    def specialists_localized(self):
        """The area's specialists in the editors' order, in the visitor's language."""
        chosen = ContentAreaSpecialist.objects.filter(page=self)
        position = Subquery(
            chosen.filter(person__translation_key=OuterRef("translation_key")).values("sort_order")[
                :1
            ]
        )
        people = localized_all(
            Person.objects.filter(pk__in=chosen.values("person_id")), position=position
        )
        return sorted(people, key=editor_order)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def listings():
            return {
                "featured_groups": self.featured(request),
                "latest_resources": self.latest_resources(request=request),
                "sub_areas": self.sub_areas(request),
                "specialists": self.specialists_localized(),
            }

        # Public pages and people only, alike for every anonymous visitor of the language:
        # built once per content change (core.fragments), never for a preview or a signed-in
        # visitor.
        def renditions(listings):
            attach_renditions(
                [
                    *(page for pages in listings["featured_groups"].values() for page in pages),
                    *listings["latest_resources"],
                    *listings["sub_areas"],
                ]
            )
            attach_renditions(listings["specialists"], field="photo")

        context.update(
            fragment(
                request,
                "content-area-listings",
                [self.pk],
                listings,
                before_storing=renditions,
            )
        )
        return context


class ContentAreaFeaturedItem(Orderable):
    page = ParentalKey(ContentAreaPage, on_delete=models.CASCADE, related_name="featured_items")
    linked_page = models.ForeignKey(
        Page,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )

    panels = [PageChooserPanel("linked_page", FEATURED_TYPES)]
    api_fields = [APIField("linked_page")]


class ContentAreaSpecialist(Orderable):
    page = ParentalKey(ContentAreaPage, on_delete=models.CASCADE, related_name="specialists")
    person = models.ForeignKey(
        "core.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )

    panels = [FieldPanel("person")]
    api_fields = [APIField("person")]
