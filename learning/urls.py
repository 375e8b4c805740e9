"""The learner's pages, inside the language prefix (`/fr/learning/my-learning/`)."""

from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("my-learning/", views.my_learning, name="my_learning"),
    path("rate/<int:module_id>/", views.rate, name="rate"),
    path("resume/<uuid:module_key>/", views.resume, name="resume"),
    path("reminders/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
