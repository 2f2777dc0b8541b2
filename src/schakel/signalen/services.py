"""Use cases on signals: file, route, forward, answer, keep a commitment.

Each function checks permissions, validates, changes state through the workflow,
and records an audit event, all in one transaction. Errors:
``django.core.exceptions.ValidationError`` (with field keys) for bad input,
``PermissionDenied`` for a forbidden action, ``OngeldigeOvergang`` for a wrong status.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from typing import Iterable, Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from schakel.audit import trail
from schakel.core import clock
from schakel.knelpunten import agendering as knelpunt_agendering  # agendering thresholds hook
from schakel.organisaties.models import OrganisatieSoort
from schakel.privacy import persoonsgegevens
from schakel.termijnen import services as termijnen  # deadlines and escalation hooks

from . import rechten, routering, toelichting, workflow
from .models import MIN_MELDINGEN, MINIMA, Besluit, Niveau, Reactie, Signaal, SignaalSoort, Toezegging, ToezeggingStatus
from .zoeken import zoektekst_voor

MAX_TOEZEGGINGEN = 20
VERGELIJK_MET_LAATSTE = 500


@dataclass(frozen=True)
class NieuweToezegging:
    omschrijving: str
    eigenaar: str
    uiterlijk: dt.date | None


def _momentopname(signaal: Signaal) -> dict:
    return {
        "status": signaal.status,
        "eigenaar": signaal.eigenaar.afkorting if signaal.eigenaar_id else None,
        "uiterste_reactiedatum": signaal.uiterste_reactiedatum,
        "escalatietrede": signaal.escalatietrede,  # replayed by schakel verify-audit (audit.controle)
    }


@transaction.atomic
def dien_in(*, indiener, titel: str, praktijk: str, getroffen_burgers: str, regeling=None,
            aantal_getroffen: int | None = None, artikelen: str = "", verbetervoorstel: str = "",
            oorzaken: Iterable = (), openbaar: bool = True, soort: str = SignaalSoort.SIGNAAL,
            indienende_organisatie=None, eigenaar=None, volg_advies: bool = False,
            ontvanger=None, eerste_trede: int | None = None, routeringsreden: str = "") -> Signaal:
    """File a signal for the filer's organisation and route it.

    With a regulation, the signal goes to the regulation's owner: the filer never chooses who
    must answer. ``eigenaar`` may repeat that owner; any other organisation is refused
    (field ``eigenaar``). Without a regulation, it goes to ``eigenaar`` (the organisation the
    filer names, usually the router's suggestion they accepted), or — with ``volg_advies`` — to
    the router's suggestion if it is confident; otherwise it waits in the triage queue (status
    *ingediend*, no owner) for ``trieer``.

    ``ontvanger``, ``eerste_trede`` and ``routeringsreden`` are for use cases whose own rules fix
    the receiver (a Maatwerkplaats solve for the team's board): never filled from user input."""
    if not rechten.mag_indienen(indiener):
        raise PermissionDenied("Alleen medewerkers van een organisatie kunnen een signaal indienen.")
    organisatie = indienende_organisatie or indiener.organisatie
    if organisatie.pk != indiener.organisatie_id and not indiener.is_superuser:
        raise ValidationError({"indienende_organisatie": "U kunt alleen namens uw eigen organisatie indienen."})
    fouten: dict[str, list[str]] = {}
    if regeling is None and soort == SignaalSoort.NOODREM:
        fouten.setdefault("regeling", []).append("Een noodrem noemt altijd de regeling waarover zij gaat.")
    if eigenaar is not None and (melding := _verkeerde_eigenaar(eigenaar, regeling)):
        fouten.setdefault("eigenaar", []).append(melding)
    signaal = maak_signaal(
        fouten=fouten, soort=soort, titel=titel, praktijk=praktijk, getroffen_burgers=getroffen_burgers,
        aantal_getroffen=aantal_getroffen, regeling=regeling, artikelen=artikelen, verbetervoorstel=verbetervoorstel,
        indienende_organisatie=organisatie, indiener=indiener, openbaar=openbaar,
    )
    signaal.oorzaken.set(list(oorzaken))
    trail.record("ingediend", signaal, actor=indiener, signaal=signaal,
                 na={"titel": signaal.titel, "regeling": regeling.bwb_id if regeling else None, "soort": signaal.soort,
                     "indienende_organisatie": organisatie.afkorting})
    if regeling is not None:
        return routeer(signaal, actor=indiener, eigenaar=ontvanger, reden=routeringsreden, eerste_trede=eerste_trede)
    suggestie = routering.suggereer_voor(signaal)
    if eigenaar is None and volg_advies and suggestie.zeker:
        eigenaar = suggestie.beste.organisatie
    if eigenaar is None:
        return _naar_triage(signaal, actor=indiener, suggestie=suggestie)
    gevolgd = suggestie.beste is not None and suggestie.beste.organisatie.pk == eigenaar.pk
    if gevolgd:
        reden = (f"Geen regeling genoemd; {eigenaar.naam} op advies van de routering op tekst "
                 f"({suggestie.beste.procent} % zeker), aanvaard door de indiener.")
    else:
        reden = f"Geen regeling genoemd; de indiener koos {eigenaar.naam}."
    return routeer(signaal, actor=indiener, eigenaar=eigenaar, reden=reden, eerste_trede=eerste_trede,
                   actie="gerouteerd_op_tekst",
                   extra={"advies": suggestie.als_audit(), "advies_gevolgd": gevolgd})


def _geen_ontvanger(organisatie) -> str:
    """Why ``organisatie`` cannot receive a signal, or '' when it can."""
    if organisatie.soort == OrganisatieSoort.KAMERCOMMISSIE:
        return ("Een signaal gaat naar een uitvoeringsorganisatie, gemeente of ministerie; "
                "een Kamercommissie krijgt het via escalatie of agendering.")
    return ""


def _verkeerde_eigenaar(organisatie, regeling) -> str:
    """Why ``organisatie`` cannot be named as the owner of a signal about ``regeling``, or ''.

    A signal that names a regulation is answered by the regulation's owner, so that no one
    can steer a signal away from the body that must comply or explain."""
    if melding := _geen_ontvanger(organisatie):
        return melding
    if regeling is not None and organisatie.pk != regeling.eigenaar_id:
        eigenaar = routering.bepaal_eigenaar(regeling)
        return (f"Over {regeling} beslist {eigenaar.naam} ({eigenaar.afkorting}): die "
                f"organisatie moet reageren. Laat de eigenaar leeg of noem {eigenaar.afkorting}; hoort het "
                f"signaal bij een andere regeling, noem dan die regeling.")
    return ""


def _naar_triage(signaal: Signaal, *, actor, suggestie: routering.Suggestie) -> Signaal:
    """No regulation and no owner: the signal waits, visible in the triage queue."""
    advies = ""
    if suggestie.beste is not None:
        advies = f" Advies van de routering: {suggestie.beste.organisatie.naam} ({suggestie.beste.procent} % zeker)."
    trail.record("naar_triage", signaal, actor=actor, signaal=signaal,
                 na={**_momentopname(signaal), "advies": suggestie.als_audit()},
                 toelichting="Geen regeling en geen organisatie genoemd: een behandelaar bepaalt bij de triage "
                             "welke organisatie moet reageren." + advies)
    return signaal


@transaction.atomic
def trieer(signaal: Signaal, *, naar, actor, reden: str, regeling=None) -> Signaal:
    """Route a signal from the triage queue: choose the owner (and, optionally, the regulation).

    Recorded as ``getrieerd`` with the router's advice next to the choice, so the choice
    trains the next router (``schakel train-router`` weighs it as a correction)."""
    signaal = _vergrendeld(signaal)
    if not rechten.mag_trieren(actor):
        raise PermissionDenied("Alleen behandelaars met de triagerol kunnen signalen zonder eigenaar routeren.")
    if signaal.eigenaar_id is not None or signaal.status != workflow.Status.INGEDIEND:
        raise workflow.OngeldigeOvergang(workflow.Actie.ROUTEER, signaal.status)
    fouten = {}
    if not (reden or "").strip():
        fouten["reden"] = "Geef aan waarom het signaal bij deze organisatie hoort."
    if naar is None:
        fouten["naar"] = "Kies de organisatie die moet reageren."
    elif melding := _verkeerde_eigenaar(naar, regeling or signaal.regeling):
        fouten["naar"] = melding
    if fouten:
        raise ValidationError(fouten)
    suggestie = routering.suggereer_voor(signaal)
    if regeling is not None and signaal.regeling_id is None:
        signaal.regeling = regeling
        signaal.save(update_fields=["regeling"])
    return routeer(signaal, actor=actor, eigenaar=naar, reden=reden.strip(), actie="getrieerd",
                   extra={"advies": suggestie.als_audit(),
                          "advies_gevolgd": bool(suggestie.beste and suggestie.beste.organisatie.pk == naar.pk),
                          "regeling": signaal.regeling.bwb_id if signaal.regeling_id else None})


PUBLIEKE_TEKSTVELDEN = ("titel", "praktijk", "getroffen_burgers", "artikelen", "verbetervoorstel")


def valideer_signaal(signaal: Signaal, *, exclude: Sequence[str] = ()) -> None:
    """Field checks, the minimum content (``models.MINIMA``) and the personal-data guard: a signal leaves the filing organisation,
    so it may hold no BSN, IBAN, address or other personal data. All problems at once.
    ``exclude``: fields the caller checks itself (e.g. a noodrem's own messages)."""
    fouten: dict[str, list[str]] = {}
    try:
        signaal.full_clean(exclude=["eigenaar", *exclude])
    except ValidationError as e:
        fouten.update(e.message_dict)
    for veld, minimum in MINIMA.items():
        tekst = (getattr(signaal, veld) or "").strip()
        if veld not in exclude and veld not in fouten and tekst and len(tekst) < minimum:
            fouten[veld] = [MIN_MELDINGEN[veld]]
    velden = {veld: getattr(signaal, veld) for veld in PUBLIEKE_TEKSTVELDEN}
    for veld, meldingen in persoonsgegevens.controleer_velden(velden).items():
        fouten.setdefault(veld, []).extend(meldingen)
    if fouten:
        raise ValidationError(fouten)


def maak_signaal(*, fouten: dict[str, list[str]] | None = None, exclude: Sequence[str] = (),
                 **velden) -> Signaal:
    """The one path that builds a signal: assemble, index, validate, save.

    Text fields are stripped, ``ingediend_op`` defaults to now, the search text is
    computed, and the signal is validated with :func:`valideer_signaal` (``exclude``:
    fields the caller checks itself). ``fouten``: the caller's own problems with the
    input (field key → messages); they are raised together with the signal's, all at
    once, as one ``ValidationError``. Returns the saved signal (not yet routed)."""
    for veld in PUBLIEKE_TEKSTVELDEN:
        if veld in velden:
            velden[veld] = (velden[veld] or "").strip()
    velden.setdefault("ingediend_op", clock.now())
    signaal = Signaal(**velden)
    signaal.zoektekst = zoektekst_voor(signaal)
    alle: dict[str, list[str]] = {}
    try:
        valideer_signaal(signaal, exclude=exclude)
    except ValidationError as e:
        alle = {veld: list(meldingen) for veld, meldingen in e.message_dict.items()}
    for veld, meldingen in (fouten or {}).items():
        alle.setdefault(veld, []).extend(meldingen)
    if alle:
        raise ValidationError(alle)
    signaal.save()
    return signaal


def routeer(signaal: Signaal, *, actor=None, eigenaar=None, reden: str = "", eerste_trede: int | None = None,
            actie: str = "gerouteerd", extra: dict | None = None) -> Signaal:
    """Send a filed signal to its owner and start the answer term.

    By default the owner is the regulation's owner; a noodrem names its receiver
    (``eigenaar``) with the ``reden`` shown in the timeline (see ``schakel.noodrem.regels``),
    and so do routing by text and triage (with their own audit ``actie`` and ``extra``).
    ``eerste_trede``: the rung the first term starts at, if not the kind's default."""
    if eigenaar is None and signaal.regeling_id is None:
        raise ValueError("Een signaal zonder regeling heeft een expliciete eigenaar nodig.")
    voor = _momentopname(signaal)
    signaal.status = workflow.volgende_status(signaal.status, workflow.Actie.ROUTEER)
    signaal.eigenaar = eigenaar or routering.bepaal_eigenaar(signaal.regeling)
    termijnen.start_eerste_termijn(signaal, trede=eerste_trede)  # [termijnen] first term; sets uiterste_reactiedatum, escalatietrede
    signaal.save(update_fields=["status", "eigenaar", "uiterste_reactiedatum", "escalatietrede"])
    trail.record(actie, signaal, actor=actor, signaal=signaal, voor=voor, na={**_momentopname(signaal), **(extra or {})},
                 toelichting=reden or f"Eigenaar van {signaal.regeling.bwb_id}: {signaal.eigenaar.naam}.")
    return signaal


def _vergrendeld(signaal: Signaal) -> Signaal:
    # of=("self",): lock only the signal; PostgreSQL refuses FOR UPDATE on the nullable eigenaar join.
    return Signaal.objects.select_for_update(of=("self",)).select_related("eigenaar", "regeling").get(pk=signaal.pk)


@transaction.atomic
def stuur_door(signaal: Signaal, *, naar, actor, reden: str) -> Signaal:
    """Forward an unanswered signal to another organisation, with a public reason."""
    signaal = _vergrendeld(signaal)
    if not rechten.behandelt_als_eigenaar(actor, signaal):
        raise PermissionDenied("Alleen de eigenaar van dit signaal kan het doorsturen.")
    fouten = {}
    if not (reden or "").strip():
        fouten["reden"] = "Geef aan waarom het signaal bij een andere organisatie hoort."
    if naar is None:
        fouten["naar"] = "Kies de organisatie waarnaar het signaal wordt doorgestuurd."
    elif naar.pk == signaal.eigenaar_id:
        fouten["naar"] = "Het signaal ligt al bij deze organisatie."
    elif melding := _geen_ontvanger(naar):
        fouten["naar"] = melding
    if fouten:
        raise ValidationError(fouten)
    voor = _momentopname(signaal)
    signaal.status = workflow.volgende_status(signaal.status, workflow.Actie.DOORSTUREN)
    signaal.eigenaar = naar
    signaal.save(update_fields=["status", "eigenaar"])
    termijnen.bij_doorsturen(signaal)  # [termijnen] the open term now asks the new owner; due date stays
    trail.record("doorgestuurd", signaal, actor=actor, signaal=signaal, voor=voor,
                 na=_momentopname(signaal), toelichting=reden.strip())
    return signaal


def eerdere_uitleg(signaal: Signaal, tekst: str) -> list[toelichting.EerdereToelichting]:
    """Explains given to other signals that a new explain must not copy: any with the same
    wording, plus the most recent ones of the same organisation."""
    andere = (Reactie.objects.filter(besluit=Besluit.NIET_OVERNEMEN)
              .exclude(signaal=signaal).select_related("signaal"))
    zelfde = list(andere.filter(vingerafdruk=toelichting.vingerafdruk(tekst))[:1])
    recent = list(andere.filter(organisatie=signaal.eigenaar_id).order_by("-gegeven_op")[:VERGELIJK_MET_LAATSTE])
    return [toelichting.EerdereToelichting(r.signaal.kenmerk, r.toelichting) for r in zelfde + recent]


def _valideer_reactie(signaal: Signaal, *, actor, besluit: str, tekst: str, niveau: str,
                      ondertekend_door: str, toezeggingen: Sequence[NieuweToezegging]) -> dict:
    fouten: dict[str, list[str]] = {}

    def fout(veld: str, melding: str) -> None:
        fouten.setdefault(veld, []).append(melding)

    if besluit not in Besluit.values:
        fout("besluit", "Kies 'overnemen' (comply) of 'niet_overnemen' (explain).")
    if niveau not in Niveau.values:
        fout("niveau", "Kies 'ambtelijk' of 'politiek'.")
    if len(tekst) > 10_000:
        fout("toelichting", "De toelichting is te lang (maximaal 10.000 tekens).")
    if niveau == Niveau.POLITIEK:
        if not ondertekend_door:
            fout("ondertekend_door", "Een politieke reactie wordt ondertekend door een bewindspersoon: vul de naam in.")
        if not actor.organisatie.is_ministerie:
            fout("niveau", "Alleen een ministerie kan een politieke reactie geven.")
    elif actor.rol == "bewindspersoon":
        fout("niveau", "Een reactie van een bewindspersoon is een politieke reactie.")

    if besluit == Besluit.OVERNEMEN:
        if not tekst:
            fout("toelichting", "Vat samen wat er met het voorstel gebeurt.")
        if not toezeggingen:
            fout("toezeggingen", "Wie overneemt, zegt toe wat er gebeurt: voeg ten minste één toezegging toe "
                                 "(wat, door wie, uiterlijk wanneer).")
        if len(toezeggingen) > MAX_TOEZEGGINGEN:
            fout("toezeggingen", f"Maximaal {MAX_TOEZEGGINGEN} toezeggingen per reactie.")
        vandaag = clock.today()
        for i, t in enumerate(toezeggingen):
            if not (t.omschrijving or "").strip():
                fout(f"toezeggingen.{i}.omschrijving", "Beschrijf wat er wordt gedaan.")
            elif len(t.omschrijving) > 2000:
                fout(f"toezeggingen.{i}.omschrijving", "Maximaal 2.000 tekens.")
            if not (t.eigenaar or "").strip():
                fout(f"toezeggingen.{i}.eigenaar", "Vul in wie dit doet (afdeling of functie).")
            elif len(t.eigenaar) > 200:
                fout(f"toezeggingen.{i}.eigenaar", "Maximaal 200 tekens.")
            if t.uiterlijk is None:
                fout(f"toezeggingen.{i}.uiterlijk", "Vul in uiterlijk wanneer dit gebeurt.")
            elif t.uiterlijk < vandaag:
                fout(f"toezeggingen.{i}.uiterlijk",
                     f"De datum {t.uiterlijk:%d-%m-%Y} ligt in het verleden; kies vandaag of later.")
    # An answer is published with its signal: no personal data in it (only the fields the
    # checks above found no fault with, so each field gets one clear message at a time).
    publiek = {} if "toelichting" in fouten else {"toelichting": tekst}
    for i, t in enumerate(toezeggingen):
        for veld in ("omschrijving", "eigenaar"):
            if f"toezeggingen.{i}.{veld}" not in fouten:
                publiek[f"toezeggingen.{i}.{veld}"] = getattr(t, veld)
    for veld, meldingen in persoonsgegevens.controleer_velden(publiek).items():
        fouten.setdefault(veld, []).extend(meldingen)

    if besluit == Besluit.NIET_OVERNEMEN:
        if toezeggingen:
            fout("toezeggingen", "Bij 'niet overnemen' horen geen toezeggingen.")
        signaal_tekst = " ".join((signaal.titel, signaal.praktijk, signaal.getroffen_burgers, signaal.verbetervoorstel))
        for bezwaar in toelichting.bezwaren_tegen_uitleg(tekst, eerdere_uitleg(signaal, tekst),
                                                         signaal_tekst=signaal_tekst):
            fout("toelichting", bezwaar)
    return fouten


@transaction.atomic
def reageer(signaal: Signaal, *, actor, besluit: str, toelichting_tekst: str,
            niveau: str = Niveau.AMBTELIJK, ondertekend_door: str = "",
            toezeggingen: Sequence[NieuweToezegging] = ()) -> Reactie:
    """Answer a signal (comply or explain), or revise the answer as a new version."""
    signaal = _vergrendeld(signaal)
    if not rechten.mag_beantwoorden(actor, signaal):
        raise PermissionDenied("Alleen de behandelaars van de eigenaar van dit signaal, of wie de escalatieladder "
                               "nu om een reactie vraagt, kunnen reageren.")
    actie = workflow.Actie.HERZIEN if signaal.status == workflow.Status.BEANTWOORD else workflow.Actie.BEANTWOORD
    nieuwe_status = workflow.volgende_status(signaal.status, actie)
    tekst = (toelichting_tekst or "").strip()
    ondertekend_door = (ondertekend_door or "").strip()
    fouten = _valideer_reactie(signaal, actor=actor, besluit=besluit, tekst=tekst, niveau=niveau,
                               ondertekend_door=ondertekend_door, toezeggingen=toezeggingen)
    if fouten:
        raise ValidationError(fouten)

    vorige = signaal.actuele_reactie()
    reactie = Reactie.objects.create(
        signaal=signaal, versie=(vorige.versie + 1) if vorige else 1, besluit=besluit, toelichting=tekst,
        niveau=niveau, ondertekend_door=ondertekend_door, auteur=actor,
        organisatie=signaal.eigenaar if rechten.behandelt_als_eigenaar(actor, signaal) else actor.organisatie,
        gegeven_op=clock.now(), vingerafdruk=toelichting.vingerafdruk(tekst),
    )
    for t in toezeggingen:
        Toezegging.objects.create(reactie=reactie, signaal=signaal, omschrijving=t.omschrijving.strip(),
                                  eigenaar=t.eigenaar.strip(), uiterlijk=t.uiterlijk)
    voor = _momentopname(signaal)
    signaal.status = nieuwe_status
    if signaal.beantwoord_op is None:
        signaal.beantwoord_op = reactie.gegeven_op
    signaal.save(update_fields=["status", "beantwoord_op"])
    if not vorige:
        termijnen.bij_beantwoorden(signaal, actor=actor)  # [termijnen] an answer stops the climb
    trail.record(
        "herzien" if vorige else "beantwoord", signaal, actor=actor, signaal=signaal, voor=voor,
        na={**_momentopname(signaal), "reactie_versie": reactie.versie, "besluit": besluit, "niveau": niveau,
            "toezeggingen": len(toezeggingen)},
    )
    knelpunt_agendering.na_wijziging(signaal)  # [knelpunten] thresholds; never raises, see its docstring
    return reactie


@transaction.atomic
def rond_toezegging_af(toezegging: Toezegging, *, actor, toelichting_tekst: str) -> Toezegging:
    """Record that a commitment has been kept."""
    toezegging = (Toezegging.objects.select_for_update(of=("self",)).select_related("reactie", "signaal")
                  .get(pk=toezegging.pk))
    if not rechten.mag_toezegging_afronden(actor, toezegging):
        raise PermissionDenied("Alleen de organisatie die de toezegging deed, kan haar afronden.")
    if toezegging.status != ToezeggingStatus.OPEN:
        raise ValidationError({"status": "Deze toezegging is al afgerond."})
    tekst = (toelichting_tekst or "").strip()
    if not tekst:
        raise ValidationError({"toelichting": "Beschrijf wat er is gedaan."})
    toezegging.status = ToezeggingStatus.NAGEKOMEN
    toezegging.nagekomen_op = clock.today()
    toezegging.toelichting_nakoming = tekst
    toezegging.save(update_fields=["status", "nagekomen_op", "toelichting_nakoming"])
    trail.record("toezegging_nagekomen", toezegging, actor=actor, signaal=toezegging.signaal,
                 voor={"status": ToezeggingStatus.OPEN},
                 na={"status": toezegging.status, "nagekomen_op": toezegging.nagekomen_op}, toelichting=tekst)
    return toezegging


_KENMERK = re.compile(r"^\s*(?:SIG-?)?0*(\d{1,9})\s*$", re.IGNORECASE)
_UUID = re.compile(r"^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$", re.IGNORECASE)


def _duplicaat(signaal: Signaal, dubbel_van, actor) -> tuple[Signaal | None, str]:
    """The signal ``signaal`` duplicates, or why it cannot be that one. ``dubbel_van`` is a
    signal, its pk, or its kenmerk ('SIG-000012'); it must exist and be visible to ``actor``."""
    if dubbel_van is None or dubbel_van == "":
        return None, "Noem het signaal waarvan dit een dubbel is (bijvoorbeeld SIG-000012)."
    if isinstance(dubbel_van, Signaal):
        welke = {"pk": dubbel_van.pk}
    elif isinstance(dubbel_van, uuid.UUID) or _UUID.match(str(dubbel_van)):
        welke = {"uuid": str(dubbel_van)}
    elif m := _KENMERK.match(str(dubbel_van)):
        welke = {"pk": int(m[1])}
    else:
        return None, "Noem één signaal met zijn kenmerk, bijvoorbeeld SIG-000012."
    if welke.get("pk") == signaal.pk or welke.get("uuid") == str(signaal.uuid):
        return None, "Een signaal kan geen dubbel van zichzelf zijn."
    ander = rechten.zichtbare_signalen(actor, Signaal.objects.filter(**welke)).first()
    if ander is None:
        return None, "Dat signaal bestaat niet of u kunt het niet inzien."
    if ander.status == workflow.Status.NIET_ONTVANKELIJK:
        return None, (f"{ander.kenmerk} is zelf niet ontvankelijk verklaard; verwijs naar het signaal dat wel "
                      f"wordt behandeld.")
    return ander, ""


@transaction.atomic
def verklaar_niet_ontvankelijk(signaal: Signaal, *, actor, grond: str, reden: str, dubbel_van=None):
    """Close an unanswered signal as not admissible (spam, not about a government rule, or a
    duplicate of ``dubbel_van``), with a public reason. The signal leaves the ladder (its open term
    closes). Only the owner's answering staff (:func:`rechten.mag_niet_ontvankelijk_verklaren`).

    Every closing is audited (``niet_ontvankelijk``) and counted per owner in the Staat van de
    Uitvoering, so that it cannot quietly replace answering; the filer's verdict will let the
    filer contest it (docs/deadlines-and-escalation.md)."""
    from .models import Grond, NietOntvankelijk

    signaal = _vergrendeld(signaal)
    if not rechten.mag_niet_ontvankelijk_verklaren(actor, signaal):
        if rechten.behandelt_als_eigenaar(actor, signaal) and signaal.indiener_id != actor.pk:
            raise workflow.OngeldigeOvergang(workflow.Actie.NIET_ONTVANKELIJK, signaal.status)
        raise PermissionDenied("Alleen de behandelaars, het bestuur of de bewindspersoon van de organisatie die moet "
                               "reageren, kunnen een signaal niet ontvankelijk verklaren; niet wie het indiende.")
    nieuwe_status = workflow.volgende_status(signaal.status, workflow.Actie.NIET_ONTVANKELIJK)
    fouten: dict[str, list[str]] = {}
    reden = (reden or "").strip()
    ander = None
    if grond not in Grond.values:
        fouten["grond"] = ["Kies waarom het signaal niet ontvankelijk is: spam, geen overheidsregel of dubbel."]
    elif grond == Grond.DUBBEL:
        ander, melding = _duplicaat(signaal, dubbel_van, actor)
        if melding:
            fouten["dubbel_van"] = [melding]
    elif dubbel_van not in (None, ""):
        fouten["dubbel_van"] = ["Noem alleen een ander signaal als dit signaal een dubbel is."]
    if len(reden) > 10_000:
        fouten.setdefault("reden", []).append("De reden is te lang (maximaal 10.000 tekens).")
    else:
        for bezwaar in toelichting.bezwaren_tegen_uitleg(reden, waarom=toelichting.WAAROM_NIET_ONTVANKELIJK):
            fouten.setdefault("reden", []).append(bezwaar)
    if "reden" not in fouten:
        for veld, meldingen in persoonsgegevens.controleer_velden({"reden": reden}).items():
            fouten.setdefault(veld, []).extend(meldingen)
    if fouten:
        raise ValidationError(fouten)

    voor = _momentopname(signaal)
    besluit = NietOntvankelijk.objects.create(
        signaal=signaal, grond=grond, reden=reden, dubbel_van=ander, organisatie_id=signaal.eigenaar_id,
        besloten_door=actor, besloten_op=clock.now())
    signaal.status = nieuwe_status
    signaal.save(update_fields=["status"])
    termijnen.bij_niet_ontvankelijk(signaal)  # [termijnen] leaves the ladder
    trail.record("niet_ontvankelijk", signaal, actor=actor, signaal=signaal, voor=voor,
                 na={**_momentopname(signaal), "grond": grond, "dubbel_van": ander.kenmerk if ander else None},
                 toelichting=reden)
    return besluit
