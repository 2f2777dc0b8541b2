"""The organisation's brake: a red card (an assignment handed back, limited per period) or a
budget-floor signal, from an implementing organisation's board to its principal ministry."""

from __future__ import annotations

from typing import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery

from schakel.accounts.models import Rol
from schakel.audit import trail
from schakel.core import clock
from schakel.notificaties import services as notificaties
from schakel.notificaties.models import Soort
from schakel.organisaties.models import Organisatie
from schakel.signalen import services as signaalservices
from schakel.signalen.models import Besluit, Reactie, Signaal

from . import regels
from .models import Niveau, Noodrem, OrganisatieVariant
from .rechten import mag_rode_kaart_trekken
from .rem import bewaar_rem, fout


def getrokken_rode_kaarten(organisatie, periode: regels.Periode):
    return Noodrem.objects.filter(
        niveau=Niveau.ORGANISATIE, variant=OrganisatieVariant.RODE_KAART,
        signaal__indienende_organisatie=organisatie,
        signaal__ingediend_op__gte=periode.vanaf, signaal__ingediend_op__lt=periode.tot,
    )


def budget(organisatie, peildatum=None) -> regels.Budget:
    """The organisation's red cards in the current period. A card is given back when the
    ministry upheld it: its current answer is 'overnemen'."""
    periode = regels.periode_van(peildatum or clock.today())
    laatste_besluit = Subquery(Reactie.objects.filter(signaal=OuterRef("signaal")).order_by("-versie")
                               .values("besluit")[:1])
    telling = (getrokken_rode_kaarten(organisatie, periode).annotate(besluit=laatste_besluit)
               .aggregate(getrokken=Count("pk"), teruggegeven=Count("pk", filter=Q(besluit=Besluit.OVERNEMEN))))
    return regels.Budget(regels.instelling("rode_kaart_per_periode"), telling["getrokken"], telling["teruggegeven"])


@transaction.atomic
def trek_organisatie(*, actor, variant: str, regeling, titel: str, praktijk: str, getroffen_burgers: str,
                     beginselen: Iterable, moet_stoppen: str, artikelen: str = "", verbetervoorstel: str = "",
                     bewijs: str = "", bewijs_toelichting: str = "", openbaar: bool = True) -> Signaal:
    """An implementing organisation hands an assignment back to the ministry that gave it.

    The red card cites the principles at stake and the evidence (linked signals and/or a
    description of cases); it is limited per period (:func:`budget`). A budget-floor
    signal (the minimum service level is, or will be, breached) is the same brake without
    the budget limit. The ministry's board must reconsider, adjust or re-justify (comply or
    explain, within the brake's term); the committee that controls the ministry is told,
    so the matter is on its agenda.
    """
    if not mag_rode_kaart_trekken(actor):
        raise PermissionDenied("Alleen het bestuur van een uitvoeringsorganisatie met een opdrachtgevend ministerie "
                               "kan een opdracht teruggeven.")
    # Lock the organisation: two board members pulling at once cannot overspend the budget.
    organisatie = Organisatie.objects.select_for_update(of=("self",)).get(pk=actor.organisatie_id)
    fouten: dict = {}
    if variant not in OrganisatieVariant.values:
        fout(fouten, "variant", "Kies ‘rode kaart’ of ‘budgetvloer’.")
    if variant == OrganisatieVariant.RODE_KAART:
        stand = budget(organisatie)
        if stand.resterend <= 0:
            periode = regels.periode_van(clock.today())
            fout(fouten, "variant",
                  f"{organisatie.naam} heeft alle {stand.toegestaan} rode kaarten van deze periode "
                  f"(tot {periode.einde:%d-%m-%Y}) gebruikt. Een kaart komt terug zodra het ministerie een "
                  f"eerdere rode kaart overneemt.")
    if not (bewijs or "").strip() and not (bewijs_toelichting or "").strip():
        fout(fouten, "bewijs", "Onderbouw de noodrem: noem signalen (kenmerken) of beschrijf de casussen.")
    if melding := regels.buiten_regeling(organisatie, regeling):
        fout(fouten, "regeling", f"{melding} Een rode kaart of budgetvloer gaat over een regeling die uw "
                                 f"organisatie uitvoert.")
    ministerie = regels.ontvanger_organisatie(organisatie, regeling)
    signaal, rem, bewijssignalen = bewaar_rem(
        niveau=Niveau.ORGANISATIE, variant=variant, indiener=actor, indienende_organisatie=organisatie,
        praktijk_van=organisatie, regeling=regeling, titel=titel, praktijk=praktijk,
        getroffen_burgers=getroffen_burgers, beginselen=beginselen, moet_stoppen=moet_stoppen, artikelen=artikelen,
        verbetervoorstel=verbetervoorstel, bewijs=bewijs, bewijs_toelichting=bewijs_toelichting, openbaar=openbaar,
        anoniem=False, zichtbaar_voor=actor, fouten=fouten)
    trail.record("noodrem_getrokken", signaal, actor=actor, signaal=signaal,
                 na={"titel": signaal.titel, "regeling": regeling.bwb_id, "soort": signaal.soort,
                     "niveau": rem.niveau, "variant": variant, "ministerie": ministerie.afkorting,
                     "beginselen": sorted(b.code for b in beginselen),
                     "bewijs": [s.kenmerk for s in bewijssignalen]})
    wat = "de opdracht teruggegeven" if variant == OrganisatieVariant.RODE_KAART else "de budgetvloer gemeld"
    signaalservices.routeer(signaal, actor=actor, eigenaar=ministerie,
                            reden=f"{organisatie.naam} heeft {wat} aan {ministerie.naam}: heroverwegen, "
                                  f"aanpassen of opnieuw rechtvaardigen.")
    _agendeer(signaal, ministerie)
    return signaal


def _agendeer(signaal: Signaal, ministerie) -> None:
    """The minister is the principal: the committee that controls the ministry is told at once."""
    commissie_id = ministerie.kamercommissie_id or signaal.regeling.kamercommissie_id
    if not commissie_id:
        return
    commissie = Organisatie.objects.get(pk=commissie_id)
    notificaties.meld(
        notificaties.Adresboek().gebruikers(commissie_id, Rol.GRIFFIE), soort=Soort.GEESCALEERD,
        signaal_id=signaal.pk, link=notificaties.signaal_link(signaal.uuid),
        onderwerp=f"Opdracht teruggegeven aan {ministerie.naam}: {signaal.kenmerk}",
        tekst=(f"{signaal.indienende_organisatie.naam} heeft de noodrem getrokken: {signaal.titel}.\n"
               f"{ministerie.naam} moet heroverwegen, aanpassen of opnieuw rechtvaardigen, uiterlijk "
               f"{signaal.uiterste_reactiedatum:%d-%m-%Y}. De zaak staat voor uw commissie op de agenda."),
    )
    trail.record("noodrem_geagendeerd", signaal, signaal=signaal, na={"kamercommissie": commissie.afkorting},
                 toelichting=f"Op de agenda van de {commissie.naam}.")

