"""Bulk import and export of resources: pages, translations, files, errors, idempotence."""

import json
import shutil
import tempfile
from io import StringIO
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import TestCase
from wagtail.models import Locale, Page, Revision

from alerts.tests.helpers import translate
from core.models import PortalDocument
from resources.models import ResourcePage
from resources.records import translation_key_for
from taxonomy.models import Topic
from tests.factories import pdf_bytes
from tests.tree import build_site


def record(key="guide", locale="en", title="Interim care in practice", **fields):
    return {
        "key": key,
        "locale": locale,
        "title": title,
        "summary": "How carers look after a child for a few weeks.",
        "body": "<p>Practical steps.</p>",
        "resource_type": "guideline",
        "topics": ["children-on-the-move"],
        "regions": ["guatemala"],
        "audiences": ["social-workers"],
        "organisation": "helpline-network",
        "year": 2024,
        "content_areas": ["alternative-care"],
        "files": [{"path": "files/guide.pdf", "language": locale, "title": title}],
        **fields,
    }


class ImportTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.french_library = translate(cls.t.library, "fr", "Bibliothèque")
        cls.admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp(prefix="portal-import-"))
        self.addCleanup(shutil.rmtree, self.folder)
        (self.folder / "files").mkdir()
        (self.folder / "files" / "guide.pdf").write_bytes(pdf_bytes("Interim care guide"))
        (self.folder / "files" / "guide-fr.pdf").write_bytes(pdf_bytes("Guide, en français"))

    def write(self, records, name="resources.json"):
        path = self.folder / name
        path.write_text(json.dumps({"version": 1, "resources": records}), encoding="utf-8")
        return path

    def run_import(self, path, *args):
        out, err = StringIO(), StringIO()
        call_command("import_resources", str(path), *args, stdout=out, stderr=err)
        return out.getvalue()

    def snapshot(self):
        """Everything an import may write, to prove that nothing was."""
        return (
            Page.objects.count(),
            Revision.objects.count(),
            PortalDocument.objects.count(),
            Topic.objects.count(),
            sorted(Page.objects.values_list("title", flat=True)),
        )

    def three_records(self):
        return [
            record(),
            record(
                locale="fr",
                title="La prise en charge provisoire",
                files=[
                    {"path": "files/guide-fr.pdf", "language": "fr", "title": "Guide (PDF)"},
                    {
                        "path": "files/guide.pdf",
                        "language": "en",
                        "title": "Interim care in practice",
                        "label": "English original",
                    },
                ],
            ),
            record(
                key="db",
                title="Child helpline database",
                files=[],
                external_url="https://example.org/db",
                body=[{"type": "paragraph", "value": "<p>Search by country.</p>"}],
            ),
        ]


