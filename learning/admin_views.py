"""Admin screens for the course team: the per-module report (with CSV/XLSX export) and the
completion rules. Both need the course team's permissions (see learning.setup)."""

import tablib
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.admin.viewsets.model import ModelViewSet

from . import reports
from .models import ELearningModulePage
from .records import CompletionRule

PERMISSION = "learning.view_learner_records"


def _check(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def overview(request):
    _check(request)
    rows = reports.overview()
    if request.GET.get("export") in ("csv", "xlsx"):
        data = tablib.Dataset(
            headers=[
                _("Module"),
                _("Language"),
                _("Started"),
                _("Completed"),
                _("Completion rate (%)"),
                _("Average score (%)"),
                _("Average rating"),
                _("Ratings"),
            ],
            title=_("Modules"),
        )
        for row in rows:
            data.append(
                [
                    row.module.title,
                    row.language or _("All languages"),
                    row.started,
                    row.completed,
                    row.completion_rate,
                    row.average_score,
                    row.rating_average,
                    row.rating_count,
                ]
            )
        return _export(data, request.GET["export"], "learning-modules")
    return render(request, "learning/admin/overview.html", {"rows": rows})


def module_report(request, module_id):
    _check(request)
    module = get_object_or_404(ELearningModulePage, pk=module_id)
    language = request.GET.get("language", "")
    figures = reports.details(module, language)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        questions = tablib.Dataset(
            headers=[_("Question"), _("Kind"), _("Answers"), _("Wrong"), _("Wrong (%)")],
            title=_("Questions"),
        )
        for row in figures.questions:
            questions.append(
                [row["question"], row["mode"], row["answers"], row["wrong"], row["wrong_rate"]]
            )
        lessons = tablib.Dataset(
            headers=[_("Lesson"), _("Completed"), _("Stopped here")], title=_("Lessons")
        )
        for row in figures.lessons:
            lessons.append([row["lesson"], row["completed"], row["stopped_here"]])
        comments = tablib.Dataset(
            headers=[
                _("Rating"),
                _("What worked"),
                _("What was missing"),
                _("Language"),
                _("Date"),
            ],
            title=_("Comments"),
        )
        for row in figures.comments:
            comments.append(
                [
                    row["rating"],
                    row["what_worked"],
                    row["what_was_missing"],
                    row["language"],
                    row["updated_at"].date().isoformat(),
                ]
            )
        name = f"learning-{module.slug}{'-' + language if language else ''}"
        if export == "xlsx":
            return _export(tablib.Databook([questions, lessons, comments]), "xlsx", name)
        # CSV holds one table: the three, one after the other, each under its title.
        text = "\n".join(
            f"{table.title}\n{table.export('csv')}" for table in (questions, lessons, comments)
        )
        return _download(text.encode("utf-8-sig"), "text/csv; charset=utf-8", f"{name}.csv")
    languages = sorted(
        {row.language for row in reports.overview() if row.module.pk == module.pk and row.language}
    )
    return render(
        request,
        "learning/admin/module.html",
        {
            "module": module,
            "figures": figures,
            "language": language,
            "languages": [(code, reports.language_name(code)) for code in languages],
            "rule": CompletionRule.objects.filter(
                module__translation_key=module.translation_key
            ).first(),
        },
    )


def _export(data, fmt, name):
    if fmt == "xlsx":
        return _download(
            data.export("xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            f"{name}.xlsx",
        )
    return _download(
        data.export("csv").encode("utf-8-sig"), "text/csv; charset=utf-8", f"{name}.csv"
    )


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class CompletionRuleViewSet(ModelViewSet):
    model = CompletionRule
    icon = "tasks"
    menu_label = gettext_lazy("Completion rules")
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = ["module", "lessons_percent", "test_score_percent", "require_all_tests"]
    panels = [
        PageChooserPanel("module", "learning.ELearningModulePage"),
        FieldPanel("lessons_percent"),
        FieldPanel("test_score_percent"),
        FieldPanel("require_all_tests"),
        FieldPanel("certificate_design"),
    ]


completion_rule_viewset = CompletionRuleViewSet("completion_rules")
