"""E-mail alerts: double opt-in, digests without duplicates, one-click unsubscribe, admin."""

import re
import time
from datetime import timedelta
from io import StringIO
from unittest import mock

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, TestCase, override_settings
from django.utils import timezone

from alerts.digests import send_digests
from alerts.models import Subscription
from alerts.tokens import make_unsubscribe_token
from tests import factories as f
from tests.tree import build_site

from .helpers import add_resource, locale, restrict, translate

LINK = re.compile(r"http://testserver(/\S+/)")


def next_week():
    return timezone.now() + timedelta(days=8)


class AlertTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.labour = f.TopicFactory(name="Child labour", slug="child-labour")
        locale("fr")

    def setUp(self):
        cache.clear()  # the confirmation cool-down lives in the cache

    def subscribe(self, email="amina@example.org", language="en", topics=(), areas=()):
        mail.outbox.clear()
        response = self.client.post(
            f"/{language}/alerts/",
            {
                "email": email,
                "language": language,
                "topics": [t.pk for t in topics],
                "content_areas": [a.pk for a in areas],
            },
        )
        assert response.status_code == 302
        assert response["Location"] == f"/{language}/alerts/check-your-mail/"
        assert len(mail.outbox) == 1
        return LINK.search(mail.outbox[0].body).group(1)

    def confirm(self, **kwargs):
        url = self.subscribe(**kwargs)
        assert self.client.post(url).status_code == 200
        mail.outbox.clear()
        return Subscription.objects.get(
            email=Subscription.normalise_email(kwargs.get("email", "amina@example.org"))
        )


class TestSubscribing(AlertTestCase):
    def test_form_lists_topics_and_areas(self):
        response = self.client.get("/en/alerts/")
        content = response.content.decode()
        assert response.status_code == 200
        assert "Children on the move" in content and "Alternative care" in content

    def test_nothing_is_stored_before_confirmation(self):
        url = self.subscribe(topics=[self.t.topic])
        assert url.startswith("/en/alerts/confirm/")
        assert not Subscription.objects.exists()
        # Opening the link (as a mail scanner would) shows a button and confirms nothing.
        response = self.client.get(url)
        assert response.status_code == 200 and b"<form" in response.content
        assert not Subscription.objects.exists()

    def test_confirming_stores_the_choices(self):
        subscription = self.confirm(
            email="Amina@Example.org ", topics=[self.t.topic], areas=[self.t.area]
        )
        assert subscription.email == "amina@example.org"
        assert subscription.language == "en"
        assert list(subscription.topics.all()) == [self.t.topic]
        assert list(subscription.content_areas.all()) == [self.t.area]

    def test_confirmation_mail_is_in_the_chosen_language(self):
        self.subscribe(language="fr")
        message = mail.outbox[0]
        assert "/fr/alerts/confirm/" in message.body
        assert 'lang="fr"' in message.alternatives[0][0]

    def test_the_form_does_not_reveal_who_subscribes(self):
        self.confirm()
        response = self.client.post("/en/alerts/", {"email": "amina@example.org", "language": "en"})
        assert response["Location"] == "/en/alerts/check-your-mail/"

    def test_one_confirmation_mail_per_address_at_a_time(self):
        self.subscribe()
        self.client.post("/en/alerts/", {"email": "amina@example.org", "language": "en"})
        assert len(mail.outbox) == 1

    def test_altered_or_expired_links_are_refused(self):
        url = self.subscribe()
        assert self.client.post(url[:-3] + "xx/").status_code == 400
        eight_days_later = time.time() + 8 * 24 * 3600
        with mock.patch("django.core.signing.time.time", return_value=eight_days_later):
            assert self.client.post(url).status_code == 400
        assert not Subscription.objects.exists()

    def test_invalid_address_shows_the_form_again(self):
        response = self.client.post("/en/alerts/", {"email": "not-an-address", "language": "en"})
        assert response.status_code == 200
        assert not mail.outbox


