"""Who may see and do what in a community: one place, asked by every view and every e-mail.

- Facilitators (the `communities.moderate_discussion` permission, `setup_communities`) see and
  moderate every community.
- Members: in the community's members' group, or accepted to its standing run (`programmes`).
- Everyone else, signed in or not, sees the page's description and how to join, nothing more.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from .records import MODERATE


def is_facilitator(user):
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(MODERATE))


def members_q(community, prefix=""):
    condition = Q(**{f"{prefix}groups": community.members_group_id})
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
    if community is None or not user or not user.is_authenticated or not user.is_active:
        return False
    cache = user.__dict__.setdefault("_community_access", {})
    if community.pk not in cache:
        cache[community.pk] = is_facilitator(user) or members(community).filter(pk=user.pk).exists()
    return cache[community.pk]
