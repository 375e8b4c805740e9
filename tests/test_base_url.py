"""One address for the whole portal: PORTAL_BASE_URL (issue 13, item 10).

Before, the sitemap, canonical and og:url links, JSON-LD and the API named http://localhost/
while the site was served elsewhere, and e-mails linked to 127.0.0.1:8000. After
`setup_site`, every absolute URL the portal writes names the host it is served on.
"""

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.test import TestCase

from .tree import build_site

HOST = "portal.example.org"
ABSOLUTE_URL = re.compile(r"""https?://[^\s"'<>\\)]+""")
# Hosts that are not the portal's and are named on purpose: vocabularies and XML namespaces,
# and the external links the test tree's editors entered.
FOREIGN = {"schema.org", "www.sitemaps.org", "www.w3.org", "www.google.com", "example.org"}


class TestOneAddress(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        call_command("setup_site", base_url=f"https://{HOST}", verbosity=0)

    def get(self, url, **params):
        response = self.client.get(url, params, headers={"host": HOST}, secure=True)
        assert response.status_code in (200, 302), (url, response.status_code)
        return response

    def test_every_public_absolute_url_names_the_served_host(self):
        responses = {
            url: self.get(url)
            for url in (
                self.t.resource.url,
                self.t.area.url,
                self.t.case_study.url,
                "/sitemap.xml",
                "/robots.txt",
                "/en/feeds/rss/",
                "/en/feeds/atom/",
                "/api/v2/pages/",
                f"/api/v2/pages/{self.t.resource.pk}/",
                "/api/v2/documents/",
                "/api/v2/images/",
            )
        }
        responses["find"] = self.get("/api/v2/pages/find/", id=self.t.resource.pk)
        wrong = set()
        seen = 0
        for name, response in responses.items():
            text = response.content.decode() + response.get("Location", "")
            for url in ABSOLUTE_URL.findall(text):
                seen += 1
                host = urlsplit(url).hostname
                if host != HOST and host not in FOREIGN:
                    wrong.add((name, url))
        assert seen > 20
        assert not wrong, sorted(wrong)
        assert responses["find"]["Location"].startswith(f"https://{HOST}/api/v2/pages/")

    def test_setup_site_refuses_addresses_wagtail_cannot_represent(self):
        for bad in ("portal.example.org", "ftp://x.org", "https://x.org:8443", "https://x.org/sub"):
            with self.subTest(bad=bad), pytest.raises(CommandError):
                call_command("setup_site", base_url=bad, verbosity=0)


def test_admin_base_url_follows_portal_base_url():
    env = {k: v for k, v in os.environ.items() if k != "WAGTAILADMIN_BASE_URL"}
    env.update(PORTAL_BASE_URL=f"https://{HOST}/", DJANGO_SETTINGS_MODULE="portal.settings.dev")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django;django.setup();from django.conf import settings;"
            "print(settings.WAGTAILADMIN_BASE_URL)",
        ],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip() == f"https://{HOST}", result.stderr
