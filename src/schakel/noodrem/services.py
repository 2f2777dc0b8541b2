"""Use cases of the brake: pull it (professional, organisation, citizen), follow it with a
receipt code, exchange messages, record contact with a citizen.

Like ``schakel.signalen.services``: each function checks permissions, validates (all
problems at once, as ``ValidationError`` with field keys), changes state and records an
audit event in one transaction. A brake is a signal, so it is filed through the signal's
validation (with the personal-data guard) and routing, and answered with the existing
comply-or-explain flow; its term and escalation are the signal's.

Anonymity: an anonymous brake stores no account, IP address or user agent; the audit
trail names the actor "anonieme melder" (or "anonieme burger").
"""

from __future__ import annotations

import logging
import re
from typing import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Count, OuterRef, Q, Subquery

from schakel.accounts.models import Rol
from schakel.audit import trail
from schakel.core import clock, text
from schakel.notificaties import services as notificaties
from schakel.notificaties.models import Soort
from schakel.organisaties.models import Organisatie, OrganisatieSoort
from schakel.privacy import persoonsgegevens
from schakel.regelingen.models import Regeling
from schakel.signalen import rechten as signaalrechten
from schakel.signalen import services as signaalservices
from schakel.signalen.models import Besluit, Reactie, Signaal, SignaalSoort
from schakel.signalen.workflow import Status
from schakel.signalen.zoeken import zoektekst_voor
from schakel.termijnen import kalender, ladder

from . import regels
from .models import (Afzender, Bericht, Niveau, Noodrem, Ontvangstbewijs, OrganisatieVariant, Reden,
                     Retoursticker)

log = logging.getLogger(__name__)

ANONIEME_MELDER = "anonieme melder"
ANONIEME_BURGER = "anonieme burger"
SYSTEEM = "systeem"
MAX_BERICHT = 5000
MAX_BEWIJS = 20
_KENMERK = re.compile(r"SIG-?0*(\d{1,9})", re.IGNORECASE)


def _fout(fouten: dict, veld: str, melding: str) -> None:
    fouten.setdefault(veld, []).append(melding)


def lees_kenmerken(tekst: str) -> list[int]:
    """Signal numbers from 'SIG-000012, SIG-34'."""
    return list(dict.fromkeys(int(m[1]) for m in _KENMERK.finditer(tekst or "")))


def _bewijssignalen(kenmerken: str, *, zichtbaar_voor, fouten: dict) -> list[Signaal]:
    nummers = lees_kenmerken(kenmerken)
    rest = _KENMERK.sub("", kenmerken or "")
    if re.search(r"\w", rest):
        _fout(fouten, "bewijs", "Noem signalen met hun kenmerk, gescheiden door komma's, bijvoorbeeld "
                                "SIG-000012, SIG-000034.")
        return []
    if len(nummers) > MAX_BEWIJS:
        _fout(fouten, "bewijs", f"Noem ten hoogste {MAX_BEWIJS} signalen.")
        return []
    gevonden = list(signaalrechten.zichtbare_signalen(zichtbaar_voor, Signaal.objects.filter(pk__in=nummers)))
    onbekend = sorted(set(nummers) - {s.pk for s in gevonden})
    if onbekend:
        _fout(fouten, "bewijs", "Deze signalen bestaan niet of u kunt ze niet inzien: "
                                + ", ".join(f"SIG-{n:06d}" for n in onbekend) + ".")
    return gevonden


