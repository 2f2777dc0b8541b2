"""Use cases of the Maatwerkplaats.

Each function checks permissions, validates, changes state and records an audit event in
one transaction. Errors: ``ValidationError`` with field keys, ``PermissionDenied``. Audit
events hold codes and kenmerken only, never the case's text.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from schakel.audit import trail
from schakel.core import clock
from schakel.core.fouten import Fouten
from schakel.notificaties import services as notificaties
from schakel.notificaties.models import Soort
from schakel.signalen import services as signaalservices
from schakel.termijnen.ladder import Trede

from . import herhaling, pseudoniem, rechten
from .models import (
    Beraad, Casus, CasusStatus, Conclusie, Deelnemer, Discipline, Fix, Geadresseerde, Grondslag, Herhalingsmelding,
    Inbreng, Reden, Solve, SolveCasus,
)

MIN_CONCLUSIE = 30
MIN_ONDERBOUWING = 20
MIN_STANDPUNT = 10
MAX_GECITEERD = 20
MAX_PRAKTIJK = 10_000


# --- the case -------------------------------------------------------------------------------

@transaction.atomic
def breng_in(*, actor, titel: str, regeling, reden: str, wat_de_regel_vraagt: str, gevolg_voor_burger: str,
             bedoeling_van_de_wet: str, artikel: str = "", interne_gegevens: str = "") -> Casus:
    """A professional brings a case to the team. Personal data may stand in it: it stays internal."""
    if not rechten.mag_inbrengen(actor):
        raise PermissionDenied("Alleen medewerkers van een uitvoeringsorganisatie of gemeente brengen een casus in.")
    casus = Casus(organisatie_id=actor.organisatie_id, ingebracht_door=actor, ingebracht_op=clock.now(),
                  titel=(titel or "").strip(), regeling=regeling, artikel=(artikel or "").strip(), reden=reden,
                  wat_de_regel_vraagt=(wat_de_regel_vraagt or "").strip(),
                  gevolg_voor_burger=(gevolg_voor_burger or "").strip(),
                  bedoeling_van_de_wet=(bedoeling_van_de_wet or "").strip(),
                  interne_gegevens=(interne_gegevens or "").strip())
    try:
        casus.full_clean(exclude=["organisatie", "ingebracht_door"])
    except ValidationError as e:
        raise ValidationError(e.message_dict) from None
    casus.save()
    trail.record("casus_ingebracht", casus, actor=actor,
                 na={"kenmerk": casus.kenmerk, "regeling": regeling.bwb_id, "reden": reden})
    stand = herhaling.voor_casus(casus)
    if stand.aantal == stand.drempel:
        trail.record("herhaling_gesignaleerd", casus, actor=None,
                     na={"regeling": regeling.bwb_id, "reden": reden, "aantal": stand.aantal, "fixes": stand.fixes})
    signaleer_herhaling(casus, stand)
    return casus


# --- recurrence: the team's inbox ----------------------------------------------------------

def signaleer_herhaling(casus: Casus, stand: herhaling.Herhaling | None = None) -> Herhalingsmelding | None:
    """Tell the team (and its board) once when similar cases cross into unequal treatment.

    Called after every change that moves a group of similar cases (a new case, a fix, a solve).
    Crossing in: an open :class:`Herhalingsmelding` is created (at most one per group, by a
    unique constraint), an inbox notification of kind ``herhaling`` goes to every active team
    member and the audit trail records ``herhaling_gemeld``. Crossing out (a solve now covers
    the cases): the open row is closed (``herhaling_afgesloten``), so a later crossing is
    reported again. Returns the new row, or ``None`` when nothing was reported.
    """
    stand = stand or herhaling.voor_casus(casus)
    groep = Herhalingsmelding.objects.filter(organisatie_id=casus.organisatie_id, regeling_id=casus.regeling_id,
                                             reden=casus.reden, afgesloten_op__isnull=True)
    open_melding = groep.select_for_update().first()
    na = {"regeling": casus.regeling.bwb_id, "reden": casus.reden, "aantal": stand.aantal, "fixes": stand.fixes}
    if not stand.ongelijke_behandeling:
        if open_melding is not None:
            open_melding.afgesloten_op = clock.now()
            open_melding.save(update_fields=["afgesloten_op"])
            trail.record("herhaling_afgesloten", casus, actor=None, na=na)
        return None
    if open_melding is not None:
        return None
    try:
        with transaction.atomic():
            melding = Herhalingsmelding.objects.create(
                organisatie_id=casus.organisatie_id, regeling_id=casus.regeling_id, reden=casus.reden, casus=casus,
                aantal=stand.aantal, fixes=stand.fixes, gemeld_op=clock.now())
    except IntegrityError:
        return None  # a concurrent change reported this crossing already
    ontvangers = list(get_user_model().objects.filter(
        organisatie_id=casus.organisatie_id, rol__in=rechten.TEAMROLLEN, is_active=True)
        .order_by("id").values_list("id", flat=True))
    regeling = casus.regeling.citeertitel or casus.regeling.titel
    kenmerken = ", ".join(c.kenmerk for c in stand.casussen)
    notificaties.meld(
        ontvangers, soort=Soort.HERHALING, link=reverse("maatwerkplaats:casus", kwargs={"uuid": casus.uuid}),
        onderwerp=f"Casus komt vaker voor: {stand.aantal} vergelijkbare casussen over {regeling}",
        tekst=(f"{stand.melding}\nWaar het knelt: {Reden(casus.reden).label.lower()}.\n"
               f"Vergelijkbare casussen: {kenmerken}."))
    trail.record("herhaling_gemeld", casus, actor=None, na={**na, "ontvangers": len(ontvangers)})
    return melding


# --- the deliberation -----------------------------------------------------------------------

@transaction.atomic
def plan_beraad(casus: Casus, *, actor, gepland_op: dt.date | None,
                deelnemers: Iterable[tuple[object, str]]) -> Beraad:
    """Plan a moral deliberation with participants from at least two disciplines of the team."""
    casus = Casus.objects.select_for_update(of=("self",)).get(pk=casus.pk)
    if not rechten.in_team(actor, casus.organisatie_id) and not actor.is_superuser:
        raise PermissionDenied("Alleen het team van deze casus plant een beraad.")
    if Beraad.objects.filter(casus=casus).exists():
        raise ValidationError({"gepland_op": "Voor deze casus is al een beraad gepland."})
    fouten = Fouten()
    deelnemers = list(deelnemers)
    if gepland_op is None:
        fouten.voeg_toe("gepland_op", "Vul de datum van het beraad in.")
    elif gepland_op < casus.ingebracht_op.date():
        fouten.voeg_toe("gepland_op", "Het beraad kan niet eerder zijn dan de casus werd ingebracht.")
    gebruikers = [g for g, _ in deelnemers]
    if len(set(g.pk for g in gebruikers)) != len(gebruikers):
        fouten.voeg_toe("deelnemers", "Iedere deelnemer staat één keer op de lijst.")
    if any(not rechten.in_team(g, casus.organisatie_id) for g in gebruikers):
        fouten.voeg_toe("deelnemers", "Deelnemers zijn medewerkers van de organisatie van de casus.")
    if any(d not in Discipline.values for _, d in deelnemers):
        fouten.voeg_toe("deelnemers", "Kies voor elke deelnemer een discipline.")
    if len(deelnemers) < 2 or len({d for _, d in deelnemers}) < 2:
        fouten.voeg_toe("deelnemers", "Een moreel beraad heeft deelnemers uit ten minste twee disciplines "
                        "(juridisch, financieel, sociaal, frontlijn).")
    fouten.gooi()
    beraad = Beraad.objects.create(casus=casus, gepland_op=gepland_op, gepland_door=actor, aangemaakt_op=clock.now())
    Deelnemer.objects.bulk_create([Deelnemer(beraad=beraad, gebruiker=g, discipline=d) for g, d in deelnemers])
    casus.status = CasusStatus.IN_BERAAD
    casus.save(update_fields=["status"])
    trail.record("beraad_gepland", casus, actor=actor,
                 na={"gepland_op": gepland_op.isoformat(), "disciplines": sorted({d for _, d in deelnemers})})
    return beraad


@transaction.atomic
def geef_inbreng(beraad: Beraad, *, actor, standpunt: str) -> Inbreng:
    beraad = Beraad.objects.select_for_update(of=("self",)).select_related("casus").get(pk=beraad.pk)
    if rechten.deelname(actor, beraad) is None or not rechten.in_team(actor, beraad.casus.organisatie_id):
        raise PermissionDenied("Alleen deelnemers aan dit beraad geven hun inbreng.")
    if not rechten.mag_inbreng_geven(actor, beraad):
        raise ValidationError({"standpunt": "U gaf uw inbreng al, of de conclusie is al vastgesteld."})
    standpunt = (standpunt or "").strip()
    if len(standpunt) < MIN_STANDPUNT:
        raise ValidationError({"standpunt": f"Schrijf uw standpunt in ten minste {MIN_STANDPUNT} tekens."})
    deelnemer = rechten.deelname(actor, beraad)
    inbreng = Inbreng(deelnemer=deelnemer, standpunt=standpunt, gegeven_op=clock.now())
    try:
        inbreng.full_clean(exclude=["deelnemer"])
    except ValidationError as e:
        raise ValidationError(e.message_dict) from None
    inbreng.save()
    trail.record("inbreng_gegeven", beraad.casus, actor=actor, na={"discipline": deelnemer.discipline})
    return inbreng


@transaction.atomic
def stel_conclusie_vast(beraad: Beraad, *, actor, tekst: str, beginselen: Iterable, fix_aanbevolen: bool = True,
                        openbaar: bool = False) -> Conclusie:
    """The session's single conclusion, naming the principles weighed; optionally published."""
    beraad = Beraad.objects.select_for_update(of=("self",)).select_related("casus__regeling").get(pk=beraad.pk)
    if not rechten.in_team(actor, beraad.casus.organisatie_id):
        raise PermissionDenied("Alleen het team van deze casus stelt de conclusie vast.")
    if not rechten.mag_concluderen(actor, beraad):
        if hasattr(beraad, "conclusie"):
            raise ValidationError({"tekst": "De conclusie van dit beraad is al vastgesteld."})
        raise PermissionDenied("Een deelnemer, behandelaar of bestuurder van het team stelt de conclusie vast.")
    fouten = Fouten()
    tekst, beginselen = (tekst or "").strip(), list(beginselen)
    if len(tekst) < MIN_CONCLUSIE:
        fouten.voeg_toe("tekst", f"Schrijf de conclusie in ten minste {MIN_CONCLUSIE} tekens: wat besloot het beraad, "
                        "en waarom.")
    elif len(tekst) > 10_000:
        fouten.voeg_toe("tekst", "Maximaal 10.000 tekens.")
    if not beginselen:
        fouten.voeg_toe("beginselen", "Noem ten minste één beginsel dat is gewogen (bijvoorbeeld evenredigheid).")
    disciplines = {d.discipline for d in beraad.deelnemers.all() if hasattr(d, "inbreng")}
    if len(disciplines) < 2:
        fouten.voeg_toe("tekst", "Leg eerst de inbreng van deelnemers uit ten minste twee disciplines vast.")
    fouten.gooi()
    conclusie = Conclusie.objects.create(beraad=beraad, tekst=tekst, fix_aanbevolen=bool(fix_aanbevolen),
                                         openbaar=bool(openbaar), vastgesteld_op=clock.now(), vastgesteld_door=actor)
    conclusie.beginselen.set(beginselen)
    conclusie.zoektekst = pseudoniem.zoektekst(conclusie)
    conclusie.save(update_fields=["zoektekst"])
    casus = beraad.casus
    casus.status = CasusStatus.GECONCLUDEERD
    casus.save(update_fields=["status"])
    trail.record("conclusie_vastgesteld", casus, actor=actor,
                 na={"beginselen": [b.code for b in beginselen], "fix": bool(fix_aanbevolen),
                     "openbaar": bool(openbaar)})
    return conclusie


