"""Who holds a page up: the review steps waiting on someone else, for the people waiting on them.

Wagtail's dashboard already shows each person the steps they can act on ("Awaiting your
review") and the pages they submitted. What it does not show is the case in between: a reviewer
opening a case study still in peer review reads only "Only reviewers for this task can edit the
page", with no word of which step it is in, which group has to act or since when. The panel
built here answers that for every page the user may edit or has submitted: the step, the
groups that must act (with their members' names, so one knows whom to ask), and since when.
"""

from django.contrib.auth import get_user_model
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.admin.utils import get_user_display_name
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState, get_default_page_content_type
from wagtail.permissions import page_permission_policy

LIMIT = 20


def _group_members(groups):
    """{group id: [display names]} of the active members of `groups`, in one query."""
    members = {group.pk: [] for group in groups}
    memberships = (
        get_user_model()
        .groups.through.objects.filter(group__in=groups, user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user_id")
    )
    for membership in memberships:
        members[membership.group_id].append(get_user_display_name(membership.user))
    return members


def waiting_on_others(user, limit=LIMIT):
    """The current review steps of pages `user` may edit or submitted, that `user` cannot act on.

    Oldest first: the page held up longest comes first. Returns (rows, total) where each row is a
    dict with the page, the task, the groups that must act with their members, and the time the
    step started.
    """
    editable = page_permission_policy.instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    own_moderation = TaskState.objects.reviewable_by(user).values("pk")
    states = (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__status="in_progress",
            workflow_state__base_content_type=get_default_page_content_type(),
        )
        .filter(
            # Object ids are text (any model may have a workflow): compare them as text.
            Q(workflow_state__object_id__in=editable.values(pk_text=Cast("pk", CharField())))
            | Q(workflow_state__requested_by=user)
        )
        .exclude(pk__in=own_moderation)
        .select_related("task", "workflow_state__requested_by")
        .order_by("started_at", "pk")
    )
    total = states.count()
    states = list(states[:limit])
    pages = Page.objects.select_related("locale").in_bulk(
        [int(state.workflow_state.object_id) for state in states]
    )
    tasks = {state.task_id: state.task.specific for state in states}
    groups = {
        task_id: list(task.groups.order_by("name"))
        for task_id, task in tasks.items()
        if isinstance(task, AbstractGroupApprovalTask)
    }
    members = _group_members([group for task_groups in groups.values() for group in task_groups])
    rows = []
    for state in states:
        page = pages.get(int(state.workflow_state.object_id))
        if page is None:
            continue
        rows.append(
            {
                "page": page,
                "task": tasks[state.task_id],
                "groups": [
                    {"name": group.name, "members": members[group.pk]}
                    for group in groups.get(state.task_id, [])
                ],
                "since": state.started_at,
                "requested_by": state.workflow_state.requested_by,
            }
        )
    return rows, total