def _nieuwe_rem(*, niveau: str, indiener, indienende_organisatie, praktijk_van, regeling, titel: str,
                praktijk: str, getroffen_burgers: str, beginselen, moet_stoppen: str, artikelen: str,
                verbetervoorstel: str, bewijs: str, bewijs_toelichting: str, openbaar: bool, anoniem: bool,
                variant: str = "", zichtbaar_voor=None, fouten: dict | None = None) -> tuple[Signaal, Noodrem, list]:
    """Build (unsaved) the signal and brake and validate both: all problems at once."""
    fouten = dict(fouten or {})
    signaal = Signaal(
        soort=SignaalSoort.NOODREM, titel=(titel or "").strip(), praktijk=(praktijk or "").strip(),
        getroffen_burgers=(getroffen_burgers or "").strip(), regeling=regeling,
        artikelen=(artikelen or "").strip(), verbetervoorstel=(verbetervoorstel or "").strip(),
        indienende_organisatie=indienende_organisatie, indiener=indiener, openbaar=openbaar,
        ingediend_op=clock.now(),
    )
    signaal.zoektekst = zoektekst_voor(signaal)
    try:
        signaalservices.valideer_signaal(signaal, exclude=["indienende_organisatie", "regeling"])
    except ValidationError as e:
        for veld, meldingen in e.message_dict.items():
            fouten.setdefault(veld, []).extend(meldingen)
    if regeling is None:
        _fout(fouten, "regeling", "Kies de regeling waarover de noodrem gaat.")
    beginselen = list(beginselen or [])
    if not beginselen:
        _fout(fouten, "beginselen", "Noem ten minste één beginsel van behoorlijk bestuur dat wordt geschonden.")
    rem = Noodrem(niveau=niveau, variant=variant, moet_stoppen=(moet_stoppen or "").strip(),
                  praktijk_van=praktijk_van, bewijs_toelichting=(bewijs_toelichting or "").strip(),
                  anoniem=anoniem)
    if not rem.moet_stoppen:
        _fout(fouten, "moet_stoppen", "Beschrijf wat er moet stoppen.")
    elif len(rem.moet_stoppen) > 5000:
        _fout(fouten, "moet_stoppen", "Gebruik maximaal 5.000 tekens.")
    if len(rem.bewijs_toelichting) > 5000:
        _fout(fouten, "bewijs_toelichting", "Gebruik maximaal 5.000 tekens.")
    for veld, meldingen in persoonsgegevens.controleer_velden(
            {"moet_stoppen": rem.moet_stoppen, "bewijs_toelichting": rem.bewijs_toelichting}).items():
        fouten.setdefault(veld, []).extend(meldingen)
    bewijssignalen = _bewijssignalen(bewijs, zichtbaar_voor=zichtbaar_voor, fouten=fouten)
    if fouten:
        raise ValidationError(fouten)
    return signaal, rem, bewijssignalen


def _bewaar(signaal: Signaal, rem: Noodrem, beginselen, bewijssignalen) -> None:
    signaal.save()
    rem.signaal = signaal
    rem.save()
    rem.beginselen.set(list(beginselen))
    rem.bewijs.set(bewijssignalen)


def _maak_ontvangstbewijs(signaal: Signaal) -> str:
    code = regels.nieuwe_code()
    Ontvangstbewijs.objects.create(signaal=signaal, code_hash=regels.code_hash(regels.normaliseer(code)),
                                   aangemaakt_op=clock.now())
    return code


# --- Professional's brake -------------------------------------------------------------------

@transaction.atomic
def trek_professional(*, gebruiker=None, anoniem: bool, praktijk_van, regeling, titel: str, praktijk: str,
                      getroffen_burgers: str, beginselen: Iterable, moet_stoppen: str,
                      indienende_organisatie=None, artikelen: str = "", verbetervoorstel: str = "",
                      bewijs: str = "", bewijs_toelichting: str = "", openbaar: bool = True) -> tuple[Signaal, str | None]:
    """Pull a professional's brake against an organisation's practice or instruction.

    Anyone may pull it, also from outside the dossier or the organisation. Anonymously
    (``anoniem``, or without an account) nothing about the filer is stored but, if they
    choose to name it, the organisation they say they work at (``indienende_organisatie``
    is optional: a filer from anywhere may name none); they get a receipt code, returned
    here and shown once. With an account and not anonymous, the filer follows it in
    Schakel. Only the *target* (``praktijk_van``) is required: it decides who must answer.
    Returns ``(signaal, code or None)``.
    """
    ingelogd = bool(getattr(gebruiker, "is_authenticated", False))
    anoniem = anoniem or not ingelogd
    fouten: dict = {}
    if anoniem:
        if indienende_organisatie is not None and indienende_organisatie.soort == OrganisatieSoort.KAMERCOMMISSIE:
            _fout(fouten, "indienende_organisatie", "Kies een uitvoeringsorganisatie, gemeente of ministerie, of "
                                                    "noem geen organisatie.")
    else:
        if not signaalrechten.mag_indienen(gebruiker):
            raise PermissionDenied("Alleen medewerkers van een organisatie kunnen onder eigen account een noodrem "
                                   "trekken; trek hem anders anoniem.")
        indienende_organisatie = gebruiker.organisatie
    if praktijk_van is None:
        _fout(fouten, "praktijk_van", "Kies de organisatie waarvan de werkwijze of instructie moet stoppen.")
    elif praktijk_van.soort == OrganisatieSoort.KAMERCOMMISSIE:
        _fout(fouten, "praktijk_van", "Een noodrem gaat naar een uitvoeringsorganisatie, gemeente of ministerie, "
                                      "niet naar een Kamercommissie.")
    elif melding := regels.buiten_regeling(praktijk_van, regeling):
        _fout(fouten, "praktijk_van", f"{melding} Kies de organisatie die de regeling uitvoert of het ministerie "
                                      f"dat erover gaat ({regeling.eigenaar.naam}).")
    signaal, rem, bewijssignalen = _nieuwe_rem(
        niveau=Niveau.PROFESSIONAL, indiener=None if anoniem else gebruiker,
        indienende_organisatie=indienende_organisatie, praktijk_van=praktijk_van, regeling=regeling, titel=titel,
        praktijk=praktijk, getroffen_burgers=getroffen_burgers, beginselen=beginselen, moet_stoppen=moet_stoppen,
        artikelen=artikelen, verbetervoorstel=verbetervoorstel, bewijs=bewijs,
        bewijs_toelichting=bewijs_toelichting, openbaar=openbaar, anoniem=anoniem,
        zichtbaar_voor=None if anoniem else gebruiker, fouten=fouten)
    _bewaar(signaal, rem, beginselen, bewijssignalen)
    code = _maak_ontvangstbewijs(signaal) if anoniem else None
    trail.record("noodrem_getrokken", signaal, actor=None if anoniem else gebruiker, signaal=signaal,
                 actor_omschrijving=ANONIEME_MELDER if anoniem else None,
                 na={"titel": signaal.titel, "regeling": regeling.bwb_id, "soort": signaal.soort,
                     "niveau": rem.niveau, "praktijk_van": praktijk_van.afkorting,
                     "beginselen": sorted(b.code for b in beginselen),
                     "indienende_organisatie": indienende_organisatie.afkorting if indienende_organisatie else None,
                     "anoniem": anoniem})
    ontvanger = regels.ontvanger_professional(praktijk_van)
    signaalservices.routeer(signaal, eigenaar=ontvanger,
                            reden=f"Noodrem tegen de werkwijze van {ontvanger.naam}: naar het bestuur, "
                                  f"met de kortste termijn; het opdrachtgevende ministerie is geïnformeerd.")
    return signaal, code


