"""Lexical and semantic results as one ranking (reciprocal rank fusion), page by page.

The lexical ranking (search.summary, every match counted in the database) and the pages
nearest in meaning (search.semantic, at most a hundred) are merged by reciprocal rank
fusion: each result scores 1 / (RRF_K + its position) in each list it is in. RRF needs no
calibration between BM25-like ranks and cosine similarities, which have nothing in common.
When no page has all the query's words (the lexical results are only pages with some of
them, or none), the pages nearest in meaning lead and the lexical ones follow.

Only the first FUSE_DEPTH lexical results take part; later pages of results continue with
the lexical ranking after them, so every result stays reachable page by page.
"""

from .summary import Summary

RRF_K = 60
FUSE_DEPTH = 50


def rrf(rankings, k=RRF_K):
    """Keys of several best-first rankings, by their summed reciprocal rank, best first."""
    scores, first_seen = {}, {}
    for ranking in rankings:
        for position, key in enumerate(ranking):
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + position + 1)
            first_seen.setdefault(key, len(first_seen))
    return sorted(scores, key=lambda key: (-scores[key], first_seen[key]))


def fused_page(lexical_top, lexical_total, semantic, *, lead_semantic, offset, limit, read_lexical):
    """One page of fused results as a Summary (rows, members, total).

    `lexical_top`: Summary of the first FUSE_DEPTH lexical results; `semantic`: best-first
    [(row, page id, similarity)], rows being what the lexical rows are (page ids, or
    translation keys when grouped); `read_lexical(offset, limit)`: a Summary of lexical
    results further down, for pages past the fused head.
    """
    semantic_rows = [row for row, _pk, _score in semantic]
    if lead_semantic:
        order = list(dict.fromkeys([*semantic_rows, *lexical_top.rows]))
    else:
        order = rrf([lexical_top.rows, semantic_rows])
    members = {row: list(pks) for row, pks in lexical_top.members.items()}
    for row, pk, score in semantic:
        members.setdefault(row, [(pk, score)])
    extra = len(order) - len(lexical_top.rows)
    page = Summary(total=lexical_total + extra)
    page.rows = order[offset : offset + limit]
    past_head = lexical_total - len(lexical_top.rows)
    wanted = limit - len(page.rows)
    if wanted > 0 and past_head > 0:
        start = max(offset - len(order), 0) + len(lexical_top.rows)
        tail = read_lexical(start, wanted)
        page.rows += tail.rows
        members.update(tail.members)
    page.members = {row: members[row] for row in page.rows if row in members}
    return page
