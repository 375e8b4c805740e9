"""The search page on any database: scope, grouping, facets, snippets, safety, bad input."""

import logging
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test import TestCase, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from core.bulk import references_once
from search import indexing
from search.models import SearchQueryStat

from .fixtures import multilingual_site, namespace, publish, resource, restrict

SECRET = "zebracode"  # a word only pages visitors may not see contain


@references_once()
@indexing.deferred()
def build_portal():
    t = multilingual_site()
    t.topic2 = __import__("tests.factories", fromlist=["TopicFactory"]).TopicFactory(
        name="Family tracing", slug="family-tracing"
    )
    t.kinship = resource(
        t.libraries["en"],
        "Kinship care in Malawi",
        year=2021,
        summary="Relatives look after children in Malawi.",
        body="Kinship carers in Malawi receive cash transfers and visits.",
    )
    t.kinship.topics.add(t.topic)
    t.kinship = publish(t.kinship)
    t.kinship_fr = resource(
        t.libraries["fr"],
        "La prise en charge familiale au Malawi",
        year=2021,
        body="Au Malawi, les familles élargies accueillent les enfants.",
        translation_of=t.kinship,
    )
    t.kinship_es = resource(
        t.libraries["es"],
        "El acogimiento familiar en Malaui",
        year=2021,
        body="En Malaui (Malawi), la familia extensa acoge a los niños.",
        translation_of=t.kinship,
    )
    t.tracing = resource(
        t.libraries["en"],
        "Tracing families in Malawi",
        year=2019,
        body="Tracing the families of separated children in Malawi and Uganda.",
    )
    t.tracing.topics.add(t.topic2)
    t.tracing = publish(t.tracing)
    t.arabic = resource(
        t.libraries["ar"], "الرعاية الأسرية في ملاوي", body="رعاية الأطفال في ملاوي (Malawi)"
    )

    # What anonymous visitors must never see, all mentioning SECRET and Malawi.
    t.draft = resource(t.libraries["en"], f"Draft about Malawi {SECRET}", live=False)
    t.unpublished = resource(t.libraries["en"], f"Withdrawn Malawi {SECRET}")
    t.unpublished.unpublish()
    t.partners_only = resource(
        t.libraries["en"], f"Partner notes on Malawi {SECRET}", body=f"{SECRET} internal notes"
    )
    restrict(t.partners_only)
    t.group_only = resource(t.libraries["en"], f"Group notes on Malawi {SECRET}")
    restrict(t.group_only, PageViewRestriction.GROUPS, [Group.objects.create(name="Partners")])
    return t


class SearchPageTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_portal()

    def get(self, lang="en", **params):
        response = self.client.get(f"/{lang}/search/", params)
        return response, BeautifulSoup(response.content, "html.parser")

    @staticmethod
    def titles(soup):
        return [a.get_text(strip=True) for a in soup.select(".search-result .card-title a")]

    @staticmethod
    def facet(soup, name):
        return {
            box["value"]: int(box.find_next("span", class_="facet-count").get_text())
            for box in soup.select(f'.facet input[name="{name}"]')
        }


