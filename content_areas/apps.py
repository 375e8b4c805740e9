from django.apps import AppConfig


class ContentAreasConfig(AppConfig):
    name = "content_areas"
    verbose_name = "Content areas"
