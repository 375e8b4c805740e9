"""Reply notices, the opt-in daily digest, and the signed one-click unsubscribe."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from communities import services
from communities.mail import make_unsubscribe_token, send_digests
from communities.records import Subscription
from tests.tree import build_site

from .helpers import build_community, person


class Base(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.page, cls.community = build_community(cls.t)
        cls.facilitator = person("fac@example.org", "Amina Facilitator", facilitator=True)
        cls.member = person("member@example.org", "Lucía Gómez", cls.community, language="es")
        cls.other = person("other@example.org", "Pedro Ruiz", cls.community)
        cls.outsider = person("out@example.org", "Outsider")
        cls.thread, first = services.start_thread(
            cls.community, cls.member, "Before the session", "What do you do first?"
        )
        services.approve_post(first, cls.facilitator)


class TestReplyNotices(Base):
    def test_participants_are_told_in_their_language_with_unsubscribe(self):
        mail.outbox.clear()
        services.reply(self.thread, self.facilitator, "We listen first.")
        (message,) = mail.outbox
        assert message.to == ["member@example.org"]
        assert "Before the session" in message.subject
        assert "We listen first." in message.body
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        url = message.extra_headers["List-Unsubscribe"].strip("<>")
        assert "/es/communities/unsubscribe/" in url and url.split("/", 3)[3] in message.body
        # One click (as a mail program does it, no CSRF token) stops reply notices.
        path = "/" + url.split("/", 3)[3]
        client = self.client_class(enforce_csrf_checks=True)
        assert client.get(path).status_code == 200  # a page with one button: scanners do nothing
        assert Subscription.objects.get(user=self.member).reply_notices
        assert client.post(path).status_code == 200
        assert not Subscription.objects.get(user=self.member).reply_notices
        mail.outbox.clear()
        services.reply(self.thread, self.facilitator, "And again.")
        assert mail.outbox == []

    def test_no_notice_to_the_author_nor_to_former_members_nor_for_waiting_posts(self):
        services.reply(self.thread, self.other, "Waiting for approval")  # newcomer: waits
        mail.outbox.clear()
        services.reply(self.thread, self.member, "Own reply")
        assert mail.outbox == []  # the other's post waits, so they are no participant yet
        self.member.groups.remove(self.community.members_group)
        services.reply(self.thread, self.facilitator, "After she left")
        assert mail.outbox == []

    def test_forged_or_altered_tokens_are_refused(self):
        subscription = Subscription.objects.get(user=self.member)
        token = make_unsubscribe_token(subscription, "digest")
        for bad in ("nonsense", token[:-2] + "xx", token.replace(":", "", 1)):
            response = self.client.post(f"/en/communities/unsubscribe/{bad}/")
            assert response.status_code == 400, bad
            assert "This link does not work" in response.content.decode()


class TestDigest(Base):
    def test_opt_in_daily_digest(self):
        now = timezone.now()
        self.client.force_login(self.other)
        response = self.client.post(
            f"/en/communities/{self.community.pk}/preferences/",
            {f"c{self.community.pk}-digest": "on"},
        )
        assert response.status_code == 302
        subscription = Subscription.objects.get(user=self.other)
        assert subscription.digest and not subscription.reply_notices
        services.reply(self.thread, self.facilitator, "A new idea")
        hidden = services.reply(self.thread, self.facilitator, "Hidden later")
        services.set_post_hidden(hidden, self.facilitator)
        mail.outbox.clear()
        out = StringIO()
        sent, nothing = send_digests(now=now + timedelta(days=1, minutes=1))
        assert (sent, nothing) == (1, 0)
        (message,) = mail.outbox
        assert message.to == ["other@example.org"]
        assert "A new idea" in message.body and "Hidden later" not in message.body
        assert "List-Unsubscribe" in message.extra_headers
        # Nothing twice; the command says what it did.
        mail.outbox.clear()
        call_command("send_discussion_digests", stdout=out)
        assert mail.outbox == [] and "Discussion digests sent: 0" in out.getvalue()
        # One click stops it.
        url = message.extra_headers["List-Unsubscribe"].strip("<>")
        self.client.logout()
        self.client.post("/" + url.split("/", 3)[3])
        assert not Subscription.objects.get(user=self.other).digest

    def test_no_digest_for_someone_no_longer_member(self):
        Subscription.objects.filter(user=self.member).update(
            digest=True, last_digest_at=timezone.now() - timedelta(days=2)
        )
        services.reply(self.thread, self.facilitator, "News")
        self.member.groups.remove(self.community.members_group)
        mail.outbox.clear()
        assert send_digests() == (0, 0)
        assert mail.outbox == []

    def test_preferences_need_membership(self):
        self.client.force_login(self.outsider)
        response = self.client.post(
            f"/en/communities/{self.community.pk}/preferences/", {"digest": "on"}
        )
        assert response.status_code == 403
        assert not Subscription.objects.filter(user=self.outsider).exists()


class TestFollowUp(Base):
    def test_a_member_asks_the_facilitators(self):
        url = f"/en/communities/{self.community.pk}/follow-up/"
        self.client.force_login(self.member)
        mail.outbox.clear()
        assert self.client.post(url, {"message": "  "}).status_code == 400
        response = self.client.post(url, {"message": "Can we talk about night shifts?"})
        assert response.status_code == 302
        (message,) = mail.outbox
        assert message.to == ["fac@example.org"] and message.reply_to == ["member@example.org"]
        assert "night shifts" in message.body
        self.client.force_login(self.outsider)
        assert self.client.post(url, {"message": "Hello"}).status_code == 403
        assert len(mail.outbox) == 1
