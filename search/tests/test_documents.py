"""PDF and DOCX text is searched with the resource that links it; bad files never block."""

import io
import logging
import zipfile

from django.core.files.base import ContentFile
from django.test import TestCase
from wagtail.models import Collection, CollectionViewRestriction

from search import documents
from tests import factories as f

from .fixtures import multilingual_site, publish, resource


def docx_bytes(*paragraphs):
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def encrypted_pdf_bytes():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(f.pdf_bytes("Confidential minutes"))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def document(name, content, **fields):
    return f.DocumentFactory(file=ContentFile(content, name=name), **fields)


class DocumentSearchTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = multilingual_site()

    def attach(self, doc, title="Volunteer handbook"):
        page = resource(self.t.libraries["en"], title, live=False)
        page.files.create(document=doc)
        return publish(page)

    def titles(self, q, lang="en"):
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(self.client.get(f"/{lang}/search/", {"q": q}).content, "html.parser")
        return [a.get_text() for a in soup.select(".search-result .card-title a")]


class TestExtraction(DocumentSearchTestCase):
    def test_pdf_text_is_read_at_upload_and_searched_with_the_page(self):
        doc = document("aid.pdf", f.pdf_bytes("Psychosocial first aid for volunteers"))
        doc.refresh_from_db()
        assert "Psychosocial first aid" in doc.extracted_text
        self.attach(doc)
        assert self.titles("psychosocial") == ["Volunteer handbook"]

    def test_docx_text_is_read_with_the_standard_library(self):
        doc = document("plan.docx", docx_bytes("Case management plan", "Referral pathways"))
        doc.refresh_from_db()
        assert doc.extracted_text == "Case management plan\nReferral pathways"
        self.attach(doc, "Case handbook")
        assert self.titles("referral pathways") == ["Case handbook"]

    def test_a_replaced_file_is_read_again(self):
        doc = document("aid.pdf", f.pdf_bytes("Old wording"))
        page = self.attach(doc)
        doc.file = ContentFile(f.pdf_bytes("Entirely new wording about hotlines"), name="new.pdf")
        doc._set_document_file_metadata()
        doc.save()
        doc.refresh_from_db()
        assert "hotlines" in doc.extracted_text
        assert self.titles("hotlines") == [page.title]

    def test_text_is_capped(self):
        long_text = "word " * (documents.MAX_CHARS // 2)
        assert len(documents._tidy(long_text + long_text)) == documents.MAX_CHARS


class TestBadFiles(DocumentSearchTestCase):
    def test_broken_pdf_is_logged_skipped_and_publishing_succeeds(self):
        with self.assertLogs("portal.search", logging.WARNING) as logs:
            doc = document("broken.pdf", b"%PDF-1.7\nthis is not really a pdf\n%%EOF")
        assert any("Could not read the text" in line for line in logs.output)
        doc.refresh_from_db()
        assert doc.extracted_text == "" and doc.text_extracted_from == doc.file_hash
        page = self.attach(doc, "Resource with a broken file")
        assert page.live
        assert self.titles("broken") == ["Resource with a broken file"]

    def test_encrypted_pdf_is_logged_and_skipped(self):
        with self.assertLogs("portal.search", logging.WARNING) as logs:
            doc = document("locked.pdf", encrypted_pdf_bytes())
        assert any("encrypted" in line for line in logs.output)
        page = self.attach(doc, "Resource with a locked file")
        assert page.live and self.titles("confidential") == []

    def test_docx_with_entities_is_refused(self):
        hostile = io.BytesIO()
        with zipfile.ZipFile(hostile, "w") as archive:
            archive.writestr(
                "word/document.xml",
                '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
            )
        with self.assertLogs("portal.search", logging.WARNING):
            doc = document("hostile.docx", hostile.getvalue())
        doc.refresh_from_db()
        assert doc.extracted_text == ""


class TestPrivateDocuments(DocumentSearchTestCase):
    def private_collection(self):
        collection = Collection.get_first_root_node().add_child(name="Partners only")
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
        return collection, restriction

    def test_text_of_a_private_document_is_never_searched(self):
        collection, restriction = self.private_collection()
        doc = document("private.pdf", f.pdf_bytes("Safehouse addresses"), collection=collection)
        self.attach(doc, "Public page linking a private file")
        assert self.titles("safehouse") == []
        restriction.delete()  # the collection becomes public: the pages linking it are reindexed
        assert self.titles("safehouse") == ["Public page linking a private file"]

    def test_restricting_a_collection_removes_its_text(self):
        collection = Collection.get_first_root_node().add_child(name="Soon private")
        doc = document("soon.pdf", f.pdf_bytes("Shelter rota"), collection=collection)
        self.attach(doc, "Rota page")
        assert self.titles("rota") == ["Rota page"]
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
        assert self.titles("shelter") == []
