"""eLearning: modules made of ordered lessons."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES
from core.pages import BasePage, SectionIndexPage
from core.visibility import public_pages
from multilingual.listings import in_source_order, mark, source_path, under_q
from taxonomy.pages import TaxonomyMixin

from .blocks import LessonStepsBlock


def format_duration(minutes):
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("%(minutes)d min") % {"minutes": rest}
    if not rest:
        return _("%(hours)d h") % {"hours": hours}
    return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": rest}


class ELearningIndexPage(SectionIndexPage):
    section_key = "learning"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["learning.ELearningModulePage"]

    class Meta:
        verbose_name = _("eLearning index")
        verbose_name_plural = _("eLearning indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["modules"] = mark(
            public_pages(ELearningModulePage.objects.filter(under_q(self)))
            .select_related("listing_image")
            .order_by("title"),
            request,
        )
        return context


class ELearningModulePage(TaxonomyMixin, BasePage):
    overview = RichTextField(_("overview"), blank=True, features=RICH_TEXT_FEATURES)
    learning_objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("objective")))],
        blank=True,
        verbose_name=_("learning objectives"),
        help_text=_("What a learner can do after the module, one per line."),
    )
    audience_note = models.CharField(
        _("who it is for"),
        max_length=255,
        blank=True,
        help_text=_("In a sentence; pick audiences under Classification too."),
    )
    estimated_minutes = models.PositiveIntegerField(
        _("estimated duration (minutes)"), null=True, blank=True
    )
    external_course_url = models.URLField(
        _("course platform link"),
        blank=True,
        help_text=_("Where learners enrol, if the module also runs on a course platform."),
    )

    parent_page_types = ["learning.ELearningIndexPage"]
    subpage_types = ["learning.LessonPage"]

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("overview"),
        FieldPanel("learning_objectives"),
        MultiFieldPanel(
            [
                FieldPanel("audience_note"),
                FieldPanel("estimated_minutes"),
                FieldPanel("external_course_url"),
            ],
            heading=_("Practical details"),
        ),
    ]
    edit_handler = BasePage.build_tabs(content_panels, TaxonomyMixin.taxonomy_panels)
    search_fields = (
        BasePage.search_fields
        + TaxonomyMixin.taxonomy_search_fields
        + [
            index.SearchField("overview"),
            index.SearchField("learning_objectives"),
            index.SearchField("audience_note"),
        ]
    )
    api_fields = (
        BasePage.api_fields
        + TaxonomyMixin.taxonomy_api_fields
        + [
            APIField("overview"),
            APIField("learning_objectives"),
            APIField("audience_note"),
            APIField("estimated_minutes"),
            APIField("external_course_url"),
            APIField("languages_available"),
        ]
    )
    override_translatable_fields = (
        BasePage.override_translatable_fields
        + TaxonomyMixin.taxonomy_synchronized_fields
        + [SynchronizedField("estimated_minutes")]
    )

    class Meta:
        verbose_name = _("eLearning module")
        verbose_name_plural = _("eLearning modules")

    @property
    def duration_display(self):
        return format_duration(self.estimated_minutes)

    @property
    def languages_available(self):
        """Derived from the module's live translations, so it can never go stale."""
        return sorted(
            self.get_translations(inclusive=True)
            .live()
            .values_list("locale__language_code", flat=True)
        )

    def lessons(self, request=None, fields=None):
        """The visible lessons in order, with those not translated into the visitor's language.

        `fields` limits the columns read (a lesson's navigation needs only titles and paths).
        """
        lessons = public_pages(LessonPage.objects.filter(under_q(self)))
        if fields:
            lessons = lessons.only(*fields)
        return mark(in_source_order(lessons.annotate(source_path=source_path())), request)

    def get_context(self, request, *args, **kwargs):
        from .learner import module_context

        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = self.lessons(request)
        context.update(module_context(self, context["lessons"], request))
        return context


class LessonPage(BasePage):
    estimated_minutes = models.PositiveIntegerField(
        _("estimated duration (minutes)"), null=True, blank=True
    )
    steps = StreamField(LessonStepsBlock(), blank=True, verbose_name=_("lesson content"))

    parent_page_types = ["learning.ELearningModulePage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("steps"),
    ]
    edit_handler = BasePage.build_tabs(content_panels)
    search_fields = BasePage.search_fields + [index.SearchField("steps")]
    api_fields = BasePage.api_fields + [APIField("estimated_minutes"), APIField("steps")]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("estimated_minutes")
    ]

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @property
    def duration_display(self):
        return format_duration(self.estimated_minutes)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        module = self.get_parent().specific
        siblings = module.lessons(
            request,
            fields=("id", "title", "url_path", "path", "depth", "locale", "translation_key"),
        )
        position = next((i for i, lesson in enumerate(siblings) if lesson.pk == self.pk), None)
        context.update(
            module=module,
            lessons=siblings,
            lesson_number=(position + 1) if position is not None else None,
            previous_lesson=siblings[position - 1] if position else None,
            next_lesson=siblings[position + 1]
            if position is not None and position + 1 < len(siblings)
            else None,
        )
        from .learner import lesson_context

        context.update(lesson_context(self, module, request))
        return context

    def serve(self, request, *args, **kwargs):
        """POSTs mark the lesson complete or mark an answer (learning.actions)."""
        if request.method == "POST":
            from .actions import handle_post

            return handle_post(self, request)
        return super().serve(request, *args, **kwargs)


# The learner records are models of this app too (see learning.records for why they live here).
from .records import (  # noqa: E402, F401
    CompletionRule,
    ModuleProgress,
    ModuleRating,
    QuestionAttempt,
    ReminderOptOut,
)
