"""The main navigation: the home page's sections, where the home page assembles them.

The sections are the page types the home page accepts as children that derive from
`core.pages.SectionIndexPage`; each names itself (`section_key`) and says what the menu lists
under it (`navigation_children`, the content areas under their index). Nothing here names a
section type, so an app that adds a section appears in the menu by declaring it.
"""

from django import template
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from core.fragments import fragment
from core.pages import SectionIndexPage
from core.serving import home_sections
from core.templatetags.portal_tags import aria_current, cached_on_request, localized_home
from core.visibility import public_pages
from multilingual.listings import in_source_order, listed_url, mark, source_path, under_q

from ..models import HomePage

register = template.Library()


def section_models():
    """The section page types under the home page, in the order it lists them."""
    return [
        model
        for model in HomePage.allowed_subpage_models()
        if issubclass(model, SectionIndexPage) and model.section_key
    ]


def _item(page, request, key="", children=()):
    return {
        "key": key,
        "page": page,
        "title": page.title,
        "url": listed_url(page, request),
        "children": list(children),
    }


@register.simple_tag(takes_context=True)
def get_main_navigation(context):
    """The home page's live sections, in the editors' order, with what each lists below it.

    Usage: `{% get_main_navigation as nav_items %}`. Each item is a dict with `key` (the
    section's `section_key`), `page`, `title`, `url`, `current` (an aria-current value or "")
    and `children` (the same shape, with an empty `key`: the content areas under the content
    area index, nothing for the other sections). Sections and areas not translated into the
    visitor's language are included in the default language, their `page` marked with
    `content_language` and `url` the address the fallback router serves them at
    (multilingual.listings).
    """
    request = context.get("request")
    home = localized_home(context)
    if home is None:
        return []
    current = context.get("page")

    def build():
        models = section_models()
        type_ids = {ct.pk for ct in ContentType.objects.get_for_models(*models).values()}
        sections = home_sections(request, home)
        if sections is None:
            sections = public_pages(Page.objects.filter(under_q(home))).annotate(
                source_path=source_path()
            )
        items = []
        for section in mark(in_source_order(sections), request):
            if section.content_type_id not in type_ids:
                continue
            model = section.specific_class
            children = [
                _item(child, request) for child in model.navigation_children(section, request)
            ]
            items.append(_item(section, request, model.section_key, children))
        return items

    def navigation():
        # The same for every anonymous visitor of the language (core.fragments); which item
        # is the current page is added for this request.
        items = fragment(request, "main-navigation", [home.pk], build)
        return [
            {
                **item,
                "current": aria_current(current, item["page"]),
                "children": [
                    {**child, "current": aria_current(current, child["page"])}
                    for child in item["children"]
                ],
            }
            for item in items
        ]

    cache_key = ("nav", home.pk, getattr(current, "pk", None))
    return cached_on_request(request, cache_key, navigation)


@register.simple_tag(takes_context=True)
def get_section(context, key):
    """One section of the visitor's home page by its `section_key` ("areas", "library"...).

    Usage: `{% get_section "library" as library %}`. None when the section does not exist.
    """
    for item in get_main_navigation(context):
        if item["key"] == key:
            return item["page"]
    return None
