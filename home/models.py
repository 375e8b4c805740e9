"""The home page: one per language root."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page

from core.pages import BasePage


class HomePage(BasePage):
    introduction = models.TextField(_("introduction"), blank=True)
    featured_case_study = models.ForeignKey(
        "case_studies.CaseStudyPage", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("featured case study"),
    )
    featured_module = models.ForeignKey(
        "learning.ELearningModulePage", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("featured eLearning module"),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "content_areas.ContentAreaIndexPage",
        "resources.ResourceLibraryPage",
        "case_studies.CaseStudyIndexPage",
        "learning.ELearningIndexPage",
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
        APIField("introduction"), APIField("featured_areas"),
        APIField("featured_case_study"), APIField("featured_module"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def section(self, model):
        """This home's section of one kind (library, areas...), if it has one."""
        return model.objects.child_of(self).live().first()

    def get_context(self, request, *args, **kwargs):
        from content_areas.models import ContentAreaIndexPage, ContentAreaPage
        from resources.models import ResourceLibraryPage, ResourcePage

        context = super().get_context(request, *args, **kwargs)
        featured_area_ids = self.featured_areas.values_list("area_id", flat=True)
        areas = ContentAreaPage.objects.live().public().filter(pk__in=featured_area_ids)
        visible = Page.objects.live().public()
        case_study = self.featured_case_study
        module = self.featured_module
        if case_study and not visible.filter(pk=case_study.pk).exists():
            case_study = None
        if module and not visible.filter(pk=module.pk).exists():
            module = None
        context.update(
            featured_areas=[area.localized for area in areas],
            featured_case_study=case_study.localized if case_study else None,
            featured_module=module.localized if module else None,
            latest_resources=(
                ResourcePage.objects.live().public().descendant_of(self)
                .select_related("resource_type", "organisation", "listing_image")
                .order_by("-first_published_at")[:6]
            ),
            library=self.section(ResourceLibraryPage),
            areas_index=self.section(ContentAreaIndexPage),
        )
        return context


class HomePageFeaturedArea(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_areas")
    area = models.ForeignKey("content_areas.ContentAreaPage", on_delete=models.CASCADE,
                             related_name="+", verbose_name=_("content area"))

    panels = [PageChooserPanel("area")]
    api_fields = [APIField("area")]
