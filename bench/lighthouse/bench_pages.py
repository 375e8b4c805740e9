# Run by run.py inside `manage.py shell -c` on the scratch database (never on a real one).
# Picks one page of each public type, the first the demo has translated into Arabic (then into
# the most languages), so that the Arabic pages measured are the demo's real Arabic pages. Only
# where the demo has no translation of it does a language get a fallback copy (its text stays
# English; what is then measured is each language's layout and the page's weight), so that the
# budget covers every type in every language. Points the Site at the benchmark's port, prints
# one line naming the copies made, and prints {key: {language: url}} as JSON on its last line.
import json

from django.conf import settings
from wagtail.models import Locale, Site

from case_studies.models import CaseStudyIndexPage, CaseStudyPage
from content_areas.models import ContentAreaIndexPage, ContentAreaPage
from home.models import HomePage
from learning.models import ELearningIndexPage, ELearningModulePage, LessonPage
from resources.models import ResourceKitPage, ResourceLibraryPage, ResourcePage

TYPES = {
    "home": HomePage,
    "areas_index": ContentAreaIndexPage,
    "area": ContentAreaPage,
    "library": ResourceLibraryPage,
    "resource": ResourcePage,
    "kit": ResourceKitPage,
    "case_index": CaseStudyIndexPage,
    "case_study": CaseStudyPage,
    "learning_index": ELearningIndexPage,
    "module": ELearningModulePage,
    "lesson": LessonPage,
}
SEARCH = "child"
LIGHTHOUSE_LANGUAGE = "ar"  # run.py runs Lighthouse in English and Arabic


def in_language(page, locale):
    return page.get_translations(inclusive=True).filter(locale=locale).first()


def coverage(page):
    """Live translations into Arabic (Lighthouse's second language) first, then into any."""
    live = page.get_translations().live()
    return (live.filter(locale__language_code=LIGHTHOUSE_LANGUAGE).exists(), live.count())


def ensure_translation(page, locale):
    """The page's live translation in `locale`, copying it (and missing parents) if needed."""
    existing = in_language(page, locale)
    if existing is not None and existing.live:
        return existing.specific
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        if in_language(ancestor, locale) is None:
            ensure_translation(ancestor, locale)
    copy = existing.specific if existing else page.specific.copy_for_translation(locale)
    copy.save_revision().publish()
    copies.append(f"{copy.url_path} ({locale.language_code})")
    return copy


Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=int("PORT_PLACEHOLDER"))
default = Locale.get_default()
codes = [code for code, _name in settings.LANGUAGES]
others = Locale.objects.filter(language_code__in=codes).exclude(pk=default.pk)
urls = {}
copies = []
for key, model in TYPES.items():
    # the first page in tree order among those translated into Arabic, then most languages
    source = max(model.objects.live().filter(locale=default).order_by("path"), key=coverage)
    for locale in others:
        ensure_translation(source, locale)
    urls[key] = {}
    for code, _name in settings.LANGUAGES:
        version = in_language(source, Locale.objects.get(language_code=code))
        if version is not None and version.live:
            urls[key][code] = version.url
urls["search"] = {code: f"/{code}/search/?q={SEARCH}" for code, _name in settings.LANGUAGES}
print("Copies with English text (no translation in the demo): " + (", ".join(copies) or "none"))
print(json.dumps(urls))
