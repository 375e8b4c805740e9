"""Settings shared by every environment.

Environment-specific modules (dev, test, production) import from here and override only what
differs. Everything production needs to vary is read from environment variables; see the
configuration table in README.md.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
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
    "communities",
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
    "editorial.users_config.PortalUsersConfig",  # wagtail.users, managing users safely
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
    # Anonymous GETs from the shared cache before any other work (issue 18); what it stores is
    # the response every middleware below made, headers included: core/page_cache.py says why.
    "core.page_cache.PageCacheMiddleware",
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
    # - pg_trgm's similarity threshold 0.2 rather than 0.3, for the typo fallback
    #   (search.spelling): two letters swapped in a short word (`brith`, `chlid`) leave it
    #   0.2 similar to the word meant, which 0.3 would not even offer.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c jit=off -c random_page_cost=1.1 -c work_mem=16MB -c pg_trgm.similarity_threshold=0.2"
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


def s3_media_options(environ):
    """django-storages options of the media bucket (portal/storage.py) from MEDIA_* variables."""
    bucket = environ.get("MEDIA_BUCKET", "").strip()
    if not bucket:  # one line, as production.py says what is missing
        sys.stderr.write(
            "portal: the environment variable MEDIA_BUCKET must be set with MEDIA_STORAGE=s3 "
            "(see the configuration table in README.md).\n"
        )
        raise SystemExit(2)
    return {
        "bucket_name": bucket,
        "endpoint_url": environ.get("MEDIA_ENDPOINT_URL") or None,  # MinIO or another store
        "region_name": environ.get("MEDIA_REGION") or None,
        "access_key": environ.get("MEDIA_ACCESS_KEY_ID") or None,  # else boto3's usual chain
        "secret_key": environ.get("MEDIA_SECRET_ACCESS_KEY") or None,
        "custom_domain": environ.get("MEDIA_CUSTOM_DOMAIN") or None,  # a CDN, for images only
        "location": environ.get("MEDIA_LOCATION", "").strip("/"),  # a folder inside the bucket
        "addressing_style": environ.get("MEDIA_ADDRESSING_STYLE") or None,  # "path" for MinIO
        "signature_version": "s3v4",
        "querystring_expire": int(environ.get("MEDIA_SIGNED_URL_SECONDS", "60")),
        "public_acl": environ.get("MEDIA_PUBLIC_ACL", "true").strip().lower()
        in {"1", "true", "yes", "on"},
        # Two uploads named report.pdf must not overwrite each other (django-storages would).
        "file_overwrite": False,
    }


# MEDIA_STORAGE=s3: uploads in an S3-compatible bucket, shared by every node (portal/storage.py);
# otherwise on the local disk under MEDIA_ROOT.
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local").strip().lower() or "local"
if MEDIA_STORAGE == "s3":
    MEDIA_STORAGE_BACKEND = {
        "BACKEND": "portal.storage.MediaStorage",
        "OPTIONS": s3_media_options(os.environ),
    }
elif MEDIA_STORAGE == "local":
    MEDIA_STORAGE_BACKEND = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be local or s3, not {MEDIA_STORAGE!r}")
STORAGES = {
    "default": MEDIA_STORAGE_BACKEND,
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
# Every download goes through Wagtail's view, which checks private collections; from the local
# disk it streams the file, from object storage it redirects to a signed address valid 60 s.
WAGTAILDOCS_SERVE_METHOD = "redirect" if MEDIA_STORAGE == "s3" else "serve_view"

# Wagtail.
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Child Protection Knowledge Portal")
# PORTAL_BASE_URL: the one address the portal is served on (`manage.py setup_site` puts it on
# the Site; e-mails link to it). WAGTAILADMIN_BASE_URL follows it unless set on its own.
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "").strip().rstrip("/")
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL") or PORTAL_BASE_URL or "http://127.0.0.1:8000"
)
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

# Editorial workflow (see editorial/ and docs/editorial-workflow.md). An approval publishes
# through editorial.workflows, which also records the review and sets the next review date.
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_approved"
EDITORIAL_REVIEW_INTERVAL_MONTHS = int(os.environ.get("REVIEW_INTERVAL_MONTHS", "12"))
EDITORIAL_DUE_SOON_DAYS = 30  # the dashboard also lists pages due within this many days
EDITORIAL_REMINDER_INTERVAL_DAYS = int(os.environ.get("REVIEW_REMINDER_INTERVAL_DAYS", "7"))

# Search: the database (PostgreSQL, or SQLite's FTS5) by default; Elasticsearch or OpenSearch
# when SEARCH_BACKEND names one (elasticsearch8/9, opensearch2/3; their clients are installed,
# tests/test_search_backends.py) and SEARCH_URL says where.
# Either way through search.backends, which analyses each language with its own rules (see
# docs/search.md).
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
# Search by meaning across languages (search.semantic): page vectors computed in the
# background at publish, the query's in the request. False: lexical search only.
SEARCH_SEMANTIC = env_bool("SEARCH_SEMANTIC", True)
# The typo fallback (search.spelling): a misspelt query searched as the nearest known words, and
# "did you mean" for a rare spelling of a common word. False: queries are searched as typed.
SEARCH_SPELLING = env_bool("SEARCH_SPELLING", True)

# Background tasks (search and reference indexing). Immediate by default; production
# switches to django_tasks_db's queue, worked by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# E-mail: queued as a background task (core.mail), then delivered by EMAIL_DELIVERY_BACKEND:
# the console by default, SMTP when EMAIL_HOST is set (see production.py).
EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
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

# ---- Shared cache and cached public pages (issue 18) ----
# With REDIS_URL, every process and node shares one cache (Django's own Redis backend, see
# core.redis_cache): Wagtail's site-root and rendition caches, the API throttle, cool-downs, the
# synonym table, the cached public pages (core.page_cache) and fragments (core.fragments).
# Without it, each process keeps its own memory cache, so the zero-setup default needs nothing.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, sharing one client per pool (core.redis_cache says why).
            "BACKEND": "core.redis_cache.ReusingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Anonymous GET responses kept this long in the shared cache (core.page_cache); off without it.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600" if REDIS_URL else "0"))
# Parts of pages alike for every anonymous visitor of a language (the site, the main navigation,
# the home page's listings) kept this long in the shared cache (core.fragments); off without it.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "600" if REDIS_URL else "0"))
# The cookies a public page reads, part of a cached page's key: the language remembered for `/`
# and the time zone programmes show their sessions in (programmes/timezones.py).
PAGE_CACHE_VARY_COOKIES = ["django_language", "portal_tz"]

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

# Roles and the admin (issue 13; editorial/): the admin never asks an outside service for
# avatars (Wagtail's default is Gravatar, which would tell it who uses the portal and when).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# --- Security (issue 13): sign-in lock-out, security headers, proxy --------------------------
# TRUSTED_PROXY: true only when a reverse proxy (nginx, see docs/deployment/) is in front and
# overwrites X-Forwarded-Proto and appends to X-Forwarded-For; then, and only then, are those
# headers believed (production.py, portal.security.client_ip).
TRUSTED_PROXY = env_bool("TRUSTED_PROXY", False)

# django-axes locks a sign-in out after LOGIN_FAILURE_LIMIT wrong passwords, for one user name
# from one address together, so an attacker cannot lock out an office behind one address, nor
# one person from everywhere. It covers every sign-in, as they all go through authenticate().
# An administrator unlocks with `manage.py axes_reset_username NAME` (README, Security).
INSTALLED_APPS += ["axes", "csp"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = float(os.environ.get("LOGIN_LOCKOUT_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "locked_out.html"
AXES_CLIENT_IP_CALLABLE = "portal.security.client_ip"
AXES_VERBOSE = False

# Content-Security-Policy (django-csp) and Permissions-Policy: portal/security.py says why.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

# Inside the page cache, so a cached page keeps the policy it was served with (never a nonce).
MIDDLEWARE.insert(
    MIDDLEWARE.index("core.page_cache.PageCacheMiddleware") + 1,
    "portal.security.PortalCSPMiddleware",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Wagtail 8's admin still runs a few inline scripts and writes inline styles (measured in
# chromium: tests/browser/test_csp.py); its pages get 'unsafe-inline' for both, nothing else.
CSP_ADMIN_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}
