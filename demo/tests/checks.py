"""What the demo loader must build: an explorable portal, and a second run changes nothing.

Run by `tests/browser/test_languages.py`, which loads the demo once for these checks and for
the Arabic browser walk after them (a demo load is the suite's most expensive step, about a
minute of one core; the two used to load it three times between them). The checks need no
browser and run without chromium too. The demo is loaded outside a test transaction (as
`make run` does): wagtail-localize publishes translations on commit, and translating inside an
outer transaction is the trigger of its bug #773.
"""

import html
import io

from django.apps import apps
from django.core.management import call_command
from django.utils.encoding import iri_to_uri
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from case_studies.models import CaseStudyIndexPage, CaseStudyPage
from communities.models import CommunityPage
from content_areas.models import ContentAreaIndexPage, ContentAreaPage
from core.models import PortalDocument
from home.models import HomePage
from learning.models import ELearningIndexPage, ELearningModulePage, LessonPage
from programmes.models import ProgrammeIndexPage, ProgrammePage
from resources.models import ResourceKitPage, ResourceLibraryPage, ResourcePage

PAGE_TYPES = [
    ContentAreaIndexPage,
    ContentAreaPage,
    ResourceLibraryPage,
    ResourcePage,
    ResourceKitPage,
    CaseStudyIndexPage,
    CaseStudyPage,
    ELearningIndexPage,
    ELearningModulePage,
    LessonPage,
    ProgrammeIndexPage,
    ProgrammePage,
    CommunityPage,
]


def model_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "admin", "django_tasks_db"}
    }


def live_in(model, code):
    return model.objects.live().filter(locale__language_code=code).count()


def check_demo_content_is_complete_idempotent_and_served(first_output, client, settings):
    """`first_output`: what the first `load_demo_content` printed (DEBUG off)."""
    settings.DEBUG = False
    assert "Passwords are not shown" in first_output or "password" in first_output.lower()
    first = model_counts()

    # A second run changes nothing; with DEBUG on it prints the logins (the facilitator's too).
    settings.DEBUG = True
    debug_out = io.StringIO()
    call_command("load_demo_content", stdout=debug_out)
    settings.DEBUG = False
    assert model_counts() == first
    assert "facilitator@portal.example.org" in debug_out.getvalue()

    assert {loc.language_code for loc in Locale.objects.all()} >= {"en", "fr", "es", "ar"}
    assert live_in(ContentAreaPage, "en") >= 5
    assert live_in(ResourcePage, "en") >= 20
    assert live_in(ResourceKitPage, "en") >= 3
    assert live_in(CaseStudyPage, "en") >= 3
    assert live_in(ELearningModulePage, "en") >= 3
    for module in ELearningModulePage.objects.filter(locale__language_code="en"):
        assert LessonPage.objects.child_of(module).live().count() >= 3
    # Every section, and at least one page of each type, in every language.
    for code in ("fr", "es", "ar"):
        assert live_in(HomePage, code) == 1
        for model in PAGE_TYPES:
            assert live_in(model, code) >= 1, (model.__name__, code)
    assert live_in(ContentAreaPage, "fr") >= 2 and live_in(ContentAreaPage, "es") >= 2
    # made through wagtail-localize, so translators can sync and re-translate them
    assert Translation.objects.filter(target_locale__language_code="ar").exists()
    assert PortalDocument.objects.filter(file__endswith=".pdf").count() >= 20
    assert all(doc.file.size > 0 for doc in PortalDocument.objects.all())

    # The community of practice: three themes with their sessions, a pinned thread, the
    # facilitator (whose login is printed with DEBUG on), the learner a member.
    from communities.records import Thread

    community = CommunityPage.objects.get(locale__language_code="en").community()
    assert community.themes.filter(session__isnull=False).count() == 3
    assert Thread.objects.filter(community=community, pinned=True, approved=True).count() == 1
    assert live_in(CommunityPage, "es") == 1 and live_in(CommunityPage, "ar") == 1
    assert community.members_group.user_set.filter(username="learner@portal.example.org").exists()
    # The demo run's discussion, in Spanish and English, the question threads of its sessions.
    from communities.records import Community

    space = Community.objects.get(kind="run", run__title="Cohorte 2027 (español)")
    titles = set(space.threads.filter(pinned=True).values_list("title", flat=True))
    assert titles == {
        "Bienvenida a la cohorte: preséntese",
        "Welcome to the cohort: for those who prefer English",
    }
    assert space.threads.filter(session__isnull=False, author=None).count() == 12

    bad = Page.find_problems()
    assert not any(bad), f"page tree problems: {bad}"

    # The Arabic site: its name, its menu without "English" badges, feeds with items.
    arabic_home = HomePage.objects.get(locale__language_code="ar")
    html = client.get("/ar/").content.decode()
    assert f"<span>{arabic_home.title}</span>" in html and "بوابة" in arabic_home.title
    nav = html.split('class="main-nav"')[1].split("</nav>")[0]
    assert "language-badge" not in nav.split("<details")[0] + nav.split("</details>")[-1]
    # Every section (each child of the home page) is in Arabic: the menu shows the Arabic titles
    # of those it lists, and no English section title appears anywhere on the Arabic home page.
    english_home = HomePage.objects.get(locale__language_code="en")
    for section in english_home.get_children().live():
        arabic = section.get_translation_or_none(arabic_home.locale)
        assert arabic is not None and arabic.live, section.title
        assert arabic.title != section.title, section.title
        assert arabic.title in nav or not section.show_in_menus, section.title
        assert section.title not in html, section.title
    assert english_home.title not in html
    feed = client.get("/ar/feeds/rss/").content.decode()
    assert feed.count("<item>") >= 4  # a resource, a kit, a case study, a module

    assert_home_and_indexes_feature_translations(client)
    assert_featured_case_study_in_arabic(client)
    assert_arabic_addresses(client)

    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def first_cards(html, count):
    """The first `count` cards (title and summary) of a page's main content."""
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return main.split('class="card-title"')[1 : count + 1]


