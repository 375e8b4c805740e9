"""Feeds and alerts, mounted inside the language prefix (`/fr/feeds/rss/`, `/fr/alerts/`)."""

from django.urls import path, re_path

from . import views
from .feeds import FILTER_KINDS, KnowledgeProductsAtomFeed, KnowledgeProductsRssFeed

app_name = "alerts"

FILTERED = r"^feeds/(?P<kind>{})/(?P<slug>[-\w]+)/{{}}/$".format("|".join(FILTER_KINDS))

urlpatterns = [
    path("feeds/rss/", KnowledgeProductsRssFeed(), name="rss"),
    path("feeds/atom/", KnowledgeProductsAtomFeed(), name="atom"),
    re_path(FILTERED.format("rss"), KnowledgeProductsRssFeed(), name="rss_filtered"),
    re_path(FILTERED.format("atom"), KnowledgeProductsAtomFeed(), name="atom_filtered"),
    path("alerts/", views.subscribe, name="subscribe"),
    path("alerts/check-your-mail/", views.subscribe_sent, name="subscribe_sent"),
    path("alerts/confirm/<str:token>/", views.confirm, name="confirm"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
