"""When the search index must change although the object modelsearch watches did not.

modelsearch already indexes a page whenever it is saved (publish, unpublish, a move's own
save) and removes it when deleted. It cannot know that

* a page's topics, regions and files are saved after the save modelsearch reacts to;
* a move changes the path, and so who may see them, of every descendant;
* a view restriction (login, groups, password) on a page changes who may see its subtree;
* a document's text, or its collection's privacy, changes what the pages linking it say;
* its own indexing task failed and should be tried again.

The database backends filter on paths and restrictions at query time, so results were
already right there; the external engines store them, and the attached-file text is stored
everywhere.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import tasks, vocabulary

INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"
EXTRACTION_FIELDS = {"extracted_text", "text_extracted_from", "file_hash"}


@receiver(task_finished)
def retry_failed_indexing(sender, task_result, **kwargs):
    if task_result.status == TaskResultStatus.FAILED and task_result.task.module_path == INDEX_TASK:
        tasks.schedule_retry(*task_result.args)


@receiver(page_published)
def reindex_published_page(sender, instance, **kwargs):
    # modelsearch indexes a page from its post_save signal, which modelcluster sends before
    # it saves the page's topics, regions and files. Run at once (the immediate backend of
    # development and tests), that task indexes the previous ones; this runs after them.
    tasks.reindex_pages.enqueue([instance.pk])
    from . import semantic

    if semantic.enabled():
        tasks.embed_pages.enqueue([instance.pk])


@receiver(post_page_move)
def reindex_moved_subtree(sender, instance, **kwargs):
    tasks.reindex_subtree.enqueue(instance.pk)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_restricted_subtree(sender, instance, **kwargs):
    tasks.reindex_subtree.enqueue(instance.page_id)


@receiver(post_save, sender=CollectionViewRestriction)
@receiver(post_delete, sender=CollectionViewRestriction)
def reindex_restricted_collection(sender, instance, **kwargs):
    tasks.reindex_collection.enqueue(instance.collection_id)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_save, sender=CollectionViewRestriction)
@receiver(post_delete, sender=CollectionViewRestriction)
def refresh_spelling(sender, **kwargs):
    # The words visitors may find changed: the typo fallback's vocabulary follows, once per
    # transaction, after the indexing tasks above (search.vocabulary.schedule_refresh).
    vocabulary.schedule_refresh()


@receiver(post_delete)
def refresh_spelling_after_deletion(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        vocabulary.schedule_refresh()


def connect_documents():
    """Connected from AppConfig.ready: the document model is swappable (core.PortalDocument)."""
    document_model = get_document_model()

    @receiver(post_save, sender=document_model, weak=False)
    def refresh_document(sender, instance, update_fields=None, raw=False, **kwargs):
        if raw or (update_fields and set(update_fields) <= EXTRACTION_FIELDS):
            return  # fixtures, or the extraction task saving its own result
        tasks.refresh_document.enqueue(instance.pk)

    @receiver(pre_delete, sender=document_model, weak=False)
    def reindex_pages_of_deleted_document(sender, instance, **kwargs):
        page_ids = tasks.pages_linking(document_model.objects.filter(pk=instance.pk))
        if page_ids:
            transaction.on_commit(lambda: tasks.reindex_pages.enqueue(page_ids))


def _forget_synonyms(sender, **kwargs):
    """A changed synonym group applies to the next search (search.synonyms caches the table)."""
    from .synonyms import forget_synonyms

    forget_synonyms()


for _signal in (post_save, post_delete):
    _signal.connect(
        _forget_synonyms,
        sender="portal_search.SynonymGroup",
        dispatch_uid=f"forget-synonyms-{_signal is post_save}",
    )
