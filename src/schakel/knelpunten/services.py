"""Use cases on knelpunten: create from signals, add a suggested signal, split, edit,
subscribe. Each checks permissions, validates, records an audit event and re-evaluates the
agendering thresholds, in one transaction."""

from __future__ import annotations

from typing import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from schakel.audit import trail
from schakel.core import clock
from schakel.core.fouten import Fouten
from schakel.privacy import persoonsgegevens
from schakel.signalen.models import Signaal

from . import agendering, gelijkenis, rechten
from .models import Abonnement, Bundeling, Knelpunt, KnelpuntStatus

TEKSTVELDEN = ("titel", "beleidsbetekenis", "dilemma", "artikelen")
MIN_BELEIDSBETEKENIS = 80


def _valideer(knelpunt: Knelpunt) -> None:
    fouten = Fouten()
    try:
        knelpunt.full_clean(exclude=["eigenaar", "regeling", "kamercommissie"])
    except ValidationError as e:
        fouten.neem_over(e)
    if "beleidsbetekenis" not in fouten and len(knelpunt.beleidsbetekenis) < MIN_BELEIDSBETEKENIS:
        fouten.voeg_toe("beleidsbetekenis",
                        f"Schrijf één alinea (ten minste {MIN_BELEIDSBETEKENIS} tekens) in gewone taal: wat gaat er "
                        "mis voor burgers en wat vraagt dat van beleid?")
    fouten.neem_over(persoonsgegevens.controleer_velden(
        {veld: getattr(knelpunt, veld) for veld in TEKSTVELDEN if veld not in fouten}))
    fouten.gooi()


def _bundel(knelpunt: Knelpunt, signaal: Signaal, *, actor, score: float | None) -> None:
    Bundeling.objects.create(knelpunt=knelpunt, signaal=signaal, gelijkenis=score, toegevoegd_door=actor,
                             toegevoegd_op=clock.now())
    trail.record("gebundeld", knelpunt, actor=actor, signaal=signaal,
                 na={"knelpunt": knelpunt.kenmerk, "gelijkenis": None if score is None else round(score, 3)},
                 toelichting=f"Gebundeld in knelpunt {knelpunt.kenmerk}: {knelpunt.titel}")


def _vrij(signalen: Sequence[Signaal]) -> list[Signaal]:
    """Lock the signals' bundle rows; refuse signals already in a knelpunt."""
    ids = [s.pk for s in signalen]
    bezet = set(Bundeling.objects.select_for_update(of=("self",)).filter(signaal_id__in=ids).values_list("signaal_id", flat=True))
    if bezet:
        raise ValidationError({"signalen": "Een signaal hoort al bij een ander knelpunt: "
                                           + ", ".join(s.kenmerk for s in signalen if s.pk in bezet) + "."})
    return list(signalen)


def _regeling_van(signalen: Sequence[Signaal]):
    """The regulation of the first signal that names one (a signal routed by text may not)."""
    return next((s.regeling for s in signalen if s.regeling_id is not None), None)


@transaction.atomic
def maak(*, actor, signalen: Sequence[Signaal], titel: str, beleidsbetekenis: str, dilemma: str = "",
         artikelen: str = "") -> Knelpunt:
    """A new knelpunt from one or more signals; the first signal's regulation and owner lead."""
    if not signalen:
        raise ValidationError({"signalen": "Een knelpunt bundelt ten minste één signaal."})
    eerste = signalen[0]
    if not rechten.mag_knelpunt_maken(actor, eerste):
        raise PermissionDenied("Alleen de behandelaars van de eigenaar van het signaal kunnen een knelpunt maken.")
    regeling = _regeling_van(signalen)
    knelpunt = Knelpunt(
        titel=(titel or "").strip(), beleidsbetekenis=(beleidsbetekenis or "").strip(),
        dilemma=(dilemma or "").strip(), artikelen=(artikelen or eerste.artikelen or "").strip(),
        regeling=regeling, eigenaar=eerste.eigenaar,
        kamercommissie=(regeling.kamercommissie if regeling else None) or eerste.eigenaar.kamercommissie,
        aangemaakt_op=clock.now(), gewijzigd_op=clock.now(),
    )
    _valideer(knelpunt)
    for s in signalen[1:]:
        if not rechten.mag_bundelen(actor, knelpunt, s):
            raise PermissionDenied(f"U kunt {s.kenmerk} niet in dit knelpunt opnemen.")
    signalen = _vrij(signalen)
    knelpunt.save()
    trail.record("knelpunt_aangemaakt", knelpunt, actor=actor,
                 na={"titel": knelpunt.titel, "regeling": regeling.bwb_id if regeling else None,
                     "signalen": [s.kenmerk for s in signalen]})
    for s in signalen:
        _bundel(knelpunt, s, actor=actor, score=None)
    agendering.evalueer(knelpunt)
    return knelpunt


