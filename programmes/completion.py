"""A run's completion rule: attendance at or above the run's threshold (present or late count),
once every counted session has taken place, earns a certificate of participation through the
`certificates` app, in the participant's language, issued once."""

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import profile_for
from certificates.services import issue_certificate

from .records import Application, Attendance

CERTIFICATE_KIND = "programmes.run"


def attendance_rate(run, user, sessions=None):
    sessions = list(sessions if sessions is not None else run.counted_sessions())
    if not sessions:
        return None
    attended = Attendance.objects.filter(
        session__in=sessions, user=user, status__in=Attendance.COUNTED
    ).count()
    return attended * 100 / len(sessions)


def check_completion(run, users=None, now=None):
    """Issue the certificates now due for `run` (to `users`, or all accepted); returns them."""
    now = now or timezone.now()
    sessions = list(run.counted_sessions())
    if not sessions or max(s.starts_at for s in sessions) > now:
        return []
    accepted = run.applications.filter(status=Application.Status.ACCEPTED).select_related("user")
    if users is not None:
        accepted = accepted.filter(user__in=users)
    issued = []
    for application in accepted:
        rate = attendance_rate(run, application.user, sessions)
        if rate is None or rate < run.attendance_threshold:
            continue
        language = profile_for(application.user).language or application.language
        issued.append(
            issue_certificate(
                application.user,
                kind=CERTIFICATE_KIND,
                achievement_key=str(run.pk),
                title=run.title,
                language=language,
                transcript=transcript(rate, sessions, language),
            )
        )
    return issued


def transcript(rate, sessions, language):
    with translation.override(language):
        summary = _("Attendance: %(rate)d%% of %(count)d sessions.") % {
            "rate": round(rate),
            "count": len(sessions),
        }
    return {"summary": summary, "items": [{"title": s.title, "score": None} for s in sessions]}
