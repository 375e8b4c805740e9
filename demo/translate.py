"""Translations made through wagtail-localize, as a translator would make them in the admin.

Each object gets a TranslationSource and a Translation per target locale; the PO file that
wagtail-localize exports is filled from the texts' own translations (see `text.T`) and
imported back, then the target is saved and published. Segments without a translation stay
in English, which is what wagtail-localize shows a visitor too.

Pages must be translated parent first, one at a time, and never inside an outer
`transaction.atomic`: wagtail-localize publishes on commit, and a deferred publish of a
parent whose children were added in the meantime corrupts `numchild` (issue #773).
"""

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from .text import lookup

TOOL_NAME = "load_demo_content"


def has_translation(instance, locale):
    return instance.get_translation_or_none(locale) is not None


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
    translation.import_po(po, user=user, tool_name=TOOL_NAME)
    translation.save_target(user=user, publish=True)
    return untranslated


def tree_problems():
    """Page.find_problems() as one flat list of page ids (empty when the tree is sound)."""
    return [pk for group in Page.find_problems() for pk in group]