class TestDigests(AlertTestCase):
    def test_subscribe_confirm_publish_digest_once(self):
        self.confirm(topics=[self.t.topic])
        new = add_resource(self.t.library, "Kinship care checklist", topics=[self.t.topic])
        other = add_resource(self.t.library, "Hazardous work list", topics=[self.labour])

        run = send_digests(now=next_week())
        assert (run.sent, run.nothing_new) == (1, 0)
        [message] = mail.outbox
        assert message.to == ["amina@example.org"]
        assert new.title in message.body and other.title not in message.body
        assert new.full_url in message.body
        unsubscribe = message.extra_headers["List-Unsubscribe"]
        assert unsubscribe.startswith("<http://localhost/en/alerts/unsubscribe/")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert unsubscribe[1:-1] in message.body

        mail.outbox.clear()
        assert send_digests(now=next_week()).sent == 0  # the same run again
        assert send_digests(now=next_week() + timedelta(days=7)).sent == 0  # nothing new since
        assert not mail.outbox

    def test_command_is_safe_to_run_twice(self):
        self.confirm()
        add_resource(self.t.library, "Kinship care checklist")
        Subscription.objects.update(covered_until=timezone.now() - timedelta(days=8))
        out = StringIO()
        call_command("send_digests", stdout=out)
        call_command("send_digests", stdout=out)
        assert len(mail.outbox) == 1
        assert "Digests sent: 1" in out.getvalue() and "Digests sent: 0" in out.getvalue()

    def test_not_due_before_the_interval(self):
        self.confirm()
        add_resource(self.t.library, "Kinship care checklist")
        assert send_digests(now=timezone.now() + timedelta(days=3)).sent == 0
        with override_settings(ALERTS_DIGEST_INTERVAL_DAYS=1):
            assert send_digests(now=timezone.now() + timedelta(days=3)).sent == 1

    def test_no_mail_when_nothing_new(self):
        self.confirm()
        run = send_digests(now=next_week())
        assert (run.sent, run.nothing_new) == (0, 1)
        assert not mail.outbox

    def test_unconfirmed_addresses_get_nothing(self):
        self.subscribe(email="never@example.org")
        mail.outbox.clear()
        add_resource(self.t.library, "Kinship care checklist")
        send_digests(now=next_week())
        assert not mail.outbox

    def test_items_published_before_confirming_are_not_news(self):
        add_resource(self.t.library, "Kinship care checklist")
        self.confirm()
        assert send_digests(now=next_week()).sent == 0

    def test_follows_content_areas_and_language(self):
        french_area = translate(self.t.area, "fr", "Protection de remplacement")
        self.confirm(email="fr@example.org", language="fr", areas=[french_area])
        add_resource(self.t.library, "English only", topics=[self.t.topic])
        french = translate(
            add_resource(self.t.library, "Kinship care", topics=[self.t.topic]),
            "fr",
            "Prise en charge par la famille",
        )
        unrelated = translate(add_resource(self.t.library, "Labour", topics=[self.labour]), "fr")
        send_digests(now=next_week())
        [message] = mail.outbox
        assert french.title in message.body
        assert "English only" not in message.body and unrelated.title not in message.body
        assert "/fr/alerts/unsubscribe/" in message.body

    def test_restricted_pages_are_never_sent(self):
        self.confirm()
        restrict(add_resource(self.t.library, "Partner notes"))
        send_digests(now=next_week())
        assert not mail.outbox

    def test_drafts_are_never_sent(self):
        self.confirm()
        add_resource(self.t.library, "Unapproved draft", live=False)
        send_digests(now=next_week())
        assert not mail.outbox

    def test_a_failed_mail_is_retried_next_run(self):
        self.confirm()
        add_resource(self.t.library, "Kinship care checklist")
        with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=OSError):
            with self.assertLogs("portal.alerts", "ERROR"):
                assert send_digests(now=next_week()).failed == 1
        assert send_digests(now=next_week()).sent == 1


class TestUnsubscribing(AlertTestCase):
    def unsubscribe_url(self):
        return f"/en/alerts/unsubscribe/{make_unsubscribe_token('amina@example.org')}/"

    def test_link_asks_then_deletes_the_address_without_signing_in(self):
        self.confirm(topics=[self.t.topic])
        url = self.unsubscribe_url()
        response = self.client.get(url)
        assert response.status_code == 200 and b"<form" in response.content
        assert Subscription.objects.exists()
        assert self.client.post(url).status_code == 200
        assert not Subscription.objects.exists()
        assert not Subscription.topics.through.objects.exists()

    def test_mail_programs_one_click_post_needs_no_csrf_token(self):
        self.confirm()
        client = Client(enforce_csrf_checks=True)
        response = client.post(self.unsubscribe_url(), {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200
        assert not Subscription.objects.exists()

    def test_forged_link_is_refused(self):
        self.confirm()
        assert self.client.post("/en/alerts/unsubscribe/amina@example.org/").status_code == 400
        assert Subscription.objects.exists()


class TestAdmin(AlertTestCase):
    def setUp(self):
        super().setUp()
        admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
        self.client.force_login(admin)

    def test_subscriptions_are_listed_filtered_searched_and_exported(self):
        self.confirm(topics=[self.t.topic])
        self.client.force_login(get_user_model().objects.get(username="admin"))
        index = "/admin/alerts/subscription/"
        response = self.client.get(index)
        assert response.status_code == 200
        assert "amina@example.org" in response.content.decode()
        assert "amina@example.org" in self.client.get(index, {"q": "amina"}).content.decode()
        assert "amina@example.org" not in self.client.get(index, {"q": "zed"}).content.decode()
        assert self.client.get(index, {"language__exact": "fr"}).status_code == 200
        export = self.client.get(index, {"export": "csv"})
        assert export.status_code == 200
        body = (
            b"".join(export.streaming_content).decode()
            if export.streaming
            else export.content.decode()
        )
        assert "amina@example.org" in body and "Children on the move" in body

    def test_nobody_creates_or_edits_subscriptions_by_hand(self):
        self.confirm()
        pk = Subscription.objects.get().pk
        assert self.client.get("/admin/alerts/subscription/create/").status_code in (302, 403)
        assert self.client.get(f"/admin/alerts/subscription/edit/{pk}/").status_code in (302, 403)
