"""A programme run's discussion: the same forum as communities', for the run's accepted
participants, moderated by the programme's facilitators and staff, and seen by nobody else
through any channel (the privacy and role × action matrices)."""

from datetime import timedelta

from django.core import mail
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Page

from accounts.services import activate, create_account
from communities import services
from communities.mail import send_digests
from communities.records import Community, Subscription, Thread
from programmes.records import Application
from programmes.setup import FACILITATORS, PROGRAMME_STAFF, setup_programmes
from programmes.tests.helpers import build_programme, make_run, make_session
from tests.tree import build_site

SECRET_TITLE = "Referral pathways in Cusco"
SECRET_POST = "Our helpline saw 40 calls from one school in Cusco"
QUESTION = "What does your helpline do first?"


def person(email, name, group=None, language="en"):
    user = create_account(email, name, language)
    activate(user)
    if group is not None:
        user.is_staff = True
        user.save()
        user.groups.add(group)
    return user


def accept(run, user, status=Application.Status.ACCEPTED):
    return Application.objects.create(
        run=run,
        user=user,
        organisation=f"Org of {user.email}",
        role="Counsellor",
        country="Peru",
        language="es",
        motivation="We want to learn.",
        status=status,
    )


class Base(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        groups = setup_programmes()
        cls.index, cls.page = build_programme(cls.t)
        cls.cohort = make_run(cls.page, title="Spring cohort")
        cls.other_run = make_run(cls.page, title="Autumn cohort")
        cls.session = make_session(
            cls.page,
            cls.cohort,
            title="Module 1: listening",
            starts_at=timezone.now() + timedelta(days=3),
            forum_question=QUESTION,
        )
        cls.space = Community.objects.get(run=cls.cohort, kind=Community.Kind.RUN)
        cls.staff = person("staff@example.org", "Staff", groups[PROGRAMME_STAFF])
        cls.facilitator = person("fac@example.org", "Facilitator", groups[FACILITATORS])
        cls.participant = person("good@example.org", "Lucía Gómez", language="es")
        cls.newcomer = person("new@example.org", "Pedro Ruiz")
        cls.other = person("other@example.org", "Other Run")
        cls.pending = person("pending@example.org", "Still Pending")
        cls.outsider = person("out@example.org", "Outsider")
        accept(cls.cohort, cls.participant)
        accept(cls.cohort, cls.newcomer)
        accept(cls.other_run, cls.other)
        accept(cls.cohort, cls.pending, Application.Status.PENDING)
        cls.thread, first = services.start_thread(
            cls.space, cls.participant, SECRET_TITLE, SECRET_POST
        )
        services.approve_post(first, cls.facilitator)

    def url(self):
        return f"/en/communities/runs/{self.cohort.pk}/"

    def thread_url(self, thread=None):
        return f"/en/communities/threads/{(thread or self.thread).pk}/"


class TestSpacesAndSessionThreads(Base):
    def test_every_run_has_one_space_and_the_question_opens_a_thread(self):
        assert Community.objects.filter(kind="run", run=self.other_run).count() == 1
        thread = Thread.objects.get(community=self.space, session=self.session, author=None)
        assert thread.approved and thread.title == "Module 1: listening"
        self.session.title = "Module 1: listening first"
        self.session.save()
        thread.refresh_from_db()
        assert thread.title == "Module 1: listening first"
        assert Thread.objects.filter(session=self.session).count() == 1  # not a second one
        self.client.force_login(self.participant)
        html = self.client.get(self.thread_url(thread)).content.decode()
        assert QUESTION in html and "Question for the forum" in html
        response = self.client.post(f"{self.thread_url(thread)}reply/", {"body": "We listen."})
        assert response.status_code == 302
        assert thread.posts.get().body == "We listen."

    def test_a_community_standing_run_gets_no_second_space(self):
        from communities.tests.helpers import build_community

        page, community = build_community(self.t)
        assert not Community.objects.filter(run=community.run, kind="run").exists()
        self.client.force_login(self.staff)
        response = self.client.get(f"/en/communities/runs/{community.run_id}/")
        assert response.status_code == 302 and response["Location"] == page.url

    def test_my_programmes_links_to_the_discussion(self):
        self.client.force_login(self.participant)
        html = self.client.get("/en/programmes/mine/").content.decode()
        assert f'href="{self.url()}"' in html
        mine = self.client.get("/en/communities/mine/").content.decode()
        assert f'href="{self.url()}">{self.space.name}</a>' in mine


class TestModeration(Base):
    def test_new_participants_are_premoderated_and_staff_hide_lock_pin(self):
        reply = services.reply(self.thread, self.newcomer, "My first words")
        assert not reply.approved  # waits for a facilitator
        self.client.force_login(self.participant)
        assert "My first words" not in self.client.get(self.thread_url()).content.decode()
        self.client.force_login(self.facilitator)
        html = self.client.get(self.thread_url()).content.decode()
        assert "My first words" in html and 'value="approve"' in html
        response = self.client.post(
            f"/en/communities/posts/{reply.pk}/moderate/", {"action": "approve"}
        )
        assert response.status_code == 302
        self.client.force_login(self.staff)
        for action in ("pin", "lock"):
            response = self.client.post(f"{self.thread_url()}moderate/", {"action": action})
            assert response.status_code == 302, action
        self.thread.refresh_from_db()
        assert self.thread.pinned and self.thread.locked
        self.client.force_login(self.participant)
        response = self.client.post(f"{self.thread_url()}reply/", {"body": "Too late"})
        assert response.status_code == 400 and "locked" in response.content.decode()
        services.set_post_hidden(reply, self.staff)
        assert "My first words" not in self.client.get(self.thread_url()).content.decode()

    def test_report_a_post(self):
        post = services.reply(self.thread, self.facilitator, "Call this number")
        self.client.force_login(self.participant)
        url = f"/en/communities/posts/{post.pk}/report/"
        assert self.client.post(url, {"reason": "spam"}).status_code == 302
        assert post.reports.count() == 1
        assert self.client.post(url, {"reason": "spam"}).status_code == 400  # only once

    def test_reply_notices_and_the_digest_reach_participants_in_their_language(self):
        mail.outbox.clear()
        services.reply(self.thread, self.facilitator, "We listen first.")
        (message,) = mail.outbox
        assert message.to == ["good@example.org"] and "We listen first." in message.body
        assert "/es/communities/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
        services.set_preferences(self.participant, self.space, True, True)
        Subscription.objects.filter(user=self.participant).update(
            last_digest_at=timezone.now() - timedelta(days=2)
        )
        mail.outbox.clear()
        sent, _nothing = send_digests()
        assert sent == 1 and "We listen first." in mail.outbox[0].body
        # Withdrawn from the run: no longer a member, so no more mail.
        Application.objects.filter(user=self.participant).update(status="withdrawn")
        mail.outbox.clear()
        services.reply(self.thread, self.facilitator, "Anyone?")
        assert mail.outbox == []


def done(response):
    return response.status_code == 302 and response["Location"].startswith(
        "/en/communities/threads/"
    )


class TestRoleActionMatrix(Base):
    def test(self):
        expected = {
            "programme staff": {"read", "list", "post", "moderate"},
            "facilitator": {"read", "list", "post", "moderate"},
            "participant": {"read", "list", "post"},
            "other run's participant": set(),
            "pending applicant": set(),
            "outsider": set(),
            "anonymous": set(),
        }
        people = {
            "programme staff": self.staff,
            "facilitator": self.facilitator,
            "participant": self.participant,
            "other run's participant": self.other,
            "pending applicant": self.pending,
            "outsider": self.outsider,
        }
        for role, allowed in expected.items():
            self.client.logout()
            if role in people:
                self.client.force_login(people[role])
            results = {
                "read": self.client.get(self.thread_url()).status_code == 200,
                "list": self.client.get(self.url()).status_code == 200,
                "post": done(self.client.post(f"{self.thread_url()}reply/", {"body": role})),
                "moderate": done(
                    self.client.post(f"{self.thread_url()}moderate/", {"action": "pin"})
                ),
            }
            assert {k for k, v in results.items() if v} == allowed, role


class TestPrivacy(Base):
    SECRETS = (SECRET_TITLE, SECRET_POST, "Lucía", "good@example.org", QUESTION)

    def public_urls(self):
        return [
            self.page.url,
            self.index.url,
            "/sitemap.xml",
            "/en/feeds/rss/",
            "/en/feeds/atom/",
            f"/api/v2/pages/{self.page.pk}/",
            "/api/v2/pages/?search=Cusco",
            "/en/search/?q=Cusco",
            "/en/search/?q=referral+pathways",
            "/en/programmes/upcoming/",
            f"/en/programmes/runs/{self.cohort.pk}.ics",
        ]

    def assert_nothing_leaks(self):
        for url in self.public_urls():
            response = self.client.get(url)
            assert response.status_code in (200, 404), (url, response.status_code)
            body = response.content.decode()
            for secret in self.SECRETS[:4]:
                assert secret not in body, (url, secret)

    def test_anonymous_visitors(self):
        self.assert_nothing_leaks()
        for url in (self.url(), self.thread_url()):
            response = self.client.get(url)
            assert response.status_code == 302 and "/account/sign-in/" in response["Location"]
        assert not Page.objects.live().search("Cusco")

    def test_other_runs_participants_and_outsiders(self):
        for user in (self.other, self.outsider, self.pending):
            self.client.force_login(user)
            self.assert_nothing_leaks()
            for url in (self.url(), self.thread_url()):
                response = self.client.get(url)
                assert response.status_code == 403, (user, url)
                assert SECRET_TITLE not in response.content.decode()
            mine = self.client.get("/en/communities/mine/").content.decode()
            assert SECRET_TITLE not in mine and self.space.name not in mine
            response = self.client.post(f"{self.thread_url()}reply/", {"body": "Let me in"})
            assert response.status_code == 403
            response = self.client.post(
                f"/en/communities/{self.space.pk}/threads/new/", {"title": "x", "body": "y"}
            )
            assert response.status_code == 403
        assert self.thread.posts.count() == 1

    def test_participants_see_it_never_cached(self):
        self.client.force_login(self.participant)
        response = self.client.get(self.url())
        assert SECRET_TITLE in response.content.decode()
        assert "no-store" in response["Cache-Control"]
        assert SECRET_POST in self.client.get(self.thread_url()).content.decode()

    def test_bad_input_is_a_clear_4xx(self):
        self.client.force_login(self.participant)
        response = self.client.post(
            f"/en/communities/{self.space.pk}/threads/new/", {"title": "", "body": ""}
        )
        assert response.status_code == 400
        assert self.client.get("/en/communities/runs/999999/").status_code == 404
