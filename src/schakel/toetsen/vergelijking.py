"""The invoeringstoets page's core: the verdicts given before, next to what happened after entry into force."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from schakel.signalen import rechten as signaalrechten
from schakel.signalen.models import Signaal, SignaalSoort
from schakel.termijnen import kalender

from .models import Invoeringsrapportage, Invoeringstoets, Oordeel, ToetsStatus, Uitvoeringstoets

# What the before/after pair says, in plain Dutch.
GEEN_TOETS = "Geen uitvoeringstoets vooraf"
GEWAARSCHUWD_EN_GEMELD = "Vooraf gewaarschuwd, na invoering knelpunten gemeld"
GEWAARSCHUWD_GEEN_SIGNALEN = "Vooraf gewaarschuwd, na invoering geen signalen"
NIET_VOORZIEN = "Vooraf uitvoerbaar geacht, na invoering knelpunten gemeld"
ZOALS_VERWACHT = "Vooraf uitvoerbaar geacht, na invoering geen signalen"


@dataclass
class Regel:
    organisatie: object
    toets: Uitvoeringstoets | None  # the latest assessment before entry into force
    rapportage: Invoeringsrapportage | None
    signalen: int  # filed by this implementer about the regulation since entry into force
    noodremmen: int

    @property
    def uitkomst(self) -> str:
        if self.toets is None:
            return GEEN_TOETS
        gewaarschuwd = self.toets.oordeel in (Oordeel.ONDER_VOORWAARDEN, Oordeel.NIET_UITVOERBAAR)
        if gewaarschuwd:
            return GEWAARSCHUWD_EN_GEMELD if self.signalen else GEWAARSCHUWD_GEEN_SIGNALEN
        return NIET_VOORZIEN if self.signalen else ZOALS_VERWACHT


def signalen_sinds(toets: Invoeringstoets, user):
    """Every signal ``user`` may see about the regulation, filed since its entry into force."""
    vanaf = kalender.einde_van_dag(toets.inwerkingtreding - dt.timedelta(days=1))  # local midnight
    qs = Signaal.objects.filter(regeling=toets.regeling_id, ingediend_op__gte=vanaf).select_related(
        "indienende_organisatie", "eigenaar").order_by("-ingediend_op")
    return signaalrechten.zichtbare_signalen(user, qs)


def toetsen_vooraf(toets: Invoeringstoets):
    """Submitted assessments of proposals that change this regulation, given before entry into force."""
    qs = Uitvoeringstoets.objects.filter(status__in=[ToetsStatus.INGEDIEND, ToetsStatus.BEANTWOORD,
                                                     ToetsStatus.VERVALLEN])
    qs = qs.exclude(oordeel="").filter(ingediend_op__lt=kalender.einde_van_dag(toets.inwerkingtreding))
    if toets.voorstel_id:
        qs = qs.filter(voorstel=toets.voorstel_id)
    else:
        qs = qs.filter(voorstel__regelingen=toets.regeling_id)
    return qs.select_related("voorstel", "organisatie", "antwoord").order_by("-ronde", "-ingediend_op")


def vergelijk(toets: Invoeringstoets, user) -> list[Regel]:
    """One row per implementer: verdict before, report and signals after."""
    from . import services

    signalen = list(signalen_sinds(toets, user).values_list("indienende_organisatie_id", "soort"))
    laatste: dict[int, Uitvoeringstoets] = {}
    for t in toetsen_vooraf(toets):
        laatste.setdefault(t.organisatie_id, t)
    rapportages = {r.organisatie_id: r for r in toets.rapportages.all()}
    organisaties = {o.pk: o for o in services.uitvoerders_van(toets)}
    for t in laatste.values():
        organisaties.setdefault(t.organisatie_id, t.organisatie)
    regels = []
    for org in sorted(organisaties.values(), key=lambda o: o.naam):
        eigen = [soort for org_id, soort in signalen if org_id == org.pk]
        regels.append(Regel(org, laatste.get(org.pk), rapportages.get(org.pk), len(eigen),
                            sum(1 for s in eigen if s == SignaalSoort.NOODREM)))
    return regels
