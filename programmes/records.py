"""Runs, sessions and the people in them: records, not pages.

Runs and sessions belong to a programme through its translation key (`programme_key`), so every
language version of the page shows the same cohorts. A session's start is stored in UTC; its
`time_zone` is the zone the organisers think in (shown beside UTC and the visitor's own zone).
Registrations (information meetings: name and e-mail, no account), applications (runs: a
front-end account) and attendance hold personal data: they are exported and erased with the
account (`apps.py`) and never reach a page, the search index, a feed or the API.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField

from .timezones import known_zones


def languages():
    return settings.LANGUAGES


def zone_choices():
    return [(name, name) for name in sorted(known_zones())]


def validate_zone(value):
    if value not in known_zones():
        raise ValidationError(_("%(zone)s is not a known time zone.") % {"zone": value})


def admin_link(url_name, label, only_if=None):
    """A model method that returns a link to one of this app's admin screens for the row."""

    def decorate(method):
        def link(self):
            if only_if and not getattr(self, only_if):
                return ""
            return format_html('<a href="{}">{}</a>', reverse(url_name, args=[self.pk]), label)

        link.short_description = label
        link.__doc__ = method.__doc__
        return link

    return decorate


class Run(models.Model):
    """A cohort of a programme: its dates, language, places and how it is going."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft (not shown)")
        OPEN = "open", _("Open for applications")
        CLOSED = "closed", _("Applications closed")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")

    programme_key = models.UUIDField(
        _("programme"), db_index=True, help_text=_("The programme page's translation key.")
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=12, choices=languages)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    application_deadline = models.DateTimeField(_("application deadline"))
    capacity = models.PositiveIntegerField(_("places"), validators=[MinValueValidator(1)])
    per_organisation_limit = models.PositiveIntegerField(
        _("representatives per organisation"), default=3, validators=[MinValueValidator(1)]
    )
    attendance_threshold = models.PositiveIntegerField(
        _("attendance for a certificate (%)"),
        default=75,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("programme_key"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("application_deadline"),
        FieldRowPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("per_organisation_limit"),
                FieldPanel("attendance_threshold"),
            ]
        ),
    ]

    class Meta:
        verbose_name = _("run")
        verbose_name_plural = _("runs")
        ordering = ["starts_on"]
        permissions = [
            ("review_application", _("Can review applications")),
            ("record_attendance", _("Can record attendance")),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A run cannot end before it starts.")})

    def accepts_applications(self, now=None):
        return self.status == self.Status.OPEN and (now or timezone.now()) <= (
            self.application_deadline
        )

    def accepted(self):
        return self.applications.filter(status=Application.Status.ACCEPTED)

    def places_left(self):
        return max(0, self.capacity - self.accepted().count())

    @admin_link("programmes_review", _("Applications"))
    def review_link(self):
        """A column of the admin's run list."""

    def counted_sessions(self):
        """The sessions attendance is counted on: all but information meetings."""
        return self.sessions.exclude(kind=Session.Kind.INFORMATION)


class MaterialsBlock(blocks.StreamBlock):
    """What to review before a session: a page of the portal, a document or a video link."""

    page = blocks.PageChooserBlock(label=_("page of the portal"))
    document = DocumentChooserBlock(label=_("document"))
    video = blocks.URLBlock(label=_("video link"))

    class Meta:
        template = "programmes/blocks/materials.html"
        preview_value = [("video", "https://example.org/video")]


