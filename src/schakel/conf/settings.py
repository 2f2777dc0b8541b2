"""Django settings for Schakel.

Everything that differs per deployment comes from environment variables, so the
same settings module serves the demo (SQLite), CI (SQLite and PostgreSQL) and
production. docs/operations.md lists every variable.
"""

from pathlib import Path
import os

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("SCHAKEL_DATA_DIR", Path.cwd() / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_fraction(name: str, default: float) -> float:
    """A number from 0 to 1 (a probability); a decimal comma is accepted. Anything else stops start-up."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        value = None
    if value is None or not 0 <= value <= 1:  # also rejects nan and inf
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"{name} must be a number from 0 to 1 (e.g. 0.5), not {raw!r}.")
    return value


DEBUG = env_bool("SCHAKEL_DEBUG", False)
SECRET_KEY = os.environ.get("SCHAKEL_SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or env_bool("SCHAKEL_DEMO"):
        SECRET_KEY = "insecure-demo-key-do-not-use-in-production"
    else:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("Set SCHAKEL_SECRET_KEY (or SCHAKEL_DEBUG=1 for development).")

# Old keys, comma-separated, while rotating SCHAKEL_SECRET_KEY: sessions, receipt codes and
# recovery codes made under them keep working (docs/operations.md).
SECRET_KEY_FALLBACKS = env_list("SCHAKEL_SECRET_KEY_FALLBACKS")

ALLOWED_HOSTS = env_list("SCHAKEL_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("SCHAKEL_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "schakel.accounts.beheer_app.BeheerConfig",  # django.contrib.admin with TOTP for staff (accounts/beheer.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # recovery codes: the device; the codes themselves are hashed (accounts.Herstelcode)
    "schakel.core",
    "schakel.accounts",
    "schakel.audit",
    "schakel.organisaties",
    "schakel.regelingen",
    "schakel.privacy",
    "schakel.signalen",
    "schakel.termijnen",
    "schakel.notificaties",
    "schakel.rapportage",
    "schakel.toetsen",
    "schakel.noodrem",
    "schakel.knelpunten",
    "schakel.maatwerkplaats",
    "schakel.api",
    "schakel.web",
    "schakel.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "schakel.web.slotstreep.ZonderSlotstreepMiddleware",  # /signalen/ -> /signalen
    "schakel.web.methoden.AlleenLezenMiddleware",  # 405 before CSRF: a read-only page takes no POST at all
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): session confirmed with a TOTP code
    "django.contrib.messages.middleware.MessageMiddleware",
    "schakel.accounts.sessies.SessieTijdenMiddleware",  # idle timeout and absolute lifetime of a login
    "schakel.web.formulieren.HerhaaldePostMiddleware",  # a form's one-time token used before: no second POST
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "schakel.api.middleware.APIVersionMiddleware",
    "schakel.api.middleware.MethodeMiddleware",  # 405 before the view authenticates
    "schakel.api.idempotency.IdempotencyMiddleware",  # after authentication and API-Version
]

ROOT_URLCONF = "schakel.urls"
WSGI_APPLICATION = "schakel.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "schakel.web.context_processors.schakel",
            ],
            # Plain-Dutch numbers and <time> attributes in every template without a {% load %}.
            "builtins": ["schakel.web.templatetags.schakel_web"],
        },
    },
]

# Database: SQLite by default (zero set-up), PostgreSQL when SCHAKEL_DB_ENGINE=postgresql.
DB_ENGINE = os.environ.get("SCHAKEL_DB_ENGINE", "sqlite")
if DB_ENGINE == "postgresql":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ.get("SCHAKEL_DB_NAME", "schakel"),
            "USER": os.environ.get("SCHAKEL_DB_USER", "schakel"),
            "PASSWORD": os.environ.get("SCHAKEL_DB_PASSWORD", ""),
            "HOST": os.environ.get("SCHAKEL_DB_HOST", "127.0.0.1"),
            "PORT": os.environ.get("SCHAKEL_DB_PORT", "5432"),
            "CONN_MAX_AGE": int(os.environ.get("SCHAKEL_DB_CONN_MAX_AGE", "60")),
            "ATOMIC_REQUESTS": True,
        }
    }
    # The same database for the cache table, in autocommit: a rate-limit counter must not stay
    # locked until the request's transaction ends (schakel.core.databaserouter).
    DATABASES["cache"] = {**DATABASES["default"], "ATOMIC_REQUESTS": False}
    DATABASE_ROUTERS = ["schakel.core.databaserouter.CacheInAutocommit"]
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SCHAKEL_DB_NAME", str(DATA_DIR / "schakel.sqlite3")),
            "ATOMIC_REQUESTS": True,
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20,
                        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"},
        }
    }
    # The cache (rate-limit counters) in a file of its own, in autocommit: a counter must count
    # even when the request's transaction is rolled back (a wrong receipt code answers 404), and
    # the request holds the main file's write lock until it ends (schakel.core.databaserouter).
    _hoofdbestand = Path(DATABASES["default"]["NAME"])
    DATABASES["cache"] = {
        **DATABASES["default"], "ATOMIC_REQUESTS": False,
        "NAME": os.environ.get("SCHAKEL_CACHE_DB_NAME",
                               str(_hoofdbestand.with_name(_hoofdbestand.stem + "-cache.sqlite3"))),
    }
    DATABASE_ROUTERS = ["schakel.core.databaserouter.CacheInEigenBestand"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared cache (rate limits). The database cache keeps the app stateless across processes.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "schakel_cache",
    }
}

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# API tokens (schakel.accounts.apitokens): days a new token works, unless given otherwise.
SCHAKEL_API_TOKEN_DAGEN = int(os.environ.get("SCHAKEL_API_TOKEN_DAGEN", "90"))
# Sessions end after this many minutes without a request, and at the latest this many hours
# after logging in, active or not (schakel.accounts.sessies).
SCHAKEL_SESSIE_INACTIEF_MINUTEN = int(os.environ.get("SCHAKEL_SESSIE_INACTIEF_MINUTEN", "30"))
SCHAKEL_SESSIE_MAX_UREN = int(os.environ.get("SCHAKEL_SESSIE_MAX_UREN", "12"))
SESSION_COOKIE_AGE = SCHAKEL_SESSIE_MAX_UREN * 3600

LOGIN_URL = "web:inloggen"
LOGIN_REDIRECT_URL = "web:start"

# Sign-in through an organisation's identity provider (OpenID Connect, mozilla-django-oidc):
# the providers are configured in the admin (accounts.Identiteitsaanbieder), their client
# secrets in environment variables; see docs/reliability-and-security.md.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "schakel.accounts.oidc_backend.OrganisatieOIDCBackend",
]
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc-terug"
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = True
OIDC_TIMEOUT = 10
LOGIN_REDIRECT_URL_FAILURE = "web:inloggen"
LOGOUT_REDIRECT_URL = "web:start"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Bad input never becomes a 500: Django refuses oversized bodies with a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 500

# Security headers and cookies.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Production (neither SCHAKEL_DEBUG nor SCHAKEL_DEMO) is HTTPS-only unless explicitly turned off:
# secure cookies, a redirect to HTTPS and a year of HSTS (`schakel check --deploy` is clean).
PRODUCTIE = not DEBUG and not env_bool("SCHAKEL_DEMO")
SESSION_COOKIE_SECURE = env_bool("SCHAKEL_SECURE_COOKIES", PRODUCTIE)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SCHAKEL_SSL_REDIRECT", PRODUCTIE)
SECURE_HSTS_SECONDS = int(os.environ.get("SCHAKEL_HSTS_SECONDS", "31536000" if PRODUCTIE else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SCHAKEL_HSTS_INCLUDE_SUBDOMAINS", PRODUCTIE)
SECURE_HSTS_PRELOAD = env_bool("SCHAKEL_HSTS_PRELOAD", PRODUCTIE)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("SCHAKEL_BEHIND_PROXY") else None

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

RATELIMIT_VIEW = "schakel.web.views.rate_limited"
# Proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated). Empty (the
# default): the client address is REMOTE_ADDR, whatever headers arrive. schakel.core.klantadres
# decides the address for every rate limit, of the API (DRF throttles) and the web (django-ratelimit).
SCHAKEL_TRUSTED_PROXIES = env_list("SCHAKEL_TRUSTED_PROXIES")
RATELIMIT_IP_META_KEY = "schakel.core.klantadres.adres"
# Log-in attempts per account and client address (one attacker locks out only themselves), and
# per address alone, wide enough for colleagues behind one gateway (against trying many accounts).
SCHAKEL_RATELIMIT_LOGIN = os.environ.get("SCHAKEL_RATELIMIT_LOGIN", "10/m")
SCHAKEL_RATELIMIT_LOGIN_ADRES = os.environ.get("SCHAKEL_RATELIMIT_LOGIN_ADRES", "100/m")
# Receipt-code attempts and anonymous brakes per client address (schakel.noodrem).
SCHAKEL_RATELIMIT_ONTVANGSTCODE = os.environ.get("SCHAKEL_RATELIMIT_ONTVANGSTCODE", "5/m")
SCHAKEL_RATELIMIT_ANONIEM = os.environ.get("SCHAKEL_RATELIMIT_ANONIEM", "10/h")
# Open data (CSV and Atom) per client address, over all files together.
SCHAKEL_RATELIMIT_OPEN_DATA = os.environ.get("SCHAKEL_RATELIMIT_OPEN_DATA", "120/m")
# TOTP code attempts per account and per client address (second login step, enrolment, turning off).
SCHAKEL_RATELIMIT_TOTP = os.environ.get("SCHAKEL_RATELIMIT_TOTP", "5/5m")

# Two-step login (schakel.accounts.tweestap). Optional for everyone; set this to require it for
# every staff member's admin access (without it: only for staff who turned it on).
SCHAKEL_TOTP_VERPLICHT_VOOR_BEHEER = env_bool("SCHAKEL_TOTP_VERPLICHT_VOOR_BEHEER")
OTP_TOTP_ISSUER = os.environ.get("SCHAKEL_TOTP_UITGEVER", "Schakel")
OTP_TOTP_THROTTLE_FACTOR = 1  # after n wrong codes in a row, wait 2^(n-1) seconds before the next is checked

EMAIL_BACKEND = os.environ.get("SCHAKEL_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("SCHAKEL_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("SCHAKEL_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("SCHAKEL_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SCHAKEL_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("SCHAKEL_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("SCHAKEL_FROM_EMAIL", "schakel@localhost")

def _api_limiet(naam: str, standaard: str) -> str | None:
    waarde = os.environ.get(naam, standaard).strip()
    return None if waarde.lower() in ("", "geen") else waarde


REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "schakel.accounts.apitokens.TokenAuthenticatie",  # hashed keys with an expiry (docs/api.md)
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PARSER_CLASSES": ["schakel.api.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "schakel.api.pagination.Paginering",
    "DEFAULT_SCHEMA_CLASS": "schakel.api.autoschema.AutoSchema",
    "EXCEPTION_HANDLER": "schakel.api.problems.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "schakel.api.throttles.AnoniemLimiet",
        "schakel.api.throttles.GebruikerLimiet",
    ],
    # Per client address (anonymous) and per user; "geen" switches a limit off (load tests from
    # one address: docs/performance.md).
    "DEFAULT_THROTTLE_RATES": {"anon": _api_limiet("SCHAKEL_API_RATE_ANONIEM", "120/min"),
                               "user": _api_limiet("SCHAKEL_API_RATE_GEBRUIKER", "1200/min")},
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

API_VERSION = "1.0.0"
SPECTACULAR_SETTINGS = {
    "TITLE": "Schakel API",
    "DESCRIPTION": "Signalen uit de uitvoering, reacties (comply or explain) en toezeggingen.",
    "VERSION": API_VERSION,
    "CONTACT": {"name": "Schakel", "email": "schakel@example.org", "url": "https://schakel.example.org"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SERVERS": [{"url": "/api/v1", "description": "Schakel API v1"}],
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "SignaalStatusEnum": "schakel.signalen.workflow.Status",
        "SignaalSoortEnum": "schakel.signalen.models.SignaalSoort",
        "ToezeggingStatusEnum": "schakel.signalen.models.ToezeggingStatus",
        "BesluitEnum": "schakel.signalen.models.Besluit",
        "NiveauEnum": "schakel.signalen.models.Niveau",
        "OrganisatieSoortEnum": "schakel.organisaties.models.OrganisatieSoort",
        "KamerEnum": "schakel.organisaties.models.Kamer",
        "VoorstelSoortEnum": "schakel.toetsen.models.VoorstelSoort",
        "VoorstelStatusEnum": "schakel.toetsen.models.VoorstelStatus",
        "OordeelEnum": "schakel.toetsen.models.Oordeel",
        "UitvoeringstoetsStatusEnum": "schakel.toetsen.models.ToetsStatus",
        "InvoeringstoetsStatusEnum": "schakel.toetsen.models.InvoeringstoetsStatus",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "schakel.api.schema.postprocess",
    ],
}

# Answer terms in working days (see schakel.termijnen). Overridable per organisation.
SCHAKEL_TERMIJNEN = {
    "signaal": int(os.environ.get("SCHAKEL_TERMIJN_SIGNAAL", "30")),  # 6 weeks (Awb 9:11)
    "verlenging_max": int(os.environ.get("SCHAKEL_TERMIJN_VERLENGING_MAX", "20")),  # 4 weeks
    "noodrem": int(os.environ.get("SCHAKEL_TERMIJN_NOODREM", "5")),
    "verlenging_max_noodrem": int(os.environ.get("SCHAKEL_TERMIJN_VERLENGING_MAX_NOODREM", "0")),
    # Fresh, shorter terms for each rung of the escalation ladder.
    "bestuur": int(os.environ.get("SCHAKEL_TERMIJN_BESTUUR", "10")),
    "ministerie": int(os.environ.get("SCHAKEL_TERMIJN_MINISTERIE", "10")),
    "bewindspersoon": int(os.environ.get("SCHAKEL_TERMIJN_BEWINDSPERSOON", "5")),
    "kamercommissie": int(os.environ.get("SCHAKEL_TERMIJN_KAMERCOMMISSIE", "5")),
}
# The rung a noodrem starts at: straight to the owner's board (or "behandelaar").
SCHAKEL_NOODREM_EERSTE_TREDE = os.environ.get("SCHAKEL_NOODREM_EERSTE_TREDE", "bestuur")
# The brake's limits (schakel.noodrem.regels): red cards per period, citizen call-back term, and
# the threshold at which retourstickers about one letter become a signal (N in D days).
SCHAKEL_NOODREM = {
    "rode_kaart_per_periode": int(os.environ.get("SCHAKEL_RODE_KAART_PER_PERIODE", "2")),
    "rode_kaart_periode_maanden": int(os.environ.get("SCHAKEL_RODE_KAART_PERIODE_MAANDEN", "12")),
    "retoursticker_werkdagen": int(os.environ.get("SCHAKEL_RETOURSTICKER_WERKDAGEN", "3")),
    "retoursticker_drempel": int(os.environ.get("SCHAKEL_RETOURSTICKER_DREMPEL", "10")),
    "retoursticker_drempel_dagen": int(os.environ.get("SCHAKEL_RETOURSTICKER_DREMPEL_DAGEN", "90")),
}
# Notifications: links in e-mails, and the hour (local time) run-scheduler sends the daily digest.
SCHAKEL_BASE_URL = os.environ.get("SCHAKEL_BASE_URL", "http://localhost:8000").rstrip("/")
SCHAKEL_DIGEST_UUR = int(os.environ.get("SCHAKEL_DIGEST_UUR", "7"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SCHAKEL_LOG_LEVEL", "INFO")},
}

# Uitvoeringstoets and invoeringstoets (docs/uitvoeringstoets.md): terms in working days, and when a
# post-implementation review falls due after entry into force ({"maanden": n} or {"werkdagen": n}).
SCHAKEL_TOETSTERMIJNEN = {
    "uitvoeringstoets": int(os.environ.get("SCHAKEL_TOETSTERMIJN_UITVOERINGSTOETS", "30")),
    "antwoord": int(os.environ.get("SCHAKEL_TOETSTERMIJN_ANTWOORD", "20")),
    "kamercommissie": int(os.environ.get("SCHAKEL_TOETSTERMIJN_KAMERCOMMISSIE", "10")),
    "rapportage": int(os.environ.get("SCHAKEL_TOETSTERMIJN_RAPPORTAGE", "30")),
}
SCHAKEL_INVOERINGSTOETS_NA = {"maanden": int(os.environ.get("SCHAKEL_INVOERINGSTOETS_NA_MAANDEN", "12"))}

# Maatwerkplaats (docs/maatwerkplaats.md): from this many similar cases (same organisation, regulation
# and reason) on, the team is warned that individual fixes are becoming unequal treatment.
SCHAKEL_MAATWERK_HERHALINGSDREMPEL = int(os.environ.get("SCHAKEL_MAATWERK_HERHALINGSDREMPEL", "2"))

# Text router (docs/knelpunten.md): from this probability on the router's best owner is preselected
# when filing, and an API client's ``volgAdvies`` routes the signal; below it the signal goes to triage.
ROUTER_MIN_ZEKERHEID = env_fraction("SCHAKEL_ROUTER_MIN_ZEKERHEID", 0.8)
