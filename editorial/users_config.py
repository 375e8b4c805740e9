"""Wagtail's users app, with the user screens of `editorial.users`.

Wagtail's documented way to replace its user views is a subclass of its users app config naming
another `user_viewset`, listed in INSTALLED_APPS instead of "wagtail.users". It lives in its own
module because INSTALLED_APPS imports it before any model exists.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class PortalUsersConfig(WagtailUsersAppConfig):
    user_viewset = "editorial.users.UserViewSet"
