"""Turn the data in `content` into locales, users, terms, files and a published page tree.

Every step looks for what it would create and skips what is already there (terms by slug,
people by name, files by title, pages by slug under their parent, translations by locale),
so a second run creates nothing. Pages are added with `add_child` and published through a
revision, as an editor would.
"""

import datetime
import uuid
from collections import Counter

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from core.models import Person

from . import files, illustrations, users
from .content import media, site, taxonomy
from .content.people import PEOPLE
from .text import in_language, plain_paragraphs, rich
from .translate import has_translation, slug_outdated, translate, tree_problems

Image = get_image_model()
Document = get_document_model()

WELCOME_TITLE = "Welcome to your new Wagtail site"
SECTION_DEPTH = 3  # the home page is at depth 2 and its sections at 3; content sits below
DEFAULT_REVIEW_AGE = 90  # days since the last review, for content pages whose spec names none
REVIEW_INTERVAL = datetime.timedelta(days=365)
RICH_BLOCKS = {"paragraph", "text", "lesson"}
NOT_FIELDS = {"type", "children", "translate"}  # page-spec keys that are not model fields
# Page fields filled in a second pass, once the pages they point at exist.
LINK_FIELDS = {"featured_areas", "featured_items", "featured_case_study", "featured_module"}
FILE_LABELS = {
    "en": "Read in English (PDF)",
    "fr": "Lire en français (PDF)",
    "es": "Leer en español (PDF)",
}
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español"}


def translated_languages(text):
    """The languages a snippet is translated into: those its name (or role) has."""
    return [code for code in getattr(text, "translations", {}) if code != "en"]


