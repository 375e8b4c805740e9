"""Background work that keeps the search index true: retries, subtrees, document text.

modelsearch indexes a saved object through its own task; when that task fails (the database
or Elasticsearch briefly unreachable) the failure is logged by core.signals and retried here
with growing delays, and an object still failing after the last attempt is logged as an
error. In production the delays are real (django_tasks_db runs a task at `run_after`); the
immediate backend of development and tests has no delays and retries at once.
"""

import logging
from datetime import timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_tasks import task
from modelsearch import index
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from . import documents

logger = logging.getLogger("portal.search")

RETRY_DELAYS = (30, 120, 600)  # seconds before the 1st, 2nd and 3rd retry
CHUNK = 200


def schedule_retry(app_label, model_name, pk, attempt=1):
    """Enqueue another try at indexing one object, or log that it is given up on."""
    if attempt > len(RETRY_DELAYS):
        logger.error(
            "Gave up updating the search index for %s.%s %s after %d retries; "
            "`manage.py update_index` will repair it.",
            app_label,
            model_name,
            pk,
            len(RETRY_DELAYS),
        )
        return
    retry = retry_index_object
    if retry.get_backend().supports_defer:
        retry = retry.using(run_after=timezone.now() + timedelta(seconds=RETRY_DELAYS[attempt - 1]))
    retry.enqueue(app_label, model_name, str(pk), attempt)


@task()
def retry_index_object(app_label, model_name, pk, attempt=1):
    model = apps.get_model(app_label, model_name)
    instance = model._default_manager.filter(pk=pk).first()
    if instance is None:
        return  # deleted since: nothing left to index
    try:
        index.insert_or_update_object(instance)
    except Exception:
        logger.warning(
            "Search index update for %s.%s %s failed again (retry %d).",
            app_label,
            model_name,
            pk,
            attempt,
        )
        schedule_retry(app_label, model_name, pk, attempt + 1)
        raise


def _reindex(pages):
    """Index each page, scheduling a retry for any that fails instead of stopping."""
    for page in pages:
        try:
            index.insert_or_update_object(page)
        except Exception:
            logger.exception("Search index update for page %s failed; retrying later.", page.pk)
            schedule_retry(page._meta.app_label, page._meta.model_name, page.pk)


@task()
def reindex_pages(page_ids):
    page_ids = list(page_ids)
    for start in range(0, len(page_ids), CHUNK):
        _reindex(Page.objects.filter(pk__in=page_ids[start : start + CHUNK]).specific())


@task()
def reindex_subtree(page_id):
    """A page and its descendants: after a move or a change of who may see them."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        reindex_pages.call(
            list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))
        )


def pages_linking(documents_queryset):
    """Ids of the pages that link any of the documents, from Wagtail's reference index."""
    references = ReferenceIndex.get_references_to_in_bulk(documents_queryset).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return sorted({int(object_id) for object_id in references.values_list("object_id", flat=True)})


@task()
def refresh_document(document_id):
    """Read a document's text if its file changed, then reindex the pages that link it.

    The pages are reindexed even when the text is unchanged: the document may have moved to
    or from a private collection, which decides whether its text is searched with them.
    """
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return
    documents.refresh_text(document)
    reindex_pages.call(pages_linking(get_document_model().objects.filter(pk=document.pk)))


@task()
def reindex_collection(collection_id):
    """Pages linking documents of a collection (or its children) whose privacy changed."""
    from wagtail.models import Collection

    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return
    reindex_pages.call(
        pages_linking(
            get_document_model().objects.filter(
                collection__in=collection.get_descendants(inclusive=True)
            )
        )
    )


@task()
def embed_pages(page_ids):
    """Store the meaning vectors of published pages (search.semantic), off the request."""
    from . import semantic

    if not semantic.enabled():
        return
    page_ids = list(page_ids)
    for start in range(0, len(page_ids), CHUNK):
        semantic.store(
            Page.objects.live().filter(pk__in=page_ids[start : start + CHUNK]).specific()
        )


@task()
def refresh_spelling():
    """Rebuild the typo fallback's vocabulary from the pages visitors may find (search.spelling)."""
    from . import vocabulary

    if vocabulary.enabled():
        vocabulary.rebuild()
