"""What an approved workflow does: Wagtail's publish, with the review recorded first.

Named by WAGTAIL_FINISH_WORKFLOW_ACTION, which Wagtail imports while `wagtail.models` itself is
loading; hence the imports inside the function.
"""


def publish_approved(workflow_state, user=None):
    """Record the approval in the latest revision, then publish it as Wagtail would.

    Scheduled publishing keeps working: the revision carries the review, and Wagtail holds it
    until its go-live time (`manage.py publish_scheduled`).
    """
    from .freshness import record_approval

    revision = workflow_state.content_object.get_latest_revision()
    record_approval(revision, user)
    revision.publish(user=user)