# --- Organisation's brake (red card) and the budget-floor signal ---------------------------------

def _getrokken_rode_kaarten(organisatie, periode: regels.Periode):
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
    telling = (_getrokken_rode_kaarten(organisatie, periode).annotate(besluit=laatste_besluit)
               .aggregate(getrokken=Count("pk"), teruggegeven=Count("pk", filter=Q(besluit=Besluit.OVERNEMEN))))
    return regels.Budget(regels.instelling("rode_kaart_per_periode"), telling["getrokken"], telling["teruggegeven"])


def mag_rode_kaart_trekken(user) -> bool:
    """The board of an implementing organisation (or municipality) with a principal ministry."""
    return bool(getattr(user, "is_authenticated", False) and user.organisatie_id and user.rol == Rol.BESTUUR
                and user.organisatie.soort != OrganisatieSoort.MINISTERIE
                and user.organisatie.opdrachtgever_id)


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
        _fout(fouten, "variant", "Kies ‘rode kaart’ of ‘budgetvloer’.")
    if variant == OrganisatieVariant.RODE_KAART:
        stand = budget(organisatie)
        if stand.resterend <= 0:
            periode = regels.periode_van(clock.today())
            _fout(fouten, "variant",
                  f"{organisatie.naam} heeft alle {stand.toegestaan} rode kaarten van deze periode "
                  f"(tot {periode.einde:%d-%m-%Y}) gebruikt. Een kaart komt terug zodra het ministerie een "
                  f"eerdere rode kaart overneemt.")
    if not (bewijs or "").strip() and not (bewijs_toelichting or "").strip():
        _fout(fouten, "bewijs", "Onderbouw de noodrem: noem signalen (kenmerken) of beschrijf de casussen.")
    if melding := regels.buiten_regeling(organisatie, regeling):
        _fout(fouten, "regeling", f"{melding} Een rode kaart of budgetvloer gaat over een regeling die uw "
                                  f"organisatie uitvoert.")
    ministerie = regels.ontvanger_organisatie(organisatie, regeling)
    signaal, rem, bewijssignalen = _nieuwe_rem(
        niveau=Niveau.ORGANISATIE, variant=variant, indiener=actor, indienende_organisatie=organisatie,
        praktijk_van=organisatie, regeling=regeling, titel=titel, praktijk=praktijk,
        getroffen_burgers=getroffen_burgers, beginselen=beginselen, moet_stoppen=moet_stoppen, artikelen=artikelen,
        verbetervoorstel=verbetervoorstel, bewijs=bewijs, bewijs_toelichting=bewijs_toelichting, openbaar=openbaar,
        anoniem=False, zichtbaar_voor=actor, fouten=fouten)
    _bewaar(signaal, rem, beginselen, bewijssignalen)
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


# --- Following a brake with the receipt code ------------------------------------------------------

def open_met_code(code: str):
    """The brake (a ``Signaal``) or citizen's brake (a ``Retoursticker``) of ``code``, or ``None``.

    Only the keyed hash is looked up, then compared in constant time."""
    schoon = regels.normaliseer(code)
    if schoon is None:
        return None
    berekend = regels.code_hashes(schoon)
    bewijs = Ontvangstbewijs.objects.select_related("signaal").filter(code_hash__in=berekend).first()
    if bewijs is not None and any(regels.zelfde_hash(bewijs.code_hash, h) for h in berekend):
        return bewijs.signaal
    sticker = Retoursticker.objects.select_related("organisatie").filter(code_hash__in=berekend).first()
    if sticker is not None and any(regels.zelfde_hash(sticker.code_hash, h) for h in berekend):
        return sticker
    return None