# --- fix and solve --------------------------------------------------------------------------

@transaction.atomic
def ken_fix_toe(casus: Casus, *, actor, wat: str, grondslag: str, onderbouwing: str) -> Fix:
    """What is done for this citizen, now, on which ground within the room the Awb gives."""
    casus = Casus.objects.select_for_update(of=("self",)).get(pk=casus.pk)
    if not rechten.in_team(actor, casus.organisatie_id):
        raise PermissionDenied("Alleen het team van deze casus kent een fix toe.")
    if not rechten.mag_fix_toekennen(actor, casus):
        if hasattr(casus, "fix"):
            raise ValidationError({"wat": "Voor deze casus is al een fix toegekend."})
        raise PermissionDenied("Een behandelaar of bestuurder van het team kent een fix toe, nadat het beraad tot "
                               "een fix heeft geconcludeerd.")
    fouten = Fouten()
    wat, onderbouwing = (wat or "").strip(), (onderbouwing or "").strip()
    if not wat:
        fouten.voeg_toe("wat", "Beschrijf wat er voor deze burger gebeurt.")
    if grondslag not in Grondslag.values:
        fouten.voeg_toe("grondslag", "Kies de grondslag: welke ruimte van de Awb of de wet gebruikt u?")
    if len(onderbouwing) < MIN_ONDERBOUWING:
        fouten.voeg_toe("onderbouwing", f"Onderbouw in ten minste {MIN_ONDERBOUWING} tekens waarom dit binnen die "
                        "ruimte past.")
    fouten.gooi()
    fix = Fix.objects.create(casus=casus, wat=wat, grondslag=grondslag, onderbouwing=onderbouwing,
                             toegekend_op=clock.now(), toegekend_door=actor)
    casus.status = CasusStatus.GEFIXT
    casus.save(update_fields=["status"])
    trail.record("fix_toegekend", casus, actor=actor, na={"grondslag": grondslag})
    signaleer_herhaling(casus)
    return fix


