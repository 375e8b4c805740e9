"""One illustration per demo page: the page's subject drawn as a simple pictogram.

Why: one abstract picture repeated on every card tells a visitor nothing and makes different
pages look alike. Each page gets its own image, drawn here with Pillow when the demo is loaded
(no photograph, so no consent or licence question, and never a child's face): the abstract
background of its palette, seeded by the page's slug so no two are the same, and in front of it
a pictogram of its subject (a telephone for helplines, a path for children on the move...).
The alt text says what is drawn.
"""

import math
import random

from PIL import ImageDraw

from .files import listing_image, png_bytes

INK = (31, 42, 48)
LIGHT = (206, 228, 224)  # a soft teal, visible on the white disc behind the pictogram

# What each motif shows, for the image's alt text (its description).
MOTIFS = {
    "helpline": "A telephone handset beside two speech bubbles",
    "field": "A sun over rows of young crops in a field",
    "path": "A winding path with footprints leading to a distant house",
    "home": "A house sheltering an adult and a child, drawn as simple figures",
    "wellbeing": "Two open hands holding a heart",
    "learning": "An open book with a lamp of ideas above it",
    "checklist": "A clipboard with a checklist, three items ticked",
    "inclusion": "Rainbow arcs above a speech bubble",
    "community": "A circle of people, drawn as simple figures, talking together",
    "data": "A bar chart rising from left to right",
}


def _figure(draw, x, y, scale, fill):
    """A person: a round head over a rounded body."""
    head = 18 * scale
    draw.ellipse([x - head, y - head, x + head, y + head], fill=fill)
    draw.rounded_rectangle(
        [x - 30 * scale, y + 26 * scale, x + 30 * scale, y + 110 * scale],
        radius=int(26 * scale),
        fill=fill,
    )


def _bubble(draw, box, fill, tail_left=True):
    x0, y0, x1, y1 = box
    draw.rounded_rectangle(box, radius=30, fill=fill)
    tail_x = x0 + 40 if tail_left else x1 - 40
    draw.polygon(
        [(tail_x, y1 - 2), (tail_x + (30 if tail_left else -30), y1 - 2), (tail_x, y1 + 40)],
        fill=fill,
    )


