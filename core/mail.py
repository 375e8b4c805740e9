"""E-mail goes out through the task queue, so a slow or absent mail server never slows or
fails a request (a sign-up, an invitation, a workflow notification).

`QueuedEmailBackend` is Django's EMAIL_BACKEND: it turns each message into plain data and
enqueues `send_email`, which rebuilds the message and hands it to the real backend,
EMAIL_DELIVERY_BACKEND (SMTP in production, the console in development, Django's in-memory
outbox in tests). In production the worker sends it; a failure is kept under Settings →
Background tasks with its traceback. In development and tests the immediate task backend
sends it at once, so tests still read `django.core.mail.outbox`.

Commands run from cron, which retry a failed mail themselves (alerts' digests, review
reminders), deliver directly with `delivery_connection()`.
"""

import base64
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task


def delivery_connection(**kwargs):
    return get_connection(settings.EMAIL_DELIVERY_BACKEND, **kwargs)


def _attachment(attachment):
    if isinstance(attachment, MIMEBase):
        return {"mime": base64.b64encode(attachment.as_bytes()).decode("ascii")}
    filename, content, mimetype = attachment
    if isinstance(content, str):
        return {"filename": filename, "text": content, "mimetype": mimetype}
    return {
        "filename": filename,
        "base64": base64.b64encode(content).decode("ascii"),
        "mimetype": mimetype,
    }


def serialize(message):
    """The message as JSON-safe data: what a task argument may hold."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "content_subtype": message.content_subtype,
        "mixed_subtype": message.mixed_subtype,
        "encoding": message.encoding,
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_attachment(a) for a in message.attachments],
    }


def deserialize(data):
    from email import message_from_bytes

    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(a) for a in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    message.mixed_subtype = data["mixed_subtype"]
    message.encoding = data["encoding"]
    for item in data["attachments"]:
        if "mime" in item:
            part = message_from_bytes(base64.b64decode(item["mime"]))
            mime = MIMEBase(part.get_content_maintype(), part.get_content_subtype())
            for key, value in part.items():
                del mime[key]
                mime[key] = value
            mime.set_payload(part.get_payload())
            message.attach(mime)
        elif "text" in item:
            message.attach(item["filename"], item["text"], item["mimetype"])
        else:
            message.attach(item["filename"], base64.b64decode(item["base64"]), item["mimetype"])
    return message


@task()
def send_email(data):
    """Deliver one queued message; raising marks the task failed, with its traceback."""
    return delivery_connection(fail_silently=False).send_messages([deserialize(data)])


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            send_email.enqueue(serialize(message))
            count += 1
        return count
