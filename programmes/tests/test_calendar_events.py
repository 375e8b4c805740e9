"""Stored calendar events: a feed joins what icalendar serialised when each session was saved,
and never serves an event that no longer matches its session, run or page."""

from datetime import UTC, timedelta

from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone
from icalendar import Calendar

from programmes.records import Run, Session
from tests.tree import build_site

from .helpers import build_programme, make_run, make_session

SECRET = "meet.example.org/secret-room"


class TestStoredEvents(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.index, cls.page = build_programme(cls.t)
        cls.cohort = make_run(cls.page, language="es", title="Cohorte de primavera")
        cls.session = make_session(
            cls.page,
            cls.cohort,
            title="Sesión 1",
            starts_at=timezone.now() + timedelta(days=40),
        )

    def setUp(self):
        cache.clear()  # every request below builds the feed afresh
        self.url = f"/en/programmes/feeds/{self.page.translation_key}.ics"

    def feed(self, url=None):
        response = self.client.get(url or self.url)
        assert response.status_code == 200
        return response, Calendar.from_ical(response.content).walk("VEVENT")

    def test_saving_stores_the_public_event_in_every_language_and_the_feed_joins_it(self):
        self.session.refresh_from_db()
        stored = self.session.calendar_events
        assert set(stored) == {"en", "fr", "es", "ar"}
        for event in stored.values():
            assert event["ics"].startswith("BEGIN:VEVENT") and SECRET not in event["ics"]
        response, (event,) = self.feed()
        assert stored["en"]["ics"].encode() in response.content  # joined, not rebuilt
        assert str(event["uid"]) == self.session.uid()
        assert event.decoded("dtstart") == self.session.starts_at.replace(microsecond=0)
        assert event.decoded("dtstart").utcoffset() == timedelta(0)
        assert str(event["summary"]) == "Sesión 1"
        assert str(event["url"]) == self.page.full_url
        assert "location" not in event and SECRET not in response.content.decode()
        # In Spanish, the words of the description are Spanish (the stored Spanish event).
        spanish, _events = self.feed(f"/es/programmes/feeds/{self.page.translation_key}.ics")
        assert stored["es"]["ics"].encode() in spanish.content
        assert "Pregunta para el foro" in spanish.content.decode()

    def test_a_session_changed_without_save_is_rebuilt_not_served_stale(self):
        # A queryset update bypasses save(): the stored event no longer matches the row.
        moved = self.session.starts_at + timedelta(hours=3)
        Session.objects.filter(pk=self.session.pk).update(title="Sesión movida", starts_at=moved)
        _response, (event,) = self.feed()
        assert str(event["summary"]) == "Sesión movida"
        assert event.decoded("dtstart") == moved.astimezone(UTC).replace(microsecond=0)

    def test_a_session_saved_is_stored_again(self):
        self.session.forum_question = "¿Qué probó su línea?"
        self.session.save()
        self.session.refresh_from_db()
        assert "¿Qué probó su línea?" in self.session.calendar_events["en"]["ics"].replace(
            "\r\n ", ""
        )
        response, _events = self.feed()
        assert self.session.calendar_events["en"]["ics"].encode() in response.content

    def test_a_programme_page_published_under_a_new_slug_stores_its_address_again(self):
        old_url = self.page.full_url
        self.page.slug = "mutual-learning-2027"
        self.page.save_revision().publish()
        self.page.refresh_from_db()
        self.session.refresh_from_db()
        assert self.page.full_url != old_url
        assert self.page.full_url in self.session.calendar_events["en"]["ics"].replace("\r\n ", "")
        _response, (event,) = self.feed()
        assert str(event["url"]) == self.page.full_url

    def test_a_page_moved_without_publishing_is_not_named_by_its_old_address(self):
        old_url = self.page.full_url
        self.page.slug = "renamed"
        self.page.save()  # a slug changed in the database without a publish signal
        _response, (event,) = self.feed()
        assert str(event["url"]) != old_url and str(event["url"]).endswith("/renamed/")

    def test_a_run_taken_back_to_draft_takes_its_sessions_out(self):
        Run.objects.filter(pk=self.cohort.pk).update(status=Run.Status.DRAFT)
        _response, found = self.feed()
        assert found == []

    def test_the_mailed_copy_alone_carries_the_meeting_link(self):
        from programmes.ics import sessions_calendar

        personal = sessions_calendar([self.session], personal=True).decode()
        assert SECRET in personal.replace("\r\n ", "")
        public = sessions_calendar([self.session]).decode()
        assert SECRET not in public.replace("\r\n ", "")
