"""The course team's report and rules; reminders; learner records kept from everyone else,
whatever the channel (pages, search, feeds, API, sitemap, admin)."""

import io
import re
from datetime import timedelta

import openpyxl
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from accounts.services import activate, create_account
from learning.records import ModuleProgress, ModuleRating, ReminderOptOut
from learning.reminders import send_reminders
from learning.setup import COURSE_TEAM
from tests.tree import build_site

from .helpers import build_module

MULTI_Q = "22222222-2222-4222-8222-222222222222"
TF_Q = "33333333-3333-4333-8333-333333333333"
SECRET_COMMENT = "Zanzibar-secret-comment"
LINK = re.compile(r"https?://[^/\s]+(/\S+/)")


def learner(email, language="en", name="Learner"):
    user = create_account(email, name, language)
    activate(user)
    return user


class LearningDataTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.module, cls.lessons = build_module(cls.t)
        call_command("setup_learning", stdout=io.StringIO())
        users = get_user_model().objects
        cls.team = users.create_user("team", "team@example.org", "pw")
        cls.team.groups.add(Group.objects.get(name=COURSE_TEAM))
        cls.specialist = users.create_user("spec", "spec@example.org", "pw")
        cls.specialist.groups.add(Group.objects.get_or_create(name="Technical specialists")[0])
        cls.amina = learner("amina@example.org", "en", "Amina Diallo")
        cls.claire = learner("claire@example.org", "fr", "Claire Zanzibarova")

    def setUp(self):
        cache.clear()

    def act(self, user, language="en"):
        self.client.force_login(user)
        text, practice, test = self.lessons
        prefix = f"/{language}"
        for lesson in (text, practice):
            self.client.post(prefix + lesson.url[3:], {"action": "complete"})
        self.client.post(
            prefix + test.url[3:], {"action": "answer", "question": TF_Q, "choice": ["true"]}
        )
        self.client.post(
            prefix + test.url[3:], {"action": "answer", "question": MULTI_Q, "choice": ["b1", "b2"]}
        )
        self.client.logout()


