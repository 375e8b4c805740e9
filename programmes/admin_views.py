"""Admin screens: runs and sessions (programme staff), reviewing a run's applications, and one
attendance screen per session for the whole group (facilitators; see `setup`)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from . import signup
from .completion import check_completion
from .records import Application, Attendance, Run, Session

REVIEW = "programmes.review_application"
ATTENDANCE = "programmes.record_attendance"


def programme_choices():
    """Programme (and community) pages in the default language, by their translation key."""
    from .visibility import programme_models

    pages = []
    for model in programme_models():
        pages += model.objects.filter(locale=Locale.get_default())
    return [(str(page.translation_key), page.title) for page in sorted(pages, key=str)]


class KeyedForm(WagtailAdminModelForm):
    """Staff pick a programme by its title; the record keeps its translation key."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme_key"] = forms.TypedChoiceField(
            label=_("Programme"), choices=programme_choices(), coerce=str
        )
        if self.instance.pk:
            self.initial["programme_key"] = str(self.instance.programme_key)


class RunViewSet(ModelViewSet):
    model = Run
    icon = "group"
    menu_label = gettext_lazy("Programme runs")
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["title", "language", "starts_on", "status", "capacity", "review_link"]
    list_filter = ["status", "language"]


class SessionViewSet(ModelViewSet):
    model = Session
    icon = "date"
    menu_label = gettext_lazy("Sessions")
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["title", "kind", "language", "starts_at", "run", "attendance_link"]
    list_filter = ["kind", "language"]


# Wagtail's panels build a model's form from its `base_form_class`.
Run.base_form_class = KeyedForm
Session.base_form_class = KeyedForm

run_viewset = RunViewSet("programme_runs")
session_viewset = SessionViewSet("programme_sessions")

DECISIONS = {
    "accept": Application.Status.ACCEPTED,
    "waitlist": Application.Status.WAITLISTED,
    "decline": Application.Status.DECLINED,
}


def review(request, run_id):
    """A run's applications; each row is decided with one button (the applicant is e-mailed)."""
    if not request.user.has_perm(REVIEW):
        raise PermissionDenied
    run = get_object_or_404(Run, pk=run_id)
    if request.method == "POST":
        application = get_object_or_404(Application, pk=request.POST.get("application"), run=run)
        decision = DECISIONS.get(request.POST.get("decision"))
        if decision is None:
            messages.error(request, _("Choose accept, waiting list or decline."))
        else:
            try:
                signup.decide(application, decision)
            except signup.SignUpError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("%(person)s: %(status)s; they have been told by e-mail.")
                    % {
                        "person": application.user.email,
                        "status": Application.Status(decision).label,
                    },
                )
        return redirect("programmes_review", run.pk)
    applications = run.applications.select_related("user__profile").order_by("status", "created_at")
    context = {"run": run, "applications": applications, "places_left": run.places_left()}
    return render(request, "programmes/admin/review.html", context)


def attendance(request, session_id):
    """The whole group on one screen, one choice per person, one button: usable on a phone."""
    if not request.user.has_perm(ATTENDANCE):
        raise PermissionDenied
    session = get_object_or_404(Session.objects.select_related("run"), pk=session_id)
    if session.run is None:
        raise PermissionDenied  # information meetings take no attendance
    participants = [
        a.user
        for a in session.run.accepted()
        .select_related("user__profile")
        .order_by("user__profile__name")
    ]
    recorded = {a.user_id: a.status for a in session.attendance.all()}
    valid = set(Attendance.Status.values)
    if request.method == "POST":
        saved = 0
        for user in participants:
            status = request.POST.get(f"status-{user.pk}", "")
            if status in valid:
                Attendance.objects.update_or_create(
                    session=session, user=user, defaults={"status": status}
                )
                saved += 1
        issued = check_completion(session.run, users=participants)
        messages.success(
            request,
            _("Attendance saved for %(count)d people.") % {"count": saved}
            + (
                " " + _("%(count)d certificates issued.") % {"count": len(issued)} if issued else ""
            ),
        )
        return redirect("programmes_attendance", session.pk)
    rows = [(user, recorded.get(user.pk, "")) for user in participants]
    context = {"session": session, "rows": rows, "choices": Attendance.Status.choices}
    return render(request, "programmes/admin/attendance.html", context)
