from django.urls import path
from wagtail import hooks

from . import admin_views


@hooks.register("register_admin_urls")
def programme_urls():
    return [
        path(
            "programmes/runs/<int:run_id>/applications/",
            admin_views.review,
            name="programmes_review",
        ),
        path(
            "programmes/sessions/<int:session_id>/attendance/",
            admin_views.attendance,
            name="programmes_attendance",
        ),
    ]


@hooks.register("register_admin_viewset")
def runs():
    return [admin_views.run_viewset, admin_views.session_viewset]
