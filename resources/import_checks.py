"""Checking an import file, record by record, without writing anything (so --dry-run is safe).

Each record becomes a `Plan`: its errors, or everything resources.importing needs to write it
(the page to update or the library to create it in, the terms, areas and files, and whether
anything changed). Records are checked with the same rules an editor's form applies, and
files with the checks an upload in the admin gets; problems that only show between records
(duplicate keys, one file described two ways) are checked across the whole file.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from core.models import PortalDocument, language_choices
from core.validators import file_extension, validate_document_content

from .models import ResourceLibraryPage, ResourcePage
from .records import (
    CELL_ERRORS,
    FIELDS,
    FILE_FIELDS,
    KEEP_IF_ABSENT,
    TERM_FIELDS,
    TEXT_FIELDS,
    body_blocks,
    comparable,
    find_term,
    latest_version,
    page_state,
    read_records,
    sha1_of,
    term_slug,
    translation_key_for,
)


@dataclass
class FileEntry:
    path: Path
    sha1: str
    language: str
    title: str
    label: str
    document: PortalDocument | None = None


@dataclass
class ImageEntry:
    path: Path
    sha1: str
    title: str
    image: object = None  # an image with the same content already in the portal


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
    image: "ImageEntry | None" = None
    owner: object = None
    review_by: datetime.date | None = None

    @property
    def title(self):
        return self.record.get("title", "") if isinstance(self.record, dict) else ""


class RecordChecker:
    """Reads an import file and checks each record; `check()` returns one Plan per record."""

    def __init__(self, path, *, create_terms=False, publish=False):
        self.path = Path(path)
        self.create_terms = create_terms
        self.publish = publish

    def check(self):
        records, first = read_records(self.path)
        plans = [
            self._check(number, record)
            for number, record in enumerate(records, start=first)
            if record is not None  # a spreadsheet's empty row
        ]
        self._check_across(plans)
        return plans

    def _check(self, number, record):
        plan = Plan(number=number, record=record)
        if not isinstance(record, dict):
            plan.errors.append("not a JSON object")
            return plan
        plan.errors.extend(record.pop(CELL_ERRORS, []))
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
        state.update(self._check_editorial(plan))
        plan.state = state
        if not plan.errors:
            self._find_page(plan)
        return plan

    def _check_editorial(self, plan):
        """Listing image, content owner and review date, each only if the record names it."""
        state = {}
        if "listing_image" in plan.record:
            plan.image = self._check_image(plan, plan.record["listing_image"])
            state["listing_image"] = plan.image.sha1 if plan.image else None
        if "owner" in plan.record:
            plan.owner = self._check_owner(plan, plan.record["owner"])
            state["owner"] = plan.owner.get_username() if plan.owner else None
        if "review_by" in plan.record:
            plan.review_by = self._check_date(plan, plan.record["review_by"])
            state["review_by"] = plan.review_by.isoformat() if plan.review_by else None
        return state

    def _check_image(self, plan, value):
        if value in (None, ""):
            return None
        if not isinstance(value, str):
            plan.errors.append("listing_image must be the path of an image file")
            return None
        problem = self._image_problem(value)
        if problem:
            plan.errors.append(f"listing_image {value!r}: {problem}")
            return None
        path = self.path.parent / value
        sha1 = sha1_of(path)
        existing = get_image_model().objects.filter(file_hash=sha1).order_by("pk").first()
        return ImageEntry(path=path, sha1=sha1, title=plan.title or path.stem, image=existing)

    def _image_problem(self, name):
        """Why an image cannot be imported, with the checks an upload in the admin gets."""
        path = self.path.parent / name
        if not path.is_file():
            return "not found"
        extension = file_extension(path.name)
        if extension not in settings.WAGTAILIMAGES_EXTENSIONS:
            return f"extension .{extension} is not allowed for images"
        try:
            if path.stat().st_size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
                return "larger than the upload limit"
            with PILImage.open(path) as picture:
                picture.verify()
        except OSError as error:
            return f"not a readable image ({error.strerror or error})"
        return ""

    def _check_owner(self, plan, value):
        if value in (None, ""):
            return None
        user = (
            get_user_model()
            .objects.filter(**{get_user_model().USERNAME_FIELD: str(value).strip()})
            .filter(is_active=True)
            .first()
        )
        if user is None:
            plan.errors.append(f"owner {value!r} is not the username of an active user")
        return user

    def _check_date(self, plan, value):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value).strip())
        except ValueError:
            plan.errors.append(f"review_by must be a date written YYYY-MM-DD, not {value!r}")
            return None

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
        # The content area page type, read from the relation rather than imported: content
        # areas list resources, so resources do not import content_areas.
        area_model = ResourcePage._meta.get_field("related_areas").related_model
        for slug in value:
            areas = list(area_model.objects.filter(locale=default, slug=slug)[:2])
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
        for name in ("slug", *KEEP_IF_ABSENT):
            if name not in plan.state:
                current.pop(name)
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
