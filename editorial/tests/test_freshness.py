"""Content stays current: review dates, "mark as reviewed", the dashboard, the report, reminders."""

import csv
import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.models import Locale

from editorial.freshness import add_months, next_review_date
from editorial.models import ReviewReminder
from tests import factories as f

from .base import EditorialTestCase


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


class TestReviewDates(EditorialTestCase):
    def test_months_are_added_the_calendar_way(self):
        assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
        assert add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
        assert add_months(datetime.date(2026, 11, 15), 12) == datetime.date(2027, 11, 15)

    def approve(self, **fields):
        self.login("specialist")
        self.submit(self.page, **fields)
        self.login("reviewer")
        self.act(self.page, "approve")
        return self.reload(self.page)

    def test_approval_sets_the_date_a_year_ahead_when_the_editor_left_it(self):
        assert self.approve().review_by == next_review_date()

    def test_approval_keeps_a_date_the_editor_chose(self):
        chosen = timezone.localdate() + datetime.timedelta(days=90)
        assert self.approve(review_by=chosen.isoformat()).review_by == chosen

    def test_an_old_date_carried_over_is_replaced(self):
        self.page.review_by = days_ago(30)
        self.page.save_revision().publish()
        assert self.approve().review_by == next_review_date()

    def test_publishing_directly_is_an_approval_too(self):
        self.login("reviewer")
        self.edit(self.page, title="Family tracing, corrected", **{"action-publish": "Publish"})
        page = self.reload(self.page)
        assert page.title == "Family tracing, corrected"
        assert page.review_by == next_review_date()
        assert page.last_reviewed_by == self.users["reviewer"]


class TestMarkAsReviewed(EditorialTestCase):
    def url(self, page=None):
        return reverse("editorial:mark_reviewed", args=((page or self.page).pk,))

    def test_confirmation_then_post_records_who_and_when_and_nothing_else(self):
        # A draft is waiting: it must not be published, and must keep the review when it is.
        self.page.title = "Family tracing (draft)"
        self.page.save_revision()
        revisions = self.page.revisions.count()
        specialist = self.login("specialist")

        confirmation = self.client.get(self.url())
        assert confirmation.status_code == 200
        assert "still accurate" in confirmation.content.decode()
        assert self.reload(self.page).last_reviewed_at is None  # a GET changes nothing

        response = self.client.post(self.url())
        assert response.status_code == 302
        page = self.reload(self.page)
        assert page.last_reviewed_by == specialist
        assert page.review_by == next_review_date()
        assert page.title == "Family tracing" and page.has_unpublished_changes
        assert page.revisions.count() == revisions
        draft = page.get_latest_revision_as_object()
        assert draft.title == "Family tracing (draft)"
        assert draft.last_reviewed_by == specialist and draft.review_by == next_review_date()

        # Publishing the draft later keeps the review.
        page.get_latest_revision().publish()
        assert self.reload(self.page).last_reviewed_by == specialist

    def test_csrf_token_is_required(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.users["specialist"])
        assert client.post(self.url()).status_code == 403
        assert self.reload(self.page).last_reviewed_at is None

    def test_only_people_who_can_edit_the_page(self):
        for role in ("translator", "peer", "siteadmin"):
            self.login(role)
            response = self.client.post(self.url())
            assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
        self.login("specialist")
        response = self.client.post(self.url(self.t.home))  # specialists do not edit the home
        assert response.url == reverse("wagtailadmin_home")
        assert self.reload(self.page).last_reviewed_at is None
        assert self.reload(self.t.home).last_reviewed_at is None

    def test_offered_in_the_editor_next_to_the_review_fields(self):
        self.login("specialist")
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(self.page.pk,)))
        html = response.content.decode()
        assert self.url() in html
        assert "Content review" in html and 'name="review_by"' in html
        assert 'name="content_owner"' in html and 'name="last_reviewed_by"' not in html


