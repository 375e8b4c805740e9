"""Putting a wagtail-localize translation through the same review as any other page.

wagtail-localize's translation editor offers only "Publish", which needs publish permission, so
translators had no way to ask for review. `submit_for_review` turns the translator's strings into
a draft revision and starts the page's workflow, as Wagtail's own "Submit for review" does.

The draft is built here rather than with `Translation.save_target(publish=False)`, because that
also saves the translated content to the page row, which for a live translation is what visitors
see: the text would be public before anyone approved it. Only a revision is saved here.
"""

from django.db import transaction
from wagtail.models import WorkflowState
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments


def synced_translation(page):
    """The enabled wagtail-localize translation that produces `page`, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .select_related("source", "target_locale")
        .first()
    )


def can_submit(page, user):
    """The conditions of Wagtail's own "Submit for review", for a synced translation."""
    perms = page.permissions_for_user(user)
    # Cheapest first: this runs for every row of the explorer's listing.
    return (
        perms.can_edit()
        and synced_translation(page) is not None
        and perms.can_submit_for_moderation()
    )


def save_draft(translation, user):
    """A new revision of the translated page with the current translations; the row is untouched."""
    source = translation.source
    original = source.as_instance()
    page = source.get_translated_instance(translation.target_locale)
    copy_synchronised_fields(original, page)
    # The same segments save_target would use: untranslated strings fall back to the source.
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, page, source.locale, translation.target_locale, segments)
    return page.save_revision(user=user, log_action=True)


@transaction.atomic
def submit_for_review(page, user):
    """Save the translation as a draft and start (or resume) the page's workflow."""
    save_draft(synced_translation(page), user)
    page.refresh_from_db()
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        page.get_workflow().start(page, user)
