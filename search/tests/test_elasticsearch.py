"""Elasticsearch/OpenSearch: what the backend would send, and a live check when a server is set.

No search server runs in CI, so the mappings, analysis settings and queries are checked as the
JSON the backend builds. Set SEARCH_TEST_ELASTICSEARCH_URL (e.g. http://localhost:9200) to
also run TestLiveServer against a real Elasticsearch 9 server.
"""

import logging
import os
from unittest import mock

import pytest
from django.test import TestCase
from wagtail.models import Page

from search.backends import elasticsearch9
from search.backends.elasticsearch import analysis_settings
from search.engine import visible_pages
from search.models import SynonymGroup

from .fixtures import multilingual_site, resource

LIVE_URL = os.environ.get("SEARCH_TEST_ELASTICSEARCH_URL")


def backend(**params):
    return elasticsearch9.SearchBackend(
        {"URLS": [LIVE_URL or "http://127.0.0.1:9"], "INDEX_PREFIX": "portal_test_", **params}
    )


def test_language_analyzers():
    analysis = analysis_settings(["en", "fr", "es", "ar", "sw"])["settings"]["analysis"]
    analyzers, filters = analysis["analyzer"], analysis["filter"]
    assert analyzers["portal_fr"]["filter"] == [
        "portal_fr_elision",
        "lowercase",
        "portal_fr_stop",
        "portal_folding",
        "portal_fr_stemmer",
    ]
    assert filters["portal_fr_stemmer"] == {"type": "stemmer", "language": "light_french"}
    assert "l" in filters["portal_fr_elision"]["articles"]
    assert filters["portal_folding"] == {"type": "asciifolding", "preserve_original": True}
    assert analyzers["portal_es"]["filter"][-1] == "portal_es_stemmer"
    assert "arabic_normalization" in analyzers["portal_ar"]["filter"]
    assert filters["portal_ar_stemmer"]["language"] == "arabic"
    assert analyzers["portal_sw"]["filter"] == ["lowercase", "portal_folding"]  # no stemmer: plain
    assert analyzers["portal_en_search"]["filter"] == analyzers["portal_en"]["filter"]


def test_synonyms_go_into_search_analyzers_only():
    analysis = analysis_settings(["en"], {"en": ["child, children, kids"]})["settings"]["analysis"]
    assert analysis["filter"]["portal_en_synonyms"] == {
        "type": "synonym_graph",
        "synonyms": ["child, children, kids"],
        "lenient": True,
    }
    assert "portal_en_synonyms" in analysis["analyzer"]["portal_en_search"]["filter"]
    assert "portal_en_synonyms" not in analysis["analyzer"]["portal_en"]["filter"]


def test_backend_settings_include_the_content_languages():
    analyzers = backend().settings["settings"]["analysis"]["analyzer"]
    assert {"portal_en", "portal_fr", "portal_es", "portal_ar", "edgengram_analyzer"} <= set(
        analyzers
    )


class TestMappingAndQueries(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = multilingual_site()
        cls.french = resource(
            cls.t.libraries["fr"], "Les enfants réfugiés", body="Éducation des enfants"
        )

    def test_page_mapping_has_a_field_pair_per_language(self):
        mapping = backend().mapping_class(type(self.french)).get_mapping()["properties"]
        assert mapping["_title_fr"] == {
            "type": "text",
            "analyzer": "portal_fr",
            "search_analyzer": "portal_fr_search",
        }
        assert mapping["_text_ar"]["analyzer"] == "portal_ar"

    def test_a_page_fills_only_its_own_language_fields(self):
        document = backend().mapping_class(type(self.french)).get_document(self.french)
        assert document["_title_fr"] == "Les enfants réfugiés"
        assert "Éducation des enfants" in document["_text_fr"]
        assert "_title_en" not in document and "_text_es" not in document

    def test_query_in_one_language_uses_its_fields(self):
        results = backend(QUERY_LANGUAGE="fr").search("enfants", visible_pages())
        query = results.query_compiler.get_query()
        match = query["bool"]["must"]["multi_match"]
        assert match["fields"] == ["_title_fr^2.0", "_text_fr"]
        assert match["type"] == "cross_fields"
        assert "live_filter" in str(query["bool"]["filter"])

    def test_query_in_all_languages_uses_every_language(self):
        results = backend().search("enfants", visible_pages())
        fields = results.query_compiler.get_query()["bool"]["must"]["multi_match"]["fields"]
        assert fields == [
            "_title_en^2.0",
            "_text_en",
            "_title_fr^2.0",
            "_text_fr",
            "_title_es^2.0",
            "_text_es",
            "_title_ar^2.0",
            "_text_ar",
        ]

    def test_other_models_keep_modelsearch_fields(self):
        from wagtail.documents import get_document_model

        results = backend(QUERY_LANGUAGE="fr").search("plan", get_document_model())
        assert "_all_text" in str(results.query_compiler.get_query())

    def test_index_creation_sends_the_editors_synonyms(self):
        SynonymGroup.objects.all().delete()  # the starter groups a migration adds
        SynonymGroup.objects.create(locale=self.t.locales["en"], terms="child, children")
        search_backend = backend()
        search_backend.es = mock.Mock()
        search_backend.get_index_for_model(Page).put()
        sent = search_backend.es.indices.create.call_args.kwargs["settings"]["analysis"]
        assert sent["filter"]["portal_en_synonyms"]["synonyms"] == ["child, children"]
        assert "portal_en_synonyms" not in str(search_backend.settings)  # not kept for later

    def test_indexing_failures_raise_so_the_task_is_retried(self):
        search_backend = backend()
        search_backend.es = mock.Mock()
        search_backend.es.index.side_effect = ConnectionError("engine down")
        with pytest.raises(ConnectionError):
            search_backend.add(self.french)

    def test_a_failed_removal_is_logged_not_raised(self):
        search_backend = backend()
        search_backend.es = mock.Mock()
        search_backend.es.delete.side_effect = ConnectionError("engine down")
        with self.assertLogs("portal.search", logging.ERROR):
            search_backend.delete(self.french)


@pytest.mark.skipif(
    not LIVE_URL, reason="set SEARCH_TEST_ELASTICSEARCH_URL to test against a real server"
)
class TestLiveServer(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = multilingual_site()
        cls.french = resource(
            cls.t.libraries["fr"], "Les enfants réfugiés", body="L'éducation des enfants"
        )
        cls.english = resource(
            cls.t.libraries["en"], "Refugee children", body="Protecting children"
        )

    def setUp(self):
        self.backend = backend()
        self.backend.reset_indexes()
        index = self.backend.get_index_for_model(Page)
        for model in {type(self.french), type(self.english)}:
            index.add_model(model)
            index.add_items(model, list(model.objects.all()))
        index.refresh()

    def tearDown(self):
        for index in self.backend.all_indexes():
            index.delete()

    def test_stemming_and_accents_per_language(self):
        french = backend(QUERY_LANGUAGE="fr")
        assert [p.pk for p in french.search("enfant education", visible_pages())] == [
            self.french.pk
        ]
        english = backend(QUERY_LANGUAGE="en")
        assert [p.pk for p in english.search("protect child", visible_pages())] == [self.english.pk]

    def test_all_languages(self):
        found = {p.pk for p in backend().search("refugee", visible_pages())}
        assert self.english.pk in found
