"""Popular topics: the front doors (home page, empty search page) start from what is there.

"Popular" is measured by what the portal holds, not by visits (the portal records none): the
topics carried by the most live pages. The pages are found through every page type's topic
links (TaxonomyMixin's `topics`), discovered from the app registry, so this app names no
section. The ranking changes only when pages are published, so it is cached per language
under the content generation (core.generations: renewed by every publish, so a renamed topic
or a withdrawn page shows at once where the shared cache keeps the number), and for at most a
few minutes where nothing keeps it; the topic names are read in the visitor's language.
"""

from django import template
from django.apps import apps
from django.core.cache import cache
from django.db.models import Count
from django.utils import translation
from wagtail.models import Page

from core.generations import generation
from core.request_cache import active_locale_id, default_locale_id

from ..models import Topic

register = template.Library()

CACHE_SECONDS = 600


def _topic_links():
    """(link model, its page field name, its topic field name) for every page type's topics."""
    links = []
    for model in apps.get_models(include_auto_created=True):
        fields = [field for field in model._meta.fields if field.many_to_one]
        topic = next((field for field in fields if field.related_model is Topic), None)
        page = next(
            (
                field
                for field in fields
                if isinstance(field.related_model, type) and issubclass(field.related_model, Page)
            ),
            None,
        )
        if topic is not None and page is not None:
            links.append((model, page.name, topic.name))
    return links


def ranked_topic_keys(limit):
    """Translation keys of the topics on the most live, public pages, most used first."""
    totals = {}
    for model, page, topic in _topic_links():
        rows = (
            model.objects.filter(
                **{f"{page}__live": True, f"{page}__view_restrictions__isnull": True}
            )
            .values(f"{topic}__translation_key")
            .annotate(pages=Count(page, distinct=True))
        )
        for row in rows:
            key = row[f"{topic}__translation_key"]
            totals[key] = totals.get(key, 0) + row["pages"]
    ranked = sorted(totals.items(), key=lambda item: (-item[1], str(item[0])))
    return [key for key, _count in ranked[:limit]]


@register.simple_tag
def popular_topics(limit=8):
    """Usage: `{% popular_topics as topics %}`: Topic objects in the visitor's language."""
    language = translation.get_language()
    cache_key = f"portal:popular-topics:{generation()}:{language}:{limit}"
    topics = cache.get(cache_key)
    if topics is None:
        keys = ranked_topic_keys(limit)
        rows = Topic.objects.filter(
            translation_key__in=keys, locale_id__in={active_locale_id(), default_locale_id()}
        )
        by_key = {}
        for row in rows:  # the visitor's language wins over the default one
            if row.translation_key not in by_key or row.locale_id == active_locale_id():
                by_key[row.translation_key] = row
        topics = [
            {"slug": by_key[key].slug, "name": by_key[key].name} for key in keys if key in by_key
        ]
        cache.set(cache_key, topics, CACHE_SECONDS)
    return topics
