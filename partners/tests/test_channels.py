"""Partner-only content reaches partners and nobody else, whatever the channel.

One tree with a restricted section (a content area and its sub-area), a restricted resource
(with a French translation) and a document in the "Partners only" collection, walked by three
visitors: anonymous, signed in without being a partner ("outsider"), and a partner. Every
channel is checked for each of them: pages, listings and counts, search, feeds, digests, the
API, the sitemap, document downloads, the partners' own page and the admin.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, TestCase
from django.utils import timezone
from wagtail.models import Collection

from alerts.digests import send_digests
from alerts.models import Subscription
from alerts.tests.helpers import add_resource, publish, restrict, translate
from partners.setup import PARTNER_COLLECTION_NAME, partner_group
from tests import factories as f
from tests.tree import build_site

SECRETS = [
    "Partner workspace",
    "Partner sub-area",
    "Confidential field notes",
    "Notes confidentielles",
    "Partner budget",
    "partner-workspace",
    "confidential-notes",
]


def leaked(text):
    return [secret for secret in SECRETS if secret in text]


class ChannelTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = t = build_site()
        call_command("setup_partners", stdout=None)
        group = partner_group()
        users = get_user_model().objects
        cls.partner = users.create_user("partner", "partner@example.org", "pw")
        cls.partner.groups.add(group)
        cls.outsider = users.create_user("outsider", "outsider@example.org", "pw")
        Subscription.objects.create(
            email="reader@example.org",
            language="en",
            confirmed_at=timezone.now(),
            covered_until=timezone.now() - timedelta(days=1),
        )

        cls.area = publish(
            f.ContentAreaPageFactory(
                parent=t.areas_index,
                title="Partner workspace",
                slug="partner-workspace",
                live=False,
            )
        )
        cls.area.topics.add(t.topic)
        restrict(cls.area, group)
        cls.sub_area = publish(
            f.ContentAreaPageFactory(
                parent=cls.area, title="Partner sub-area", slug="partner-sub-area", live=False
            )
        )

        collection = Collection.objects.get(name=PARTNER_COLLECTION_NAME)
        cls.document = f.DocumentFactory(title="Partner budget", collection=collection)
        cls.resource = add_resource(
            t.library,
            "Confidential field notes",
            slug="confidential-notes",
            topics=[t.topic],
            resource_type=t.resource_type,
            summary="Interim care notes from the field.",
        )
        cls.resource.files.create(document=cls.document)
        cls.resource.related_areas.add(cls.area)
        cls.resource = publish(cls.resource)
        restrict(cls.resource, group)
        cls.french = translate(cls.resource, "fr", "Notes confidentielles")
        cls.public = add_resource(
            t.library, "Public checklist", topics=[t.topic], resource_type=t.resource_type
        )
        t.resource.related_areas.add(cls.area)
        publish(t.resource)

    def setUp(self):
        cache.clear()
        self.anonymous = Client()
        self.outsider_client = Client()
        self.outsider_client.force_login(self.outsider)
        self.partner_client = Client()
        self.partner_client.force_login(self.partner)
        self.others = {"anonymous": self.anonymous, "outsider": self.outsider_client}

    def text(self, client, url, status=200):
        response = client.get(url)
        assert response.status_code == status, (url, response.status_code)
        if response.streaming:
            return b"".join(response.streaming_content).decode()
        return response.content.decode()


class TestEveryChannel(ChannelTestCase):
    def test_restricted_pages_send_others_to_sign_in(self):
        for url in (self.area.url, self.sub_area.url, self.resource.url, self.french.url):
            language = url.split("/")[1]
            for who, client in self.others.items():
                with self.subTest(url=url, who=who):
                    response = client.get(url)
                    assert response.status_code == 302
                    assert response["Location"] == f"/{language}/partners/sign-in/?next={url}"
            with self.subTest(url=url, who="partner"):
                assert self.partner_client.get(url).status_code == 200
        assert "Partner budget" in self.text(self.partner_client, self.resource.url)

    def test_listings_and_counts_show_public_pages_only_to_everyone(self):
        # Listings are the same for every visitor; partners find their pages on their own page.
        pages = [
            self.t.home,
            self.t.library,
            self.t.areas_index,
            self.t.area,
            self.t.resource,
            self.t.case_study,
            self.t.kit,
        ]
        for client in (self.anonymous, self.outsider_client, self.partner_client):
            for page in pages:
                with self.subTest(page=page.title):
                    assert leaked(self.text(client, page.url)) == []
        library = self.text(self.anonymous, self.t.library.url)
        assert "2 resources" in library and "Public checklist" in library
        assert (
            leaked(self.text(self.anonymous, f"{self.t.library.url}?topic=children-on-the-move"))
            == []
        )

    def test_search(self):
        for client in (self.anonymous, self.outsider_client, self.partner_client):
            for query in ("confidential", "workspace", "budget", "notes"):
                with self.subTest(query=query):
                    assert leaked(self.text(client, f"/en/search/?q={query}")) == []
        assert "Public checklist" in self.text(self.anonymous, "/en/search/?q=checklist")

    def test_feeds(self):
        for client in (self.anonymous, self.partner_client):
            for url in (
                "/en/feeds/rss/",
                "/en/feeds/atom/",
                "/fr/feeds/rss/",
                "/en/feeds/topic/children-on-the-move/atom/",
                "/en/feeds/type/guideline/rss/",
            ):
                with self.subTest(url=url):
                    feed = self.text(client, url)
                    assert leaked(feed) == []
            assert "Public checklist" in self.text(client, "/en/feeds/rss/")
            self.text(client, "/en/feeds/area/partner-workspace/rss/", status=404)

    def test_digests(self):
        send_digests(now=timezone.now() + timedelta(days=7))
        [message] = mail.outbox
        assert "Public checklist" in message.body
        assert leaked(message.body) == [] and leaked(message.alternatives[0][0]) == []

    def test_api(self):
        urls = [
            "/api/v2/pages/?limit=50",
            "/api/v2/pages/?search=confidential",
            "/api/v2/pages/?topic=children-on-the-move",
            "/api/v2/documents/",
            f"/api/v2/pages/{self.t.resource.pk}/",
            f"/api/v2/pages/{self.t.home.pk}/",
        ]
        for who, client in self.others.items():
            for url in urls:
                with self.subTest(who=who, url=url):
                    assert leaked(self.text(client, url)) == []
            for url in (
                f"/api/v2/pages/{self.resource.pk}/",
                f"/api/v2/pages/{self.area.pk}/",
                f"/api/v2/documents/{self.document.pk}/",
            ):
                with self.subTest(who=who, url=url):
                    self.text(client, url, status=404)
        listing = self.text(self.partner_client, "/api/v2/pages/?limit=50")
        assert {
            "Partner workspace",
            "Partner sub-area",
            "Confidential field notes",
            "Notes confidentielles",
        } <= set(leaked(listing))
        assert "Partner budget" in self.text(self.partner_client, "/api/v2/documents/")
        assert "Partner budget" in self.text(
            self.partner_client, f"/api/v2/pages/{self.resource.pk}/"
        )

    def test_sitemap(self):
        for client in (self.anonymous, self.partner_client):
            sitemap = self.text(client, "/sitemap.xml")
            assert "/en/resources/interim-care/" in sitemap
            assert leaked(sitemap) == []

    def test_document_downloads(self):
        for who, client in self.others.items():
            with self.subTest(who=who):
                response = client.get(self.document.url)
                assert response.status_code == 302
                assert response["Location"].startswith("/en/partners/sign-in/?next=")
        response = self.partner_client.get(self.document.url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert self.anonymous.get(self.t.document.url).status_code == 200

    def test_partners_page(self):
        response = self.anonymous.get("/en/partners/")
        assert response.status_code == 302 and "/en/partners/sign-in/" in response["Location"]
        assert leaked(self.text(self.outsider_client, "/en/partners/")) == []
        shared = self.text(self.partner_client, "/en/partners/")
        assert {"Partner workspace", "Confidential field notes", "Partner budget"} <= set(
            leaked(shared)
        )
        assert "Partner sub-area" not in shared  # found inside the workspace
        assert "Notes confidentielles" in self.text(self.partner_client, "/fr/partners/")

    def test_partners_cannot_open_the_admin(self):
        response = self.partner_client.get("/admin/")
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")

    def test_a_public_kit_does_not_show_a_restricted_resource(self):
        kit = self.t.kit
        kit.sections = [
            {
                "type": "section",
                "value": {
                    "title": "Read first",
                    "note": "",
                    "items": [
                        {"resource": self.t.resource.pk, "note": ""},
                        {"resource": self.resource.pk, "note": ""},
                    ],
                },
            }
        ]
        publish(kit)
        for client in (self.anonymous, self.partner_client):
            html = self.text(client, kit.url)
            assert self.t.resource.title in html
            assert leaked(html) == []
