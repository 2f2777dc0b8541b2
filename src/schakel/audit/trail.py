"""Record events in the audit trail. Call inside the transaction that makes the change."""

from __future__ import annotations

from typing import Any

from schakel.core import clock

from .models import Gebeurtenis


def describe_actor(actor) -> str:
    """Public description of an actor: role and organisation, never a person's name."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return "systeem"
    rol = actor.get_rol_display() if hasattr(actor, "get_rol_display") else "gebruiker"
    organisatie = getattr(actor, "organisatie", None)
    return f"{rol}, {organisatie.naam}" if organisatie else rol


def record(actie: str, obj, *, actor=None, signaal=None, voor: dict[str, Any] | None = None,
           na: dict[str, Any] | None = None, toelichting: str = "",
           actor_omschrijving: str | None = None) -> Gebeurtenis:
    """Append one event about ``obj``. ``actor_omschrijving`` overrides the description of an
    actor without an account (e.g. "anonieme melder"); it must not identify anyone."""
    return Gebeurtenis.objects.create(
        tijdstip=clock.now(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_omschrijving=actor_omschrijving or describe_actor(actor),
        actie=actie,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        signaal=signaal,
        voor=voor,
        na=na,
        toelichting=toelichting,
    )
