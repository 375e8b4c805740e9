"""Every test class's set-up is a bulk load: each object indexed and its references found once.

A class's `setUpTestData` builds pages the way editors do: created, revised, published,
translated, their topics and files added. At each of those saves modelsearch indexed the page
again and Wagtail read its references again, for entries the next save replaced: a French copy
published from the English page was indexed three times before the class's first test. The
site builders (tests.tree, the demo load) already ran inside `search.indexing.deferred()` and
`core.bulk.references_once()`; the pages a class adds around them did not.

So every Django test class's own `setUpTestData` runs inside both. When it ends, the search
index and the reference index hold what a full rebuild would (tests/test_bulk_loads.py checks
that), which is all a test can see. What the tests themselves do (requests, saves, publishing
inside a test) is indexed at every save, as in production. Deletions are not deferred.
"""

import functools


def _in_bulk(setup):
    @functools.wraps(setup)
    def bulk_setup(cls):
        from core.bulk import references_once
        from search import indexing

        with references_once(), indexing.deferred():
            return setup(cls)

    bulk_setup.in_bulk = True
    return bulk_setup


def pytest_collection_modifyitems(items):
    from django.test import TestCase

    classes = {item.cls for item in items if isinstance(getattr(item, "cls", None), type)}
    for cls in classes:
        for klass in cls.__mro__:
            own = vars(klass).get("setUpTestData")
            if klass is TestCase or not issubclass(klass, TestCase) or own is None:
                continue
            if not getattr(own.__func__, "in_bulk", False):
                klass.setUpTestData = classmethod(_in_bulk(own.__func__))
