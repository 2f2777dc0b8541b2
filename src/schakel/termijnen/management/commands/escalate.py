"""``schakel escalate``: the old name of ``schakel escaleer``, kept as an alias
(see ``schakel.core.commando.ALIASSEN``)."""

from schakel.termijnen.management.commands.escaleer import Command  # noqa: F401
