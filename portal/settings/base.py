"""Settings shared by every environment.

Environment-specific modules (dev, test, production) import from here and override only what
differs. Everything production needs to vary is read from environment variables; see the
configuration table in README.md.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


INSTALLED_APPS = [
    # Portal apps: one per domain.
    "core",
    "home",
    "taxonomy",
    "content_areas",
    "resources",
    "case_studies",
    "learning",
    "search",
    "editorial",
    "alerts",
    "partners",
    "multilingual",
    "demo",  # manage.py load_demo_content; no models
    "accounts",
    "certificates",
    "programmes",
    # Wagtail and its contrib apps.
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales so locales can be synchronised
    "wagtail_modeladmin",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail.api.v2",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "multilingual.fallback.UnknownLanguageMiddleware",  # /de/... when German is not offered
    "django.middleware.locale.LocaleMiddleware",
    "core.serving.PageServingMiddleware",  # per-request cache and two-query page routing
    "multilingual.fallback.LanguageFallbackMiddleware",  # untranslated pages, remembered language
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "editorial.middleware.ReviewGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# One database setting for every environment: DATABASE_URL when set (PostgreSQL in
# production and in CI's second run), otherwise a SQLite file beside manage.py.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Planner settings for the portal's connections (measured with bench/search on 100,000
    # pages; a server's own settings are overridden for these connections only):
    # - JIT compilation pays off for long analytical queries, which the portal does not run;
    #   it is planned on cost estimates and added about 100 ms to broad searches.
    # - random_page_cost 1.1 (PostgreSQL's advice for SSDs or data in memory, where the
    #   search index lives) rather than 4: at 4 the planner read a word found in a third of
    #   all pages by scanning the whole index table, evaluating `title || body` on every row
    #   (180 ms), rather than through its GIN index (45 ms).
    # - work_mem 16 MB rather than 4: the facet counts of a broad search hash about 100,000
    #   (value, translation) pairs, which spilled to disk at 4 MB.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c jit=off -c random_page_cost=1.1 -c work_mem=16MB"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. The content and interface languages come from one list; an
# administrator adds a language by extending PORTAL_LANGUAGES and creating its Locale.
LANGUAGE_NAMES = {
    "en": _("English"),
    "fr": _("French"),
    "es": _("Spanish"),
    "ar": _("Arabic"),
    "pt": _("Portuguese"),
    "ru": _("Russian"),
    "sw": _("Swahili"),
}
LANGUAGE_CODE = "en"
LANGUAGES = [
    (code, LANGUAGE_NAMES.get(code, code)) for code in env_list("PORTAL_LANGUAGES", "en,fr,es,ar")
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LOCALE_PATHS = [BASE_DIR / "locale"]

# Static files and uploads.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Upload limits. Wagtail enforces the extension lists and sizes; core.models adds a check
# that a file's content matches its extension.
WAGTAILDOCS_DOCUMENT_MODEL = "core.PortalDocument"
WAGTAILIMAGES_IMAGE_MODEL = "core.PortalImage"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "xlsx",
    "pptx",
    "odt",
    "ods",
    "odp",
    "csv",
    "txt",
    "epub",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "25")) * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_MB", "10")) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # so private collections are checked on every download

# Wagtail.
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Child Protection Knowledge Portal")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = (
    False  # translations are reviewed before they go live
)
# Optional machine translation in the localize editor (MACHINE_TRANSLATOR=deepl|libretranslate).
from multilingual.machine_translation import machine_translator_from_env  # noqa: E402

if (_machine_translator := machine_translator_from_env()) is not None:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = _machine_translator

# Editorial workflow (see editorial/ and the README). An approval publishes through
# editorial.workflows, which also records the review and sets the next review date.
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_approved"
EDITORIAL_REVIEW_INTERVAL_MONTHS = int(os.environ.get("REVIEW_INTERVAL_MONTHS", "12"))
EDITORIAL_DUE_SOON_DAYS = 30  # the dashboard also lists pages due within this many days
EDITORIAL_REMINDER_INTERVAL_DAYS = int(os.environ.get("REVIEW_REMINDER_INTERVAL_DAYS", "7"))

# Search: the database (PostgreSQL, or SQLite's FTS5) by default; Elasticsearch or OpenSearch
# when SEARCH_BACKEND names one (elasticsearch8/9, opensearch2/3; their clients are installed,
# tests/test_search_backends.py) and SEARCH_URL says where.
# Either way through search.backends, which analyses each language with its own rules (see
# the README's Search section).
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "database")
if SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"search.backends.{SEARCH_BACKEND}",
            "URLS": env_list("SEARCH_URL", "http://localhost:9200"),
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "portal_"),
            "TIMEOUT": 5,
        }
    }
SEARCH_RESULTS_PER_PAGE = 10
SEARCH_LOG_QUERIES = env_bool("SEARCH_LOG_QUERIES", True)  # daily counts per query, no visitor data

# Background tasks (search and reference indexing). Immediate by default; production
# switches to django_tasks_db's queue, worked by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# E-mail: the console by default, SMTP when EMAIL_HOST is set (see production.py).
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# The read API at /api/v2/ (portal/api.py). Its throttle reads the rate per request.
REST_FRAMEWORK = {
    "DEFAULT_THROTTLE_CLASSES": ["portal.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "120/minute")},
}
API_CORS_ORIGINS = env_list(
    "API_CORS_ORIGINS"
)  # origins whose browsers may GET the API; "*" for any
WAGTAILAPI_LIMIT_MAX = 100  # items per API page; field sites harvest whole listings

# Feeds and e-mail alerts (alerts/). `manage.py send_digests` may run hourly or daily: each
# subscriber gets at most one digest per interval, and nothing when nothing is new.
ALERTS_DIGEST_INTERVAL_DAYS = int(os.environ.get("ALERTS_DIGEST_INTERVAL_DAYS", "7"))
ALERTS_CONFIRM_DAYS = 7  # how long a subscription confirmation link works
ALERTS_FEED_LENGTH = 30  # items per feed

# Partner-only areas (partners/): members of this group read restricted pages and private
# collections after signing in at the portal's own sign-in page.
PARTNER_GROUP_NAME = "Partners"
WAGTAIL_FRONTEND_LOGIN_URL = "partners:login"

# Front-end accounts (accounts/) for learners and programme participants: sign-up by e-mail
# with double opt-in, signed in with Django's own authenticate(). Unconfirmed accounts are
# removed by `manage.py prune_unconfirmed_accounts` after this many days.
LOGIN_URL = "accounts:sign_in"
ACCOUNTS_SIGNED_IN_URL = "learning:my_learning"  # where signing in lands, unless `next` says
ACCOUNTS_UNCONFIRMED_DAYS = int(os.environ.get("ACCOUNTS_UNCONFIRMED_DAYS", "7"))

# eLearning (learning/): a learner not seen in a module for LEARNING_REMINDER_DAYS gets one
# reminder (`manage.py send_learning_reminders`, daily); a module shows its average rating
# once it has LEARNING_RATINGS_SHOWN_FROM ratings.
LEARNING_REMINDER_DAYS = int(os.environ.get("LEARNING_REMINDER_DAYS", "14"))
LEARNING_RATINGS_SHOWN_FROM = int(os.environ.get("LEARNING_RATINGS_SHOWN_FROM", "5"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django_tasks": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "portal": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
