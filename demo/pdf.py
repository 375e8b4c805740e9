"""The demo's PDF files, drawn with fpdf2: the optional `demo` extra (pip install -e ".[demo]").

The PDFs use fpdf2's core fonts, which only cover Latin-1, so PDFs are written in English,
French or Spanish only; typographic punctuation is folded to its Latin-1 equivalent first.
Without fpdf2 this module cannot be imported and demo.files writes plain text instead.
"""

from fpdf import FPDF

from .files import PDF_CITATION, PDF_FOOTER, PDF_SUMMARY
from .text import in_language

# Characters outside Latin-1 that the texts use, and what the core fonts print instead.
_LATIN1_FOLDS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u0153": "oe",
        "\u0152": "OE",
        "\u2022": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)

INK = (33, 49, 71)
ACCENT = (0, 110, 120)


def latin1(text):
    return str(text).translate(_LATIN1_FOLDS).encode("latin-1", "replace").decode("latin-1")


class _DemoPDF(FPDF):
    footer_text = ""

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(120, 128, 140)
        self.cell(self.epw - 10, 5, self.footer_text)
        self.cell(10, 5, str(self.page_no()), align="R")


def pdf_bytes(language, title, meta_lines, summary, sections, citation=""):
    """A one- or two-page PDF: title, publication line, summary, then (heading, lines) sections."""

    def say(text):
        return latin1(in_language(text, language) or text)

    pdf = _DemoPDF(format="A4")
    pdf.footer_text = say(PDF_FOOTER)
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.set_title(latin1(title))
    pdf.set_creator("load_demo_content")
    pdf.set_lang(language)
    pdf.add_page()

    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, 210, 6, style="F")
    pdf.set_text_color(*INK)
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 10)
    pdf.set_text_color(90, 100, 115)
    for line in meta_lines:
        pdf.multi_cell(0, 5, latin1(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    def section(heading, lines):
        pdf.set_text_color(*ACCENT)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, latin1(heading), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(*INK)
        pdf.set_font("Helvetica", "", 11)
        for line in lines:
            pdf.multi_cell(0, 6, latin1(line), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        pdf.ln(2)

    section(say(PDF_SUMMARY), [summary])
    for heading, lines in sections:
        section(heading, lines)
    if citation:
        section(say(PDF_CITATION), [citation])
    return bytes(pdf.output())
