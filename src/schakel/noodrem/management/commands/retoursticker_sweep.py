"""``schakel retoursticker-sweep``: the old name of ``schakel veeg-retourstickers``, kept as an alias
(see ``schakel.core.commando.ALIASSEN``)."""

from schakel.noodrem.management.commands.veeg_retourstickers import Command  # noqa: F401
