"""Page weight of every public page type in every language, as a phone on a slow line gets it.

For each page, Debian's chromium (through Playwright, nothing downloaded) loads it with an empty
cache and records every response: the bytes transferred (headers and compressed body) for the
HTML, CSS, JavaScript and fonts, the images separately, any request to another host, and any
script that blocks rendering (in <head> without defer, async or type=module). The budget: at
most 100 KB before images, no third-party request, no render-blocking script.

Run by bench/lighthouse/run.py against the portal it serves; `measure_all(base_url, pages)`
takes {key: {language: url}} and returns one row per page.
"""

import shutil
from urllib.parse import urlsplit

BUDGET_BYTES = 100 * 1024
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BEFORE_IMAGES = {"document", "stylesheet", "script", "font"}
BLOCKING_SCRIPTS = """() => [...document.head.querySelectorAll('script[src]')]
    .filter(s => !s.defer && !s.async && s.type !== 'module').map(s => s.src)"""


def measure(context, base_url, url):
    host = urlsplit(base_url).netloc
    responses = []
    page = context.new_page()
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(base_url + url, wait_until="load")
    page.wait_for_load_state("networkidle")
    row = {
        "url": url,
        "before_images": 0,
        "images": 0,
        "requests": 0,
        "third_party": [],
        "blocking": page.evaluate(BLOCKING_SCRIPTS),
    }
    for request in responses:
        sizes = request.sizes()
        transferred = sizes["responseHeadersSize"] + sizes["responseBodySize"]
        row["requests"] += 1
        if urlsplit(request.url).netloc not in (host, ""):
            row["third_party"].append(request.url)
        if request.resource_type in BEFORE_IMAGES:
            row["before_images"] += transferred
        elif request.resource_type == "image":
            row["images"] += transferred
    page.close()
    row["ok"] = (
        row["before_images"] <= BUDGET_BYTES and not row["third_party"] and not row["blocking"]
    )
    return row


def measure_all(base_url, pages):
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        for key, by_language in pages.items():
            for language, url in by_language.items():
                # A fresh context each time: an empty cache, as on a first visit.
                context = browser.new_context(viewport={"width": 375, "height": 740})
                rows.append({"page": key, "language": language, **measure(context, base_url, url)})
                context.close()
        browser.close()
    return rows


def print_weights(rows):
    print("\nPage weight, first visit, empty cache (KB transferred; budget 100 KB before images)")
    print(f"{'page':<15} {'lang':<5} {'before images':>14} {'images':>8} {'requests':>9}  verdict")
    for row in rows:
        problems = []
        if row["before_images"] > BUDGET_BYTES:
            problems.append("over budget")
        if row["third_party"]:
            problems.append(f"third-party: {row['third_party'][:3]}")
        if row["blocking"]:
            problems.append(f"render-blocking: {row['blocking']}")
        print(
            f"{row['page']:<15} {row['language']:<5} {row['before_images'] / 1024:>14.1f} "
            f"{row['images'] / 1024:>8.1f} {row['requests']:>9}  "
            f"{'ok' if not problems else '; '.join(problems)}"
        )
