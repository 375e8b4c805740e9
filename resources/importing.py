"""Bulk import and export of resources, in one JSON format (see docs/examples/resources.json).

**One record per page.** Each record is one resource in one language. Records sharing a
`key` are the language versions of one resource: the key becomes the pages' Wagtail
translation key (a UUID key is used as it is; any other text is turned into a UUID the same
way every time), so a re-import finds the same pages and updates them instead of adding new
ones, and an export writes the UUIDs, which import back to the same pages.

**Translations are independent pages, not wagtail-localize translations.** Every record
carries its own text, written by people, and wagtail-localize's "sync" would overwrite such
text with the source's segments. So each language version is created in its own locale's
resource library with the shared translation key: Wagtail treats them as translations of one
another (language switcher, `translation_of` in the API) and wagtail-localize leaves them
alone. That also keeps this import clear of wagtail-localize's outer-transaction bug (#773).

**All or nothing.** Every record is checked first (unknown locale, type or term, missing title,
unreadable file, duplicate key...) without writing anything; only a file without a single
error is then written, in one transaction. `--dry-run` stops after the check and reports what
would happen to each record.

**The file is the truth.** A field missing from a record is empty after the import, and a
record whose content equals the page's latest revision is left alone: no new revision, so a
second import of the same file changes nothing.

Taxonomy values are slugs (or names, which are turned into slugs); like the pages that
wagtail-localize translates, imported pages point at the default-language term. Content
areas are named by the slug of the area in the default language. Files are read from paths
relative to the import file, and stored once: a file already in the portal (same content) is
reused rather than uploaded twice.
"""

import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Collection, Locale, Page

from content_areas.models import ContentAreaPage
from core.models import PortalDocument, language_choices
from core.validators import file_extension, validate_document_content
from taxonomy.models import Audience, Organisation, Region, ResourceType, Topic

from .models import ResourceLibraryPage, ResourcePage, ResourcePageFile

FORMAT_VERSION = 1

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
FIELDS = (
    {"key", "locale", "body", "year", "content_areas", "files"}
    | set(TERM_FIELDS)
    | set(TEXT_FIELDS)
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
    }


def comparable(state):
    """A page state with documents reduced to what identifies and describes them."""
    return {
        **state,
        "files": [
            (doc.get_file_hash(), doc.language, doc.title, label) for doc, label in state["files"]
        ],
    }


def latest_version(page):
    """The page as editors last saved it (their newest draft if there is one)."""
    page = page.specific
    return page.get_latest_revision_as_object() if page.latest_revision_id else page


# --- Reading and checking ----------------------------------------------------------------


@dataclass
class FileEntry:
    path: Path
    sha1: str
    language: str
    title: str
    label: str
    document: PortalDocument | None = None


@dataclass
class Plan:
    """One record, checked: its errors, or everything needed to write it."""

    number: int
    record: dict
    errors: list = field(default_factory=list)
    key: str = ""
    locale: Locale | None = None
    action: str = ""  # create, update, publish or unchanged
    page: ResourcePage | None = None  # the latest version of an existing page
    parent: ResourceLibraryPage | None = None
    state: dict = field(default_factory=dict)  # the record as a comparable page state
    terms: dict = field(default_factory=dict)  # file field -> [(model, slug, name)]
    areas: list = field(default_factory=list)
    files: list = field(default_factory=list)

    @property
    def title(self):
        return self.record.get("title", "") if isinstance(self.record, dict) else ""


def read_records(path):
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
    return data["resources"]


def find_term(model, slug, locale):
    """The term with this slug, preferring the default language's (as translated pages do)."""
    terms = {term.locale_id: term for term in model.objects.filter(slug=slug)}
    default = Locale.get_default()
    return (
        terms.get(default.pk)
        or terms.get(locale.pk if locale else None)
        or next(iter(terms.values()), None)
    )


