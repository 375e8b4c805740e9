"""The programme roles, created idempotently by `manage.py setup_programmes`.

- Programme staff manage runs and sessions and review applications (accept, waiting list,
  decline); they see applicants' details because reviewing needs them.
- Facilitators run sessions: they see sessions and record attendance for the whole group.
Neither gets page permissions: the programme page itself goes through the editorial workflow.
Participants are front-end accounts (`accounts`) and need no group.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

PROGRAMME_STAFF = "Programme staff"
FACILITATORS = "Facilitators"
ROLES = {
    PROGRAMME_STAFF: [
        ("wagtailadmin", "access_admin"),
        ("programmes", "add_run"),
        ("programmes", "change_run"),
        ("programmes", "delete_run"),
        ("programmes", "view_run"),
        ("programmes", "add_session"),
        ("programmes", "change_session"),
        ("programmes", "delete_session"),
        ("programmes", "view_session"),
        ("programmes", "review_application"),
        ("programmes", "record_attendance"),
    ],
    FACILITATORS: [
        ("wagtailadmin", "access_admin"),
        ("programmes", "view_session"),
        ("programmes", "record_attendance"),
    ],
}


@transaction.atomic
def setup_programmes():
    groups = {}
    for name, permissions in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        groups[name] = group
    return groups
