"""search.engine.search_pages: what the API's `?search=` calls."""

from django.test import TestCase
from wagtail.models import Page

from search.engine import search_pages

from .fixtures import multilingual_site, resource, restrict


class TestSearchPages(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = multilingual_site()
        cls.english = resource(cls.t.libraries["en"], "Refugee children in Malawi")
        cls.french = resource(
            cls.t.libraries["fr"], "Enfants réfugiés au Malawi", translation_of=cls.english
        )
        cls.draft = resource(cls.t.libraries["fr"], "Brouillon sur le Malawi", live=False)
        cls.private = resource(cls.t.libraries["fr"], "Notes internes sur le Malawi")
        restrict(cls.private)

    def test_one_language_with_its_stemming(self):
        results = search_pages(Page.objects.all(), "enfant refugie", locale=self.t.locales["fr"])
        assert [page.pk for page in results] == [self.french.pk]
        assert results.count() == 1

    def test_every_language_without_a_locale(self):
        results = search_pages(Page.objects.all(), "Malawi")
        assert {page.pk for page in results} == {self.english.pk, self.french.pk}

    def test_drafts_and_restricted_pages_never_appear(self):
        for locale in (None, self.t.locales["fr"]):
            found = {page.pk for page in search_pages(Page.objects.all(), "Malawi", locale=locale)}
            assert self.draft.pk not in found and self.private.pk not in found

    def test_junk_gives_nothing(self):
        assert list(search_pages(Page.objects.all(), "&&& ***")) == []

    def test_operator(self):
        assert list(search_pages(Page.objects.all(), "Malawi zzzz")) == []
        found = search_pages(Page.objects.all(), "Malawi zzzz", operator="or")
        assert {page.pk for page in found} == {self.english.pk, self.french.pk}
        assert search_pages(Page.objects.all(), "Malawi", operator="xor").count() == 2
