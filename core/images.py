"""Image renditions are made once, in the background after an upload, never during a page view.

Wagtail makes a missing rendition when a template first asks for it, so a visitor's page view
wrote rows (and files) and every node raced to write the same ones. The portal's templates use a
fixed set of filter specs, listed here; saving an image (an upload, a new file, a moved focal
point) queues a task that makes all of them, so visitors read renditions that already exist and
every node shares them (the rows are in the database, the files in the media storage).
`tests/test_read_only_views.py` checks that every spec a template names is in this list.
Specs that give the same file for a picture are encoded once (`same_output`).
"""

import os
from dataclasses import dataclass
from typing import IO

from django.db.models.signals import post_save
from django.dispatch import receiver
from django_tasks import task
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.image_operations import TransformOperation
from wagtail.images.models import IMAGE_FORMAT_EXTENSIONS, Filter

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
    if image is None:
        return
    groups = same_output(image, RENDITION_SPECS, upright_size(image))
    made = image.get_renditions(*(specs[0] for specs in groups))
    for first, *others in groups:
        if not others:
            continue
        try:
            with made[first].file.open("rb") as file:
                data = file.read()
        except OSError:  # a cached rendition whose file is gone: Wagtail makes each one
            for spec in others:
                image.get_rendition(spec)
            continue
        extension = os.path.splitext(made[first].file.name)[1]
        for spec in others:  # Wagtail's get_rendition: made only where it is missing
            image.get_rendition(CopiedFilter(spec, data, FORMATS_BY_EXTENSION[extension]))


def same_output(image, specs, size):
    """`specs` grouped by the file Wagtail would make of `image` (`size` upright) for each.

    Why: a card's `fill-400x225` and an image block's `width-400` are different requests,
    but for a 16:9 picture, the usual shape of a listing image, both crop nothing and scale it
    to 400x225, and Wagtail encoded the same WebP twice. RENDITION_SPECS hold three such pairs,
    a third of the encoding's CPU (bench/images/renditions.py). Two specs make the same
    file when their crop and size are equal and their other operations (format, quality)
    are the same: Wagtail's `Filter.run` turns the picture upright, crops it to
    `get_transform().get_rect()`, resizes it to the transform's size, then applies the rest.
    Groups keep the order of `specs`. Without a size (an SVG, or a file Pillow cannot read)
    nothing is grouped, and Wagtail makes each one as before.
    """
    groups = {}
    for spec in specs:
        key = spec
        if size is not None:
            rule = Filter(spec=spec)
            transform = rule.get_transform(image, size)
            rest = tuple(
                part
                for part, operation in zip(spec.split("|"), rule.operations, strict=True)
                if not isinstance(operation, TransformOperation)
            )
            key = (tuple(transform.get_rect().round()), tuple(transform.size), rest)
        groups.setdefault(key, []).append(spec)
    return list(groups.values())


def upright_size(image):
    """The picture's size once turned upright, as Wagtail's `Filter.run` turns it first.

    The stored width and height are the file's own; EXIF orientations 5 to 8 (a photo taken
    with the camera on its side) swap them. Pillow reads only the file's header here. None for
    an SVG or a file Pillow cannot read.
    """
    if image.is_svg():
        return None
    try:
        with image.open_file() as file, PILImage.open(file) as picture:
            turned = picture.getexif().get(ORIENTATION_TAG, 1) in {5, 6, 7, 8}
    except (OSError, ValueError):  # PIL.UnidentifiedImageError is an OSError
        return None
    return (image.height, image.width) if turned else (image.width, image.height)


ORIENTATION_TAG = 0x0112  # EXIF's Orientation
FORMATS_BY_EXTENSION = {extension: name for name, extension in IMAGE_FORMAT_EXTENSIONS.items()}


@dataclass
class _Made:
    """What `Filter.run` returns, as far as Wagtail's `generate_rendition_file` reads it."""

    f: IO[bytes]
    format_name: str


class CopiedFilter(Filter):
    """A filter whose file is already made: the bytes of another spec's identical rendition.

    Handed to Wagtail's own `get_rendition`, so the row, the file's name, the focal point key
    and the rendition cache are Wagtail's; only the decoding and encoding are skipped.
    """

    def __init__(self, spec, data, format_name):
        super().__init__(spec=spec)
        self.data, self.format_name = data, format_name

    def run(self, image, output, source=None):
        output.write(self.data)
        output.seek(0)
        return _Made(output, self.format_name)


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
