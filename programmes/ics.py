"""Calendar files (RFC 5545) built with `icalendar`: one session, a whole run, or a feed.

Public files (a session, a run, the subscribable feed of a programme or a community) carry the
title, the times in UTC, the page's address and the materials' note, never the meeting link;
only the copy mailed to someone registered (`personal=True`) includes it. Each event's UID is
stable, so a subscribed calendar updates events when a session moves.
"""

from datetime import UTC, datetime

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODID = "-//Child Protection Knowledge Portal//Programmes//EN"


def calendar(name=None):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    return cal


def session_event(session, page_url="", personal=False, stamp=None):
    event = Event()
    event.add("uid", session.uid())
    event.add("dtstamp", stamp or datetime.now(UTC))
    event.add("dtstart", session.starts_at.astimezone(UTC))
    event.add("dtend", session.ends_at.astimezone(UTC))
    event.add("summary", session.title)
    lines = [session.get_kind_display()]
    if session.module:
        lines.append(session.module)
    if session.forum_question:
        lines.append(
            _("Question for the forum: %(question)s") % {"question": session.forum_question}
        )
    if personal and session.meeting_url:
        lines.append(_("Meeting link: %(url)s") % {"url": session.meeting_url})
        event.add("location", session.meeting_url)
    if page_url:
        lines.append(page_url)
        event.add("url", page_url)
    event.add("description", "\n".join(lines))
    return event


def sessions_calendar(sessions, name=None, page_url="", personal=False):
    """The bytes of a calendar holding these sessions."""
    cal = calendar(name)
    stamp = datetime.now(UTC)
    for session in sessions:
        cal.add_component(session_event(session, page_url, personal, stamp))
    return cal.to_ical()
