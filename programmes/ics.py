"""Calendar files (RFC 5545) built with `icalendar`: one session, a whole run, or a feed.

Public files (a session, a run, the subscribable feed of a programme or a community) carry the
title, the times in UTC, the page's address and the materials' note, never the meeting link;
only the copy mailed to someone registered (`personal=True`) includes it. Each event's UID is
stable, so a subscribed calendar updates events when a session moves.

Why events are stored: icalendar needs about half a millisecond to build and fold one event, so
a feed of 500 sessions took 0.5 s to build, too slow for calendar programs that poll it. Each
session's public VEVENT is therefore serialised by icalendar when the session is saved (and when
its programme page is published), once per language, and stored on the session with a
fingerprint of everything it was built from: the session's fields, the page's address and the
translated words. A file joins the stored events inside a VCALENDAR that icalendar builds, and
rebuilds in memory (without writing: a visitor's GET never writes) any event whose fingerprint
no longer matches, so a stale event can never be served, whatever changed it.
"""

import hashlib
from datetime import UTC, datetime

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODID = "-//Child Protection Knowledge Portal//Programmes//EN"
# Part of every fingerprint: change it when `session_event` changes what it writes.
FORMAT = "1"
_END = b"END:VCALENDAR\r\n"


def calendar(name=None):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    return cal


def words():
    """The translated words of events' descriptions in the active language, looked up once per
    file: `get_kind_display()` per event cost more than icalendar itself."""
    from .records import Session

    return {
        "kinds": {value: str(label) for value, label in Session.Kind.choices},
        "question": _("Question for the forum: %(question)s"),
        "link": _("Meeting link: %(url)s"),
    }


def session_event(session, page_url="", personal=False, stamp=None, labels=None):
    labels = labels or words()
    event = Event()
    event.add("uid", session.uid())
    event.add("dtstamp", stamp or datetime.now(UTC))
    event.add("dtstart", session.starts_at.astimezone(UTC))
    event.add("dtend", session.ends_at.astimezone(UTC))
    event.add("summary", session.title)
    lines = [labels["kinds"].get(session.kind, session.kind)]
    if session.module:
        lines.append(session.module)
    if session.forum_question:
        lines.append(labels["question"] % {"question": session.forum_question})
    if personal and session.meeting_url:
        lines.append(labels["link"] % {"url": session.meeting_url})
        event.add("location", session.meeting_url)
    if page_url:
        lines.append(page_url)
        event.add("url", page_url)
    event.add("description", "\n".join(lines))
    return event


def fingerprint(session, page_url, labels):
    """What a public event is built from; a stored event is used only while this matches."""
    parts = (
        FORMAT,
        session.pk,
        str(session.programme_key),
        str(session.title),
        str(session.kind),
        str(session.module),
        str(session.forum_question),
        session.starts_at.astimezone(UTC).isoformat(),
        int(session.duration_minutes),
        page_url,
        labels["kinds"].get(session.kind),
        labels["question"],
    )
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


# What a public event needs from a session's row: reading only these, and only the stored event
# of the file's language, halves the time a feed of 500 sessions spends loading rows.
EVENT_FIELDS = (
    "pk",
    "programme_key",
    "title",
    "kind",
    "module",
    "forum_question",
    "starts_at",
    "duration_minutes",
)


def for_public_files(sessions):
    """`sessions` (a queryset) reading what `public_event` uses, and no more: the stored event
    of the active language comes as two texts (no JSON to decode per row)."""
    from django.db.models.fields.json import KT

    language = translation.get_language()
    return (
        sessions.select_related(None)
        .only(*EVENT_FIELDS)
        .annotate(
            stored_fingerprint=KT(f"calendar_events__{language}__fingerprint"),
            stored_ics=KT(f"calendar_events__{language}__ics"),
        )
    )


def _stored(session):
    """(fingerprint, ics) of the active language, without loading a deferred field."""
    if "stored_ics" in session.__dict__:
        return session.stored_fingerprint, session.stored_ics
    if "calendar_events" in session.__dict__:
        stored = (session.calendar_events or {}).get(translation.get_language()) or {}
        return stored.get("fingerprint"), stored.get("ics")
    return None, None


def public_event(session, page_url, labels, stamp=None):
    """The bytes of the session's public VEVENT: stored if still right, else built now."""
    stored_fingerprint, stored_ics = _stored(session)
    if stored_ics and stored_fingerprint == fingerprint(session, page_url, labels):
        return stored_ics.encode()
    return session_event(session, page_url, stamp=stamp, labels=labels).to_ical()


def sessions_calendar(sessions, name=None, page_url="", personal=False):
    """The bytes of a calendar holding these sessions."""
    cal = calendar(name)
    stamp = datetime.now(UTC)
    labels = words()
    if personal:
        for session in sessions:
            cal.add_component(session_event(session, page_url, True, stamp, labels))
        return cal.to_ical()
    head = cal.to_ical()
    assert head.endswith(_END)
    events = b"".join(public_event(s, page_url, labels, stamp) for s in sessions)
    return head[: -len(_END)] + events + _END


# Storing events at write time ------------------------------------------------------------------


def page_urls(key):
    """{language: the address a file served in that language names}, as the views choose the
    page (`pages_by_key`); languages whose page is not public are left out."""
    from .visibility import pages_by_key

    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            page = pages_by_key({key}).get(key)
            if page is not None:
                urls[code] = page.full_url
    return urls


def stored_events(session, urls, stamp):
    """{language: {"fingerprint", "ics"}} of one session's public event."""
    events = {}
    for code, url in urls.items():
        with translation.override(code):
            labels = words()
            events[code] = {
                "fingerprint": fingerprint(session, url, labels),
                "ics": session_event(session, url, stamp=stamp, labels=labels).to_ical().decode(),
            }
    return events


def refresh_stored_events(sessions):
    """Serialise and store the public events of `sessions` (saved rows), in every language.

    Called by `Session.save`, on publishing a programme or community page, and by
    `manage.py refresh_calendar_events` after a deploy that changes translations or the
    site's address; writes with a queryset update, so `updated_at` keeps its meaning.
    """
    from .records import Session

    sessions = list(sessions)
    urls_by_key = {}
    stamp = datetime.now(UTC)
    for session in sessions:
        key = session.programme_key
        if key not in urls_by_key:
            urls_by_key[key] = page_urls(key)
        session.calendar_events = stored_events(session, urls_by_key[key], stamp)
    Session.objects.bulk_update(sessions, ["calendar_events"], batch_size=200)
    return len(sessions)


def page_published(sender, instance, **kwargs):
    """A programme's (or community's) page published, perhaps under a new slug: its sessions'
    stored events name the page's address, so they are stored again."""
    from .records import Session
    from .visibility import programme_models

    if isinstance(instance, tuple(programme_models())):
        refresh_stored_events(Session.objects.filter(programme_key=instance.translation_key))