def _berichttekst(tekst: str) -> str:
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError({"tekst": "Schrijf een bericht."})
    if len(tekst) > MAX_BERICHT:
        raise ValidationError({"tekst": "Gebruik maximaal 5.000 tekens."})
    return tekst


@transaction.atomic
def bericht_van_melder(signaal: Signaal, *, tekst: str) -> Bericht:
    """The anonymous filer answers a question or adds information (after opening with the code)."""
    if not Ontvangstbewijs.objects.filter(signaal=signaal).exists():
        raise PermissionDenied("Alleen bij een anoniem getrokken noodrem kan de melder berichten sturen.")
    bericht = Bericht.objects.create(signaal=signaal, afzender=Afzender.MELDER, tekst=_berichttekst(tekst),
                                     geplaatst_op=clock.now())
    trail.record("bericht_van_melder", bericht, signaal=signaal, actor_omschrijving=ANONIEME_MELDER)
    if signaal.eigenaar_id:
        ontvangers = (notificaties.Adresboek().gebruikers(signaal.eigenaar_id, Rol.BESTUUR)
                      + notificaties.Adresboek().gebruikers(signaal.eigenaar_id, Rol.BEHANDELAAR))
        notificaties.meld(ontvangers, soort=Soort.TE_BEANTWOORDEN, signaal_id=signaal.pk,
                          link=notificaties.signaal_link(signaal.uuid),
                          onderwerp=f"Bericht van de melder: {signaal.kenmerk} {signaal.titel}",
                          tekst="De anonieme melder heeft een bericht gestuurd. Lees het bij de noodrem in Schakel.")
    return bericht


def mag_berichten_lezen(user, signaal: Signaal) -> bool:
    """The receiving organisation's staff (who may answer) read and write the thread."""
    return (bool(getattr(user, "is_authenticated", False)) and signaal.eigenaar_id is not None
            and user.organisatie_id == signaal.eigenaar_id
            and user.rol in signaalrechten.BEANTWOORDENDE_ROLLEN)


@transaction.atomic
def bericht_van_behandelaar(signaal: Signaal, *, actor, tekst: str) -> Bericht:
    """The handler asks the anonymous filer a question; the filer reads it with the code."""
    if not mag_berichten_lezen(actor, signaal):
        raise PermissionDenied("Alleen de organisatie die de noodrem ontving, kan de melder berichten sturen.")
    if not Ontvangstbewijs.objects.filter(signaal=signaal).exists():
        raise ValidationError({"tekst": "Deze noodrem is niet anoniem getrokken: neem gewoon contact op met de "
                                        "indienende organisatie."})
    bericht = Bericht.objects.create(signaal=signaal, afzender=Afzender.BEHANDELAAR, tekst=_berichttekst(tekst),
                                     organisatie_id=actor.organisatie_id, auteur=actor, geplaatst_op=clock.now())
    trail.record("bericht_aan_melder", bericht, actor=actor, signaal=signaal)
    return bericht


# --- Citizen's brake (retoursticker) ------------------------------------------------------------

def organisaties_voor_burgers():
    return Organisatie.objects.exclude(soort=OrganisatieSoort.KAMERCOMMISSIE).order_by("naam")


