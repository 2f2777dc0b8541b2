"""Settings for the test suite: fast hashing, in-memory mail, plain HTTP (no secure cookies, HSTS or redirect)."""

import os

os.environ.setdefault("SCHAKEL_DEBUG", "0")
os.environ.setdefault("SCHAKEL_SECRET_KEY", "test-secret-key-not-for-production")

from .settings import *  # noqa: E402,F401,F403
from .settings import DATABASES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False  # the test client speaks plain HTTP; tests/beveiliging/test_productie.py checks production
SECURE_HSTS_SECONDS = 0
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    for _alias in ("default", "cache"):
        DATABASES[_alias]["NAME"] = ":memory:"
        DATABASES[_alias]["OPTIONS"] = {}
# Tests move the clock by weeks while logged in; the session limits have their own tests
# (tests/accounts/test_sessies.py), which set them.
SCHAKEL_SESSIE_INACTIEF_MINUTEN = 10 * 365 * 24 * 60
SCHAKEL_SESSIE_MAX_UREN = 10 * 365 * 24
