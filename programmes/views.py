"""Public views: the Upcoming calendar and calendar files (ICS). No personal data here."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render

from . import ics
from .records import Run
from .timezones import remember_zone, zone_context
from .visibility import pages_by_key, public_sessions, upcoming

UPCOMING_LIMIT = 200


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
    sessions = public_sessions().filter(run=run).order_by("starts_at")
    content = ics.sessions_calendar(sessions, name=run.title, page_url=page.full_url)
    return ics_response(content, f"run-{pk}.ics")


def feed_ics(request, key):
    """The subscribable feed of a programme (or a community): all its public sessions."""
    page = pages_by_key({key}).get(key)
    if page is None:
        raise Http404
    sessions = public_sessions().filter(programme_key=key).order_by("starts_at")
    content = ics.sessions_calendar(sessions, name=page.title, page_url=page.full_url)
    response = ics_response(content, f"{page.slug}.ics")
    response["Content-Disposition"] = f'inline; filename="{page.slug}.ics"'
    response["Cache-Control"] = "public, max-age=900"
    return response
