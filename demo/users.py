"""Demo accounts: one per editorial role, each in the group of that role.

The groups only get access to the admin here; what each role may edit is configured by the
portal's permission setup, not by demo data.

With DEBUG on, accounts get fixed, printed demo passwords so a developer can log in at once.
Otherwise each gets a random password that is never shown: set real ones with
`manage.py changepassword USERNAME`.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

USERS = [
    # username, first name, last name, group (None for the superuser)
    ("admin", "Portal", "Administrator", None),
    ("specialist", "Amina", "Diallo", "Technical specialists"),
    ("reviewer", "Tomás", "Rivera", "Reviewers"),
    ("translator", "Claire", "Dubois", "Translators"),
    # An outside expert: case studies and resource kits wait for this step before the reviewers.
    ("peer", "Wanjiru", "Kamau", "Peer reviewers"),
]
EMAIL_DOMAIN = "portal.example.org"


def demo_password(username):
    return f"{username}-demo-2025"


def ensure_groups():
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    created = 0
    for name in dict.fromkeys(group for *_, group in USERS if group):
        group, was_created = Group.objects.get_or_create(name=name)
        created += was_created
        group.permissions.add(access_admin)
    return created


def ensure_users():
    """Create missing accounts; existing accounts (and their passwords) are left alone."""
    User = get_user_model()
    users, created = {}, 0
    for username, first_name, last_name, group in USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            password = demo_password(username) if settings.DEBUG else secrets.token_urlsafe(24)
            fields = {
                "email": f"{username}@{EMAIL_DOMAIN}",
                "first_name": first_name,
                "last_name": last_name,
            }
            if group is None:
                user = User.objects.create_superuser(username, password=password, **fields)
            else:
                user = User.objects.create_user(username, password=password, **fields)
                user.groups.add(Group.objects.get(name=group))
            created += 1
        users[username] = user
    return users, created


def login_lines(users):
    """What to tell the person who ran the command about logging in."""
    if not settings.DEBUG:
        names = ", ".join(users)
        return [
            f"Demo accounts: {names}. Passwords are not shown because DEBUG is off;",
            "set them with `manage.py changepassword USERNAME`.",
        ]
    lines = ["Demo logins (DEBUG is on):"]
    for username, *_, group in USERS:
        user = users[username]
        password = demo_password(username)
        shown = (
            password if user.check_password(password) else "(changed; use manage.py changepassword)"
        )
        lines.append(f"  {username:<11} {shown:<22} {group or 'superuser'}")
    return lines
