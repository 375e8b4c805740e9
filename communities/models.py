"""Communities of practice (issue 17, seed 004): a page that says what the community is and how
to join, and, for its members only, a moderated discussion, a shelf of resources and themed
sessions.

The page is content like any page, translated with wagtail-localize, and it is all that the
public, the search index, the API, feeds and the sitemap ever see: its description and how to
join. The rest (`records`) belongs to the page's translation key and is shown by the page only
to those `access` lets in.
"""

from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.pages import BasePage

from .records import Community, Post, Report, Subscription, Theme, Thread  # noqa: F401  (the models Django finds here)


class CommunityPage(BasePage):
    description = RichTextField(_("what the community is"), blank=True, features=RICH_TEXT_FEATURES)
    how_to_join = RichTextField(_("how to join"), blank=True, features=RICH_TEXT_FEATURES)

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("how_to_join"),
    ]
    edit_handler = BasePage.build_tabs(content_panels)
    # Only the page's public text: members, themes' discussions and posts are never indexed or
    # served by the API.
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("how_to_join"),
    ]
    api_fields = BasePage.api_fields + [APIField("description"), APIField("how_to_join")]

    class Meta:
        verbose_name = _("community of practice")
        verbose_name_plural = _("communities of practice")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        from .services import ensure_community

        ensure_community(self)

    def community(self):
        if not hasattr(self, "_community"):
            self._community = (
                Community.objects.filter(page_key=self.translation_key)
                .select_related("run")
                .first()
            )
        return self._community

    def get_context(self, request, *args, **kwargs):
        from .views import community_context

        context = super().get_context(request, *args, **kwargs)
        context.update(community_context(request, self))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.user.is_authenticated:
            # What a member sees is theirs: no shared cache, proxy or back button keeps it.
            add_never_cache_headers(response)
            response["Cache-Control"] += ", private"
        return response
