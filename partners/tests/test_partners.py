"""Setting up the Partners group, inviting partners, and privacy across translations."""

import re
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import TestCase
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from alerts.tests.helpers import restrict, translate
from partners.setup import PARTNER_COLLECTION_NAME, partner_group
from tests.tree import build_site


class TestSetup(TestCase):
    def test_setup_partners_is_idempotent(self):
        for _ in range(2):
            out = StringIO()
            call_command("setup_partners", stdout=out)
            assert "ready" in out.getvalue()
        group = Group.objects.get(name="Partners")
        assert not group.permissions.exists()
        collection = Collection.objects.get(name=PARTNER_COLLECTION_NAME)
        [restriction] = CollectionViewRestriction.objects.filter(collection=collection)
        assert restriction.restriction_type == CollectionViewRestriction.GROUPS
        assert list(restriction.groups.all()) == [group]


class TestInvitations(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()

    def invite(self, *args):
        call_command("invite_partner", *args, stdout=StringIO())
        return mail.outbox[-1]

    def test_invitation_creates_a_reader_and_lets_them_choose_a_password(self):
        message = self.invite(
            "Field.Officer@example.org", "--first-name", "Ama", "--language", "fr"
        )
        user = get_user_model().objects.get(email="Field.Officer@example.org")
        assert list(user.groups.all()) == [partner_group()]
        assert not user.has_usable_password() and not user.is_staff
        assert message.to == ["Field.Officer@example.org"]
        link = re.search(r"http://localhost(/fr/partners/password/\S+/)", message.body).group(1)

        form = self.client.get(link, follow=True)
        assert form.status_code == 200 and b"new_password1" in form.content
        response = self.client.post(
            form.redirect_chain[-1][0],
            {"new_password1": "a long passphrase 42", "new_password2": "a long passphrase 42"},
        )
        assert response.status_code == 302
        assert response["Location"] == "/fr/partners/password/done/"
        user.refresh_from_db()
        assert user.check_password("a long passphrase 42")
        assert self.client.get("/fr/partners/").status_code == 200  # signed in by the reset
        # The link works once.
        assert b"new_password1" not in self.client.get(link, follow=True).content

    def test_inviting_again_sends_a_fresh_link_to_the_same_account(self):
        self.invite("partner@example.org")
        self.invite("PARTNER@example.org")
        assert get_user_model().objects.filter(email__iexact="partner@example.org").count() == 1
        assert len(mail.outbox) == 2

    def test_invalid_address(self):
        with self.assertRaisesMessage(CommandError, "Not an e-mail address"):
            self.invite("not-an-address")


class TestSignIn(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.partner = get_user_model().objects.create_user("partner", "p@example.org", "pw")
        cls.partner.groups.add(partner_group())
        restrict(cls.t.case_study, partner_group())

    def test_sign_in_returns_to_the_restricted_page(self):
        url = self.t.case_study.url
        login = self.client.get(url)["Location"]
        assert login == f"/en/partners/sign-in/?next={url}"
        assert self.client.get(login).status_code == 200
        response = self.client.post(
            "/en/partners/sign-in/", {"username": "partner", "password": "pw", "next": url}
        )
        assert response["Location"] == url
        assert self.client.get(url).status_code == 200

    def test_wrong_password(self):
        response = self.client.post(
            "/en/partners/sign-in/", {"username": "partner", "password": "x"}
        )
        assert response.status_code == 200
        assert b"not right" in response.content

    def test_sign_out(self):
        self.client.force_login(self.partner)
        assert self.client.post("/en/partners/sign-out/").status_code == 302
        assert self.client.get(self.t.case_study.url).status_code == 302


class TestPrivacyFollowsTranslations(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.french = translate(cls.t.resource, "fr", "Guide")
        cls.group = partner_group()

    def restrictions(self, page):
        return [
            (r.restriction_type, sorted(g.name for g in r.groups.all()))
            for r in PageViewRestriction.objects.filter(page=page)
        ]

    def test_restricting_a_page_restricts_its_existing_translations(self):
        restrict(self.t.resource, self.group)
        assert self.restrictions(self.french) == [("groups", ["Partners"])]
        assert self.client.get(self.french.url).status_code == 302

    def test_a_translation_made_later_copies_the_restriction(self):
        restrict(self.t.case_study, self.group)
        french = translate(self.t.case_study, "fr")
        assert self.restrictions(french) == [("groups", ["Partners"])]
        assert self.restrictions(self.t.case_study) == [("groups", ["Partners"])]

    def test_changing_groups_or_type_follows(self):
        restriction = restrict(self.t.resource, self.group)
        editors = Group.objects.create(name="Field editors")
        restriction.groups.add(editors)
        assert self.restrictions(self.french) == [("groups", ["Field editors", "Partners"])]
        restriction.restriction_type = PageViewRestriction.LOGIN
        restriction.save()
        restriction.groups.clear()
        assert self.restrictions(self.french) == [("login", [])]

    def test_making_a_page_public_again_is_done_per_language(self):
        restrict(self.t.resource, self.group).delete()
        assert self.restrictions(self.french) == [("groups", ["Partners"])]
