"""The review fields every public page carries: who answers for it, and when it is due.

Part of what a page is, like Wagtail's own `go_live_at` on `Page`: the fields live here, in the
base every public page type inherits (`core.pages.BasePage`), while the editorial app decides
what is done with them (approval records a review, reminders, reports).

**Content owner, not `Page.owner`.** Wagtail's `owner` is the page's creator and it carries
permissions: a user with only "add" permission may edit the pages they own, and the owner may
cancel a page's workflow. A translator becomes the owner of every translation they create, and a
page copy belongs to whoever copied it. Reusing `owner` for "the specialist who answers for this
content" would hand out editing rights whenever responsibility moves, and would make the
translator responsible for the substance of a French case study. So responsibility is a separate
`content_owner`; where none is set, the creator is reminded instead (editorial.freshness).

**Translations.** The content owner is synchronised from the source page: the specialist answers
for the substance in every language, and wagtail-localize's editor has no widget for choosing a
user anyway. The review date and the last review are not synchronised and not copied into new
translations: each language version is approved through its own workflow, and a French page that
was never reviewed must not claim the English page's review.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail_localize.fields import BaseTranslatableField, SynchronizedField


class PerTranslationField(BaseTranslatableField):
    """A field that every language version keeps for itself: neither translated nor synced."""


class ReviewableMixin(models.Model):
    """Freshness fields for every public page type (mixed into `core.pages.BasePage`)."""

    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("content owner"),
        help_text=_(
            "The specialist who answers for this content and is reminded when it is "
            "due for review. Empty: the page's creator is reminded."
        ),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_(
            "When the content must next be checked. Leave it for approval to set "
            "twelve months ahead, or choose a date."
        ),
    )
    # Not editable: only an approval or "Mark as reviewed" may record a review.
    last_reviewed_at = models.DateTimeField(
        _("last reviewed"), null=True, blank=True, editable=False
    )
    last_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("last reviewed by"),
    )

    # The fields an approval or a review writes; a copy or a new translation starts without them.
    REVIEW_FIELDS = ["review_by", "last_reviewed_at", "last_reviewed_by"]
    exclude_fields_in_copy = REVIEW_FIELDS

    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [
                FieldPanel("content_owner"),
                FieldPanel("review_by"),
                FieldPanel("last_reviewed_at", read_only=True),
                FieldPanel("last_reviewed_by", read_only=True),
            ],
            heading=_("Content review"),
        ),
    ]
    editorial_translatable_fields = [
        SynchronizedField("content_owner", overridable=False),
        PerTranslationField("review_by"),
    ]

    class Meta:
        abstract = True

    @property
    def last_reviewed(self):
        """The review date visitors see, in the site's time zone."""
        return timezone.localdate(self.last_reviewed_at) if self.last_reviewed_at else None
