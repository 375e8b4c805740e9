"""Every language first-class, in a real browser, on the demo portal itself.

The portal is the one `manage.py load_demo_content` builds (translations made through
wagtail-localize), because what is checked is the demo an Arabic visitor meets: the site name,
the menu, each section and page type, and the feeds, in Arabic. Then the language switcher on
a page that exists in English only, and the one address of that page under another language.

The first test checks the demo loader itself (demo/tests/checks.py) on the same build, through
Django's test client, so it runs without a browser too: one demo load serves both.
"""

import io
import json
import re

import pytest
from django.core.management import call_command

from case_studies.models import CaseStudyIndexPage, CaseStudyPage
from content_areas.models import ContentAreaIndexPage, ContentAreaPage
from demo.tests.checks import check_demo_content_is_complete_idempotent_and_served
from home.models import HomePage
from learning.models import ELearningIndexPage, ELearningModulePage, LessonPage
from programmes.models import ProgrammeIndexPage
from resources.models import ResourceKitPage, ResourceLibraryPage, ResourcePage

from .conftest import run_axe

pytestmark = pytest.mark.usefixtures("db")  # db: see conftest.py
browser = pytest.mark.browser  # each test that drives chromium; the demo check does not

ARABIC_LETTERS = re.compile(r"[\u0600-\u06FF]")
SECTIONS = [ContentAreaIndexPage, ResourceLibraryPage, CaseStudyIndexPage, ELearningIndexPage]
# The menu also lists the programmes (programmes/), whose Arabic demo is the interface's name.
MENU_SECTIONS = [*SECTIONS, ProgrammeIndexPage]
ITEMS = [
    ContentAreaPage,
    ResourcePage,
    ResourceKitPage,
    CaseStudyPage,
    ELearningModulePage,
    LessonPage,
]
ENGLISH_ONLY = "community-monitoring-committees"  # a resource the demo has in English only


def build_portal():
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)

    class Portal:
        pass

    portal = Portal()
    portal.demo_output = output.getvalue()
    portal.home = {
        code: HomePage.objects.live().get(locale__language_code=code)
        for code in ("en", "fr", "es", "ar")
    }
    portal.english_only = ResourcePage.objects.get(locale__language_code="en", slug=ENGLISH_ONLY)
    portal.fr_library = ResourceLibraryPage.objects.get(locale__language_code="fr")
    return portal


def arabic(text):
    return len(ARABIC_LETTERS.findall(text)) > len(text.replace(" ", "")) / 2


def test_demo_content_is_complete_idempotent_and_served(portal, client, settings):
    check_demo_content_is_complete_idempotent_and_served(portal.demo_output, client, settings)


@browser
def test_the_arabic_site_names_itself_and_its_sections_in_arabic(page, portal):
    page.goto("/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    brand = page.locator(".brand").inner_text()
    assert brand == portal.home["ar"].title and arabic(brand)
    assert arabic(page.locator(".site-footer .footer-org").inner_text())
    menu = page.locator(".main-nav > ul > li")
    labels = [
        menu.nth(index).locator("a, summary").first.inner_text() for index in range(menu.count())
    ]
    assert len(labels) == len(MENU_SECTIONS)
    for label in labels:
        assert arabic(label), label
    assert (
        page.locator(
            ".main-nav > ul > li > a .language-badge, .main-nav summary .language-badge"
        ).count()
        == 0
    )
    assert run_axe(page) == []


@browser
@pytest.mark.parametrize("model", SECTIONS + ITEMS, ids=lambda model: model.__name__)
def test_each_section_and_page_type_reads_in_arabic(page, portal, model):
    target = model.objects.live().filter(locale__language_code="ar").first()
    assert target is not None, f"no Arabic {model.__name__} in the demo"
    page.goto(target.url)
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator(".language-notice").count() == 0
    heading = page.get_by_role("heading", level=1).inner_text()
    assert arabic(heading), heading
    # The site name in the title; listings may still hold English pages, each with its badge.
    assert arabic(page.title().split("|")[-1]), page.title()


@browser
def test_arabic_pages_have_arabic_addresses_and_the_old_ones_move(page, portal):
    """Arabic slugs, percent-encoded in links; the English-slug address redirects permanently."""
    index = CaseStudyIndexPage.objects.get(locale__language_code="ar")
    study = CaseStudyPage.objects.live().filter(locale__language_code="ar").first()
    assert arabic(index.slug) and arabic(study.slug)
    english = study.get_translation(portal.home["en"].locale)
    response = page.goto("/ar/" + english.url.split("/", 2)[2])  # /ar/case-studies/<slug>/
    assert response.request.redirected_from.response().status == 301
    assert page.url.endswith(study.url) and study.url.startswith(index.url)
    assert page.get_by_role("heading", level=1).inner_text() == study.title
    # The language switcher goes back to the English page, and from there to this one.
    page.get_by_role("navigation", name="اختر لغة").locator('a[hreflang="en"]').click()
    page.wait_for_load_state()
    assert page.url.endswith(english.url)
    page.get_by_role("navigation", name="Choose a language").locator('a[hreflang="ar"]').click()
    page.wait_for_load_state()
    assert page.url.endswith(study.url)


@browser
def test_arabic_feeds_list_arabic_knowledge(page, portal):
    response = page.request.get("/ar/feeds/rss/")
    assert response.ok
    titles = re.findall(r"<item><title>(.*?)</title>", response.text())
    assert len(titles) >= 4 and all(arabic(title) for title in titles), titles


@browser
def test_french_and_spanish_cover_every_section(page, portal):
    for code in ("fr", "es"):
        for model in SECTIONS:
            assert model.objects.live().filter(locale__language_code=code).exists(), (code, model)


@browser
def test_the_switcher_offers_every_language_on_an_english_only_page(page, portal):
    page.goto(portal.english_only.url)
    switcher = page.get_by_role("navigation", name="Choose a language")
    assert sorted(switcher.locator("a").evaluate_all("links => links.map(a => a.hreflang)")) == [
        "ar",
        "en",
        "es",
        "fr",
    ]
    switcher.locator('a[hreflang="ar"]').click()  # named "العربيّة", as Django spells it
    page.wait_for_load_state()
    assert page.url.endswith(f"/ar/resources/{ENGLISH_ONLY}/")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator(".language-notice").count() == 1
    # from the fallback, every language is offered again, the visitor's own as the current one
    current = page.locator('.language-switcher a[aria-current="true"]')
    assert current.get_attribute("hreflang") == "ar"
    page.get_by_role("navigation", name="اختر لغة").locator('a[hreflang="fr"]').click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/fr/resources/{ENGLISH_ONLY}/")


@browser
def test_a_fallback_page_states_its_language_and_has_one_address(page, portal):
    canonical = f"/fr/resources/{ENGLISH_ONLY}/"  # the English path, where listings link
    duplicate = f"{portal.fr_library.url}{ENGLISH_ONLY}/"  # along the French library's slug
    assert canonical != duplicate
    response = page.goto(duplicate)
    assert page.url.endswith(canonical)
    assert response.request.redirected_from is not None
    assert response.request.redirected_from.response().status == 301
    assert page.locator("html").get_attribute("lang") == "fr"  # the interface is French
    assert page.locator(".page-content").get_attribute("lang") == "en"
    data = json.loads(page.locator('script[type="application/ld+json"]').first.text_content())
    assert data["inLanguage"] == "en"
    assert run_axe(page) == []
