"""Building blocks for tests of the channels knowledge goes out through (feeds, alerts, API).

They add to the shared English tree (tests.tree.build_site): published pages, French
translations and restrictions, each done the way editors do it in the admin.
"""

from wagtail.models import Locale, PageViewRestriction

from tests import factories as f


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_resource(parent, title, topics=(), live=True, **fields):
    """A resource published through a revision, as in the admin (so it has a publish date)."""
    page = f.ResourcePageFactory(parent=parent, title=title, live=False, **fields)
    page.topics.add(*topics)
    return publish(page) if live else page


def translate(page, code, title=None):
    """A published translation, its missing ancestors created as aliases (wagtail-localize)."""
    translation = page.specific.copy_for_translation(locale(code), copy_parents=True)
    translation.title = title or f"{page.title} [{code}]"
    return publish(translation)


def restrict(page, *groups):
    """Page privacy "private, accessible to users in specific groups" (or any signed-in user)."""
    if groups:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(groups)
        return restriction
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
