"""Every page type: where it may be created, and that it renders its whole structure."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from case_studies.models import CaseStudyIndexPage, CaseStudyPage
from content_areas.models import ContentAreaIndexPage, ContentAreaPage
from home.models import HomePage
from learning.models import ELearningIndexPage, ELearningModulePage, LessonPage
from resources.models import ResourceKitPage, ResourceLibraryPage, ResourcePage

from .tree import build_site


class SiteTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()


ALLOWED_PARENTS = {
    HomePage: ["root"],
    ContentAreaIndexPage: ["home"],
    ContentAreaPage: ["areas_index", "area"],
    ResourceLibraryPage: ["home"],
    ResourcePage: ["library"],
    ResourceKitPage: ["library"],
    CaseStudyIndexPage: ["home"],
    CaseStudyPage: ["case_index"],
    ELearningIndexPage: ["home"],
    ELearningModulePage: ["learning_index"],
    LessonPage: ["module"],
}
PARENT_NAMES = [
    "home",
    "areas_index",
    "area",
    "sub_area",
    "library",
    "resource",
    "kit",
    "case_index",
    "case_study",
    "learning_index",
    "module",
]


class TestWhereEachTypeMayBeCreated(SiteTestCase):
    def parent(self, name):
        from wagtail.models import Page

        return Page.get_first_root_node() if name == "root" else getattr(self.t, name)

    def test_each_type_is_allowed_only_under_its_parents(self):
        for model, allowed in ALLOWED_PARENTS.items():
            for name in PARENT_NAMES:
                parent = self.parent(name)
                expected = name in allowed and not (
                    # index pages are singletons: the tree already has one of each
                    getattr(model, "max_count_per_parent", None) == 1
                )
                with self.subTest(model=model.__name__, parent=name):
                    assert model.can_create_at(parent) is expected

    def test_a_new_home_may_have_one_of_each_section(self):
        from wagtail.models import Page

        from .factories import HomePageFactory

        other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="second-home")
        for model in (
            ContentAreaIndexPage,
            ResourceLibraryPage,
            CaseStudyIndexPage,
            ELearningIndexPage,
        ):
            assert model.can_create_at(other_home)

    def test_content_areas_nest_one_level_only(self):
        assert ContentAreaPage.can_create_at(self.t.area)
        assert not ContentAreaPage.can_create_at(self.t.sub_area)

    def test_admin_refuses_a_type_in_the_wrong_place(self):
        admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
        self.client.force_login(admin)
        wrong = reverse(
            "wagtailadmin_pages:add", args=("resources", "resourcepage", self.t.home.pk)
        )
        right = reverse(
            "wagtailadmin_pages:add", args=("resources", "resourcepage", self.t.library.pk)
        )
        # Wagtail answers a refused page type with its permission-denied redirect.
        assert self.client.get(wrong).status_code == 302
        response = self.client.post(
            wrong, {"title": "Misplaced", "slug": "misplaced", "action-publish": "1"}
        )
        assert response.status_code == 302
        assert not ResourcePage.objects.filter(slug="misplaced").exists()
        assert self.client.get(right).status_code == 200


SECTIONS = {
    "home": [
        "featured-areas",
        "latest-resources",
        "featured-case-study",
        "featured-module",
        "home-search",
    ],
    "areas_index": ["areas"],
    "area": [
        "summary",
        "key-figures",
        "approaches",
        "knowledge-products",
        "specialists",
        "last-reviewed",
        "sub-areas",
    ],
    "library": ["filters", "resources", "kits"],
    "resource": [
        "summary",
        "body",
        "files",
        "external-link",
        "details",
        "related-areas",
        "citation",
    ],
    "kit": ["introduction", "how-to-use", "sections"],
    "case_index": ["case-studies"],
    "case_study": [
        "background",
        "support",
        "successes",
        "challenges",
        "lessons-learned",
        "quotes",
        "funders",
        "related-resources",
        "details",
    ],
    "learning_index": ["modules"],
    "module": ["overview", "learning-objectives", "audience", "duration", "languages", "lessons"],
}


class TestEveryTypeRendersItsStructure(SiteTestCase):
    def get(self, page):
        response = self.client.get(page.url)
        assert response.status_code == 200, page.url
        return BeautifulSoup(response.content, "html.parser")

    def test_sections_present_for_anonymous_visitors(self):
        for name, section_ids in SECTIONS.items():
            page = getattr(self.t, name)
            html = self.get(page)
            for section_id in section_ids:
                with self.subTest(page=name, section=section_id):
                    assert html.find(id=section_id) is not None
            assert len(html.find_all("h1")) == 1, name

    def test_lesson_renders_steps_and_navigation(self):
        html = self.get(self.t.lessons[1])
        assert html.find(id="lesson-content") is not None
        nav = html.find(id="lesson-nav")
        links = {a["href"] for a in nav.find_all("a")}
        assert self.t.lessons[0].url in links and self.t.lessons[2].url in links

    def test_resource_file_shows_language_format_and_size(self):
        files = self.get(self.t.resource).find(id="files").get_text(" ", strip=True)
        assert "French" in files
        assert "PDF" in files
        assert "bytes" in files or "KB" in files

    def test_area_lists_its_kit_and_latest_resources(self):
        products = self.get(self.t.area).find(id="knowledge-products").get_text(" ", strip=True)
        assert self.t.kit.title in products
        assert self.t.resource.title in products

    def test_draft_pages_are_not_served(self):
        draft = ResourcePage(title="Unapproved draft", slug="draft", live=False)
        self.t.library.add_child(instance=draft)
        assert self.client.get("/en/resources/draft/").status_code == 404

    def test_not_found_page(self):
        response = self.client.get("/en/no-such-page/")
        assert response.status_code == 404


@pytest.mark.parametrize("query", ["care", "", "x" * 5000, "(& | ! :*)", "' OR 1=1 --"])
@pytest.mark.django_db
def test_search_never_fails(client, query):
    build_site()
    response = client.get("/en/search/", {"q": query, "page": "abc"})
    assert response.status_code == 200


class TestEditorsSeeEveryTypeInTabs(SiteTestCase):
    def setUp(self):
        admin = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
        self.client.force_login(admin)

    def test_edit_view_of_each_type_shows_its_tabs(self):
        for name in PARENT_NAMES + ["lessons"]:
            page = getattr(self.t, name)
            page = page[0] if isinstance(page, list) else page
            response = self.client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
            with self.subTest(page=name):
                assert response.status_code == 200
                content = response.content.decode()
                assert 'role="tab"' in content and "Promote" in content

    def test_create_view_of_each_type_under_its_parent(self):
        for model, parents in ALLOWED_PARENTS.items():
            if model is HomePage:
                continue
            parent = getattr(self.t, parents[-1])
            url = reverse(
                "wagtailadmin_pages:add",
                args=(model._meta.app_label, model._meta.model_name, parent.pk),
            )
            response = self.client.get(url)
            with self.subTest(model=model.__name__):
                # singleton index pages already exist under the home page
                expected = 302 if getattr(model, "max_count_per_parent", None) == 1 else 200
                assert response.status_code == expected


class TestSearch(SiteTestCase):
    def test_finds_live_pages_by_title_word(self):
        response = self.client.get("/en/search/", {"q": "interim"})
        assert response.status_code == 200
        assert self.t.resource.title in response.content.decode()
