"""The renditions made after an upload (core.images): every spec's file is the one Wagtail makes.

Specs that give the same file for a picture (a card's `fill-400x225` and an image block's
`width-400` on a 16:9 picture) are encoded once and the file copied; each test compares every
stored file, byte for byte, with the file Wagtail's own `Filter.run` makes for that spec, and
counts how many times Wagtail encoded.
"""

import io
import os
import threading
import uuid
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw
from wagtail.images.models import Filter

from core.images import RENDITION_SPECS, create_renditions, same_output
from core.models import PortalImage

from .factories import root_collection

PAIRS_ON_16_9 = [
    ["fill-400x225|format-webp", "width-400|format-webp"],
    ["fill-800x450|format-webp", "width-800|format-webp"],
    ["fill-1200x675|format-webp", "width-1200|format-webp"],
]


pytestmark = pytest.mark.usefixtures("no_cached_renditions")  # tests/conftest.py


def picture(size, file_format="PNG", orientation=None):
    """A picture with edges and colours (so that a wrong crop or scale shows in the bytes)."""
    width, height = size
    image = Image.new("RGB", size, (230, 240, 250))
    draw = ImageDraw.Draw(image)
    for step in range(0, width, max(width // 12, 1)):
        draw.line([(step, 0), (width - step, height)], fill=(step % 255, 80, 160), width=3)
    draw.ellipse([width // 4, height // 4, width // 2, height // 2], fill=(200, 60, 40))
    buffer = io.BytesIO()
    if orientation is None:
        image.save(buffer, file_format)
    else:
        exif = Image.Exif()
        exif[0x0112] = orientation
        image.save(buffer, file_format, exif=exif)
    return buffer.getvalue()


def upload(data, name):
    """An image with a file name of its own (a taken name would get a suffix in storage)."""
    stem, extension = os.path.splitext(name)
    unique = f"{stem}-{uuid.uuid4().hex[:8]}{extension}"
    return PortalImage.objects.create(
        title=name, collection=root_collection(), file=ContentFile(data, name=unique)
    )


def wagtails_file(image, spec):
    """The file Wagtail's own `Filter.run` makes of `image` for `spec`: its bytes and name."""
    made = image.generate_rendition_file(Filter(spec=spec))
    made.seek(0)
    return made.read(), made.name


def stored_and_wagtails(image):
    """Each spec's stored file (for the image's focal point now) and Wagtail's, with names."""
    for spec in RENDITION_SPECS:
        rendition = image.renditions.get(
            filter_spec=spec, focal_point_key=Filter(spec=spec).get_cache_key(image)
        )
        with rendition.file.open("rb") as file:
            stored = file.read()
        yield spec, stored, os.path.basename(rendition.file.name), *wagtails_file(image, spec)


def encodings_during(action):
    """`action`'s result, and how many times Wagtail's `Filter.run` encoded a file meanwhile
    (counted under a lock: Wagtail encodes a picture's renditions in three threads)."""
    lock, specs = threading.Lock(), []
    original = Filter.run

    def counted(rule, *args, **kwargs):
        with lock:
            specs.append(rule.spec)
        return original(rule, *args, **kwargs)

    with mock.patch.object(Filter, "run", counted):
        result = action()
    return result, len(specs)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("size", "file_format", "orientation", "encoded"),
    [
        ((1600, 900), "PNG", None, len(RENDITION_SPECS) - 3),  # 16:9: three pairs shared
        ((1600, 1200), "PNG", None, len(RENDITION_SPECS)),  # 4:3: each spec crops or scales apart
        ((1600, 900), "JPEG", None, len(RENDITION_SPECS) - 3),
        # A photo taken on its side: stored 900x1600, shown upright as 1600x900, as Wagtail does.
        ((900, 1600), "JPEG", 6, len(RENDITION_SPECS) - 3),
        ((1600, 900), "JPEG", 6, len(RENDITION_SPECS)),  # upright it is 9:16: nothing shared
        # Wagtail never enlarges: a 640x360 picture's 800- and 1200-wide renditions are the
        # picture itself, four specs one file; a 400x225 card and its width-400 one more.
        ((640, 360), "PNG", None, 4),
    ],
    ids=["16:9", "4:3", "16:9 jpeg", "on its side, 16:9 upright", "on its side, 9:16", "small"],
)
def test_every_spec_is_the_file_wagtail_makes_with_fewer_encodings(
    size, file_format, orientation, encoded
):
    data = picture(size, file_format, orientation)
    image, count = encodings_during(lambda: upload(data, f"photo.{file_format.lower()}"))
    assert count == encoded
    for spec, stored, stored_name, wagtails, wagtails_name in stored_and_wagtails(image):
        assert stored == wagtails, spec
        assert stored_name == wagtails_name, spec


@pytest.mark.django_db
def test_only_the_pairs_that_match_share_a_file():
    image = upload(picture((1600, 900)), "wide.png")
    groups = same_output(image, RENDITION_SPECS, (1600, 900))
    assert sorted(group for group in groups if len(group) > 1) == sorted(PAIRS_ON_16_9)
    assert sum(len(group) for group in groups) == len(RENDITION_SPECS)
    assert same_output(image, RENDITION_SPECS, None) == [[spec] for spec in RENDITION_SPECS]


@pytest.mark.django_db
def test_a_moved_focal_point_gets_its_own_crops_and_keeps_the_rest():
    image = upload(picture((1600, 900)), "focus.png")
    before = {(r.filter_spec, r.focal_point_key) for r in image.renditions.all()}
    image.focal_point_x, image.focal_point_y = 1300, 200
    image.focal_point_width, image.focal_point_height = 80, 80
    image.save()  # queues the task again, as the admin's focal point tool does
    after = {(r.filter_spec, r.focal_point_key) for r in image.renditions.all()}
    assert before < after
    fills = {spec for spec, _ in after - before}
    assert fills and all(spec.startswith("fill-") for spec in fills)
    for spec, stored, stored_name, wagtails, wagtails_name in stored_and_wagtails(image):
        assert stored == wagtails, spec
        assert stored_name == wagtails_name, spec


@pytest.mark.django_db
def test_the_same_size_cropped_elsewhere_is_another_file():
    """`fill-400x225` keeps a 16:9 picture whole; with `-c100` it crops close to the focal
    point: the same size, another crop, so another file."""
    image = upload(picture((1600, 900)), "crop.png")
    image.focal_point_x, image.focal_point_y = 1300, 200
    image.focal_point_width, image.focal_point_height = 80, 80
    whole, close = "fill-400x225|format-webp", "fill-400x225-c100|format-webp"
    assert same_output(image, [whole, close], (1600, 900)) == [[whole], [close]]
    assert wagtails_file(image, whole)[0] != wagtails_file(image, close)[0]


@pytest.mark.django_db
def test_a_rendition_whose_file_is_gone_leaves_wagtail_to_make_the_others():
    """The first of a pair still in the cache and the database, its file deleted: the task
    cannot copy it, so Wagtail encodes its partner as before."""
    image = upload(picture((1600, 900)), "gone.png")
    first, partner = PAIRS_ON_16_9[0]
    gone = image.renditions.get(filter_spec=first).file
    gone.storage.delete(gone.name)
    image.renditions.filter(filter_spec=partner).delete()
    _, count = encodings_during(lambda: create_renditions.call(image.pk))
    assert count == 1  # the partner; every other spec was found
    with image.renditions.get(filter_spec=partner).file.open("rb") as file:
        assert file.read() == wagtails_file(image, partner)[0]
