"""Signing up: information meetings (name and e-mail) and applications to runs.

Every rule is checked here, once, inside a transaction that locks the run (or the session), so
two people taking the last place at the same moment cannot both get it: capacity, the
representatives per organisation, deadlines, duplicates. A refusal is a `SignUpError` whose
message is shown to the person as it is; nothing is written then, and the form keeps what they
typed. Withdrawing from a run promotes the first person on its waiting list, who is told.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import profile_for
from accounts.services import find_or_invite

from . import ics, mail
from .records import Application, Registration, Run, Session, normalise_organisation

REMINDER_BEFORE = timedelta(hours=24)


class SignUpError(Exception):
    """A refusal the person can act on; its message is shown as it is."""


# Information meetings -------------------------------------------------------------------------


def register_for_meeting(session, name, email, language):
    email = email.strip().lower()
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        if not session.is_information_meeting:
            raise SignUpError(_("Only information meetings take sign-ups by e-mail."))
        if session.starts_at <= timezone.now():
            raise SignUpError(_("This meeting has already started: sign-up is closed."))
        taken = session.registrations.filter(cancelled_at=None)
        if taken.filter(email__iexact=email).exists():
            raise SignUpError(
                _("This address is already signed up for this meeting; check your e-mail.")
            )
        if session.capacity is not None and taken.count() >= session.capacity:
            raise SignUpError(_("This meeting is full. Please choose another date."))
        try:
            registration = Registration.objects.create(
                session=session, name=name.strip(), email=email, language=language
            )
        except IntegrityError as error:  # the same address at the same moment
            raise SignUpError(_("This address is already signed up for this meeting.")) from error
    send_meeting_mail(registration, "meeting_confirmation")
    schedule_reminder(registration)
    return registration


def send_meeting_mail(registration, template):
    session = registration.session
    context = {
        "registration": registration,
        "session": session,
        "cancel_url": mail.absolute(
            "programmes:cancel", registration.token, language=registration.language
        ),
    }
    calendar = ics.sessions_calendar([session], personal=True)
    mail.send(registration.email, template, context, registration.language, ics=calendar)


def cancel_registration(registration):
    if registration.cancelled_at is None:
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["cancelled_at"])


def schedule_reminder(registration):
    """In production the queue runs the reminder 24 h before; `send_meeting_reminders` (cron)
    catches whatever the queue cannot defer (the immediate backend) or missed (a moved date)."""
    from .tasks import send_meeting_reminder

    if send_meeting_reminder.get_backend().supports_defer:
        when = registration.session.starts_at - REMINDER_BEFORE
        send_meeting_reminder.using(run_after=max(when, timezone.now())).enqueue(registration.pk)


def due_reminders(now=None):
    now = now or timezone.now()
    return Registration.objects.filter(
        cancelled_at=None,
        reminded_at=None,
        session__starts_at__gt=now,
        session__starts_at__lte=now + REMINDER_BEFORE,
    )


def remind(registration_id, now=None):
    """Send one reminder, once: the row is claimed before the mail goes."""
    now = now or timezone.now()
    claimed = due_reminders(now).filter(pk=registration_id).update(reminded_at=now)
    if not claimed:
        return False
    registration = Registration.objects.select_related("session").get(pk=registration_id)
    try:
        send_meeting_mail(registration, "meeting_reminder")
    except Exception:
        Registration.objects.filter(pk=registration_id).update(reminded_at=None)
        raise
    return True


# Runs -----------------------------------------------------------------------------------------


def apply(run, data, user=None):
    """An application to `run` from the form's cleaned data; the account is found or invited."""
    if user is None or not user.is_authenticated:
        user, _created = find_or_invite(
            data["email"], data["name"], data["language"], data["country"], data["organisation"]
        )
    with transaction.atomic():
        run = Run.objects.select_for_update().get(pk=run.pk)
        if not run.accepts_applications():
            raise SignUpError(_("Applications to this run are closed."))
        active = run.applications.filter(status__in=Application.ACTIVE)
        if active.filter(user=user).exists():
            raise SignUpError(
                _("You have already applied to this run; you will hear from us by e-mail.")
            )
        key = normalise_organisation(data["organisation"])
        if active.filter(organisation_key=key).count() >= run.per_organisation_limit:
            raise SignUpError(
                _(
                    "%(organisation)s already has %(limit)d representatives applying to this "
                    "run, the most one organisation may send."
                )
                % {"organisation": data["organisation"], "limit": run.per_organisation_limit}
            )
        application = Application.objects.create(
            run=run,
            user=user,
            organisation=data["organisation"],
            role=data["role"],
            country=data["country"],
            language=data["language"],
            motivation=data["motivation"],
        )
    tell(application, "application_received")
    return application


def tell(application, template):
    context = {
        "application": application,
        "run": application.run,
        "name": profile_for(application.user).name,
        "mine_url": mail.absolute("programmes:mine", language=application.language),
    }
    mail.send(application.user.email, template, context, application.language)


def decide(application, status, now=None):
    """Staff's decision: accept (if a place is left), waitlist or decline; the applicant is told."""
    now = now or timezone.now()
    with transaction.atomic():
        run = Run.objects.select_for_update().get(pk=application.run_id)
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status == status:
            return application
        if application.status == Application.Status.WITHDRAWN:
            raise SignUpError(_("The applicant has withdrawn."))
        if status == Application.Status.ACCEPTED and run.places_left() < 1:
            raise SignUpError(_("The run is full: put the application on the waiting list."))
        was_accepted = application.status == Application.Status.ACCEPTED
        application.status = status
        application.decided_at = now
        if status == Application.Status.WAITLISTED:
            application.waitlisted_at = now
        application.save()
    tell(application, f"application_{status}")
    if was_accepted:
        promote_from_waiting_list(run)
    return application


def withdraw(application):
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status not in Application.ACTIVE:
            return application, []
        was_accepted = application.status == Application.Status.ACCEPTED
        application.status = Application.Status.WITHDRAWN
        application.decided_at = timezone.now()
        application.save()
    promoted = promote_from_waiting_list(application.run) if was_accepted else []
    return application, promoted


def promote_from_waiting_list(run):
    """Fill free places with the longest-waiting applicants; returns those promoted."""
    promoted = []
    with transaction.atomic():
        run = Run.objects.select_for_update().get(pk=run.pk)
        waiting = run.applications.filter(status=Application.Status.WAITLISTED).order_by(
            "waitlisted_at", "created_at"
        )
        for application in waiting[: run.places_left()]:
            application.status = Application.Status.ACCEPTED
            application.decided_at = timezone.now()
            application.save()
            promoted.append(application)
    for application in promoted:
        tell(application, "application_promoted")
    return promoted
