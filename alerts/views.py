"""Subscribing, confirming and unsubscribing, all without an account.

Confirming and unsubscribing are POSTs behind a page with one button, not GETs: mail
security scanners follow every link in a message, and a GET would confirm or cancel a
subscription without its owner. Mail programs' one-click unsubscribe (RFC 8058) POSTs
straight to the same URL, hence no CSRF check there: the signed token is the credential.
"""

import hashlib

from django.core.cache import cache
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .digests import digest_interval
from .feeds import feed_urls
from .forms import SubscribeForm
from .mail import confirmation_message
from .models import Subscription
from .tokens import read_confirm_token, read_unsubscribe_token

# One confirmation mail per address per this many seconds, so the form cannot be used to
# flood someone's inbox.
CONFIRMATION_COOLDOWN = 600


@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = Subscription.normalise_email(form.cleaned_data["email"])
        key = "alerts:confirm:" + hashlib.sha256(email.encode()).hexdigest()
        if cache.add(key, True, CONFIRMATION_COOLDOWN):
            confirmation_message(
                request,
                email,
                form.cleaned_data["language"],
                list(form.cleaned_data["topics"]),
                list(form.cleaned_data["content_areas"]),
            ).send()
        # The same answer whether or not a mail went out, and whether or not the address is
        # already subscribed: the form must not reveal who subscribes.
        return redirect("alerts:subscribe_sent")
    return render(
        request,
        "alerts/subscribe.html",
        {"form": form, "feeds": feed_urls(), "days": digest_interval().days},
    )


def subscribe_sent(request):
    return render(request, "alerts/subscribe_sent.html")


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    wanted = read_confirm_token(token)
    if wanted is None:
        return render(request, "alerts/link_invalid.html", status=400)
    if request.method == "GET":
        return render(request, "alerts/confirm.html", {"email": wanted["email"]})
    _save_subscription(wanted)
    return render(request, "alerts/confirmed.html", {"email": wanted["email"]})


@transaction.atomic
def _save_subscription(wanted):
    from content_areas.models import ContentAreaPage
    from taxonomy.models import Topic

    now = timezone.now()
    subscription, created = Subscription.objects.get_or_create(
        email=wanted["email"],
        defaults={"language": wanted["language"], "confirmed_at": now, "covered_until": now},
    )
    if not created:  # new preferences; what was already covered stays covered
        subscription.language = wanted["language"]
        subscription.confirmed_at = now
        subscription.save(update_fields=["language", "confirmed_at"])
    subscription.topics.set(Topic.objects.filter(pk__in=wanted["topic_ids"]))
    subscription.content_areas.set(ContentAreaPage.objects.filter(pk__in=wanted["area_ids"]))


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    email = read_unsubscribe_token(token)
    if email is None:
        return render(request, "alerts/link_invalid.html", status=400)
    if request.method == "GET":
        subscribed = Subscription.objects.filter(email=email).exists()
        return render(
            request, "alerts/unsubscribe.html", {"email": email, "subscribed": subscribed}
        )
    Subscription.objects.filter(email=email).delete()
    return render(request, "alerts/unsubscribed.html", {"email": email})
