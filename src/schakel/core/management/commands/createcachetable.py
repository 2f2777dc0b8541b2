"""``createcachetable`` that also fills the ``cache`` connection (schakel.core.databaserouter).

On SQLite the cache table lives in a file of its own; Django's command only looks at the one
database it is given (``default``). Without ``--database`` this one offers every connection
and the router decides where the table belongs, so ``schakel createcachetable`` is all a
deployment needs on either database.
"""

from django.core.management.commands import createcachetable
from django.db import DEFAULT_DB_ALIAS, connections


class Command(createcachetable.Command):
    def handle(self, *tablenames, **options):
        if options["database"] != DEFAULT_DB_ALIAS:
            return super().handle(*tablenames, **options)
        for alias in connections:
            super().handle(*tablenames, **{**options, "database": alias})
