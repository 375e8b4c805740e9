"""Membership privacy: what anonymous visitors, non-members, members and facilitators see of a
community through every channel (pages, search, API, feeds, sitemap, e-mail addresses)."""

from django.test import TestCase
from wagtail.models import Page

from communities import services
from communities.records import Theme, Thread
from tests.tree import build_site

from .helpers import SECRET_POST, SECRET_TITLE, build_community, person


class Base(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.page, cls.community = build_community(cls.t)
        cls.member = person("member@example.org", "Lucía Gómez", cls.community)
        cls.facilitator = person("fac@example.org", "Amina Facilitator", facilitator=True)
        cls.outsider = person("out@example.org", "Outsider")
        cls.thread, cls.post = services.start_thread(
            cls.community, cls.facilitator, SECRET_TITLE, SECRET_POST
        )
        from programmes.tests.helpers import make_session

        session = make_session(cls.page, cls.community.run, kind="themed", title="Self care")
        Theme.objects.create(community=cls.community, title="Self care", session=session)


class TestChannels(Base):
    SECRETS = (
        SECRET_POST,
        SECRET_TITLE,
        "Lucía",
        "member@example.org",
        "fac@example.org",
        "meet.example.org/secret-room",
    )

    def public_urls(self):
        return [
            self.page.url,
            "/sitemap.xml",
            "/en/feeds/rss/",
            "/en/feeds/atom/",
            f"/api/v2/pages/{self.page.pk}/",
            "/api/v2/pages/?search=Lima",
            "/api/v2/pages/?type=communities.CommunityPage&fields=*",
            "/en/search/?q=Lima",
            "/en/search/?q=referral+pathways",
            "/en/programmes/upcoming/",
            f"/en/programmes/feeds/{self.page.translation_key}.ics",
        ]

    def assert_nothing_leaks(self):
        for url in self.public_urls():
            response = self.client.get(url)
            assert response.status_code in (200, 404), (url, response.status_code)
            body = response.content.decode()
            for secret in self.SECRETS:
                assert secret not in body, (url, secret)

    def test_anonymous(self):
        self.assert_nothing_leaks()
        page = self.client.get(self.page.url).content.decode()
        assert "community of practice on children" in page and "Ask to join" in page
        assert "Self care" in page  # the themes and their dates are public
        response = self.client.get(f"/en/communities/threads/{self.thread.pk}/")
        assert response.status_code == 302 and "/account/sign-in/" in response["Location"]
        assert not Page.objects.live().search("Lima")  # posts are not indexed

    def test_non_member(self):
        self.client.force_login(self.outsider)
        self.assert_nothing_leaks()
        response = self.client.get(f"/en/communities/threads/{self.thread.pk}/")
        assert response.status_code == 403
        assert SECRET_TITLE not in response.content.decode()
        assert SECRET_TITLE not in self.client.get("/en/communities/mine/").content.decode()
        response = self.client.post(
            f"/en/communities/threads/{self.thread.pk}/reply/", {"body": "Let me in"}
        )
        assert response.status_code == 403
        assert self.thread.posts.count() == 1

    def test_member_sees_the_discussion_but_no_shared_cache_keeps_it(self):
        self.client.force_login(self.member)
        response = self.client.get(self.page.url)
        body = response.content.decode()
        assert SECRET_TITLE in body and "Start a thread" in body and "Ask to join" not in body
        assert "meet.example.org/secret-room" in body  # the themed session's meeting link
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        thread = self.client.get(f"/en/communities/threads/{self.thread.pk}/")
        assert SECRET_POST in thread.content.decode()
        assert "no-store" in thread["Cache-Control"]
        mine = self.client.get("/en/communities/mine/").content.decode()
        assert self.page.title in mine

    def test_facilitator_sees_hidden_threads_members_do_not(self):
        services.moderate_thread(self.thread, self.facilitator, "hide")
        self.client.force_login(self.facilitator)
        assert SECRET_TITLE in self.client.get(self.page.url).content.decode()
        self.client.force_login(self.member)
        assert SECRET_TITLE not in self.client.get(self.page.url).content.decode()
        assert self.client.get(f"/en/communities/threads/{self.thread.pk}/").status_code == 404

    def test_accepted_applicants_to_the_standing_run_are_members(self):
        from programmes.records import Application

        assert self.community.run is not None
        Application.objects.create(
            run=self.community.run,
            user=self.outsider,
            organisation="Helpline",
            role="Counsellor",
            country="Peru",
            language="es",
            motivation="We want to learn.",
            status=Application.Status.PENDING,
        )
        self.client.force_login(self.outsider)
        assert SECRET_TITLE not in self.client.get(self.page.url).content.decode()
        Application.objects.filter(user=self.outsider).update(status="accepted")
        assert SECRET_TITLE in self.client.get(self.page.url).content.decode()

    def test_personal_data_download_has_own_posts_only(self):
        from accounts.registry import sections

        section = next(s for s in sections() if s.key == "communities")
        assert section.export(self.member)["posts"] == []
        assert section.export(self.facilitator)["posts"][0]["message"] == SECRET_POST

    def test_download_my_data_and_delete_my_account(self):
        import json

        from communities.records import Post

        services.reply(self.thread, self.member, "My own words")
        self.client.force_login(self.member)
        data = json.loads(self.client.get("/en/account/my-data/").content)
        posts = data["communities"]["posts"]
        assert [p["message"] for p in posts] == ["My own words"]
        assert SECRET_POST not in json.dumps(data)  # nobody else's posts
        self.member.delete()
        assert not Post.objects.filter(body="My own words").exists()

    def test_deleting_the_author_keeps_the_thread(self):
        services.reply(self.thread, self.member, "A reply")
        self.facilitator.delete()
        thread = Thread.objects.get(pk=self.thread.pk)
        assert thread.author is None and thread.posts.count() == 1


class TestShelfAndAdmin(Base):
    """The shelf's documents download for members and facilitators only; the admin's lists
    of communities, themes and threads open for facilitators only."""

    def test_shelf(self):
        from tests.factories import DocumentFactory

        document = DocumentFactory(
            title="Members' self-care toolkit", collection=self.community.shelf
        )
        url = document.url
        response = self.client.get(url)
        assert response.status_code in (302, 403) and b"%PDF" not in response.content
        assert "self-care toolkit" not in self.client.get(self.page.url).content.decode()
        for url_ in ("/api/v2/documents/", f"/api/v2/documents/{document.pk}/"):
            assert "self-care toolkit" not in self.client.get(url_).content.decode()
        self.client.force_login(self.outsider)
        assert self.client.get(url).status_code in (302, 403)
        self.client.force_login(self.member)
        assert "self-care toolkit" in self.client.get(self.page.url).content.decode()
        assert self.client.get(url).status_code == 200

    def test_admin_lists(self):
        urls = ["/admin/communities/moderation/"]
        self.client.force_login(self.facilitator)
        menu = self.client.get("/admin/").content.decode()
        assert "Community moderation" in menu
        for prefix in ("communities", "themes", "threads"):
            urls.append(f"/admin/communities/{prefix}/")
        for url in urls:
            self.client.force_login(self.facilitator)
            response = self.client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            self.client.force_login(self.member)
            assert self.client.get(url).status_code in (302, 403), url
