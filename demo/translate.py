"""Translations made through wagtail-localize, as a translator would make them in the admin.

Each object gets a TranslationSource and a Translation per target locale; the PO file that
wagtail-localize exports is filled from the texts' own translations (see `text.T`) and
imported back, then the target is saved and published. Segments without a translation stay
in English, which is what wagtail-localize shows a visitor too.

Pages must be translated parent first, one at a time, and never inside an outer
`transaction.atomic`: wagtail-localize publishes on commit, and a deferred publish of a
parent whose children were added in the meantime corrupts `numchild` (issue #773).
"""

import html

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from multilingual.slugs import page_slugify

from .text import lookup

TOOL_NAME = "load_demo_content"


def has_translation(instance, locale):
    return instance.get_translation_or_none(locale) is not None


def slug_outdated(instance, locale):
    """Whether the page's translation into `locale` lacks the slug the demo texts give it."""
    slug = lookup(instance.slug, locale.language_code) if isinstance(instance, Page) else None
    translated = instance.get_translation_or_none(locale) if slug else None
    return translated is not None and translated.slug != html.unescape(slug)


def translate(instance, locale, user=None):
    """Translate one page or snippet into `locale`; returns how many segments stayed English."""
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    untranslated = 0
    for entry in po:
        if entry.obsolete:
            continue
        text = lookup(entry.msgid, locale.language_code)
        if text:
            entry.msgstr = text
        else:
            untranslated += 1
    slug_from_title(po)
    translation.import_po(po, user=user, tool_name=TOOL_NAME)
    translation.save_target(user=user, publish=True)
    return untranslated


def slug_from_title(po):
    """A page without a slug of its own in the texts gets one from its translated title.

    As multilingual.slugs does when a translator saves the title; here the translated page
    does not exist yet when the title is imported, so the PO file carries the slug.
    """
    entries = {entry.msgctxt: entry for entry in po if not entry.obsolete}
    slug, title = entries.get("slug"), entries.get("title")
    if slug is not None and not slug.msgstr and title is not None and title.msgstr:
        slug.msgstr = page_slugify(html.unescape(title.msgstr))[:255].strip("-")


def tree_problems():
    """Page.find_problems() as one flat list of page ids (empty when the tree is sound)."""
    return [pk for group in Page.find_problems() for pk in group]
