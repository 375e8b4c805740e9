"""Certificates for any achievement, and the designs they are printed from.

One `Certificate` model serves every kind of achievement (an eLearning module, a programme
run...): the issuing app names its kind (see `kinds`) and a key that identifies the
achievement across languages (a module's translation key, a run's id). Everything shown on the
certificate is copied at issue time (the holder's name as they entered it, the title, the
score, a short transcript) and the design is pinned to the revision it was issued from, so
neither editing a module nor editing the design ever changes a certificate already issued.

Designs are translatable snippets with revisions rather than pages: they are never public
pages of their own (no URL, search entry or sitemap line) but need wagtail-localize's
translation and a history of versions to pin.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class CertificateDesign(TranslatableMixin, RevisionMixin, models.Model):
    name = models.CharField(_("name"), max_length=100, help_text=_("For editors only."))
    heading = models.CharField(
        _("heading"),
        max_length=120,
        blank=True,
        help_text=_('For example "Certificate of completion"; empty: the default of its kind.'),
    )
    # Left empty, the statements are the interface's own ("This certifies that"...), which are
    # translated into every language even where the design itself is not.
    statement = models.CharField(
        _("statement before the name"),
        max_length=200,
        blank=True,
        help_text=_('Empty: "This certifies that", in the holder\'s language.'),
    )
    completion_text = models.CharField(
        _("statement after the name"),
        max_length=200,
        blank=True,
        help_text=_('Empty: "has successfully completed", in the holder\'s language.'),
    )
    issuer_name = models.CharField(_("issued by"), max_length=200)
    signatory_name = models.CharField(_("signatory"), max_length=200, blank=True)
    signatory_role = models.CharField(_("signatory's role"), max_length=200, blank=True)
    footer = models.CharField(_("footer note"), max_length=300, blank=True)
    is_default = models.BooleanField(
        _("default design"),
        default=False,
        help_text=_("Used for achievements that do not name a design of their own."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("heading"),
        FieldPanel("statement"),
        FieldPanel("completion_text"),
        FieldPanel("issuer_name"),
        FieldPanel("signatory_name"),
        FieldPanel("signatory_role"),
        FieldPanel("footer"),
        FieldPanel("is_default"),
    ]
    translatable_fields = [
        TranslatableField("heading"),
        TranslatableField("statement"),
        TranslatableField("completion_text"),
        TranslatableField("issuer_name"),
        TranslatableField("signatory_role"),
        TranslatableField("footer"),
        SynchronizedField("name"),
        SynchronizedField("signatory_name"),
        SynchronizedField("is_default"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("certificate design")
        verbose_name_plural = _("certificate designs")

    def __str__(self):
        return self.name


class Certificate(models.Model):
    uuid = models.UUIDField(_("number"), default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=50)
    achievement_key = models.CharField(
        _("achievement"),
        max_length=100,
        help_text=_("Identifies what it was awarded for, the same in every language."),
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="certificates",
        verbose_name=_("holder"),
    )
    holder_name = models.CharField(_("name on the certificate"), max_length=200)
    language = models.CharField(_("language"), max_length=12)
    title = models.CharField(_("awarded for"), max_length=255)
    achievement_url = models.CharField(_("address of the achievement"), max_length=500, blank=True)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    score = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=2, null=True)
    transcript = models.JSONField(_("transcript"), default=dict, blank=True)
    design_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("design version"),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(
        _("reason for revoking"),
        blank=True,
        help_text=_(
            "Shown on the public verification page. Writing a reason revokes the "
            "certificate; removing it reinstates the certificate."
        ),
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["holder", "kind", "achievement_key"],
                condition=Q(revoked_at__isnull=True),
                name="one_valid_certificate_per_achievement",
            )
        ]

    def __str__(self):
        return f"{self.holder_name}: {self.title}"

    def get_absolute_url(self):
        from django.urls import reverse
        from django.utils import translation

        with translation.override(self.language):
            return reverse("certificates:verify", args=[self.uuid])

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def design(self):
        """The design as it was when this certificate was issued."""
        if self.design_revision is None:
            return None
        return self.design_revision.as_object()
