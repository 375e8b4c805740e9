"""Inviting a partner: an account in the Partners group and a link to choose a password.

The link is Django's password-reset token, so it stops working once used, when the password
changes, or after PASSWORD_RESET_TIMEOUT (three days by default); inviting the same address
again simply sends a fresh one.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.sites import site_name, site_root_url

from .setup import partner_group


@transaction.atomic
def invite_partner(email, first_name="", last_name="", language="en"):
    """Create (or find) the partner's account, add it to Partners and e-mail the link."""
    User = get_user_model()
    email = email.strip()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(username=email.lower(), email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.save()
    user.groups.add(partner_group())
    with translation.override(language):
        path = reverse(
            "partners:set_password",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        context = {
            "user": user,
            "url": site_root_url() + path,
            "login_url": site_root_url() + reverse("partners:login"),
            "site_name": site_name(),
        }
        subject = " ".join(
            render_to_string("partners/email/invitation_subject.txt", context).split()
        )
        send_mail(
            subject, render_to_string("partners/email/invitation.txt", context), None, [email]
        )
    return user
