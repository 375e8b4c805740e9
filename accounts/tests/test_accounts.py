"""Front-end accounts: double opt-in sign-up, sign-in through authenticate(), password reset,
own data download and deletion, language, and no way into the Wagtail admin."""

import json
import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone

from accounts import services
from accounts.models import Profile
from alerts.tests.helpers import locale
from tests.tree import build_site

LINK = re.compile(r"https?://[^/\s]+(/\S+/)")
User = get_user_model()


def link_in(message):
    return LINK.search(message.body).group(1)


class AccountTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        for code in ("fr", "ar"):
            locale(code)

    def setUp(self):
        cache.clear()  # the mail cool-downs live in the cache
        mail.outbox.clear()

    def sign_up(self, email="amina@example.org", language="fr", prefix="en", **extra):
        data = {"name": "Amina Diallo", "email": email, "language": language, **extra}
        return self.client.post(f"/{prefix}/account/sign-up/", data)

    def confirmed_user(self, email="amina@example.org", password="a-long-pass-phrase-42"):
        self.sign_up(email)
        url = link_in(mail.outbox[-1])
        response = self.client.get(url, follow=True)  # Django swaps the token for a session
        form_url = response.redirect_chain[-1][0]
        self.client.post(form_url, {"new_password1": password, "new_password2": password})
        self.client.logout()
        return User.objects.get(email=email)


class TestSignUp(AccountTestCase):
    def test_sign_up_stores_an_inactive_account_and_mails_a_link_in_its_language(self):
        response = self.sign_up(country="Sénégal", organisation="Helpline Network")
        assert response.status_code == 302
        assert response["Location"] == "/en/account/sign-up/check-your-mail/"
        user = User.objects.get(email="amina@example.org")
        assert not user.is_active and not user.has_usable_password()
        assert user.username == "amina@example.org"
        assert user.profile.name == "Amina Diallo" and user.profile.country == "Sénégal"
        assert user.profile.confirmed_at is None
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["amina@example.org"]
        assert "Confirmez" in message.subject  # the account's language, not the page's
        assert link_in(message).startswith("/fr/account/password/")

    def test_choosing_the_password_confirms_signs_in_and_lands_in_the_preferred_language(self):
        self.sign_up()
        response = self.client.get(link_in(mail.outbox[0]), follow=True)
        assert response.status_code == 200
        assert "new_password1" in response.content.decode()
        form_url = response.redirect_chain[-1][0]
        response = self.client.post(
            form_url, {"new_password1": "a-long-pass-phrase-42", "new_password2": "x"}
        )
        assert response.status_code == 200  # mismatch: the form again, with the error
        assert "field-error" in response.content.decode()
        response = self.client.post(
            form_url,
            {"new_password1": "a-long-pass-phrase-42", "new_password2": "a-long-pass-phrase-42"},
        )
        assert response.status_code == 302
        assert response["Location"].startswith("/fr/")
        assert response.cookies["django_language"].value == "fr"
        user = User.objects.get(email="amina@example.org")
        assert user.is_active and user.profile.confirmed_at is not None
        assert self.client.session["_auth_user_id"] == str(user.pk)
        # The link works once.
        self.client.logout()
        response = self.client.get(link_in(mail.outbox[0]), follow=True)
        assert "expired" in response.content.decode() or "expiré" in response.content.decode()

    def test_an_existing_address_is_not_revealed_and_its_owner_is_told(self):
        user = self.confirmed_user()
        mail.outbox.clear()
        response = self.sign_up(email="AMINA@example.org")
        assert response["Location"] == "/en/account/sign-up/check-your-mail/"
        assert User.objects.filter(email__iexact="amina@example.org").count() == 1
        assert len(mail.outbox) == 1
        assert "sign-in" in mail.outbox[0].body and mail.outbox[0].to == [user.email]
        user.refresh_from_db()
        assert user.check_password("a-long-pass-phrase-42")  # nothing changed

    def test_an_error_keeps_everything_typed(self):
        response = self.sign_up(email="not-an-address", country="Kenya", organisation="Org")
        assert response.status_code == 200
        html = response.content.decode()
        assert 'value="Amina Diallo"' in html and 'value="Kenya"' in html
        assert 'value="not-an-address"' in html and 'role="alert"' in html
        assert not User.objects.exists() or not User.objects.filter(email="not-an-address")

    def test_sign_up_mails_are_rate_limited_per_address(self):
        self.sign_up()
        self.sign_up()
        assert len(mail.outbox) == 1

    def test_unconfirmed_accounts_are_pruned(self):
        self.sign_up()
        Profile.objects.update(created_at=timezone.now() - timedelta(days=8))
        assert services.prune_unconfirmed() == 1
        assert not User.objects.filter(email="amina@example.org").exists()

    def test_find_or_invite_for_other_apps(self):
        user, created = services.find_or_invite("Ana@Example.org", "Ana Pérez", "es")
        assert created and not user.is_active and user.profile.language == "es"
        assert link_in(mail.outbox[0]).startswith("/es/account/password/")
        again, created = services.find_or_invite("ana@example.org", "Other", "en")
        assert again == user and not created and again.profile.name == "Ana Pérez"


