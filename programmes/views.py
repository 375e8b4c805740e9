"""Public views (the Upcoming calendar, calendar files) and signing up, applying, withdrawing."""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db.models import Count, Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import ics, signup
from .forms import ApplicationForm, MeetingSignUpForm
from .records import Application, Attendance, Registration, Run
from .timezones import remember_zone, zone_context
from .visibility import pages_by_key, public_sessions, run_links, upcoming

UPCOMING_LIMIT = 200
FEED_CACHE_SECONDS = 24 * 3600


def ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def upcoming_calendar(request):
    """Every public upcoming session of the portal, optionally in one language."""
    language = request.GET.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = ""
    sessions = upcoming(public_sessions())
    if language:
        sessions = sessions.filter(language=language)
    sessions = list(sessions[:UPCOMING_LIMIT])
    pages = pages_by_key({s.programme_key for s in sessions})
    for session in sessions:
        session.page = pages.get(session.programme_key)
    context = {
        "sessions": sessions,
        "language": language,
        "languages": settings.LANGUAGES,
        **zone_context(request),
    }
    return remember_zone(request, render(request, "programmes/upcoming.html", context))


def session_ics(request, pk):
    session = public_sessions().filter(pk=pk).first()
    if session is None:
        raise Http404
    page = pages_by_key({session.programme_key}).get(session.programme_key)
    url = page.full_url if page else ""
    return ics_response(ics.sessions_calendar([session], page_url=url), f"session-{pk}.ics")


def run_ics(request, pk):
    run = Run.objects.exclude(status=Run.Status.DRAFT).filter(pk=pk).first()
    page = pages_by_key({run.programme_key}).get(run.programme_key) if run else None
    if page is None:
        raise Http404
    sessions = ics.for_public_files(public_sessions().filter(run=run).order_by("starts_at"))
    content = ics.sessions_calendar(sessions, name=run.title, page_url=page.full_url)
    return ics_response(content, f"run-{pk}.ics")


def feed_ics(request, key):
    """The subscribable feed of a programme (or a community): all its public sessions.

    Built from the events stored when each session was saved (`ics`: 500 sessions in well
    under 200 ms); calendar programs poll feeds often, so the file is also cached under a key
    that changes whenever anything in it can: a session or run edited, added or removed, the
    page republished, the language.
    """
    page = pages_by_key({key}).get(key)
    if page is None:
        raise Http404
    sessions = public_sessions().filter(programme_key=key)
    state = sessions.aggregate(
        count=Count("pk"), sessions=Max("updated_at"), runs=Max("run__updated_at")
    )
    parts = (key, get_language(), page.pk, page.last_published_at, *state.values())
    cache_key = "programmes:feed:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    content = cache.get(cache_key)
    if content is None:
        content = ics.sessions_calendar(
            ics.for_public_files(sessions.order_by("starts_at")),
            name=page.title,
            page_url=page.full_url,
        )
        cache.set(cache_key, content, FEED_CACHE_SECONDS)
    response = ics_response(content, f"{page.slug}.ics")
    response["Content-Disposition"] = f'inline; filename="{page.slug}.ics"'
    response["Cache-Control"] = "public, max-age=900"
    return response


# Signing up -----------------------------------------------------------------------------------


@never_cache
def register(request, pk):
    """Sign up for an information meeting with a name and an address."""
    session = public_sessions().filter(pk=pk, kind="information").first()
    if session is None:
        raise Http404
    page = pages_by_key({session.programme_key}).get(session.programme_key)
    form = MeetingSignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            signup.register_for_meeting(
                session, form.cleaned_data["name"], form.cleaned_data["email"], get_language()
            )
        except signup.SignUpError as error:
            form.add_error(None, str(error))
        else:
            return render(
                request,
                "programmes/registered.html",
                {"session": session, "page": None, "programme": page},
            )
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "session": session, "programme": page, **zone_context(request)}
    return render(request, "programmes/register.html", context, status=status)


@never_cache
def cancel(request, token):
    """One click from the e-mail: a page with one button (mail scanners only GET)."""
    registration = get_object_or_404(Registration.objects.select_related("session"), token=token)
    if request.method == "POST":
        signup.cancel_registration(registration)
    return render(request, "programmes/cancel.html", {"registration": registration})


def open_run(pk):
    run = Run.objects.filter(pk=pk).exclude(status=Run.Status.DRAFT).first()
    page = pages_by_key({run.programme_key}).get(run.programme_key) if run else None
    if page is None:
        raise Http404
    return run, page


@never_cache
def apply(request, pk):
    run, page = open_run(pk)
    form = ApplicationForm(request.POST or None, user=request.user)
    if request.method == "GET" and not run.accepts_applications():
        messages.error(request, _("Applications to this run are closed."))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if request.user.is_authenticated:
            data.setdefault("email", request.user.email)
        try:
            signup.apply(run, data, request.user)
        except signup.SignUpError as error:
            form.add_error(None, str(error))
        else:
            return render(request, "programmes/applied.html", {"run": run, "programme": page})
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "run": run, "programme": page}
    return render(request, "programmes/apply.html", context, status=status)


@require_POST
@login_required
def withdraw(request, pk):
    application = get_object_or_404(Application, pk=pk, user=request.user)
    signup.withdraw(application)
    messages.success(request, _("You have withdrawn from %(run)s.") % {"run": application.run})
    return redirect("programmes:mine")


@never_cache
@login_required
def mine(request):
    """A participant's runs, sessions (with the meeting links) and own attendance."""
    applications = list(
        request.user.programme_applications.select_related("run").order_by("-created_at")
    )
    attendance = {a.session_id: a for a in Attendance.objects.filter(user=request.user)}
    accepted = [a.run for a in applications if a.status == Application.Status.ACCEPTED]
    runs = []
    for run in accepted:
        sessions = list(run.sessions.order_by("starts_at"))
        for session in sessions:
            session.my_attendance = attendance.get(session.pk)
        runs.append((run, sessions))
    context = {
        "applications": applications,
        "runs": runs,
        "run_links": run_links(),
        "certificates": request.user.certificates.filter(
            kind="programmes.run", revoked_at__isnull=True
        ),
        **zone_context(request),
    }
    return render(request, "programmes/mine.html", context)
