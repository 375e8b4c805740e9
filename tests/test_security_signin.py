"""Sign-in lock-out (issue 13, item 5): every sign-in the portal has goes through django-axes.

After the failure limit, the right password is refused from the same address for that user
name, with a page that says what to do; another user behind the same address, and the same
user from elsewhere, still sign in; an administrator's `axes_reset_username` unlocks.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client, TestCase, override_settings

from accounts import services

from .tree import build_site

User = get_user_model()
OFFICE = "203.0.113.7"  # one address for a whole office (behind its router)
ELSEWHERE = "198.51.100.20"
PASSWORD = "a-long-pass-phrase-42"


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=10)
class TestLockOut(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        editors = Group.objects.create(name="Editors for the lock-out test")
        editors.permissions.add(Permission.objects.get(codename="access_admin"))
        partners = Group.objects.get_or_create(name="Partners")[0]
        cls.signins = {}
        for kind, url in (
            ("admin", "/admin/login/"),
            ("partner", "/en/partners/sign-in/"),
            ("learner", "/en/account/sign-in/"),
            ("django-admin", "/django-admin/login/"),
        ):
            users = []
            for n in (1, 2):
                if kind == "learner":
                    user, _created = services.find_or_invite(f"learner{n}@example.org", "L", "en")
                    user.is_active = True
                else:
                    user = User(username=f"{kind}{n}", email=f"{kind}{n}@example.org")
                    user.is_staff = kind == "django-admin"
                user.set_password(PASSWORD)
                user.save()
                if kind == "admin":
                    user.groups.add(editors)
                if kind == "partner":
                    user.groups.add(partners)
                users.append(user)
            cls.signins[kind] = (url, users)

    def sign_in(self, url, user, password, address=OFFICE):
        client = Client(REMOTE_ADDR=address)
        response = client.post(url, {"username": user.username, "password": password})
        return response, client.session.get("_auth_user_id") == str(user.pk)

    def test_twenty_wrong_passwords_then_the_right_one_is_refused(self):
        for kind, (url, (victim, colleague)) in self.signins.items():
            with self.subTest(sign_in=kind):
                for _ in range(20):
                    response, signed_in = self.sign_in(url, victim, "wrong-password")
                    assert not signed_in and response.status_code in (200, 429)
                response, signed_in = self.sign_in(url, victim, PASSWORD)
                assert not signed_in
                assert response.status_code == 429
                html = response.content.decode()
                assert "Signing in is blocked for now" in html
                assert "administrator to unlock" in html

                # Keyed on user name AND address: a colleague in the same office signs in,
                # and the victim still can from another address.
                assert self.sign_in(url, colleague, PASSWORD)[1]
                assert self.sign_in(url, victim, PASSWORD, address=ELSEWHERE)[1]

                # The administrator unlocks the account.
                call_command("axes_reset_username", victim.username, verbosity=0)
                assert self.sign_in(url, victim, PASSWORD)[1]

    def test_a_few_mistakes_do_not_lock_anyone_out(self):
        url, (user, _colleague) = self.signins["partner"]
        for _ in range(9):
            self.sign_in(url, user, "wrong-password")
        assert self.sign_in(url, user, PASSWORD)[1]
        # A successful sign-in resets the count.
        for _ in range(9):
            self.sign_in(url, user, "wrong-password")
        assert self.sign_in(url, user, PASSWORD)[1]


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, TRUSTED_PROXY=True)
class TestBehindAProxy(TestCase):
    """Behind the proxy, the address is the one the proxy appended, not one a client wrote."""

    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.user = User.objects.create_user("partner", "p@example.org", PASSWORD)
        cls.user.groups.add(Group.objects.get_or_create(name="Partners")[0])

    def post(self, password, forwarded):
        client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
        client.post("/en/partners/sign-in/", {"username": "partner", "password": password})
        return client.session.get("_auth_user_id") == str(self.user.pk)

    def test_a_forged_forwarded_address_does_not_escape_the_lock_out(self):
        for n in range(5):
            self.post("wrong-password", f"10.0.0.{n}, {OFFICE}")
        assert not self.post(PASSWORD, f"10.9.9.9, {OFFICE}")
        assert self.post(PASSWORD, ELSEWHERE)
