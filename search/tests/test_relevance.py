"""Relevance: what a visitor types, and the page that must come first. PostgreSQL only.

One table, QUERIES, of (visitor's language, scope, query, expected first result). The pages
are in CORPUS, keyed by short names. SQLite has no stemmer for these languages (see
search.backends.sqlite), so the table runs on PostgreSQL, which CI runs the suite on.
"""

import pytest
from django.db import connection
from django.test import TestCase

from search.models import SynonymGroup
from search.query import SearchQuery
from search.services import Search

from .fixtures import multilingual_site, resource

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="language-aware stemming needs PostgreSQL; CI runs this on PostgreSQL",
    ),
]

LONG_REPORT = " ".join(
    [
        "The network grew in twelve countries this year, training counsellors, social workers and "
        "volunteers, and answering more calls than ever before from young people and their families."
    ]
    * 12
    + ["One workshop touched on trafficking."]
    + ["Finances were audited and the board met four times to review programmes and partners."] * 6
)

CORPUS = {
    "en": {
        "move": (
            "Protecting unaccompanied children at borders",
            "Border officials and social workers protect unaccompanied and separated children who "
            "migrate alone: interviews, age assessment and referral.",
        ),
        "helpline": (
            "How to run a child helpline",
            "A helpline answers calls from children and young people. Counsellors listen, refer "
            "and follow up.",
        ),
        "trafficking": (
            "Preventing child trafficking",
            "Indicators of exploitation and forced labour, and how communities prevent it.",
        ),
        "report": ("Annual report 2023", LONG_REPORT),
        "rights": (
            "Rights in alternative care",
            "Every child has the right to grow up in a family.",
        ),
    },
    "fr": {
        "refugies": (
            "Accompagner les enfants réfugiés",
            "Les travailleurs sociaux accompagnent les enfants réfugiés et leurs familles : "
            "l'éducation et la santé des enfants déplacés.",
        ),
        "mariage": (
            "Prévenir le mariage des enfants",
            "Le mariage précoce touche surtout les filles ; les communautés peuvent l'empêcher.",
        ),
        "ecoute": (
            "Une ligne d'écoute pour les jeunes",
            "Une ligne d'écoute gratuite répond aux appels des enfants et des adolescents.",
        ),
    },
    "es": {
        "migracion": (
            "Niñez y migración",
            "La migración de niñas y niños no acompañados exige protección especial en las "
            "fronteras.",
        ),
        "educacion": (
            "Educación inclusiva para las niñas",
            "Programas de educación para niñas en zonas rurales y comunidades indígenas.",
        ),
        "violencia": (
            "Violencia contra los niños en el hogar",
            "Cómo prevenir la violencia doméstica y acompañar a las familias.",
        ),
    },
    "ar": {
        "himaya": (
            "حماية الأطفال في حالات الطوارئ",
            "دليل لحماية الأطفال أثناء النزاعات والكوارث الطبيعية.",
        ),
        "zawaj": ("منع زواج القاصرات", "برامج مجتمعية لمنع زواج الفتيات المبكر."),
        "taalim": ("التعليم للجميع", "التعليم حق لكل طفل في المدرسة."),
    },
}

# One item in three languages, for grouping in the all-languages scope.
GUARDIANSHIP = {
    "en": ("Guardianship standards", "Minimum standards for guardians of separated children."),
    "fr": ("Normes de la tutelle", "Normes minimales pour les tuteurs (guardianship)."),
    "es": ("Normas de tutela", "Normas mínimas para tutores (guardianship)."),
}

SYNONYMS = {"en": "child, children, kids", "ar": "طفل, أطفال"}

