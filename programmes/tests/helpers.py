"""A programme with a run and sessions on top of the shared test tree (tests.tree.build_site)."""

from datetime import UTC, date, datetime, timedelta

from django.utils import timezone

from programmes.models import ProgrammeIndexPage, ProgrammePage
from programmes.records import Run, Session


def build_programme(t, title="Mutual learning programme", slug="mutual-learning"):
    index = t.home.add_child(instance=ProgrammeIndexPage(title="Programmes", slug="programmes"))
    page = index.add_child(
        instance=ProgrammePage(
            title=title,
            slug=slug,
            summary="Six months of learning together.",
            audience="Child helplines",
            languages_note="English and Spanish",
            introduction="<p>Organisations learn from each other.</p>",
            modules=[{"type": "module", "value": {"title": "Module 1", "description": "Basics"}}],
            how_to_apply="<p>Fill in the form.</p>",
        )
    )
    return index, page


def make_run(page, **kwargs):
    today = timezone.now().date()
    values = {
        "programme_key": page.translation_key,
        "title": "Spring cohort",
        "language": "en",
        "starts_on": today + timedelta(days=30),
        "ends_on": today + timedelta(days=210),
        "application_deadline": timezone.now() + timedelta(days=20),
        "capacity": 15,
        "status": Run.Status.OPEN,
    }
    values.update(kwargs)
    return Run.objects.create(**values)


def make_session(page, run=None, **kwargs):
    values = {
        "programme_key": page.translation_key,
        "run": run,
        "title": "Opening session",
        "kind": Session.Kind.MODULE if run else Session.Kind.INFORMATION,
        "language": run.language if run else "en",
        "starts_at": timezone.now() + timedelta(days=31),
        "time_zone": "Europe/London",
        "duration_minutes": 120,
        "meeting_url": "https://meet.example.org/secret-room",
        "forum_question": "What does your helpline do first?",
    }
    values.update(kwargs)
    return Session.objects.create(**values)


def at_13_gmt(day=date(2027, 1, 15)):
    return datetime(day.year, day.month, day.day, 13, 0, tzinfo=UTC)
