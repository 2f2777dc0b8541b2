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

import re
from typing import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery

from schakel.accounts.models import Rol
from schakel.audit import trail
from schakel.core import clock
from schakel.notificaties import services as notificaties
from schakel.notificaties.models import Soort
from schakel.organisaties.models import Organisatie, OrganisatieSoort
from schakel.privacy import persoonsgegevens
from schakel.signalen import rechten as signaalrechten
from schakel.signalen import services as signaalservices
from schakel.signalen.models import Besluit, Reactie, Signaal, SignaalSoort
from schakel.signalen.zoeken import zoektekst_voor
from schakel.termijnen import kalender

from . import regels
from .models import (Afzender, Bericht, Niveau, Noodrem, Ontvangstbewijs, OrganisatieVariant, Reden,
                     Retoursticker)

ANONIEME_MELDER = "anonieme melder"
ANONIEME_BURGER = "anonieme burger"
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
    if indienende_organisatie is None:
        _fout(fouten, "indienende_organisatie", "Kies de organisatie waar u werkt.")
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
    (``anoniem``, or without an account) nothing about the filer is stored but the
    organisation they say they work at; they get a receipt code, returned here and shown
    once. With an account and not anonymous, the filer follows it in Schakel.
    Returns ``(signaal, code or None)``.
    """
    ingelogd = bool(getattr(gebruiker, "is_authenticated", False))
    anoniem = anoniem or not ingelogd
    fouten: dict = {}
    if not anoniem:
        if not signaalrechten.mag_indienen(gebruiker):
            raise PermissionDenied("Alleen medewerkers van een organisatie kunnen onder eigen account een noodrem "
                                   "trekken; trek hem anders anoniem.")
        indienende_organisatie = gebruiker.organisatie
    if praktijk_van is None:
        _fout(fouten, "praktijk_van", "Kies de organisatie waarvan de werkwijze of instructie moet stoppen.")
    elif praktijk_van.soort == OrganisatieSoort.KAMERCOMMISSIE:
        _fout(fouten, "praktijk_van", "Een noodrem gaat naar een uitvoeringsorganisatie, gemeente of ministerie, "
                                      "niet naar een Kamercommissie.")
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
                     "indienende_organisatie": indienende_organisatie.afkorting, "anoniem": anoniem})
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
        signaal__ingediend_op__date__gte=periode.begin, signaal__ingediend_op__date__lt=periode.einde,
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
    ministerie = regels.ontvanger_organisatie(organisatie)
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
    berekend = regels.code_hash(schoon)
    bewijs = Ontvangstbewijs.objects.select_related("signaal").filter(code_hash=berekend).first()
    if bewijs is not None and regels.zelfde_hash(bewijs.code_hash, berekend):
        return bewijs.signaal
    sticker = Retoursticker.objects.select_related("organisatie").filter(code_hash=berekend).first()
    if sticker is not None and regels.zelfde_hash(sticker.code_hash, berekend):
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
    return sticker, code


def mag_retourstickers_behandelen(user, organisatie) -> bool:
    return (bool(getattr(user, "is_authenticated", False)) and user.organisatie_id == organisatie.pk
            and user.rol in signaalrechten.BEANTWOORDENDE_ROLLEN)


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
    """Per letter or process: how often it was sent back, why, and how many are open or late.
    Public: holds no contact details or citizens' words."""
    vandaag = clock.today()
    return list(
        Retoursticker.objects.filter(organisatie=organisatie).values("brief_sleutel")
        .annotate(aantal=Count("pk"),
                  onbegrijpelijk=Count("pk", filter=Q(reden=Reden.ONBEGRIJPELIJK)),
                  onrechtvaardig=Count("pk", filter=Q(reden=Reden.ONRECHTVAARDIG)),
                  open=Count("pk", filter=Q(contact_op__isnull=True)),
                  te_laat=Count("pk", filter=Q(contact_op__isnull=True, contact_uiterlijk__lt=vandaag)))
        .order_by("-aantal", "brief_sleutel")
    )
