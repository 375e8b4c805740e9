"""The typo fallback (search.spelling): corrected queries, "search instead", "did you mean",
in four languages, on SQLite (edit distance) and PostgreSQL (pg_trgm), and never a word
that only a draft or restricted page holds."""

from bs4 import BeautifulSoup
from django.db import connection, transaction
from django.test import SimpleTestCase, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from search import spelling, vocabulary
from search.spelling import distance
from search.vocabulary import SpellingWord

from .fixtures import multilingual_site, resource, restrict

QUERY_BUDGET = 15  # as tests/test_public_pages.py allows the search page


def build_portal():
    t = multilingual_site()
    en, fr, es, ar = (t.libraries[code] for code in ("en", "fr", "es", "ar"))
    t.burnout = resource(
        en,
        "Self-care for helpline staff: preventing burnout",
        body="Counsellors risk burnout and exhaustion; supervision keeps the team well.",
    )
    t.trafficking = resource(
        en, "Preventing child trafficking", body="Indicators of trafficking and forced labour."
    )
    t.birth = resource(
        en, "Birth registration", body="The registration of every birth gives a child an identity."
    )
    t.marriage = resource(
        fr, "Mariage des enfants", body="Le mariage précoce des enfants prive les filles d'école."
    )
    t.disability = resource(
        es, "Niñez con discapacidad", body="Los niños con discapacidad tienen derecho a la escuela."
    )
    t.birth_ar = resource(ar, "تسجيل المواليد", body="تسجيل كل مولود يمنح الطفل هوية.")
    # Words only pages visitors may not see hold, each a letter away from a query below.
    t.draft = resource(en, "Smuggling routes", body="smuggling smuggling", live=False)
    t.partners = resource(en, "Partner notes", body="Notes on quokkas and their handlers.")
    restrict(t.partners)
    t.unpublished = resource(en, "Withdrawn memo", body="The wombats memo was withdrawn.")
    t.unpublished.unpublish()
    return t


class TypoTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        # TestCase never commits: built without scheduling a refresh that would never run
        # (and stand for this class's later ones), then the vocabulary is built once.
        with override_settings(SEARCH_SPELLING=False):
            cls.t = build_portal()
        vocabulary.rebuild()

    def get(self, lang="en", **params):
        response = self.client.get(f"/{lang}/search/", params)
        assert response.status_code == 200, response.status_code
        return response, BeautifulSoup(response.content, "html.parser")

    @staticmethod
    def titles(soup):
        return [a.get_text(strip=True) for a in soup.select(".search-result .card-title a")]

    @staticmethod
    def notice(soup):
        notice = soup.select_one(".search-spelling")
        return notice.get_text(" ", strip=True) if notice else ""