@transaction.atomic
def stuur_retoursticker(*, organisatie, brief: str, reden: str, toelichting: str = "",
                        contactgegevens: str) -> tuple[Retoursticker, str]:
    """A citizen (no account) sends a letter or decision back. Returns the sticker and its receipt code.

    The contact details and the citizen's words may hold personal data — they are needed to
    call back — and are internal: only the organisation sees them. The letter's name is
    counted publicly, so it may hold none."""
    fouten: dict = {}
    brief = (brief or "").strip()
    toelichting = (toelichting or "").strip()
    contactgegevens = (contactgegevens or "").strip()
    if organisatie is None:
        _fout(fouten, "organisatie", "Kies de organisatie die de brief stuurde.")
    elif organisatie.soort == OrganisatieSoort.KAMERCOMMISSIE:
        _fout(fouten, "organisatie", "Kies de organisatie die de brief stuurde.")
    if not brief:
        _fout(fouten, "brief", "Noem de brief of het besluit, bijvoorbeeld de titel bovenaan de brief.")
    elif len(brief) > 200:
        _fout(fouten, "brief", "Gebruik maximaal 200 tekens.")
    else:
        for melding in persoonsgegevens.meldingen(brief):
            _fout(fouten, "brief", melding)
    if reden not in Reden.values:
        _fout(fouten, "reden", "Kies of u de brief niet begrijpt of onrechtvaardig vindt.")
    if len(toelichting) > 3000:
        _fout(fouten, "toelichting", "Gebruik maximaal 3.000 tekens.")
    if not contactgegevens:
        _fout(fouten, "contactgegevens", "Vul in hoe de organisatie u kan bereiken: een telefoonnummer of "
                                         "e-mailadres.")
    elif len(contactgegevens) > 300:
        _fout(fouten, "contactgegevens", "Gebruik maximaal 300 tekens.")
    if fouten:
        raise ValidationError(fouten)
    nu = clock.now()
    code = regels.nieuwe_code()
    sticker = Retoursticker.objects.create(
        organisatie=organisatie, brief=brief, brief_sleutel=regels.brief_sleutel(brief), reden=reden,
        toelichting=toelichting, contactgegevens=contactgegevens, ingediend_op=nu,
        contact_uiterlijk=kalender.uiterste_datum(nu, regels.instelling("retoursticker_werkdagen")),
        code_hash=regels.code_hash(regels.normaliseer(code)),
    )
    trail.record("retoursticker_ontvangen", sticker, actor_omschrijving=ANONIEME_BURGER,
                 na={"organisatie": organisatie.afkorting, "brief": brief, "reden": reden,
                     "contact_uiterlijk": sticker.contact_uiterlijk})
    notificaties.meld(
        notificaties.Adresboek().gebruikers(organisatie.pk, Rol.BEHANDELAAR), soort=Soort.TE_BEANTWOORDEN,
        onderwerp=f"Retoursticker: {brief}",
        tekst=(f"Een burger heeft de brief ‘{brief}’ teruggestuurd ({sticker.get_reden_display().lower()}). "
               f"Neem uiterlijk {sticker.contact_uiterlijk:%d-%m-%Y} contact op."),
    )
    _signaleer_na_sticker(sticker)  # counts per letter feed the organisation's signals
    return sticker, code


def mag_retourstickers_behandelen(user, organisatie) -> bool:
    return (bool(getattr(user, "is_authenticated", False)) and user.organisatie_id == organisatie.pk
            and user.rol in signaalrechten.BEANTWOORDENDE_ROLLEN)


def mag_tellingen_zien(user, organisatie) -> bool:
    """Who reads the counts per letter with their signals in the API: the organisation's
    handlers, board or minister, and those of its principal ministry."""
    if not getattr(user, "is_authenticated", False) or user.rol not in signaalrechten.BEANTWOORDENDE_ROLLEN:
        return False
    return user.organisatie_id is not None and user.organisatie_id in (organisatie.pk, organisatie.opdrachtgever_id)


@transaction.atomic
def registreer_contact(sticker: Retoursticker, *, actor, uitkomst: str) -> Retoursticker:
    sticker = Retoursticker.objects.select_for_update(of=("self",)).get(pk=sticker.pk)
    if not mag_retourstickers_behandelen(actor, sticker.organisatie):
        raise PermissionDenied("Alleen de organisatie die de brief stuurde, kan het contact vastleggen.")
    if sticker.contact_op is not None:
        raise ValidationError({"uitkomst": "Het contact is al vastgelegd."})
    uitkomst = (uitkomst or "").strip()
    if not uitkomst:
        raise ValidationError({"uitkomst": "Beschrijf kort wat het contact opleverde."})
    if len(uitkomst) > 3000:
        raise ValidationError({"uitkomst": "Gebruik maximaal 3.000 tekens."})
    sticker.contact_op, sticker.contact_door, sticker.uitkomst = clock.now(), actor, uitkomst
    sticker.save(update_fields=["contact_op", "contact_door", "uitkomst"])
    te_laat = kalender.lokale_datum(sticker.contact_op) > sticker.contact_uiterlijk
    trail.record("retoursticker_contact", sticker, actor=actor,
                 na={"contact_op": sticker.contact_op, "te_laat": te_laat})
    return sticker


