"""What programmes keep about an account's owner, for "download my data".

Applications and attendance cascade with the account. Information-meeting registrations hold
an address, not an account: those with the owner's address are exported and erased too.
"""

from .records import Application, Attendance, Registration


def export(user):
    return {
        "applications": [
            {
                "run": a.run.title,
                "organisation": a.organisation,
                "role": a.role,
                "country": a.country,
                "language": a.language,
                "motivation": a.motivation,
                "status": a.status,
                "applied": a.created_at.isoformat(),
            }
            for a in Application.objects.filter(user=user).select_related("run")
        ],
        "attendance": [
            {
                "session": a.session.title,
                "starts_at": a.session.starts_at.isoformat(),
                "status": a.status,
            }
            for a in Attendance.objects.filter(user=user).select_related("session")
        ],
        "information_meetings": [
            {"session": r.session.title, "name": r.name, "registered": r.created_at.isoformat()}
            for r in Registration.objects.filter(email__iexact=user.email).select_related("session")
        ],
    }


def erase(user):
    Registration.objects.filter(email__iexact=user.email).delete()
