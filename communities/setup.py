"""The facilitator role, created idempotently by `manage.py setup_communities`.

Facilitators moderate every community (approve new members' first posts, hide, lock, pin,
resolve reports, under the admin's *Community moderation*), manage themes, and, as
programmes' facilitators do, see sessions and record attendance of themed sessions.
Members are front-end accounts in a community's members' group: they need no permission.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

COMMUNITY_FACILITATORS = "Community facilitators"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("communities", "moderate_discussion"),
    ("communities", "view_thread"),
    ("communities", "change_thread"),
    ("communities", "view_post"),
    ("communities", "view_report"),
    ("communities", "add_theme"),
    ("communities", "change_theme"),
    ("communities", "delete_theme"),
    ("communities", "view_theme"),
    ("communities", "view_community"),
    ("programmes", "view_session"),
    ("programmes", "record_attendance"),
]


@transaction.atomic
def setup_communities():
    group, _created = Group.objects.get_or_create(name=COMMUNITY_FACILITATORS)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group
