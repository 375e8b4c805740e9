"""The text of uploaded PDF and DOCX files, so a resource is found by what its files say.

A document's text is read in a background task when it is uploaded or replaced
(search.tasks.refresh_document), and at the latest when a page that links it is indexed.
Reading never raises: a broken, encrypted or hostile file is logged and skipped, so it can
neither block an upload nor a publication. What is read is capped (MAX_PAGES, MAX_CHARS), as
a PostgreSQL tsvector cannot exceed 1 MB and a 600-page report adds little beyond its start.

Only documents anonymous visitors may download are searched with a page: the text of a file
in a private collection must not surface in a public page's results or snippets.
"""

import io
import logging
import re
import zipfile
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from core.validators import file_extension

logger = logging.getLogger("portal.search")

MAX_PAGES = 300
MAX_CHARS = 100_000
MAX_XML_BYTES = 30 * 1024 * 1024  # uncompressed document.xml: refuses zip bombs

_WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


class ExtractionError(Exception):
    """The file cannot be read as the format its extension names."""


def _tidy(text):
    text = text.replace("\x00", "")  # PostgreSQL text cannot hold NUL
    text = _SPACES.sub(" ", text)
    return _BLANK_LINES.sub("\n\n", text).strip()[:MAX_CHARS]


def pdf_text(fileobj):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(fileobj)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError("the PDF is encrypted with a password")
        parts, length = [], 0
        for page in reader.pages[:MAX_PAGES]:
            text = page.extract_text() or ""
            parts.append(text)
            length += len(text)
            if length >= MAX_CHARS:
                break
    except PdfReadError as error:
        raise ExtractionError(f"not a readable PDF: {error}") from error
    return "\n".join(parts)


def docx_text(fileobj):
    """Paragraph text of a Word document: a zip of XML, read with defusedxml so that an
    uploaded file cannot declare entities (billion laughs) or reach outside itself."""
    try:
        archive = zipfile.ZipFile(fileobj)
        info = archive.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError) as error:
        raise ExtractionError(f"not a Word document: {error}") from error
    if info.file_size > MAX_XML_BYTES:
        raise ExtractionError("the document's text is too large to read")
    data = archive.read(info)
    parts = []
    try:
        for _event, element in iterparse(io.BytesIO(data)):
            tag = element.tag
            if tag == f"{_WORD_NS}t" and element.text:
                parts.append(element.text)
            elif tag in (f"{_WORD_NS}tab", f"{_WORD_NS}br"):
                parts.append(" ")
            elif tag == f"{_WORD_NS}p":
                parts.append("\n")
                element.clear()
    except DefusedXmlException as error:
        raise ExtractionError("the document declares XML entities") from error
    except ParseError as error:
        raise ExtractionError(f"the document's XML is broken: {error}") from error
    return "".join(parts)


EXTRACTORS = {"pdf": pdf_text, "docx": docx_text}


def extract_text(document):
    """The text of a document's file ("" for formats without an extractor); may raise."""
    extractor = EXTRACTORS.get(file_extension(document.file.name))
    if extractor is None:
        return ""
    with document.file.open("rb") as handle:
        return _tidy(extractor(handle))


def refresh_text(document):
    """Read the document's text again if its file changed since it was last read.

    Returns True when the stored text changed. A file that cannot be read is logged and
    stored as having no text, so it is not read again until it is replaced.
    """
    try:
        key = document.get_file_hash()
    except OSError as error:
        logger.warning(
            "Document %s (%r) has no readable file: %s", document.pk, document.title, error
        )
        return False
    if document.text_extracted_from == key:
        return False
    try:
        text = extract_text(document)
    except Exception as error:
        logger.warning(
            "Could not read the text of document %s (%r), searching without it: %s",
            document.pk,
            document.title,
            error,
        )
        text = ""
    changed = text != document.extracted_text
    document.extracted_text, document.text_extracted_from = text, key
    document.save(update_fields=["extracted_text", "text_extracted_from"])
    return changed


def is_public(document):
    """Whether anonymous visitors may download the document (no collection restriction)."""
    return not document.collection.get_view_restrictions().exists()


def public_text(documents):
    """The joined text of those `documents` that anonymous visitors may download."""
    texts = []
    for document in documents:
        if document is None or not is_public(document):
            continue
        if document.text_extracted_from != document.file_hash or not document.file_hash:
            refresh_text(document)  # uploaded before extraction existed, or not read yet
        if document.extracted_text:
            texts.append(document.extracted_text)
    return "\n\n".join(texts)
