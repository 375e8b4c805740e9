"""Attendance, the certificate of participation, the roles, and what never leaves the portal."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from accounts.services import activate, create_account
from certificates.models import Certificate
from programmes.records import Application, Attendance
from programmes.setup import FACILITATORS, PROGRAMME_STAFF, setup_programmes
from tests.tree import build_site

from .helpers import build_programme, make_run, make_session

SECRET = "meet.example.org/secret-room"
MOTIVATION = "Our helpline wants a peer network."


def person(email, name, group=None):
    user = create_account(email, name, "es")
    activate(user)
    if group is not None:
        user.is_staff = True
        user.save()
        user.groups.add(group)
    return user


class Base(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        groups = setup_programmes()
        cls.index, cls.page = build_programme(cls.t)
        cls.cohort = make_run(cls.page, capacity=5)
        past = timezone.now() - timedelta(days=1)
        cls.sessions = [
            make_session(
                cls.page, cls.cohort, title=f"Module {n}", starts_at=past - timedelta(days=14 * n)
            )
            for n in range(4)
        ]
        cls.staff = person("staff@example.org", "Staff", groups[PROGRAMME_STAFF])
        cls.facilitator = person("fac@example.org", "Facilitator", groups[FACILITATORS])
        cls.good = person("good@example.org", "Lucía Gómez")
        cls.poor = person("poor@example.org", "Pedro Ruiz")
        cls.outsider = person("out@example.org", "Outsider")
        for n, user in enumerate((cls.good, cls.poor)):
            Application.objects.create(
                run=cls.cohort,
                user=user,
                organisation=f"Org {n}",
                role="Counsellor",
                country="Peru",
                language="es",
                motivation=MOTIVATION,
                status=Application.Status.ACCEPTED,
            )


class TestAttendanceAndCertificates(Base):
    def record(self, session, statuses):
        data = {f"status-{user.pk}": status for user, status in statuses.items()}
        return self.client.post(f"/admin/programmes/sessions/{session.pk}/attendance/", data)

    def test_whole_group_on_one_screen_then_certificate_at_75_percent(self):
        self.client.force_login(self.facilitator)
        page = self.client.get(f"/admin/programmes/sessions/{self.sessions[0].pk}/attendance/")
        assert page.status_code == 200
        html = page.content.decode()
        assert "Lucía Gómez" in html and "Pedro Ruiz" in html and "Outsider" not in html
        plan = ["present", "late", "present", "absent"], ["present", "excused", "absent", "absent"]
        for n, session in enumerate(self.sessions):
            self.record(session, {self.good: plan[0][n], self.poor: plan[1][n]})
        assert Attendance.objects.count() == 8
        (certificate,) = Certificate.objects.all()
        assert certificate.holder == self.good and certificate.kind == "programmes.run"
        assert certificate.language == "es" and "75" in certificate.transcript["summary"]
        # Recording again changes the rows, never issues twice.
        self.record(self.sessions[0], {self.good: "present", self.poor: "late"})
        assert Certificate.objects.count() == 1
        # The participant sees their own attendance and certificate, nobody else's.
        self.client.force_login(self.good)
        mine = self.client.get("/es/programmes/mine/").content.decode()
        assert SECRET in mine and "Pedro" not in mine
        assert certificate.get_absolute_url() in mine

    def test_bad_choices_are_ignored(self):
        self.client.force_login(self.facilitator)
        self.record(self.sessions[0], {self.good: "sleeping"})
        assert Attendance.objects.count() == 0


class TestRoleActionMatrix(Base):
    """Who may do what: facilitators record attendance, staff also review; others may not."""

    def actions(self):
        return {
            "review applications": f"/admin/programmes/runs/{self.cohort.pk}/applications/",
            "record attendance": f"/admin/programmes/sessions/{self.sessions[0].pk}/attendance/",
            "manage runs": "/admin/programme_runs/",
            "manage sessions": "/admin/programme_sessions/",
        }

    def test(self):
        expected = {
            "staff": {"review applications", "record attendance", "manage runs", "manage sessions"},
            "facilitator": {"record attendance", "manage sessions"},
            "participant": set(),
            "anonymous": set(),
        }
        people = {"staff": self.staff, "facilitator": self.facilitator, "participant": self.good}
        for role, allowed in expected.items():
            self.client.logout()
            if role in people:
                self.client.force_login(people[role])
            for action, url in self.actions().items():
                response = self.client.get(url)
                assert (response.status_code == 200) == (action in allowed), (role, action)
                if action == "manage sessions" and response.status_code == 200:
                    link = f"/admin/programmes/sessions/{self.sessions[0].pk}/attendance/"
                    assert link in response.content.decode()


class TestPrivacy(Base):
    """No participant, application text or meeting link reaches anonymous visitors, search,
    feeds, the API or the sitemap."""

    def test_no_channel_carries_them(self):
        from wagtail.models import Page

        urls = [
            self.page.url,
            self.index.url,
            "/en/programmes/upcoming/",
            f"/en/programmes/feeds/{self.page.translation_key}.ics",
            f"/en/programmes/runs/{self.cohort.pk}.ics",
            f"/en/programmes/sessions/{self.sessions[0].pk}.ics",
            "/sitemap.xml",
            "/en/feeds/rss/",
            f"/api/v2/pages/{self.page.pk}/",
            "/api/v2/pages/?search=helpline",
            "/en/search/?q=peer+network",
        ]
        for url in urls:
            response = self.client.get(url)
            assert response.status_code in (200, 404), (url, response.status_code)
            body = response.content.decode()
            for secret in (SECRET, MOTIVATION, "Lucía", "good@example.org"):
                assert secret not in body, (url, secret)
        assert not Page.objects.live().search("peer network")  # the motivation is not indexed
        for url in ("/es/programmes/mine/",):
            assert self.client.get(url).status_code == 302  # to the sign-in page

    def test_outsider_sees_no_meeting_link(self):
        self.client.force_login(self.outsider)
        assert SECRET not in self.client.get("/es/programmes/mine/").content.decode()
        assert SECRET not in self.client.get(self.page.url).content.decode()
