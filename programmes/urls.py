"""Programmes' own pages outside the page tree, inside the language prefix (`/es/programmes/`)."""

from django.urls import path

from . import views

app_name = "programmes"

urlpatterns = [
    path("upcoming/", views.upcoming_calendar, name="upcoming"),
    path("sessions/<int:pk>.ics", views.session_ics, name="session_ics"),
    path("runs/<int:pk>.ics", views.run_ics, name="run_ics"),
    path("feeds/<uuid:key>.ics", views.feed_ics, name="feed_ics"),
    path("sessions/<int:pk>/sign-up/", views.register, name="register"),
    path("cancel/<uuid:token>/", views.cancel, name="cancel"),
    path("runs/<int:pk>/apply/", views.apply, name="apply"),
    path("applications/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("mine/", views.mine, name="mine"),
]
