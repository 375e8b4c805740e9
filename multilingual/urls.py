from django.urls import path

from . import views

app_name = "multilingual"
urlpatterns = [
    path("out-of-date/", views.OutOfDateTranslationsView.as_view(), name="out_of_date"),
    path(
        "out-of-date/results/",
        views.OutOfDateTranslationsView.as_view(results_only=True),
        name="out_of_date_results",
    ),
]
