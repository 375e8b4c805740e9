"""Who translates into which language, so out-of-date translations reach the right people."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class TranslatorProfile(models.Model):
    """A user's translation languages (edited as a snippet under Settings), and their digest.

    A separate model rather than a custom user model: the portal keeps Django's User, and
    Wagtail's user form would need a custom form class for one many-to-many field.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="translator_profile",
        verbose_name=_("user"),
    )
    locales = models.ManyToManyField(
        Locale, related_name="translators", blank=True, verbose_name=_("translates into")
    )
    last_digest_at = models.DateTimeField(
        _("last digest sent"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Digests only list translations that went out of date after this."),
    )

    class Meta:
        verbose_name = _("translator")
        verbose_name_plural = _("translators")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()
