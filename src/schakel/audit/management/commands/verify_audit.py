"""``schakel verify-audit``: the old name of ``schakel controleer-audit``, kept as an alias
(see ``schakel.core.commando.ALIASSEN``)."""

from schakel.audit.management.commands.controleer_audit import Command  # noqa: F401
