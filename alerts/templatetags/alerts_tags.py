"""Feed discovery (`<link rel="alternate">`) and visible "follow" links for public pages.

Which feeds a page offers follows what it lists: every page offers the language's feed of all
new knowledge products; a content area adds its own; the resource library, filtered by topic
or type, adds that filter's feed. A page behind a view restriction advertises no feed of its
own, because its feed would list only public items (and its existence is nobody's business).
"""

from django import template
from django.utils.translation import gettext as _

from ..feeds import feed_urls

register = template.Library()


def _feed(title, kind="", slug=""):
    return {"title": title, **feed_urls(kind, slug)}


def _term_feed(model, kind, slug, label):
    term = model.objects.filter(slug=slug).first()
    if term is None:
        return None
    return _feed(label % {"name": term.localized.name}, kind, slug)


@register.simple_tag(takes_context=True)
def page_feeds(context):
    """Feeds for the page being shown, the most general first.

    Usage: `{% page_feeds as feeds %}`; each feed is a dict with `title`, `rss` and `atom`.
    The head and the body of a page both ask, so the answer is kept on the request.
    """
    request = context.get("request")
    cached = getattr(request, "_alerts_page_feeds", None)
    if cached is None:
        cached = _page_feeds(context.get("page"), request)
        if request is not None:
            request._alerts_page_feeds = cached
    return cached


def _page_feeds(page, request):
    from content_areas.models import ContentAreaPage
    from resources.models import ResourceLibraryPage
    from taxonomy.models import ResourceType, Topic

    feeds = [_feed(_("New knowledge products"))]
    if isinstance(page, ContentAreaPage) and not page.get_view_restrictions().exists():
        feeds.append(_feed(_("New in %(name)s") % {"name": page.title}, "area", page.slug))
    elif isinstance(page, ResourceLibraryPage) and request is not None:
        for param, model, label in (
            ("type", ResourceType, _("New resources of type %(name)s")),
            ("topic", Topic, _("New on %(name)s")),
        ):
            slug = request.GET.get(param, "")
            feed = _term_feed(model, param, slug, label) if slug else None
            if feed:
                feeds.append(feed)
    return feeds


@register.inclusion_tag("alerts/includes/feed_alternates.html", takes_context=True)
def feed_alternates(context):
    """`<link rel="alternate">` lines for the page's feeds, for the page's <head>."""
    return {"feeds": page_feeds(context)}


@register.inclusion_tag("alerts/includes/follow_links.html", takes_context=True)
def follow_links(context):
    """A small "Follow" box: the page's most specific feed and the e-mail alerts form."""
    return {"feed": page_feeds(context)[-1]}
