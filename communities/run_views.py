"""A programme run's discussion page (the threads themselves use `views`): kept apart so that
`views` stays readable; the rules are the communities' (`access`, `services`)."""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .access import is_moderator
from .forms import ThreadForm
from .records import Community
from .views import THREADS_SHOWN, community_url, members_only, visible_threads


@never_cache
@require_http_methods(["GET", "HEAD"])
def run_discussion(request, pk):
    """A programme run's discussion: its threads, the sessions' questions, a new thread."""
    from programmes.records import Run

    run = get_object_or_404(Run, pk=pk)
    space = Community.objects.filter(run=run, kind=Community.Kind.RUN).first()
    if space is None:
        standing = Community.objects.filter(run=run, kind=Community.Kind.COMMUNITY).first()
        if standing is None:
            raise Http404
        return HttpResponseRedirect(community_url(standing))  # a community's standing run
    refused = members_only(request, space)
    if refused:
        return refused
    context = {
        "run": run,
        "community": space,
        "is_facilitator": is_moderator(request.user, space),
        "threads": list(
            visible_threads(space, request.user).select_related("session")[:THREADS_SHOWN]
        ),
        "thread_form": ThreadForm(),
    }
    return render(request, "communities/run_discussion.html", context)
