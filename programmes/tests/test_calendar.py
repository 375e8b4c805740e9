"""Calendar files and the Upcoming calendar: what anyone may see, and nothing more."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone
from icalendar import Calendar

from programmes.records import Run
from tests.tree import build_site

from .helpers import build_programme, make_run, make_session

SECRET = "meet.example.org/secret-room"


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content).walk("VEVENT")


class TestCalendars(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.index, cls.page = build_programme(cls.t)
        cls.cohort = make_run(cls.page, language="es", title="Cohorte de primavera")
        cls.sessions = [
            make_session(
                cls.page,
                cls.cohort,
                title=f"Sesión {n}",
                starts_at=timezone.now() + timedelta(days=40 + 14 * n),
            )
            for n in range(3)
        ]
        cls.meeting = make_session(cls.page, title="Meet the programme", language="en")
        cls.draft = make_run(cls.page, status=Run.Status.DRAFT, title="Not yet announced")
        cls.hidden = make_session(cls.page, cls.draft, title="Hidden session")

    def test_one_session(self):
        session = self.sessions[0]
        (event,) = events(self.client.get(f"/en/programmes/sessions/{session.pk}.ics"))
        assert str(event["summary"]) == "Sesión 0"
        assert event.decoded("dtstart") == session.starts_at.replace(microsecond=0)
        assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(hours=2)
        assert str(event["url"]).endswith(self.page.url)
        assert (
            SECRET
            not in self.client.get(f"/en/programmes/sessions/{session.pk}.ics").content.decode()
        )

    def test_a_whole_run_and_the_subscribable_feed(self):
        found = events(self.client.get(f"/en/programmes/runs/{self.cohort.pk}.ics"))
        assert [str(e["summary"]) for e in found] == ["Sesión 0", "Sesión 1", "Sesión 2"]
        response = self.client.get(f"/en/programmes/feeds/{self.page.translation_key}.ics")
        found = events(response)
        titles = {str(e["summary"]) for e in found}
        assert titles == {"Sesión 0", "Sesión 1", "Sesión 2", "Meet the programme"}
        assert SECRET not in response.content.decode()
        # UIDs are stable, so a subscribed calendar updates events rather than adding them.
        again = events(self.client.get(f"/en/programmes/feeds/{self.page.translation_key}.ics"))
        assert {str(e["uid"]) for e in found} == {str(e["uid"]) for e in again}
        # The cached feed follows an edit at once.
        self.sessions[1].title = "Sesión movida"
        self.sessions[1].save()
        edited = events(self.client.get(f"/en/programmes/feeds/{self.page.translation_key}.ics"))
        assert "Sesión movida" in {str(e["summary"]) for e in edited}

    def test_drafts_and_unpublished_programmes_are_not_served(self):
        assert self.client.get(f"/en/programmes/sessions/{self.hidden.pk}.ics").status_code == 404
        assert self.client.get(f"/en/programmes/runs/{self.draft.pk}.ics").status_code == 404
        self.page.unpublish()
        try:
            for url in [
                f"/en/programmes/sessions/{self.sessions[0].pk}.ics",
                f"/en/programmes/runs/{self.cohort.pk}.ics",
                f"/en/programmes/feeds/{self.page.translation_key}.ics",
            ]:
                assert self.client.get(url).status_code == 404, url
            assert "Sesión" not in self.client.get("/en/programmes/upcoming/").content.decode()
        finally:
            self.page.save_revision().publish()

    def test_upcoming_filtered_by_language(self):
        everything = self.client.get("/en/programmes/upcoming/").content.decode()
        assert "Sesión 0" in everything and "Meet the programme" in everything
        assert "Hidden session" not in everything
        spanish = self.client.get("/en/programmes/upcoming/?language=es").content.decode()
        assert "Sesión 0" in spanish and "Meet the programme" not in spanish
        # An unknown language is no filter, not an error.
        assert self.client.get("/en/programmes/upcoming/?language=xx").status_code == 200

    def test_programme_page_lists_runs_and_sessions_without_meeting_links(self):
        html = self.client.get(self.page.url).content.decode()
        assert "Cohorte de primavera" in html and "Sesión 2" in html
        assert "Not yet announced" not in html and "Hidden session" not in html
        assert SECRET not in html


class TestTranslation(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.index, cls.page = build_programme(cls.t)

    def test_a_module_saved_without_description_can_be_translated(self):
        from wagtail_localize.models import TranslationSource

        self.page.modules = [{"type": "module", "value": {"title": "Listening to children"}}]
        self.page.save_revision().publish()
        source, _created = TranslationSource.get_or_create_from_instance(self.page)
        assert source.pk
