"""The certificate as a QR code (segno) and as a PDF (WeasyPrint), in the holder's language.

WeasyPrint lays text out with Pango and HarfBuzz, so Arabic is shaped and set right to left and
a name in any script is drawn with whichever installed font has its glyphs (fontconfig picks
one per character). Fonts are not bundled: the PDF names DejaVu Sans and the Noto families,
which Debian installs with `fonts-dejavu-core`, `fonts-noto-core` and `fonts-noto-cjk` (CI
installs them; see docs/learning.md). WeasyPrint is imported on first use, so a machine without Pango
still serves everything but the PDF.
"""

import segno
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format

from .kinds import get_kind
from .services import verification_url


class PdfUnavailable(Exception):
    """WeasyPrint or its system libraries (Pango) are not installed."""


def qr_svg(url, scale=4):
    """An SVG QR code for `url`, without XML declaration, to inline in HTML."""
    qr = segno.make(url, error="m")
    return qr.svg_inline(scale=scale, dark="#000", light="#fff", title=url, svgclass="qr")


def certificate_context(certificate, base_url=None):
    url = verification_url(certificate, base_url)
    with translation.override(certificate.language):
        kind = get_kind(certificate.kind)
        design = certificate.design
        return {
            "certificate": certificate,
            "design": design,
            "heading": (design.heading if design and design.heading else str(kind.heading)),
            "kind_label": str(kind.label),
            "issued_on": date_format(certificate.issued_at, "DATE_FORMAT"),
            "verification_url": url,
            "qr_svg": qr_svg(url),
            "language_bidi": translation.get_language_bidi(),
        }


def render_pdf(certificate, base_url=None):
    """The certificate as PDF bytes (raises PdfUnavailable without WeasyPrint's libraries)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango missing
        raise PdfUnavailable(str(error)) from error
    context = certificate_context(certificate, base_url)
    with translation.override(certificate.language):
        html = render_to_string("certificates/pdf.html", context)
    return HTML(string=html).write_pdf()
