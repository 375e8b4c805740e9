"""The e-mails of programmes, each in its recipient's language, with a calendar file when useful."""

import logging

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.services import site_name, site_url

logger = logging.getLogger("portal.programmes")


def absolute(name, *args, language):
    with translation.override(language):
        return site_url() + reverse(name, args=args)


def send(to, template, context, language, ics=None, headers=None):
    """Render `programmes/email/<template>{_subject,}.txt` in `language` and send it."""
    with translation.override(language):
        context = {"site_name": site_name(), "site_url": site_url(), **context}
        subject = " ".join(
            render_to_string(f"programmes/email/{template}_subject.txt", context).split()
        )
        body = render_to_string(f"programmes/email/{template}.txt", context)
    message = EmailMultiAlternatives(subject, body, to=[to], headers=headers or {})
    if ics is not None:
        message.attach("invitation.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH")
    message.send()