class Session(models.Model):
    class Kind(models.TextChoices):
        INFORMATION = "information", _("Information meeting")
        OPENING = "opening", _("Opening session")
        MODULE = "module", _("Module session")
        WRAP_UP = "wrap_up", _("Wrap-up session")
        THEMED = "themed", _("Themed session")

    programme_key = models.UUIDField(_("programme"), db_index=True)
    run = models.ForeignKey(
        Run,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("run"),
        help_text=_("Empty for an information meeting open to anyone interested."),
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices, default=Kind.MODULE)
    module = models.CharField(_("module"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=12, choices=languages)
    starts_at = models.DateTimeField(_("starts at (UTC)"), db_index=True)
    time_zone = models.CharField(
        _("organisers' time zone"),
        max_length=64,
        default="UTC",
        choices=zone_choices,
        validators=[validate_zone],
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"),
        default=120,
        validators=[MinValueValidator(15), MaxValueValidator(480)],
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Information meetings only; empty: no limit."),
    )
    materials = StreamField(
        MaterialsBlock(), blank=True, verbose_name=_("materials to review before")
    )
    forum_question = models.TextField(_("question for the forum"), blank=True)
    meeting_url = models.URLField(
        _("meeting link"), blank=True, help_text=_("Shown only to people registered for it.")
    )
    updated_at = models.DateTimeField(auto_now=True)
    # The public VEVENT in each language, serialised by icalendar when the session is saved, so
    # that a feed of hundreds of sessions is joined rather than built (`ics`).
    calendar_events = models.JSONField(default=dict, blank=True, editable=False)

    panels = [
        FieldPanel("programme_key"),
        FieldPanel("run"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("language")]),
        FieldPanel("module"),
        MultiFieldPanel(
            [
                FieldPanel("starts_at"),
                FieldPanel("time_zone"),
                FieldPanel("duration_minutes"),
                FieldPanel("capacity"),
            ],
            heading=_("When"),
        ),
        FieldPanel("materials"),
        FieldPanel("forum_question"),
        FieldPanel("meeting_url"),
    ]

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Stored for feeds (`ics`); a save of the stored events alone need not rebuild them.
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) - {"calendar_events"}:
            from .ics import refresh_stored_events

            refresh_stored_events([self])

    def clean(self):
        if self.kind != self.Kind.INFORMATION and self.run_id is None:
            raise ValidationError({"run": _("Only an information meeting has no run.")})
        if self.run_id is not None and self.run.programme_key != self.programme_key:
            raise ValidationError({"run": _("This run belongs to another programme.")})

    @admin_link("programmes_attendance", _("Attendance"), only_if="run_id")
    def attendance_link(self):
        """A column of the admin's session list (information meetings take no attendance)."""

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def is_information_meeting(self):
        return self.kind == self.Kind.INFORMATION

    def uid(self):
        """Stable across edits, so a calendar updates the event instead of adding another."""
        return f"session-{self.pk}-{self.programme_key}@portal"

    def is_registered(self, user=None, email=None):
        """Whether this person may see the meeting link."""
        if self.is_information_meeting:
            if not email:
                return False
            return self.registrations.filter(email__iexact=email, cancelled_at=None).exists()
        if user is None or not user.is_authenticated:
            return False
        return self.run.applications.filter(user=user, status=Application.Status.ACCEPTED).exists()


class Registration(models.Model):
    """Someone's place at an information meeting: a name and an address, no account."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("session")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=12, choices=languages)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "email"],
                condition=Q(cancelled_at__isnull=True),
                name="one_registration_per_address",
            )
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"


class Application(models.Model):
    """An application to a run, reviewed by programme staff."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("On the waiting list")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    ACTIVE = (Status.PENDING, Status.ACCEPTED, Status.WAITLISTED)

    run = models.ForeignKey(
        Run, on_delete=models.CASCADE, related_name="applications", verbose_name=_("run")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="programme_applications",
        verbose_name=_("applicant"),
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    organisation_key = models.CharField(max_length=200, editable=False, db_index=True)
    role = models.CharField(_("role"), max_length=200)
    country = models.CharField(_("country"), max_length=100)
    language = models.CharField(_("language"), max_length=12, choices=languages)
    motivation = models.TextField(_("motivation"), max_length=3000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("applied"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "user"],
                condition=Q(status__in=["pending", "accepted", "waitlisted"]),
                name="one_active_application_per_run",
            )
        ]

    def __str__(self):
        return f"{self.user.email}: {self.run}"

    def save(self, *args, **kwargs):
        self.organisation_key = normalise_organisation(self.organisation)
        super().save(*args, **kwargs)


def normalise_organisation(name):
    """ "Helpline  Network " and "helpline network" are one organisation for the limit."""
    return " ".join(name.casefold().split())


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        LATE = "late", _("Late")
        EXCUSED = "excused", _("Excused")
        ABSENT = "absent", _("Absent")

    COUNTED = (Status.PRESENT, Status.LATE)

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("session")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="programme_attendance",
        verbose_name=_("participant"),
    )
    status = models.CharField(_("attendance"), max_length=8, choices=Status.choices)
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_attendance_per_session")
        ]

    def __str__(self):
        return f"{self.user}: {self.get_status_display()}"
