"""The figures of a knelpunt, derived from its signals (nothing is copied or cached)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Max

from schakel.signalen.models import Besluit, Reactie, SignaalSoort, Toezegging, ToezeggingStatus


@dataclass(frozen=True)
class Cijfers:
    signalen: int
    organisaties: list[str] = field(default_factory=list)  # names of the filing organisations
    burgers: int = 0
    beantwoord: int = 0
    overgenomen: int = 0
    niet_overgenomen: int = 0
    open_toezeggingen: int = 0
    noodrem_uitgelegd: int = 0  # brakes in the knelpunt whose current answer is 'niet overnemen'

    @property
    def aantal_organisaties(self) -> int:
        return len(self.organisaties)

    def als_dict(self) -> dict:
        return {"signalen": self.signalen, "organisaties": self.aantal_organisaties, "burgers": self.burgers,
                "beantwoord": self.beantwoord, "open_toezeggingen": self.open_toezeggingen,
                "noodrem_uitgelegd": self.noodrem_uitgelegd}


def getroffen_burgers(signalen) -> int:
    """Citizens affected, without double counting within an organisation.

    Signals of one organisation about one problem usually describe the same group, so per
    filing organisation the largest estimate counts; the organisations' figures are summed.
    Signals without an estimate count zero."""
    per_organisatie = (signalen.filter(aantal_getroffen__isnull=False).order_by()
                       .values("indienende_organisatie").annotate(hoogste=Max("aantal_getroffen")))
    return sum(rij["hoogste"] for rij in per_organisatie)


def bereken(signalen) -> Cijfers:
    """Figures over a queryset of signals (a knelpunt's, or the part a viewer may see)."""
    ids = list(signalen.values_list("pk", flat=True))
    organisaties = sorted(set(signalen.order_by().filter(indienende_organisatie__isnull=False)
                              .values_list("indienende_organisatie__naam", flat=True)))
    actueel = {}
    for signaal_id, besluit in (Reactie.objects.filter(signaal_id__in=ids).order_by("signaal_id", "versie")
                                .values_list("signaal_id", "besluit")):
        actueel[signaal_id] = besluit  # the last version wins
    noodremmen = set(signalen.filter(soort=SignaalSoort.NOODREM).values_list("pk", flat=True))
    return Cijfers(
        signalen=len(ids),
        organisaties=organisaties,
        burgers=getroffen_burgers(signalen),
        beantwoord=len(actueel),
        overgenomen=sum(1 for b in actueel.values() if b == Besluit.OVERNEMEN),
        niet_overgenomen=sum(1 for b in actueel.values() if b == Besluit.NIET_OVERNEMEN),
        open_toezeggingen=Toezegging.objects.filter(signaal_id__in=ids, status=ToezeggingStatus.OPEN).count(),
        noodrem_uitgelegd=sum(1 for s in noodremmen if actueel.get(s) == Besluit.NIET_OVERNEMEN),
    )
