"""Primum settings shared by every environment.

Everything an operator may change comes from environment variables (twelve-factor):
``DATABASE_URL``, ``REDIS_URL``, ``SECRET_KEY``, ``PRIMUM_*``. With none set, Primum runs
on one machine: SQLite in WAL mode, Celery tasks executed eagerly in-process, a local
memory cache and e-mail written to ``var/mail``. See docs/operations.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PRIMUM_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("PRIMUM_DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-primum-development-key-change-me-0123456789")
ALLOWED_HOSTS = env_list("PRIMUM_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("PRIMUM_CSRF_TRUSTED_ORIGINS", "")
SITE_NAME = "Primum"
SITE_URL = os.environ.get("PRIMUM_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_htmx",
    "ninja",
    "primum.core",
    "primum.accounts",
    "primum.social",
    "primum.identity",
    "primum.messaging",
    "primum.moderation",
    "primum.api",
    "primum.web",
    "primum.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "primum.core.middleware.RequestBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "primum.accounts.middleware.SessionTrackingMiddleware",
    "primum.accounts.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "primum.web.context_processors.header",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DEFAULT_SQLITE_PATH = VAR_DIR / "primum.sqlite3"
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers proceed while one writer commits; IMMEDIATE transactions take the
        # write lock up front so concurrent writers queue instead of failing with "locked".
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;"
            "PRAGMA foreign_keys=ON;PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compilation pays off for long analytical queries, not for a social app's short
    # indexed ones: it cost ~67 ms per page on a query that runs in 0.3 ms (BENCHMARKS.md).
    options = DATABASES["default"].setdefault("OPTIONS", {})
    # Prepared statements are always planned for their parameters (a custom plan): the home
    # feed's generic plan measured 5x slower than its custom one (25.7 vs 5.5 ms p50,
    # BENCHMARKS.md, "Current (2026-12-01)"), and PostgreSQL may switch to it on its own
    # after five runs.
    options["options"] = "-c jit=off -c plan_cache_mode=force_custom_plan"
    # Parameters bound by the server and statements prepared after 5 executions on a
    # connection: a query is then parsed once per connection, not on every request.
    # Prepared statements need session-level connections: set
    # PRIMUM_DB_PREPARED_STATEMENTS=0 behind a transaction-mode pooler (PgBouncer without
    # max_prepared_statements).
    if env_bool("PRIMUM_DB_PREPARED_STATEMENTS", True):
        options["server_side_binding"] = True
        options["prepare_threshold"] = 5
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Each write service runs in its own transaction (transaction.atomic), so a process dying
# mid-request leaves nothing half-written; reads take no write lock (no ATOMIC_REQUESTS).

# --- Auth -----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "social:home"
LOGOUT_REDIRECT_URL = "social:explore"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
OTP_TOTP_ISSUER = "Primum"
# Failed logins allowed per account and per address within the window before refusal.
PRIMUM_LOGIN_MAX_FAILURES = int(os.environ.get("PRIMUM_LOGIN_MAX_FAILURES", "5"))
PRIMUM_LOGIN_WINDOW_SECONDS = int(os.environ.get("PRIMUM_LOGIN_WINDOW_SECONDS", "900"))
PRIMUM_REQUIRE_STAFF_2FA = env_bool("PRIMUM_REQUIRE_STAFF_2FA", True)

# --- E-mail ---------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "PRIMUM_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("PRIMUM_FROM_EMAIL", "Primum <no-reply@primum.local>")
EMAIL_HOST = os.environ.get("PRIMUM_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("PRIMUM_EMAIL_PORT", "25"))

# --- Cache, rate limits ---------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "primum",
        }
    }
# Writes allowed per user per minute on the API and pages (posts, likes, follows...).
PRIMUM_WRITE_RATE_PER_MINUTE = int(os.environ.get("PRIMUM_WRITE_RATE_PER_MINUTE", "60"))

# --- Celery ---------------------------------------------------------------------------
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL or "memory://")
CELERY_TASK_ALWAYS_EAGER = not (os.environ.get("CELERY_BROKER_URL") or REDIS_URL) or env_bool(
    "PRIMUM_TASKS_EAGER", False
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# Periodic work for `celery -A config beat` (docs/operations.md).
CELERY_BEAT_SCHEDULE = {
    "credentials-expire": {"task": "primum.identity.tasks.credentials_expire", "schedule": 3600.0},
    "npi-retry-unreachable": {
        "task": "primum.identity.tasks.npi_retry_unreachable",
        "schedule": 900.0,
    },
}

# --- Requests -------------------------------------------------------------------------
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("PRIMUM_MAX_BODY_BYTES", str(256 * 1024)))
PRIMUM_MAX_BODY_BYTES = DATA_UPLOAD_MAX_MEMORY_SIZE
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
# Document uploads (licence review) may be larger; only under these path prefixes.
PRIMUM_MAX_UPLOAD_BYTES = int(os.environ.get("PRIMUM_MAX_UPLOAD_BYTES", str(10 * 1024 * 1024)))
PRIMUM_UPLOAD_PATH_PREFIXES = ("/identity/documents/", "/api/v1/verification/documents")
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Private files (verification documents): outside the web root, never served directly.
PRIMUM_PRIVATE_FILES_DIR = Path(os.environ.get("PRIMUM_PRIVATE_FILES_DIR", VAR_DIR / "private"))

# --- Identity: peer vouching (docs/identity.md) ----------------------------------------
PRIMUM_VOUCHES_REQUIRED = int(os.environ.get("PRIMUM_VOUCHES_REQUIRED", "3"))
PRIMUM_VOUCH_NEW_ACCOUNT_DAYS = int(os.environ.get("PRIMUM_VOUCH_NEW_ACCOUNT_DAYS", "30"))
PRIMUM_VOUCH_INDEPENDENCE_DAYS = int(os.environ.get("PRIMUM_VOUCH_INDEPENDENCE_DAYS", "180"))

# --- Identity: NPI registry (docs/identity.md) -----------------------------------------
# The public NPPES NPI Registry API v2.1; requests add ?version=2.1&number=<NPI>.
PRIMUM_NPI_API_URL = os.environ.get("PRIMUM_NPI_API_URL", "https://npiregistry.cms.hhs.gov/api/")
PRIMUM_NPI_TIMEOUT_SECONDS = float(os.environ.get("PRIMUM_NPI_TIMEOUT_SECONDS", "5"))
PRIMUM_NPI_RETRIES = int(os.environ.get("PRIMUM_NPI_RETRIES", "3"))
PRIMUM_NPI_BACKOFF_SECONDS = float(os.environ.get("PRIMUM_NPI_BACKOFF_SECONDS", "0.5"))
# A verified NPI credential expires (and must be checked again) after this many days.
PRIMUM_NPI_RECHECK_DAYS = int(os.environ.get("PRIMUM_NPI_RECHECK_DAYS", "365"))
PRIMUM_INSTITUTIONAL_EMAIL_VALID_DAYS = int(
    os.environ.get("PRIMUM_INSTITUTIONAL_EMAIL_VALID_DAYS", "365")
)

# --- i18n, static ---------------------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Posts ----------------------------------------------------------------------------
PRIMUM_POST_MAX_CHARS = 500
PRIMUM_CW_MAX_CHARS = 100

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("PRIMUM_LOG_LEVEL", "WARNING")},
}
