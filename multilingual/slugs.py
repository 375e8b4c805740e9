"""A translated page gets a slug in its own language, which the translator can still change.

wagtail-localize copies the source page's slug into each translation and leaves it there until
someone translates the slug string too, which nobody thinks of: French pages ended up at English
addresses. Here, when a page's title is translated and its slug has no translation of its own
yet, the slug is translated from the new title (unique among the translated page's siblings).
Slugs are ASCII where the title's letters have an ASCII form ("à l'étranger" gives
"a-letranger"); a title in a script without one (Arabic) keeps its letters when
WAGTAIL_ALLOW_UNICODE_SLUGS is on, so an Arabic page gets an Arabic slug. It is an ordinary string translation, so the translator sees it under the slug field
of wagtail-localize's editor and may change it; once changed by hand it is never overwritten.
A slug made here follows later changes of the title until someone edits it.

wagtail-localize re-slugifies a translation's slug when it saves the translated page, with
Django's ASCII-only `slugify`: a slug in Arabic letters would be emptied there. `allow_unicode`
gives its module `page_slugify` instead (wagtail-localize 1.14 reads it as the module-level
name `slugify`).
"""

import unicodedata

from django.conf import settings
from django.db.models.signals import post_save
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationContext

TOOL_NAME = "Slug from the translated title"


def unicode_allowed():
    return getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)


def page_slugify(value):
    """ASCII slug when the text's letters have an ASCII form; else, if allowed, in its letters."""
    ascii_slug = slugify(value)
    if not unicode_allowed():
        return ascii_slug
    unicode_slug = slugify(value, allow_unicode=True)
    decomposed = unicodedata.normalize("NFKD", unicode_slug)
    if "".join(c for c in decomposed if not unicodedata.combining(c)).isascii():
        return ascii_slug
    return unicode_slug


def slug_for(page, title):
    """A slug for `page` from `title`, free among its siblings; None if nothing is left of it."""
    base = page_slugify(title)[:255].strip("-")
    if not base:
        return None
    parent = page.get_parent()
    return find_available_slug(parent, base, ignore_page_id=page.pk) if parent else base


def translate_slug(sender, instance, created=False, raw=False, **kwargs):
    """After a page title's translation is saved, translate the page's slug from it."""
    if raw or instance.context_id is None or instance.tool_name == TOOL_NAME:
        return
    context = instance.context
    if context.path != "title":
        return
    page = Page.objects.filter(translation_key=context.object_id, locale=instance.locale_id).first()
    slug_context = TranslationContext.objects.filter(
        object_id=context.object_id, path="slug"
    ).first()
    if page is None or slug_context is None:
        return
    segment = StringSegment.objects.filter(context=slug_context).order_by("-pk").first()
    if segment is None:
        return
    existing = StringTranslation.objects.filter(
        translation_of_id=segment.string_id, locale_id=instance.locale_id, context=slug_context
    ).first()
    if existing is not None and existing.tool_name != TOOL_NAME:
        return  # the translator's own choice
    slug = slug_for(page, instance.data)
    if slug is None or (existing is not None and existing.data == slug):
        return
    if existing is None:
        StringTranslation.objects.create(
            translation_of_id=segment.string_id,
            locale_id=instance.locale_id,
            context=slug_context,
            data=slug,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            tool_name=TOOL_NAME,
            last_translated_by=instance.last_translated_by,
        )
    else:
        existing.data = slug
        existing.save(update_fields=["data", "updated_at"])


def allow_unicode():
    """Let wagtail-localize keep a translated slug's letters when publishing a translation."""
    from wagtail_localize import models

    models.slugify = page_slugify


def connect():
    post_save.connect(
        translate_slug, sender=StringTranslation, dispatch_uid="multilingual_translate_slug"
    )
