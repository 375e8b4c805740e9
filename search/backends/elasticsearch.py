"""Elasticsearch and OpenSearch: per-language sub-fields with language analyzers, one index.

modelsearch keeps one index per root model (every page of every locale in
`<prefix>wagtailcore_page`) and analyses all text with the index's default analyzer. It
cannot route an object to a per-language index, and one alias per language would index every
page into every language. So each page document also carries its text twice more, in the
fields of its own language only: `_title_<lang>` and `_text_<lang>`, analysed by
`portal_<lang>` (elision, lowercase, stop words, ASCII folding that keeps the original token
too, stemmer). A query in one language searches that language's two fields; a query in all
languages searches every language's fields, each with its own analyzer. Search-time analyzers
add the editors' synonyms as they were when the index was created; the portal also expands
synonyms itself (search.synonyms), so a new synonym works before the next `update_index`.

Built for every client modelsearch supports by `portal_backend(base)`; the thin modules
elasticsearch8/9 and opensearch2/3 next to this one are what SEARCH_BACKEND names. Counts,
facets and translation grouping cover the best MAX_MATCHES hits (1,000 by default), which the
engine returns ranked; the database backends count every match.
"""

import copy
import functools
import logging

from django.db.models import Case, FloatField, Value, When
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.utils import deep_update
from wagtail.models import Page

from ..text import base_language
from . import LanguageOfObjects, PortalIndexMixin, content_languages, plain_text

logger = logging.getLogger("portal.search")

# language -> stop word list, stemmer, elision articles, normalisation filter
LANGUAGE_ANALYSIS = {
    "ar": {"stop": "_arabic_", "stemmer": "arabic", "normalization": "arabic_normalization"},
    "de": {"stop": "_german_", "stemmer": "light_german", "normalization": "german_normalization"},
    "en": {"stop": "_english_", "stemmer": "english"},
    "es": {"stop": "_spanish_", "stemmer": "light_spanish"},
    "fr": {
        "stop": "_french_",
        "stemmer": "light_french",
        "elision": [
            "l",
            "m",
            "t",
            "qu",
            "n",
            "s",
            "j",
            "d",
            "c",
            "jusqu",
            "quoiqu",
            "lorsqu",
            "puisqu",
        ],
    },
    "it": {
        "stop": "_italian_",
        "stemmer": "light_italian",
        "elision": [
            "c",
            "l",
            "all",
            "dall",
            "dell",
            "nell",
            "sull",
            "coll",
            "pell",
            "gl",
            "agl",
            "dagl",
            "degl",
            "negl",
            "sugl",
            "un",
            "m",
            "t",
            "s",
            "v",
            "d",
        ],
    },
    "nl": {"stop": "_dutch_", "stemmer": "dutch"},
    "pt": {"stop": "_portuguese_", "stemmer": "light_portuguese"},
    "ru": {"stop": "_russian_", "stemmer": "russian"},
    "sv": {"stop": "_swedish_", "stemmer": "swedish"},
}


def field_name(kind, language):
    return f"_{kind}_{base_language(language)}"


def analyzer_name(language, search=False):
    return f"portal_{base_language(language)}" + ("_search" if search else "")


def analysis_settings(languages, synonyms_by_language=None):
    """The index settings defining `portal_<lang>` and `portal_<lang>_search` analyzers.

    `synonyms_by_language` maps a language to lines such as "child, children, kids"; those
    languages' search analyzers get a synonym_graph filter (search time only, as graph
    synonyms require).
    """
    filters = {"portal_folding": {"type": "asciifolding", "preserve_original": True}}
    analyzers = {}
    for language in dict.fromkeys(base_language(code) for code in languages):
        rules = LANGUAGE_ANALYSIS.get(language, {})
        chain = []
        if rules.get("elision"):
            filters[f"portal_{language}_elision"] = {
                "type": "elision",
                "articles": rules["elision"],
                "articles_case": True,
            }
            chain.append(f"portal_{language}_elision")
        chain.append("lowercase")
        search_extra = []
        synonyms = (synonyms_by_language or {}).get(language)
        if synonyms:
            filters[f"portal_{language}_synonyms"] = {
                "type": "synonym_graph",
                "synonyms": synonyms,
                "lenient": True,
            }
            search_extra = [f"portal_{language}_synonyms"]
        tail = []
        if rules.get("stop"):
            filters[f"portal_{language}_stop"] = {"type": "stop", "stopwords": rules["stop"]}
            tail.append(f"portal_{language}_stop")
        if rules.get("normalization"):
            tail.append(rules["normalization"])
        tail.append("portal_folding")
        if rules.get("stemmer"):
            filters[f"portal_{language}_stemmer"] = {
                "type": "stemmer",
                "language": rules["stemmer"],
            }
            tail.append(f"portal_{language}_stemmer")
        analyzers[analyzer_name(language)] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": chain + tail,
        }
        analyzers[analyzer_name(language, search=True)] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": chain + search_extra + tail,
        }
    return {"settings": {"analysis": {"analyzer": analyzers, "filter": filters}}}


