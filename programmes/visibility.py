"""Which programmes' sessions anyone may see: those of live, public pages, never drafts.

A session belongs to a page through its translation key, so it is as visible as the page's
source: a programme taken down (unpublished or made private) takes its sessions, its calendar
files and its feed down with it.
"""

from django.db.models import Q
from django.utils import timezone

from core.request_cache import active_locale_id
from core.visibility import public_pages

from .records import Run, Session


def public_key_q(page_models=None):
    """Records whose `programme_key` is a live public page's, as a subquery (no query of its own)."""
    condition = Q(pk__in=[])
    for model in page_models or programme_models():
        keys = public_pages(model.objects.all()).values("translation_key")
        condition |= Q(programme_key__in=keys)
    return condition


_OTHER_MODELS = []


def register_page_model(model):
    """Another app's page type whose runs and sessions are kept here (a community of practice,
    `communities`): its sessions, calendar files and run applications then work like a
    programme's. Called from that app's `AppConfig.ready`; programmes knows no app above it."""
    if model not in _OTHER_MODELS:
        _OTHER_MODELS.append(model)


_RUN_LINKS = []


def register_run_link(label, url_name):
    """A page of another app about one run (`url_name` takes the run's id), linked from "My
    programmes" for each accepted run: a run's discussion (`communities`)."""
    if (label, url_name) not in _RUN_LINKS:
        _RUN_LINKS.append((label, url_name))


def run_links():
    return list(_RUN_LINKS)


def programme_models():
    from .models import ProgrammePage

    return [ProgrammePage, *_OTHER_MODELS]


def public_sessions(page_models=None):
    """Sessions anyone may see: of a public programme, not of a draft run."""
    return (
        Session.objects.filter(public_key_q(page_models))
        .exclude(run__status=Run.Status.DRAFT)
        .select_related("run")
    )


def upcoming(sessions, now=None):
    return sessions.filter(starts_at__gte=now or timezone.now()).order_by("starts_at")


def pages_by_key(keys):
    """Each key's live public page, in the visitor's language where it is translated."""
    active = active_locale_id()
    chosen = {}
    for model in programme_models():
        for page in public_pages(model.objects.filter(translation_key__in=keys)):
            key = page.translation_key
            if key not in chosen or page.locale_id == active:
                chosen[key] = page
    return chosen