def solve_praktijk(casussen: list[Casus], toelichting: str) -> str:
    """The signal's text: the team's explanation, then each case and fix, pseudonymised."""
    delen = []
    if toelichting.strip():
        delen.append(pseudoniem.openbaar(toelichting.strip()))
    fixes = sum(1 for c in casussen if hasattr(c, "fix"))
    delen.append(f"Dit signaal komt uit de Maatwerkplaats en steunt op {len(casussen)} "
                 f"{'casus' if len(casussen) == 1 else 'casussen'}; {fixes} "
                 f"{'burger kreeg' if fixes == 1 else 'burgers kregen'} al een fix.")
    for c in casussen:
        regel = (f"Casus {c.kenmerk} ({Reden(c.reden).label.lower()}{'; ' + pseudoniem.kort(c.artikel, 100) if c.artikel else ''}): "
                 f"{pseudoniem.kort(c.titel, 200)}. Wat de regel met deze burger doet: "
                 f"{pseudoniem.kort(c.gevolg_voor_burger, 400)}")
        fix = getattr(c, "fix", None)
        if fix is not None:
            regel += (f" Fix ({Grondslag(fix.grondslag).label}): {pseudoniem.kort(fix.wat, 300)}")
        else:
            regel += " Nog geen fix."
        delen.append(regel)
    tekst = "\n\n".join(delen)
    return tekst if len(tekst) <= MAX_PRAKTIJK else tekst[: MAX_PRAKTIJK - 1] + "…"