def synonym_lines(language_codes):
    """{language: ["term, term, ...", ...]} from the editors' synonym groups."""
    from ..models import SynonymGroup

    lines = {}
    groups = SynonymGroup.objects.filter(locale__language_code__in=language_codes).select_related(
        "locale"
    )
    for group in groups:
        terms = group.term_list()
        if len(terms) > 1:
            lines.setdefault(base_language(group.locale.language_code), []).append(", ".join(terms))
    return lines


class LanguageMappingMixin:
    """Adds the per-language fields to page mappings and documents."""

    def get_mapping(self):
        mapping = super().get_mapping()
        if issubclass(self.model, Page):
            for language in content_languages():
                for kind in ("title", "text"):
                    mapping["properties"][field_name(kind, language)] = {
                        "type": "text",
                        "analyzer": analyzer_name(language),
                        "search_analyzer": analyzer_name(language, search=True),
                    }
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        if isinstance(obj, Page):
            if not hasattr(self, "_language_of"):
                self._language_of = LanguageOfObjects()
            language = self._language_of(obj)
            if language:
                title, text = plain_text(obj)
                document[field_name("title", language)] = title
                document[field_name("text", language)] = text
        return document


class LanguageFieldsMixin:
    """Query the language fields of the backend's query languages (pages only)."""

    def __init__(self, *args, languages=(), **kwargs):
        self.languages = tuple(languages)
        super().__init__(*args, **kwargs)

    def _remap_fields(self, fields):
        if fields or not self.languages or not issubclass(self.queryset.model, Page):
            return super()._remap_fields(fields)
        return [
            Field(field_name(kind, language), boost)
            for language in self.languages
            for kind, boost in (("title", 2.0), ("text", 1.0))
        ]

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        compiled = super()._compile_plaintext_query(query, fields, boost)
        if "multi_match" in compiled and self.languages:
            # Words may be spread over a page's title and text, but must all be found in the
            # fields of one language: cross_fields groups fields by analyzer, i.e. by language.
            compiled["multi_match"]["type"] = "cross_fields"
        return compiled


class MatchingResultsMixin:
    def matching_queryset(self):
        """The best MAX_MATCHES hits as a queryset annotated with the engine's `search_rank`."""
        model = self.query_compiler.queryset.model
        response = self._backend_do_search(
            self._get_es_body(),
            index=self.backend.get_index_for_model(model).name,
            _source=False,
            from_=0,
            size=self.backend.max_matches,
            **{self.fields_param_name: "pk"},
        )
        ranks = {}
        for hit in response["hits"]["hits"]:
            ranks.setdefault(int(hit["fields"]["pk"][0]), float(hit["_score"] or 0.0))
        rank = Case(
            *[When(pk=pk, then=Value(score)) for pk, score in ranks.items()],
            default=Value(0.0),
            output_field=FloatField(),
        )
        return self.query_compiler.queryset.filter(pk__in=list(ranks)).annotate(search_rank=rank)


class SynonymIndexMixin:
    def put(self):
        original = self.backend.settings
        languages = content_languages()
        self.backend.settings = deep_update(
            copy.deepcopy(original), analysis_settings(languages, synonym_lines(languages))
        )
        try:
            super().put()
        finally:
            self.backend.settings = original


class LanguageBackendMixin:
    # Raise inside the indexing task, so it fails visibly and search.tasks retries it;
    # the request that saved the page is never affected, as indexing runs as a task.
    catch_indexing_errors = False

    def __init__(self, params):
        params = dict(params)
        language = params.pop("QUERY_LANGUAGE", None)
        self.query_languages = [language] if language else content_languages()
        self.max_matches = params.pop("MAX_MATCHES", 1000)
        super().__init__(params)
        self.settings = deep_update(self.settings, analysis_settings(content_languages()))

    def search(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        compiler = functools.partial(self.query_compiler_class, languages=self.query_languages)
        return self._search(
            compiler,
            query,
            model_or_queryset,
            fields=fields,
            operator=operator,
            order_by_relevance=order_by_relevance,
        )

    def delete(self, obj):
        # Runs inside the request that deletes the object: an unreachable engine must not
        # make deleting fail. The stale document is filtered out by the database query
        # that loads hits, and the next `update_index` removes it.
        try:
            super().delete(obj)
        except Exception:
            logger.exception("Could not remove %r from the search engine.", obj)


def portal_backend(base):
    """The portal's subclass of one of modelsearch's Elasticsearch/OpenSearch backends."""
    name = base.__name__.removesuffix("SearchBackend")
    mapping = type(f"Portal{name}Mapping", (LanguageMappingMixin, base.mapping_class), {})
    return type(
        f"Portal{name}SearchBackend",
        (LanguageBackendMixin, base),
        {
            "mapping_class": mapping,
            "query_compiler_class": type(
                f"Portal{name}SearchQueryCompiler",
                (LanguageFieldsMixin, base.query_compiler_class),
                {"mapping_class": mapping},
            ),
            "autocomplete_query_compiler_class": type(
                f"Portal{name}AutocompleteQueryCompiler",
                (base.autocomplete_query_compiler_class,),
                {"mapping_class": mapping},
            ),
            "results_class": type(
                f"Portal{name}SearchResults", (MatchingResultsMixin, base.results_class), {}
            ),
            "index_class": type(
                f"Portal{name}Index", (PortalIndexMixin, SynonymIndexMixin, base.index_class), {}
            ),
        },
    )