def tellingen_per_brief(organisatie) -> list[dict]:
    """Per letter or process: how often it was sent back, why, how many are open, late or put
    before the board, how many in the threshold's window, and the letter's latest signal
    (``signaal``: uuid, kenmerk, status, or ``None``). Public: holds no contact details or
    citizens' words."""
    vandaag = clock.today()
    drempel = regels.Drempel.uit_instellingen()
    rijen = list(
        Retoursticker.objects.filter(organisatie=organisatie).values("brief_sleutel")
        .annotate(aantal=Count("pk"),
                  onbegrijpelijk=Count("pk", filter=Q(reden=Reden.ONBEGRIJPELIJK)),
                  onrechtvaardig=Count("pk", filter=Q(reden=Reden.ONRECHTVAARDIG)),
                  open=Count("pk", filter=Q(contact_op__isnull=True)),
                  te_laat=Count("pk", filter=Q(contact_op__isnull=True, contact_uiterlijk__lt=vandaag)),
                  geescaleerd=Count("pk", filter=Q(geescaleerd_op__isnull=False)),
                  in_periode=Count("pk", filter=Q(ingediend_op__gte=drempel.venster_begin(clock.now()))))
        .order_by("-aantal", "brief_sleutel")
    )
    signalen: dict[str, dict] = {}
    for sleutel, pk, uuid, status in (Retoursticker.objects.filter(organisatie=organisatie, signaal__isnull=False)
                                      .order_by("brief_sleutel", "-signaal__ingediend_op", "-signaal_id")
                                      .values_list("brief_sleutel", "signaal_id", "signaal__uuid", "signaal__status")
                                      .distinct()):
        signalen.setdefault(sleutel, {"uuid": uuid, "kenmerk": f"SIG-{pk:06d}", "status": status})
    for rij in rijen:
        rij["signaal"] = signalen.get(rij["brief_sleutel"])
    return rijen


# --- Counts per letter feed the organisation's signals ----------------------------------------------

RETOURSTICKERS = "retourstickers"  # the audit trail's actor for a signal made from counts (no person)


def _open_briefsignaal(organisatie, sleutel: str) -> Signaal | None:
    """The signal about this letter that is still waiting for an answer, if any: one per letter."""
    return (Signaal.objects.filter(retourstickers__organisatie=organisatie, retourstickers__brief_sleutel=sleutel)
            .exclude(status__in=(Status.BEANTWOORD, Status.NIET_ONTVANKELIJK)).distinct().order_by("-ingediend_op", "-id").first())


def regeling_voor_brief(organisatie):
    """The regulation a signal about one of ``organisatie``'s letters names (a signal always
    names one): of the regulations it executes — or, if none is registered, those its
    signals are about — the one most of its signals are about; ties by title."""
    kandidaten = list(Regeling.objects.filter(uitvoerders=organisatie))
    if not kandidaten:
        kandidaten = list(Regeling.objects.filter(
            pk__in=Signaal.objects.filter(Q(eigenaar=organisatie) | Q(indienende_organisatie=organisatie))
            .values("regeling_id")))
    if not kandidaten:
        return None
    gebruik = dict(Signaal.objects.filter(Q(eigenaar=organisatie) | Q(indienende_organisatie=organisatie),
                                          regeling__in=kandidaten)
                   .order_by().values_list("regeling_id").annotate(n=Count("pk")))
    return min(kandidaten, key=lambda r: (-gebruik.get(r.pk, 0), r.titel, r.pk))


def _briefnaam(stickers) -> str:
    """How the letter is named: the most recent wording a citizen used (checked for personal data)."""
    return stickers.order_by("-ingediend_op", "-id").values_list("brief", flat=True).first() or ""


def _signaaltekst(organisatie, brief: str, telling: dict, drempel: regels.Drempel) -> dict:
    """The texts of a signal made from counts: only numbers, the letter's name and the reasons."""
    redenen = []
    if telling["onbegrijpelijk"]:
        redenen.append(f"{telling['onbegrijpelijk']} keer omdat burgers de brief niet begrijpen")
    if telling["onrechtvaardig"]:
        redenen.append(f"{telling['onrechtvaardig']} keer omdat burgers de brief of het besluit onrechtvaardig vinden")
    voorstellen = []
    if telling["onbegrijpelijk"]:
        voorstellen.append("Herschrijf de brief in begrijpelijke taal en test hem met mensen die hem ontvangen.")
    if telling["onrechtvaardig"]:
        voorstellen.append("Toets het besluit en de werkwijze achter de brief op evenredigheid, en gebruik waar "
                           "nodig de ruimte die de regeling biedt (zoals een hardheidsclausule).")
    titel = f"Brief vaak teruggestuurd: {brief}"
    return {
        "titel": titel if len(titel) <= 200 else titel[:199] + "…",
        "praktijk": (
            f"Burgers stuurden de brief of het besluit ‘{brief}’ van {organisatie.naam} in de afgelopen "
            f"{drempel.dagen} dagen {telling['aantal']} keer terug met een retoursticker (de noodrem van een "
            f"burger): {' en '.join(redenen)}. De drempel is {drempel.aantal} retourstickers in {drempel.dagen} "
            f"dagen.\n\nDit signaal is automatisch gemaakt uit de telling per brief. Het bevat alleen aantallen en "
            f"redenen, geen gegevens van burgers. Latere retourstickers over deze brief worden aan dit signaal "
            f"gekoppeld zolang het niet is beantwoord."),
        "getroffen_burgers": f"Burgers die de brief of het besluit ‘{brief}’ van {organisatie.naam} ontvangen.",
        "verbetervoorstel": " ".join(voorstellen),
    }