def assert_home_and_indexes_feature_translations(client):
    """/ar/ (and /fr/, /es/) features no English fallback; nor do the indexes' first six cards."""
    for code in ("ar", "fr", "es"):
        response = client.get(f"/{code}/")
        featured = [
            *response.context["featured_areas"],
            response.context["featured_case_study"],
            response.context["featured_module"],
            *response.context["latest_resources"],
        ]
        assert len(featured) >= 8
        fallbacks = [page.title for page in featured if page.locale.language_code != code]
        assert not fallbacks, (code, fallbacks)
        if code == "ar":  # and their bodies are Arabic too, not only their cards
            incomplete = [page.title for page in featured if not translation_complete(page)]
            assert not incomplete, incomplete
        assert "language-badge" not in response.content.decode().split("<main", 1)[1], code
    arabic_home = HomePage.objects.get(locale__language_code="ar")
    indexes = [ContentAreaIndexPage, ResourceLibraryPage, CaseStudyIndexPage, ELearningIndexPage]
    for index in arabic_home.get_children().live().type(*indexes):
        cards = first_cards(client.get(index.url).content.decode(), 6)
        assert cards and not any("language-badge" in card for card in cards), index.url


def translation_complete(page):
    """Whether wagtail-localize has a translation of every segment of the translated `page`."""
    source = TranslationSource.objects.get(object_id=page.translation_key)
    translation = Translation.objects.get(source=source, target_locale=page.locale)
    total, translated = translation.get_progress()
    return total > 0 and translated == total


def assert_featured_case_study_in_arabic(client):
    """The case study the Arabic home features first is Arabic throughout, not just its card.

    wagtail-localize counts every segment of the page as translated, and none of the English
    source texts is shown on the Arabic page (an untranslated segment would fall back to it).
    """
    # Every Arabic case study is complete, the index's first cards included.
    studies = CaseStudyPage.objects.live().filter(locale__language_code="ar")
    assert studies.count() >= 3
    assert all(translation_complete(study) for study in studies)

    study = HomePage.objects.get(locale__language_code="en").featured_case_study
    source = TranslationSource.objects.get_for_instance(study)
    translation = Translation.objects.get(source=source, target_locale__language_code="ar")
    total, translated = translation.get_progress()
    assert total > 20 and translated == total, (total, translated)

    arabic = study.get_translation(Locale.objects.get(language_code="ar"))
    response = client.get(arabic.url)
    assert response.status_code == 200
    shown = html.unescape(response.content.decode())
    segments = StringSegment.objects.filter(source=source).exclude(context__path="slug")
    english = segments.values_list("string__data", flat=True)  # the slug is in hreflang links
    fallbacks = [text for text in map(html.unescape, english) if text in shown]
    assert not fallbacks, fallbacks


def assert_arabic_addresses(client):
    """Arabic pages have Arabic slugs, percent-encoded in the sitemap; the old addresses move."""
    arabic = Page.objects.live().filter(locale__language_code="ar", depth__gt=2)
    english_slugs = [page.url for page in arabic if page.slug.isascii()]
    assert not english_slugs, english_slugs
    case_studies = CaseStudyIndexPage.objects.get(locale__language_code="ar")
    assert case_studies.slug == "دراسات-الحالة"
    encoded = "/ar/%D8%AF%D8%B1%D8%A7%D8%B3%D8%A7%D8%AA-%D8%A7%D9%84%D8%AD%D8%A7%D9%84%D8%A9/"
    assert case_studies.url == encoded  # Wagtail links pages at percent-encoded addresses
    assert client.get(encoded).status_code == 200
    # The English-slug address the Arabic pages had until now, and one below it, redirect.
    moved = client.get("/ar/case-studies/")
    assert moved.status_code == 301 and moved["Location"] == encoded
    study = CaseStudyPage.objects.get(
        locale__language_code="ar", slug="مكالمات-الأقران-لرفاه-المرشدين"
    )
    source = study.get_translation(Locale.objects.get(language_code="en"))
    moved = client.get("/ar/" + source.url.split("/", 2)[2])
    assert moved.status_code == 301 and moved["Location"].startswith(encoded)
    assert client.get(moved["Location"]).status_code == 200
    # The switcher and hreflang links on the English page name the Arabic address.
    english = client.get(source.url).content.decode()
    assert f'href="{study.url}" lang="ar"' in english
    assert f'hreflang="ar" href="http://testserver{iri_to_uri(study.url)}"' in english
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{encoded}</loc>" in sitemap
    assert "دراسات" not in sitemap