class TestImport(ImportTestCase):
    def test_valid_file_creates_draft_pages_translations_and_files(self):
        output = self.run_import(self.write(self.three_records()))
        assert "Imported: 3 rows: 3 create" in output
        english = ResourcePage.objects.get(title="Interim care in practice")
        french = ResourcePage.objects.get(title="La prise en charge provisoire")
        assert english.get_parent().pk == self.t.library.pk
        assert french.get_parent().pk == self.french_library.pk
        assert french.locale.language_code == "fr"
        assert english.translation_key == french.translation_key == translation_key_for("guide")
        assert [page.pk for page in english.get_translations()] == [french.pk]
        assert not english.live and english.latest_revision is not None
        assert english.resource_type == self.t.resource_type
        assert list(english.topics.all()) == [self.t.topic]
        assert list(english.regions.all()) == [self.t.region]
        assert list(english.audiences.all()) == [self.t.audience]
        assert english.organisation == self.t.organisation
        assert list(french.related_areas.all()) == [self.t.area]
        assert english.body[0].block_type == "paragraph" and english.year == 2024
        # The English PDF is stored once, linked from both languages.
        assert PortalDocument.objects.filter(title="Interim care in practice").count() == 1
        files = [(f.document.title, f.document.language, f.label) for f in french.files.all()]
        assert files == [
            ("Guide (PDF)", "fr", ""),
            ("Interim care in practice", "en", "English original"),
        ]
        assert french.files.first().document.file.read().startswith(b"%PDF-")
        database = ResourcePage.objects.get(title="Child helpline database")
        assert database.external_url == "https://example.org/db" and not database.files.exists()

    def test_second_import_changes_nothing(self):
        path = self.write(self.three_records())
        self.run_import(path)
        before = self.snapshot()
        output = self.run_import(path)
        assert "3 unchanged" in output
        assert self.snapshot() == before

    def test_reimport_updates_the_matching_page(self):
        path = self.write(self.three_records())
        self.run_import(path)
        changed = self.three_records()
        changed[0]["title"] = "Interim care, revised"
        changed[0]["topics"] = []
        output = self.run_import(self.write(changed))
        assert "1 update, 0 publish, 2 unchanged" in output
        page = ResourcePage.objects.get(
            translation_key=translation_key_for("guide"), locale__language_code="en"
        )
        latest = page.get_latest_revision_as_object()
        assert latest.title == "Interim care, revised" and not latest.topics.all()
        assert ResourcePage.objects.count() == 4  # the tree's one, plus the three imported

    def test_publish_needs_an_administrator(self):
        path = self.write(self.three_records())
        with self.assertRaisesMessage(CommandError, "--publish needs --user"):
            self.run_import(path, "--publish")
        editor = get_user_model().objects.create_user("editor", "e@example.org", "pw")
        with self.assertRaisesMessage(CommandError, "--publish needs --user"):
            self.run_import(path, "--publish", "--user", editor.username)
        self.run_import(path, "--publish", "--user", "admin")
        page = ResourcePage.objects.get(title="Interim care in practice")
        assert page.live and page.first_published_at is not None
        assert page.latest_revision.user == self.admin

    def test_publishing_drafts_imported_earlier(self):
        path = self.write(self.three_records())
        self.run_import(path)
        assert "3 publish" in self.run_import(path, "--publish", "--user", "admin")
        assert ResourcePage.objects.filter(live=True).count() == 4

    def test_dry_run_reports_and_writes_nothing(self):
        before = self.snapshot()
        output = self.run_import(self.write(self.three_records()), "--dry-run")
        assert "row 2: create [fr] La prise en charge provisoire" in output
        assert "dry run, nothing written" in output
        assert self.snapshot() == before

    def test_missing_terms_are_created_only_when_asked(self):
        records = [record(topics=["children-on-the-move", "Child labour"])]
        with self.assertRaises(CommandError):
            self.run_import(self.write(records))
        assert not Topic.objects.filter(slug="child-labour").exists()
        self.run_import(self.write(records), "--create-terms")
        topic = Topic.objects.get(slug="child-labour")
        assert topic.name == "Child labour" and topic.locale == Locale.get_default()

    def test_example_file_in_the_docs_is_valid(self):
        example = Path(settings.BASE_DIR) / "docs" / "examples" / "resources.json"
        output = self.run_import(example, "--dry-run", "--create-terms")
        assert "3 rows: 3 create" in output


