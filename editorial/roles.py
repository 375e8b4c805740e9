"""The editorial roles, their permissions and workflows, and where they attach in the page tree.

Wagtail attaches page permissions and workflows to one page and its descendants, so a French
tree is covered only if its own pages carry them. Two rules keep every locale covered:

* "Review and approval" is assigned to the root page, above every locale's home page, so every
  page in every language, including locales added later, is reviewed (instead of falling back
  to Wagtail's "Moderators approval", which sits there after installation).
* Everything attached to a particular page (the roles' permissions on the section pages, peer
  review on the case studies and the resource library, and any grant an administrator adds,
  such as a group limited to one content area) is applied again whenever a translation of that
  page is created (`inherit_from_translations`, called from a `post_save` signal), and the role
  rules are applied to any new section page (`apply_role_rules`).

The page types are not imported: they are found through the app registry, so that the roles
cover a section or page type added later without a change here. A section is any
`core.pages.SectionIndexPage`; the home page type says `editorial_language_root = True`
(translators' permissions) and the types peer-reviewed from the start say
`editorial_peer_review = True` (the peer review workflow goes to the sections they live in).

`setup()` creates what is missing and never removes or overrides what administrators changed,
so running it on every deployment is safe.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
    get_page_models,
)

from core.pages import SectionIndexPage

from .models import PeerReviewTask

SPECIALISTS = "Technical specialists"
REVIEWERS = "Reviewers"
TRANSLATORS = "Translators"
SITE_ADMINISTRATORS = "Site administrators"
PEER_REVIEWERS = "Peer reviewers"

REVIEW_WORKFLOW = "Review and approval"
PEER_REVIEW_WORKFLOW = "Peer review and approval"
REVIEW_TASK = "Reviewers' approval"
PEER_REVIEW_TASK = "Peer review"


def _page_types(declares):
    """The page models for which `declares(model)` is true, found through the app registry."""
    return tuple(model for model in get_page_models() if declares(model))


def language_roots():
    """Page types that are a language's home page (`editorial_language_root = True`)."""
    return _page_types(lambda model: getattr(model, "editorial_language_root", False))


def sections():
    """The sections of each home page: every `core.pages.SectionIndexPage` type."""
    return _page_types(lambda model: issubclass(model, SectionIndexPage))


def peer_reviewed_types():
    """Page types peer-reviewed from the start (`editorial_peer_review = True`); afterwards
    the types are chosen on the peer review task."""
    return _page_types(lambda model: getattr(model, "editorial_peer_review", False))


def peer_reviewed_sections():
    """The sections where a peer-reviewed type can be added: they get the peer review workflow."""
    reviewed = set(peer_reviewed_types())
    return tuple(
        model for model in sections() if reviewed.intersection(model.allowed_subpage_models())
    )


# Django permissions per group: "app_label.codename", or "app_label.model.*" / "app_label.*"
# for every permission of a model or an app.
MODEL_PERMISSIONS = {
    SPECIALISTS: ["wagtailadmin.access_admin"],
    REVIEWERS: ["wagtailadmin.access_admin"],
    TRANSLATORS: ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
    PEER_REVIEWERS: ["wagtailadmin.access_admin"],
    # Users but not groups: whoever edits groups can grant themselves anything.
    SITE_ADMINISTRATORS: [
        "wagtailadmin.access_admin",
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "taxonomy.*",
        "core.person.*",
        "wagtail_localize.submit_translation",
        "core.portalsettings.*",
        "wagtailsites.site.*",
        "wagtailcore.locale.*",
        "wagtailcore.collection.*",
        "wagtailredirects.redirect.*",
        "wagtailsearchpromotions.*",
        "wagtailcore.workflow.*",
        "wagtailcore.task.*",
    ],
}

# Wagtail's own groups, made by its migrations. "Moderators" may publish anywhere and "Editors"
# edit anywhere: leftovers that whoever could assign groups would use to get round the roles.
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

# Page permissions on the root page, above every locale: Site administrators delete pages
# (published ones included, which no other role may; core.permissions) and nothing else.
ROOT_PERMISSIONS = {SITE_ADMINISTRATORS: ["bulk_delete"]}

# Page permissions on every section page (in every locale).
SECTION_PERMISSIONS = {
    SPECIALISTS: ["add", "change"],
    REVIEWERS: ["add", "change", "publish"],
}

# Collection permissions on the root collection: specialists edit what they upload,
# reviewers edit any file.
COLLECTION_PERMISSIONS = {
    SPECIALISTS: [
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
    ],
    REVIEWERS: [
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
    ],
}

# Translators edit the translated trees. On the default-language tree they get "lock" only:
# Wagtail has no view-only page permission, and without one the source pages would not appear
# in the explorer, where "Translate this page" is offered. Lock lets them browse (and hold a
# source page still while they translate it) but not edit, submit or publish it.
TRANSLATOR_PERMISSIONS = {"source": ["lock"], "translation": ["add", "change"]}


