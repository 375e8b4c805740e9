"""The home page: one per language root."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from core.fragments import fragment
from core.images import attach_renditions
from core.localization import localized_all
from core.pages import BasePage
from core.visibility import public_pages
from multilingual.listings import in_source_order, mark, source_path, source_value, under_q


class HomePage(BasePage):
    introduction = models.TextField(_("introduction"), blank=True)
    featured_case_study = models.ForeignKey(
        "case_studies.CaseStudyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("featured case study"),
    )
    featured_module = models.ForeignKey(
        "learning.ELearningModulePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("featured eLearning module"),
    )

    parent_page_types = ["wagtailcore.Page"]
    editorial_language_root = True  # translators' permissions (editorial.roles)
    subpage_types = [
        "content_areas.ContentAreaIndexPage",
        "resources.ResourceLibraryPage",
        "case_studies.CaseStudyIndexPage",
        "learning.ELearningIndexPage",
        "programmes.ProgrammeIndexPage",
        "communities.CommunityPage",
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("featured_areas", label=_("Featured content area"), max_num=6),
        MultiFieldPanel(
            [PageChooserPanel("featured_case_study"), PageChooserPanel("featured_module")],
            heading=_("Featured"),
        ),
    ]
    edit_handler = BasePage.build_tabs(content_panels)
    api_fields = BasePage.api_fields + [
        APIField("introduction"),
        APIField("featured_areas"),
        APIField("featured_case_study"),
        APIField("featured_module"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from case_studies.models import CaseStudyPage
        from content_areas.models import ContentAreaPage
        from learning.models import ELearningModulePage
        from resources.models import ResourcePage, card_terms

        context = super().get_context(request, *args, **kwargs)

        def featured(model, ids):
            """The visible pages among `ids`, each in the visitor's language, in one query.

            Those not translated into it yet are marked and linked at their fallback address;
            all come in the default tree's order.
            """
            pages = localized_all(
                public_pages(model.objects.filter(pk__in=ids)), source_path=source_path()
            )
            return mark(in_source_order(pages), request)

        def listings():
            case_study = self.featured_case_study_id and featured(
                CaseStudyPage, [self.featured_case_study_id]
            )
            module = self.featured_module_id and featured(
                ELearningModulePage, [self.featured_module_id]
            )
            # This home page's resources, and the default home's not translated into its
            # language.
            latest_resources = mark(
                public_pages(ResourcePage.objects.filter(under_q(self, descendants=True)))
                .select_related(*ResourcePage.display_related)
                .annotate(**card_terms())
                .annotate(published=source_value("first_published_at"))
                .order_by("-published")[:6],
                request,
            )
            return {
                "featured_areas": featured(ContentAreaPage, self.featured_areas.values("area_id")),
                "featured_case_study": case_study[0] if case_study else None,
                "featured_module": module[0] if module else None,
                "latest_resources": latest_resources,
            }

        # Public pages only, alike for every anonymous visitor of the language: built once per
        # content change (core.fragments). A preview renders this page's own draft, not a
        # stored version of it (fragments are never read for previews).
        context.update(
            fragment(request, "home-listings", [self.pk], listings, before_storing=_renditions)
        )
        return context


def _renditions(listings):
    attach_renditions(
        [
            *listings["featured_areas"],
            listings["featured_case_study"],
            listings["featured_module"],
            *listings["latest_resources"],
        ]
    )


class HomePageFeaturedArea(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_areas")
    area = models.ForeignKey(
        "content_areas.ContentAreaPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("content area"),
    )

    panels = [PageChooserPanel("area")]
    api_fields = [APIField("area")]
