"""Local development: DEBUG on, console e-mail, tasks run inline."""

from .base import *

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-not-for-production"
ALLOWED_HOSTS = ["*"]
INTERNAL_IPS = ["127.0.0.1"]
