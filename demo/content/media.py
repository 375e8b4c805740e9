"""Listing images, drawn at load time: pictograms on calm abstract backgrounds, never photographs.

Every page gets its own picture (demo.illustrations): the background of the image its spec
names (palette and pattern), seeded by its slug, and a pictogram of its subject chosen from its
resource type, then its topics, then its page type.
"""

IMAGE_CREDIT = "Abstract illustration generated for the portal (Child Protection Knowledge Network)"
ILLUSTRATION_CREDIT = (
    "Illustration drawn for the portal by its demo loader (Child Protection Knowledge Network), CC0"
)

RESOURCE_TYPE_MOTIFS = {
    "statistics-or-dataset": "data",
    "external-database": "data",
    "guideline-or-tool": "checklist",
    "training-material": "learning",
}
TOPIC_MOTIFS = {
    "child-labour": "field",
    "children-on-the-move": "path",
    "lgbtqi-children": "inclusion",
    "inclusive-practice": "inclusion",
    "staff-wellbeing": "wellbeing",
    "mental-health": "wellbeing",
    "alternative-care": "home",
    "family-strengthening": "home",
    "child-helplines": "helpline",
}
PAGE_TYPE_MOTIFS = {
    "learning.ELearningIndexPage": "learning",
    "learning.ELearningModulePage": "learning",
    "learning.LessonPage": "learning",
    "case_studies.CaseStudyIndexPage": "community",
    "case_studies.CaseStudyPage": "community",
    "resources.ResourceLibraryPage": "checklist",
    "content_areas.ContentAreaIndexPage": "path",
    "home.HomePage": "community",
}


def motif_for(spec):
    """The pictogram of a page spec's subject (a key of demo.illustrations.MOTIFS)."""
    if spec.get("resource_type") in RESOURCE_TYPE_MOTIFS:
        return RESOURCE_TYPE_MOTIFS[spec["resource_type"]]
    if spec["type"] in ("learning.ELearningModulePage", "learning.LessonPage"):
        return "learning"
    for topic in spec.get("topics", ()):
        if topic in TOPIC_MOTIFS:
            return TOPIC_MOTIFS[topic]
    return PAGE_TYPE_MOTIFS.get(spec["type"], "community")


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
