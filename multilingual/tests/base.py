"""The English site from tests.tree with French, Spanish and Arabic translations of most of it."""

from django.test import TestCase
from wagtail.models import Locale

from tests.tree import build_site

LANGUAGES = ("fr", "es", "ar")
# One page of each type, translated into every language; the sub-area stays English only.
TRANSLATED = [
    "home",
    "areas_index",
    "area",
    "library",
    "resource",
    "kit",
    "case_index",
    "case_study",
    "learning_index",
    "module",
]


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


class MultilingualTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = t = build_site()
        cls.locales = {code: Locale.objects.create(language_code=code) for code in LANGUAGES}
        cls.pages = {"en": {name: getattr(t, name) for name in TRANSLATED}}
        cls.pages["en"]["lesson"] = t.lessons[0]
        for code, locale in cls.locales.items():
            cls.pages[code] = {
                name: publish(getattr(t, name).specific.copy_for_translation(locale))
                for name in TRANSLATED
            }
            cls.pages[code]["lesson"] = publish(t.lessons[0].specific.copy_for_translation(locale))
