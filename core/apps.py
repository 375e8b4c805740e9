from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Portal core"

    def ready(self):
        from . import generations, images, signals  # noqa: F401

        images.connect()
        generations.connect()
