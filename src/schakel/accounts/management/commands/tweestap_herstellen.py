"""``schakel tweestap-herstellen``: the old name of ``schakel herstel-tweestap``, kept as an alias
(see ``schakel.core.commando.ALIASSEN``)."""

from schakel.accounts.management.commands.herstel_tweestap import Command  # noqa: F401