class TestResults(SearchPageTestCase):
    def test_each_result_has_type_language_date_and_marked_snippet(self):
        response, soup = self.get(q="cash transfers")
        assert response.status_code == 200
        result = soup.select_one(".search-result")
        assert result.select_one(".card-title a").get_text() == "Kinship care in Malawi"
        kind = result.select_one(".card-kind").get_text(" ", strip=True)
        assert "Resource" in kind and "English" in kind and "2021" in kind
        marked = [mark.get_text() for mark in result.select(".search-snippet mark")]
        assert "cash" in marked and "transfers" in marked

    def test_snippet_escapes_page_text(self):
        resource(
            self.t.libraries["en"],
            "Markup test",
            body="alpha &lt;script&gt;alert(1)&lt;/script&gt; omega",
        )
        response, soup = self.get(q="omega")
        assert "<script>alert" not in response.content.decode()
        assert "omega" in soup.select_one(".search-snippet mark").get_text()

    def test_visitor_language_by_default(self):
        _response, soup = self.get("fr", q="Malawi")
        assert self.titles(soup) == ["La prise en charge familiale au Malawi"]

    def test_all_languages_groups_translations_in_the_visitors_language(self):
        _response, soup = self.get("fr", q="Malawi", scope="all")
        titles = self.titles(soup)
        assert "La prise en charge familiale au Malawi" in titles
        assert (
            "Kinship care in Malawi" not in titles
            and "El acogimiento familiar en Malaui" not in titles
        )
        assert "Tracing families in Malawi" in titles and "الرعاية الأسرية في ملاوي" in titles
        grouped = soup.find("a", string="La prise en charge familiale au Malawi").find_parent("li")
        also_in = {a["hreflang"]: a["href"] for a in grouped.select(".search-also-in a")}
        assert set(also_in) == {"en", "es"}
        assert also_in["es"] == self.t.kinship_es.url

    def test_all_languages_says_when_a_result_is_not_in_the_visitors_language(self):
        _response, soup = self.get("fr", q="Tracing", scope="all")
        result = soup.select_one(".search-result")
        assert result.select_one(".card-title a").get_text() == "Tracing families in Malawi"
        assert result.select_one(".search-note") is not None
        assert result.select_one(".card-title")["lang"] == "en"
        assert result.select_one(".search-language").get_text() == "Anglais"  # named in French

    def test_result_count_counts_grouped_items(self):
        _response, soup = self.get("en", q="Malawi", scope="all")
        assert "3 results" in soup.select_one(".result-count").get_text()

    def test_sort_by_date(self):
        _response, soup = self.get(q="Malawi", sort="date")
        assert self.titles(soup) == ["Tracing families in Malawi", "Kinship care in Malawi"]

    @override_settings(SEARCH_SEMANTIC=False)  # else pages near in meaning fill the page
    def test_widening_to_all_languages_when_nothing_matches(self):
        _response, soup = self.get("en", q="acogimiento")
        link = soup.select_one(".empty-state a[href*='scope=all']")
        assert link is not None and "1" in link.get_text()

    def test_results_are_paginated(self):
        for n in range(12):
            resource(self.t.libraries["en"], f"Paginated Malawi note {n}")
        _response, soup = self.get(q="Malawi")
        assert len(self.titles(soup)) == 10
        pager = soup.select_one("nav.pagination")
        assert pager is not None, "the pager must show when there is more than one page"
        next_url = pager.select_one('a[rel="next"]')["href"]
        assert "page=2" in next_url and "q=Malawi" in next_url
        _response, soup = self.get(q="Malawi", page=2)
        assert len(self.titles(soup)) == 4
        assert soup.select_one('nav.pagination a[rel="prev"]') is not None
        _response, soup = self.get(q="Malawi", page=99)
        assert len(self.titles(soup)) == 4  # past the end: the last page


class TestFacets(SearchPageTestCase):
    def test_counts(self):
        _response, soup = self.get(q="Malawi")
        assert self.facet(soup, "topic") == {"children-on-the-move": 1, "family-tracing": 1}
        assert self.facet(soup, "year") == {"2021": 1, "2019": 1}
        assert self.facet(soup, "type") == {"resources.resourcepage": 2}
        assert self.facet(soup, "language") == {}  # one language in this scope

    def test_filter_narrows_results_and_other_facets_but_keeps_its_own_options(self):
        _response, soup = self.get(q="Malawi", topic="family-tracing")
        assert self.titles(soup) == ["Tracing families in Malawi"]
        assert self.facet(soup, "year") == {"2019": 1}
        assert self.facet(soup, "topic") == {"children-on-the-move": 1, "family-tracing": 1}
        assert soup.select_one('.facet input[value="family-tracing"]').has_attr("checked")

    def test_filters_combine(self):
        _response, soup = self.get(q="Malawi", topic="family-tracing", year="2021")
        assert self.titles(soup) == []
        _response, soup = self.get(
            q="Malawi", topic=["family-tracing", "children-on-the-move"], year="2021"
        )
        assert self.titles(soup) == ["Kinship care in Malawi"]

    def test_language_facet_in_all_languages(self):
        _response, soup = self.get(q="Malawi", scope="all")
        assert self.facet(soup, "language") == {"en": 2, "fr": 1, "es": 1, "ar": 1}
        _response, soup = self.get(q="Malawi", scope="all", language="es")
        assert self.titles(soup) == ["El acogimiento familiar en Malaui"]

    def test_unknown_and_malformed_values_do_not_fail(self):
        for params in (
            {"topic": "no-such-topic"},
            {"year": "'; DROP TABLE x;--"},
            {"type": "wagtailcore.page"},
            {"region": "x" * 500},
            {"nonsense": "1"},
        ):
            response, _soup = self.get(q="Malawi", **params)
            assert response.status_code == 200, params

    def test_listing_pages_are_not_results_nor_types(self):
        for language in ("en", "fr"):
            _response, soup = self.get(language, scope="all")
            types = set(self.facet(soup, "type"))
            assert types and not types & {
                "home.homepage",
                "resources.resourcelibrarypage",
                "content_areas.contentareaindexpage",
                "case_studies.casestudyindexpage",
                "learning.elearningindexpage",
            }

    def test_browse_mode_shows_facets_over_everything(self):
        _response, soup = self.get()
        assert "results in your language" in soup.select_one(".result-count").get_text()
        assert self.facet(soup, "topic")["children-on-the-move"] >= 3
        assert self.titles(soup)

    def test_every_state_is_a_plain_url_and_filtered_pages_are_noindex(self):
        _response, soup = self.get(q="Malawi", topic="family-tracing")
        remove = soup.select_one(".active-filters a")["href"]
        assert "topic=" not in remove and "q=Malawi" in remove
        assert soup.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
        assert soup.select_one(".facet-form")["method"] == "get"
        for state in (
            {"q": "Malawi", "page": "2"},
            {"q": "Malawi", "scope": "all"},
            {"q": "Malawi", "sort": "date"},
        ):
            assert self.get(**state)[1].find("meta", attrs={"name": "robots"}) is not None, state
        assert self.get(q="Malawi")[1].find("meta", attrs={"name": "robots"}) is None


