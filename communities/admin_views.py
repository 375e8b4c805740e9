"""The facilitators' screens in the Wagtail admin: the moderation queue (new members' posts
waiting for approval, reported posts), and lists of communities, themes and threads."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import services
from .access import is_facilitator
from .records import Community, Post, Theme, Thread


def queue(request):
    if not is_facilitator(request.user):
        raise PermissionDenied
    if request.method == "POST":
        post = get_object_or_404(Post, pk=request.POST.get("post"))
        action = request.POST.get("action")
        if action == "approve":
            services.approve_post(post, request.user)
        elif action == "hide":
            services.set_post_hidden(post, request.user)
        elif action == "dismiss":
            services.dismiss_reports(post, request.user)
        else:
            messages.error(request, _("Unknown action."))
            return redirect("communities_queue")
        messages.success(request, _("Done."))
        return redirect("communities_queue")
    base = Post.objects.select_related("thread__community", "author")
    waiting = base.filter(approved=False, hidden=False).order_by("created")
    reported = (
        base.filter(reports__resolved_at=None)
        .annotate(open_reports=Count("reports", filter=Q(reports__resolved_at=None)))
        .prefetch_related("reports")
        .order_by("-open_reports", "created")
        .distinct()
    )
    context = {"waiting": list(waiting[:200]), "reported": list(reported[:200])}
    return render(request, "communities/admin/queue.html", context)


class CommunityViewSet(ModelViewSet):
    model = Community
    # Not "communities": that is the front end's URL namespace.
    name = "community_records"
    url_prefix = "communities/communities"
    icon = "group"
    menu_label = gettext_lazy("Communities")
    add_view_enabled = False
    copy_view_enabled = False
    list_display = ["name", "kind", "members_group", "shelf", "run"]
    list_filter = ["kind"]
    form_fields = ["run"]


class ThemeViewSet(ModelViewSet):
    model = Theme
    name = "community_themes"
    url_prefix = "communities/themes"
    icon = "tag"
    menu_label = gettext_lazy("Themes")
    copy_view_enabled = False
    list_display = ["title", "community", "session"]
    list_filter = ["community"]


class ThreadViewSet(ModelViewSet):
    model = Thread
    name = "community_threads"
    url_prefix = "communities/threads"
    icon = "comment"
    menu_label = gettext_lazy("Threads")
    add_view_enabled = False
    copy_view_enabled = False
    list_display = ["title", "community", "theme", "approved", "pinned", "locked", "hidden"]
    list_filter = ["community", "approved", "pinned", "locked", "hidden"]
    search_fields = ["title"]


class CommunitiesGroup(ViewSetGroup):
    menu_label = gettext_lazy("Communities")
    menu_icon = "group"
    items = (CommunityViewSet, ThemeViewSet, ThreadViewSet)
