"""What every public page type shares: a summary, a listing image, review fields, and tabs.

Topics, regions and audiences are the taxonomy app's (`taxonomy.pages.TaxonomyMixin`), mixed
in by the page types that visitors filter; the review fields are `core.reviewable`'s.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .blocks import RICH_TEXT_FEATURES
from .localization import CachedLocalizedMixin
from .permissions import PortalPagePermissionTester
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

    def permissions_for_user(self, user):
        """Wagtail's permissions, with the portal's rule for deleting published pages."""
        return PortalPagePermissionTester(user, self)

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


class SectionIndexPage(BasePage):
    """The index of one of the home page's sections: content areas, the resource library...

    Every section is declared alike (one per home page, a summary and an introduction, the
    same tabs, search and API fields), and a page type deriving from this class is a section
    wherever the portal needs to know: the main navigation (home), the editorial roles'
    permissions (editorial.roles), the areas of the admin reports (editorial.freshness). A new
    app adds a section by deriving its index from this class and being listed in the home
    page's `subpage_types`; nothing else names the sections.

    A subclass sets `section_key`, the stable name templates link to it by
    (`{% get_section "library" as library %}`), and `parent_page_types` (the home page). It
    may redeclare `introduction` (content areas keep a plain-text one).
    """

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    section_key = ""
    # Whether this section's children are areas of the site in their own right (the content
    # areas): reports then group pages by them rather than by the section.
    children_are_areas = False

    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [FieldPanel("summary"), FieldPanel("introduction")]
    edit_handler = BasePage.build_tabs(content_panels)
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    api_fields = BasePage.api_fields + [APIField("introduction")]

    class Meta:
        abstract = True

    @classmethod
    def navigation_children(cls, section, request=None):
        """The pages the main navigation lists under `section` (a base Page): none by default."""
        return []
