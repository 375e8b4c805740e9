"""Communities' own pages outside the page tree, inside the language prefix (`/es/communities/`)."""

from django.urls import path

from . import run_views, views

app_name = "communities"

urlpatterns = [
    path("mine/", views.mine, name="mine"),
    path("<int:pk>/", views.community_redirect, name="community"),
    path("<int:pk>/threads/new/", views.new_thread, name="new_thread"),
    path("<int:pk>/preferences/", views.preferences, name="preferences"),
    path("<int:pk>/follow-up/", views.follow_up, name="follow_up"),
    path("runs/<int:pk>/", run_views.run_discussion, name="run_discussion"),
    path("threads/<int:pk>/", views.thread, name="thread"),
    path("threads/<int:pk>/reply/", views.reply, name="reply"),
    path("threads/<int:pk>/moderate/", views.moderate_thread, name="moderate_thread"),
    path("posts/<int:pk>/report/", views.report, name="report"),
    path("posts/<int:pk>/moderate/", views.moderate_post, name="moderate_post"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