class TestWhatVisitorsMayNotSee(SearchPageTestCase):
    def test_hidden_pages_never_appear_counted_or_suggested(self):
        for scope in ("locale", "all"):
            _response, soup = self.get(q=SECRET, scope=scope)
            assert self.titles(soup) == []
            assert soup.select(".facet") == [] and soup.select(".search-snippet") == []
            assert soup.select_one(".result-count").get_text().split()[0] == "0"
            assert soup.select_one(".empty-state a[href*='scope=all']") is None
        _response, soup = self.get(q="Malawi", scope="all")
        assert all(SECRET not in title for title in self.titles(soup))
        assert self.facet(soup, "language")["en"] == 2
        suggestions = self.client.get("/en/search/suggest/", {"q": "Partner"}).json()["suggestions"]
        assert suggestions == []

    def test_browse_mode_lists_only_visible_pages(self):
        response, _soup = self.get()
        assert SECRET not in response.content.decode()


class TestPromotedResults(SearchPageTestCase):
    def test_promotions_come_first_in_the_visitors_language(self):
        query = Query.objects.create(query_string="malawi")
        SearchPromotion.objects.create(
            query=query, page=self.t.kinship, description="Start here", sort_order=0
        )
        _response, soup = self.get("fr", q="Malawi")
        promoted = soup.select_one(".search-promoted a")
        assert promoted.get_text() == "La prise en charge familiale au Malawi"

    def test_promoted_page_must_be_visible(self):
        query = Query.objects.create(query_string="malawi")
        SearchPromotion.objects.create(query=query, page=self.t.partners_only, sort_order=0)
        _response, soup = self.get(q="Malawi")
        assert soup.select_one(".search-promoted") is None


class TestQueryLog(SearchPageTestCase):
    def test_each_search_is_counted_without_visitor_data(self):
        self.get("fr", q="Malawi")
        self.get("fr", q="  malawi ")
        self.get("fr", q="nothing-here-at-all", scope="all")
        self.get("fr", q="Malawi", page=2)  # paging is not a new search
        self.get("fr", q="call me at jane@example.org or +44 20 7946 0958")
        stats = {(s.query, s.scope): s for s in SearchQueryStat.objects.all()}
        assert stats[("malawi", "locale")].searches == 2
        assert stats[("malawi", "locale")].results == 1
        assert stats[("malawi", "locale")].language == "fr"
        assert stats[("nothing-here-at-all", "all")].results == 0
        assert ("call me at [email] or [number]", "locale") in stats
        field_names = {f.name for f in SearchQueryStat._meta.get_fields()}
        assert not field_names & {"ip", "user", "session", "user_agent", "created_at"}

    @override_settings(SEARCH_SEMANTIC=False)  # lexically nothing, whatever is near in meaning
    def test_found_nothing_counts_each_unfiltered_search_not_the_latest(self):
        self.get("fr", q="Malawi")
        self.get("fr", q="Malawi", topic="no-such-topic")  # narrowing: not a new search
        self.get("fr", q="Malawi", sort="date", region="nowhere")
        self.get("fr", q="zzqxj")
        self.get("fr", q="zzqxj")
        malawi = SearchQueryStat.objects.get(query="malawi", scope="locale")
        assert (malawi.searches, malawi.searches_without_results) == (1, 0)
        assert malawi.results == 1  # not the filtered searches' 0
        nothing = SearchQueryStat.objects.get(query="zzqxj")
        assert (nothing.searches, nothing.searches_without_results) == (2, 2)


