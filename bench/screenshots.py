"""Full-page screenshots of every public page type, in English and Arabic, at phone and desktop width.

Usage, from the root of the checkout being photographed, against its portal already running
(`make run`, or any server on the same database):

    .venv/bin/python bench/screenshots.py --base-url http://127.0.0.1:8000 --out docs/screenshots/after

The pages are chosen in the checkout's own database (`manage.py shell`, so DATABASE_URL and
MEDIA_ROOT must be those the server uses): of each page type, the first page (in tree order)
that has an Arabic translation, else the first English page, and in Arabic its translation or,
where it has none, its English address under /ar/ (what an Arabic visitor is shown). Page types
the checkout does not have are left out and listed. Search results are a query in each language.

Each screenshot is taken full-page by Debian's chromium through Playwright (JavaScript on, as a
visitor's browser would have it) at the viewport's size, then stored smaller (see STORED_SCALE)
as a JPEG named `<type>_<language>_<phone|desktop>.jpg`.
docs/screenshots/README.md lists the sets and the commits they were taken from.
"""

import argparse
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

VIEWPORTS = {"phone": (390, 844), "desktop": (1366, 900)}
# Stored smaller than taken, so that two sets of 52 full-page shots stay under about 8 MB:
# phone shots at 70 % of their size, desktop ones at half, JPEG quality 50.
STORED_SCALE = {"phone": 0.7, "desktop": 0.5}
QUALITY = 50
LANGUAGES = ("en", "ar")
SEARCHES = {"en": "child labour", "ar": "الأطفال"}
PAGE_TYPES = [
    ("home", "home.HomePage"),
    ("content-area", "content_areas.ContentAreaPage"),
    ("resource-library", "resources.ResourceLibraryPage"),
    ("resource", "resources.ResourcePage"),
    ("kit", "resources.ResourceKitPage"),
    ("case-study-index", "case_studies.CaseStudyIndexPage"),
    ("case-study", "case_studies.CaseStudyPage"),
    ("elearning-index", "learning.ELearningIndexPage"),
    ("module", "learning.ELearningModulePage"),
    ("lesson", "learning.LessonPage"),
    ("programme", "programmes.ProgrammePage"),
    ("community", "communities.CommunityPage"),
]

# Run by `manage.py shell -c`: prints {type: {language: path}} as JSON on its last line.
FIND_PAGES = """
import json
from django.apps import apps
from django.conf import settings
found = {}
for key, label in %(types)r:
    try:
        model = apps.get_model(label)
    except LookupError:
        continue
    live = model.objects.live().order_by("path")
    english = live.filter(locale__language_code=settings.LANGUAGE_CODE)
    arabic = {page.translation_key: page for page in live.filter(locale__language_code="ar")}
    page = next((p for p in english if p.translation_key in arabic), None) or english.first()
    if page is None:
        continue
    en_url = page.get_url()
    translated = arabic.get(page.translation_key)
    ar_url = translated.get_url() if translated else "/ar/" + en_url.split("/", 2)[2]
    found[key] = {"en": en_url, "ar": ar_url}
print(json.dumps(found))
"""


def find_pages(checkout):
    script = FIND_PAGES % {"types": PAGE_TYPES}
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=checkout,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pages = json.loads(output.strip().splitlines()[-1])
    for language in LANGUAGES:
        pages.setdefault("search-results", {})[language] = (
            f"/{language}/search/?q={SEARCHES[language]}"
        )
    return pages


def store(png, scale, path):
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    size = (round(image.width * scale), round(image.height * scale))
    image.resize(size, Image.LANCZOS).save(
        path, "JPEG", quality=QUALITY, optimize=True, progressive=True
    )


def take(base_url, pages, out):
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    taken = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=["--no-sandbox"]
        )
        for name, (width, height) in VIEWPORTS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            tab = context.new_page()
            for key, by_language in pages.items():
                for language in LANGUAGES:
                    tab.goto(base_url + by_language[language], wait_until="load")
                    path = out / f"{key}_{language}_{name}.jpg"
                    store(tab.screenshot(full_page=True, type="png"), STORED_SCALE[name], path)
                    taken.append((path.name, by_language[language]))
            context.close()
        browser.close()
    return taken


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--checkout", type=Path, default=Path.cwd())
    args = parser.parse_args()
    pages = find_pages(args.checkout)
    missing = [key for key, _label in PAGE_TYPES if key not in pages]
    for name, url in take(args.base_url.rstrip("/"), pages, args.out):
        print(f"{name}\t{url}")
    if missing:
        print("Page types this checkout does not have:", ", ".join(missing))
    total = sum(path.stat().st_size for path in args.out.glob("*.jpg"))
    print(f"{total / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