class ResourceImporter:
    def __init__(self, path, *, create_terms=False, publish=False, user=None, collection=None):
        self.path = Path(path)
        self.create_terms = create_terms
        self.publish = publish
        self.user = user
        self.collection = collection or Collection.get_first_root_node()

    # Checking never writes to the database; it only reads, so --dry-run is safe.

    def check(self):
        records = read_records(self.path)
        plans = [self._check(number, record) for number, record in enumerate(records, start=1)]
        self._check_across(plans)
        return plans

    def _check(self, number, record):
        plan = Plan(number=number, record=record)
        if not isinstance(record, dict):
            plan.errors.append("not a JSON object")
            return plan
        unknown = sorted(set(record) - FIELDS)
        if unknown:
            plan.errors.append(f"unknown field(s): {', '.join(unknown)}")
        plan.key = str(record.get("key") or "").strip()
        if not plan.key:
            plan.errors.append("missing key")
        self._check_locale(plan)
        state = self._check_text(plan)
        state["body"] = self._check_body(plan)
        state["year"] = self._check_year(plan)
        for name, (_attr, model, many) in TERM_FIELDS.items():
            state[name] = self._check_terms(plan, name, model, many)
        state["content_areas"] = self._check_areas(plan)
        plan.files = self._check_files(plan)
        state["files"] = [(e.sha1, e.language, e.title, e.label) for e in plan.files]
        if not plan.files and not state["external_url"]:
            plan.errors.append("no file and no external_url: visitors could not reach it")
        plan.state = state
        if not plan.errors:
            self._find_page(plan)
        return plan

    def _check_locale(self, plan):
        code = str(plan.record.get("locale") or "")
        plan.locale = Locale.objects.filter(language_code=code).first()
        if plan.locale is None:
            plan.errors.append(f"unknown locale {code!r}")
            return
        plan.parent = ResourceLibraryPage.objects.filter(locale=plan.locale).first()
        if plan.parent is None:
            plan.errors.append(f"there is no resource library in locale {code!r}")

    def _check_text(self, plan):
        state = {}
        for name, max_length in TEXT_FIELDS.items():
            value = plan.record.get(name) or ""
            if not isinstance(value, str):
                plan.errors.append(f"{name} must be text")
                value = ""
            value = value.strip()
            if max_length and len(value) > max_length:
                plan.errors.append(f"{name} is longer than {max_length} characters")
            state[name] = value
        if not state["title"]:
            plan.errors.append("missing title")
        if state["external_url"]:
            try:
                URLValidator()(state["external_url"])
            except ValidationError:
                plan.errors.append(f"external_url is not a web address: {state['external_url']!r}")
        if state["slug"] and state["slug"] != slugify(state["slug"], allow_unicode=True):
            plan.errors.append(f"slug {state['slug']!r} may only contain letters, digits and -")
        if not state["slug"]:
            del state["slug"]  # keep the page's own slug (a new page gets one from its title)
        return state

    def _check_body(self, plan):
        value = plan.record.get("body") or []
        if not isinstance(value, (str, list)) or (
            isinstance(value, list)
            and not all(isinstance(b, dict) and {"type", "value"} <= set(b) for b in value)
        ):
            plan.errors.append('body must be HTML text or a list of {"type", "value"} blocks')
            return []
        blocks = body_blocks(value)
        stream_block = ResourcePage._meta.get_field("body").stream_block
        unknown = sorted({b["type"] for b in blocks} - set(stream_block.child_blocks))
        if unknown:
            plan.errors.append(f"body has unknown block type(s): {', '.join(unknown)}")
            return []
        try:
            stream_block.clean(stream_block.to_python(blocks))
        except ValidationError as error:
            plan.errors.append(f"body is not valid: {'; '.join(error.messages)}")
        return blocks

    def _check_year(self, plan):
        year = plan.record.get("year")
        if year in (None, ""):
            return None
        if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2100:
            plan.errors.append(f"year must be a number between 1900 and 2100, not {year!r}")
            return None
        return year

    def _check_terms(self, plan, name, model, many):
        value = plan.record.get(name)
        if value in (None, "", []):
            return [] if many else None
        if many != isinstance(value, list) or (many and not all(isinstance(v, str) for v in value)):
            plan.errors.append(f"{name} must be {'a list of slugs' if many else 'one slug'}")
            return [] if many else None
        found = []
        for item in value if many else [value]:
            slug = term_slug(item)
            if not slug:
                plan.errors.append(f"{name}: {item!r} is not a usable slug")
                continue
            if find_term(model, slug, plan.locale) is None and not self.create_terms:
                kind = model._meta.verbose_name
                plan.errors.append(
                    f"unknown {kind} {item!r} (add it in the admin, or import with --create-terms)"
                )
                continue
            found.append((model, slug, item))
        plan.terms[name] = found
        slugs = sorted({slug for _model, slug, _name in found})
        return slugs if many else (slugs[0] if slugs else None)

    def _check_areas(self, plan):
        value = plan.record.get("content_areas") or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            plan.errors.append("content_areas must be a list of slugs")
            return []
        default = Locale.get_default()
        for slug in value:
            areas = list(ContentAreaPage.objects.filter(locale=default, slug=slug)[:2])
            if len(areas) != 1:
                problem = "unknown" if not areas else "ambiguous"
                plan.errors.append(
                    f"{problem} content area {slug!r} (use the slug of the "
                    f"area in the default language)"
                )
            else:
                plan.areas.append(areas[0])
        return sorted({area.slug for area in plan.areas})

    def _check_files(self, plan):
        value = plan.record.get("files") or []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            plan.errors.append('files must be a list of {"path", "language"} objects')
            return []
        languages = {code for code, _name in language_choices()}
        entries = []
        for item in value:
            unknown = sorted(set(item) - FILE_FIELDS)
            if unknown:
                plan.errors.append(f"unknown file field(s): {', '.join(unknown)}")
            name = str(item.get("path") or "")
            if item.get("language") not in languages:
                plan.errors.append(
                    f"file {name!r}: language must be one of {', '.join(sorted(languages))}"
                )
            problem = self._file_problem(name)
            if problem:
                plan.errors.append(f"file {name!r}: {problem}")
                continue
            path = self.path.parent / name
            entries.append(
                FileEntry(
                    path=path,
                    sha1=sha1_of(path),
                    language=item.get("language") or "",
                    title=str(item.get("title") or "").strip()
                    or plan.record.get("title", "")
                    or path.name,
                    label=str(item.get("label") or "").strip(),
                )
            )
        return entries

    def _file_problem(self, name):
        """Why a file cannot be imported, with the checks an upload in the admin gets."""
        if not name:
            return "missing path"
        path = self.path.parent / name
        if not path.is_file():
            return "not found"
        extension = file_extension(path.name)
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            return f"extension .{extension} is not allowed for documents"
        try:
            if path.stat().st_size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
                return "larger than the upload limit"
            with open(path, "rb") as handle:
                validate_document_content(File(handle, name=path.name))
        except OSError as error:
            return f"cannot be read ({error.strerror or error})"
        except ValidationError as error:
            return " ".join(error.messages)
        return ""

    def _check_across(self, plans):
        """Problems that only show between records: duplicates and conflicting files."""
        seen, slugs, files = {}, {}, {}
        for plan in plans:
            if plan.locale and plan.key:
                first = seen.setdefault((plan.key, plan.locale.pk), plan.number)
                if first != plan.number:
                    plan.errors.append(
                        f"duplicate key {plan.key!r} for locale "
                        f"{plan.locale.language_code!r} (also row {first})"
                    )
            if plan.locale and plan.state.get("slug"):
                first = slugs.setdefault((plan.state["slug"], plan.locale.pk), plan.number)
                if first != plan.number:
                    plan.errors.append(f"slug {plan.state['slug']!r} is also used by row {first}")
            for entry in plan.files:
                described = (entry.language, entry.title)
                first = files.setdefault(entry.sha1, (described, plan.number))
                if first[0] != described:
                    plan.errors.append(
                        f"file {entry.path.name!r} is the same file as in row "
                        f"{first[1]} but with another language or title"
                    )

    def _find_page(self, plan):
        key = translation_key_for(plan.key)
        existing = Page.objects.filter(translation_key=key, locale=plan.locale).first()
        if existing is not None and existing.specific_class is not ResourcePage:
            plan.errors.append(f"key {plan.key!r} belongs to a page that is not a resource")
            return
        if existing is not None and existing.alias_of_id:
            plan.errors.append(
                f"the {plan.locale.language_code!r} page of key {plan.key!r} is "
                f"an alias; convert it to an ordinary page in the admin first"
            )
            return
        slug = plan.state.get("slug")
        if (
            slug
            and plan.parent.get_children()
            .filter(slug=slug)
            .exclude(pk=existing.pk if existing else None)
            .exists()
        ):
            plan.errors.append(f"slug {slug!r} is already used in the resource library")
        for entry in plan.files:
            entry.document = self._existing_document(entry, existing)
        if existing is None:
            plan.action = "create"
            return
        plan.page = latest_version(existing)
        current = comparable(page_state(plan.page))
        if "slug" not in plan.state:
            current.pop("slug")
        if current != plan.state:
            plan.action = "update"
        elif self.publish and (not existing.live or existing.has_unpublished_changes):
            plan.action = "publish"
        else:
            plan.action = "unchanged"

    @staticmethod
    def _existing_document(entry, page):
        """A document with the same content, preferring one the page already links."""
        documents = PortalDocument.objects.filter(file_hash=entry.sha1).order_by("pk")
        if page is not None:
            linked = documents.filter(pk__in=page.specific.files.values("document_id")).first()
            if linked:
                return linked
        return documents.first()

    # Writing: only after a check without errors, all in one transaction.

    def write(self, plans):
        assert not any(plan.errors for plan in plans), "write() needs a file without errors"
        stored = []
        try:
            with transaction.atomic():
                terms = self._terms(plans)
                documents = {}
                for plan in plans:
                    self._write(plan, terms, documents, stored)
        except BaseException:
            # The rows are rolled back; files already copied into storage must go too.
            for document_file in stored:
                document_file.storage.delete(document_file.name)
            raise

    def _terms(self, plans):
        """Every term the file names, created in the default language when missing."""
        terms = {}
        default = Locale.get_default()
        for plan in plans:
            for found in plan.terms.values():
                for model, slug, name in found:
                    if (model, slug) in terms:
                        continue
                    term = find_term(model, slug, plan.locale)
                    if term is None:
                        label = name.replace("-", " ").capitalize() if name == slug else name
                        term = model.objects.create(name=label, slug=slug, locale=default)
                    terms[model, slug] = term
        return terms

    def _document(self, entry, documents, stored):
        document = documents.get(entry.sha1) or entry.document
        if document is None:
            document = PortalDocument(
                title=entry.title,
                language=entry.language,
                collection=self.collection,
                uploaded_by_user=self.user,
            )
            with open(entry.path, "rb") as handle:
                document.file.save(entry.path.name, File(handle), save=False)
            stored.append(document.file)
            document._set_document_file_metadata()
            document.save()
        elif (document.title, document.language) != (entry.title, entry.language):
            document.title, document.language = entry.title, entry.language
            document.save(update_fields=["title", "language"])
        documents[entry.sha1] = document
        return document

    def _write(self, plan, terms, documents, stored):
        if plan.action == "unchanged":
            return
        if plan.action == "publish":
            page = plan.page
            revision = page.get_latest_revision() or page.save_revision(user=self.user)
            revision.publish(user=self.user)
            return
        page = plan.page or ResourcePage(
            locale=plan.locale,
            translation_key=translation_key_for(plan.key),
            live=False,
            owner=self.user,
        )
        state = plan.state
        page.title = page.draft_title = state["title"]
        for name in ("summary", "body", "year", "external_url", "citation"):
            setattr(page, name, state[name])
        for name, (attribute, model, many) in TERM_FIELDS.items():
            chosen = [terms[model, slug] for model, slug, _name in plan.terms.get(name, [])]
            if many:
                getattr(page, attribute).set(chosen)
            else:
                setattr(page, attribute, chosen[0] if chosen else None)
        page.related_areas.set(plan.areas)
        page.files.set(
            [
                ResourcePageFile(
                    document=self._document(entry, documents, stored),
                    label=entry.label,
                    sort_order=position,
                )
                for position, entry in enumerate(plan.files)
            ]
        )
        if plan.page is None:
            page.slug = find_available_slug(
                plan.parent, state.get("slug") or slugify(state["title"], allow_unicode=True)
            )
            plan.parent.add_child(instance=page)
        elif "slug" in state:
            page.slug = state["slug"]
        revision = page.save_revision(user=self.user, log_action=True)
        if self.publish:
            revision.publish(user=self.user)
        plan.page = page


