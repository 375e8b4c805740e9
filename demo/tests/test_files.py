"""The demo's resource documents: PDFs with the optional fpdf2, plain text without it."""

import sys

from django.core.files.base import ContentFile

import demo
from core.validators import validate_document_content
from demo import files

ARGS = (
    "fr",
    "Guide du placement familial",
    ["Publié par Réseau, 2021", "Français"],
    "Un résumé court.",
    [("Pourquoi", ["Les enfants ont besoin d'une famille."])],
    "",
)


def test_with_fpdf2_documents_are_pdfs():
    assert files.can_make_pdfs()
    extension, data = files.resource_document(*ARGS)
    assert extension == "pdf" and data.startswith(b"%PDF")
    validate_document_content(ContentFile(data, name="guide-fr.pdf"))


def test_without_fpdf2_documents_are_plain_text_that_uploads_accept(monkeypatch):
    monkeypatch.setitem(sys.modules, "fpdf", None)  # `import fpdf` now raises ImportError
    monkeypatch.delitem(sys.modules, "demo.pdf", raising=False)
    monkeypatch.delattr(demo, "pdf", raising=False)
    assert not files.can_make_pdfs()
    assert "pip install" in files.MISSING_PDF_MESSAGE

    extension, data = files.resource_document(*ARGS)
    assert extension == "txt"
    text = data.decode("utf-8")
    for words in ("Guide du placement familial", "Publié par Réseau", "En bref", "une famille"):
        assert words in text
    validate_document_content(ContentFile(data, name="guide-fr.txt"))
