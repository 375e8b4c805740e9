from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = "Search"

    def ready(self):
        from . import signals

        signals.connect_documents()
        from core.task_backend import worker_starting

        worker_starting.connect(signals.load_meaning_model, dispatch_uid="search-load-model")