def _telling(stickers) -> dict:
    return stickers.aggregate(aantal=Count("pk"), onbegrijpelijk=Count("pk", filter=Q(reden=Reden.ONBEGRIJPELIJK)),
                              onrechtvaardig=Count("pk", filter=Q(reden=Reden.ONRECHTVAARDIG)))


@transaction.atomic
def signaleer_brief(organisatie, sleutel: str) -> Signaal | None:
    """Let the count of one letter feed the organisation's signals. Idempotent.

    Retourstickers about the letter from the last ``retoursticker_drempel_dagen`` days that
    are not yet linked to a signal are linked to the letter's open (unanswered) signal; if
    there is none and they reach ``retoursticker_drempel``, one signal is filed — without a
    filing organisation or person, only counts, the letter's name and the reasons — and
    routed like every signal: to the organisation that sent the letter, which must comply
    or explain within the signal's term. Returns the letter's open signal, or ``None``.
    """
    # Lock the organisation: two stickers arriving at once cannot file two signals.
    organisatie = Organisatie.objects.select_for_update(of=("self",)).get(pk=organisatie.pk)
    drempel = regels.Drempel.uit_instellingen()
    los = Retoursticker.objects.filter(organisatie=organisatie, brief_sleutel=sleutel, signaal__isnull=True,
                                       ingediend_op__gte=drempel.venster_begin(clock.now()))
    signaal = _open_briefsignaal(organisatie, sleutel)
    if signaal is not None:
        gekoppeld = los.update(signaal=signaal)
        if gekoppeld:
            trail.record("retourstickers_gekoppeld", signaal, signaal=signaal, actor_omschrijving=RETOURSTICKERS,
                         na={"brief": sleutel, "gekoppeld": gekoppeld, "totaal": signaal.retourstickers.count()},
                         toelichting=f"{text.aantal(gekoppeld, 'nieuwe retoursticker', 'nieuwe retourstickers')} over deze brief gekoppeld.")
        return signaal
    telling = _telling(los)
    if not drempel.bereikt(telling["aantal"]):
        return None
    regeling = regeling_voor_brief(organisatie)
    if regeling is None:
        log.warning("Retourstickers for %s/%s crossed the threshold, but %s executes no known regulation",
                    organisatie.afkorting, sleutel, organisatie.afkorting)
        return None
    brief = _briefnaam(los)
    signaal = Signaal(soort=SignaalSoort.SIGNAAL, regeling=regeling, indienende_organisatie=None, indiener=None,
                      openbaar=True, ingediend_op=clock.now(), **_signaaltekst(organisatie, brief, telling, drempel))
    signaal.zoektekst = zoektekst_voor(signaal)
    signaalservices.valideer_signaal(signaal)
    signaal.save()
    los.update(signaal=signaal)
    trail.record("ingediend", signaal, signaal=signaal, actor_omschrijving=RETOURSTICKERS,
                 na={"titel": signaal.titel, "regeling": regeling.bwb_id, "soort": signaal.soort,
                     "indienende_organisatie": None, "brief": sleutel, "aantal": telling["aantal"],
                     "onbegrijpelijk": telling["onbegrijpelijk"], "onrechtvaardig": telling["onrechtvaardig"]},
                 toelichting=(f"Drempel bereikt: {telling['aantal']} retourstickers in {drempel.dagen} dagen "
                              f"(drempel {drempel.aantal})."))
    signaalservices.routeer(signaal, eigenaar=organisatie,
                            reden=f"Retourstickers over een brief van {organisatie.naam}: {organisatie.naam} "
                                  f"moet reageren.")
    return signaal


def _signaleer_na_sticker(sticker: Retoursticker) -> None:
    """The submission hook: a citizen's sticker never fails because its letter's signal cannot be made."""
    try:
        with transaction.atomic():
            signaleer_brief(sticker.organisatie, sticker.brief_sleutel)
    except ValidationError:
        log.exception("Could not file the signal for letter %r of %s", sticker.brief_sleutel,
                      sticker.organisatie.afkorting)


def signaleer_brieven() -> int:
    """The sweep's part: every letter whose unlinked stickers reach the threshold (e.g. after
    the threshold was lowered) gets its signal. Returns how many signals were filed."""
    drempel = regels.Drempel.uit_instellingen()
    groepen = (Retoursticker.objects.filter(signaal__isnull=True,
                                            ingediend_op__gte=drempel.venster_begin(clock.now()))
               .order_by().values_list("organisatie_id", "brief_sleutel").annotate(n=Count("pk"))
               .filter(n__gte=drempel.aantal))
    nieuw = 0
    organisaties = {o.pk: o for o in Organisatie.objects.filter(pk__in={g[0] for g in groepen})}
    for organisatie_id, sleutel, _ in list(groepen):
        organisatie = organisaties[organisatie_id]
        had_signaal = _open_briefsignaal(organisatie, sleutel) is not None
        try:
            with transaction.atomic():
                signaal = signaleer_brief(organisatie, sleutel)
        except ValidationError:
            log.exception("Could not file the signal for letter %r of organisation %s", sleutel, organisatie_id)
            continue
        nieuw += signaal is not None and not had_signaal
    return nieuw