class TestCourseTeamReport(LearningDataTestCase):
    def test_per_module_and_language_figures(self):
        self.act(self.amina, "en")
        self.act(self.claire, "fr")
        ModuleRating.objects.create(
            user=self.claire,
            module_key=self.module.translation_key,
            rating=3,
            what_was_missing=SECRET_COMMENT,
            language="fr",
        )
        self.client.force_login(self.team)
        html = self.client.get("/admin/learning-report/").content.decode()
        assert "Caring for children moving alone" in html and ">fr<" in html and ">en<" in html
        html = self.client.get(
            f"/admin/learning-report/{self.module.pk}/?language=fr"
        ).content.decode()
        assert SECRET_COMMENT in html
        assert "Unaccompanied children may be detained" in html  # most often wrong
        assert "Claire" not in html and "claire@example.org" not in html  # never named
        csv = self.client.get(f"/admin/learning-report/{self.module.pk}/?export=csv")
        text = csv.content.decode("utf-8-sig")
        assert "Questions" in text and "Stopped here" in text and SECRET_COMMENT in text
        xlsx = self.client.get("/admin/learning-report/?export=xlsx")
        book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
        rows = list(book.active.values)
        assert rows[0][:4] == ("Module", "Language", "Started", "Completed")
        assert ("Caring for children moving alone", "All languages", 2, 0) == rows[1][:4]

    def test_only_the_course_team_sees_the_report(self):
        for user in (self.specialist, self.amina):
            self.client.force_login(user)
            response = self.client.get("/admin/learning-report/")
            assert response.status_code in (302, 403), user
        self.client.force_login(self.team)
        assert self.client.get("/admin/learning-report/").status_code == 200
        assert self.client.get("/admin/completion_rules/").status_code == 200

    def test_course_team_edits_the_completion_rule(self):
        self.client.force_login(self.team)
        response = self.client.post(
            "/admin/completion_rules/new/",
            {"module": self.module.pk, "lessons_percent": 100, "test_score_percent": 80},
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        assert self.module.completion_rule.test_score_percent == 80


class TestReminders(LearningDataTestCase):
    def test_one_reminder_per_absence_with_one_click_unsubscribe(self):
        self.act(self.claire, "fr")
        later = timezone.now() + timedelta(days=15)
        run = send_reminders(now=later)
        assert run.sent == 1 and len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["claire@example.org"]
        assert "Reprendre" in message.subject or "Continuez" in message.subject
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        resume = re.search(r"https?://[^/\s]+(/fr/learning/resume/\S+/)", message.body).group(1)
        self.client.force_login(self.claire)
        assert self.client.get(resume)["Location"].endswith("/test/")
        self.client.logout()
        assert send_reminders(now=later + timedelta(days=30)).sent == 0  # not again
        ModuleProgress.objects.update(last_seen_at=later + timedelta(days=1))  # came back
        assert send_reminders(now=later + timedelta(days=30)).sent == 1
        unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
        path = LINK.search(unsubscribe + " ").group(1)
        assert self.client.get(path).status_code == 200
        assert self.client.post(path).status_code == 200  # no CSRF token: one click
        assert ReminderOptOut.objects.filter(user=self.claire).exists()
        ModuleProgress.objects.update(last_seen_at=later + timedelta(days=40))
        assert send_reminders(now=later + timedelta(days=80)).sent == 0
        assert self.client.post("/en/learning/reminders/unsubscribe/forged/").status_code == 400

    def test_completed_modules_get_no_reminder(self):
        self.act(self.amina)
        ModuleProgress.objects.update(completed_at=timezone.now())
        assert send_reminders(now=timezone.now() + timedelta(days=60)).sent == 0


class TestLearnerRecordsStayPrivate(LearningDataTestCase):
    """Nothing a learner did or wrote reaches anyone but them and the course team."""

    def setUp(self):
        super().setUp()
        self.act(self.claire, "en")
        ModuleRating.objects.create(
            user=self.claire,
            module_key=self.module.translation_key,
            rating=2,
            what_worked=SECRET_COMMENT,
            language="en",
        )

    def texts(self, urls):
        out = []
        for url in urls:
            response = self.client.get(url)
            out.append(
                b"".join(response.streaming_content).decode()
                if response.streaming
                else response.content.decode()
            )
        return "\n".join(out)

    def test_no_channel_shows_a_learners_records(self):
        urls = [
            self.module.url,
            *[lesson.url for lesson in self.lessons],
            "/en/feeds/rss/",
            "/en/feeds/atom/",
            "/sitemap.xml",
            "/api/v2/pages/?limit=50",
            f"/api/v2/pages/{self.module.pk}/",
            f"/api/v2/pages/{self.lessons[2].pk}/",
            f"/api/v2/pages/?search={SECRET_COMMENT}",
            "/en/learning/my-learning/",
        ]
        for who in (None, self.amina, self.specialist):
            self.client.logout()
            if who is not None:
                self.client.force_login(who)
            text = self.texts(urls)
            for secret in (SECRET_COMMENT, "Zanzibarova", "claire@example.org"):
                assert secret not in text, (who, secret)
            assert "/certificates/" not in self.texts(["/sitemap.xml"])
            for query in (SECRET_COMMENT, "Zanzibarova", "claire"):  # the page repeats the query
                html = self.texts([f"/en/search/?q={query}", f"/en/search/?q={query}&scope=all"])
                assert self.module.title not in html and "Amina" not in html, query

    def test_the_admin_keeps_records_from_staff_outside_the_course_team(self):
        self.client.force_login(self.specialist)
        for url in (
            "/admin/learning-report/",
            f"/admin/learning-report/{self.module.pk}/",
            "/admin/issued_certificates/",
            "/admin/completion_rules/",
        ):
            assert self.client.get(url).status_code in (302, 403), url

    def test_data_download_holds_only_my_own(self):
        self.client.force_login(self.amina)
        data = self.client.get("/en/account/my-data/").content.decode()
        assert SECRET_COMMENT not in data and "claire@example.org" not in data
        self.client.force_login(self.claire)
        data = self.client.get("/en/account/my-data/").content.decode()
        assert SECRET_COMMENT in data and '"answers"' in data
