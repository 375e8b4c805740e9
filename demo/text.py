"""Texts that carry their own translations, and helpers that turn them into rich text.

A `T` is the English text itself (a `str`), so the content modules read as plain English
data. Its French, Spanish and Arabic versions travel with it, and every `T` ever built is
registered in `CATALOGUE`, keyed by its English text: that is what the translation step looks
up when it fills wagtail-localize's PO files.
"""

import html

CATALOGUE = {}


class T(str):
    """An English text with translations keyed by language code."""

    def __new__(cls, english, **translations):
        text = super().__new__(cls, english)
        text.translations = translations
        CATALOGUE.setdefault(str(english), {}).update(translations)
        return text

    def get(self, language_code):
        if language_code == "en":
            return str(self)
        return self.translations.get(language_code)


def in_language(text, language_code):
    """The text in a language, or None when it has no translation into it."""
    if isinstance(text, T):
        return text.get(language_code)
    return str(text) if language_code == "en" else None


def lookup(source, language_code):
    """A PO entry's translation, given the segment text wagtail-localize extracted.

    Plain-text segments arrive HTML-escaped ("&" as "&amp;") and must be returned escaped;
    rich-text segments are HTML fragments and are returned as written.
    """
    for key in (source, html.unescape(source)):
        translation = CATALOGUE.get(key, {}).get(language_code)
        if translation:
            return translation if "<" in key else html.escape(translation, quote=False)
    return None


def rich(*parts):
    """Rich text from paragraphs; a list or tuple among the parts becomes a bulleted list."""
    chunks = []
    for part in parts:
        if isinstance(part, list | tuple):
            chunks.append("<ul>" + "".join(f"<li>{item}</li>" for item in part) + "</ul>")
        else:
            chunks.append(f"<p>{part}</p>")
    return "".join(chunks)


def plain_paragraphs(*parts):
    """The same parts as plain-text paragraphs (bullets prefixed), for generated PDFs."""
    lines = []
    for part in parts:
        if isinstance(part, list | tuple):
            lines.extend(f"- {item}" for item in part)
        else:
            lines.append(part)
    return lines