class Loader:
    def __init__(self, log):
        self.log = log
        self.created = Counter()
        self.untranslated = Counter()
        self.images = {}
        self.documents = {}

    # Entry point -------------------------------------------------------------------------

    def run(self):
        if not files.can_make_pdfs():
            self.log(files.MISSING_PDF_MESSAGE)
        self.locales = self.ensure_locales()
        self.en = self.locales[settings.LANGUAGE_CODE]
        self.ensure_accounts()
        self.ensure_terms()
        self.ensure_images()
        self.ensure_people()
        home = self.ensure_home()
        for spec in site.HOME["children"]:
            self.build(home, spec)
        self.link(home, site.HOME)
        self.translate_snippets()
        self.translate_pages(site.HOME)
        problems = tree_problems()
        if problems:
            self.log(f"Page tree problems found on pages {problems}; repairing with fix_tree().")
            Page.fix_tree()
            problems = tree_problems()
        return problems

    # Locales, accounts, terms, files ---------------------------------------------------

    def ensure_locales(self):
        locales = {}
        for code, _name in settings.LANGUAGES:
            locales[code], created = Locale.objects.get_or_create(language_code=code)
            self.created["locale"] += created
        return locales

    def ensure_accounts(self):
        self.created["group"] += users.ensure_groups()
        self.users, created = users.ensure_users()
        self.created["user"] += created
        self.author = self.users["admin"]
        self.translator = self.users["translator"]

    def ensure_terms(self):
        for model_label, specs in taxonomy.TERMS:
            model = apps.get_model(model_label)
            for spec in specs:
                if model.objects.filter(locale=self.en, slug=spec["slug"]).exists():
                    continue
                term = model(locale=self.en)
                self.assign(term, spec)  # names carry their translations; see translate_snippets
                term.save()
                self.created[str(model._meta.verbose_name)] += 1

    def ensure_images(self):
        collection = Collection.get_first_root_node()
        for key, spec in media.IMAGES.items():
            image = Image.objects.filter(title=spec["title"]).first()
            if image is None:
                data = files.listing_image_bytes(spec["palette"], spec["pattern"], seed=key)
                image = Image(
                    title=spec["title"],
                    description=spec["description"],
                    credit=media.IMAGE_CREDIT,
                    collection=collection,
                )
                image.file = ImageFile(ContentFile(data), name=f"{key}.png")
                image.save()
                self.created["image"] += 1
            self.images[key] = image

    def page_illustration(self, spec):
        """The key of the page's own illustration (see demo.illustrations), drawn once."""
        slug = str(spec["slug"])
        key = f"page/{slug}"
        base = media.IMAGES[spec["listing_image"]]
        motif = media.motif_for(spec)
        title = f"Illustration: {spec['title']}"[:255]
        image = Image.objects.filter(title=title).first()
        if image is None:
            data = illustrations.illustration_bytes(base["palette"], base["pattern"], motif, slug)
            image = Image(
                title=title,
                description=f"{illustrations.MOTIFS[motif]}, on {base['description'][0].lower()}"
                f"{base['description'][1:]}",
                credit=media.ILLUSTRATION_CREDIT,
                collection=Collection.get_first_root_node(),
            )
            image.file = ImageFile(ContentFile(data), name=f"illustration-{slug}.png")
            image.save()
            self.created["image"] += 1
        self.images[key] = image
        return key

    def ensure_people(self):
        collection = Collection.get_first_root_node()
        for spec in PEOPLE:
            if Person.objects.filter(locale=self.en, name=spec["name"]).exists():
                continue
            initials = "".join(word[0] for word in spec["name"].split()[:2])
            photo = Image(
                title=f"Portrait badge: {spec['name']}",
                credit=media.IMAGE_CREDIT,
                description=f"Initials {initials} on a coloured circle",
                collection=collection,
            )
            photo.file = ImageFile(
                ContentFile(files.avatar_bytes(initials, spec["palette"])),
                name=f"person-{slugify(spec['name'])}.png",
            )
            photo.save()
            person = Person(
                locale=self.en,
                photo=photo,
                **{k: str(v) for k, v in spec.items() if k != "palette"},
            )
            person.save()
            self.created["image"] += 1
            self.created["person"] += 1

    def ensure_documents(self, spec):
        """The PDFs of one resource, one per language listed in its `files`."""
        collection = Collection.get_first_root_node()
        organisation = self.ref(apps.get_model("taxonomy.Organisation"), spec["organisation"])
        links = []
        for language in spec.get("files", []):
            key = f"{spec['slug']}/{language}"
            title = in_language(spec["title"], language)
            assert title, f"{key}: the title has no {language} translation for its PDF"
            document = Document.objects.filter(title=title).first()
            if document is None:
                extension, data = self.resource_document(spec, language, organisation)
                document = Document(title=title, language=language, collection=collection)
                document.file = ContentFile(data, name=f"{spec['slug']}-{language}.{extension}")
                document.save()
                self.created["document"] += 1
            self.documents[key] = document
            links.append({"document": key, "label": FILE_LABELS[language]})
        return links

    def resource_document(self, spec, language, organisation):
        def say(text):
            return in_language(text, language) or ""

        sections, heading = [], None
        for block_type, value in spec.get("body", []):
            if block_type == "heading":
                heading = say(value)
            elif block_type == "paragraph":
                lines = [
                    line for line in plain_paragraphs(*[say(p) for p in value]) if line.strip("- ")
                ]
                if heading and lines:
                    sections.append((heading, lines))
                    heading = None
        meta = [
            f"{say(files.PDF_PUBLISHER)} {organisation.name}, {spec['year']}",
            LANGUAGE_NAMES[language],
        ]
        citation = spec.get("citation", "") if language == "en" else ""
        return files.resource_document(
            language, say(spec["title"]), meta, say(spec["summary"]), sections, citation
        )

    # Pages -------------------------------------------------------------------------------

    def ensure_home(self):
        """The English home page, made the default site's root; Wagtail's welcome page goes."""
        home_model = apps.get_model(site.HOME["type"])
        home = home_model.objects.filter(locale=self.en, depth=2).first()
        welcome = Page.objects.filter(
            depth=2,
            content_type=ContentType.objects.get_for_model(Page),
            title__startswith=WELCOME_TITLE,
        ).first()
        if welcome is not None:
            # Free the slug "home" for the real home page; the welcome page is deleted below.
            Page.objects.filter(pk=welcome.pk).update(slug=f"welcome-{welcome.pk}")
        if home is None:
            home = self.create_page(Page.get_first_root_node(), site.HOME)
        site_record = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        if site_record is None:
            Site.objects.create(
                hostname="localhost",
                root_page=home,
                is_default_site=True,
                site_name=settings.WAGTAIL_SITE_NAME,
            )
            self.created["site"] += 1
        elif site_record.root_page_id != home.pk:
            site_record.root_page = home
            site_record.site_name = site_record.site_name or settings.WAGTAIL_SITE_NAME
            site_record.save()
        if welcome is not None:
            welcome.delete()
        return home

    def build(self, parent, spec):
        # A resource's files are ensured even when its page exists: lessons link to them.
        file_links = self.ensure_documents(spec) if "files" in spec else None
        page = parent.get_children().filter(slug=spec["slug"]).first()
        page = page.specific if page else self.create_page(parent, spec, file_links)
        for child in spec.get("children", []):
            self.build(page, child)
        return page

    def create_page(self, parent, spec, file_links=None):
        model = apps.get_model(spec["type"])
        fields = {k: v for k, v in spec.items() if k not in NOT_FIELDS and k not in LINK_FIELDS}
        if file_links:
            fields["files"] = file_links
        reviewed_days_ago = fields.pop("reviewed_days_ago", None)
        page = model(owner=self.author, locale=self.en)
        if fields.get("listing_image"):
            fields["listing_image"] = self.page_illustration(spec)
        self.assign(page, fields)
        for name, value in self.editorial_fields(
            model, parent.depth + 1, reviewed_days_ago
        ).items():
            setattr(page, name, value)
        parent.add_child(instance=page)
        page.save_revision(user=self.author, log_action=True).publish(user=self.author)
        self.created[str(model._meta.verbose_name)] += 1
        return page

    def editorial_fields(self, model, depth, reviewed_days_ago):
        """Who answers for a page and when it was last reviewed, in the fields the model has.

        Content pages belong to the technical specialist and carry a review; the home page and
        section pages belong to the administrator. Pages keep the review either as
        editorial's `last_reviewed_at`/`last_reviewed_by`/`review_by` or as a plain
        `last_reviewed` date.
        """
        names = {field.name for field in model._meta.get_fields()}
        is_content = depth > SECTION_DEPTH
        values = {}
        if "content_owner" in names:
            values["content_owner"] = self.users["specialist" if is_content else "admin"]
        if reviewed_days_ago is None and is_content:
            reviewed_days_ago = DEFAULT_REVIEW_AGE
        if reviewed_days_ago is None:
            return values
        reviewed_on = timezone.localdate() - datetime.timedelta(days=reviewed_days_ago)
        if "last_reviewed_at" in names:
            values["last_reviewed_at"] = datetime.datetime.combine(
                reviewed_on, datetime.time(10), tzinfo=datetime.UTC
            )
            values["last_reviewed_by"] = self.users["reviewer"]
            values["review_by"] = reviewed_on + REVIEW_INTERVAL
        elif "last_reviewed" in names:
            values["last_reviewed"] = reviewed_on
        return values

    def link(self, page, spec):
        """Fill the page's still-empty link fields, then publish if anything changed."""
        links = {k: v for k, v in spec.items() if k in LINK_FIELDS}
        empty = {}
        for name, value in links.items():
            current = getattr(page, name)
            if current is None or (isinstance(current, models.Manager) and current.count() == 0):
                empty[name] = value
        if empty:
            self.assign(page, empty)
            page.save_revision(user=self.author, log_action=True).publish(user=self.author)
            self.created["revision adding featured links"] += 1
        for child in spec.get("children", []):
            self.link(self.find(page, child), child)

    def find(self, parent, spec):
        return parent.get_children().get(slug=spec["slug"]).specific

    # Translations ------------------------------------------------------------------------

    def translate_snippets(self):
        for model_label, specs in taxonomy.TERMS:
            model = apps.get_model(model_label)
            for spec in specs:
                term = model.objects.get(locale=self.en, slug=spec["slug"])
                self.translate_into(term, translated_languages(spec["name"]))
        for spec in PEOPLE:
            person = Person.objects.get(locale=self.en, name=spec["name"])
            self.translate_into(person, translated_languages(spec["role"]))

    def translate_pages(self, spec, page=None, parent_languages=None):
        page = page or apps.get_model(spec["type"]).objects.get(locale=self.en, depth=2)
        languages = spec.get("translate", ())
        if parent_languages is not None:
            missing = set(languages) - set(parent_languages)
            assert not missing, f"{spec['slug']}: parent is not translated into {missing}"
        self.translate_into(page, languages)
        for child in spec.get("children", []):
            self.translate_pages(child, self.find(page, child), languages)

    def translate_into(self, instance, languages):
        for code in languages:
            locale = self.locales.get(code)  # None when the language is not configured here
            if locale is None:
                continue
            if has_translation(instance, locale):
                if slug_outdated(instance, locale):
                    # A demo built before its pages had slugs in this language: translated
                    # again, the page moves to its slug; the old address redirects to it.
                    translate(instance, locale, user=self.translator)
                    self.created[f"slug ({code})"] += 1
                continue
            left = translate(instance, locale, user=self.translator)
            self.untranslated[code] += left
            self.created[f"translation ({code})"] += 1

    # Turning data into field values -----------------------------------------------------

    def assign(self, instance, spec):
        model = type(instance)
        for name, value in spec.items():
            field = model._meta.get_field(name)
            if isinstance(field, StreamField):
                value = [self.block(block_type, block_value) for block_type, block_value in value]
            elif isinstance(field, RichTextField):
                value = rich(*value)
            elif field.many_to_many:
                value = [self.ref(field.related_model, key) for key in value]
            elif field.one_to_many:  # an inline child relation such as a page's files
                value = [self.child(field.related_model, item) for item in value]
            elif field.many_to_one:
                value = self.ref(field.related_model, value)
            elif isinstance(value, str):
                value = str(value)
            setattr(instance, name, value)

    def child(self, model, item):
        """An inline object: `item` is a dict of its fields, or the key its one link points at."""
        if not isinstance(item, dict):
            link = next(
                f
                for f in model._meta.get_fields()
                if f.many_to_one and f.name != "page" and f.concrete
            )
            item = {link.name: item}
        instance = model()
        self.assign(instance, item)
        return instance

    def ref(self, model, key):
        if key is None:
            return None
        if issubclass(model, Image):
            return self.images[key]
        if issubclass(model, Document):
            return self.documents[key]
        if issubclass(model, Person):
            return Person.objects.get(locale=self.en, name=key)
        return model.objects.get(locale=self.en, slug=key)

    def block(self, block_type, value):
        if block_type == "heading" and not isinstance(value, dict):
            value = {"text": value, "level": "h2"}
        return {"type": block_type, "value": self.block_value(block_type, value)}

    def block_value(self, block_type, value):
        if isinstance(value, dict):
            return {name: self.struct_value(name, v) for name, v in value.items()}
        if isinstance(value, list | tuple):
            if block_type in RICH_BLOCKS:
                return rich(*value)
            return list_items(self.block_value(block_type, item) for item in value)
        return str(value)

    def struct_value(self, name, value):
        if name == "image":
            return self.images[value].pk
        if name == "document":
            return self.documents[value].pk
        if name == "resource":
            return (
                apps.get_model("resources.ResourcePage").objects.get(locale=self.en, slug=value).pk
            )
        if isinstance(value, list | tuple):
            if value and isinstance(value[0], dict):
                return list_items(self.block_value(name, item) for item in value)
            return rich(*value)
        if isinstance(value, bool | int | datetime.date) or value is None:
            return value
        return str(value)


def list_items(values):
    """A ListBlock's items as Wagtail stores them since 2.16: each with a type and an id.

    wagtail-localize extracts no segment from a ListBlock stored as a bare list of values, so
    the key figures of a case study's stream, a kit's items and a quiz's answers could not be
    translated at all; in this form each item's texts are segments like any other block's.
    """
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]