class DueTestCase(EditorialTestCase):
    """Pages due on various dates, owned by various people."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        specialist, reviewer = cls.users["specialist"], cls.users["reviewer"]
        cls.overdue = cls.set_review(cls.page, days_ago(10), content_owner=specialist)
        cls.due_today = cls.set_review(cls.t.resource, days_ago(0), content_owner=reviewer)
        cls.not_yet = cls.set_review(cls.t.case_study, days_ago(-10), content_owner=specialist)
        cls.later = cls.set_review(cls.t.module, days_ago(-100), content_owner=specialist)
        # No content owner: its creator hears about it.
        cls.unowned = cls.set_review(cls.t.kit, days_ago(3), owner=reviewer)
        # Drafts are not visitors' business.
        cls.draft = f.LessonPageFactory(
            parent=cls.t.module,
            title="Unpublished lesson",
            slug="unpublished",
            live=False,
            review_by=days_ago(50),
            content_owner=specialist,
        )

    @staticmethod
    def set_review(page, review_by, **fields):
        page = page.specific
        page.review_by = review_by
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
        return type(page).objects.get(pk=page.pk)


class TestDashboard(DueTestCase):
    def test_owner_sees_their_due_and_overdue_pages(self):
        self.login("specialist")
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Your pages due for review" in html
        assert self.overdue.title in html and "Overdue by 10 days" in html
        assert self.not_yet.title in html and "Due in 10 days" in html
        assert self.later.title not in html  # due in 100 days: not yet worth a mention
        assert self.due_today.title not in html  # someone else's
        assert "Unpublished lesson" not in html

    def test_the_panel_can_mark_a_page_reviewed(self):
        self.login("specialist")
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse("editorial:mark_reviewed", args=(self.overdue.pk,)) in html
        response = self.client.post(
            reverse("editorial:mark_reviewed", args=(self.overdue.pk,)),
            {"next": reverse("wagtailadmin_home")},
        )
        assert response.url == reverse("wagtailadmin_home")
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Overdue by 10 days" not in html

    def test_no_panel_when_nothing_is_due(self):
        self.login("translator")
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Your pages due for review" not in html


class TestReport(DueTestCase):
    url = reverse("editorial:due_for_review")

    def titles(self, response):
        return {page.title for page in response.context["object_list"]}

    def test_lists_exactly_the_overdue_pages_with_owner_area_locale_and_days(self):
        self.login("reviewer")
        response = self.client.get(self.url)
        assert response.status_code == 200
        assert self.titles(response) == {
            self.overdue.title,
            self.due_today.title,
            self.unowned.title,
        }
        rows = {page.title: page for page in response.context["object_list"]}
        overdue = rows[self.overdue.title]
        assert overdue.owner_name == "Specialist"
        assert overdue.area == "Family tracing"  # a content area is its own area
        assert overdue.language == Locale.get_default().get_display_name()
        assert overdue.days_overdue == 10
        assert rows[self.unowned.title].owner_name == "Reviewer"
        assert rows[self.due_today.title].area == "Resource library"
        html = response.content.decode()
        assert "Days overdue" in html and self.overdue.title in html

    def test_pages_inside_a_content_area_are_listed_under_the_area(self):
        sub = self.set_review(self.t.sub_area, days_ago(1))
        self.login("reviewer")
        rows = {p.title: p for p in self.client.get(self.url).context["object_list"]}
        assert rows[sub.title].area == self.t.area.title

    def test_filters(self):
        self.login("reviewer")
        owner = self.client.get(self.url, {"owner": self.users["specialist"].pk})
        assert self.titles(owner) == {self.overdue.title}
        area = self.client.get(self.url, {"area": str(self.t.library.translation_key)})
        assert self.titles(area) == {self.due_today.title, self.unowned.title}
        Locale.objects.create(language_code="fr")
        assert len(self.titles(self.client.get(self.url, {"locale": "en"}))) == 3
        assert self.titles(self.client.get(self.url, {"locale": "fr"})) == set()

    def test_csv_and_xlsx_exports(self):
        self.login("reviewer")
        response = self.client.get(self.url, {"export": "csv"})
        assert response.status_code == 200
        rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
        assert {row["Title"] for row in rows} == {
            self.overdue.title,
            self.due_today.title,
            self.unowned.title,
        }
        assert {row["Days overdue"] for row in rows if row["Title"] == self.overdue.title} == {"10"}

        response = self.client.get(self.url, {"export": "xlsx"})
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        assert [cell.value for cell in sheet[1]] == [
            "Title",
            "Area",
            "Language",
            "Owner",
            "Review by",
            "Days overdue",
        ]
        assert sheet.max_row == 4

    def test_filtering_without_reloading_uses_the_results_view(self):
        self.login("specialist")
        response = self.client.get(
            reverse("editorial:due_for_review_results"), {"owner": self.users["specialist"].pk}
        )
        assert response.status_code == 200
        assert self.overdue.title in response.content.decode()
        assert self.due_today.title not in response.content.decode()

    def test_listed_in_the_reports_menu(self):
        self.login("specialist")
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        assert self.url in html

    def test_people_without_page_permissions_cannot_see_it(self):
        self.login("peer")
        response = self.client.get(self.url)
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


class TestReminders(DueTestCase):
    def run_command(self):
        out = io.StringIO()
        call_command("send_review_reminders", stdout=out)
        return out.getvalue()

    def test_one_digest_per_owner_and_none_on_a_second_run_the_same_day(self):
        assert "Sent 2" in self.run_command()
        by_recipient = {tuple(m.to): m for m in mail.outbox}
        assert set(by_recipient) == {("specialist@example.org",), ("reviewer@example.org",)}
        specialist_mail = by_recipient[("specialist@example.org",)]
        assert specialist_mail.subject == "1 page is due for review"
        assert self.overdue.title in specialist_mail.body
        assert "10 days overdue" in specialist_mail.body
        assert reverse("editorial:mark_reviewed", args=(self.overdue.pk,)) in specialist_mail.body
        assert self.not_yet.title not in specialist_mail.body
        reviewer_mail = by_recipient[("reviewer@example.org",)]
        assert reviewer_mail.subject == "2 pages are due for review"
        assert ReviewReminder.objects.count() == 3

        mail.outbox.clear()
        assert "Sent 0" in self.run_command()
        assert mail.outbox == []
        assert ReviewReminder.objects.count() == 3

    def test_the_language_a_previous_request_left_active_is_not_the_readers(self):
        """Django's LocaleMiddleware leaves a request's language active in its thread; a
        reminder to someone without an admin language preference is in the site's default."""
        with translation.override("fr"):
            self.run_command()
        subjects = {m.subject for m in mail.outbox}
        assert subjects == {"1 page is due for review", "2 pages are due for review"}

    @override_settings(EDITORIAL_REMINDER_INTERVAL_DAYS=7)
    def test_reminded_again_after_the_interval(self):
        self.run_command()
        ReviewReminder.objects.update(sent_at=timezone.now() - datetime.timedelta(days=6))
        mail.outbox.clear()
        self.run_command()
        assert mail.outbox == []
        ReviewReminder.objects.update(sent_at=timezone.now() - datetime.timedelta(days=7))
        self.run_command()
        assert len(mail.outbox) == 2

    def test_a_page_due_again_is_mentioned_at_once(self):
        self.run_command()
        mail.outbox.clear()
        # Reviewed, then its new date has come (the owner set a short one).
        self.set_review(self.overdue, days_ago(0))
        self.run_command()
        [message] = mail.outbox
        assert message.to == ["specialist@example.org"] and self.overdue.title in message.body

    def test_owner_without_an_email_address_is_skipped_and_not_recorded(self):
        self.users["specialist"].email = ""
        self.users["specialist"].save()
        self.run_command()
        assert [m.to for m in mail.outbox] == [["reviewer@example.org"]]
        assert not ReviewReminder.objects.filter(recipient=self.users["specialist"]).exists()


class TestLastReviewedInclude(EditorialTestCase):
    def test_shows_the_date_once_reviewed(self):
        assert render_to_string("includes/last_reviewed.html", {"page": self.page}).strip() == ""
        self.page.last_reviewed_at = datetime.datetime(2026, 3, 4, 10, tzinfo=datetime.UTC)
        html = render_to_string("includes/last_reviewed.html", {"page": self.page})
        assert "Last reviewed:" in html and 'datetime="2026-03-04"' in html
        assert 'id="last-reviewed"' in html
