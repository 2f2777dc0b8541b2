"""``schakel agendering-sweep``: the old name of ``schakel agendeer-knelpunten``, kept as an alias
(see ``schakel.core.commando.ALIASSEN``)."""

from schakel.knelpunten.management.commands.agendeer_knelpunten import Command  # noqa: F401
