"""Image and rendition sizes are read from the file's header (core.image_files).

Each test checks the recorded size against the picture itself, decoded in the test. The
header-only reading is checked by making Pillow refuse to decode while the size is read.
"""

import io
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from PIL import Image, ImageFile
from wagtail.images.models import WagtailImageFieldFile
from willow.image import UnrecognisedImageFormatError

from core.images import RENDITION_SPECS, create_renditions

from .test_renditions import picture, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_cached_renditions")]

FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp", "GIF": "gif", "AVIF": "avif"}


def decoded_size(field_file):
    with field_file.open("rb") as file:
        image = Image.open(io.BytesIO(file.read()))
        image.load()
        return image.size


def no_decoding():
    """Pillow's decoding made to fail: only a header-only read gets past it."""
    return mock.patch.object(
        ImageFile.ImageFile, "load", side_effect=AssertionError("the whole picture was decoded")
    )


@pytest.mark.parametrize("file_format", FORMATS)
def test_an_upload_records_its_size_without_decoding_it(file_format):
    image = upload(picture((640, 360), file_format), f"size.{FORMATS[file_format]}")
    assert (image.width, image.height) == (640, 360) == decoded_size(image.file)
    with no_decoding():
        assert image.file.get_image_dimensions() == (640, 360)


def test_wagtails_own_field_would_decode_the_whole_picture():
    """What the override saves: the same call through Wagtail's class decodes every pixel.

    When Willow reads sizes without decoding, this fails, and core/image_files.py can go."""
    image = upload(picture((320, 180)), "stock.png")
    stock = WagtailImageFieldFile(image, image.file.field, image.file.name)
    with no_decoding(), pytest.raises(AssertionError, match="decoded"):
        stock.get_image_dimensions()


def test_every_rendition_records_the_size_of_its_file():
    image = upload(picture((1200, 675)), "renditions.png")
    create_renditions.call(image.pk)
    renditions = list(image.renditions.all())
    assert {rendition.filter_spec for rendition in renditions} == set(RENDITION_SPECS)
    for rendition in renditions:
        assert (rendition.width, rendition.height) == decoded_size(rendition.file), (
            rendition.filter_spec
        )


def test_a_file_pillow_cannot_read_fails_as_it_did_through_willow():
    image = upload(picture((64, 48)), "broken.png")
    name = image.file.storage.save("original_images/broken.png", ContentFile(b"not a picture"))
    for field_file_class in (type(image.file), WagtailImageFieldFile):
        with pytest.raises(UnrecognisedImageFormatError):
            field_file_class(image, image.file.field, name).get_image_dimensions()
