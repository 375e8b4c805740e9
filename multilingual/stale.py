"""Translations whose source page was published again after they were last synced.

No state of our own: wagtail-localize already records when each TranslationSource was last
read from its page (`TranslationSource.last_updated_at`, set on creation and by every "Sync
translated pages"), and Wagtail records when the source page was last published. A translation
is out of date while the second is later than the first. Syncing (and then publishing, through
review, the synced translation) clears it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, OuterRef, Subquery
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def _page(locale_field):
    return Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef(locale_field)
    )


def out_of_date():
    """Enabled page translations whose source changed since the last sync, annotated with
    `source_changed_at`, `page_id`, `page_path` and `page_title` (the translated page)."""
    page_type = ContentType.objects.get_for_model(Page)
    return (
        Translation.objects.filter(enabled=True, source__object__content_type=page_type)
        .annotate(
            source_changed_at=Subquery(_page("source__locale_id").values("last_published_at")[:1]),
            page_id=Subquery(_page("target_locale_id").values("pk")[:1]),
            page_path=Subquery(_page("target_locale_id").values("path")[:1]),
            page_title=Subquery(_page("target_locale_id").values("title")[:1]),
        )
        .filter(source_changed_at__gt=F("source__last_updated_at"), page_id__isnull=False)
        .select_related("source", "target_locale", "source__locale")
    )


def changed_segments(translation):
    """How many strings of the live source page are new or changed since the last sync."""
    page = Page.objects.get(
        translation_key=translation.source.object_id, locale_id=translation.source.locale_id
    ).specific
    current = {
        segment.string.data
        for segment in extract_segments(page)
        if isinstance(segment, StringSegmentValue)
    }
    synced = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "string__data", flat=True
        )
    )
    return len(current - synced)


def newer_source(page):
    """The source-language page when `page` is an out-of-date translation, else None."""
    if page is None or not getattr(page, "translation_key", None):
        return None
    translation = (
        out_of_date()
        .filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .first()
    )
    if translation is None:
        return None
    return (
        Page.objects.filter(
            translation_key=page.translation_key, locale_id=translation.source.locale_id
        )
        .live()
        .first()
    )
