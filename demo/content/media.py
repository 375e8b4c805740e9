"""Listing images, drawn at load time: calm abstract graphics, never photographs of children."""

IMAGE_CREDIT = "Abstract illustration generated for the portal (Child Protection Knowledge Network)"

IMAGES = {
    "crop-rows": {
        "title": "Rows of crops (abstract)",
        "description": "Ochre and green bands curving across the picture like rows in a field.",
        "palette": "sand",
        "pattern": "bands",
    },
    "stepping-stones": {
        "title": "Stepping stones (abstract)",
        "description": "Overlapping blue and sand-coloured circles, like stepping stones along a route.",
        "palette": "sea",
        "pattern": "circles",
    },
    "open-arcs": {
        "title": "Open arcs (abstract)",
        "description": "Soft concentric arcs in pink, violet and amber rising from the bottom edge.",
        "palette": "dawn",
        "pattern": "arcs",
    },
    "warm-circles": {
        "title": "Warm circles (abstract)",
        "description": "Warm terracotta and teal circles overlapping on a pale background.",
        "palette": "clay",
        "pattern": "circles",
    },
    "gentle-waves": {
        "title": "Gentle waves (abstract)",
        "description": "Gentle green and straw-coloured waves across a light background.",
        "palette": "leaf",
        "pattern": "bands",
    },
    "gathering": {
        "title": "Gathering (abstract)",
        "description": "A loose grid of blue, lilac and amber dots, like people gathered in a room.",
        "palette": "slate",
        "pattern": "dots",
    },
    "horizon": {
        "title": "Horizon (abstract)",
        "description": "Blue arcs layered like a horizon at dawn.",
        "palette": "sea",
        "pattern": "arcs",
    },
    "layers": {
        "title": "Layers (abstract)",
        "description": "Layered blue-grey bands, like lines on a chart.",
        "palette": "slate",
        "pattern": "bands",
    },
}
