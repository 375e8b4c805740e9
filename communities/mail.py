"""Reply notices and the daily digest, each in its recipient's language.

Every mail goes only to a member (checked when it is sent, not when they subscribed) and
carries a signed one-click unsubscribe link, in the text and in the List-Unsubscribe headers
(RFC 2369 and RFC 8058), which mail programs show as an "Unsubscribe" button that POSTs to it.
An unsubscribe token names an account, a community and what to stop; it never expires (a link
in last year's mail must still work) and has its own salt.
"""

import logging
from datetime import timedelta

from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import profile_for
from accounts.services import site_name, site_url

from .access import is_member
from .records import Post, Subscription

logger = logging.getLogger("portal.communities")

UNSUBSCRIBE_SALT = "communities.unsubscribe"
KINDS = {"replies": "reply_notices", "digest": "digest"}
DIGEST_INTERVAL = timedelta(days=1)


def make_unsubscribe_token(subscription, kind):
    return signing.dumps(
        {"s": subscription.pk, "u": subscription.user_id, "k": kind}, salt=UNSUBSCRIBE_SALT
    )


def read_unsubscribe_token(token):
    """(subscription, kind), or None if the token is forged, altered or its row is gone."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") not in KINDS:
        return None
    subscription = (
        Subscription.objects.filter(pk=data.get("s"), user_id=data.get("u"))
        .select_related("community")
        .first()
    )
    return (subscription, data["k"]) if subscription else None


def language_of(user):
    return profile_for(user).language or "en"


def _send(subscription, kind, template, context):
    user = subscription.user
    language = language_of(user)
    with translation.override(language):
        unsubscribe_url = site_url() + reverse(
            "communities:unsubscribe", args=[make_unsubscribe_token(subscription, kind)]
        )
        context = {
            "site_name": site_name(),
            "community": subscription.community,
            "community_url": site_url()
            + reverse("communities:community", args=[subscription.community_id]),
            "unsubscribe_url": unsubscribe_url,
            "kind": kind,
            **context,
        }
        subject = " ".join(
            render_to_string(f"communities/email/{template}_subject.txt", context).split()
        )
        body = render_to_string(f"communities/email/{template}.txt", context)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    EmailMultiAlternatives(subject, body, to=[user.email], headers=headers).send()


def thread_url(thread):
    return site_url() + reverse("communities:thread", args=[thread.pk])


def send_reply_notices(post):
    """Tell the thread's other participants, still members, who keep reply notices on."""
    thread = post.thread
    if not post.visible or thread.hidden:
        return 0
    community = thread.community
    participants = set(
        thread.posts.filter(approved=True, hidden=False).values_list("author_id", flat=True)
    )
    if thread.author_id:
        participants.add(thread.author_id)
    participants.discard(post.author_id)
    subscriptions = Subscription.objects.filter(
        community=community, user__in=participants, reply_notices=True, user__is_active=True
    ).select_related("user", "community")
    sent = 0
    for subscription in subscriptions:
        if not is_member(subscription.user, community):
            continue
        context = {
            "thread": thread,
            "post": post,
            "author": profile_for(post.author).name or post.author.get_full_name(),
            "thread_url": thread_url(thread),
        }
        _send(subscription, "replies", "reply", context)
        sent += 1
    return sent


def digest_posts(subscription, now):
    since = subscription.last_digest_at or now - DIGEST_INTERVAL
    return (
        Post.objects.filter(
            thread__community=subscription.community,
            approved=True,
            hidden=False,
            thread__hidden=False,
            approved_at__gt=since,
            approved_at__lte=now,
        )
        .exclude(author=subscription.user)
        .select_related("thread", "author")
        .order_by("thread_id", "approved_at")
    )


def send_digests(now=None):
    """One digest per due subscriber; returns (sent, nothing new). Safe to run often."""
    now = now or timezone.now()
    due = Subscription.objects.filter(digest=True, user__is_active=True).filter(
        Q(last_digest_at=None) | Q(last_digest_at__lte=now - DIGEST_INTERVAL + timedelta(minutes=5))
    )
    sent = nothing = 0
    for subscription in due.select_related("user", "community"):
        if not is_member(subscription.user, subscription.community):
            continue
        posts = list(digest_posts(subscription, now))
        if posts:
            threads = {}
            for post in posts:
                threads.setdefault(post.thread, []).append(post)
            items = [(thread, thread_url(thread), items) for thread, items in threads.items()]
            _send(subscription, "digest", "digest", {"threads": items, "count": len(posts)})
            sent += 1
        else:
            nothing += 1
        subscription.last_digest_at = now
        subscription.save(update_fields=["last_digest_at"])
    return sent, nothing


def send_follow_up_request(community, user, message):
    """A member's request for a one-to-one follow-up, to every facilitator (not stored)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Exists

    from .access import _moderate_permission_q

    facilitators = (
        get_user_model()
        .objects.filter(Exists(_moderate_permission_q()), is_active=True)
        .exclude(email="")
    )
    addresses = sorted({f.email for f in facilitators})
    if not addresses:
        logger.warning("A follow-up request for %s reached no facilitator.", community)
        return 0
    context = {
        "site_name": site_name(),
        "community": community,
        "name": profile_for(user).name or user.get_full_name(),
        "email": user.email,
        "message": message,
    }
    subject = " ".join(render_to_string("communities/email/follow_up_subject.txt", context).split())
    body = render_to_string("communities/email/follow_up.txt", context)
    EmailMultiAlternatives(subject, body, to=addresses, reply_to=[user.email]).send()
    return len(addresses)
