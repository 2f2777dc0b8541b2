"""``schakel purge-idempotency-keys``: the old name of ``schakel wis-idempotentiesleutels``, kept as an alias
(see ``schakel.core.commando.ALIASSEN``)."""

from schakel.api.management.commands.wis_idempotentiesleutels import Command  # noqa: F401
