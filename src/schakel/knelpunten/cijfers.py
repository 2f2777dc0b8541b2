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


def bereken_per_knelpunt(knelpunt_ids, *, alleen_openbaar: bool = True) -> dict[int, Cijfers]:
    """``{knelpunt id: bereken(its signals)}`` for many knelpunten in four queries, not five per
    knelpunt (the open-data export lists every knelpunt). Only published signals by default."""
    from .models import Bundeling  # the models import this module's callers, not the reverse

    knelpunt_ids = list(knelpunt_ids)
    leden = Bundeling.objects.filter(knelpunt_id__in=knelpunt_ids)
    if alleen_openbaar:
        leden = leden.filter(signaal__openbaar=True)
    knelpunt_van: dict[int, int] = {}
    organisaties: dict[int, set[str]] = {k: set() for k in knelpunt_ids}
    hoogste: dict[tuple[int, int], int] = {}  # (knelpunt, filing organisation) -> largest estimate
    noodremmen: set[int] = set()
    for knelpunt_id, signaal_id, org_id, org_naam, aantal, soort in leden.values_list(
            "knelpunt_id", "signaal_id", "signaal__indienende_organisatie_id",
            "signaal__indienende_organisatie__naam", "signaal__aantal_getroffen", "signaal__soort"):
        knelpunt_van[signaal_id] = knelpunt_id
        if org_id is not None:
            organisaties[knelpunt_id].add(org_naam)
        if aantal is not None:
            sleutel = (knelpunt_id, org_id)
            hoogste[sleutel] = max(hoogste.get(sleutel, 0), aantal)
        if soort == SignaalSoort.NOODREM:
            noodremmen.add(signaal_id)
    actueel: dict[int, str] = {}
    for signaal_id, besluit in (Reactie.objects.filter(signaal__bundeling__in=leden).order_by("signaal_id", "versie")
                                .values_list("signaal_id", "besluit")):
        actueel[signaal_id] = besluit  # the last version wins
    open_toezeggingen: dict[int, int] = {}
    for signaal_id in (Toezegging.objects.filter(signaal__bundeling__in=leden, status=ToezeggingStatus.OPEN)
                       .values_list("signaal_id", flat=True)):
        open_toezeggingen[knelpunt_van[signaal_id]] = open_toezeggingen.get(knelpunt_van[signaal_id], 0) + 1

    per_knelpunt: dict[int, list[int]] = {k: [] for k in knelpunt_ids}
    for signaal_id, knelpunt_id in knelpunt_van.items():
        per_knelpunt[knelpunt_id].append(signaal_id)
    burgers: dict[int, int] = {}
    for (knelpunt_id, _), aantal in hoogste.items():
        burgers[knelpunt_id] = burgers.get(knelpunt_id, 0) + aantal
    uit = {}
    for knelpunt_id, ids in per_knelpunt.items():
        besluiten = [actueel[s] for s in ids if s in actueel]
        uit[knelpunt_id] = Cijfers(
            signalen=len(ids), organisaties=sorted(organisaties[knelpunt_id]), burgers=burgers.get(knelpunt_id, 0),
            beantwoord=len(besluiten), overgenomen=besluiten.count(Besluit.OVERNEMEN),
            niet_overgenomen=besluiten.count(Besluit.NIET_OVERNEMEN),
            open_toezeggingen=open_toezeggingen.get(knelpunt_id, 0),
            noodrem_uitgelegd=sum(1 for s in ids if s in noodremmen and actueel.get(s) == Besluit.NIET_OVERNEMEN))
    return uit
