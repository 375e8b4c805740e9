"""Admin pieces that belong to no single domain: the background-task monitor and people."""

from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.helpers import AdminURLHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "role"]


register_snippet(PersonViewSet)


class ReadOnlyPermissionHelper(PermissionHelper):
    """Task results are a record of what happened; nobody edits them by hand."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False

    def user_can_list(self, user):
        return user.is_superuser

    def user_can_inspect_obj(self, user, obj):
        return user.is_superuser


class TaskResultAdmin(ModelAdmin):
    """Failed background tasks (search and reference indexing) for administrators.

    Only the production queue (django_tasks_db) keeps task results; with the immediate backend
    of dev and tests, failures go to the log instead (core.signals).
    """

    model = DBTaskResult
    menu_label = _("Background tasks")
    menu_icon = "cogs"
    add_to_settings_menu = True
    permission_helper_class = ReadOnlyPermissionHelper
    inspect_view_enabled = True
    list_display = ("task_path", "status", "enqueued_at", "finished_at", "exception_class_path")
    list_filter = ("status", "queue_name")
    search_fields = ("task_path", "exception_class_path")
    ordering = ["-enqueued_at"]
    list_export = ("task_path", "status", "enqueued_at", "finished_at", "exception_class_path")


modeladmin_register(TaskResultAdmin)


class FailedTasksPanel(Component):
    """A dashboard warning for administrators while background tasks are failing."""

    name = "failed_tasks"
    order = 50
    template_name = "core/failed_tasks_panel.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context=None):
        # The list's URL name comes from modeladmin's own helper: it is derived from the app
        # label (django_tasks_db's is "django_tasks_database"), which a hand-written name got
        # wrong, and a wrong name is a 500 on the dashboard of every superuser.
        return {"count": self.count, "failed_url": AdminURLHelper(DBTaskResult).index_url}


@hooks.register("construct_homepage_panels")
def add_failed_tasks_panel(request, panels):
    if not request.user.is_superuser:
        return
    count = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count()
    if count:
        panels.append(FailedTasksPanel(count))


@hooks.register("register_rich_text_features", order=1)  # after wagtail.documents' own
def document_links_respect_privacy(features):
    """Rich text links to partners-only documents carry no address for other readers."""
    from .rich_text import PrivacyAwareDocumentLinkHandler

    features.register_link_type(PrivacyAwareDocumentLinkHandler)
