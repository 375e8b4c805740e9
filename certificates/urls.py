"""Certificates, inside the language prefix: `/fr/certificates/<uuid>/`."""

from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("<uuid:number>/", views.verify, name="verify"),
    path("<uuid:number>/pdf/", views.pdf, name="pdf"),
    path("<uuid:number>/qr.svg", views.qr, name="qr"),
]
