"""``schakel run-scheduler``: the old name of ``schakel draai-planner``, kept as an alias
(see ``schakel.core.commando.ALIASSEN``)."""

from schakel.core.management.commands.draai_planner import Command  # noqa: F401
