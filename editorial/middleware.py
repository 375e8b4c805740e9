"""Admin POSTs that Wagtail and wagtail-localize answer too quietly for this workflow.

* **Actions posted to the page editor without the right to them.** Wagtail's edit view quietly
  turns a "publish", "cancel workflow" or workflow action that the user may not perform into
  "save draft", so a crafted request still writes a revision. Here it is refused as the admin
  refuses anything else (a message and a redirect to the dashboard), and nothing is saved.
* **Approving from the dashboard** (`wagtailadmin_pages:workflow_action`) publishes the page's
  *latest* revision, whatever the reviewer looked at. If the page changed after it was
  submitted, the reviewer would publish text they never saw; and a task that is already
  finished ends in a bare 403. Such requests stop here with a message saying what happened;
  nothing changes. Approving in the editor is not affected: the editor shows the latest revision.
* **Other views that save or publish a page.** Restoring an old revision
  (`revisions/<id>/revert/`) posts the same form as the editor and gets the same checks. Copying
  a page with "publish the copies" (or as an alias, which is live at once) needs publish
  permission at the destination; Wagtail's copy view would otherwise quietly make drafts.
  Bulk publishing needs publish permission on every page chosen, or nothing happens.
* **"Sync translated pages" with "Publish"** (`wagtail_localize:update_translations`) asks
  only for permission to submit translations, so translators could publish every translation
  of a page. Publishing that way now needs publish permission on each translated page.

A middleware, because none of these views offers a hook and the admin's URLs are not ours to
replace. Anonymous requests pass through untouched, to Wagtail's login redirect.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.utils import (
    get_latest_str,
    get_user_display_name,
    get_valid_next_url_from_request,
)
from wagtail.models import Page, TaskState


def _action_names(task, page, user):
    return {name for name, _label, _modal in task.get_actions(page, user)}


def _finished_message(page, task_state):
    done_by = (
        get_user_display_name(task_state.finished_by)
        if task_state.finished_by
        else _("someone else")
    )
    return _(
        "The review step '%(task)s' on '%(title)s' was already completed (%(status)s by "
        "%(user)s); nothing was changed."
    ) % {
        "task": task_state.task.name,
        "title": get_latest_str(page),
        "status": task_state.get_status_display().lower(),
        "user": done_by,
    }


def _changed_message(page):
    return _(
        "'%(title)s' was changed after it was submitted for review, so approving it here "
        "would publish changes you have not seen. Nothing was published: open the page in "
        "the editor, check the latest version and approve it there."
    ) % {"title": get_latest_str(page)}


def _not_in_review_message(page):
    return _("'%(title)s' is no longer awaiting this review; nothing was changed.") % {
        "title": get_latest_str(page)
    }


def _explain(request, page, message):
    messages.warning(request, message)
    next_url = get_valid_next_url_from_request(request) or reverse(
        "wagtailadmin_pages:edit", args=(page.pk,)
    )
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        # Wagtail's action modal follows the redirect, where the message is shown.
        return render_modal_workflow(
            request, None, None, None, json_data={"step": "success", "redirect": next_url}
        )
    return redirect(next_url)


def guard_edit(request, page_id, **kwargs):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return None
    user, post = request.user, request.POST
    if post.get("action-publish") and not page.permissions_for_user(user).can_publish():
        raise PermissionDenied
    if post.get("action-cancel-workflow") or post.get("action-restart-workflow"):
        state = page.current_workflow_state
        if state is None or not state.user_can_cancel(user):
            raise PermissionDenied
    if post.get("action-workflow-action"):
        task = page.current_workflow_task
        if task is None:
            return _explain(request, page, _not_in_review_message(page))
        if post.get("workflow-action-name") not in _action_names(task, page, user):
            raise PermissionDenied
    return None


def guard_add(request, parent_page_id, **kwargs):
    parent = Page.objects.filter(pk=parent_page_id).first()
    if (
        parent is not None
        and request.POST.get("action-publish")
        and not parent.permissions_for_user(request.user).can_publish_subpage()
    ):
        raise PermissionDenied
    return None


def guard_copy(request, page_id, **kwargs):
    if not (request.POST.get("publish_copies") or request.POST.get("alias")):
        return None
    raw = request.POST.get("new_parent_page", "")
    destination = Page.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
    if destination is None:
        destination = Page.objects.filter(pk=page_id).first()
        destination = destination.get_parent() if destination else None
    if (
        destination is None
        or not destination.permissions_for_user(request.user).can_publish_subpage()
    ):
        raise PermissionDenied
    return None


def guard_bulk_page_action(request, app_label, model_name, action, **kwargs):
    if (app_label, model_name, action) != ("wagtailcore", "page", "publish"):
        return None
    ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
    pages = Page.objects.filter(pk__in=ids)
    if "all" in request.GET.getlist("id"):
        parent = request.GET.get("childOf", "")
        pages = Page.objects.filter(pk=int(parent)).first() if parent.isdigit() else None
        pages = pages.get_children() if pages else Page.objects.none()
    for page in pages:
        if not page.permissions_for_user(request.user).can_publish():
            raise PermissionDenied
    return None


def guard_workflow_action(request, page_id, action_name, task_state_id, **kwargs):
    page = Page.objects.filter(pk=page_id).first()
    task_state = (
        TaskState.objects.filter(pk=task_state_id)
        .select_related("workflow_state", "task", "finished_by")
        .first()
    )
    if page is None or task_state is None:
        return None  # Wagtail's view answers 404
    if action_name not in _action_names(task_state.task.specific, page, request.user):
        return None  # Wagtail's view answers 403
    workflow_state = task_state.workflow_state
    if (
        workflow_state.object_id != str(page.pk)
        or workflow_state.base_content_type_id != page.get_base_content_type().pk
    ):
        raise PermissionDenied
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        return _explain(request, page, _finished_message(page, task_state))
    if action_name == "approve" and page.latest_revision_id != task_state.revision_id:
        return _explain(request, page, _changed_message(page))
    return None


def guard_translation_publishing(request, translation_source_id, **kwargs):
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.filter(pk=translation_source_id).first()
    if source is None or not request.POST.get("publish_translations"):
        return None
    for translation in source.translations.filter(enabled=True):
        target = Page.objects.filter(
            translation_key=source.object_id, locale_id=translation.target_locale_id
        ).first()
        if target is not None and not target.permissions_for_user(request.user).can_publish():
            raise PermissionDenied
    return None


GUARDS = {
    "wagtailadmin_pages:edit": guard_edit,
    "wagtailadmin_pages:revisions_revert": guard_edit,
    "wagtailadmin_pages:copy": guard_copy,
    "wagtail_bulk_action": guard_bulk_page_action,
    "wagtailadmin_pages:add": guard_add,
    "wagtailadmin_pages:workflow_action": guard_workflow_action,
    "wagtail_localize:update_translations": guard_translation_publishing,
}


class ReviewGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or not request.user.is_authenticated:
            return None
        guard = GUARDS.get(match.view_name)
        if guard is None:
            return None
        try:
            return guard(request, **view_kwargs)
        except PermissionDenied:
            return permission_denied(request)  # the admin's usual refusal, as its views give