class TestSuggestions(SearchPageTestCase):
    def test_titles_in_the_visitors_language(self):
        data = self.client.get("/fr/search/suggest/", {"q": "prise"}).json()
        assert data["suggestions"][0]["title"] == "La prise en charge familiale au Malawi"
        assert data["suggestions"][0]["url"] == self.t.kinship_fr.url
        assert self.client.get("/fr/search/suggest/", {"q": "kinship"}).json()["suggestions"] == []
        everywhere = self.client.get("/fr/search/suggest/", {"q": "kinship", "scope": "all"}).json()
        assert [item["language"] for item in everywhere["suggestions"]] == ["en"]

    def test_junk_gives_no_suggestions(self):
        for q in ("", "&&", "'", "x" * 10_000):
            response = self.client.get("/en/search/suggest/", {"q": q})
            assert response.status_code == 200 and response.json()["suggestions"] == []


class TestEngineDown(SearchPageTestCase):
    def test_search_page_says_search_is_unavailable(self):
        broken = mock.Mock()
        broken.search.side_effect = broken.autocomplete.side_effect = ConnectionError("engine down")
        with (
            mock.patch("search.engine.search_backend", return_value=broken),
            self.assertLogs("portal.search", logging.ERROR),
        ):
            response = self.client.get("/en/search/", {"q": "Malawi"})
        assert response.status_code == 503
        assert "temporarily unavailable" in response.content.decode()
        with mock.patch("search.engine.search_backend", return_value=broken):
            assert self.client.get("/en/search/suggest/", {"q": "Ken"}).status_code == 503

    def test_publishing_succeeds_and_the_failure_is_logged_and_retried(self):
        from wagtail.search.backends import get_search_backend

        backend_class = type(get_search_backend())
        page = resource(self.t.libraries["en"], "Written while the engine is down", live=False)
        with (
            mock.patch.object(backend_class, "add", side_effect=ConnectionError("engine down")),
            self.assertLogs("portal", logging.WARNING) as logs,
            mock.patch("search.tasks.schedule_retry") as retry,
        ):
            page.save_revision().publish()
        page.refresh_from_db()
        assert page.live
        assert any("engine down" in line for line in logs.output)
        assert retry.called


BAD_INPUT = [
    {"q": ""},
    {"q": "x" * 10_000},
    {"q": "& | ! ( ) : * \" '"},
    {"q": "' OR 1=1 --"},
    {"q": "'; DROP TABLE wagtailcore_page; --"},
    {"q": "a:* & !b | (c <-> d)"},
    {"q": '"unclosed phrase'},
    {"q": "\x00\x01"},
    {"q": "ـــ"},
    {"q": "%%%"},
    {"q": "Malawi", "page": "abc"},
    {"q": "Malawi", "page": "-1"},
    {"q": "Malawi", "page": "1e309"},
    {"q": "Malawi", "page": "999999999999999999999"},
    {"q": "Malawi", "scope": "galaxy"},
    {"q": "Malawi", "sort": "random"},
    {"q": "Malawi", "topic": ["a"] * 500},
]


