"""Small files made at load time: resource documents, listing images and avatars.

Nothing is downloaded. A resource's document is a PDF drawn by demo.pdf when fpdf2 (the
optional `demo` extra) is installed, and otherwise a plain-text file with the same words, so
the demo loads either way and every resource still links its files; images are drawn with
Pillow.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from .text import T, in_language

PDF_LANGUAGES = ("en", "fr", "es")

PDF_FOOTER = T(
    "Demonstration document generated for the Child Protection Knowledge Portal.",
    fr="Document de démonstration produit pour le Portail de connaissances sur la protection de l'enfance.",
    es="Documento de demostración generado para el Portal de conocimientos sobre protección de la infancia.",
)
PDF_PUBLISHER = T("Published by", fr="Publié par", es="Publicado por")
PDF_SUMMARY = T("In brief", fr="En bref", es="En resumen")
PDF_CITATION = T("How to cite", fr="Comment citer", es="Cómo citar")


def can_make_pdfs():
    """Whether fpdf2 is installed, so that resource documents are PDFs."""
    try:
        from . import pdf  # noqa: F401
    except ImportError:
        return False
    return True


MISSING_PDF_MESSAGE = (
    "fpdf2 is not installed (the optional demo extra: pip install -e '.[demo]'), so the "
    "demo's resource documents are plain-text files instead of PDFs."
)


def text_bytes(language, title, meta_lines, summary, sections, citation=""):
    """The words of the PDF as plain UTF-8 text, for when fpdf2 is not installed."""

    def say(text):
        return str(in_language(text, language) or text)

    parts = [title, "", *meta_lines, "", say(PDF_SUMMARY), summary]
    for heading, lines in sections:
        parts += ["", heading, *lines]
    if citation:
        parts += ["", say(PDF_CITATION), citation]
    parts += ["", say(PDF_FOOTER)]
    return ("\n".join(parts) + "\n").encode("utf-8")


def resource_document(language, title, meta_lines, summary, sections, citation=""):
    """One resource's document in one language: (file extension, content).

    A one- or two-page PDF (title, publication line, summary, then (heading, lines) sections)
    when fpdf2 is installed, else the same text as a .txt file, an allowed document type.
    """
    try:
        from .pdf import pdf_bytes
    except ImportError:
        return "txt", text_bytes(language, title, meta_lines, summary, sections, citation)
    return "pdf", pdf_bytes(language, title, meta_lines, summary, sections, citation)


# Calm palettes: a background pair for the gradient and three shape colours.
PALETTES = {
    "sand": [(246, 239, 224), (232, 214, 178), (196, 150, 82), (120, 146, 96), (230, 190, 120)],
    "sea": [(226, 240, 243), (186, 216, 224), (60, 128, 150), (120, 176, 190), (238, 200, 150)],
    "dawn": [(248, 236, 240), (226, 214, 236), (190, 120, 160), (120, 140, 200), (240, 190, 110)],
    "leaf": [(236, 244, 232), (204, 226, 196), (86, 140, 96), (160, 196, 120), (226, 214, 150)],
    "slate": [(234, 238, 244), (204, 212, 226), (70, 96, 140), (140, 160, 196), (220, 170, 120)],
    "clay": [(246, 234, 226), (230, 202, 186), (176, 96, 70), (210, 150, 110), (120, 150, 150)],
}


def _gradient(size, top, bottom):
    width, height = size
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        mix = y / max(height - 1, 1)
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)),
        )
    return image


def listing_image_bytes(palette, pattern, seed, size=(1200, 675)):
    """An abstract PNG: a soft gradient with translucent waves, circles, arcs or dots."""
    return png_bytes(listing_image(palette, pattern, seed, size))


def png_bytes(image):
    """PNG at zlib's default level. Not `optimize=True`: its extra passes took about a third of
    a second per 1200 px image for 5-10 % fewer bytes, in a demo load that draws 65 of them
    (and every test run loads the demo); visitors get the WebP renditions, not these files."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def listing_image(palette, pattern, seed, size=(1200, 675)):
    """The image `listing_image_bytes` encodes (a Pillow image, RGB)."""
    top, bottom, *colours = PALETTES[palette]
    rng = random.Random(seed)
    base = _gradient(size, top, bottom)
    shapes = base.copy()
    draw = ImageDraw.Draw(shapes)
    width, height = size
    if pattern == "bands":
        for i in range(7):
            y0, amplitude = height * (0.3 + i * 0.1), rng.randint(15, 45)
            period, phase = rng.uniform(160, 320), rng.uniform(0, math.tau)
            points = [
                (x, y0 + amplitude * math.sin(x / period + phase))
                for x in range(-20, width + 40, 20)
            ]
            draw.line(points, fill=colours[i % 3], width=rng.randint(26, 60), joint="curve")
    elif pattern == "circles":
        for i in range(9):
            r = rng.randint(60, 220)
            x, y = rng.randint(0, width), rng.randint(0, height)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colours[i % 3])
    elif pattern == "arcs":
        cx, cy = width // 2, int(height * 1.05)
        for i in range(8):
            r = 160 + i * 70
            draw.arc([cx - r, cy - r, cx + r, cy + r], 180, 360, fill=colours[i % 3], width=34)
    else:  # dots: a loose grid, like people gathered in a room
        step = 90
        for x in range(step // 2, width, step):
            for y in range(step // 2, height, step):
                if rng.random() < 0.55:
                    r = rng.randint(10, 30)
                    draw.ellipse([x - r, y - r, x + r, y + r], fill=colours[rng.randrange(3)])
    return Image.blend(base, shapes, 0.55).filter(ImageFilter.GaussianBlur(1.5))


def avatar_bytes(initials, palette, size=400):
    """A round initials badge for a specialist who has not supplied a photograph."""
    top, bottom, colour, *_ = PALETTES[palette]
    image = _gradient((size, size), top, bottom)
    draw = ImageDraw.Draw(image)
    margin = size // 10
    draw.ellipse([margin, margin, size - margin, size - margin], fill=colour)
    font = ImageFont.load_default(size=size // 3)
    draw.text((size / 2, size / 2), initials, fill=(255, 255, 255), font=font, anchor="mm")
    return png_bytes(image)
