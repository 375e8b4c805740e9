"""Signed tokens for the links in alert e-mails (django.core.signing).

A confirmation token carries the whole subscription request, so nothing is stored before the
owner of the address confirms; it expires after ALERTS_CONFIRM_DAYS. An unsubscribe token names
only the address and never expires: a link in a mail from last year must still work. Each
kind has its own salt, so one can never be replayed as the other.
"""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "alerts.confirm"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"


def make_confirm_token(email, language, topic_ids, area_ids):
    payload = {"e": email, "l": language, "t": sorted(topic_ids), "a": sorted(area_ids)}
    return signing.dumps(payload, salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token):
    """The subscription request, or None if the token is forged, altered or expired."""
    max_age = getattr(settings, "ALERTS_CONFIRM_DAYS", 7) * 24 * 3600
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    return {
        "email": payload["e"],
        "language": payload["l"],
        "topic_ids": payload["t"],
        "area_ids": payload["a"],
    }


def make_unsubscribe_token(email):
    return signing.dumps(email, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
