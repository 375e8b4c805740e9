"""Information meetings and applications: rules, messages, e-mails, the waiting list."""

from datetime import timedelta

from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from icalendar import Calendar

from accounts.services import activate, create_account
from programmes import signup
from programmes.records import Application, Registration
from tests.tree import build_site

from .helpers import build_programme, make_run, make_session


def apply_data(**kwargs):
    data = {
        "name": "Ana Pérez",
        "email": "ana@example.org",
        "organisation": "Línea de ayuda",
        "role": "Coordinator",
        "country": "Guatemala",
        "language": "es",
        "motivation": "To learn from peers.",
    }
    data.update(kwargs)
    return data


class TestInformationMeetings(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.index, cls.page = build_programme(cls.t)
        cls.meeting = make_session(
            cls.page, capacity=2, starts_at=timezone.now() + timedelta(days=3)
        )

    def sign_up(self, email="ana@example.org", name="Ana", language="es"):
        return self.client.post(
            f"/{language}/programmes/sessions/{self.meeting.pk}/sign-up/",
            {"name": name, "email": email},
        )

    def test_confirmation_with_a_calendar_file_and_the_link(self):
        response = self.sign_up()
        assert response.status_code == 200
        (message,) = mail.outbox
        assert message.to == ["ana@example.org"]
        (attachment,) = message.attachments
        (event,) = Calendar.from_ical(attachment[1]).walk("VEVENT")
        assert str(event["summary"]) == "Opening session"
        assert "meet.example.org/secret-room" in str(event["description"])
        registration = Registration.objects.get()
        assert registration.language == "es"
        assert f"/es/programmes/cancel/{registration.token}/" in message.body

    def test_duplicate_full_and_bad_input_are_told_and_kept(self):
        self.sign_up()
        again = self.sign_up(email="ANA@example.org")
        assert again.status_code == 400
        assert "already signed up" in again.content.decode() or "ya" in again.content.decode()
        self.sign_up(email="ben@example.org", language="en")
        full = self.sign_up(email="carla@example.org", name="Carla Q", language="en")
        assert full.status_code == 400 and "This meeting is full" in full.content.decode()
        assert 'value="Carla Q"' in full.content.decode()
        bad = self.sign_up(email="not-an-address", name="Dee", language="en")
        assert bad.status_code == 400 and 'value="Dee"' in bad.content.decode()
        assert Registration.objects.count() == 2

    def test_one_click_cancel_frees_the_place(self):
        self.sign_up()
        registration = Registration.objects.get()
        url = f"/es/programmes/cancel/{registration.token}/"
        assert self.client.get(url).status_code == 200
        registration.refresh_from_db()
        assert registration.cancelled_at is None  # a GET (a mail scanner) changes nothing
        self.client.post(url)
        registration.refresh_from_db()
        assert registration.cancelled_at is not None
        assert self.sign_up().status_code == 200  # may sign up again

    def test_reminder_24_hours_before_through_the_task_queue_once(self):
        self.sign_up()
        mail.outbox.clear()
        call_command("send_meeting_reminders", stdout=open("/dev/null", "w"))
        assert mail.outbox == []  # three days ahead: not yet
        self.meeting.starts_at = timezone.now() + timedelta(hours=20)
        self.meeting.save()
        call_command("send_meeting_reminders", stdout=open("/dev/null", "w"))
        call_command("send_meeting_reminders", stdout=open("/dev/null", "w"))
        (reminder,) = mail.outbox
        assert "secret-room" in reminder.body and "/cancel/" in reminder.body

    def test_the_queued_reminder_runs_24_hours_before_in_each_language_not_to_the_cancelled(self):
        """With the production queue (django-tasks-db): the reminder is deferred to 24 hours
        before the meeting, does nothing before then, and then mails each sign-up in its own
        language with the meeting link, but not someone who cancelled."""
        from unittest import mock

        from django.test import override_settings
        from django_tasks_db.models import DBTaskResult

        def worker():
            with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
                call_command(
                    "db_worker", batch=True, startup_delay=False, interval=0.1, verbosity=0
                )

        queue = {"default": {"BACKEND": "core.task_backend.DatabaseBackend"}}
        with override_settings(TASKS=queue):
            self.sign_up(email="ana@example.org", name="Ana", language="es")
            self.sign_up(email="ben@example.org", name="Ben", language="en")
            cancelled = Registration.objects.get(email="ben@example.org")
            self.client.post(f"/en/programmes/cancel/{cancelled.token}/")
            tasks = DBTaskResult.objects.filter(task_path__endswith="send_meeting_reminder")
            assert tasks.count() == 2
            for task in tasks:
                assert task.run_after == self.meeting.starts_at - timedelta(hours=24)
            mail.outbox.clear()
            worker()  # sends the queued confirmations (mail is queued too), not the reminders
            assert [
                m.subject for m in mail.outbox if m.subject.startswith(("Mañana", "Tomorrow"))
            ] == []
            mail.outbox.clear()
            # A day and a half later (the clock moved: the tasks are due, the meeting near).
            self.meeting.starts_at = timezone.now() + timedelta(hours=23)
            self.meeting.save()
            tasks.update(run_after=timezone.now() - timedelta(minutes=1))
            worker()
        (reminder,) = mail.outbox
        assert reminder.to == ["ana@example.org"]  # Ben cancelled
        assert reminder.subject.startswith("Mañana:")  # her language, not the worker's
        assert "meet.example.org/secret-room" in reminder.body
        registration = Registration.objects.get(email="ana@example.org")
        assert f"/es/programmes/cancel/{registration.token}/" in reminder.body
        (attachment,) = reminder.attachments
        (event,) = Calendar.from_ical(attachment[1]).walk("VEVENT")
        assert "meet.example.org/secret-room" in str(event["location"])

    def test_closed_once_started(self):
        self.meeting.starts_at = timezone.now() - timedelta(minutes=5)
        self.meeting.save()
        with self.assertRaises(signup.SignUpError):
            signup.register_for_meeting(self.meeting, "Ana", "ana@example.org", "en")


class TestApplications(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.index, cls.page = build_programme(cls.t)
        cls.cohort = make_run(cls.page, capacity=2, language="es")
        cls.staff = create_account("staff@example.org", "Staff", "en")
        activate(cls.staff)
        cls.staff.is_staff = True
        cls.staff.save()
        cls.staff.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="review_application"),
        )

    def apply(self, **kwargs):
        return self.client.post(
            f"/es/programmes/runs/{self.cohort.pk}/apply/", apply_data(**kwargs)
        )

    def test_application_makes_an_invited_account_and_is_acknowledged(self):
        assert self.apply().status_code == 200
        application = Application.objects.get()
        assert application.status == "pending"
        assert application.user.email == "ana@example.org" and not application.user.is_active
        subjects = [m.subject for m in mail.outbox]
        assert len(subjects) == 2  # the account's confirmation and the acknowledgement

    def test_duplicate_organisation_limit_and_deadline(self):
        self.apply()
        duplicate = self.apply(name="Ana again")
        assert duplicate.status_code == 400
        assert 'value="Ana again"' in duplicate.content.decode()
        self.apply(email="b@example.org", organisation="línea  de AYUDA")
        self.apply(email="c@example.org")
        fourth = self.apply(email="d@example.org", organisation="LÍNEA DE AYUDA")
        assert fourth.status_code == 400
        assert Application.objects.count() == 3
        self.cohort.application_deadline = timezone.now() - timedelta(minutes=1)
        self.cohort.save()
        late = self.apply(email="e@example.org", organisation="Other")
        assert late.status_code == 400 and Application.objects.count() == 3

    def test_staff_accept_capacity_waitlist_and_promotion_on_withdrawal(self):
        for n in range(3):
            self.apply(email=f"p{n}@example.org", organisation=f"Org {n}")
        first, second, third = Application.objects.order_by("pk")
        self.client.force_login(self.staff)
        url = f"/admin/programmes/runs/{self.cohort.pk}/applications/"
        assert self.client.get(url).status_code == 200
        mail.outbox.clear()
        for application in (first, second, third):
            self.client.post(url, {"application": application.pk, "decision": "accept"})
        third.refresh_from_db()
        assert third.status == "pending"  # the run was full: refused with a message
        self.client.post(url, {"application": third.pk, "decision": "waitlist"})
        assert [m.to[0] for m in mail.outbox] == [
            "p0@example.org",
            "p1@example.org",
            "p2@example.org",
        ]
        mail.outbox.clear()
        first_user = first.user
        activate(first_user)
        self.client.force_login(first_user)
        response = self.client.post(f"/es/programmes/applications/{first.pk}/withdraw/")
        assert response.status_code == 302
        third.refresh_from_db()
        assert third.status == "accepted"
        (told,) = mail.outbox
        assert told.to == ["p2@example.org"]

    def test_review_needs_the_permission(self):
        user = create_account("nobody@example.org", "Nobody", "en")
        activate(user)
        self.client.force_login(user)
        response = self.client.get(f"/admin/programmes/runs/{self.cohort.pk}/applications/")
        assert response.status_code in (302, 403)
