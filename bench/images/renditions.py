"""The renditions made after an upload: Wagtail's one encoding per spec against the portal's task.

Usage (from the repository root, after `make install`):

    .venv/bin/python bench/images/renditions.py [--rounds 5]

In a temporary folder (removed afterwards): a scratch SQLite database (`migrate`, about 40 s)
and the media files. For each picture, rounds take turns: Wagtail's own
`image.get_renditions(*RENDITION_SPECS)`, which encodes every spec, then the portal's
`core.images.create_renditions`, which encodes once per distinct file and copies it for the
specs that would give the same one (a 16:9 card and the image block of the same width). Each
round starts with no rendition rows or files and an empty rendition cache.

The pictures: the demo's own listing illustration (1200x675, as `load_demo_content` draws 50 of
them), a camera photo (4000x3000, 4:3, where no two specs match) and a wide photo (1920x1080).

Printed per picture and way: how many files Wagtail encoded, the median wall time and CPU time
of a round (CPU includes Wagtail's three encoding threads), and the machine's load average,
since the cores are shared: compare rows of one run.
"""

import argparse
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import loadavg  # noqa: E402


def photo(size, seed):
    """A photo-like picture: noise over shapes, which encodes as slowly as a real photograph."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    picture = Image.new("RGB", size, (rng.randrange(256), 120, 160))
    draw = ImageDraw.Draw(picture)
    width, height = size
    for _ in range(60):
        x, y = rng.randrange(width), rng.randrange(height)
        radius = rng.randrange(20, max(21, width // 6))
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
    noise = Image.effect_noise(size, 24).convert("RGB")
    picture = Image.blend(picture.filter(ImageFilter.GaussianBlur(3)), noise, 0.15)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def pictures():
    from demo.illustrations import illustration_bytes

    illustration = illustration_bytes("sea", "bands", "helpline", "bench")
    return [
        ("demo illustration 1200x675 (16:9)", "illustration.png", illustration),
        ("wide photo 1920x1080 (16:9)", "wide.jpg", photo((1920, 1080), 1)),
        ("camera photo 4000x3000 (4:3)", "camera.jpg", photo((4000, 3000), 2)),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="portal-bench-renditions-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    try:
        run(folder, args.rounds)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(folder, rounds):
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import caches
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from wagtail.images.models import Filter

    from core import images
    from core.models import PortalImage
    from tests.factories import root_collection

    settings.MEDIA_ROOT = folder / "media"
    call_command("migrate", verbosity=0)
    encoded = []
    lock = threading.Lock()
    original_run = Filter.run

    def counted(rule, *a, **kw):
        with lock:
            encoded.append(rule.spec)
        return original_run(rule, *a, **kw)

    Filter.run = counted

    def wagtail(image):
        image.get_renditions(*images.RENDITION_SPECS)

    def portal(image):
        images.create_renditions.call(image.pk)

    print(f"rounds: {rounds} per way, taken in turns; load average before: {loadavg()}\n")
    print(f"{'picture':36} {'way':8} {'encoded':>7} {'wall s':>7} {'CPU s':>7}  load")
    for label, name, data in pictures():
        # The upload makes its renditions (the task); each round removes them first.
        image = PortalImage.objects.create(
            title=label, collection=root_collection(), file=ContentFile(data, name=name)
        )
        timings = {"Wagtail": [], "portal": []}
        counts = {}
        for _ in range(rounds):
            for way, make in (("Wagtail", wagtail), ("portal", portal)):
                for rendition in image.renditions.all():
                    rendition.file.delete(save=False)
                image.renditions.all().delete()
                for cache in caches.all():
                    cache.clear()
                image = PortalImage.objects.get(pk=image.pk)  # no prefetched renditions
                encoded.clear()
                wall, cpu = time.perf_counter(), time.process_time()
                make(image)
                timings[way].append((time.perf_counter() - wall, time.process_time() - cpu))
                counts[way] = len(encoded)
                assert image.renditions.count() == len(images.RENDITION_SPECS)
        for way, rows in timings.items():
            wall = statistics.median(row[0] for row in rows)
            cpu = statistics.median(row[1] for row in rows)
            print(f"{label:36} {way:8} {counts[way]:>7} {wall:>7.3f} {cpu:>7.3f}  {loadavg()}")
    Filter.run = original_run


if __name__ == "__main__":
    main()
