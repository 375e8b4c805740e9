"""The portal the browser tests visit: the shared English tree, translated into French and Arabic.

Translations are made top-down with `copy_for_translation`, as wagtail-localize makes them, so
every page type exists in a right-to-left language for the accessibility checks.
"""

from wagtail.models import Locale

from core.bulk import references_once
from search import indexing
from tests.tree import build_site

# Page names in tests.tree, parents before children.
PAGE_NAMES = [
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
    "lesson",
]

TITLES = {
    "fr": {
        "home": "Portail de connaissances",
        "areas_index": "Domaines thématiques",
        "area": "Prise en charge alternative",
        "sub_area": "Familles d'accueil",
        "library": "Bibliothèque de ressources",
        "resource": "Guide de la prise en charge provisoire",
        "kit": "Trousse de départ pour l'accueil provisoire",
        "case_index": "Études de cas",
        "case_study": "Un cours gratuit pour les personnes qui accueillent",
        "learning_index": "Formation en ligne",
        "module": "Pratique inclusive",
        "lesson": "Leçon 1",
    },
    "ar": {
        "home": "بوابة المعرفة",
        "areas_index": "المجالات",
        "area": "الرعاية البديلة",
        "sub_area": "الرعاية لدى الأسر الحاضنة",
        "library": "مكتبة الموارد",
        "resource": "دليل الرعاية المؤقتة",
        "kit": "مجموعة أدوات لمقدمي الرعاية المؤقتة",
        "case_index": "دراسات الحالة",
        "case_study": "دورة مجانية لمقدمي الرعاية",
        "learning_index": "التعلم الإلكتروني",
        "module": "الممارسة الشاملة",
        "lesson": "الدرس الأول",
    },
}


def english(t, name):
    return t.lessons[0] if name == "lesson" else getattr(t, name)


def translate(page, locale, title):
    copy = page.specific.copy_for_translation(locale)
    copy.title = title
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy.specific


@references_once()
@indexing.deferred()
def build_multilingual_site():
    """tests.tree's site plus `t.fr` and `t.ar`: each page name to its published translation."""
    t = build_site()
    for code, titles in TITLES.items():
        locale = Locale.objects.get_or_create(language_code=code)[0]
        pages = {name: translate(english(t, name), locale, titles[name]) for name in PAGE_NAMES}
        setattr(t, code, pages)
    t.en = {name: english(t, name) for name in PAGE_NAMES}
    return t


def sign_in(tab, email):
    """Sign `email` in through the sign-in form, as a visitor does (cookies cleared first, so
    one tab can switch from one person to another)."""
    from .conftest import PASSWORD

    tab.context.clear_cookies()
    tab.goto("/en/account/sign-in/")
    tab.get_by_label("E-mail address").fill(email)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_load_state()