@transaction.atomic
def voeg_toe(knelpunt: Knelpunt, signaal: Signaal, *, actor) -> Bundeling:
    """Confirm a suggestion: add ``signaal`` to ``knelpunt``; the similarity is kept for the record."""
    knelpunt = Knelpunt.objects.select_for_update(of=("self",)).get(pk=knelpunt.pk)
    if not rechten.mag_bundelen(actor, knelpunt, signaal):
        raise PermissionDenied("Alleen de behandelaars van de eigenaar kunnen signalen aan dit knelpunt toevoegen.")
    _vrij([signaal])
    score = _gelijkenis(knelpunt, signaal)
    _bundel(knelpunt, signaal, actor=actor, score=score)
    knelpunt.gewijzigd_op = clock.now()
    knelpunt.save(update_fields=["gewijzigd_op"])
    agendering.evalueer(knelpunt)
    return knelpunt.bundelingen.get(signaal=signaal)


def _gelijkenis(knelpunt: Knelpunt, signaal: Signaal) -> float:
    uitkomst = gelijkenis.rangschik(kneltekst(knelpunt), [(signaal, gelijkenis.signaaltekst(signaal))], minimum=0.0)
    return uitkomst[0].gelijkenis if uitkomst else 0.0


MAX_KNELPUNTSIGNALEN = 50  # signals of a knelpunt compared on (the oldest)


def kneltekst(knelpunt: Knelpunt) -> str:
    """The text a knelpunt is compared on: its title and its signals' texts."""
    delen = [knelpunt.titel, knelpunt.titel]
    voorgeladen = getattr(knelpunt, "_prefetched_objects_cache", {}).get("signalen")
    signalen = (list(voorgeladen)[:MAX_KNELPUNTSIGNALEN] if voorgeladen is not None
                else knelpunt.signalen.order_by("id")[:MAX_KNELPUNTSIGNALEN])
    delen += [gelijkenis.signaaltekst(s) for s in signalen]
    return " ".join(delen)


@transaction.atomic
def splits(knelpunt: Knelpunt, signalen: Sequence[Signaal], *, actor, titel: str, beleidsbetekenis: str,
           dilemma: str = "") -> Knelpunt:
    """Move ``signalen`` out of ``knelpunt`` into a new knelpunt (a different problem after all).

    The original keeps at least one signal, and an agendering it already has stays."""
    knelpunt = Knelpunt.objects.select_for_update(of=("self",)).select_related("regeling", "eigenaar").get(pk=knelpunt.pk)
    if not rechten.mag_beheren(actor, knelpunt):
        raise PermissionDenied("Alleen de behandelaars van de eigenaar kunnen dit knelpunt splitsen.")
    leden = {b.signaal_id: b for b in knelpunt.bundelingen.select_for_update(of=("self",))}
    if not signalen:
        raise ValidationError({"signalen": "Kies de signalen die een apart knelpunt vormen."})
    vreemd = [s for s in signalen if s.pk not in leden]
    if vreemd:
        raise ValidationError({"signalen": "Niet in dit knelpunt: " + ", ".join(s.kenmerk for s in vreemd) + "."})
    if len({s.pk for s in signalen}) >= len(leden):
        raise ValidationError({"signalen": "Laat ten minste één signaal in het oorspronkelijke knelpunt."})
    eerste = signalen[0]
    regeling = _regeling_van(signalen)
    nieuw = Knelpunt(
        titel=(titel or "").strip(), beleidsbetekenis=(beleidsbetekenis or "").strip(),
        dilemma=(dilemma or "").strip(), artikelen=eerste.artikelen, regeling=regeling,
        eigenaar=knelpunt.eigenaar, kamercommissie=(regeling.kamercommissie if regeling else None)
        or knelpunt.kamercommissie,
        aangemaakt_op=clock.now(), gewijzigd_op=clock.now(),
    )
    _valideer(nieuw)
    nieuw.save()
    kenmerken = [s.kenmerk for s in signalen]
    Bundeling.objects.filter(pk__in=[leden[s.pk].pk for s in signalen]).update(knelpunt=nieuw)
    knelpunt.gewijzigd_op = clock.now()
    knelpunt.save(update_fields=["gewijzigd_op"])
    trail.record("knelpunt_gesplitst", knelpunt, actor=actor, na={"nieuw": nieuw.kenmerk, "signalen": kenmerken},
                 toelichting=f"{', '.join(kenmerken)} naar het nieuwe knelpunt {nieuw.kenmerk}.")
    trail.record("knelpunt_aangemaakt", nieuw, actor=actor,
                 na={"titel": nieuw.titel, "regeling": regeling.bwb_id if regeling else None,
                     "afgesplitst_van": knelpunt.kenmerk,
                     "signalen": kenmerken})
    for s in signalen:
        trail.record("gebundeld", nieuw, actor=actor, signaal=s, na={"knelpunt": nieuw.kenmerk},
                     toelichting=f"Afgesplitst van {knelpunt.kenmerk} naar {nieuw.kenmerk}: {nieuw.titel}")
    agendering.evalueer(nieuw)
    return nieuw


