"""Who may see and do what in a community: one place, asked by every view and every e-mail.

- Facilitators (the `communities.moderate_discussion` permission, `setup_communities`) see and
  moderate every community.
- Members: in the community's members' group, or accepted to its standing run (`programmes`).
- A programme run's discussion: its accepted participants are members; the programme's
  facilitators and staff (who record attendance or review applications) moderate it. Nobody
  else, not even another run's participants, sees it.
- Everyone else, signed in or not, sees the page's description and how to join, nothing more.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Q

from .records import MODERATE


def _moderate_permission_q():
    app_label, codename = MODERATE.split(".")
    return Permission.objects.filter(
        Q(user=OuterRef("pk")) | Q(group__user=OuterRef("pk")),
        content_type__app_label=app_label,
        codename=codename,
    )


def _usable(user):
    return bool(user and user.is_authenticated and user.is_active)


def is_facilitator(user):
    """Whether `user` moderates communities; one query, kept on the user for the request."""
    if not _usable(user):
        return False
    if user.is_superuser:
        return True
    # getattr/setattr, not __dict__: request.user is a lazy object that proxies attributes.
    if getattr(user, "_community_facilitator", None) is None:
        user._community_facilitator = (
            get_user_model()
            .objects.filter(pk=user.pk)
            .filter(Exists(_moderate_permission_q()))
            .exists()
        )
    return user._community_facilitator


# Who moderates a run's discussion: the programme roles of `programmes.setup`.
RUN_STAFF_PERMISSIONS = ("programmes.record_attendance", "programmes.review_application")


def is_run_staff(user):
    """Programme facilitator or staff (Django caches the permissions on the user)."""
    if not _usable(user):
        return False
    return any(user.has_perm(permission) for permission in RUN_STAFF_PERMISSIONS)


def is_moderator(user, community):
    """Who may approve, hide, lock and pin in `community`: its facilitators."""
    if community is not None and community.is_run:
        return is_run_staff(user)
    return is_facilitator(user)


def members_q(community, prefix=""):
    condition = Q(pk__in=[])
    if community.members_group_id:
        condition |= Q(**{f"{prefix}groups": community.members_group_id})
    if community.run_id:
        condition |= Q(
            **{
                f"{prefix}programme_applications__run": community.run_id,
                f"{prefix}programme_applications__status": "accepted",
            }
        )
    return condition


def members(community):
    """Active accounts of the community's members (facilitators are not listed)."""
    return get_user_model().objects.filter(members_q(community), is_active=True).distinct()


def is_member(user, community):
    """Member or facilitator; one query at most (none for anonymous visitors)."""
    if community is None or not _usable(user):
        return False
    cache = getattr(user, "_community_access", None)
    if cache is None:
        cache = user._community_access = {}
    if community.pk not in cache:
        if community.is_run:
            cache[community.pk] = (
                is_run_staff(user) or members(community).filter(pk=user.pk).exists()
            )
        elif user.is_superuser or getattr(user, "_community_facilitator", None):
            cache[community.pk] = True
        else:
            # Facilitator and member in one query: a subquery for each.
            member = members(community).filter(pk=OuterRef("pk"))
            row = (
                get_user_model()
                .objects.filter(pk=user.pk)
                .values(fac=Exists(_moderate_permission_q()), member=Exists(member))
                .first()
            ) or {"fac": False, "member": False}
            user._community_facilitator = row["fac"]
            cache[community.pk] = row["fac"] or row["member"]
    return cache[community.pk]
