"""``schakel toets-sweep``: the old name of ``schakel veeg-toetsen``, kept as an alias
(see ``schakel.core.commando.ALIASSEN``)."""

from schakel.toetsen.management.commands.veeg_toetsen import Command  # noqa: F401