@transaction.atomic
def werk_bij(knelpunt: Knelpunt, *, actor, titel: str, beleidsbetekenis: str, dilemma: str = "",
             artikelen: str = "", status: str = KnelpuntStatus.OPEN) -> Knelpunt:
    """Edit the texts or mark the knelpunt solved. An agendering stays either way."""
    knelpunt = Knelpunt.objects.select_for_update(of=("self",)).get(pk=knelpunt.pk)
    if not rechten.mag_beheren(actor, knelpunt):
        raise PermissionDenied("Alleen de behandelaars van de eigenaar kunnen dit knelpunt wijzigen.")
    voor = {veld: getattr(knelpunt, veld) for veld in (*TEKSTVELDEN, "status")}
    knelpunt.titel, knelpunt.beleidsbetekenis = (titel or "").strip(), (beleidsbetekenis or "").strip()
    knelpunt.dilemma, knelpunt.artikelen, knelpunt.status = (dilemma or "").strip(), (artikelen or "").strip(), status
    _valideer(knelpunt)
    na = {veld: getattr(knelpunt, veld) for veld in (*TEKSTVELDEN, "status")}
    if na == voor:
        return knelpunt
    knelpunt.gewijzigd_op = clock.now()
    knelpunt.save()
    trail.record("knelpunt_gewijzigd", knelpunt, actor=actor,
                 voor={k: v for k, v in voor.items() if na[k] != v}, na={k: v for k, v in na.items() if voor[k] != v})
    agendering.evalueer(knelpunt)
    return knelpunt


def _onderwerp(regeling, organisatie) -> dict:
    if (regeling is None) == (organisatie is None):
        raise ValidationError({"onderwerp": "Volg een regeling, een Kamercommissie of een organisatie: precies één."})
    return {"regeling": regeling} if regeling is not None else {"organisatie": organisatie}


def _audit(abonnement: Abonnement) -> dict:
    if abonnement.regeling_id:
        return {"regeling": abonnement.regeling.bwb_id}
    return {"organisatie": abonnement.organisatie.afkorting}


@transaction.atomic
def abonneer(*, actor, regeling=None, organisatie=None) -> Abonnement:
    """Follow a regulation, a committee or an organisation (idempotent)."""
    if not rechten.mag_abonneren(actor):
        raise PermissionDenied("Log in om een regeling, commissie of organisatie te volgen.")
    onderwerp = _onderwerp(regeling, organisatie)
    abonnement, nieuw = Abonnement.objects.get_or_create(gebruiker=actor, **onderwerp,
                                                         defaults={"sinds": clock.now()})
    if nieuw:
        trail.record("abonnement_genomen", abonnement, actor=actor, na=_audit(abonnement))
    return abonnement


@transaction.atomic
def zeg_op(*, actor, regeling=None, organisatie=None, abonnement: Abonnement | None = None) -> None:
    """Stop following; by subject, or one's own ``abonnement``. Nothing to stop is no error."""
    if abonnement is None:
        abonnement = Abonnement.objects.filter(gebruiker=actor, **_onderwerp(regeling, organisatie)).first()
    elif abonnement.gebruiker_id != actor.pk:
        raise PermissionDenied("U kunt alleen uw eigen abonnementen opzeggen.")
    if abonnement is not None:
        trail.record("abonnement_opgezegd", abonnement, actor=actor, voor=_audit(abonnement))
        abonnement.delete()
