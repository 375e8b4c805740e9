"""Certificates: issued once, pinned to the design's revision, verifiable, revocable, as PDF."""

import io
import re
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from pypdf import PdfReader
from wagtail.models import Locale

from accounts.services import activate, create_account
from alerts.tests.helpers import locale
from certificates.models import Certificate, CertificateDesign
from certificates.rendering import render_pdf
from certificates.services import issue_certificate
from tests.tree import build_site

from .tools import require_pdf_tools


def pdf_text(data):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def learner(email="amina@example.org", name="Amina Diallo", language="fr"):
    user = create_account(email, name, language)
    activate(user)
    return user


class CertificateTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        locale("fr")
        locale("ar")
        cls.design = CertificateDesign.objects.create(
            locale=Locale.get_default(),
            name="Standard",
            heading="Certificate of completion",
            issuer_name="Helpline Network",
            signatory_name="Jo Smith",
            signatory_role="Head of learning",
            is_default=True,
        )
        cls.design.save_revision()
        cls.user = learner()

    def issue(self, user=None, key="module-1", **kwargs):
        options = {
            "kind": "learning.module",
            "achievement_key": key,
            "title": "Inclusive practice",
            "language": "fr",
            "score": Decimal("85.00"),
            "transcript": {"summary": "Three lessons.", "objectives": ["Listen first"]},
        }
        options.update(kwargs)
        return issue_certificate(user or self.user, **options)


class TestIssuing(CertificateTestCase):
    def test_one_valid_certificate_per_achievement(self):
        first = self.issue()
        assert self.issue() == first
        assert Certificate.objects.count() == 1
        assert first.holder_name == "Amina Diallo" and first.language == "fr"
        assert first.design_revision == self.design.latest_revision

    def test_later_edits_of_the_design_never_change_an_issued_certificate(self):
        require_pdf_tools()
        certificate = self.issue()
        self.design.signatory_name = "Somebody Else"
        self.design.save()
        self.design.save_revision()
        certificate.refresh_from_db()
        assert certificate.design.signatory_name == "Jo Smith"
        assert "Jo Smith" in pdf_text(render_pdf(certificate))
        newer = self.issue(key="module-2")
        assert newer.design.signatory_name == "Somebody Else"

    def test_a_revoked_certificate_can_be_issued_again(self):
        first = self.issue()
        Certificate.objects.filter(pk=first.pk).update(revoked_at="2026-01-01T00:00:00Z")
        second = self.issue()
        assert second != first and not second.is_revoked


class TestVerification(CertificateTestCase):
    def test_genuine_certificate_page(self):
        certificate = self.issue()
        response = self.client.get(f"/en/certificates/{certificate.uuid}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "This certificate is genuine" in html and "Amina Diallo" in html
        assert "Inclusive practice" in html and "85%" in html and "Listen first" in html
        assert response["X-Robots-Tag"] == "noindex"
        assert "amina@example.org" not in html  # the page shows the certificate, not the account
        assert "<svg" in html  # the QR code
        assert f"/fr/certificates/{certificate.uuid}/" in html  # which points at the page

    def test_unknown_number_is_a_clear_404(self):
        response = self.client.get("/fr/certificates/00000000-0000-4000-8000-000000000000/")
        assert response.status_code == 404
        assert "Aucun certificat" in response.content.decode()
        assert self.client.get("/fr/certificates/not-a-uuid/").status_code == 404

    def test_revoked_certificate_says_so_and_has_no_pdf(self):
        certificate = self.issue()
        admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
        self.client.force_login(admin)
        response = self.client.post(
            f"/admin/issued_certificates/edit/{certificate.pk}/",
            {"revocation_reason": "Answers were copied from another learner."},
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        certificate.refresh_from_db()
        assert certificate.is_revoked and certificate.revoked_by == admin
        self.client.logout()
        html = self.client.get(f"/en/certificates/{certificate.uuid}/").content.decode()
        assert "has been revoked" in html and "copied from another learner" in html
        assert self.client.get(f"/en/certificates/{certificate.uuid}/pdf/").status_code == 410

    def test_nobody_adds_a_certificate_by_hand_and_learners_cannot_revoke(self):
        admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
        self.client.force_login(admin)
        assert self.client.get("/admin/issued_certificates/new/").status_code in (302, 403)
        certificate = self.issue()
        self.client.force_login(self.user)
        response = self.client.post(
            f"/admin/issued_certificates/edit/{certificate.pk}/", {"revocation_reason": "x"}
        )
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        certificate.refresh_from_db()
        assert not certificate.is_revoked

    def test_staff_with_the_change_permission_may_revoke(self):
        staff = get_user_model().objects.create_user("staff", "staff@example.org", "pw")
        group = Group.objects.create(name="Certificate staff")
        group.permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="change_certificate"),
        )
        staff.groups.add(group)
        certificate = self.issue()
        self.client.force_login(staff)
        self.client.post(
            f"/admin/issued_certificates/edit/{certificate.pk}/", {"revocation_reason": "Error"}
        )
        certificate.refresh_from_db()
        assert certificate.is_revoked


class TestPdf(CertificateTestCase):
    def test_pdf_download_in_the_holders_language(self):
        require_pdf_tools()
        certificate = self.issue()
        response = self.client.get(f"/en/certificates/{certificate.uuid}/pdf/")
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        text = pdf_text(response.content)
        assert "Amina Diallo" in text and "Inclusive practice" in text
        assert "Délivré le" in text  # French, as the holder's certificate, whatever the URL
        assert re.search(r"/fr/certificates/[0-9a-f-]{36}/", text.replace("\n", ""))

    def test_arabic_name_and_text_are_in_the_pdf(self):
        require_pdf_tools("ar")
        user = learner("amal@example.org", "أمل الحسيني", "ar")
        certificate = self.issue(user=user, language="ar", title="الممارسة الشاملة")
        text = pdf_text(render_pdf(certificate))
        # Extracted text is in logical order; shaping joins the letters, it never drops them.
        assert "أمل الحسيني" in text or "ينيسحلا لمأ" in text
        assert "الممارسة" in text or "ةسرامملا" in text

    def test_names_in_other_scripts(self):
        require_pdf_tools("zh", "ru")
        for name in ("Zoë Ngũgĩ", "王小明", "Анна Петрова"):
            user = learner(f"{abs(hash(name))}@example.org", name, "en")
            text = pdf_text(render_pdf(self.issue(user=user, language="en")))
            assert name in text, name

    def test_qr_code_svg(self):
        certificate = self.issue()
        response = self.client.get(f"/en/certificates/{certificate.uuid}/qr.svg")
        assert response["Content-Type"] == "image/svg+xml"
        assert response.content.startswith(b"<svg")
