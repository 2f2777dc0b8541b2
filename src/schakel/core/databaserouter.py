"""Send the database cache through its own connection, in autocommit.

The rate limits (DRF throttles, django-ratelimit) keep their counters in the database cache.
With ``ATOMIC_REQUESTS`` the counter row written at the start of a request stayed locked
until that request's transaction ended, so every request of one client (one address, one
API token) waited for the one before it, whatever the number of workers
(docs/performance.md). Through the ``cache`` connection, which is the same database without
``ATOMIC_REQUESTS``, each counter update commits at once, and a request that fails (its
transaction rolled back) still counts against its limit.

On SQLite the request's transaction holds the write lock of the whole file, so the cache
lives in a file of its own (``CacheInEigenBestand``): the ``cache`` connection is a second
database, and only the cache table is created there.
"""

from __future__ import annotations

CACHE_ALIAS = "cache"
CACHE_APP_LABEL = "django_cache"  # the app label of DatabaseCache's internal model


class CacheInAutocommit:
    def _voor(self, model):
        return CACHE_ALIAS if model._meta.app_label == CACHE_APP_LABEL else None

    def db_for_read(self, model, **hints):
        return self._voor(model)

    def db_for_write(self, model, **hints):
        return self._voor(model)

    def allow_migrate(self, db, app_label, **hints):
        # The cache connection is the same database: everything (the cache table included)
        # is created through ``default``.
        return False if db == CACHE_ALIAS else None


class CacheInEigenBestand(CacheInAutocommit):
    """SQLite: the ``cache`` connection is a separate file that holds the cache table and nothing else."""

    def allow_migrate(self, db, app_label, **hints):
        if app_label == CACHE_APP_LABEL:
            return db == CACHE_ALIAS
        return False if db == CACHE_ALIAS else None
