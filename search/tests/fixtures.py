"""A multilingual portal for search tests: the shared English tree plus fr, es and ar."""

from types import SimpleNamespace

from django.utils.text import slugify
from wagtail.models import Locale, Page, PageViewRestriction

from core.bulk import references_once
from search import indexing
from tests import factories as f
from tests.tree import build_site

LANGUAGES = ("fr", "es", "ar")


def publish(page):
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@references_once()
@indexing.deferred()
def multilingual_site():
    """build_site()'s English tree, with a published home and library in fr, es and ar."""
    t = build_site()
    t.locales = {"en": Locale.objects.get(language_code="en")}
    t.homes, t.libraries = {"en": t.home}, {"en": t.library}
    for code in LANGUAGES:
        t.locales[code] = Locale.objects.get_or_create(language_code=code)[0]
        t.homes[code] = publish(t.home.copy_for_translation(t.locales[code]))
        t.libraries[code] = publish(t.library.copy_for_translation(t.locales[code]))
    return t


def resource(library, title, body="", summary="", translation_of=None, live=True, **fields):
    """A resource page under `library` (its locale), published unless live=False."""
    extra = {"translation_key": translation_of.translation_key} if translation_of else {}
    page = f.ResourcePageFactory(
        parent=library,
        title=title,
        slug=slugify(title, allow_unicode=True)[:50] or "page",
        summary=summary,
        body=[{"type": "paragraph", "value": f"<p>{body}</p>"}] if body else [],
        live=live,
        **extra,
        **fields,
    )
    if not live:
        return page
    return publish(page)


def restrict(page, kind=PageViewRestriction.LOGIN, groups=()):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
    if groups:
        restriction.groups.set(groups)
    return restriction


def namespace(**kwargs):
    return SimpleNamespace(**kwargs)
