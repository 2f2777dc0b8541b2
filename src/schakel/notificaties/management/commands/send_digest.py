"""``schakel send-digest``: the old name of ``schakel verstuur-dagoverzicht``, kept as an alias
(see ``schakel.core.commando.ALIASSEN``)."""

from schakel.notificaties.management.commands.verstuur_dagoverzicht import Command  # noqa: F401