def route_van_solve(geadresseerde: str, *, organisatie, regeling) -> dict:
    """Where a solve goes, by the team's choice of addressee.

    * ``bestuur``: the team's own organisation, its first term at the board rung (internal
      policy rules, work instructions, systems are the board's to change); not published:
      the organisation and, when the term lapses, its principal ministry and the rungs above
      see it, like any signal of the organisation.
    * ``ministerie``: the regulation's owner (``signalen.routering``), at its handlers' rung,
      published: a change of the law concerns everyone.
    """
    if geadresseerde == Geadresseerde.BESTUUR:
        return {"ontvanger": organisatie, "eerste_trede": Trede.BESTUUR, "openbaar": False,
                "routeringsreden": f"Solve uit de Maatwerkplaats voor het bestuur van {organisatie.naam}: "
                                   "interne beleidsregels, werkinstructies of systemen."}
    return {"ontvanger": None, "eerste_trede": None, "openbaar": True, "routeringsreden": ""}


@transaction.atomic
def dien_solve_in(*, actor, casussen: Iterable[Casus], titel: str, getroffen_burgers: str,
                  verbetervoorstel: str = "", toelichting: str = "", aantal_getroffen: int | None = None,
                  geadresseerde: str = Geadresseerde.MINISTERIE) -> Solve:
    """File a signal that cites the cases and the fixes granted, to the team's own board or to
    the ministry responsible for the regulation (:func:`route_van_solve`)."""
    if not rechten.mag_solve_indienen(actor):
        raise PermissionDenied("Alleen medewerkers van het team dienen een solve in.")
    casussen = list(Casus.objects.filter(pk__in=[c.pk for c in casussen]).select_related("regeling", "fix")
                    .order_by("ingebracht_op", "id"))
    fouten = Fouten()
    if not casussen:
        fouten.voeg_toe("casussen", "Kies ten minste één casus die de solve onderbouwt.")
    elif len(casussen) > MAX_GECITEERD:
        fouten.voeg_toe("casussen", f"Citeer ten hoogste {MAX_GECITEERD} casussen.")
    if any(not rechten.in_team(actor, c.organisatie_id) for c in casussen):
        raise PermissionDenied("U citeert alleen casussen van uw eigen team.")
    if len({c.regeling_id for c in casussen}) > 1:
        fouten.voeg_toe("casussen", "Een solve gaat over één regeling: kies casussen over dezelfde regeling.")
    if geadresseerde not in Geadresseerde.values:
        fouten.voeg_toe("geadresseerde", "Kies aan wie de solve is gericht: het bestuur van uw organisatie of het "
                        "verantwoordelijke ministerie.")
    elif (geadresseerde == Geadresseerde.MINISTERIE and casussen
          and casussen[0].regeling.eigenaar_id == actor.organisatie_id):
        fouten.voeg_toe("geadresseerde", "Uw eigen organisatie is verantwoordelijk voor deze regeling: richt de solve "
                        "aan uw bestuur.")
    fouten.gooi()
    regeling = casussen[0].regeling
    route = route_van_solve(geadresseerde, organisatie=actor.organisatie, regeling=regeling)
    artikelen = "; ".join(dict.fromkeys(pseudoniem.openbaar(c.artikel) for c in casussen if c.artikel))[:300]
    try:
        signaal = signaalservices.dien_in(
            indiener=actor, titel=titel, praktijk=solve_praktijk(casussen, toelichting or ""),
            getroffen_burgers=getroffen_burgers, aantal_getroffen=aantal_getroffen, regeling=regeling,
            artikelen=artikelen, verbetervoorstel=verbetervoorstel, **route)
    except ValidationError as e:
        meldingen = e.message_dict
        if "praktijk" in meldingen:
            meldingen.setdefault("toelichting", []).extend(meldingen.pop("praktijk"))
        raise ValidationError(meldingen) from None
    solve = Solve.objects.create(signaal=signaal, organisatie_id=actor.organisatie_id, geadresseerde=geadresseerde,
                                 ingediend_op=clock.now(), ingediend_door=actor)
    SolveCasus.objects.bulk_create([SolveCasus(solve=solve, casus=c) for c in casussen])
    trail.record("solve_ingediend", solve, actor=actor, signaal=signaal,
                 na={"casussen": [c.kenmerk for c in casussen],
                     "fixes": [c.kenmerk for c in casussen if hasattr(c, "fix")],
                     "geadresseerde": geadresseerde, "eigenaar": signaal.eigenaar.afkorting})
    for c in casussen:
        trail.record("solve_ingediend", c, actor=actor, na={"signaal": signaal.kenmerk, "geadresseerde": geadresseerde})
    for groep in {(c.regeling_id, c.reden): c for c in casussen}.values():
        signaleer_herhaling(groep)  # cases now covered by a solve: the crossing may close
    return solve