def _model_permissions(spec):
    app_label, *names = spec.split(".")
    permissions = Permission.objects.filter(content_type__app_label=app_label)
    if names == ["*"]:
        return permissions
    if names[-1] == "*":
        return permissions.filter(content_type__model=names[0])
    return permissions.filter(codename=names[0])


def _page_permission(action):
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=f"{action}_page"
    )


def grant_page_permissions(group, page, actions):
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_page_permission(action)
        )


def _groups():
    return {
        group.name: group
        for group in Group.objects.filter(
            name__in=[SPECIALISTS, REVIEWERS, TRANSLATORS, SITE_ADMINISTRATORS, PEER_REVIEWERS]
        )
    }


def apply_role_rules(page):
    """Give the roles their permissions (and peer review its workflow) on a section or home page.

    Does nothing before `setup()` has created the roles.
    """
    page_class = page.specific_class
    if page_class is None or not issubclass(page_class, (*language_roots(), *sections())):
        return
    groups = _groups()
    if issubclass(page_class, sections()):
        for name, actions in SECTION_PERMISSIONS.items():
            if name in groups:
                grant_page_permissions(groups[name], page, actions)
    if issubclass(page_class, language_roots()) and TRANSLATORS in groups:
        is_source = page.locale_id == Locale.get_default().pk
        grant_page_permissions(
            groups[TRANSLATORS],
            page,
            TRANSLATOR_PERMISSIONS["source" if is_source else "translation"],
        )
    if issubclass(page_class, peer_reviewed_sections()):
        workflow = Workflow.objects.filter(name=PEER_REVIEW_WORKFLOW).first()
        if workflow:
            WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def inherit_from_translations(page):
    """Copy the permissions and workflow of the page's other language versions onto it."""
    others = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    for grant in GroupPagePermission.objects.filter(page__in=others):
        GroupPagePermission.objects.get_or_create(
            group_id=grant.group_id, page=page, permission_id=grant.permission_id
        )
    assignment = WorkflowPage.objects.filter(page__in=others).first()
    if assignment:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": assignment.workflow})


def retire_wagtail_defaults():
    """Delete Wagtail's default groups while nobody is in them, so a fresh install has only the
    portal's roles, and switch off its default workflow once no page uses it.

    A group that still has members is kept (deleting it would take rights away from people
    without a word); the returned notes say so, and the portal's user screens do not let a
    non-superuser assign it (editorial.users).
    """
    notes = []
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        if group.user_set.exists():
            notes.append(
                f'Wagtail\'s default group "{group.name}" still has members; move them to '
                "the portal's roles and run setup_editorial again to remove it."
            )
        else:
            group.delete()
    default = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True).first()
    if (
        default is not None
        and not WorkflowPage.objects.filter(workflow=default).exists()
        and not WorkflowContentType.objects.filter(workflow=default).exists()
        and not default.workflow_states.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()
    ):
        default.deactivate()
    return notes


def _approval_workflow(name, tasks):
    workflow, _ = Workflow.objects.get_or_create(name=name)
    for order, task in enumerate(tasks):
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    return workflow


@transaction.atomic
def setup():
    """Create the roles, tasks and workflows, and attach them to the existing page tree.

    Returns a list of things an administrator should know about (nothing when all is well).
    """
    notes = []
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in MODEL_PERMISSIONS}
    for name, specs in MODEL_PERMISSIONS.items():
        for spec in specs:
            groups[name].permissions.add(*_model_permissions(spec))

    root_collection = Collection.get_first_root_node()
    for name, specs in COLLECTION_PERMISSIONS.items():
        for spec in specs:
            app_label, codename = spec.split(".")
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name],
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                ),
            )

    review_task, _ = GroupApprovalTask.objects.get_or_create(name=REVIEW_TASK)
    review_task.groups.add(groups[REVIEWERS])
    peer_task, created = PeerReviewTask.objects.get_or_create(name=PEER_REVIEW_TASK)
    peer_task.groups.add(groups[PEER_REVIEWERS])
    if created:  # afterwards the types are the administrators' to change
        peer_task.page_types.set(
            ContentType.objects.get_for_models(*peer_reviewed_types()).values()
        )

    review = _approval_workflow(REVIEW_WORKFLOW, [review_task])
    _approval_workflow(PEER_REVIEW_WORKFLOW, [peer_task, review_task])

    root = Page.get_first_root_node()
    for name, actions in ROOT_PERMISSIONS.items():
        grant_page_permissions(groups[name], root, actions)

    # Replaces Wagtail's "Moderators approval" on the root page only while it is the default.
    assignment = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    if assignment is None or assignment.workflow.name == WAGTAIL_DEFAULT_WORKFLOW:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": review})
    elif assignment.workflow != review:
        notes.append(
            f'The root page keeps its workflow "{assignment.workflow}"; pages without a '
            f'nearer workflow are not reviewed by "{REVIEW_WORKFLOW}".'
        )

    type_ids = ContentType.objects.get_for_models(*language_roots(), *sections()).values()
    for page in Page.objects.filter(content_type__in=type_ids):
        apply_role_rules(page)
    notes.extend(retire_wagtail_defaults())
    return notes
