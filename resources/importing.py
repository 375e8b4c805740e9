"""Bulk import of resources from the JSON format of resources.records.

The format and its keys are described in resources.records, the checks in
resources.import_checks; the export is resources.exporting.

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

Files are stored once: a file already in the portal (same content) is reused rather than
uploaded twice.
"""

from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from core.models import PortalDocument

from .import_checks import RecordChecker
from .models import ResourcePage, ResourcePageFile
from .records import TERM_FIELDS, ImportFileError, find_term, translation_key_for

__all__ = ["ImportFileError", "ResourceImporter"]


class ResourceImporter:
    """Checks an import file (`check()`), then writes a file without errors (`write()`)."""

    def __init__(self, path, *, create_terms=False, publish=False, user=None, collection=None):
        self.path = Path(path)
        self.create_terms = create_terms
        self.publish = publish
        self.user = user
        self.collection = collection or Collection.get_first_root_node()

    def check(self):
        """One Plan per record (resources.import_checks); nothing is written."""
        checker = RecordChecker(self.path, create_terms=self.create_terms, publish=self.publish)
        return checker.check()

    # Writing: only after a check without errors, all in one transaction.

    def write(self, plans):
        assert not any(plan.errors for plan in plans), "write() needs a file without errors"
        stored = []
        self._images = {}
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

    def _image(self, entry, stored):
        """The listing image: the portal's copy of the same file, or a new image of it."""
        image = entry.image or self._images.get(entry.sha1)
        if image is None:
            image = get_image_model()(
                title=entry.title[:255],
                collection=self.collection,
                uploaded_by_user=self.user,
            )
            with open(entry.path, "rb") as handle:
                image.file.save(entry.path.name, File(handle), save=False)
            stored.append(image.file)
            image._set_image_file_metadata()
            image.save()
        self._images[entry.sha1] = image  # several records may share one image
        return image

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
        if "listing_image" in state:
            page.listing_image = plan.image and self._image(plan.image, stored)
        if "owner" in state:
            page.content_owner = plan.owner
        if "review_by" in state:
            page.review_by = plan.review_by
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
