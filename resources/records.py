"""The JSON format of resources for import and export (see docs/examples/resources.json).

**One record per page.** Each record is one resource in one language. Records sharing a
`key` are the language versions of one resource: the key becomes the pages' Wagtail
translation key (a UUID key is used as it is; any other text is turned into a UUID the same
way every time), so a re-import finds the same pages and updates them instead of adding new
ones, and an export writes the UUIDs, which import back to the same pages.

Taxonomy values are slugs (or names, which are turned into slugs); like the pages that
wagtail-localize translates, imported pages point at the default-language term. Content
areas are named by the slug of the area in the default language. Files are paths relative to
the JSON file.

`page_state` is what an export writes for a page and what an import compares a record with;
resources.import_checks reads and checks records, resources.importing writes them,
resources.exporting writes the file.
"""

import hashlib
import json
import uuid
from pathlib import Path

from django.utils.text import slugify
from wagtail.models import Locale

from taxonomy.models import Audience, Organisation, Region, ResourceType, Topic

FORMAT_VERSION = 1
TABULAR_SUFFIXES = (".csv", ".xlsx")
# A spreadsheet row's problems found while reading its cells, checked with the row's others.
CELL_ERRORS = "__cell_errors__"

# Keys that are not UUIDs are turned into translation keys in this namespace (uuid5), so a
# partner database can compute the UUID of its own records too.
KEY_NAMESPACE = uuid.UUID("0d5c1c9e-2b7a-5a43-9a6e-6c1f4e0b7d21")

# field in the file -> (page attribute, taxonomy model, several values?)
TERM_FIELDS = {
    "resource_type": ("resource_type", ResourceType, False),
    "organisation": ("organisation", Organisation, False),
    "topics": ("topics", Topic, True),
    "regions": ("regions", Region, True),
    "audiences": ("audiences", Audience, True),
}
TEXT_FIELDS = {"title": 255, "slug": 255, "summary": 600, "external_url": 500, "citation": None}
# Fields that keep the page's value when a record leaves them out (an older file, a spreadsheet
# without the column); present but empty, they empty it.
KEEP_IF_ABSENT = ("listing_image", "owner", "review_by")
FIELDS = (
    {"key", "locale", "body", "year", "content_areas", "files"}
    | set(TERM_FIELDS)
    | set(TEXT_FIELDS)
    | set(KEEP_IF_ABSENT)
)
FILE_FIELDS = {"path", "language", "title", "label"}


class ImportFileError(Exception):
    """The file as a whole cannot be read (not JSON, wrong layout, wrong version)."""


def translation_key_for(key):
    try:
        return uuid.UUID(str(key))
    except ValueError:
        return uuid.uuid5(KEY_NAMESPACE, str(key))


def sha1_of(path):
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha1").hexdigest()


def term_slug(value):
    return slugify(str(value), allow_unicode=True)[:100]


def body_blocks(value):
    """A body as stream blocks without ids: an HTML string is one paragraph."""
    if isinstance(value, str):
        return [{"type": "paragraph", "value": value}] if value.strip() else []
    return [{"type": block["type"], "value": block["value"]} for block in value]


def page_state(page):
    """What an export writes for a page (files as document/label pairs), and what a record
    is compared with to decide whether the page needs a new revision."""

    def slug_of(term):
        return term.slug if term else None

    return {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": body_blocks(list(page.body.raw_data)),
        "resource_type": slug_of(page.resource_type),
        "topics": sorted(t.slug for t in page.topics.all()),
        "regions": sorted(r.slug for r in page.regions.all()),
        "audiences": sorted(a.slug for a in page.audiences.all()),
        "organisation": slug_of(page.organisation),
        "year": page.year,
        "external_url": page.external_url,
        "citation": page.citation,
        "content_areas": sorted(a.slug for a in page.related_areas.all()),
        "files": [(f.document, f.label) for f in page.files.all() if f.document_id],
        "listing_image": page.listing_image,
        "owner": page.content_owner.get_username() if page.content_owner else None,
        "review_by": page.review_by.isoformat() if page.review_by else None,
    }


def comparable(state):
    """A page state with documents and images reduced to what identifies and describes them."""
    image = state.get("listing_image")
    return {
        **state,
        "files": [
            (doc.get_file_hash(), doc.language, doc.title, label) for doc, label in state["files"]
        ],
        "listing_image": image.get_file_hash() if image else None,
    }


def latest_version(page):
    """The page as editors last saved it (their newest draft if there is one)."""
    page = page.specific
    return page.get_latest_revision_as_object() if page.latest_revision_id else page


def read_records(path):
    """The records of an import file and the number of its first record's row.

    JSON records are numbered from 1; a spreadsheet's (CSV, XLSX) by their row in it, the
    headings being row 1 (resources.tabular).
    """
    if Path(path).suffix.lower() in TABULAR_SUFFIXES:
        from .tabular import read_rows

        return read_rows(path), 2
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportFileError(f"cannot read {path}: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("resources"), list):
        raise ImportFileError('expected a JSON object with a "resources" list')
    if data.get("version", FORMAT_VERSION) != FORMAT_VERSION:
        raise ImportFileError(
            f"unsupported format version {data.get('version')!r}; "
            f"this portal reads version {FORMAT_VERSION}"
        )
    return data["resources"], 1


def find_term(model, slug, locale):
    """The term with this slug, preferring the default language's (as translated pages do)."""
    terms = {term.locale_id: term for term in model.objects.filter(slug=slug)}
    default = Locale.get_default()
    return (
        terms.get(default.pk)
        or terms.get(locale.pk if locale else None)
        or next(iter(terms.values()), None)
    )
