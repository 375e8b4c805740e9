"""Repairs the page tree after wagtail-localize publishes a translation with a stale numchild.

Works around wagtail-localize issue #773 (open in 1.14.5): `TranslationSource.create_or_update_
translation` publishes the new translation in `transaction.on_commit(revision.publish)`. The
revision was serialised before the page's own children were translated, so when "Translate ...
include subtree" (or any translation inside an outer transaction) commits, publishing writes the
parent back with `numchild=0`: its children vanish from the admin explorer and the next
`add_child` fails with "Page with this Path already exists". `manage.py fixtree` repairs it after
the fact; this guard repairs it as it happens.

The check is treebeard's own numchild rule (what `Page.find_problems()` reports as
"bad_numchild" and `fixtree` corrects), applied only to the page just published instead of a
scan of the whole tree, so it costs one COUNT per publish. Remove it when wagtail-localize
publishes a fresh copy of the page (or the issue is closed) and `test_treefix` still passes
without it.
"""

import logging

from wagtail.models import Page
from wagtail.signals import page_published

logger = logging.getLogger("portal")


def repair_numchild(page):
    """Set `page.numchild` to its real number of children; True if it was wrong."""
    actual = Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).count()
    stored = Page.objects.filter(pk=page.pk).values_list("numchild", flat=True).first()
    if stored is None or stored == actual:
        return False
    Page.objects.filter(pk=page.pk).update(numchild=actual)
    page.numchild = actual
    logger.warning(
        "Repaired numchild of page %s (%s -> %s), wagtail-localize issue #773",
        page.pk,
        stored,
        actual,
    )
    return True


def on_page_published(sender, instance, **kwargs):
    repair_numchild(instance)


def connect():
    page_published.connect(on_page_published, dispatch_uid="multilingual_repair_numchild")
