"""The read API never answers 500: bad input is a 400 or 404 with a JSON message (issue 13).

Each case below answered 500 before; the hypothesis test throws random values at every
parameter the endpoints accept, as the search page's own fuzz test does.
"""

import logging
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from .test_api import APITestCase
from .tree import build_site

ENDPOINTS = ("pages", "documents", "images")


class TestBadInput(APITestCase):
    def refused(self, url, params, statuses=(400, 404)):
        response = self.client.get(url, params)
        assert response.status_code in statuses, (url, params, response.status_code)
        assert response["Content-Type"].startswith("application/json"), (url, params)
        message = response.json()["message"]
        assert message and isinstance(message, str)
        return message

    def test_find_with_an_id_that_is_not_a_number(self):
        for endpoint in ENDPOINTS:
            for value in ("abc", "", "1e9", "3.5", "-", "1" * 40):
                with self.subTest(endpoint=endpoint, id=value):
                    self.refused(f"/api/v2/{endpoint}/find/", {"id": value})

    def test_find_a_hidden_or_missing_page_of_a_type(self):
        for page_id in (self.private_area.pk, 987654, self.t.resource.pk + 10_000):
            with self.subTest(id=page_id):
                self.refused(
                    "/api/v2/pages/find/",
                    {"type": "content_areas.ContentAreaPage", "id": page_id},
                    statuses=(404,),
                )

    def test_offset_and_limit_out_of_range(self):
        for endpoint in ENDPOINTS:
            for name in ("offset", "limit"):
                for value in ("99999999999999999999", "-1", "abc", "1e3"):
                    with self.subTest(endpoint=endpoint, name=name, value=value):
                        self.refused(f"/api/v2/{endpoint}/", {name: value}, statuses=(400,))

    def test_unknown_search_operator(self):
        for endpoint in ENDPOINTS:
            with self.subTest(endpoint=endpoint):
                message = self.refused(
                    f"/api/v2/{endpoint}/",
                    {"search": "x", "search_operator": "xor"},
                    statuses=(400,),
                )
                assert "search_operator" in message

    def test_search_with_a_nul_character(self):
        for endpoint in ENDPOINTS:
            with self.subTest(endpoint=endpoint):
                self.refused(f"/api/v2/{endpoint}/", {"search": "a\x00b"}, statuses=(400,))

    def test_good_input_still_works(self):
        assert self.get("/api/v2/pages/", {"offset": "1", "limit": "2"})["items"]
        self.get("/api/v2/pages/", {"search": "interim", "search_operator": "and"})
        response = self.client.get("/api/v2/pages/find/", {"id": self.t.resource.pk})
        assert response.status_code == 302


class TestSearchEngineDown(APITestCase):
    def test_search_answers_503_like_the_search_page(self):
        broken = mock.Mock()
        broken.search.side_effect = ConnectionError("engine down")
        # Pages go through the site search, documents and images through Wagtail's backend.
        for endpoint, backend in (
            ("pages", "search.engine.search_backend"),
            ("documents", "wagtail.api.v2.filters.get_search_backend"),
            ("images", "wagtail.api.v2.filters.get_search_backend"),
        ):
            with (
                self.subTest(endpoint=endpoint),
                mock.patch(backend, return_value=broken),
                self.assertLogs("portal", logging.ERROR),
            ):
                response = self.client.get(f"/api/v2/{endpoint}/", {"search": "care"})
                assert response.status_code == 503
                assert "unavailable" in response.json()["message"]


TEXT = st.text(max_size=30)
NUMBERISH = st.one_of(
    TEXT,
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.floats(allow_nan=True).map(str),
)


class TestRandomInput(HypothesisTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        endpoint=st.sampled_from(ENDPOINTS + ("pages/find", "documents/find", "images/find")),
        params=st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "type",
                    "offset",
                    "limit",
                    "search",
                    "search_operator",
                    "order",
                    "fields",
                    "locale",
                    "child_of",
                    "descendant_of",
                    "ancestor_of",
                    "translation_of",
                    "topic",
                    "html_path",
                    "title",
                    "slug",
                ]
            ),
            NUMBERISH,
            max_size=4,
        ),
    )
    def test_any_parameters_give_a_json_answer_below_500(self, endpoint, params):
        response = self.client.get(f"/api/v2/{endpoint}/", params)
        assert response.status_code < 500, (endpoint, params, response.status_code)
        if response.status_code >= 400:
            assert "message" in response.json()
