"""Posting, pre-moderation of new members, hide/lock/pin, reports, the moderation queue, bad
input (a clear message and a 4xx, never a 500) and the role × action matrix."""

from django.test import TestCase

from communities import services
from communities.records import Post, Report, Theme, Thread
from tests.tree import build_site

from .helpers import build_community, person


class Base(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.page, cls.community = build_community(cls.t)
        cls.theme = Theme.objects.create(community=cls.community, title="Self care for staff")
        cls.member = person("member@example.org", "Lucía Gómez", cls.community)
        cls.newcomer = person("new@example.org", "Pedro Ruiz", cls.community)
        cls.facilitator = person("fac@example.org", "Amina Facilitator", facilitator=True)
        cls.outsider = person("out@example.org", "Outsider")
        cls.thread, first = services.start_thread(
            cls.community, cls.member, "Before the session", "What do you do first?"
        )
        services.approve_post(first, cls.facilitator)

    def thread_url(self, thread=None):
        return f"/en/communities/threads/{(thread or self.thread).pk}/"


class TestPosting(Base):
    def test_a_trusted_member_starts_a_thread_with_a_theme_and_replies(self):
        self.client.force_login(self.member)
        response = self.client.post(
            f"/en/communities/{self.community.pk}/threads/new/",
            {"title": "Burn-out", "body": "How do you rest?", "theme": self.theme.pk},
        )
        thread = Thread.objects.get(title="Burn-out")
        assert response.status_code == 302 and response["Location"].endswith(
            f"/threads/{thread.pk}/"
        )
        assert thread.approved and thread.theme == self.theme
        response = self.client.post(
            f"{self.thread_url(thread)}reply/", {"body": "<script>alert(1)</script>\nwww.x.org"}
        )
        assert response.status_code == 302
        page = self.client.get(self.thread_url(thread)).content.decode()
        assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page

    def test_a_thread_on_a_theme_is_a_question_before_the_themes_session(self):
        from programmes.tests.helpers import make_session

        session = make_session(self.page, self.community.run, kind="themed", title="Rest and you")
        self.theme.session = session
        self.theme.save()
        self.client.force_login(self.member)
        self.client.post(
            f"/en/communities/{self.community.pk}/threads/new/",
            {"title": "Resting", "body": "What helps?", "theme": self.theme.pk},
        )
        thread = Thread.objects.get(title="Resting")
        assert thread.session == session
        page = self.client.get(self.thread_url(thread)).content.decode()
        assert 'A question before the session "Rest and you"' in page

    def test_new_members_first_post_waits_for_a_facilitator(self):
        self.client.force_login(self.newcomer)
        self.client.post(f"{self.thread_url()}reply/", {"body": "My first words"})
        post = Post.objects.get(body="My first words")
        assert not post.approved
        # The author sees it, marked; other members do not.
        assert "My first words" in self.client.get(self.thread_url()).content.decode()
        self.client.force_login(self.member)
        assert "My first words" not in self.client.get(self.thread_url()).content.decode()
        # The facilitator approves it on the thread page; then it is seen, and the next post
        # of this member no longer waits.
        self.client.force_login(self.facilitator)
        response = self.client.post(
            f"/en/communities/posts/{post.pk}/moderate/", {"action": "approve"}
        )
        assert response.status_code == 302
        self.client.force_login(self.member)
        assert "My first words" in self.client.get(self.thread_url()).content.decode()
        second = services.reply(self.thread, self.newcomer, "Second")
        assert second.approved

    def test_a_new_members_thread_is_hidden_until_approved(self):
        thread, post = services.start_thread(self.community, self.newcomer, "Newcomer", "Hello")
        assert not thread.approved
        self.client.force_login(self.member)
        assert "Newcomer" not in self.client.get(self.page.url).content.decode()
        assert self.client.get(self.thread_url(thread)).status_code == 404
        services.approve_post(post, self.facilitator)
        assert Thread.objects.get(pk=thread.pk).approved
        assert "Newcomer" in self.client.get(self.page.url).content.decode()


class TestModeration(Base):
    def test_pin_lock_hide(self):
        other, _post = services.start_thread(self.community, self.facilitator, "Later one", "x")
        self.client.force_login(self.facilitator)
        for action in ("pin", "lock"):
            response = self.client.post(f"{self.thread_url()}moderate/", {"action": action})
            assert response.status_code == 302
        self.thread.refresh_from_db()
        assert self.thread.pinned and self.thread.locked
        # Pinned first, although the other thread is newer.
        assert list(Thread.objects.filter(community=self.community))[0] == self.thread
        self.client.force_login(self.member)
        body = self.client.get(self.page.url).content.decode()
        assert body.index("Before the session") < body.index("Later one")
        response = self.client.post(f"{self.thread_url()}reply/", {"body": "Still here?"})
        assert response.status_code == 400
        assert "locked" in response.content.decode()
        assert not Post.objects.filter(body="Still here?").exists()

    def test_hide_a_post(self):
        post = services.reply(self.thread, self.member, "Something regrettable")
        self.client.force_login(self.facilitator)
        self.client.post(f"/en/communities/posts/{post.pk}/moderate/", {"action": "hide"})
        assert Post.objects.get(pk=post.pk).hidden
        self.client.force_login(self.newcomer)
        assert "regrettable" not in self.client.get(self.thread_url()).content.decode()

    def test_members_cannot_moderate(self):
        self.client.force_login(self.member)
        response = self.client.post(f"{self.thread_url()}moderate/", {"action": "hide"})
        assert response.status_code == 403
        assert not Thread.objects.get(pk=self.thread.pk).hidden

    def test_report_then_the_queue(self):
        post = services.reply(self.thread, self.member, "Rude words")
        self.client.force_login(self.newcomer)
        form = self.client.get(f"/en/communities/posts/{post.pk}/report/")
        assert form.status_code == 200
        response = self.client.post(
            f"/en/communities/posts/{post.pk}/report/", {"reason": "abuse", "note": "Unkind"}
        )
        assert response.status_code == 302
        again = self.client.post(f"/en/communities/posts/{post.pk}/report/", {"reason": "abuse"})
        assert again.status_code == 400 and "already reported" in again.content.decode()
        assert Report.objects.count() == 1
        # The queue in the admin, for facilitators only.
        waiting = services.reply(self.thread, self.outsider_member(), "Waiting one")
        self.client.force_login(self.member)
        assert self.client.get("/admin/communities/moderation/").status_code in (302, 403)
        self.client.force_login(self.facilitator)
        queue = self.client.get("/admin/communities/moderation/").content.decode()
        assert "Rude words" in queue and "Unkind" in queue and "Waiting one" in queue
        self.client.post("/admin/communities/moderation/", {"post": post.pk, "action": "hide"})
        self.client.post(
            "/admin/communities/moderation/", {"post": waiting.pk, "action": "approve"}
        )
        assert Post.objects.get(pk=post.pk).hidden and Post.objects.get(pk=waiting.pk).approved
        assert Report.objects.get().resolved_at is not None

    def outsider_member(self):
        self.outsider.groups.add(self.community.members_group)
        return self.outsider


class TestBadInput(Base):
    def test_clear_messages_and_4xx(self):
        self.client.force_login(self.member)
        cases = [
            (f"/en/communities/{self.community.pk}/threads/new/", {"title": "", "body": ""}),
            (
                f"/en/communities/{self.community.pk}/threads/new/",
                {"title": "T", "body": "b", "theme": "abc"},
            ),
            (
                f"/en/communities/{self.community.pk}/threads/new/",
                {"title": "x" * 201, "body": "b"},
            ),
            (f"{self.thread_url()}reply/", {"body": "   "}),
            (f"{self.thread_url()}reply/", {"body": "x" * 10001}),
            (f"/en/communities/posts/{self.thread.posts.first().pk}/report/", {"reason": "nope"}),
        ]
        for url, data in cases:
            response = self.client.post(url, data)
            assert response.status_code == 400, (url, data, response.status_code)
            assert "Please correct" in response.content.decode()
        self.client.force_login(self.facilitator)
        for url, data in [
            (f"{self.thread_url()}moderate/", {"action": "explode"}),
            (f"/en/communities/posts/{self.thread.posts.first().pk}/moderate/", {}),
        ]:
            assert self.client.post(url, data).status_code == 400
        for url in (
            "/en/communities/threads/999999/",
            "/en/communities/999999/",
            "/en/communities/posts/999999/report/",
        ):
            assert self.client.get(url).status_code == 404
        assert self.client.get(f"{self.thread_url()}reply/").status_code == 405
        assert Thread.objects.count() == 1


def done(response):
    """A form sent back to the thread (not to the sign-in page)."""
    return response.status_code == 302 and response["Location"].startswith(
        "/en/communities/threads/"
    )


class TestRoleActionMatrix(Base):
    def test(self):
        expected = {
            "facilitator": {"read", "post", "moderate", "queue"},
            "member": {"read", "post"},
            "outsider": set(),
            "anonymous": set(),
        }
        people = {"facilitator": self.facilitator, "member": self.member, "outsider": self.outsider}
        for role, allowed in expected.items():
            self.client.logout()
            if role in people:
                self.client.force_login(people[role])
            results = {
                "read": self.client.get(self.thread_url()).status_code == 200,
                "post": done(self.client.post(f"{self.thread_url()}reply/", {"body": role})),
                "moderate": done(
                    self.client.post(f"{self.thread_url()}moderate/", {"action": "pin"})
                ),
                "queue": self.client.get("/admin/communities/moderation/").status_code == 200,
            }
            assert {k for k, v in results.items() if v} == allowed, role


class TestPageCache(Base):
    def test_posts_leave_the_cached_pages_alone_themes_renew_them(self):
        from django.test import override_settings

        from core.generations import generation

        with override_settings(PAGE_CACHE_SECONDS=600), self.captureOnCommitCallbacks(execute=True):
            before = generation()
            post = services.reply(self.thread, self.member, "Not on any public page")
            services.report_post(post, self.newcomer, "spam")
            services.moderate_thread(self.thread, self.facilitator, "pin")
            assert generation() == before
            Theme.objects.create(community=self.community, title="Shown on the public page")
            assert generation() != before
