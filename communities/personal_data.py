"""What communities keep about an account's owner, for "download my data".

Posts, reports and preferences cascade with the account; threads it started stay (other
members' replies are in them) without their author.
"""

from .records import Post, Report, Subscription


def export(user):
    return {
        "posts": [
            {
                "community": p.thread.community.name,
                "thread": p.thread.title,
                "message": p.body,
                "written": p.created.isoformat(),
                "approved": p.approved,
                "hidden": p.hidden,
            }
            for p in Post.objects.filter(author=user).select_related("thread__community")
        ],
        "reports": [
            {
                "post": r.post_id,
                "reason": r.reason,
                "note": r.note,
                "reported": r.created.isoformat(),
            }
            for r in Report.objects.filter(reporter=user)
        ],
        "preferences": [
            {"community": s.community.name, "reply_notices": s.reply_notices, "digest": s.digest}
            for s in Subscription.objects.filter(user=user).select_related("community")
        ],
    }


def erase(user):
    """Nothing beyond the cascade."""
