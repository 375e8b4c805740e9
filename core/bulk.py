"""Bulk loads update Wagtail's reference index once per object, when they end.

Wagtail records which objects each page, snippet or image refers to (the admin's "usage" counts
and the warnings before a delete), from a task queued at every save of a tracked model. A page
built by a script is saved several times, and each save of a page also saves its revisions and
child rows, each queueing the task again: the test suite's site builders ran it about 45 times
per page, in 9 % of the suite's time, and the demo load as often.

`references_once()` turns Wagtail's automatic updates off in this thread (Wagtail's own
`disable_reference_index_auto_update`), notes what is saved and deleted meanwhile, and at the
end brings the index up to date for each of them once: references of deleted objects are
removed, and each object still there (for a child row, its parent, as Wagtail's task does) is
indexed afresh. If the block raises, nothing is updated: `manage.py rebuild_references_index`
repairs the index after a failed load.

For one thread's bulk work (a management command, a test's set-up), not for requests.
"""

import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from .task_backend import parent_object_args

_state = threading.local()


@contextmanager
def references_once():
    """Update Wagtail's reference index once per object, at the end (see the module). Nests."""
    if getattr(_state, "active", False):
        yield
        return
    thread = threading.get_ident()
    saved, deleted = {}, []

    def note_save(sender, instance, raw=False, **kwargs):
        if threading.get_ident() == thread and not raw and sender in ReferenceIndex.tracked_models:
            saved[(sender._meta.app_label, sender._meta.model_name, str(instance.pk))] = None

    def note_delete(sender, instance, **kwargs):
        if threading.get_ident() == thread and sender in ReferenceIndex.tracked_models:
            deleted.append(instance)

    uid = f"core.bulk.references_once.{thread}"
    post_save.connect(note_save, weak=False, dispatch_uid=f"{uid}.save")
    post_delete.connect(note_delete, weak=False, dispatch_uid=f"{uid}.delete")
    _state.active = True
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        _state.active = False
        post_save.disconnect(dispatch_uid=f"{uid}.save")
        post_delete.disconnect(dispatch_uid=f"{uid}.delete")
    with transaction.atomic():
        for instance in deleted:
            ReferenceIndex.remove_for_object(instance)
            ReferenceIndex.remove_references_to(instance)
        done = set()
        for key in saved:
            parent = tuple(parent_object_args(*key))  # a child row's outermost parent
            if parent in done:
                continue
            done.add(parent)
            if _exists(*parent):
                update_reference_index_task.call(*parent)


def _exists(app_label, model_name, pk):
    from django.apps import apps

    model = apps.get_model(app_label, model_name)
    return model._default_manager.filter(pk=pk).exists()
