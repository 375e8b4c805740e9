from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Portal core"

    def ready(self):
        from . import images, page_cache, signals  # noqa: F401

        images.connect()
        page_cache.connect()