# --- Export ------------------------------------------------------------------------------


def export_resources(output, files_dir=None):
    """Write every resource (its latest version) in the import format; returns the count.

    Alias pages are left out: they have no content of their own.

    Files are copied beside the output, under `<output name>_files/` unless told otherwise,
    in a folder named after their content, so exporting twice writes the same paths.
    """
    output = Path(output)
    files_dir = Path(files_dir) if files_dir else output.with_name(f"{output.stem}_files")
    order = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
    pages = sorted(
        ResourcePage.objects.filter(alias_of__isnull=True).select_related("locale"),
        key=lambda p: (str(p.translation_key), order.get(p.locale.language_code, len(order))),
    )
    records = []
    for page in pages:
        state = page_state(latest_version(page))
        state["files"] = [
            _exported_file(document, label, output.parent, files_dir)
            for document, label in state["files"]
        ]
        records.append(
            {"key": str(page.translation_key), "locale": page.locale.language_code, **state}
        )
    text = json.dumps(
        {"version": FORMAT_VERSION, "resources": records}, ensure_ascii=False, indent=2
    )
    output.write_text(text + "\n", encoding="utf-8")
    return len(records)


def _exported_file(document, label, base, files_dir):
    # Named after the content and the title, not the stored name: storage renames clashing
    # files (guide_x7Ab2cQ.pdf), and the export must not change when the files do not.
    name = slugify(document.title)[:80] or "document"
    folder = files_dir / document.get_file_hash()[:16]
    target = folder / f"{name}.{file_extension(document.file.name)}"
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        with document.open_file() as source, open(target, "wb") as copy:
            shutil.copyfileobj(source, copy)
    entry = {
        "path": str(PurePosixPath(*Path(os.path.relpath(target, base)).parts)),
        "language": document.language,
        "title": document.title,
    }
    if label:
        entry["label"] = label
    return entry
