"""E-mail alert subscriptions: the plan's electronic newsletter, one digest per subscriber.

Only confirmed subscriptions are stored. The subscribe form e-mails a signed link that carries
the request itself (address, language, topics, areas); nothing is written until the owner of
the address clicks it. So an address typed by someone else is never kept, and "unconfirmed
addresses get nothing" holds by construction. Unsubscribing deletes the row: the address is
kept for this purpose only.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def languages():
    """A callable, so the choices follow PORTAL_LANGUAGES without a migration."""
    return settings.LANGUAGES


class Subscription(models.Model):
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=12, choices=languages)
    topics = models.ManyToManyField(
        "taxonomy.Topic",
        blank=True,
        related_name="+",
        verbose_name=_("topics"),
        help_text=_("No topics and no content areas: everything new in the language."),
    )
    content_areas = models.ManyToManyField(
        "content_areas.ContentAreaPage",
        blank=True,
        related_name="+",
        verbose_name=_("content areas"),
    )
    confirmed_at = models.DateTimeField(
        _("confirmed"),
        help_text=_("When the owner of the address confirmed the subscription (their consent)."),
    )
    # Everything first published up to this moment has been considered for a digest; the next
    # digest covers what came after. Moving it forward in the same transaction as the sending
    # is what makes a second `send_digests` run send nothing twice.
    covered_until = models.DateTimeField(_("digests cover up to"))
    last_sent_at = models.DateTimeField(_("last digest sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail alert subscription")
        verbose_name_plural = _("e-mail alert subscriptions")
        ordering = ["-confirmed_at"]

    def __str__(self):
        return self.email

    @staticmethod
    def normalise_email(email):
        """Addresses are compared case-insensitively, so one person has one subscription."""
        return email.strip().lower()