class TestCorrection(TypoTestCase):
    def test_a_misspelt_word_is_searched_as_the_nearest_known_word(self):
        _response, soup = self.get(q="burnuot")
        assert self.titles(soup) == ["Self-care for helpline staff: preventing burnout"]
        notice = soup.select_one(".search-spelling")
        assert notice.select_one("b").get_text() == "burnout"
        link = notice.select_one("a")
        assert "burnuot" in link.get_text() and "exact=1" in link["href"]
        assert "q=burnuot" in link["href"]
        assert [mark.get_text() for mark in soup.select(".search-snippet mark")][:1] == ["burnout"]

    def test_a_wrong_missing_extra_or_swapped_first_letter_is_corrected(self):
        # SQLite finds these through the second and third letters (search/migrations/0012),
        # PostgreSQL through trigrams: on both, a mistake at the start is forgiven.
        found = spelling.lookup(["vurnout", "urnout", "xburnout", "ubrnout"], ["en"])
        for typo, candidates in found.items():
            assert "burnout" in {key for key, _word, _pages in candidates}, typo
        _response, soup = self.get(q="vurnout")
        assert self.titles(soup) == ["Self-care for helpline staff: preventing burnout"]
        assert self.notice(soup).startswith("Showing results for burnout")

    def test_a_word_seen_before_is_corrected_without_reading_the_vocabulary(self):
        def vocabulary_reads(text):
            with CaptureQueriesContext(connection) as queries:
                _response, soup = self.get(q=text)
            assert self.titles(soup) == ["Self-care for helpline staff: preventing burnout"]
            return sum("spellingword" in query["sql"] for query in queries.captured_queries)

        assert vocabulary_reads("burnuot") == 1
        assert vocabulary_reads("Burnuot") == 0  # another query, a word already looked up
        vocabulary.forget()  # the vocabulary changed: words are looked up again
        assert vocabulary_reads("BURNUOT") == 1

    def test_search_instead_searches_as_typed(self):
        _response, soup = self.get(q="burnuot", exact="1")
        assert self.titles(soup) == []
        assert self.notice(soup) == ""
        assert "burnuot" in soup.select_one(".empty-state").get_text()
        # A search as typed stays so through its sort links and facets.
        _response, soup = self.get(q="burnout", exact="1")
        assert all("exact=1" in a["href"] for a in soup.select(".search-sort a"))
        assert soup.select_one('.facet-form input[name="exact"]')["value"] == "1"

    def test_a_missing_and_a_swapped_letter_in_the_all_languages_scope(self):
        _response, soup = self.get(q="trafficing", scope="all")
        assert self.titles(soup) == ["Preventing child trafficking"]
        assert "trafficking" in self.notice(soup)

    def test_several_words_only_the_misspelt_one_corrected(self):
        _response, soup = self.get(q="regsitration birth")
        assert self.titles(soup) == ["Birth registration"]
        assert soup.select_one(".search-spelling b").get_text() == "registration birth"
        # Two misspelt words at once.
        _response, soup = self.get(q="regsitration brith")
        assert self.titles(soup) == ["Birth registration"]
        assert soup.select_one(".search-spelling b").get_text() == "registration birth"

    def test_french_spanish_and_arabic(self):
        for lang, query, title, corrected in (
            ("fr", "marriage enfants", "Mariage des enfants", "mariage enfants"),
            ("es", "discapacidd", "Niñez con discapacidad", "discapacidad"),
            ("ar", "تسحيل المواليد", "تسجيل المواليد", "تسجيل المواليد"),
        ):
            with self.subTest(lang=lang, query=query):
                _response, soup = self.get(lang, q=query)
                assert self.titles(soup) == [title]
                assert soup.select_one(".search-spelling b").get_text() == corrected
        _response, soup = self.get("fr", q="marriage enfants")
        assert self.notice(soup).startswith("Résultats pour mariage enfants")  # translated

    def test_a_word_is_corrected_only_within_its_language(self):
        # The French page says "mariage"; in English nothing is near enough to "marriage".
        _response, soup = self.get("en", q="mariagge")
        assert self.titles(soup) == [] and self.notice(soup) == ""

    def test_good_queries_and_words_without_a_near_spelling_are_left_alone(self):
        for query in ("burnout", "preventing trafficking", "birth"):
            with self.subTest(query=query):
                _response, soup = self.get(q=query)
                assert self.titles(soup) and self.notice(soup) == ""
        for query in ("xylophone", "zzzz", "abc", "2024", "burnuotx12"):
            with self.subTest(query=query):
                _response, soup = self.get(q=query)
                assert self.titles(soup) == [] and self.notice(soup) == ""

    def test_an_inflection_of_a_known_word_is_not_a_typo(self):
        assert spelling.correction("counsellor", ["en"]) is None  # "counsellors" is known
        assert spelling.correction("burnuot", ["en"]) == "burnout"

    @override_settings(SEARCH_SPELLING=False)
    def test_the_setting_turns_it_off(self):
        _response, soup = self.get(q="burnuot")
        assert self.titles(soup) == [] and self.notice(soup) == ""


class TestPrivacy(TypoTestCase):
    def test_no_word_of_a_draft_restricted_or_unpublished_page_is_known(self):
        known = set(SpellingWord.objects.values_list("key", flat=True))
        assert {"burnout", "discapacidad", "mariage"} <= known
        assert not {"smuggling", "quokkas", "handlers", "wombats", "withdrawn"} & known

    def test_no_suggestion_or_correction_reveals_them(self):
        for query in ("smugling", "quokka", "quokkaz", "wombatz", "wombat"):
            with self.subTest(query=query):
                response, soup = self.get(q=query)
                assert self.titles(soup) == [] and self.notice(soup) == ""
                text = response.content.decode().lower()
                assert "smuggling" not in text and "quokkas" not in text and "wombats" not in text

    def test_restricting_or_unpublishing_a_page_takes_its_words_out(self):
        # Each change in a transaction of its own, as two requests would make them (the
        # test's own transaction keeps every run callback, which would stand for the next).
        with self.captureOnCommitCallbacks(execute=True), transaction.atomic():
            restrict(self.t.birth, PageViewRestriction.PASSWORD)
        assert not SpellingWord.objects.filter(language="en", key="registration").exists()
        with self.captureOnCommitCallbacks(execute=True), transaction.atomic():
            Page.objects.get(pk=self.t.burnout.pk).unpublish()
        assert not SpellingWord.objects.filter(key="burnout").exists()
        _response, soup = self.get(q="burnuot")
        assert self.titles(soup) == [] and self.notice(soup) == ""

    def test_publishing_adds_a_page_s_words_once_per_transaction(self):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            resource(self.t.libraries["en"], "Kangaroo care", body="Kangaroo mother care.")
            resource(self.t.libraries["en"], "Kangaroo care 2", body="Kangaroo care again.")
        assert len(callbacks) == 1
        assert SpellingWord.objects.get(language="en", key="kangaroo").frequency == 2

    def test_a_bulk_load_rebuilds_once_at_its_end(self):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            with vocabulary.one_refresh():
                for n in range(2):
                    with transaction.atomic():  # each page committed on its own, as a load does
                        resource(self.t.libraries["en"], f"Koala {n}", body="Koala care.")
                assert not SpellingWord.objects.filter(key="koala").exists()
        assert len(callbacks) == 1
        assert SpellingWord.objects.get(language="en", key="koala").frequency == 2


