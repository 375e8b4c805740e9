"""Review reminders: one digest per owner, and never the same news twice within the interval.

Each page listed in a digest is recorded (`ReviewReminder`) with the due date it was about. A
later run leaves out a page whose reminder for that same due date went to the same person within
EDITORIAL_REMINDER_INTERVAL_DAYS, so running the command twice a day sends nothing new; a page
that was reviewed and has fallen due again (a new due date) is mentioned at once.
"""

import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from core.mail import delivery_connection

from . import freshness
from .models import ReviewReminder

logger = logging.getLogger("portal.editorial")


def pages_to_remind(today):
    since = today - datetime.timedelta(days=settings.EDITORIAL_REMINDER_INTERVAL_DAYS)
    already_reminded = ReviewReminder.objects.filter(
        page=OuterRef("pk"),
        recipient=OuterRef("responsible_id"),
        review_by=OuterRef("review_by"),
        sent_at__date__gt=since,
    )
    return (
        freshness.pages_due(by=today)
        .filter(responsible_id__isnull=False)
        .exclude(Exists(already_reminded))
        .select_related("locale")
    )


def reminder_language(user):
    """The language of the user's admin preference, else the site's default.

    Wagtail's `get_preferred_language()` falls back to the language active in this thread,
    which in a scheduled job is whatever the thread's last request chose (Django's
    LocaleMiddleware leaves it active): a reminder once went out in French after the same
    process had served a French page.
    """
    return UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE


def send_reminders(today=None):
    """Send the digests due today; returns how many e-mails went out."""
    today = today or timezone.localdate()
    connection = delivery_connection()
    by_owner = defaultdict(list)
    for page in freshness.describe(list(pages_to_remind(today)), today):
        by_owner[page.responsible_id].append(page)

    sent = 0
    for owner in get_user_model().objects.filter(pk__in=by_owner, is_active=True):
        pages = by_owner[owner.pk]
        if not owner.email:
            logger.warning(
                "%s has %d page(s) due for review but no e-mail address.",
                owner.get_username(),
                len(pages),
            )
            continue
        context = {"user": owner, "pages": pages, "base_url": settings.WAGTAILADMIN_BASE_URL}
        with translation.override(reminder_language(owner)):
            subject = render_to_string("editorial/emails/review_reminder_subject.txt", context)
            body = render_to_string("editorial/emails/review_reminder.txt", context)
        try:
            # Delivered now, not queued (core.mail): a failure leaves the pages to the next run.
            send_mail(" ".join(subject.split()), body, None, [owner.email], connection=connection)
        except Exception:  # one bad address must not stop the others' reminders
            logger.exception("Could not send the review reminder to %s.", owner.email)
            continue
        ReviewReminder.objects.bulk_create(
            ReviewReminder(page_id=page.pk, recipient=owner, review_by=page.review_by)
            for page in pages
        )
        sent += 1
    return sent
