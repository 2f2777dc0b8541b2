"""A real OpenID Connect provider for the sign-in tests: django-oauth-toolkit, run as its own
process on a free port (see ``serve.py``), with its own database and session cookie."""

import json
import os

SECRET_KEY = "test-idp-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions", "oauth2_provider"]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "tests.accounts.oidc_idp.urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["IDP_DATABASE"]}}
SESSION_COOKIE_NAME = "idp_sessionid"  # cookies do not keep ports apart: never Schakel's "sessionid"
LOGIN_URL = "/login"
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
OAUTH2_PROVIDER = {
    "OIDC_ENABLED": True,
    "OIDC_RSA_PRIVATE_KEY": os.environ["IDP_RSA_KEY"],
    "OIDC_ISS_ENDPOINT": os.environ["IDP_ISSUER"],
    "OAUTH2_VALIDATOR_CLASS": "tests.accounts.oidc_idp.validator.Validator",
    "ALLOWED_REDIRECT_URI_SCHEMES": ["http", "https"],
    "PKCE_REQUIRED": True,
    "ID_TOKEN_EXPIRE_SECONDS": int(os.environ.get("IDP_ID_TOKEN_SECONDS", "300")),
    "SCOPES": {"openid": "OpenID Connect", "profile": "Profile", "email": "E-mail"},
}
IDP_CLAIMS = json.loads(os.environ.get("IDP_CLAIMS", "{}"))
