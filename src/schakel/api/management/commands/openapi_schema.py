"""``schakel openapi-schema``: the old name of ``schakel schrijf-openapi``, kept as an alias
(see ``schakel.core.commando.ALIASSEN``)."""

from schakel.api.management.commands.schrijf_openapi import Command  # noqa: F401