class TestDidYouMean(TestCase):
    @classmethod
    def setUpTestData(cls):
        with override_settings(SEARCH_SPELLING=False):
            t = multilingual_site()
            for n in range(spelling.COMMON_RATIO):
                resource(t.libraries["en"], f"Government note {n}", body="The government decided.")
            resource(t.libraries["en"], "A misspelt memo", body="The goverment memo.")
        vocabulary.rebuild()

    def test_a_rare_spelling_of_a_far_commoner_word_gets_a_suggestion(self):
        response = self.client.get("/en/search/", {"q": "goverment"})
        soup = BeautifulSoup(response.content, "html.parser")
        # (SQLite also finds "government" by the stem prefix "gover*": search.backends.sqlite)
        assert "A misspelt memo" in [a.get_text() for a in soup.select(".search-result a")]
        suggestion = soup.select_one(".search-spelling")
        assert "Did you mean" in suggestion.get_text()
        assert suggestion.select_one("b").get_text() == "government"
        assert "q=government" in suggestion.select_one("a")["href"]

    def test_no_suggestion_for_the_common_word_or_as_typed(self):
        for params in ({"q": "government"}, {"q": "goverment", "exact": "1"}):
            soup = BeautifulSoup(self.client.get("/en/search/", params).content, "html.parser")
            assert soup.select_one(".search-spelling") is None


class TestBackends(TypoTestCase):
    def test_candidates_found_on_this_database(self):
        # PostgreSQL: pg_trgm similarity through the GIN index; SQLite: first letter and length.
        found = spelling.lookup(["burnuot", "burnout"], ["en"])
        assert "burnout" in {key for key, _word, _pages in found["burnuot"]}
        assert "burnout" in {key for key, _word, _pages in found["burnout"]}  # known: itself
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT 1 FROM pg_indexes WHERE indexname = 'search_spelling_key_trgm'"
                )
                assert cursor.fetchone()

    def test_candidates_are_read_through_an_index(self):
        # PostgreSQL: the language's own trigram index; SQLite: the (language, key) index for
        # the first letter, the (language, second letters, length) one for a wrong first one.
        with CaptureQueriesContext(connection) as queries:
            spelling.lookup(["burnuot"], ["en"])
        (query,) = queries.captured_queries
        if connection.vendor == "postgresql":
            # A few test rows are read faster without a trigram index, or through the
            # (language, key) one: without them (rolled back), the plan must take the
            # language's own index, so the query's language condition matches its predicate.
            try:
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute("DROP INDEX search_spelling_key_trgm")
                    cursor.execute(
                        "ALTER TABLE portal_search_spellingword "
                        "DROP CONSTRAINT search_spelling_unique"
                    )
                    cursor.execute("SET LOCAL enable_seqscan = off")
                    cursor.execute("EXPLAIN " + query["sql"])
                    plan = "\n".join(row[0] for row in cursor.fetchall())
                    raise RuntimeError("roll back")
            except RuntimeError:
                pass
            assert "search_spelling_trgm_en" in plan, plan
        else:
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
                plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
            assert "MULTI-INDEX OR" in plan and "search_spelling_second" in plan, plan
            assert "SCAN" not in plan, plan

    def test_query_budget(self):
        for params in (
            {"q": "burnuot"},
            {"q": "regsitration brith", "scope": "all"},
            {"q": "xylophone"},
            {"q": "burnout"},
        ):
            with self.subTest(params=params):
                self.client.get("/en/search/", params)  # warm the per-process caches
                with CaptureQueriesContext(connection) as queries:
                    assert self.client.get("/en/search/", params).status_code == 200
                sql = "\n".join(query["sql"][:160] for query in queries.captured_queries)
                assert len(queries.captured_queries) <= QUERY_BUDGET, sql

    def test_bad_input_never_fails(self):
        for params in (
            {"q": "%_\\'\"; DROP TABLE"},
            {"q": "a" * 500},
            {"q": "ééééééé"},
            {"q": "burnuot", "exact": "yes"},
            {"q": "👶👶👶👶"},
            {"q": "ـــــ"},
            {"q": "x\u0301\u0301\u0301y"},
            {"q": "burnuot " * 40},
        ):
            with self.subTest(params=params):
                assert self.client.get("/en/search/", params).status_code == 200


class TestDistance(SimpleTestCase):
    def test_edits(self):
        assert distance("burnuot", "burnout", 2) == 1  # two neighbours swapped
        assert distance("trafficing", "trafficking", 2) == 1
        assert distance("discapacidd", "discapacidad", 2) == 1
        assert distance("mentor", "monitor", 2) == 2
        assert distance("abc", "xyz", 1) == 2  # beyond the limit: limit + 1
        assert distance("", "ab", 2) == 2

    def test_keys_fold_case_accents_and_arabic_forms(self):
        assert vocabulary.spelling_key("Éducation") == "education"
        assert vocabulary.spelling_key("والأطفال") == vocabulary.spelling_key("أطفال")
