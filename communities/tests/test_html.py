"""The Nu HTML Checker finds no error on the communities' pages, as each kind of reader sees
them (one checker run for all, like tests/test_html_validity.py)."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.test import TestCase

from communities import services
from communities.records import Theme
from tests.test_html_validity import JAVA, checker_jar
from tests.tree import build_site

from .helpers import build_community, person


@pytest.mark.skipif(JAVA is None, reason="Java is not installed: the Nu HTML Checker needs it")
class TestHtml(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.page, cls.community = build_community(cls.t)
        Theme.objects.create(community=cls.community, title="Self care for staff")
        cls.facilitator = person("fac@example.org", "Amina Facilitator", facilitator=True)
        cls.member = person("member@example.org", "Lucía Gómez", cls.community)
        cls.newcomer = person("new@example.org", "Pedro Ruiz", cls.community)
        cls.thread, post = services.start_thread(
            cls.community, cls.facilitator, "Welcome", "Hello <b>all</b>\nSee www.example.org"
        )
        services.reply(cls.thread, cls.newcomer, "Waiting reply")
        cls.reply = services.reply(cls.thread, cls.facilitator, "Approved reply")
        services.report_post(cls.reply, cls.member, "spam", "Looks like an advert")

    def token(self):
        from communities.mail import make_unsubscribe_token
        from communities.records import Subscription

        return make_unsubscribe_token(Subscription.objects.get(user=self.newcomer), "digest")

    def test_no_error(self):
        thread = f"/en/communities/threads/{self.thread.pk}/"
        views = {
            "anonymous-page": (None, self.page.url),
            "member-page": (self.member, self.page.url),
            "facilitator-page": (self.facilitator, self.page.url),
            "member-thread": (self.member, thread),
            "facilitator-thread": (self.facilitator, thread),
            "mine": (self.member, "/en/communities/mine/"),
            "report": (self.newcomer, f"/en/communities/posts/{self.reply.pk}/report/"),
            "members-only": (person("out@example.org", "Outsider"), thread),
            "follow-up-error": (self.member, f"/en/communities/{self.community.pk}/follow-up/"),
            "spanish-page": (self.member, self.page.url.replace("/en/", "/es/")),
            "unsubscribe": (None, f"/en/communities/unsubscribe/{self.token()}/"),
        }
        folder = Path(tempfile.mkdtemp(prefix="nu-html-"))
        self.addCleanup(shutil.rmtree, folder, True)
        files = {}
        for name, (user, url) in views.items():
            self.client.logout()
            if user:
                self.client.force_login(user)
            if name == "follow-up-error":
                response = self.client.post(url, {"message": ""})
            else:
                response = self.client.get(url, follow=True)
            assert response.status_code in (200, 400, 403), (name, response.status_code)
            path = folder / f"{name}.html"
            path.write_bytes(response.content)
            files[path.resolve().as_uri()] = name
        result = subprocess.run(
            [JAVA, "-Xss2m", "-jar", str(checker_jar()), "--errors-only", "--format", "json"]
            + [str(folder)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
        errors = [
            f"{files.get(m.get('url'), m.get('url'))}:{m.get('lastLine')}: {m.get('message')} "
            f"[{m.get('extract', '').strip()[:80]}]"
            for m in messages
            if m.get("type") == "error" or m.get("subType") == "fatal"
        ]
        assert not errors, "\n".join(errors)
