"""Agendering: a knelpunt that crosses a threshold lands on the responsible committee's agenda.

Evaluated on every change (the services of this app and the answer hook in
``schakel.signalen.services``) and by ``schakel agendeer-knelpunten``. Idempotent: a knelpunt
is placed at most once (one ``Agendering`` per knelpunt, under a row lock) and, once placed,
stays on the agenda whatever happens to its figures later.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from schakel.accounts.models import Rol
from schakel.audit import trail
from schakel.core import clock
from schakel.notificaties import services as notificaties
from schakel.notificaties.models import Soort

from . import cijfers as cijfermodule
from .models import Abonnement, Agendering, Bundeling, Drempels, DrempelSoort, Knelpunt, KnelpuntStatus

logger = logging.getLogger(__name__)


def overschreden_drempel(cijfers: cijfermodule.Cijfers, drempels: Drempels) -> tuple[str, str] | None:
    """The first threshold the figures cross, as (kind, reason in Dutch), or None.

    Order: an explained-away brake weighs most, then organisations, signals, citizens."""
    if drempels.noodrem_uitgelegd and cijfers.noodrem_uitgelegd:
        return DrempelSoort.NOODREM, "Een noodrem in dit knelpunt is beantwoord met 'niet overnemen'."
    if cijfers.aantal_organisaties >= drempels.organisaties:
        return (DrempelSoort.ORGANISATIES,
                f"{cijfers.aantal_organisaties} organisaties meldden dit knelpunt (drempel {drempels.organisaties}).")
    if cijfers.signalen >= drempels.signalen:
        return DrempelSoort.SIGNALEN, f"{cijfers.signalen} signalen (drempel {drempels.signalen})."
    if cijfers.burgers >= drempels.burgers:
        return (DrempelSoort.BURGERS,
                f"{cijfers.burgers:,} getroffen burgers (drempel {drempels.burgers:,}).".replace(",", "."))
    return None


@transaction.atomic
def evalueer(knelpunt: Knelpunt, *, drempels: Drempels | None = None) -> Agendering | None:
    """Place ``knelpunt`` on its committee's agenda if it crosses a threshold; return its
    agendering (new or existing) or None."""
    knelpunt = Knelpunt.objects.select_for_update(of=("self",)).select_related("kamercommissie", "regeling").get(pk=knelpunt.pk)
    bestaand = Agendering.objects.filter(knelpunt=knelpunt).first()
    if bestaand or knelpunt.status != KnelpuntStatus.OPEN or knelpunt.kamercommissie_id is None:
        return bestaand
    cijfers = cijfermodule.bereken(knelpunt.signalen.all())
    drempel = overschreden_drempel(cijfers, drempels or Drempels.actueel())
    if drempel is None:
        return None
    soort, reden = drempel
    agendering = Agendering.objects.create(knelpunt=knelpunt, kamercommissie=knelpunt.kamercommissie,
                                           drempel=soort, reden=reden, geagendeerd_op=clock.now(),
                                           cijfers=cijfers.als_dict())
    trail.record("knelpunt_geagendeerd", knelpunt, na={"kamercommissie": knelpunt.kamercommissie.afkorting,
                                                       "drempel": soort, **cijfers.als_dict()},
                 toelichting=f"Op de agenda van de {knelpunt.kamercommissie.naam}: {reden}")
    _meld(agendering)
    return agendering


def betrokken_organisaties(agendering: Agendering) -> set[int]:
    """The organisations an agenda item concerns: the committee, the knelpunt's owner, and the
    organisations that filed a published signal in it (also the feed of an organisation)."""
    knelpunt = agendering.knelpunt
    indieners = Bundeling.objects.filter(knelpunt=knelpunt, signaal__openbaar=True).values_list(
        "signaal__indienende_organisatie_id", flat=True)
    return {agendering.kamercommissie_id, knelpunt.eigenaar_id, *indieners} - {None}


def abonnees(agendering: Agendering) -> list[int]:
    """Users following the regulation, the committee or an organisation concerned."""
    volgend = Q(organisatie__in=betrokken_organisaties(agendering))
    if agendering.knelpunt.regeling_id:
        volgend |= Q(regeling=agendering.knelpunt.regeling_id)
    return list(Abonnement.objects.filter(volgend).order_by("gebruiker_id").values_list("gebruiker_id", flat=True)
                .distinct())


def _meld(agendering: Agendering) -> None:
    knelpunt = agendering.knelpunt
    ontvangers = notificaties.Adresboek().gebruikers(agendering.kamercommissie_id, Rol.GRIFFIE)
    ontvangers += abonnees(agendering)
    ontvangers = list(dict.fromkeys(ontvangers))  # once each, in a stable order
    notificaties.meld(
        ontvangers, soort=Soort.GEESCALEERD, link=f"/knelpunten/{knelpunt.uuid}",
        onderwerp=f"Op de agenda van de commissie: {knelpunt.titel}",
        tekst=(f"Het knelpunt {knelpunt.kenmerk}{f' over {knelpunt.regeling}' if knelpunt.regeling_id else ''} "
               f"staat op de agenda van de "
               f"{agendering.kamercommissie.naam}.\nWaarom: {agendering.reden}\n\n"
               f"Wat dit betekent voor beleid: {knelpunt.beleidsbetekenis}"),
    )


def na_wijziging(signaal) -> None:
    """Hook for ``schakel.signalen.services`` after a signal changed (e.g. was answered):
    evaluate its knelpunt. Runs in a savepoint and never raises, so a failure here can never
    lose or block the signal's own change; the sweep evaluates again."""
    try:
        with transaction.atomic():
            knelpunt = Knelpunt.objects.filter(bundelingen__signaal=signaal).first()
            if knelpunt is not None:
                evalueer(knelpunt)
    except Exception:  # noqa: BLE001 — deliberately broad, see docstring
        logger.exception("Agendering van het knelpunt van signaal %s mislukt; de sweep probeert opnieuw.",
                         signaal.pk)


def sweep() -> int:
    """Evaluate every open knelpunt not yet on an agenda; returns how many were placed now."""
    drempels = Drempels.actueel()
    kandidaten = (Knelpunt.objects.filter(status=KnelpuntStatus.OPEN, agendering__isnull=True,
                                          kamercommissie__isnull=False).order_by("id"))
    return sum(1 for knelpunt in kandidaten.iterator() if evalueer(knelpunt, drempels=drempels) is not None)


@dataclass
class AgenderingSweepResult:
    placed: int = 0

    def summary(self) -> str:
        return f"{self.placed} knelpunt(en) op de agenda gezet"


def run_agendering_sweep() -> AgenderingSweepResult:
    """The scheduler's sweep (``schakel.core.scheduler``): :func:`sweep` with a summary."""
    return AgenderingSweepResult(placed=sweep())
