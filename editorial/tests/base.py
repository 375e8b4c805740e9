"""Shared set-up for the editorial tests: the English site, the roles, one user per role."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.blocks.base import BlockField
from wagtail.models import Page, TaskState

from editorial import roles
from tests import factories as f
from tests.tree import build_site

ROLE_GROUPS = {
    "specialist": roles.SPECIALISTS,
    "reviewer": roles.REVIEWERS,
    "translator": roles.TRANSLATORS,
    "siteadmin": roles.SITE_ADMINISTRATORS,
    "peer": roles.PEER_REVIEWERS,
}


def make_user(username, group_name=None, **extra):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "pw", first_name=username.capitalize(), **extra
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def form_data(page_class, **fields):
    """What the admin form of `page_class` posts with empty streams and child lists, plus `fields`.

    Derived from the page type's own form class, so it follows the panels as they change.
    """
    form = page_class.get_edit_handler().get_form_class()(for_user=get_user_model()())
    data = {
        f"{name}-count": 0 for name, field in form.fields.items() if isinstance(field, BlockField)
    }
    for prefix in form.formsets:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": 0,
                f"{prefix}-INITIAL_FORMS": 0,
                f"{prefix}-MIN_NUM_FORMS": 0,
                f"{prefix}-MAX_NUM_FORMS": 1000,
            }
        )
    data.update(fields)
    return data


def page_data(page, **fields):
    """The edit form of an existing page, posted back with its title and slug unless overridden."""
    from resources.models import ResourcePage

    required = (
        {"external_url": page.specific.external_url}
        if isinstance(page.specific, ResourcePage)
        else {}
    )
    return form_data(
        page.specific_class, **{"title": page.title, "slug": page.slug, **required, **fields}
    )


class EditorialTestCase(TestCase):
    """The English site from tests.tree, set up by `setup_editorial`, and a user per role."""

    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        roles.setup()
        cls.users = {role: make_user(role, group) for role, group in ROLE_GROUPS.items()}
        cls.users["admin"] = get_user_model().objects.create_superuser(
            "admin", "admin@example.org", "pw"
        )
        # Published pages without streams or child objects, which the forms can post back whole:
        # one under "Review and approval", one in the library (under peer review's workflow).
        cls.page = f.ContentAreaPageFactory(
            parent=cls.t.areas_index,
            title="Family tracing",
            slug="family-tracing",
            owner=cls.users["specialist"],
        )
        cls.page.save_revision().publish()
        cls.resource = f.ResourcePageFactory(
            parent=cls.t.library,
            title="Interim care checklist",
            slug="checklist",
            external_url="https://example.org/checklist",
            owner=cls.users["specialist"],
        )
        cls.resource.save_revision().publish()

    def login(self, role):
        self.client.force_login(self.users[role])
        return self.users[role]

    def edit(self, page, **fields):
        """POST the page's edit form as the logged-in user (fields include any action-…)."""
        return self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)), page_data(page, **fields)
        )

    def submit(self, page, **fields):
        return self.edit(page, **{"action-submit": "Submit for review", **fields})

    def task_state(self, page):
        return Page.objects.get(pk=page.pk).current_workflow_task_state

    def act(self, page, action, comment="", task_state=None, **extra):
        task_state = task_state or self.task_state(page)
        return self.client.post(
            reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk)),
            {"comment": comment},
            **extra,
        )

    def reload(self, page):
        return type(page).objects.get(pk=page.pk)

    @staticmethod
    def task_states(page):
        return TaskState.objects.filter(workflow_state__object_id=str(page.pk))
