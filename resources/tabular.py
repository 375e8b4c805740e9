"""Resources as spreadsheets (CSV, XLSX): the JSON format's fields as columns, one row a record.

Knowledge arrives in spreadsheets, so the import reads them with the same checks as JSON (a
row is a record, its errors reported with its row number, the headings being row 1) and the
export writes them. tablib reads and writes both formats (XLSX through openpyxl).

How the JSON values fit in a cell:

* lists of slugs (`topics`, `regions`, `audiences`, `content_areas`): separated by `;`;
* `body`: HTML (one paragraph), or the JSON list of blocks when there are several;
* `files`: one file a line, `path | language | title | label` (title and label optional), or the
  JSON list of the JSON format;
* `year`: a number; `review_by`: a date (YYYY-MM-DD, or a date cell in XLSX);
* an empty cell is an empty field. A column left out of the sheet is a field left out of the
  record: for `listing_image`, `owner` and `review_by` that keeps the page's value.
"""

import datetime
import json
from pathlib import Path

import tablib

from .records import CELL_ERRORS, ImportFileError

COLUMNS = [
    "key",
    "locale",
    "title",
    "slug",
    "summary",
    "body",
    "resource_type",
    "organisation",
    "topics",
    "regions",
    "audiences",
    "content_areas",
    "year",
    "external_url",
    "citation",
    "files",
    "listing_image",
    "owner",
    "review_by",
]
LIST_COLUMNS = ("topics", "regions", "audiences", "content_areas")
FILE_PARTS = ("path", "language", "title", "label")


def _text(value):
    """A cell as text: numbers without a spurious '.0', dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _json_cell(name, text, errors):
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        errors.append(f"{name} is not valid JSON ({error.msg}, character {error.pos + 1})")
        return None


def _files(text, errors):
    if text.startswith("["):
        return _json_cell("files", text, errors)
    files = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) > len(FILE_PARTS):
            errors.append(f"files: {line!r} has more than {len(FILE_PARTS)} parts")
            continue
        files.append({name: part for name, part in zip(FILE_PARTS, parts, strict=False) if part})
    return files


def _year(value):
    text = _text(value)
    return int(text) if text.isdigit() else text


def row_to_record(row):
    """One sheet row (heading -> cell) as a record of the JSON format."""
    record, errors = {}, []
    for name, value in row.items():
        text = _text(value)
        if name in ("listing_image", "owner", "review_by"):
            record[name] = value.date() if isinstance(value, datetime.datetime) else text or None
        elif not text:
            continue
        elif name in LIST_COLUMNS:
            record[name] = [part.strip() for part in text.split(";") if part.strip()]
        elif name == "body":
            record[name] = _json_cell("body", text, errors) if text.startswith("[") else text
        elif name == "files":
            record[name] = _files(text, errors)
        elif name == "year":
            record[name] = _year(value)
        else:
            record[name] = text
    if errors:
        record[CELL_ERRORS] = errors
    return record


def read_rows(path):
    """The records of a CSV or XLSX file, one per row (rows with no value at all are skipped,
    keeping the others' numbers: the returned list holds None in their place)."""
    path = Path(path)
    try:
        if path.suffix.lower() == ".csv":
            dataset = tablib.Dataset().load(path.read_text(encoding="utf-8-sig"), format="csv")
        else:
            dataset = tablib.Dataset().load(path.read_bytes(), format="xlsx")
    except (OSError, UnicodeDecodeError) as error:
        raise ImportFileError(f"cannot read {path}: {error}") from error
    except Exception as error:  # tablib and openpyxl raise many kinds on a damaged file
        raise ImportFileError(
            f"cannot read {path} as {path.suffix[1:].upper()}: {error}"
        ) from error
    headers = [_text(header) for header in dataset.headers or []]
    if "key" not in headers or "title" not in headers:
        raise ImportFileError(
            f"the first row must name the columns (key, locale, title, …); found {headers!r}"
        )
    return [
        row_to_record(dict(zip(headers, row, strict=False)))
        if any(_text(cell) for cell in row)
        else None
        for row in dataset
    ]


def _files_cell(files):
    lines = []
    for entry in files:
        parts = [str(entry.get(name) or "") for name in FILE_PARTS]
        if any("|" in part or "\n" in part for part in parts):
            return json.dumps(files, ensure_ascii=False)
        while parts and not parts[-1]:
            parts.pop()
        lines.append(" | ".join(parts))
    return "\n".join(lines)


def _body_cell(blocks):
    if not blocks:
        return ""
    if (
        len(blocks) == 1
        and blocks[0]["type"] == "paragraph"
        and isinstance(blocks[0]["value"], str)
    ):
        return blocks[0]["value"]
    return json.dumps(blocks, ensure_ascii=False)


def record_to_row(record):
    row = []
    for name in COLUMNS:
        value = record.get(name)
        if name in LIST_COLUMNS:
            value = "; ".join(value or [])
        elif name == "body":
            value = _body_cell(value or [])
        elif name == "files":
            value = _files_cell(value or [])
        elif value is None:
            value = ""
        row.append(value)
    return row


def write_rows(records, path):
    """Write `records` (of the JSON format) as a CSV or XLSX file, by the path's suffix."""
    path = Path(path)
    dataset = tablib.Dataset(headers=COLUMNS, title="resources")
    for record in records:
        dataset.append(record_to_row(record))
    if path.suffix.lower() == ".csv":
        # With a byte-order mark, so spreadsheet programs read accents and Arabic as UTF-8.
        path.write_text(dataset.export("csv"), encoding="utf-8-sig", newline="")
    else:
        path.write_bytes(dataset.export("xlsx"))
