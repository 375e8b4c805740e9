"""Upload checks that Wagtail does not make.

Wagtail already refuses documents whose extension is not in WAGTAILDOCS_EXTENSIONS or that
are larger than WAGTAILDOCS_MAX_UPLOAD_SIZE, and images that Pillow cannot read. It trusts a
document's extension, though: an executable renamed to `report.pdf` is accepted. Front-line
workers open these files on shared phones, so the portal checks that the first bytes of the
file match the format its name claims.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")

# extension -> (what a person calls it, a check on the first 2 KiB of the file)
_SIGNATURES = {
    "pdf": (_("a PDF"), lambda head: head.lstrip()[:5] == b"%PDF-"),
    "docx": (_("a Word document"), lambda head: head.startswith(ZIP_MAGIC)),
    "xlsx": (_("an Excel workbook"), lambda head: head.startswith(ZIP_MAGIC)),
    "pptx": (_("a PowerPoint presentation"), lambda head: head.startswith(ZIP_MAGIC)),
    "odt": (_("an OpenDocument text"), lambda head: head.startswith(ZIP_MAGIC)),
    "ods": (_("an OpenDocument spreadsheet"), lambda head: head.startswith(ZIP_MAGIC)),
    "odp": (_("an OpenDocument presentation"), lambda head: head.startswith(ZIP_MAGIC)),
    "epub": (_("an EPUB book"), lambda head: head.startswith(ZIP_MAGIC)),
    "zip": (_("a ZIP archive"), lambda head: head.startswith(ZIP_MAGIC)),
    "csv": (_("a text file"), lambda head: b"\x00" not in head),
    "txt": (_("a text file"), lambda head: b"\x00" not in head),
}


def file_extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def validate_document_content(uploaded_file):
    """Raise ValidationError when the file's content does not match its extension."""
    extension = file_extension(uploaded_file.name)
    signature = _SIGNATURES.get(extension)
    if signature is None:
        return
    label, matches = signature
    position = uploaded_file.tell() if hasattr(uploaded_file, "tell") else 0
    uploaded_file.seek(0)
    head = uploaded_file.read(2048)
    uploaded_file.seek(position)
    if not head:
        raise ValidationError(_("This file is empty."), code="empty_file")
    if not matches(head):
        raise ValidationError(
            _(
                "This file is named .%(extension)s but its content is not %(kind)s. "
                "Save it again in that format, or upload it with the right extension."
            ),
            params={"extension": extension, "kind": label},
            code="content_mismatch",
        )
