"""Image renditions are made once, in the background after an upload, never during a page view.

Wagtail makes a missing rendition when a template first asks for it, so a visitor's page view
wrote rows (and files) and every node raced to write the same ones. The portal's templates use a
fixed set of filter specs, listed here; saving an image (an upload, a new file, a moved focal
point) queues a task that makes all of them, so visitors read renditions that already exist and
every node shares them (the rows are in the database, the files in the media storage).
`tests/test_read_only_views.py` checks that every spec a template names is in this list.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django_tasks import task
from wagtail.images import get_image_model

RENDITION_SPECS = (
    "fill-400x225|format-webp",  # cards (includes/page_card.html, resource_card.html)
    "fill-800x450|format-webp",  # cards at double density, case study image
    "fill-1200x675|format-webp",  # case study image, wide screens
    "fill-96x96|format-webp",  # a person's photo (includes/person.html)
    "fill-1200x630|format-jpeg",  # the Open Graph image (base.html, core.structured_data)
    "width-400|format-webp",  # image blocks (blocks/image_block.html)
    "width-800|format-webp",
    "width-1200|format-webp",
)


@task()
def create_renditions(image_id):
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is not None:
        image.get_renditions(*RENDITION_SPECS)


def connect():
    @receiver(post_save, sender=get_image_model(), weak=False)
    def renditions_after_upload(sender, instance, raw=False, **kwargs):
        if raw:  # loaddata
            return
        # Enqueued in the image's own transaction: the database queue's task row commits with
        # the image (the worker never sees one without the other).
        create_renditions.enqueue(instance.pk)


def attach_renditions(objects, field="listing_image"):
    """Give the images of `objects` (pages, people...) their stored renditions, in one query.

    Why: a card's `{% srcset_image %}` looks its renditions up in the cache, one round trip to
    Redis per image, a third of a home page's CPU once its listings came from the fragments
    (core.fragments). Renditions attached here are what Wagtail's own
    `ImageQuerySet.prefetch_renditions` sets (`prefetched_renditions`), which Wagtail reads
    first; a missing one is made as before. Used on what is stored as a fragment, so the
    renditions are read once per content change (saving a rendition is one) and travel with it.
    """
    images = {}
    for obj in objects:
        image = getattr(obj, field, None) if obj is not None else None
        if image is not None:
            images.setdefault(image.pk, []).append(image)
    if not images:
        return
    model = next(iter(images.values()))[0].get_rendition_model()
    found = {pk: [] for pk in images}
    for rendition in model.objects.filter(image_id__in=images):
        rendition.image = images[rendition.image_id][0]  # read by the tag (alt text)
        found[rendition.image_id].append(rendition)
    for pk, same in images.items():
        for image in same:
            image.prefetched_renditions = found[pk]