def _draw(motif, draw, cx, cy, accent):
    if motif == "helpline":
        draw.rounded_rectangle([cx - 170, cy - 40, cx - 30, cy + 170], radius=60, fill=INK)
        draw.rounded_rectangle([cx - 140, cy + 10, cx - 60, cy + 120], radius=20, fill=accent)
        _bubble(draw, [cx + 10, cy - 170, cx + 230, cy - 60], LIGHT)
        _bubble(draw, [cx + 50, cy - 30, cx + 250, cy + 60], accent, tail_left=False)
    elif motif == "field":
        draw.ellipse([cx + 90, cy - 200, cx + 210, cy - 80], fill=accent)
        for row in range(4):
            y = cy - 20 + row * 55
            for col in range(7):
                x = cx - 240 + col * 70 + (row % 2) * 35
                draw.line([(x, y + 40), (x, y)], fill=INK, width=6)
                draw.ellipse([x - 16, y - 12, x, y + 8], fill=INK)
                draw.ellipse([x, y - 12, x + 16, y + 8], fill=INK)
    elif motif == "path":
        points = [(cx - 260 + i * 26, cy + 150 - i * 12 + 40 * math.sin(i / 3)) for i in range(21)]
        draw.line(points, fill=LIGHT, width=46, joint="curve")  # the path
        for i in range(2, 19, 3):
            x, y = points[i]
            draw.ellipse([x - 9, y - 14, x + 9, y + 6], fill=INK)
        hx, hy = points[-1]
        draw.polygon([(hx - 50, hy - 40), (hx, hy - 90), (hx + 50, hy - 40)], fill=INK)
        draw.rectangle([hx - 40, hy - 40, hx + 40, hy + 20], fill=INK)
    elif motif == "home":
        draw.polygon([(cx - 220, cy - 30), (cx, cy - 210), (cx + 220, cy - 30)], fill=INK)
        draw.rectangle([cx - 180, cy - 30, cx + 180, cy + 190], fill=LIGHT)
        _figure(draw, cx - 60, cy + 20, 1.0, INK)
        _figure(draw, cx + 60, cy + 80, 0.6, accent)
    elif motif == "wellbeing":
        draw.ellipse([cx - 90, cy - 140, cx + 10, cy - 40], fill=accent)
        draw.ellipse([cx - 10, cy - 140, cx + 90, cy - 40], fill=accent)
        draw.polygon([(cx - 86, cy - 72), (cx + 86, cy - 72), (cx, cy + 30)], fill=accent)
        draw.chord([cx - 230, cy - 20, cx + 10, cy + 200], 0, 180, fill=INK)
        draw.chord([cx - 10, cy - 20, cx + 230, cy + 200], 0, 180, fill=INK)
    elif motif == "learning":
        draw.polygon(
            [(cx - 230, cy), (cx, cy + 40), (cx, cy + 200), (cx - 230, cy + 160)], fill=LIGHT
        )
        draw.polygon(
            [(cx + 230, cy), (cx, cy + 40), (cx, cy + 200), (cx + 230, cy + 160)], fill=LIGHT
        )
        draw.line([(cx, cy + 40), (cx, cy + 200)], fill=INK, width=6)
        for i in range(3):
            draw.line(
                [(cx - 190, cy + 50 + i * 35), (cx - 40, cy + 80 + i * 35)], fill=INK, width=5
            )
        draw.ellipse([cx - 50, cy - 200, cx + 50, cy - 100], fill=accent)
        draw.rectangle([cx - 22, cy - 100, cx + 22, cy - 70], fill=INK)
    elif motif == "checklist":
        draw.rounded_rectangle([cx - 150, cy - 190, cx + 150, cy + 200], radius=24, fill=LIGHT)
        draw.rounded_rectangle([cx - 60, cy - 215, cx + 60, cy - 170], radius=14, fill=INK)
        for i in range(4):
            y = cy - 120 + i * 80
            draw.rectangle([cx - 110, y, cx - 70, y + 40], outline=INK, width=5)
            if i < 3:
                draw.line(
                    [(cx - 104, y + 20), (cx - 92, y + 34), (cx - 66, y - 4)], fill=accent, width=9
                )
            draw.line([(cx - 40, y + 20), (cx + 110, y + 20)], fill=INK, width=7)
    elif motif == "inclusion":
        colours = [
            (200, 70, 70),
            (230, 140, 60),
            (230, 200, 70),
            (80, 160, 90),
            (70, 110, 190),
            (140, 90, 170),
        ]
        for i, colour in enumerate(colours):
            r = 230 - i * 28
            draw.arc([cx - r, cy - r + 40, cx + r, cy + r + 40], 180, 360, fill=colour, width=26)
        _bubble(draw, [cx - 90, cy + 70, cx + 90, cy + 160], LIGHT)
    elif motif == "community":
        for i in range(6):
            angle = math.tau * i / 6 - math.pi / 2
            _figure(
                draw,
                cx + 170 * math.cos(angle),
                cy - 40 + 120 * math.sin(angle),
                0.7,
                INK if i % 2 else accent,
            )
    else:  # data
        for i, height in enumerate((80, 140, 120, 200, 260)):
            x = cx - 210 + i * 90
            draw.rectangle([x, cy + 180 - height, x + 60, cy + 180], fill=INK if i % 2 else accent)
        draw.line([(cx - 240, cy + 182), (cx + 240, cy + 182)], fill=INK, width=6)


def illustration_bytes(palette, pattern, motif, seed, size=(1200, 675)):
    """A PNG: the palette's abstract background (seeded) with the motif's pictogram in front."""
    background = listing_image(palette, pattern, seed=seed, size=size).convert("RGB")
    rng = random.Random(f"{seed}/motif")
    accent = (194, 87, 12) if rng.random() < 0.5 else (11, 85, 99)
    draw = ImageDraw.Draw(background)
    width, height = size
    # Off-centre, on the side a card's text does not cover, shifted a little per page.
    cx = int(width * rng.uniform(0.58, 0.66))
    cy = int(height * rng.uniform(0.46, 0.54))
    draw.ellipse([cx - 290, cy - 290, cx + 290, cy + 290], fill=(255, 255, 255))
    _draw(motif, draw, cx, cy, accent)
    return png_bytes(background)
