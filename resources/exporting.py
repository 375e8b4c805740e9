"""Export every resource in the import format (resources.records), with its files beside it.

The output's suffix picks the format: `.csv` or `.xlsx` write a spreadsheet with the same
fields as columns (resources.tabular), anything else the JSON format.
"""

import json
import os
import shutil
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.utils.text import slugify

from core.validators import file_extension

from .models import ResourcePage
from .records import FORMAT_VERSION, TABULAR_SUFFIXES, latest_version, page_state


def export_resources(output, files_dir=None):
    """Write every resource (its latest version) in the import format; returns the count.

    Alias pages are left out: they have no content of their own.

    Files are copied beside the output, under `<output name>_files/` unless told otherwise,
    in a folder named after their content, so exporting twice writes the same paths.
    """
    output = Path(output)
    files_dir = Path(files_dir) if files_dir else output.with_name(f"{output.stem}_files")
    order = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
    pages = sorted(
        ResourcePage.objects.filter(alias_of__isnull=True).select_related("locale"),
        key=lambda p: (str(p.translation_key), order.get(p.locale.language_code, len(order))),
    )
    records = []
    for page in pages:
        state = page_state(latest_version(page))
        state["files"] = [
            _exported_file(document, label, output.parent, files_dir)
            for document, label in state["files"]
        ]
        image = state["listing_image"]
        state["listing_image"] = (
            _exported_file(image, "", output.parent, files_dir)["path"] if image else None
        )
        records.append(
            {"key": str(page.translation_key), "locale": page.locale.language_code, **state}
        )
    if output.suffix.lower() in TABULAR_SUFFIXES:
        from .tabular import write_rows

        write_rows(records, output)
        return len(records)
    text = json.dumps(
        {"version": FORMAT_VERSION, "resources": records}, ensure_ascii=False, indent=2
    )
    output.write_text(text + "\n", encoding="utf-8")
    return len(records)


def _exported_file(document, label, base, files_dir):
    """Copy a document (or an image) beside the output; its entry in the `files` list."""
    # Named after the content and the title, not the stored name: storage renames clashing
    # files (guide_x7Ab2cQ.pdf), and the export must not change when the files do not.
    name = slugify(document.title)[:80] or "document"
    folder = files_dir / document.get_file_hash()[:16]
    target = folder / f"{name}.{file_extension(document.file.name)}"
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        with document.open_file() as source, open(target, "wb") as copy:
            shutil.copyfileobj(source, copy)
    entry = {
        "path": str(PurePosixPath(*Path(os.path.relpath(target, base)).parts)),
        "language": getattr(document, "language", ""),
        "title": document.title,
    }
    if label:
        entry["label"] = label
    return entry
