"""One complete English site with every page type and every field filled.

Built once per test class (from setUpTestData), so each test reads a realistic page without
paying for the tree again.
"""

from datetime import UTC, datetime
from types import SimpleNamespace

from wagtail.models import Page, Site

from core.bulk import references_once
from search import indexing

from . import factories as f


def rich(text):
    return f"<p>{text}</p>"


@references_once()  # Wagtail's reference index updated once per object (core.bulk)
@indexing.deferred()  # each page indexed once, when the tree is built (search.indexing)
def build_site():
    root = Page.get_first_root_node()

    t = SimpleNamespace()
    t.topic = f.TopicFactory(name="Children on the move", slug="children-on-the-move")
    t.region = f.RegionFactory(name="Guatemala", slug="guatemala")
    t.audience = f.AudienceFactory(name="Social workers", slug="social-workers")
    t.resource_type = f.ResourceTypeFactory(name="Guideline or tool", slug="guideline")
    t.organisation = f.OrganisationFactory(name="Helpline Network", acronym="HN")
    t.funder = f.OrganisationFactory(name="A Funding Ministry", acronym="AFM")
    t.person = f.PersonFactory(name="Amina Diallo", role="Alternative care specialist")
    t.image = f.ImageFactory()
    t.document = f.DocumentFactory(title="Guide to interim care", language="fr")

    t.home = f.HomePageFactory(parent=root, title="Knowledge portal", slug="portal-home")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": t.home, "site_name": "Portal"},
    )
    # Wagtail's "Welcome" page is deleted only now: deleting a site's root deletes the site.
    Page.objects.filter(depth=2).exclude(pk=t.home.pk).delete()

    t.areas_index = f.ContentAreaIndexPageFactory(parent=t.home, slug="areas")
    t.library = f.ResourceLibraryPageFactory(parent=t.home, slug="resources")
    t.case_index = f.CaseStudyIndexPageFactory(parent=t.home, slug="case-studies")
    t.learning_index = f.ELearningIndexPageFactory(parent=t.home, slug="elearning")

    t.area = f.ContentAreaPageFactory(
        parent=t.areas_index,
        title="Alternative care",
        slug="alternative-care",
        key_figures=[
            {
                "type": "figure",
                "value": {
                    "value": "160",
                    "label": "countries reached",
                    "source": "IFRC",
                    "year": 2020,
                },
            }
        ],
        approaches=[
            {"type": "paragraph", "value": rich("Family-based care comes first.")},
            {
                "type": "good_practice",
                "value": {
                    "title": "Kinship care",
                    "description": rich("Relatives take the child in."),
                    "where": "Kenya",
                    "link": "https://example.org/kinship",
                },
            },
        ],
        last_reviewed_at=datetime(2026, 6, 1, tzinfo=UTC),
    )
    t.area.topics.add(t.topic)
    t.area.specialists.create(person=t.person)
    t.sub_area = f.ContentAreaPageFactory(parent=t.area, title="Foster care", slug="foster-care")

    t.resource = f.ResourcePageFactory(
        parent=t.library,
        title="Interim care guideline",
        slug="interim-care",
        resource_type=t.resource_type,
        organisation=t.organisation,
        year=2023,
        body=[{"type": "paragraph", "value": rich("How to arrange interim care.")}],
        external_url="https://example.org/database",
        citation="Helpline Network (2023). Interim care guideline.",
    )
    t.resource.topics.add(t.topic)
    t.resource.regions.add(t.region)
    t.resource.audiences.add(t.audience)
    t.resource.related_areas.add(t.area)
    t.resource.files.create(document=t.document)
    t.resource.save_revision().publish()

    t.kit = f.ResourceKitPageFactory(
        parent=t.library,
        title="Starter kit for interim carers",
        slug="starter-kit",
        introduction=rich("Everything a new carer needs."),
        how_to_use=rich("Work through the sections in order."),
        sections=[
            {
                "type": "section",
                "value": {
                    "title": "Before the child arrives",
                    "note": rich("Read these first."),
                    "items": [{"resource": t.resource.pk, "note": "The core guideline."}],
                },
            }
        ],
    )

    t.area.featured_items.create(linked_page=t.kit)
    t.area.save_revision().publish()

    t.case_study = f.CaseStudyPageFactory(
        parent=t.case_index,
        title="A free course for carers",
        slug="free-course",
        background=rich("Many children travel alone."),
        support=rich("Front-line workers in 160 countries."),
        successes=[
            {
                "type": "key_figures",
                "value": [
                    {
                        "value": "3,200",
                        "label": "learners",
                        "source": "Course records",
                        "year": 2020,
                    }
                ],
            }
        ],
        challenges=rich("Connectivity was poor in places."),
        lessons_learned=[{"type": "lesson", "value": rich("Short videos work best.")}],
        quotes=[
            {
                "type": "quote",
                "value": {
                    "quote": "I now ask children first.",
                    "attribution": "A carer",
                    "role": "Learner",
                },
            }
        ],
        source_note="IFRC case study",
    )
    t.case_study.partners.add(t.organisation)
    t.case_study.funders.add(t.funder)
    t.case_study.regions.add(t.region)
    t.case_study.related_resources.create(resource=t.resource)
    t.case_study.save_revision().publish()

    t.module = f.ELearningModulePageFactory(
        parent=t.learning_index,
        title="Inclusive practice",
        slug="inclusive-practice",
        overview=rich("Why inclusion matters on a helpline."),
        learning_objectives=[{"type": "objective", "value": "Recognise your own assumptions"}],
        audience_note="Helpline counsellors",
    )
    t.module.audiences.add(t.audience)
    t.module.save_revision().publish()
    t.lessons = [
        f.LessonPageFactory(
            parent=t.module,
            title=f"Lesson {n}",
            slug=f"lesson-{n}",
            steps=[
                {"type": "text", "value": rich(f"Lesson {n} text.")},
                {
                    "type": "reflection",
                    "value": {"question": "What would you do?", "guidance": rich("Think.")},
                },
                {"type": "download", "value": {"document": t.document.pk, "title": ""}},
            ],
        )
        for n in (1, 2, 3)
    ]

    t.home.featured_areas.create(area=t.area)
    t.home.featured_case_study = t.case_study
    t.home.featured_module = t.module
    t.home.save_revision().publish()
    return t