class TestBadInput(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = multilingual_site()

    def test_never_fails(self):
        for params in BAD_INPUT:
            for url in ("/en/search/", "/ar/search/", "/en/search/suggest/"):
                with self.subTest(url=url, params=params):
                    assert self.client.get(url, params).status_code == 200


class TestRandomInput(HypothesisTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = namespace(site=multilingual_site())
        resource(
            cls.t.site.libraries["en"], "Kinship care in Malawi", body="Relatives and children"
        )

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        q=st.text(max_size=300),
        scope=st.one_of(st.none(), st.sampled_from(["locale", "all"]), st.text(max_size=10)),
        page=st.one_of(
            st.none(),
            st.integers(min_value=-(10**30), max_value=10**30).map(str),
            st.text(max_size=8),
        ),
        topic=st.lists(st.text(max_size=40), max_size=3),
        year=st.one_of(st.none(), st.text(max_size=6)),
        sort=st.one_of(st.none(), st.text(max_size=10), st.just("date")),
        language=st.sampled_from(["en", "fr", "es", "ar"]),
    )
    def test_any_input_gives_a_page(self, q, scope, page, topic, year, sort, language):
        params = {
            key: value
            for key, value in {
                "q": q,
                "scope": scope,
                "page": page,
                "topic": topic,
                "year": year,
                "sort": sort,
            }.items()
            if value is not None
        }
        response = self.client.get(f"/{language}/search/", params)
        assert response.status_code == 200


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query planner only")
class TestSQLitePlannerStatistics(SearchPageTestCase):
    """Search on SQLite after ANALYZE. With these statistics (what import_resources's ANALYZE
    left in the full suite: 112 pages, 438 index entries) and that suite's rows, SQLite 3.40
    probed pages through the id-as-text index behind a Bloom filter, which dropped every match
    (search.backends.sqlite). This small site does not reach that plan on its own, so the test
    also holds the plan that cannot meet the bug: pages found by their primary key."""

    STATS = [
        ("wagtailcore_page", "search_page_id_text", "112 1"),
        ("wagtailcore_page", "wagtailcore_page_latest_revision_id_e60fef51", "112 1"),
        ("wagtailcore_page", "wagtailcore_page_alias_of_id_12945502", "112 112"),
        ("wagtailcore_page", "wagtailcore_page_locale_id_3c7e30a6", "112 28"),
        ("wagtailcore_page", "wagtailcore_page_locked_by_id_bcb86245", "112 112"),
        ("wagtailcore_page", "wagtailcore_page_live_revision_id_930bd822", "112 1"),
        ("wagtailcore_page", "wagtailcore_page_first_published_at_2b5dd637", "112 1"),
        ("wagtailcore_page", "wagtailcore_page_owner_id_fbf7c332", "112 56"),
        ("wagtailcore_page", "wagtailcore_page_content_type_id_c28424df", "112 8"),
        ("wagtailcore_page", "wagtailcore_page_slug_e7c11b8f", "112 2"),
        ("wagtailcore_page", "wagtailcore_page_translation_key_locale_id_9b041bad_uniq", "112 2 1"),
        ("wagtailcore_page", "sqlite_autoindex_wagtailcore_page_1", "112 1"),
        ("wagtailsearch_indexentry", "wagtailsearch_indexentry_content_type_id_62ed694f", "438 21"),
        (
            "wagtailsearch_indexentry",
            "wagtailsearch_indexentry_content_type_id_object_id_bcd7ba73_uniq",
            "438 21 1",
        ),
        ("wagtailsearch_indexentry_fts_idx", "wagtailsearch_indexentry_fts_idx", "46 4 1"),
        ("wagtailsearch_indexentry_fts_data", None, "48"),
        ("wagtailsearch_indexentry_fts_content", None, "438"),
        ("wagtailsearch_indexentry_fts_docsize", None, "438"),
        ("wagtailsearch_indexentry_fts_config", "wagtailsearch_indexentry_fts_config", "1 1"),
    ]

    def test_search_finds_the_pages_whatever_the_statistics(self):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE sqlite_schema")  # creates sqlite_stat1
            try:
                cursor.execute("DELETE FROM sqlite_stat1")
                cursor.executemany("INSERT INTO sqlite_stat1 VALUES (%s, %s, %s)", self.STATS)
                cursor.execute("ANALYZE sqlite_schema")  # the planner reads them again
                _response, soup = self.get(q="Malawi")
                assert sorted(self.titles(soup)) == [
                    "Kinship care in Malawi",
                    "Tracing families in Malawi",
                ]
                assert self.facet(soup, "year") == {"2021": 1, "2019": 1}
                # The plan that cannot meet the bug: each match finds its page by primary key.
                from search import engine

                matches = (
                    engine.search_backend("en")
                    .search("Malawi", engine.searchable_pages())
                    .matching_queryset()
                )
                sql, params = matches.query.sql_with_params()
                cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
                plan = [row[-1] for row in cursor.fetchall()]
                assert "SEARCH wagtailcore_page USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan
            finally:
                cursor.execute("DELETE FROM sqlite_stat1")
                cursor.execute("ANALYZE sqlite_schema")