QUERIES = [
    # language, scope, query, expected first result
    ("en", "locale", "protect child", "move"),  # inflection and synonym
    ("en", "locale", "helplines", "helpline"),  # plural
    ("en", "locale", "kids helpline", "helpline"),  # synonym of an inflection
    ("en", "locale", "trafficking", "trafficking"),  # title beats one mention in a long body
    ("en", "locale", "separated children border interviews", "move"),  # several words
    ("en", "locale", "Protecting", "move"),  # capitals
    ("fr", "locale", "refugie", "refugies"),  # no accent, singular
    ("fr", "locale", "Réfugiés", "refugies"),  # accents and capitals
    ("fr", "locale", "education enfants deplaces", "refugies"),  # several words without accents
    ("fr", "locale", "ecoute", "ecoute"),  # accent folding
    ("fr", "locale", "mariages", "mariage"),  # plural
    ("es", "locale", "migracion", "migracion"),  # no accent
    ("es", "locale", "ninos migracion", "migracion"),  # ñ typed as n, several words
    ("es", "locale", "educacion", "educacion"),  # no accent
    ("es", "locale", "violencias", "violencia"),  # plural
    ("ar", "locale", "زواج", "zawaj"),  # Arabic
    ("ar", "locale", "الطفل", "himaya"),  # broken plural via synonyms
    ("ar", "locale", "التعليم", "taalim"),  # with the article
    ("en", "all", "migración", "migracion"),  # another language's page
    ("es", "all", "réfugiés", "refugies"),
    ("fr", "all", "guardianship", "guardianship"),  # grouped, in French
]


class TestRelevance(TestCase):
    @classmethod
    def setUpTestData(cls):
        t = multilingual_site()
        cls.locales = t.locales
        for language, terms in SYNONYMS.items():
            SynonymGroup.objects.create(locale=t.locales[language], terms=terms)
        cls.pages = {}
        for language, pages in CORPUS.items():
            for name, (title, body) in pages.items():
                cls.pages[name] = resource(t.libraries[language], title, body=body)
        english = resource(t.libraries["en"], GUARDIANSHIP["en"][0], body=GUARDIANSHIP["en"][1])
        cls.pages["guardianship"] = {"en": english}
        for language in ("fr", "es"):
            title, body = GUARDIANSHIP[language]
            cls.pages["guardianship"][language] = resource(
                t.libraries[language], title, body=body, translation_of=english
            )

    def search(self, language, scope, query):
        return Search(SearchQuery(text=query, scope=scope), self.locales[language]).run()

    def test_expected_first_results(self):
        for language, scope, query, expected in QUERIES:
            with self.subTest(language=language, scope=scope, query=query):
                outcome = self.search(language, scope, query)
                assert outcome.hits, "nothing found"
                page = self.pages[expected]
                if isinstance(page, dict):  # a translated item: shown in the visitor's language
                    page = page.get(language, page["en"])
                assert outcome.hits[0].page.pk == page.pk, [hit.page.title for hit in outcome.hits]

    def test_translations_are_one_result(self):
        outcome = self.search("fr", "all", "guardianship")
        assert outcome.count == 1
        assert {item["code"] for item in outcome.hits[0].translations} == {"en", "es"}

    def test_title_match_outranks_a_long_body(self):
        outcome = self.search("en", "locale", "trafficking")
        assert [hit.page.pk for hit in outcome.hits][:2] == [
            self.pages["trafficking"].pk,
            self.pages["report"].pk,
        ]

    def test_each_language_is_indexed_with_its_own_rules(self):
        """French pages get French stems, English pages English ones, accents folded."""
        from wagtail.search.models import IndexEntry

        def lexemes(page):
            entry = IndexEntry.objects.get(
                object_id=str(page.pk), content_type_id=page.content_type_id
            )
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT array_to_string(tsvector_to_array(body), ' ') "
                    "FROM wagtailsearch_indexentry WHERE id = %s",
                    [entry.pk],
                )
                return set(cursor.fetchone()[0].split())

        french = lexemes(self.pages["refugies"])
        assert {"refug", "educ", "enfant"} <= french and "éducation" not in french
        assert "les" not in french  # French stop word
        english = lexemes(self.pages["move"])
        assert {"protect", "unaccompani", "separ"} <= english and "and" not in english
        spanish = lexemes(self.pages["migracion"])
        assert {"migracion", "nin"} <= spanish


@pytest.mark.django_db
def test_the_search_filter_can_use_the_gin_index():
    """modelsearch filters on `(title || body) @@ query`; its migrations index only each column."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('portal_english', 'child')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_indexentry_title_body_gin" in plan, plan
