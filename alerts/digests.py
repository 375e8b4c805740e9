"""Sending the digests: what is new for each subscriber since their last one.

`send_digests` may run as often as cron likes (hourly, daily): a subscriber is due only once
ALERTS_DIGEST_INTERVAL_DAYS have passed since the period their last digest covered, and each
digest covers exactly the items first published in (covered_until, now]. The row is locked,
the mail sent and `covered_until` moved forward in one transaction, so a second run, even a
concurrent one on PostgreSQL (SKIP LOCKED), finds nothing to send. No mail goes out when there
is nothing new; the period still moves forward, so the next digest does not repeat it.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale

from core.mail import delivery_connection
from core.sites import site_root_url

from .mail import digest_message
from .models import Subscription
from .products import area_match, published_products, topic_match

logger = logging.getLogger("portal.alerts")


@dataclass
class DigestRun:
    sent: int = 0
    nothing_new: int = 0
    failed: int = 0


def digest_interval():
    return timedelta(days=getattr(settings, "ALERTS_DIGEST_INTERVAL_DAYS", 7))


def subscription_match(subscription):
    """The Q selecting what a subscriber follows; None means everything in their language."""
    matches = []
    topic_keys = list(subscription.topics.values_list("translation_key", flat=True))
    if topic_keys:
        matches.append(topic_match(topic_keys))
    matches += [area_match(area) for area in subscription.content_areas.all()]
    if not matches:
        return None
    match = Q()
    for item in matches:
        match |= item
    return match


def new_items(subscription, until):
    locale = Locale.objects.filter(language_code=subscription.language).first()
    if locale is None:
        return []
    return list(
        published_products(
            locale, subscription_match(subscription), since=subscription.covered_until, until=until
        )
    )


def send_digests(now=None):
    now = now or timezone.now()
    due = Q(covered_until__lte=now - digest_interval())
    base_url = site_root_url()
    connection = delivery_connection()
    run = DigestRun()
    for pk in Subscription.objects.filter(due).values_list("pk", flat=True):
        try:
            with transaction.atomic():
                subscription = (
                    Subscription.objects.select_for_update(skip_locked=True)
                    .filter(due, pk=pk)
                    .first()
                )
                if subscription is None:  # unsubscribed meanwhile, or another run has it
                    continue
                items = new_items(subscription, until=now)
                if items:
                    message = digest_message(subscription, items, base_url)
                    message.connection = connection  # delivered now: a failure is retried
                    message.send()
                    subscription.last_sent_at = now
                    run.sent += 1
                else:
                    run.nothing_new += 1
                subscription.covered_until = now
                subscription.save(update_fields=["covered_until", "last_sent_at"])
        except Exception:
            # One bad address or a mail-server hiccup must not stop everyone else's digest;
            # the period is not moved forward, so the next run tries this subscriber again.
            logger.exception("Digest for subscription %s failed", pk)
            run.failed += 1
    return run
