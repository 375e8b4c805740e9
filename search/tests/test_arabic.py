"""Arabic normal forms (search.arabic) and how a query uses them (search.synonyms)."""

from django.test import SimpleTestCase
from modelsearch.query import Or, PlainText

from search.arabic import index_forms, normalise
from search.synonyms import build_query, synonym_table


class NormaliseTests(SimpleTestCase):
    def test_clitic_before_the_article_and_the_article_are_removed(self):
        self.assertEqual(normalise("والكفالة"), "كفاله")
        self.assertEqual(normalise("بالمدارس"), "مدارس")
        self.assertEqual(normalise("للمواليد"), "مواليد")
        self.assertEqual(normalise("فالزواج"), "زواج")
        self.assertEqual(normalise("الأطفال"), "اطفال")

    def test_letter_variants_fold(self):
        self.assertEqual(normalise("أطفال"), normalise("اطفال"))
        self.assertEqual(normalise("مدرسة"), "مدرسه")
        self.assertEqual(normalise("زَواج"), "زواج")  # harakat

    def test_a_bare_conjunction_letter_and_short_words_stay(self):
        self.assertEqual(normalise("وصي"), "وصي")
        self.assertEqual(normalise("الى"), "الي")  # two letters would be left: not an article

    def test_index_forms_only_what_differs_once_and_nothing_for_latin_text(self):
        self.assertEqual(index_forms("حماية الأطفال والأطفال طفل"), "حمايه اطفال")
        self.assertEqual(index_forms("Child protection"), "")


class QueryTests(SimpleTestCase):
    def test_an_arabic_word_is_searched_as_typed_or_normalised(self):
        query, terms = build_query("والكفالة", ["ar"], synonyms={})
        self.assertIsInstance(query, Or)
        self.assertEqual([part.query_string for part in query.subqueries], ["والكفالة", "كفاله"])
        self.assertEqual(terms, ["والكفالة", "كفاله"])

    def test_a_broken_plural_with_clitics_finds_its_group(self):
        table = synonym_table([("ar", ["طفل", "أطفال"])])
        query, _terms = build_query("وللأطفال", ["ar"], synonyms=table)
        searched = {part.query_string for part in query.subqueries}
        self.assertIn("طفل", searched)
        self.assertIn("اطفال", searched)

    def test_a_word_that_folds_to_nothing_is_searched_as_typed(self):
        query, _terms = build_query("ـــ", ["ar"], synonyms={})
        assert isinstance(query, PlainText) and query.query_string == "ـــ"
        assert index_forms("ـــ") == ""

    def test_latin_words_are_untouched(self):
        query, _terms = build_query("children", ["en"], synonyms={})
        self.assertIsInstance(query, PlainText)