class TestInvalidRows(ImportTestCase):
    def test_every_invalid_row_is_reported_and_nothing_is_written(self):
        (self.folder / "files" / "fake.pdf").write_bytes(b"MZ\x90\x00 a program, not a PDF")
        records = [
            record(),  # 1: valid
            record(key="b", locale="xx"),  # 2
            record(key="c", resource_type="podcast"),  # 3
            record(key="d", title=""),  # 4
            record(key="e", files=[{"path": "files/missing.pdf", "language": "en"}]),  # 5
            record(key="f", files=[{"path": "files/fake.pdf", "language": "en"}]),  # 6
            record(title="Same key again"),  # 7
            record(key="h", year="2024", colour="red"),  # 8
            record(key="i", files=[], external_url=""),  # 9
            record(key="j", content_areas=["no-such-area"]),  # 10
        ]
        before = self.snapshot()
        err = StringIO()
        with self.assertRaisesMessage(
            CommandError, "9 of 10 rows are invalid; nothing was imported"
        ):
            call_command(
                "import_resources", str(self.write(records)), stdout=StringIO(), stderr=err
            )
        report = err.getvalue()
        for expected in [
            "row 2: unknown locale 'xx'",
            "row 3: unknown resource type 'podcast'",
            "row 4: missing title",
            "row 5: file 'files/missing.pdf': not found",
            "row 6: file 'files/fake.pdf': This file is named .pdf but its content is not a PDF",
            "row 7: duplicate key 'guide' for locale 'en' (also row 1)",
            "row 8: unknown field(s): colour",
            "row 8: year must be a number",
            "row 9: no file and no external_url",
            "row 10: unknown content area 'no-such-area'",
        ]:
            assert expected in report, expected
        assert "row 1:" not in report
        assert self.snapshot() == before

    def test_a_failure_while_writing_leaves_nothing_behind(self):
        from resources.importing import ResourceImporter

        original = ResourceImporter._write
        calls = []

        def fail_on_third_row(importer, plan, *args):
            calls.append(plan.number)
            if len(calls) == 3:
                raise RuntimeError("disk full")
            return original(importer, plan, *args)

        stored = Path(settings.MEDIA_ROOT) / "documents"
        before = self.snapshot(), set(stored.glob("*"))
        with mock.patch.object(ResourceImporter, "_write", fail_on_third_row):
            with self.assertRaisesMessage(RuntimeError, "disk full"):
                self.run_import(self.write(self.three_records()))
        assert (self.snapshot(), set(stored.glob("*"))) == before  # rows and copied files

    def test_alias_pages_are_neither_overwritten_nor_exported(self):
        self.run_import(self.write([record()]))
        english = ResourcePage.objects.get(title="Interim care in practice")
        # As LocaleSynchronization makes them: an alias in the other locale, same translation key.
        english.copy_for_translation(Locale.objects.get(language_code="fr"), alias=True)
        err = StringIO()
        with self.assertRaises(CommandError):
            call_command(
                "import_resources",
                str(self.write([record(locale="fr")])),
                stdout=StringIO(),
                stderr=err,
            )
        assert "row 1: the 'fr' page of key 'guide' is an alias" in err.getvalue()
        out = self.folder / "export.json"
        call_command("export_resources", str(out), stdout=StringIO())
        assert [r["locale"] for r in json.loads(out.read_text())["resources"]] == ["en", "en"]

    def test_not_a_resources_file(self):
        path = self.folder / "bad.json"
        path.write_text("[1, 2", encoding="utf-8")
        with self.assertRaisesMessage(CommandError, "cannot read"):
            self.run_import(path)
        path.write_text('{"version": 2, "resources": []}', encoding="utf-8")
        with self.assertRaisesMessage(CommandError, "unsupported format version 2"):
            self.run_import(path)


class TestExport(ImportTestCase):
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

    def test_round_trip_is_identical(self):
        self.run_import(self.write(self.three_records()))
        first = self.export("first.json")
        before = self.snapshot()
        assert "4 unchanged" in self.run_import(first)
        assert self.snapshot() == before
        second = self.export("second.json")
        assert first.read_text() == second.read_text()

    def test_export_holds_every_field_and_the_files(self):
        self.run_import(self.write(self.three_records()))
        data = json.loads(self.export("all.json").read_text())
        assert data["version"] == 1
        french = next(r for r in data["resources"] if r["locale"] == "fr")
        assert french["key"] == str(translation_key_for("guide"))
        assert french["topics"] == ["children-on-the-move"] and french["year"] == 2024
        assert french["content_areas"] == ["alternative-care"]
        assert french["body"] == [{"type": "paragraph", "value": "<p>Practical steps.</p>"}]
        assert [f["label"] for f in french["files"] if "label" in f] == ["English original"]
        exported = self.folder / "export" / french["files"][0]["path"]
        assert exported.read_bytes().startswith(b"%PDF-")

    def test_export_into_an_empty_portal_restores_the_library(self):
        self.run_import(self.write(self.three_records()))
        first = self.export("first.json")
        imported = ResourcePage.objects.exclude(pk=self.t.resource.pk)
        for page in imported:
            page.delete()
        self.t.resource.delete()
        PortalDocument.objects.all().delete()
        self.run_import(first)
        assert first.read_text() == self.export("second.json").read_text()
