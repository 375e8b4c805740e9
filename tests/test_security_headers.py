"""Security headers and the production shape (issue 13, items 8 and 9).

* Every response carries a Content-Security-Policy (with a fresh nonce) and a
  Permissions-Policy; the admin's policy adds only what Wagtail's admin needs.
* `manage.py check --deploy` with the production settings and only the required variables
  prints no warning: HSTS and the HTTPS redirect are on by default.
* X-Forwarded-Proto is believed only when TRUSTED_PROXY says a proxy is in front.
"""

import os
import subprocess
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.test import TestCase

from .tree import build_site

PROJECT = Path(__file__).resolve().parent.parent
SECRET = "production-test-" + "k3y-" * 12


def production(args, **env):
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SECURE_", "HSTS_", "TRUSTED_PROXY", "DJANGO_SETTINGS_MODULE"))
        and k not in {"SECRET_KEY", "ALLOWED_HOSTS"}
    }
    base.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="portal.example.org",
        **env,
    )
    return subprocess.run(
        [sys.executable, *args], cwd=PROJECT, env=base, capture_output=True, text=True, timeout=180
    )


def test_check_deploy_prints_no_warning_with_the_documented_variables():
    result = production(["manage.py", "check", "--deploy"])
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "System check identified no issues" in output, output
    assert "WARNING" not in output


def test_hsts_can_be_turned_off():
    result = production(["manage.py", "check", "--deploy"], HSTS_SECONDS="0")
    assert "security.W004" in result.stdout + result.stderr


# A request through Django's whole stack in the production settings, claiming HTTPS the way a
# proxy would: HSTS is sent only on requests Django believes are secure.
REQUEST = """
import django
django.setup()
from django.test import Client
response = Client(raise_request_exception=False).get(
    "/favicon.ico", HTTP_HOST="portal.example.org", HTTP_X_FORWARDED_PROTO="https"
)
print(response.status_code, response.get("Location", "-"),
      response.get("Strict-Transport-Security", "-"))
"""


def test_forwarded_proto_is_ignored_without_a_trusted_proxy():
    result = production(["-c", REQUEST])
    status, location, hsts = result.stdout.strip().split(" ", 2)
    assert (status, location) == ("301", "https://portal.example.org/favicon.ico"), result.stderr
    assert hsts == "-"


def test_forwarded_proto_is_believed_behind_a_trusted_proxy():
    result = production(["-c", REQUEST], TRUSTED_PROXY="true")
    status, location, hsts = result.stdout.strip().split(" ", 2)
    assert location != "https://portal.example.org/favicon.ico", result.stderr
    assert hsts == "max-age=31536000; includeSubDomains"


class TestHeaders(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.admin = get_user_model().objects.create_superuser("root", "r@example.org", "pw")

    def test_public_pages_have_a_strict_policy(self):
        first = self.client.get(self.t.resource.url)
        assert first.status_code == 200
        policy = first["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if " " in d.strip())
        assert directives["default-src"] == "'self'"
        assert directives["object-src"] == "'none'"
        assert directives["frame-ancestors"] == "'self'"
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        # Public pages have no inline script; one that uses {{ request.csp_nonce }} would get
        # a fresh nonce added here by django-csp.
        assert directives["script-src"] == "'self'"
        assert directives["style-src"] == "'self'"
        assert "camera=()" in first["Permissions-Policy"]
        assert "geolocation=()" in first["Permissions-Policy"]

    def test_api_and_admin_have_headers_too(self):
        assert "default-src 'self'" in self.client.get("/api/v2/pages/")["Content-Security-Policy"]
        self.client.force_login(self.admin)
        response = self.client.get(f"/admin/pages/{self.t.resource.pk}/edit/")
        assert response.status_code == 200
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "'unsafe-eval'" not in policy
        assert "script-src 'self' 'unsafe-inline'" in policy  # Wagtail's admin needs them
        assert "Permissions-Policy" in response

    def test_an_inline_script_gets_a_fresh_nonce(self):
        from django.http import HttpResponse
        from django.test import RequestFactory

        from portal.security import PortalCSPMiddleware

        def page_with_inline_script(request):
            return HttpResponse(f'<script nonce="{request.csp_nonce}">go()</script>')

        middleware = PortalCSPMiddleware(page_with_inline_script)
        nonces = set()
        for _ in range(2):
            request = RequestFactory().get("/en/")
            response = middleware(request)
            nonce = response.content.decode().split('"')[1]
            assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
            nonces.add(nonce)
        assert len(nonces) == 2
