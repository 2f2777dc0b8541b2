"""Recurrence: similar cases (same organisation, regulation and reason) counted, so the team
learns when individual fixes are turning into unequal treatment of equal cases."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from .models import Casus


def drempel() -> int:
    return max(2, int(getattr(settings, "SCHAKEL_MAATWERK_HERHALINGSDREMPEL", 2)))


def vergelijkbare(casus: Casus) -> QuerySet:
    """The case itself and every case of its team about the same regulation and reason."""
    return (Casus.objects.filter(organisatie_id=casus.organisatie_id, regeling_id=casus.regeling_id,
                                 reden=casus.reden)
            .select_related("regeling", "fix").order_by("ingebracht_op", "id"))


@dataclass
class Herhaling:
    regeling: object
    reden: str
    aantal: int
    fixes: int
    zonder_solve: int
    drempel: int
    casussen: list = field(default_factory=list)

    @property
    def bereikt(self) -> bool:
        return self.aantal >= self.drempel

    @property
    def ongelijke_behandeling(self) -> bool:
        """Fixes for some, while equal cases exist that no solve covers yet."""
        return self.bereikt and self.fixes > 0 and self.zonder_solve > 0

    @property
    def melding(self) -> str:
        regeling = self.regeling.citeertitel or self.regeling.titel
        tekst = (f"{self.aantal} vergelijkbare casussen over {regeling} (zelfde reden); "
                 f"{self.fixes} {'burger kreeg' if self.fixes == 1 else 'burgers kregen'} een fix.")
        if self.ongelijke_behandeling:
            tekst += (" Individuele fixes worden ongelijke behandeling: wie niet bij ons aanklopt, krijgt dit "
                      "maatwerk niet. Dien een solve in, zodat de regel voor iedereen verandert.")
        elif self.bereikt and self.zonder_solve:
            tekst += " De casus komt vaker voor: overweeg een solve."
        return tekst


def voor_casus(casus: Casus) -> Herhaling:
    casussen = list(vergelijkbare(casus).annotate(aantal_solves=Count("solves")))
    return Herhaling(regeling=casus.regeling, reden=casus.reden, aantal=len(casussen),
                     fixes=sum(1 for c in casussen if hasattr(c, "fix")),
                     zonder_solve=sum(1 for c in casussen if not c.aantal_solves), drempel=drempel(),
                     casussen=casussen)


def voor_organisatie(organisatie_id: int) -> list[Herhaling]:
    """Groups of similar cases of one team that reached the threshold, most cases first."""
    from schakel.regelingen.models import Regeling

    groepen = (Casus.objects.filter(organisatie_id=organisatie_id).values("regeling_id", "reden")
               .annotate(aantal=Count("id", distinct=True),
                         fixes=Count("fix", distinct=True),
                         zonder_solve=Count("id", filter=Q(solves__isnull=True), distinct=True))
               .filter(aantal__gte=drempel()).order_by("-aantal", "regeling_id", "reden"))
    regelingen = Regeling.objects.in_bulk({g["regeling_id"] for g in groepen})
    return [Herhaling(regeling=regelingen[g["regeling_id"]], reden=g["reden"], aantal=g["aantal"],
                      fixes=g["fixes"], zonder_solve=g["zonder_solve"], drempel=drempel()) for g in groepen]
