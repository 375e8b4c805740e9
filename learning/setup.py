"""The Course team role, created idempotently by `manage.py setup_learning`.

The course team sees how each module performs (Reports → eLearning: modules, which needs
`learning.view_learner_records`), edits completion rules, manages certificate designs and may
revoke certificates. It gets no page permissions: editing lessons stays with the specialists
and their review workflow.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

COURSE_TEAM = "Course team"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("learning", "view_learner_records"),
    ("learning", "add_completionrule"),
    ("learning", "change_completionrule"),
    ("learning", "delete_completionrule"),
    ("learning", "view_completionrule"),
    ("certificates", "view_certificate"),
    ("certificates", "change_certificate"),
    ("certificates", "add_certificatedesign"),
    ("certificates", "change_certificatedesign"),
    ("certificates", "view_certificatedesign"),
]


@transaction.atomic
def setup_learning():
    group, _created = Group.objects.get_or_create(name=COURSE_TEAM)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group
