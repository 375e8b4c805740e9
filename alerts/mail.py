"""The two alert e-mails: the confirmation request and the digest.

Both are rendered in the subscriber's language (not the language of whoever runs the
command), and every digest carries its unsubscribe link twice: in the text, and in the
List-Unsubscribe headers (RFC 2369 and RFC 8058), which mail programs show as a one-click
"Unsubscribe" button that POSTs to the same link.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.sites import site_name, site_root_url

from .tokens import make_confirm_token, make_unsubscribe_token


def _message(to, template, context, headers=None):
    subject = " ".join(render_to_string(f"alerts/email/{template}_subject.txt", context).split())
    text = render_to_string(f"alerts/email/{template}.txt", context)
    message = EmailMultiAlternatives(subject, text, to=[to], headers=headers or {})
    message.attach_alternative(
        render_to_string(f"alerts/email/{template}.html", context), "text/html"
    )
    return message


def confirmation_message(request, email, language, topics, areas):
    token = make_confirm_token(email, language, [t.pk for t in topics], [a.pk for a in areas])
    with translation.override(language):
        context = {
            "confirm_url": request.build_absolute_uri(reverse("alerts:confirm", args=[token])),
            "topics": [topic.localized for topic in topics],
            "areas": [area.localized for area in areas],
            "site_name": site_name(),
            "days": getattr(settings, "ALERTS_CONFIRM_DAYS", 7),
        }
        return _message(email, "confirm", context)


def digest_message(subscription, items, base_url=None):
    base_url = base_url or site_root_url()
    with translation.override(subscription.language):
        unsubscribe_url = base_url + reverse(
            "alerts:unsubscribe", args=[make_unsubscribe_token(subscription.email)]
        )
        context = {
            "items": items,
            "unsubscribe_url": unsubscribe_url,
            "site_name": site_name(),
        }
        headers = {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        return _message(subscription.email, "digest", context, headers)
