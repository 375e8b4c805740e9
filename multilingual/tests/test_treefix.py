"""wagtail-localize issue #773: translating a parent and its child in one transaction."""

from django.test import TestCase, override_settings
from wagtail.models import Locale, Page
from wagtail_localize.operations import TranslationCreator

from multilingual import treefix
from tests.tree import build_site


@override_settings(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=True)
class TestNumchildGuard(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.fr = Locale.objects.create(language_code="fr")

    def translate_area_with_subtree(self):
        """What "Translate ... include subtree" does: parent and child before the commit."""
        creator = TranslationCreator(None, [self.fr])
        with self.captureOnCommitCallbacks(execute=True):
            for page in (self.t.home, self.t.areas_index, self.t.area, self.t.sub_area):
                creator.create_translations(page.specific)
        return self.t.area.get_translation(self.fr)

    def problems(self):
        return Page.find_problems()[4]  # pages with a wrong numchild (treebeard order)

    def test_the_bug_happens_without_the_guard(self):
        treefix.page_published.disconnect(dispatch_uid="multilingual_repair_numchild")
        try:
            french_area = self.translate_area_with_subtree()
        finally:
            treefix.connect()
        children = Page.objects.filter(
            path__startswith=french_area.path, depth=french_area.depth + 1
        )
        assert french_area.numchild == 0 and children.count() == 1  # the child is hidden
        assert french_area.pk in self.problems()

    def test_the_guard_repairs_numchild(self):
        french_area = self.translate_area_with_subtree()
        assert french_area.numchild == 1
        assert self.problems() == []
        french_area.add_child(instance=type(self.t.sub_area)(title="Kafala", slug="kafala"))
