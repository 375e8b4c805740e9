"""Image sizes read from the file's header, not by decoding the whole picture.

Django fills an image's `width` and `height` from its file whenever one is assigned or saved,
and Wagtail's field reads the size through Willow, whose Pillow plugin decodes every pixel
first (`willow.plugins.pillow.PillowImage.open` calls `load()`). So every rendition Wagtail
saved was decoded again just to learn the size it had been made at, and every upload decoded
the original once more: 13-14 % of the CPU of a 16:9 picture's renditions
(bench/images/renditions.py), 40 ms for a 12-megapixel photograph's size.

Pillow reads the size from the header. Files it cannot read that way (SVG, which Willow reads
as XML, or anything Pillow does not know) still go through Willow as before. This can go when
Willow reads sizes without decoding (wagtail/Willow, `get_size` on an unloaded image).
"""

from PIL import Image as PILImage
from wagtail.images.models import WagtailImageField, WagtailImageFieldFile


class HeaderSizeFieldFile(WagtailImageFieldFile):
    def get_image_dimensions(self):
        closed = self.closed
        try:
            self.open()
            self.seek(0)
            with PILImage.open(self) as picture:  # reads the header only
                return picture.size
        except Exception:  # anything Pillow cannot read: Willow's way, with Willow's errors
            pass
        finally:
            if closed:
                self.close()
            else:
                self.seek(0)
        return super().get_image_dimensions()


class HeaderSizeImageField(WagtailImageField):
    attr_class = HeaderSizeFieldFile


def header_size_field(wagtail_model):
    """`wagtail_model`'s own file field (its options, label and translations), reading sizes
    from the header: for the portal's image and rendition models."""
    _name, _path, args, kwargs = wagtail_model._meta.get_field("file").deconstruct()
    return HeaderSizeImageField(*args, **kwargs)
