"""``schakel send-notifications``: the old name of ``schakel verstuur-meldingen``, kept as an alias
(see ``schakel.core.commando.ALIASSEN``)."""

from schakel.notificaties.management.commands.verstuur_meldingen import Command  # noqa: F401
