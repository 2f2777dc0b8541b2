"""``schakel triage-lijst``: the old name of ``schakel toon-triagelijst``, kept as an alias
(see ``schakel.core.commando.ALIASSEN``)."""

from schakel.signalen.management.commands.toon_triagelijst import Command  # noqa: F401
