"""E-mail leaves through the task queue (core.mail): a dead mail server fails no request."""

from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import WorkflowState

from core.mail import deserialize, serialize

from .base import EditorialTestCase
from .test_admin_safety import QUEUE, run_worker

# Nothing listens on this port (the range assigned to this suite): every SMTP delivery fails.
DEAD_SMTP = {
    "EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_PORT": 8219,
    "EMAIL_USE_TLS": False,
    "EMAIL_TIMEOUT": 2,
}


class TestMailQueue(EditorialTestCase):
    def setUp(self):
        cache.clear()  # the alerts form's cool-down lives in the cache

    def subscribe(self):
        return self.client.post("/en/alerts/", {"email": "amina@example.org", "language": "en"})

    def test_a_visitor_request_waits_for_no_mail_server(self):
        with override_settings(TASKS=QUEUE):
            response = self.subscribe()
            assert response.status_code == 302
            assert mail.outbox == []  # queued, not sent inside the request
            [queued] = DBTaskResult.objects.filter(task_path="core.mail.send_email")
            assert queued.args_kwargs["args"][0]["to"] == ["amina@example.org"]
            run_worker()
        [message] = mail.outbox
        assert message.to == ["amina@example.org"] and "/alerts/confirm/" in message.body

    def test_a_dead_mail_server_fails_the_task_not_the_request(self):
        with override_settings(TASKS=QUEUE, **DEAD_SMTP):
            self.login("specialist")  # submitting notifies the reviewers by e-mail
            assert self.submit(self.page).status_code == 302
            assert WorkflowState.objects.filter(object_id=str(self.page.pk)).exists()
            self.client.logout()
            assert self.subscribe().status_code == 302
            run_worker()
        failed = DBTaskResult.objects.filter(
            task_path="core.mail.send_email", status=TaskResultStatus.FAILED
        )
        assert failed.count() >= 2  # the reviewers' notification and the confirmation
        assert mail.outbox == []

    def test_immediate_backend_still_delivers_to_the_outbox(self):
        assert self.subscribe().status_code == 302
        [message] = mail.outbox
        assert message.alternatives and message.alternatives[0].mimetype == "text/html"

    def test_messages_survive_the_queue_whole(self):
        message = mail.EmailMultiAlternatives(
            "Subject ✓",
            "Body",
            "from@example.org",
            ["to@example.org"],
            cc=["cc@example.org"],
            headers={"List-Unsubscribe": "<https://example.org/u>"},
        )
        message.attach_alternative("<p>Body</p>", "text/html")
        message.attach("notes.txt", "plain text", "text/plain")
        message.attach("data.bin", b"\x00\x01binary", "application/octet-stream")
        again = deserialize(serialize(message))
        assert again.message().as_bytes().count(b"List-Unsubscribe") == 1
        for field in ("subject", "body", "from_email", "to", "cc", "extra_headers"):
            assert getattr(again, field) == getattr(message, field), field
        assert [tuple(a) for a in again.alternatives] == [("<p>Body</p>", "text/html")]
        assert [tuple(a) for a in again.attachments] == [tuple(a) for a in message.attachments]
