from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", views.LoginView.as_view(), name="login"),
    path("sign-out/", views.LogoutView.as_view(), name="logout"),
    path("password/<uidb64>/<token>/", views.SetPasswordView.as_view(), name="set_password"),
    path("password/done/", views.PasswordSetView.as_view(), name="password_set"),
]
