"""The little a front-end account keeps about its owner, beside Django's user.

Learners and programme participants sign in with their e-mail address (which is also the
username, lower-cased, so Django's own `authenticate()` and any lock-out built on it apply).
Everything else personal lives here and nowhere else: the name exactly as it should appear on a
certificate (one field, in any script and order, because "first/last name" fits few of the
world's names), the preferred language, and optionally a country and an organisation.
Staff and partner accounts get a profile lazily (`profile_for`), the first time they need one.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def languages():
    """A callable, so the choices follow PORTAL_LANGUAGES without a migration."""
    return settings.LANGUAGES


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    name = models.CharField(
        _("name on certificates"),
        max_length=200,
        help_text=_("Exactly as it should appear on a certificate, in any script."),
    )
    language = models.CharField(_("preferred language"), max_length=12, choices=languages)
    country = models.CharField(_("country"), max_length=100, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("address confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("front-end account")
        verbose_name_plural = _("front-end accounts")

    def __str__(self):
        return f"{self.name} <{self.user.email}>"


def profile_for(user):
    """The user's profile, made on first use for accounts created elsewhere (staff, partners)."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        name = user.get_full_name() or user.email or user.get_username()
        profile, _created = Profile.objects.get_or_create(
            user=user,
            defaults={
                "name": name[:200],
                "language": settings.LANGUAGE_CODE,
                "confirmed_at": user.date_joined if user.is_active else None,
            },
        )
        user.profile = profile
        return profile
