"""Factories for the portal's pages, taxonomy and files.

Files are real: images are PNGs drawn by Pillow and documents real PDFs, because upload
checks and renditions read them.
"""

import io

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.models import Collection, Locale

from case_studies.models import CaseStudyIndexPage, CaseStudyPage
from content_areas.models import ContentAreaIndexPage, ContentAreaPage
from core.models import Person, PortalDocument, PortalImage
from home.models import HomePage
from learning.models import ELearningIndexPage, ELearningModulePage, LessonPage
from resources.models import ResourceKitPage, ResourceLibraryPage, ResourcePage
from taxonomy.models import Audience, Organisation, Region, ResourceType, Topic


def png_bytes(width=64, height=48, colour=(40, 110, 160)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes(text="A test document"):
    """A small, valid, one-page PDF."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def root_collection():
    return Collection.get_first_root_node()


def default_locale():
    return Locale.get_default()


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PortalImage

    title = factory.Sequence(lambda n: f"Image {n}")
    description = "A calm blue rectangle"
    credit = "Portal test suite"
    collection = factory.LazyFunction(root_collection)
    file = factory.LazyAttribute(lambda o: ContentFile(png_bytes(), name="test.png"))


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PortalDocument

    title = factory.Sequence(lambda n: f"Guideline {n}")
    language = "en"
    collection = factory.LazyFunction(root_collection)
    file = factory.LazyAttribute(lambda o: ContentFile(pdf_bytes(o.title), name="guideline.pdf"))


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    locale = factory.LazyFunction(default_locale)


class TopicFactory(TermFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")


class RegionFactory(TermFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Country {n}")


class AudienceFactory(TermFactory):
    class Meta:
        model = Audience

    name = factory.Sequence(lambda n: f"Audience {n}")


class ResourceTypeFactory(TermFactory):
    class Meta:
        model = ResourceType

    name = factory.Sequence(lambda n: f"Resource type {n}")


class OrganisationFactory(TermFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    acronym = "ORG"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Specialist {n}")
    role = "Technical specialist"
    email = factory.Sequence(lambda n: f"specialist{n}@example.org")
    locale = factory.LazyFunction(default_locale)


class BasePageFactory(wagtail_factories.PageFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    summary = factory.LazyAttribute(lambda o: f"Summary of {o.title}.")


class HomePageFactory(BasePageFactory):
    class Meta:
        model = HomePage

    introduction = "Practical knowledge for people who protect children."


class ContentAreaIndexPageFactory(BasePageFactory):
    class Meta:
        model = ContentAreaIndexPage

    title = "Content areas"


class ContentAreaPageFactory(BasePageFactory):
    class Meta:
        model = ContentAreaPage


class ResourceLibraryPageFactory(BasePageFactory):
    class Meta:
        model = ResourceLibraryPage

    title = "Resource library"


class ResourcePageFactory(BasePageFactory):
    class Meta:
        model = ResourcePage

    year = 2024


class ResourceKitPageFactory(BasePageFactory):
    class Meta:
        model = ResourceKitPage


class CaseStudyIndexPageFactory(BasePageFactory):
    class Meta:
        model = CaseStudyIndexPage

    title = "Case studies"


class CaseStudyPageFactory(BasePageFactory):
    class Meta:
        model = CaseStudyPage

    year = 2020


class ELearningIndexPageFactory(BasePageFactory):
    class Meta:
        model = ELearningIndexPage

    title = "eLearning"


class ELearningModulePageFactory(BasePageFactory):
    class Meta:
        model = ELearningModulePage

    estimated_minutes = 90


class LessonPageFactory(BasePageFactory):
    class Meta:
        model = LessonPage

    estimated_minutes = 20
