"""Managing users without handing out rights one does not hold.

The Site administrators manage users (create them, reset passwords, deactivate, delete), and
Wagtail's user screens let whoever may change users tick any group and the superuser flag. Here
the rule is the one every role follows: **a user may give only rights they hold themselves**.

* A group's rights are everything that names it: its model permissions, its page and collection
  permissions (held through the same permission on that page or collection or an ancestor), the
  workflow tasks it approves and the privacy settings that let it in (held by being in a group
  the same task or restriction names). Anything else that points at a group is held only by its
  members, so a new kind of right is refused until this module learns about it.
* A group is *assignable* by a user who holds every one of its rights. Superusers hold them all.
* A user *outranks* another if it is a superuser (and the other is not) or belongs to a group
  the other may not assign. Nobody edits, deactivates or deletes a user who outranks them.
* Only superusers see or set the superuser flag.

The rule is checked in the forms (the group list offers only assignable groups; the superuser
flag is not there) and in the views (edit and delete of an outranking user are refused), and
again in the bulk actions, which Wagtail registers separately. It is installed through Wagtail's
own extension point, the users app's `user_viewset` (`editorial.users_config`).
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.users import forms as wagtail_forms
from wagtail.users.utils import user_can_delete_user
from wagtail.users.views import users as wagtail_users
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

# Relations handled with their own rule below; the users themselves are not a right.
_SPECIAL_RELATIONS = {GroupPagePermission, GroupCollectionPermission}


def _tree_permission_held(rows, held_rows, node_field):
    """Each (node, permission) of `rows` is held if `held_rows` has that permission on the
    node or an ancestor (pages and collections are materialised-path trees)."""
    held = [(getattr(row, node_field).path, row.permission_id) for row in held_rows]
    for row in rows:
        path = getattr(row, node_field).path
        if not any(path.startswith(p) and perm == row.permission_id for p, perm in held):
            return False
    return True


def holds_rights_of(user, group):
    """True if `user` already has every right that membership of `group` gives."""
    if user.is_superuser:
        return True
    if not user.is_active:
        return False
    own = set(user.groups.values_list("pk", flat=True))
    if group.pk in own:
        return True
    granted = {
        f"{ct}.{codename}"
        for ct, codename in group.permissions.values_list("content_type__app_label", "codename")
    }
    if not granted <= user.get_all_permissions():
        return False
    for model, node in ((GroupPagePermission, "page"), (GroupCollectionPermission, "collection")):
        rows = model.objects.filter(group=group).select_related(node)
        held = model.objects.filter(group__in=own).select_related(node)
        if not _tree_permission_held(rows, held, node):
            return False
    for relation in Group._meta.related_objects:
        model = relation.related_model
        if (
            model in _SPECIAL_RELATIONS
            or relation.field.name == "groups"
            and model is _user_model()
        ):
            continue
        objects = model._base_manager.filter(**{relation.field.name: group})
        if relation.many_to_many:
            # A task or privacy setting naming this group is held through any group it names.
            objects = objects.exclude(**{f"{relation.field.name}__in": own})
        if objects.exists():
            return False
    return True


def _user_model():
    from django.contrib.auth import get_user_model

    return get_user_model()


def assignable_groups(user):
    """The groups `user` may put someone in (or take someone out of)."""
    cached = getattr(user, "_assignable_group_ids", None)
    if cached is None:
        cached = [group.pk for group in Group.objects.all() if holds_rights_of(user, group)]
        user._assignable_group_ids = cached
    return Group.objects.filter(pk__in=cached).order_by("name")


def outranks(target, user):
    """True if `target` has a right that `user` could not give (so `user` may not manage it)."""
    if user.is_superuser:
        return False
    if target.is_superuser:
        return True
    assignable = set(assignable_groups(user).values_list("pk", flat=True))
    return target.groups.exclude(pk__in=assignable).exists()


def may_manage(user, target):
    return not outranks(target, user)


class _LimitedUserFormMixin:
    """No superuser flag for non-superusers; only the groups the editing user may assign."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if for_user is None or for_user.is_superuser:
            return
        self.fields.pop("is_superuser", None)
        if "groups" in self.fields:
            self.fields["groups"].queryset = assignable_groups(for_user)


class UserCreationForm(_LimitedUserFormMixin, wagtail_forms.UserCreationForm):
    pass


class UserEditForm(_LimitedUserFormMixin, wagtail_forms.UserEditForm):
    pass


def refuse_escalation(request, group_ids):
    """A crafted POST (the superuser flag, a group the form did not offer) is refused as the
    admin refuses anything else, instead of being quietly dropped; nothing is saved."""
    user = request.user
    if user.is_superuser:
        return
    if request.POST.get("is_superuser"):
        raise PermissionDenied
    allowed = {str(pk) for pk in assignable_groups(user).values_list("pk", flat=True)}
    if not set(group_ids) <= allowed:
        raise PermissionDenied


class _ForUserFormKwargsMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def post(self, request, *args, **kwargs):
        refuse_escalation(request, request.POST.getlist("groups"))
        return super().post(request, *args, **kwargs)


class CreateView(_ForUserFormKwargsMixin, wagtail_users.CreateView):
    pass


class EditView(_ForUserFormKwargsMixin, wagtail_users.EditView):
    def dispatch(self, request, *args, **kwargs):
        if outranks(self.object, request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_delete"] = self.can_delete and may_manage(self.request.user, self.object)
        return context


class DeleteView(wagtail_users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if outranks(self.get_object(), request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class IndexView(wagtail_users.IndexView):
    def get_delete_url(self, instance):
        if instance.is_superuser and not self.request.user.is_superuser:
            return None
        return super().get_delete_url(instance)


class UserViewSet(wagtail_users.UserViewSet):
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm


# The bulk actions on the user listing, each refusing users the requester may not manage.
# Registered after Wagtail's (editorial.wagtail_hooks, order=1), replacing them by action type.


class _RefuseOutrankedMixin:
    """Wagtail's bulk actions quietly skip the users one may not act on; a request naming one
    is refused instead, and nothing changes (so "select all" never half-happens)."""

    def prepare_action(self, objects, objects_without_access):
        if objects_without_access.get("items_with_no_access"):
            raise PermissionDenied
        return super().prepare_action(objects, objects_without_access)


class PortalAssignRoleBulkAction(_RefuseOutrankedMixin, AssignRoleBulkAction):
    def post(self, request, *args, **kwargs):
        refuse_escalation(request, [request.POST["role"]] if request.POST.get("role") else [])
        return super().post(request, *args, **kwargs)

    def check_perm(self, obj):
        return super().check_perm(obj) and may_manage(self.request.user, obj)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["role"].queryset = assignable_groups(self.request.user)
        return form


class PortalDeleteBulkAction(_RefuseOutrankedMixin, DeleteBulkAction):
    def check_perm(self, obj):
        return user_can_delete_user(self.request.user, obj) and may_manage(self.request.user, obj)


class PortalSetActiveStateBulkAction(_RefuseOutrankedMixin, SetActiveStateBulkAction):
    def check_perm(self, obj):
        return super().check_perm(obj) and may_manage(self.request.user, obj)


BULK_ACTIONS = [PortalAssignRoleBulkAction, PortalDeleteBulkAction, PortalSetActiveStateBulkAction]
