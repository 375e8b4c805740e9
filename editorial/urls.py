"""Admin URLs of the editorial workflow, mounted under /admin/editorial/ by wagtail_hooks."""

from django.urls import path

from . import views

app_name = "editorial"
urlpatterns = [
    path(
        "pages/<int:page_id>/mark-reviewed/", views.MarkReviewedView.as_view(), name="mark_reviewed"
    ),
    path(
        "pages/<int:page_id>/submit-translation/",
        views.SubmitTranslationView.as_view(),
        name="submit_translation",
    ),
    path("reports/due-for-review/", views.DueForReviewReportView.as_view(), name="due_for_review"),
    path(
        "reports/due-for-review/results/",
        views.DueForReviewReportView.as_view(results_only=True),
        name="due_for_review_results",
    ),
]
