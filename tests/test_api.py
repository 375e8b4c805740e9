"""The read API at /api/v2/: fields of every page type, filters, search, privacy, throttle, CORS."""

from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import TestCase, override_settings
from wagtail.models import Collection, CollectionViewRestriction, Page

from alerts.tests.helpers import restrict, translate

from . import factories as f
from .tree import build_site

THROTTLED = {
    "DEFAULT_THROTTLE_CLASSES": ["portal.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
}


class APITestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = t = build_site()
        cls.french = translate(t.resource, "fr", "Guide de prise en charge provisoire")
        cls.partners = Group.objects.create(name="Partners")
        cls.partner = get_user_model().objects.create_user("partner", "p@example.org", "pw")
        cls.partner.groups.add(cls.partners)
        # A private area that the public resource and the home page point at, and a private
        # document attached to the public resource.
        cls.private_area = f.ContentAreaPageFactory(parent=t.areas_index, title="Partner workspace")
        restrict(cls.private_area, cls.partners)
        t.resource.related_areas.add(cls.private_area)
        private = Collection.get_first_root_node().add_child(name="Partners only")
        restriction = CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.add(cls.partners)
        cls.private_document = f.DocumentFactory(title="Partner budget", collection=private)
        t.resource.files.create(document=cls.private_document)
        t.resource.save_revision().publish()

    def setUp(self):
        cache.clear()

    def get(self, url, params=None, status=200, **headers):
        response = self.client.get(url, params or {}, headers=headers)
        assert response.status_code == status, (url, response.content[:300])
        return response.json() if status == 200 else response

    def titles(self, params):
        return {item["title"] for item in self.get("/api/v2/pages/", params)["items"]}


class TestPageFields(APITestCase):
    def test_every_page_type_serialises_all_its_fields(self):
        for page in Page.objects.live().public().filter(depth__gt=1).specific():
            with self.subTest(page=page.title):
                data = self.get(f"/api/v2/pages/{page.pk}/", {"fields": "*"})
                for api_field in page.api_fields:
                    assert api_field.name in data, api_field.name

    def test_resource_files_describe_their_documents(self):
        data = self.get(f"/api/v2/pages/{self.t.resource.pk}/")
        [item] = [f for f in data["files"] if f["document"]]
        document = item["document"]
        assert document["title"] == "Guide to interim care"
        assert document["language"] == "fr"
        assert document["format"] == "PDF"
        assert document["size"] == self.t.document.get_file_size() > 0
        assert document["meta"]["download_url"] == f"http://localhost{self.t.document.url}"

    def test_terms_and_relations(self):
        data = self.get(f"/api/v2/pages/{self.t.resource.pk}/")
        assert data["topics"] == [
            {"id": self.t.topic.pk, "slug": "children-on-the-move", "name": "Children on the move"}
        ]
        assert data["meta"]["locale"] == "en"
        assert [area["title"] for area in data["related_areas"]] == ["Alternative care"]
        assert {k: data["resource_type"][k] for k in ("slug", "name")} == {
            "slug": "guideline",
            "name": "Guideline or tool",
        }
        assert data["organisation"]["acronym"] == "HN"
        area = self.get(f"/api/v2/pages/{self.t.area.pk}/")
        person = area["specialists"][0]["person"]
        assert (person["name"], person["role"]) == ("Amina Diallo", "Alternative care specialist")
        assert "email" not in person

    def test_documents_endpoint(self):
        data = self.get("/api/v2/documents/", {"fields": "*"})
        [document] = data["items"]
        assert {k: document[k] for k in ("title", "language", "format")} == {
            "title": "Guide to interim care",
            "language": "fr",
            "format": "PDF",
        }
        assert self.get("/api/v2/documents/", {"language": "es"})["items"] == []

    def test_images_endpoint(self):
        data = self.get("/api/v2/images/")
        assert data["meta"]["total_count"] == 1


class TestFilters(APITestCase):
    def test_type_and_locale(self):
        assert self.titles({"type": "resources.ResourcePage"}) == {
            self.t.resource.title,
            self.french.title,
        }
        assert self.titles({"type": "resources.ResourcePage", "locale": "en"}) == {
            self.t.resource.title
        }
        assert self.titles({"type": "resources.ResourcePage", "locale": "fr"}) == {
            self.french.title
        }

    def test_topic_region_and_audience_slugs(self):
        on_topic = self.titles({"topic": "children-on-the-move"})
        assert on_topic == {self.t.area.title, self.t.resource.title, self.french.title}
        assert self.titles({"topic": "children-on-the-move", "locale": "fr"}) == {self.french.title}
        assert self.titles({"region": "guatemala", "type": "case_studies.CaseStudyPage"}) == {
            self.t.case_study.title
        }
        assert self.titles({"audience": "social-workers", "locale": "en"}) == {
            self.t.resource.title,
            self.t.module.title,
        }
        assert self.titles({"topic": "no-such-topic"}) == set()

    def test_translation_of(self):
        assert self.titles({"translation_of": self.t.resource.pk}) == {self.french.title}

    def test_unknown_parameters_are_refused(self):
        self.get("/api/v2/pages/", {"colour": "red"}, status=400)


class TestSearch(APITestCase):
    def test_search_finds_pages(self):
        assert self.t.resource.title in self.titles({"search": "interim", "locale": "en"})

    def test_search_goes_through_the_site_search(self):
        with mock.patch(
            "search.engine.search_pages",
            wraps=__import__("search.engine", fromlist=["search_pages"]).search_pages,
        ) as site_search:
            self.get("/api/v2/pages/", {"search": "interim", "locale": "fr"})
        [call] = site_search.call_args_list
        assert call.args[1] == "interim"
        assert call.args[2].language_code == "fr"


class TestPrivacy(APITestCase):
    def test_restricted_pages_are_not_listed_found_or_shown(self):
        assert self.private_area.title not in self.titles({})
        assert self.private_area.title not in self.titles({"search": "workspace"})
        self.get(f"/api/v2/pages/{self.private_area.pk}/", status=404)

    def test_relations_to_private_things_are_hidden(self):
        data = self.get(f"/api/v2/pages/{self.t.resource.pk}/")
        assert [area["title"] for area in data["related_areas"]] == ["Alternative care"]
        documents = [item["document"] for item in data["files"]]
        assert None in documents
        assert "Partner budget" not in str(data)

    def test_private_documents_are_not_listed(self):
        titles = {d["title"] for d in self.get("/api/v2/documents/")["items"]}
        assert titles == {"Guide to interim care"}
        self.get(f"/api/v2/documents/{self.private_document.pk}/", status=404)

    def test_partners_see_what_is_shared_with_them(self):
        self.client.force_login(self.partner)
        assert self.private_area.title in self.titles({})
        data = self.get(f"/api/v2/pages/{self.t.resource.pk}/")
        assert "Partner workspace" in str(data) and "Partner budget" in str(data)


class TestThrottlingAndCORS(APITestCase):
    @override_settings(REST_FRAMEWORK=THROTTLED)
    def test_anonymous_clients_are_throttled(self):
        for _ in range(3):
            self.get("/api/v2/pages/")
        response = self.get("/api/v2/pages/", status=429)
        assert int(response["Retry-After"]) > 0

    @override_settings(REST_FRAMEWORK=THROTTLED)
    def test_signed_in_clients_are_not(self):
        self.client.force_login(self.partner)
        for _ in range(5):
            self.get("/api/v2/pages/")

    @override_settings(API_CORS_ORIGINS=["https://field.example.org"])
    def test_cross_origin_reads_only_for_configured_origins(self):
        allowed = self.client.get("/api/v2/pages/", headers={"Origin": "https://field.example.org"})
        assert allowed["Access-Control-Allow-Origin"] == "https://field.example.org"
        assert "Origin" in allowed["Vary"]
        preflight = self.client.options(
            "/api/v2/pages/",
            headers={"Origin": "https://field.example.org", "Access-Control-Request-Method": "GET"},
        )
        assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
        other = self.client.get("/api/v2/pages/", headers={"Origin": "https://evil.example.com"})
        assert "Access-Control-Allow-Origin" not in other
        post = self.client.post("/api/v2/pages/", headers={"Origin": "https://field.example.org"})
        assert "Access-Control-Allow-Origin" not in post
        page = self.client.get(self.t.resource.url, headers={"Origin": "https://field.example.org"})
        assert "Access-Control-Allow-Origin" not in page

    def test_no_cross_origin_reads_by_default(self):
        response = self.client.get(
            "/api/v2/pages/", headers={"Origin": "https://field.example.org"}
        )
        assert "Access-Control-Allow-Origin" not in response
