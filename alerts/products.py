"""What counts as newly published knowledge, for the feeds and the e-mail digests alike.

Both channels ask this one module, so an item never appears in a feed but not in a digest
(or the reverse), and privacy is decided in one place: only live pages that an anonymous
visitor may see. `.public()` also drops everything below a restricted section, so a partner-
only page never reaches a feed reader or an inbox, whoever subscribed.

Filters compare taxonomy terms by translation key: a translated page points at the default-
language term (the relation is synchronised), while a page written natively in French may
point at the French one; both must match a French visitor's topic.
"""

from functools import reduce
from operator import or_

from django.apps import apps
from django.db.models import Q
from wagtail.models import Page

# The plan's knowledge products: what the content areas feature and visitors follow.
PRODUCT_MODELS = (
    "resources.ResourcePage",
    "resources.ResourceKitPage",
    "case_studies.CaseStudyPage",
    "learning.ELearningModulePage",
)


def product_models():
    return [apps.get_model(label) for label in PRODUCT_MODELS]


def _pages_where(models, lookup, values):
    """Pages of any of `models` whose `lookup` is in `values`, as one Q on Page ids."""
    return reduce(
        or_,
        (
            Q(pk__in=model.objects.filter(**{f"{lookup}__in": values}).values("pk"))
            for model in models
        ),
    )


def topic_match(topic_keys):
    return _pages_where(product_models(), "topics__translation_key", topic_keys)


def area_match(area):
    """Products linked to a content area or sharing its topics (as the area page lists them)."""
    from resources.models import ResourcePage

    match = _pages_where([ResourcePage], "related_areas__translation_key", [area.translation_key])
    topic_keys = list(area.topics.values_list("translation_key", flat=True))
    if topic_keys:
        match |= topic_match(topic_keys)
    return match


def resource_type_match(type_keys):
    from resources.models import ResourcePage

    return _pages_where([ResourcePage], "resource_type__translation_key", type_keys)


def published_products(locale, match=None, since=None, until=None):
    """Live, public knowledge products of one locale, most recently first published first.

    Pages never published through Wagtail (loaded straight into the database) have no
    publication date, are not news, and would make Atom entries without a date; they are left out.

    `match` is a Q from the helpers above (or several joined with `|`); `since`/`until` bound
    the first publication, so a page that is edited and republished is not news again.
    """
    pages = (
        Page.objects.live()
        .public()
        .type(*product_models())
        .filter(locale=locale, first_published_at__isnull=False)
    )
    if match is not None:
        pages = pages.filter(match)
    if since is not None:
        pages = pages.filter(first_published_at__gt=since)
    if until is not None:
        pages = pages.filter(first_published_at__lte=until)
    return pages.order_by("-first_published_at", "-pk").specific()
