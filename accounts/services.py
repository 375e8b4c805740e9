"""Making, confirming, exporting and deleting front-end accounts; the functions other apps call.

Sign-up is a double opt-in without a password: the sign-up form stores an inactive account
with no usable password and e-mails a link to choose one. Only the owner of the address can
therefore ever sign in, even if someone else typed it first; an account never confirmed is
removed after ACCOUNTS_UNCONFIRMED_DAYS (`manage.py prune_unconfirmed_accounts`). The link is
Django's password-reset token: it stops working once used, and after PASSWORD_RESET_TIMEOUT.

Another app (e.g. programmes) finds or creates a participant's account with `find_or_invite`.
"""

import hashlib
import json
import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from . import registry
from .models import Profile, profile_for

logger = logging.getLogger("portal.accounts")

# One sign-up mail per address per this many seconds, so the form cannot flood an inbox.
MAIL_COOLDOWN = 600


def normalise_email(email):
    return email.strip().lower()


def find_account(email):
    return get_user_model().objects.filter(email__iexact=normalise_email(email)).first()


def site_url():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL


def site_name():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def _mail(to, template, context, language):
    with translation.override(language):
        context = {"site_name": site_name(), **context}
        subject = " ".join(
            render_to_string(f"accounts/email/{template}_subject.txt", context).split()
        )
        text = render_to_string(f"accounts/email/{template}.txt", context)
        message = EmailMultiAlternatives(subject, text, to=[to])
        message.send()


def set_password_url(user, base_url=None, language=None):
    """An absolute link to choose a password (confirms the address of an inactive account)."""
    with translation.override(language or profile_for(user).language):
        path = reverse(
            "accounts:set_password",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    return (base_url or site_url()) + path


def _cooling_down(email, kind, force=False):
    """True when a mail of this kind went to this address within MAIL_COOLDOWN."""
    key = f"accounts:{kind}:" + hashlib.sha256(email.encode()).hexdigest()
    if force:
        cache.set(key, True, MAIL_COOLDOWN)
        return False
    return not cache.add(key, True, MAIL_COOLDOWN)


def send_confirmation(user, base_url=None, force=False):
    """E-mail the link that confirms the address and sets the password (rate-limited)."""
    if _cooling_down(user.email, "confirm", force):
        return False
    profile = profile_for(user)
    _mail(
        user.email,
        "confirm",
        {
            "name": profile.name,
            "url": set_password_url(user, base_url),
            "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        },
        profile.language,
    )
    return True


def send_already_registered(user, base_url=None):
    """Someone signed up with an address that has an account: tell its owner, nobody else."""
    if _cooling_down(user.email, "exists"):
        return False
    profile = profile_for(user)
    with translation.override(profile.language):
        sign_in = (base_url or site_url()) + reverse("accounts:sign_in")
        reset = (base_url or site_url()) + reverse("accounts:password_reset")
    _mail(
        user.email,
        "already_registered",
        {"name": profile.name, "sign_in_url": sign_in, "reset_url": reset},
        profile.language,
    )
    return True


@transaction.atomic
def create_account(email, name, language, country="", organisation=""):
    """A new inactive account with no usable password, and its profile."""
    User = get_user_model()
    email = normalise_email(email)
    user = User(username=email, email=email, is_active=False)
    user.set_unusable_password()
    user.save()
    user.profile = Profile.objects.create(
        user=user, name=name, language=language, country=country, organisation=organisation
    )
    return user


def find_or_invite(email, name, language, country="", organisation="", base_url=None):
    """The account of `email`, creating an unconfirmed one and mailing its link if none exists.

    For apps that sign people up for something (a programme run, an information meeting):
    returns `(user, created)`. An existing account is returned untouched (its owner's name and
    language win over what a form just said); a new one gets the confirmation e-mail, in
    `language`, and can be used at once (e.g. to attach an application), but nobody can sign in
    to it before its owner chooses a password.
    """
    user = find_account(email)
    if user is not None:
        profile_for(user)
        return user, False
    user = create_account(email, name, language, country, organisation)
    send_confirmation(user, base_url, force=True)
    return user, True


def activate(user):
    """Mark the address confirmed (called when the owner has chosen a password)."""
    profile = profile_for(user)
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    if profile.confirmed_at is None:
        profile.confirmed_at = timezone.now()
        profile.save(update_fields=["confirmed_at"])


def export_personal_data(user):
    """Everything the portal keeps about the account's owner, as JSON text."""
    data = {
        "exported_at": timezone.now(),
        "site": site_name(),
    }
    for section in registry.sections():
        data[section.key] = section.export(user)
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


@transaction.atomic
def delete_account(user):
    """Delete the account and everything that points at it (see `registry`)."""
    for section in registry.sections():
        if section.erase is not None:
            section.erase(user)
    logger.info("Front-end account %s deleted by its owner", user.pk)
    user.delete()


def prune_unconfirmed(now=None):
    """Remove accounts whose address was never confirmed; returns how many."""
    days = getattr(settings, "ACCOUNTS_UNCONFIRMED_DAYS", 7)
    cutoff = (now or timezone.now()) - timedelta(days=days)
    stale = get_user_model().objects.filter(
        is_active=False,
        last_login__isnull=True,
        profile__confirmed_at__isnull=True,
        profile__created_at__lt=cutoff,
    )
    count = 0
    for user in stale:
        delete_account(user)
        count += 1
    return count