class TestSignIn(AccountTestCase):
    def test_sign_in_with_email_and_password(self):
        self.confirmed_user()
        response = self.client.post(
            "/en/account/sign-in/",
            {"username": "Amina@Example.org", "password": "a-long-pass-phrase-42"},
        )
        assert response.status_code == 302
        assert response["Location"].startswith("/fr/")  # preferred language
        assert response.cookies["django_language"].value == "fr"

    def test_a_wrong_password_says_so_and_keeps_the_address(self):
        self.confirmed_user()
        response = self.client.post(
            "/en/account/sign-in/", {"username": "amina@example.org", "password": "nope"}
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "do not match an account" in html and 'value="amina@example.org"' in html

    def test_an_unconfirmed_account_cannot_sign_in(self):
        self.sign_up()
        user = User.objects.get(email="amina@example.org")
        user.set_password("whatever-123-abc")
        user.save()
        response = self.client.post(
            "/en/account/sign-in/", {"username": user.email, "password": "whatever-123-abc"}
        )
        assert response.status_code == 200 and "_auth_user_id" not in self.client.session

    def test_next_is_followed_in_the_preferred_language(self):
        self.confirmed_user()
        response = self.client.post(
            "/en/account/sign-in/",
            {
                "username": "amina@example.org",
                "password": "a-long-pass-phrase-42",
                "next": "/en/elearning/",
            },
        )
        assert response["Location"] == "/fr/elearning/"

    def test_sign_out_is_a_post(self):
        user = self.confirmed_user()
        self.client.force_login(user)
        assert self.client.get("/en/account/sign-out/").status_code == 405
        assert self.client.post("/en/account/sign-out/").status_code == 302
        assert "_auth_user_id" not in self.client.session

    def test_front_end_accounts_never_reach_the_wagtail_admin(self):
        user = self.confirmed_user()
        self.client.force_login(user)
        response = self.client.get("/admin/")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        response = self.client.post(
            "/admin/login/", {"username": user.email, "password": "a-long-pass-phrase-42"}
        )
        assert response.status_code in (200, 302)
        assert self.client.get("/admin/").status_code == 302
        assert not user.is_staff and not user.user_permissions.exists()


class TestPasswordReset(AccountTestCase):
    def test_reset_mail_in_the_owners_language_and_new_password(self):
        self.confirmed_user()
        mail.outbox.clear()
        response = self.client.post(
            "/en/account/password/forgotten/", {"email": "amina@example.org"}
        )
        assert response["Location"] == "/en/account/password/forgotten/check-your-mail/"
        assert len(mail.outbox) == 1
        url = link_in(mail.outbox[0])
        assert url.startswith("/fr/account/password/")
        response = self.client.get(url, follow=True)
        form_url = response.redirect_chain[-1][0]
        self.client.post(
            form_url, {"new_password1": "new-pass-phrase-77", "new_password2": "new-pass-phrase-77"}
        )
        assert User.objects.get(email="amina@example.org").check_password("new-pass-phrase-77")

    def test_unknown_address_gets_the_same_answer_and_no_mail(self):
        response = self.client.post("/en/account/password/forgotten/", {"email": "x@example.org"})
        assert response["Location"] == "/en/account/password/forgotten/check-your-mail/"
        assert mail.outbox == []


class TestOwnData(AccountTestCase):
    def test_account_page_needs_signing_in(self):
        response = self.client.get("/en/account/")
        assert response.status_code == 302
        assert response["Location"].startswith("/en/account/sign-in/?next=")

    def test_edit_details_and_language(self):
        user = self.confirmed_user()
        self.client.force_login(user)
        response = self.client.post(
            "/fr/account/",
            {"name": "أمينة ديالو", "language": "ar", "country": "", "organisation": ""},
        )
        assert response["Location"] == "/ar/account/"
        user.profile.refresh_from_db()
        assert user.profile.name == "أمينة ديالو" and user.profile.language == "ar"
        html = self.client.get("/ar/account/").content.decode()
        assert 'dir="rtl"' in html and "أمينة ديالو" in html

    def test_download_my_data(self):
        user = self.confirmed_user()
        self.client.force_login(user)
        response = self.client.get("/en/account/my-data/")
        assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
        assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
        data = json.loads(response.content)
        assert data["account"]["email"] == "amina@example.org"
        assert data["account"]["name"] == "Amina Diallo"
        assert data["certificates"] == []

    def test_delete_needs_the_password_then_deletes_everything(self):
        user = self.confirmed_user()
        self.client.force_login(user)
        response = self.client.post("/en/account/delete/", {"password": "wrong"})
        assert (
            response.status_code == 200 and "That is not your password" in response.content.decode()
        )
        response = self.client.post("/en/account/delete/", {"password": "a-long-pass-phrase-42"})
        assert response.status_code == 200
        assert not User.objects.filter(pk=user.pk).exists()
        assert not Profile.objects.filter(user_id=user.pk).exists()
        assert "_auth_user_id" not in self.client.session


class TestLanguages(AccountTestCase):
    def test_pages_in_every_language_and_right_to_left_in_arabic(self):
        for prefix, expected in (
            ("en", "Create an account"),
            ("fr", "Créer un compte"),
            ("ar", "إنشاء حساب"),
        ):
            html = self.client.get(f"/{prefix}/account/sign-up/").content.decode()
            assert expected in html, prefix
            assert 'name="robots" content="noindex"' in html
        assert 'dir="rtl"' in self.client.get("/ar/account/sign-in/").content.decode()
