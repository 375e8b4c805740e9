"""A session at 13:00 GMT, shown to visitors in UTC+3, UTC-5 and across daylight-saving changes."""

import zoneinfo
from datetime import UTC, datetime
from unittest import mock

from bs4 import BeautifulSoup
from django.test import TestCase

from programmes.timezones import in_zone, known_zones, parse_zone
from tests.tree import build_site

from .helpers import at_13_gmt, build_programme, make_run, make_session


def test_thirteen_gmt_in_utc_plus_three_and_minus_five():
    start = at_13_gmt()
    nairobi = in_zone(start, "Africa/Nairobi")
    assert (nairobi.time(), nairobi.offset) == ("16:00", "UTC+3")
    bogota = in_zone(start, "America/Bogota")
    assert (bogota.time(), bogota.offset) == ("08:00", "UTC-5")
    assert in_zone(start, None).time() == "13:00"
    assert in_zone(start, None).offset == "UTC"


def test_across_daylight_saving_changes():
    # New York leaves UTC-5 for UTC-4 on 14 March 2027; London leaves GMT for BST on 28 March.
    before = datetime(2027, 3, 13, 13, 0, tzinfo=UTC)
    after = datetime(2027, 3, 15, 13, 0, tzinfo=UTC)
    assert (
        in_zone(before, "America/New_York").time(),
        in_zone(before, "America/New_York").offset,
    ) == ("08:00", "UTC-5")
    assert (
        in_zone(after, "America/New_York").time(),
        in_zone(after, "America/New_York").offset,
    ) == ("09:00", "UTC-4")
    london_winter = in_zone(datetime(2027, 3, 27, 13, 0, tzinfo=UTC), "Europe/London")
    london_summer = in_zone(datetime(2027, 3, 29, 13, 0, tzinfo=UTC), "Europe/London")
    assert (london_winter.time(), london_winter.offset) == ("13:00", "UTC")
    assert (london_summer.time(), london_summer.offset) == ("14:00", "UTC+1")
    # A zone without daylight saving does not move.
    assert in_zone(before, "Africa/Nairobi").time() == in_zone(after, "Africa/Nairobi").time()


def test_unknown_zones_are_ignored_not_errors():
    assert parse_zone("Mars/Olympus") is None
    assert parse_zone("../../etc/passwd") is None
    assert parse_zone("") is None
    assert parse_zone("Asia/Kolkata").key == "Asia/Kolkata"


def test_the_zone_names_are_read_once_per_process():
    """Reading them walks the time zone database's folders (programmes.timezones.known_zones)."""
    known_zones.cache_clear()
    with mock.patch("zoneinfo.available_timezones", wraps=zoneinfo.available_timezones) as read:
        for _ in range(3):
            assert parse_zone("Africa/Nairobi") == zoneinfo.ZoneInfo("Africa/Nairobi")
            assert parse_zone("Mars/Olympus_Mons") is None
    assert read.call_count == 1


class TestPagesShowTheVisitorsTime(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.index, cls.page = build_programme(cls.t)
        cls.cohort = make_run(cls.page)
        cls.session = make_session(
            cls.page, cls.cohort, starts_at=at_13_gmt(cls.cohort.starts_on), time_zone="UTC"
        )

    def when(self, url):
        response = self.client.get(url)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        return soup.select_one(f"#session-{self.session.pk}").get_text(" ", strip=True)

    def test_utc_with_the_zone_named_by_default(self):
        text = self.when(self.page.url)
        assert "13:00" in text and "UTC" in text
        assert "Your time" not in text

    def test_visitor_in_utc_plus_three(self):
        text = self.when(self.page.url + "?tz=Africa/Nairobi")
        assert "16:00 (Africa/Nairobi, UTC+3)" in text.replace("\u202f", " ") or (
            "16:00" in text and "Africa/Nairobi, UTC+3" in text
        )

    def test_visitor_in_utc_minus_five_on_the_calendar_remembered(self):
        response = self.client.get("/en/programmes/upcoming/?tz=America/Bogota")
        assert response.cookies["portal_tz"].value == "America/Bogota"
        text = self.when("/en/programmes/upcoming/")  # the cookie carries the choice
        assert "08:00" in text and "America/Bogota, UTC-5" in text

    def test_a_bad_zone_falls_back_to_utc(self):
        text = self.when(self.page.url + "?tz=Nowhere/Else")
        assert "Your time" not in text
