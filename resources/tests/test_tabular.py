"""Spreadsheets (CSV, XLSX) import and export like the JSON format, with the same checks."""

import datetime
import json
from io import StringIO

import tablib
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from core.models import PortalImage
from resources.models import ResourcePage
from resources.records import translation_key_for
from resources.tabular import COLUMNS, record_to_row
from tests.factories import png_bytes

from .test_import import ImportTestCase


class TabularTestCase(ImportTestCase):
    def setUp(self):
        super().setUp()
        (self.folder / "files" / "cover.png").write_bytes(png_bytes())
        self.owner = get_user_model().objects.create_user("amina", "amina@example.org", "pw")

    def records(self):
        first, french, database = self.three_records()
        first.update(listing_image="files/cover.png", owner="amina", review_by="2027-03-31")
        return [first, french, database]

    def sheet(self, records, name, columns=COLUMNS):
        dataset = tablib.Dataset(headers=columns)
        for item in records:
            row = dict(zip(COLUMNS, record_to_row(item), strict=True))
            dataset.append([row[column] for column in columns])
        path = self.folder / name
        if name.endswith(".csv"):
            path.write_text(dataset.export("csv"), encoding="utf-8")
        else:
            path.write_bytes(dataset.export("xlsx"))
        return path

    def export(self, name):
        out = self.folder / "export" / name
        out.parent.mkdir(exist_ok=True)
        call_command(
            "export_resources",
            str(out),
            "--files-dir",
            str(out.parent / "files"),
            stdout=StringIO(),
        )
        return out

    def failing_import(self, path):
        err = StringIO()
        with self.assertRaises(CommandError) as raised:
            call_command("import_resources", str(path), stdout=StringIO(), stderr=err)
        return err.getvalue(), str(raised.exception)


class TestSpreadsheetImport(TabularTestCase):
    def test_csv_and_xlsx_create_the_same_pages_with_image_owner_and_review_date(self):
        for name in ("resources.csv", "resources.xlsx"):
            with self.subTest(name):
                output = self.run_import(self.sheet(self.records(), name))
                assert "row 2: create [en] Interim care in practice" in output
                assert "Imported: 3 rows: 3 create" in output
                page = ResourcePage.objects.get(
                    translation_key=translation_key_for("guide"), locale__language_code="en"
                )
                assert page.content_owner == self.owner
                assert page.review_by == datetime.date(2027, 3, 31)
                assert page.listing_image.file.read() == png_bytes()
                assert [t.slug for t in page.topics.all()] == ["children-on-the-move"]
                assert page.year == 2024 and page.related_areas.count() == 1
                french = ResourcePage.objects.get(
                    translation_key=page.translation_key, locale__language_code="fr"
                )
                assert [f.label for f in french.files.all()] == ["", "English original"]
                database = ResourcePage.objects.get(title="Child helpline database")
                assert database.external_url == "https://example.org/db"
                # The same file again changes nothing; the image is stored once.
                assert "3 unchanged" in self.run_import(self.sheet(self.records(), name))
                assert (
                    PortalImage.objects.filter(file_hash=page.listing_image.file_hash).count() == 1
                )
                for imported in ResourcePage.objects.exclude(pk=self.t.resource.pk):
                    imported.delete()

    def test_errors_name_the_spreadsheet_row_and_nothing_is_written(self):
        records = self.records()
        records[0]["owner"] = "nobody"
        records[1]["review_by"] = "31/03/2027"
        records[2]["listing_image"] = "files/missing.png"
        path = self.sheet(records, "bad.xlsx")
        before = self.snapshot()
        errors, message = self.failing_import(path)
        assert "row 2: owner 'nobody' is not the username of an active user" in errors
        assert "row 3: review_by must be a date written YYYY-MM-DD" in errors
        assert "row 4: listing_image 'files/missing.png': not found" in errors
        assert "3 of 3 rows are invalid; nothing was imported." in message
        assert self.snapshot() == before

    def test_a_cell_that_is_not_what_its_column_holds_is_reported(self):
        path = self.folder / "cells.csv"
        dataset = tablib.Dataset(headers=["key", "locale", "title", "files", "body", "year"])
        dataset.append(["a", "en", "A", "files/guide.pdf | en | t | l | extra", "[oops", "1999"])
        dataset.append(["b", "en", "B", "files/guide.pdf | en", "<p>ok</p>", "soon"])
        path.write_text(dataset.export("csv"), encoding="utf-8")
        errors, _message = self.failing_import(path)
        assert (
            "row 2: files: 'files/guide.pdf | en | t | l | extra' has more than 4 parts" in errors
        )
        assert "row 2: body is not valid JSON" in errors
        assert "row 3: year must be a number between 1900 and 2100, not 'soon'" in errors

    def test_a_sheet_without_headings_is_refused_whole(self):
        path = self.folder / "plain.csv"
        path.write_text("guide,en,Interim care\n", encoding="utf-8")
        _errors, message = self.failing_import(path)
        assert "the first row must name the columns" in message

    def test_columns_left_out_keep_the_editorial_fields(self):
        self.run_import(self.sheet(self.records(), "all.csv"))
        without = [c for c in COLUMNS if c not in ("listing_image", "owner", "review_by")]
        output = self.run_import(self.sheet(self.records(), "short.csv", columns=without))
        assert "3 unchanged" in output
        page = ResourcePage.objects.get(
            translation_key=translation_key_for("guide"), locale__language_code="en"
        )
        assert page.content_owner == self.owner and page.listing_image is not None


class TestRoundTrip(TabularTestCase):
    def test_every_format_reimports_unchanged_and_exports_the_same(self):
        self.run_import(self.write(self.records()))
        for name in ("first.json", "first.csv", "first.xlsx"):
            with self.subTest(name):
                exported = self.export(name)
                before = self.snapshot()
                output = self.run_import(exported)
                assert "4 unchanged" in output, output
                assert self.snapshot() == before
                again = self.export(name.replace("first", "second"))
                if name.endswith(".xlsx"):
                    first_rows = tablib.Dataset().load(exported.read_bytes(), format="xlsx")
                    second_rows = tablib.Dataset().load(again.read_bytes(), format="xlsx")
                    assert first_rows.dict == second_rows.dict
                else:
                    assert exported.read_text() == again.read_text()

    def test_the_csv_holds_the_editorial_fields_and_the_image_file(self):
        self.run_import(self.write(self.records()))
        exported = self.export("all.csv")
        rows = tablib.Dataset().load(exported.read_text(encoding="utf-8-sig"), format="csv").dict
        english = next(
            row
            for row in rows
            if row["key"] == str(translation_key_for("guide")) and row["locale"] == "en"
        )
        assert english["owner"] == "amina" and english["review_by"] == "2027-03-31"
        assert (exported.parent / english["listing_image"]).read_bytes() == png_bytes()
        assert english["topics"] == "children-on-the-move"
        assert english["files"].startswith("files/") and "| en |" in english["files"]
        assert json.loads(json.dumps(english))  # plain text cells throughout
