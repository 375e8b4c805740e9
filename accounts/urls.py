"""Front-end accounts, inside the language prefix (`/fr/account/sign-in/`)."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("sign-up/", views.sign_up, name="sign_up"),
    path("sign-up/check-your-mail/", views.sign_up_sent, name="sign_up_sent"),
    path("sign-in/", views.SignInView.as_view(), name="sign_in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign_out"),
    path("password/<uidb64>/<token>/", views.SetPasswordView.as_view(), name="set_password"),
    path("password/forgotten/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/forgotten/check-your-mail/",
        views.PasswordResetSentView.as_view(),
        name="password_reset_sent",
    ),
    path("password/change/", views.PasswordChangeView.as_view(), name="password_change"),
    path("my-data/", views.download_data, name="download_data"),
    path("delete/", views.delete_account, name="delete"),
]
