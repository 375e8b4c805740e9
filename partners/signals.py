"""Page privacy follows a page into its other languages.

Wagtail keeps view restrictions per page, and translations are separate pages: restricting
the English partner workspace would leave its French translation public. A translation made
*after* the restriction inherits it (Wagtail copies restrictions when copying a page); this
covers the other order, by copying a page's restrictions onto its existing translations
whenever they are created or changed.

Removing a restriction is deliberately not mirrored: deleting a page cascades to its
restrictions, and a mirrored deletion would then make every translation public. Making
content public again is therefore done language by language, which fails safe.
"""

from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_save
from wagtail.models import PageViewRestriction

_mirroring = ContextVar("partners_mirroring_restrictions", default=False)


def _signature(restrictions):
    return sorted(
        (r.restriction_type, r.password, tuple(sorted(r.groups.values_list("pk", flat=True))))
        for r in restrictions
    )


def mirror_restrictions(page):
    """Give every translation of `page` the same direct view restrictions as `page`."""
    source = list(page.view_restrictions.all())
    wanted = _signature(source)
    token = _mirroring.set(True)
    try:
        for translation in page.get_translations():
            if _signature(translation.view_restrictions.all()) == wanted:
                continue
            translation.view_restrictions.all().delete()
            for restriction in source:
                copy = PageViewRestriction.objects.create(
                    page=translation,
                    restriction_type=restriction.restriction_type,
                    password=restriction.password,
                )
                copy.groups.set(restriction.groups.all())
    finally:
        _mirroring.reset(token)


def restriction_saved(sender, instance, **kwargs):
    # A group restriction is saved before its groups are set (by the admin's privacy form and
    # by Wagtail's page copy alike); mirroring that half-made state would copy "no groups"
    # over the finished restriction of the other language. The groups signal follows.
    if instance.restriction_type == PageViewRestriction.GROUPS and not instance.groups.exists():
        return
    if not _mirroring.get():
        mirror_restrictions(instance.page)


def restriction_groups_changed(sender, instance, action, reverse, **kwargs):
    if action.startswith("post_") and not reverse and not _mirroring.get():
        mirror_restrictions(instance.page)


def connect():
    post_save.connect(
        restriction_saved, sender=PageViewRestriction, dispatch_uid="partners_restriction_saved"
    )
    m2m_changed.connect(
        restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="partners_restriction_groups_changed",
    )
