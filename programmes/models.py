"""Programmes: learning that happens together, in cohorts, on dated sessions.

The page (`ProgrammePage`) is content and is translated like every page: what the programme
is, for whom, in which languages, its modules and how to apply. Its runs (cohorts) and their
sessions are not content but dated facts that people register for, so they are plain models
(`records`) attached to the programme's source page and shared by all its translations: a
French visitor and a Spanish one see the same run with the same places left, and translating the
page never duplicates a run or anybody's registration.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.pages import BasePage, SectionIndexPage
from core.visibility import public_pages
from multilingual.listings import mark, under_q

from .records import Application, Attendance, Registration, Run, Session  # noqa: F401  (the models Django finds here)  # noqa: F401


class ModuleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    # An empty default, not None: wagtail-localize refuses a None text segment when a module
    # was saved without a description (e.g. built in code).
    description = blocks.TextBlock(label=_("description"), required=False, default="")

    class Meta:
        icon = "list-ol"
        label = _("module")
        template = "programmes/blocks/module.html"
        preview_value = {
            "title": "Understanding mental health",
            "description": "What mental health is, for children and for staff.",
        }


class ProgrammeIndexPage(SectionIndexPage):
    section_key = "programmes"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]

    class Meta:
        verbose_name = _("programmes index")
        verbose_name_plural = _("programmes indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = mark(
            public_pages(ProgrammePage.objects.filter(under_q(self)))
            .select_related("listing_image")
            .order_by("title"),
            request,
        )
        return context


class ProgrammePage(BasePage):
    """A programme in the visitor's language, with its runs and upcoming sessions."""

    introduction = RichTextField(_("what it is"), blank=True, features=RICH_TEXT_FEATURES)
    audience = models.CharField(_("for whom"), max_length=300, blank=True)
    languages_note = models.CharField(
        _("languages"),
        max_length=200,
        blank=True,
        help_text=_('In words, e.g. "English and Spanish".'),
    )
    modules = StreamField([("module", ModuleBlock())], blank=True, verbose_name=_("modules"))
    how_to_apply = RichTextField(_("how to apply"), blank=True, features=RICH_TEXT_FEATURES)

    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("introduction"),
        FieldPanel("audience"),
        FieldPanel("languages_note"),
        FieldPanel("modules"),
        FieldPanel("how_to_apply"),
    ]
    edit_handler = BasePage.build_tabs(content_panels)
    # Only the page's own text is indexed and served: runs, sessions, participants and meeting
    # links are records that neither the search index nor the API ever see.
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("audience"),
        index.SearchField("modules"),
        index.SearchField("how_to_apply"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("introduction"),
        APIField("audience"),
        APIField("languages_note"),
        APIField("modules"),
        APIField("how_to_apply"),
    ]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def source_key(self):
        return self.translation_key

    def runs(self):
        return Run.objects.filter(programme_key=self.translation_key).exclude(
            status=Run.Status.DRAFT
        )

    def upcoming_sessions(self):
        return (
            Session.objects.filter(
                programme_key=self.translation_key, starts_at__gte=timezone.now()
            )
            .exclude(run__status=Run.Status.DRAFT)
            .select_related("run")
            .order_by("starts_at")
        )

    def get_context(self, request, *args, **kwargs):
        from .timezones import zone_context

        context = super().get_context(request, *args, **kwargs)
        context.update(zone_context(request))
        context["runs"] = list(self.runs().order_by("starts_on"))
        context["sessions"] = list(self.upcoming_sessions())
        return context
