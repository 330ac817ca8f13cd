"""Settings for the test suite: the same as production but for speed-only switches.

The database comes from DATABASE_URL like everywhere else, so `make test` runs the suite
once on SQLite and once on PostgreSQL.
"""

from .base import *  # noqa: F403
from .base import VAR_DIR

# Argon2 is what production uses (asserted in primum/accounts/tests); MD5 keeps tests fast.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "primum-test",
    }
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = VAR_DIR / "test-static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True
PRIMUM_RUN_AFTER_COMMIT_INLINE = True
