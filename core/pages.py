"""What every public page type shares: a summary, a listing image, review fields, and tabs.

Topics, regions and audiences are the taxonomy app's (`taxonomy.pages.TaxonomyMixin`), mixed
in by the page types that visitors filter; the review fields are `core.reviewable`'s.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .localization import CachedLocalizedMixin
from .reviewable import ReviewableMixin


class BasePage(CachedLocalizedMixin, ReviewableMixin, Page):
    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences for listings, search results and link previews."),
    )
    listing_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )

    search_fields = Page.search_fields + [index.SearchField("summary", boost=2)]
    api_fields = [APIField("summary"), APIField("listing_image")]
    override_translatable_fields = [
        SynchronizedField("listing_image")
    ] + ReviewableMixin.editorial_translatable_fields

    # Foreign keys read together with the page wherever it is shown (served, localised, listed),
    # so templates and cards need no query of their own for them.
    display_related = ("listing_image",)

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """None, without a query, when core.serving already saw no restriction on the way here."""
        if getattr(self, "_portal_unrestricted", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @classmethod
    def build_tabs(cls, content, taxonomy=None, extra=None):
        """Content first, then classification, then Wagtail's own promote and settings tabs."""
        tabs = [ObjectList(content, heading=_("Content"))]
        if taxonomy:
            tabs.append(ObjectList(taxonomy, heading=_("Classification")))
        for heading, panels in extra or []:
            tabs.append(ObjectList(panels, heading=heading))
        tabs.append(
            ObjectList(cls.promote_panels + [FieldPanel("listing_image")], heading=_("Promote"))
        )
        tabs.append(ObjectList(cls.settings_panels, heading=_("Settings"), classname="settings"))
        return TabbedInterface(tabs)
