"""Taxonomy is edited as snippets: Wagtail's snippet views give wagtail-localize's Translate
action, which modeladmin only offers through a separate app."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, Organisation, Region, ResourceType, Topic


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    list_export = ["name", "slug", "locale", "description"]
    ordering = ["name"]


class TopicViewSet(TermViewSet):
    model = Topic
    icon = "tag"


class RegionViewSet(TermViewSet):
    model = Region
    icon = "globe"
    list_display = ["name", "kind", "parent", "locale"]
    list_filter = ["locale", "kind"]


class AudienceViewSet(TermViewSet):
    model = Audience
    icon = "group"


class ResourceTypeViewSet(TermViewSet):
    model = ResourceType
    icon = "folder-open-inverse"


class OrganisationViewSet(TermViewSet):
    model = Organisation
    icon = "home"
    list_display = ["name", "acronym", "website", "locale"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 300
    items = (TopicViewSet, RegionViewSet, AudienceViewSet, ResourceTypeViewSet, OrganisationViewSet)


register_snippet(TaxonomyGroup)