# --- A missed contact term escalates to the board -----------------------------------------------------

class _Gewijzigd(Exception):
    """Another process escalated or contacted stickers of this organisation meanwhile: roll back."""


@transaction.atomic
def _escaleer_organisatie(organisatie, peildatum, moment) -> int:
    qs = Retoursticker.objects.te_escaleren(peildatum).filter(organisatie=organisatie)
    if connection.features.has_select_for_update_skip_locked:
        qs = qs.select_for_update(skip_locked=True, of=("self",))  # a contact being recorded: next run
    stickers = list(qs.order_by("contact_uiterlijk", "id"))
    if not stickers:
        return 0
    # Conditional update: a sticker escalated (or contacted) by another run in between is not counted twice.
    ids = [s.pk for s in stickers]
    if Retoursticker.objects.filter(pk__in=ids, geescaleerd_op__isnull=True, contact_op__isnull=True).update(
            geescaleerd_op=moment) != len(ids):
        raise _Gewijzigd(organisatie.afkorting)
    bestuur = ladder.ROL_PER_TREDE[ladder.Trede.BESTUUR]
    for sticker in stickers:
        trail.record(
            "retoursticker_geescaleerd", sticker, actor_omschrijving=SYSTEEM,
            voor={"trede": ladder.Trede.BEHANDELAAR.label.lower(), "contact_uiterlijk": sticker.contact_uiterlijk},
            na={"trede": ladder.Trede.BESTUUR.label.lower(), "organisatie": organisatie.afkorting,
                "geescaleerd_op": moment},
            toelichting=(f"De termijn om de burger te bellen over ‘{sticker.brief}’ verstreek op "
                         f"{sticker.contact_uiterlijk:%d-%m-%Y} zonder contact. Voorgelegd aan het bestuur van "
                         f"{organisatie.naam}."))
    link = f"/organisaties/{organisatie.afkorting}/retourstickers"
    regels_tekst = "\n".join(f"- ‘{s.brief}’: contact uiterlijk {s.contact_uiterlijk:%d-%m-%Y}" for s in stickers[:20])
    if len(stickers) > 20:
        regels_tekst += f"\n- en {len(stickers) - 20} meer"
    adresboek = notificaties.Adresboek()
    notificaties.meld(
        adresboek.gebruikers(organisatie.pk, bestuur), soort=Soort.GEESCALEERD, link=link,
        onderwerp=f"Naar u geëscaleerd: {text.aantal(len(stickers), 'burger', 'burgers')} niet op tijd gebeld",
        tekst=(f"{organisatie.naam} heeft {text.aantal(len(stickers), 'burger', 'burgers')} die een brief terugstuurden niet binnen de "
               f"termijn gebeld:\n{regels_tekst}\nZorg dat zij alsnog worden gebeld en dat het contact in "
               f"Schakel wordt vastgelegd."))
    notificaties.meld(
        adresboek.gebruikers(organisatie.pk, Rol.BEHANDELAAR), soort=Soort.TERMIJN_OVERSCHREDEN, link=link,
        onderwerp=f"Termijn overschreden: {text.aantal(len(stickers), 'retoursticker', 'retourstickers')} zonder contact",
        tekst=(f"De termijn om contact op te nemen is verstreken bij:\n{regels_tekst}\nDe zaak is voorgelegd "
               f"aan het bestuur. Bel {'de burger' if len(stickers) == 1 else 'de burgers'} alsnog en leg het contact vast."))
    return len(stickers)


def escaleer_retourstickers(peildatum=None) -> int:
    """Put every sticker whose contact term passed without contact before the organisation's
    board: notification (``geescaleerd``) to the board, ``termijn_overschreden`` to the
    handlers, an audit event per sticker. Idempotent: a sticker is escalated once
    (``geescaleerd_op``), however often the sweep runs. One transaction per organisation."""
    peildatum = peildatum or clock.today()
    moment = clock.now()
    organisatie_ids = set(Retoursticker.objects.te_escaleren(peildatum).values_list("organisatie_id", flat=True))
    aantal = 0
    for organisatie in Organisatie.objects.filter(pk__in=organisatie_ids).order_by("pk"):
        try:
            aantal += _escaleer_organisatie(organisatie, peildatum, moment)
        except _Gewijzigd:
            log.warning("Retourstickers of %s changed during the sweep; the next run escalates them",
                        organisatie.afkorting)
    return aantal
