"""``schakel report``: the old name of ``schakel rapporteer``, kept as an alias
(see ``schakel.core.commando.ALIASSEN``)."""

from schakel.rapportage.management.commands.rapporteer import Command  # noqa: F401
