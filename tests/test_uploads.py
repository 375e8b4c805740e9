"""Uploads are checked for type and size, and a refused file says why without losing input."""

import json

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.models import Collection

from core.models import PortalDocument, PortalImage

from .factories import pdf_bytes, png_bytes


class UploadTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        cls.collection = Collection.get_first_root_node()

    def setUp(self):
        self.client.force_login(self.admin)

    def add_document(self, name, content, **extra):
        data = {
            "title": "Field guide",
            "collection": self.collection.pk,
            "language": "es",
            "file": SimpleUploadedFile(name, content),
            **extra,
        }
        return self.client.post(reverse("wagtaildocs:add"), data)


class TestDocumentUploads(UploadTestCase):
    def test_real_pdf_is_accepted_with_its_language(self):
        response = self.add_document("guide.pdf", pdf_bytes())
        assert response.status_code == 302
        document = PortalDocument.objects.get()
        assert document.language == "es"
        assert document.format_label == "PDF"

    def test_file_pretending_to_be_a_pdf_is_refused_and_the_form_kept(self):
        response = self.add_document("guide.pdf", b"MZ\x90\x00 this is really a program")
        assert response.status_code == 200
        assert "its content is not a PDF" in response.content.decode()
        assert 'value="Field guide"' in response.content.decode()
        assert not PortalDocument.objects.exists()

    def test_disallowed_extension_is_refused(self):
        response = self.add_document("setup.exe", b"MZ\x90\x00")
        assert response.status_code == 200
        assert "File extension" in response.content.decode()
        assert not PortalDocument.objects.exists()

    @override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
    def test_oversized_file_is_refused_with_the_limit(self):
        response = self.add_document("big.pdf", b"%PDF-1.4\n" + b"0" * 4096)
        assert response.status_code == 200
        assert "This file is too big" in response.content.decode()
        assert not PortalDocument.objects.exists()

    def test_empty_text_file_is_refused(self):
        response = self.add_document("notes.txt", b"")
        assert response.status_code == 200
        assert not PortalDocument.objects.exists()

    def test_bulk_upload_reports_the_refusal(self):
        response = self.client.post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": SimpleUploadedFile("report.docx", b"plain text, not a Word file")},
        )
        payload = json.loads(response.content)
        assert payload["success"] is False
        assert "not a Word document" in json.dumps(payload)
        assert not PortalDocument.objects.exists()

    def test_chooser_upload_from_the_page_editor_reports_the_refusal(self):
        response = self.client.post(
            reverse("wagtaildocs_chooser:create"),
            {
                "document-chooser-upload-title": "Field guide",
                "document-chooser-upload-collection": self.collection.pk,
                "document-chooser-upload-file": SimpleUploadedFile("guide.pdf", b"not a pdf"),
            },
        )
        assert response.status_code == 200
        assert "its content is not a PDF" in response.content.decode()
        assert not PortalDocument.objects.exists()


class TestImageUploads(UploadTestCase):
    def add_image(self, name, content):
        return self.client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Carers meeting",
                "collection": self.collection.pk,
                "credit": "Network staff",
                "description": "Carers around a table",
                "file": SimpleUploadedFile(name, content),
            },
        )

    def test_real_png_is_accepted_with_its_credit(self):
        assert self.add_image("meeting.png", png_bytes()).status_code == 302
        assert PortalImage.objects.get().credit == "Network staff"

    def test_text_named_png_is_refused(self):
        response = self.add_image("meeting.png", b"this is not an image")
        assert response.status_code == 200
        assert not PortalImage.objects.exists()

    @override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=100)
    def test_oversized_image_is_refused(self):
        response = self.add_image("meeting.png", png_bytes(800, 600))
        assert response.status_code == 200
        assert "too large" in response.content.decode() or "too big" in response.content.decode()
        assert not PortalImage.objects.exists()
