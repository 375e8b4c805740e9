"""Reminder e-mails to learners who have not come back to a module they started.

`manage.py send_learning_reminders` (daily from cron) e-mails a learner once when they have
not been seen in a module for LEARNING_REMINDER_DAYS: one message per module and absence, never
another until they come back and go away again (`reminder_sent_at` later than `last_seen_at`
means "already reminded"). Completed modules, inactive accounts and learners who unsubscribed
get nothing. Every reminder has a one-click unsubscribe link (also in List-Unsubscribe headers,
as for the alerts); the signed token names the account and never expires.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import profile_for
from accounts.services import site_name, site_url

from .records import ModuleProgress, ReminderOptOut

logger = logging.getLogger("portal.learning")
UNSUBSCRIBE_SALT = "learning.reminders.unsubscribe"


def make_unsubscribe_token(user):
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=pk).first()


def reminder_days():
    return getattr(settings, "LEARNING_REMINDER_DAYS", 14)


def due(now):
    cutoff = now - timedelta(days=reminder_days())
    opted_out = ReminderOptOut.objects.values("user_id")
    return (
        ModuleProgress.objects.filter(
            completed_at__isnull=True, last_seen_at__lte=cutoff, user__is_active=True
        )
        .filter(Q(reminder_sent_at__isnull=True) | Q(reminder_sent_at__lt=F("last_seen_at")))
        .exclude(user_id__in=opted_out)
    )


def reminder_message(progress, module, base_url):
    user = progress.user
    profile = profile_for(user)
    with translation.override(profile.language):
        unsubscribe = base_url + reverse(
            "learning:unsubscribe", args=[make_unsubscribe_token(user)]
        )
        context = {
            "name": profile.name,
            "module": module,
            "resume_url": base_url + reverse("learning:resume", args=[progress.module_key]),
            "unsubscribe_url": unsubscribe,
            "site_name": site_name(),
            "days": reminder_days(),
        }
        subject = " ".join(render_to_string("learning/email/reminder_subject.txt", context).split())
        message = EmailMultiAlternatives(
            subject,
            render_to_string("learning/email/reminder.txt", context),
            to=[user.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
    return message


@dataclass
class ReminderRun:
    sent: int = 0
    skipped: int = 0
    failed: int = 0


def send_reminders(now=None):
    from .views import modules_by_key

    now = now or timezone.now()
    base_url = site_url()
    run = ReminderRun()
    for pk in due(now).values_list("pk", flat=True):
        try:
            with transaction.atomic():
                progress = (
                    due(now)
                    .select_for_update(skip_locked=True)
                    .select_related("user")
                    .filter(pk=pk)
                    .first()
                )
                if progress is None:  # came back meanwhile, or another run has it
                    continue
                language = profile_for(progress.user).language
                with translation.override(language):
                    module = modules_by_key([str(progress.module_key)]).get(
                        str(progress.module_key)
                    )
                if module is None:  # unpublished since: nothing to come back to
                    run.skipped += 1
                else:
                    reminder_message(progress, module, base_url).send()
                    run.sent += 1
                progress.reminder_sent_at = now
                progress.save(update_fields=["reminder_sent_at"])
        except Exception:
            logger.exception("Learning reminder for progress %s failed", pk)
            run.failed += 1
    return run
