"""Use cases of the uitvoeringstoets and invoeringstoets.

Each function checks permissions, validates, changes state and records an audit event in
one transaction. Errors: ``ValidationError`` with field keys, ``PermissionDenied``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from schakel.accounts.models import Rol
from schakel.audit import trail
from schakel.core import clock
from schakel.core.fouten import Fouten
from schakel.notificaties import services as notificaties
from schakel.notificaties.models import Soort
from schakel.organisaties.models import OrganisatieSoort
from schakel.privacy import persoonsgegevens
from schakel.signalen import antwoordregels, toelichting
from schakel.signalen.models import Besluit
from schakel.termijnen import kalender
from schakel.termijnen.services import datum_nl

from . import rechten, termijnen
from .models import (
    Antwoord, Fase, Invoeringsrapportage, Invoeringstoets, InvoeringstoetsStatus, Oordeel, TermijnUitkomst,
    ToetsStatus, Uitvoeringstoets, Voorstel, VoorstelStatus,
)

MIN_REDEN_WIJZIGING = 20
TOETS_TEKSTVELDEN = ("voorwaarden", "doenvermogen", "risicos", "alternatieven", "dilemmas", "afwijkend_standpunt")


def _privacy(velden: dict[str, str], fouten: Fouten) -> None:
    """Assessments and reports are public: they may hold no personal data."""
    fouten.neem_over(persoonsgegevens.controleer_velden(velden))


# --- proposals ------------------------------------------------------------------------------

def _vraag_toetsen(voorstel: Voorstel, organisaties: Iterable) -> list[Uitvoeringstoets]:
    nu = clock.now()
    toetsen = []
    for org in organisaties:
        toets = Uitvoeringstoets.objects.create(voorstel=voorstel, organisatie=org, ronde=voorstel.ronde,
                                                gevraagd_op=nu)
        termijnen.start(toets, Fase.BEOORDELING,
                        onderwerp=f"Uitvoeringstoets gevraagd: {voorstel.kamerstuk}",
                        tekst=(f"{voorstel.ministerie.naam} vraagt {org.naam} om een uitvoeringstoets op "
                               f"{voorstel.get_soort_display().lower()} {voorstel.kamerstuk}: {voorstel.titel}."))
        toetsen.append(toets)
    return toetsen


@transaction.atomic
def registreer(*, actor, soort: str, titel: str, kamerstuk: str, omschrijving: str, ministerie, kamercommissie,
               regelingen: Iterable = (), uitvoerders: Iterable = (), openbaar: bool = True) -> Voorstel:
    """Register a proposal and ask every implementer for an uitvoeringstoets, each with a term."""
    if not rechten.mag_registreren(actor):
        raise PermissionDenied("Alleen een ministerie of een Kamercommissie (griffie) kan een voorstel registreren.")
    regelingen, uitvoerders = list(regelingen), list(uitvoerders)
    voorstel = Voorstel(soort=soort, titel=(titel or "").strip(), kamerstuk=" ".join((kamerstuk or "").split()),
                        omschrijving=(omschrijving or "").strip(), ministerie=ministerie,
                        kamercommissie=kamercommissie, openbaar=openbaar, geregistreerd_op=clock.now(),
                        geregistreerd_door=actor)
    fouten = Fouten()
    try:
        voorstel.full_clean(exclude=["geregistreerd_door"])
    except ValidationError as e:
        fouten.neem_over(e)
    if ministerie is not None and ministerie.soort != OrganisatieSoort.MINISTERIE:
        fouten.voeg_toe("ministerie", "Kies een ministerie.")
    if kamercommissie is not None and kamercommissie.soort != OrganisatieSoort.KAMERCOMMISSIE:
        fouten.voeg_toe("kamercommissie", "Kies een Kamercommissie.")
    if not actor.is_superuser and ministerie is not None and kamercommissie is not None:
        if actor.rol == Rol.GRIFFIE and kamercommissie.pk != actor.organisatie_id:
            fouten.voeg_toe("kamercommissie", "U kunt alleen voorstellen voor uw eigen commissie registreren.")
        if actor.rol != Rol.GRIFFIE and ministerie.pk != actor.organisatie_id:
            fouten.voeg_toe("ministerie", "U kunt alleen voorstellen van uw eigen ministerie registreren.")
    if not uitvoerders:
        fouten.voeg_toe("uitvoerders", "Kies ten minste één organisatie die het voorstel gaat uitvoeren.")
    elif any(o.soort in (OrganisatieSoort.KAMERCOMMISSIE, OrganisatieSoort.MINISTERIE) for o in uitvoerders):
        fouten.voeg_toe("uitvoerders",
                        "Uitvoerders zijn uitvoeringsorganisaties of gemeenten, geen ministerie of Kamercommissie.")
    _privacy({"titel": voorstel.titel, "omschrijving": voorstel.omschrijving}, fouten)
    fouten.gooi()
    voorstel.save()
    voorstel.regelingen.set(regelingen)
    voorstel.uitvoerders.set(uitvoerders)
    trail.record("voorstel_geregistreerd", voorstel, actor=actor,
                 na={"kamerstuk": voorstel.kamerstuk, "soort": soort, "ministerie": ministerie.afkorting,
                     "kamercommissie": kamercommissie.afkorting,
                     "regelingen": [r.bwb_id for r in regelingen], "uitvoerders": [o.afkorting for o in uitvoerders]})
    _vraag_toetsen(voorstel, sorted(uitvoerders, key=lambda o: o.naam))
    return voorstel


@transaction.atomic
def wijzig(voorstel: Voorstel, *, actor, omschrijving: str, reden: str, kamerstuk: str = "") -> Voorstel:
    """Record a change to the proposal (e.g. an amendment) and re-open the check: a new round.

    Open requests of the current round lapse (their terms close as ``vervallen``); every
    implementer is asked again. Earlier assessments and answers stay visible.
    """
    voorstel = Voorstel.objects.select_for_update(of=("self",)).get(pk=voorstel.pk)
    if not rechten.mag_wijzigen(actor, voorstel):
        raise PermissionDenied("Alleen het ministerie of de Kamercommissie van dit voorstel kan het wijzigen.")
    fouten = Fouten()
    omschrijving, reden = (omschrijving or "").strip(), (reden or "").strip()
    kamerstuk = " ".join((kamerstuk or "").split()) or voorstel.kamerstuk
    if not omschrijving:
        fouten.voeg_toe("omschrijving", "Beschrijf wat het voorstel na de wijziging inhoudt.")
    if len(reden) < MIN_REDEN_WIJZIGING:
        fouten.voeg_toe("reden", f"Licht in ten minste {MIN_REDEN_WIJZIGING} tekens toe wat er is gewijzigd en "
                        "waarom de uitvoerders opnieuw moeten toetsen.")
    try:
        Voorstel._meta.get_field("kamerstuk").run_validators(kamerstuk)
    except ValidationError as e:
        fouten.voeg_toe("kamerstuk", *e.messages)
    _privacy({"omschrijving": omschrijving, "reden": reden}, fouten)
    fouten.gooi()
    voor = {"ronde": voorstel.ronde, "kamerstuk": voorstel.kamerstuk}
    for toets in voorstel.toetsen_in_ronde().exclude(status=ToetsStatus.BEANTWOORD):
        # a submitted assessment keeps its verdict (still shown), but the minister answers the new round
        termijnen.sluit(toets, TermijnUitkomst.VERVALLEN)
        Uitvoeringstoets.objects.filter(pk=toets.pk).update(status=ToetsStatus.VERVALLEN)
    voorstel.ronde += 1
    voorstel.omschrijving = omschrijving
    voorstel.kamerstuk = kamerstuk
    voorstel.status = VoorstelStatus.IN_TOETS
    voorstel.save(update_fields=["ronde", "omschrijving", "kamerstuk", "status"])
    trail.record("voorstel_gewijzigd", voorstel, actor=actor, voor=voor,
                 na={"ronde": voorstel.ronde, "kamerstuk": kamerstuk}, toelichting=reden)
    _vraag_toetsen(voorstel, voorstel.uitvoerders.order_by("naam"))
    return voorstel


# --- assessments and answers ----------------------------------------------------------------

# What an uitvoeringstoets always needs, and the message when it is missing (the form shows the same).
VERPLICHT = {
    "doenvermogen": "Beschrijf wat het voorstel vraagt van burgers (doenvermogen), ook als dat weinig is.",
    "risicos": "Noem de belangrijkste risico's voor de uitvoering.",
    "kosten_eenmalig": "Vul de eenmalige kosten in euro's in (0 als er geen eenmalige kosten zijn).",
    "kosten_structureel": "Vul de structurele kosten in euro's per jaar in (0 als er geen structurele kosten zijn).",
}


@transaction.atomic
def dien_toets_in(toets: Uitvoeringstoets, *, actor, oordeel: str, voorwaarden: str = "",
                  invoeringstijd_maanden: int | None = None, doenvermogen: str = "",
                  kosten_eenmalig: int | None = None, kosten_structureel: int | None = None, risicos: str = "",
                  alternatieven: str = "", dilemmas: str = "", afwijkend_standpunt: str = "") -> Uitvoeringstoets:
    """The implementer returns its structured feasibility assessment; the minister's answer term starts."""
    toets = Uitvoeringstoets.objects.select_for_update(of=("self",)).select_related(
        "voorstel__ministerie", "organisatie").get(pk=toets.pk)
    if not rechten.mag_beoordelen(actor, toets):
        if toets.status != ToetsStatus.GEVRAAGD and actor.organisatie_id == toets.organisatie_id:
            raise ValidationError({"status": "Deze uitvoeringstoets is al ingediend of vervallen."})
        raise PermissionDenied("Alleen behandelaars en bestuur van de gevraagde uitvoerder kunnen deze toets indienen.")
    teksten = {"voorwaarden": voorwaarden, "doenvermogen": doenvermogen, "risicos": risicos,
               "alternatieven": alternatieven, "dilemmas": dilemmas, "afwijkend_standpunt": afwijkend_standpunt}
    teksten = {k: (v or "").strip() for k, v in teksten.items()}
    fouten = Fouten()

    if oordeel not in Oordeel.values:
        fouten.voeg_toe("oordeel", "Kies een oordeel: uitvoerbaar, uitvoerbaar onder voorwaarden of niet uitvoerbaar.")
    if oordeel == Oordeel.ONDER_VOORWAARDEN and not teksten["voorwaarden"]:
        fouten.voeg_toe("voorwaarden", "Noem de voorwaarden waaronder het voorstel uitvoerbaar is.")
    if oordeel in (Oordeel.UITVOERBAAR, Oordeel.ONDER_VOORWAARDEN) and invoeringstijd_maanden is None:
        fouten.voeg_toe("invoeringstijd_maanden", "Geef aan hoeveel maanden de uitvoering nodig heeft om in te voeren (0 kan).")
    if invoeringstijd_maanden is not None and not 0 <= invoeringstijd_maanden <= 120:
        fouten.voeg_toe("invoeringstijd_maanden", "Geef de invoeringstijd in maanden, van 0 tot en met 120.")
    if oordeel == Oordeel.NIET_UITVOERBAAR and not teksten["alternatieven"] and not teksten["dilemmas"]:
        fouten.voeg_toe("alternatieven", "Wie ‘niet uitvoerbaar’ oordeelt, legt de politiek alternatieven of dilemma's voor.")
    for veld in ("doenvermogen", "risicos"):
        if not teksten[veld]:
            fouten.voeg_toe(veld, VERPLICHT[veld])
    for veld, bedrag in (("kosten_eenmalig", kosten_eenmalig), ("kosten_structureel", kosten_structureel)):
        if bedrag is None:
            fouten.voeg_toe(veld, VERPLICHT[veld])
        elif bedrag < 0:
            fouten.voeg_toe(veld, "Een bedrag kan niet negatief zijn.")
    for veld, tekst in teksten.items():
        if len(tekst) > 10_000:
            fouten.voeg_toe(veld, "Maximaal 10.000 tekens.")
    _privacy(teksten, fouten)
    fouten.gooi()

    voor = {"status": toets.status}
    for veld, tekst in teksten.items():
        setattr(toets, veld, tekst)
    toets.oordeel, toets.invoeringstijd_maanden = oordeel, invoeringstijd_maanden
    toets.kosten_eenmalig, toets.kosten_structureel = kosten_eenmalig, kosten_structureel
    toets.status, toets.ingediend_op, toets.ingediend_door = ToetsStatus.INGEDIEND, clock.now(), actor
    toets.save()
    te_laat = termijnen.was_te_laat(toets, Fase.BEOORDELING)
    termijnen.sluit(toets, TermijnUitkomst.AFGEROND)
    trail.record("toets_ingediend", toets, actor=actor, voor=voor,
                 na={"status": toets.status, "oordeel": oordeel, "ronde": toets.ronde,
                     "afwijkend_standpunt": bool(teksten["afwijkend_standpunt"]), "te_laat": te_laat})
    voorstel = toets.voorstel
    termijnen.start(toets, Fase.ANTWOORD, onderwerp=f"Te beantwoorden: uitvoeringstoets {voorstel.kamerstuk}",
                    tekst=(f"{toets.organisatie.naam} oordeelt over {voorstel.kamerstuk} ({voorstel.titel}): "
                           f"{toets.get_oordeel_display().lower()}. Neem de voorwaarden en invoeringstijd over, "
                           f"of leg uit waarom niet."))
    return toets


def _maanden_later(datum: dt.date, maanden: int) -> dt.date:
    jaar, maand = divmod(datum.month - 1 + maanden, 12)
    jaar, maand = datum.year + jaar, maand + 1
    return dt.date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


def vroegste_invoeringsdatum(toets: Uitvoeringstoets, vandaag: dt.date | None = None) -> dt.date:
    """The earliest entry into force the implementer's lead time allows (a working day)."""
    vandaag = vandaag or clock.today()
    return kalender.eerste_werkdag_vanaf(_maanden_later(vandaag, toets.invoeringstijd_maanden or 0))


def _eerdere_uitleg(toets: Uitvoeringstoets, tekst: str) -> list[toelichting.EerdereToelichting]:
    """Explains given to other assessments (by any minister): a copy is boilerplate."""
    andere = (Antwoord.objects.filter(besluit=Besluit.NIET_OVERNEMEN).exclude(uitvoeringstoets=toets)
              .select_related("uitvoeringstoets").order_by("-gegeven_op")[:500])
    return [toelichting.EerdereToelichting(a.uitvoeringstoets.kenmerk, a.toelichting) for a in andere]


@transaction.atomic
def beantwoord(toets: Uitvoeringstoets, *, actor, besluit: str, toelichting_tekst: str, ondertekend_door: str,
               voorwaarden_overgenomen: bool = False, invoeringsdatum: dt.date | None = None) -> Antwoord:
    """The minister answers an assessment: comply (adopt conditions and lead time) or explain (why not)."""
    toets = Uitvoeringstoets.objects.select_for_update(of=("self",)).select_related(
        "voorstel__ministerie", "voorstel__kamercommissie", "organisatie").get(pk=toets.pk)
    if not rechten.mag_beantwoorden(actor, toets):
        if toets.status == ToetsStatus.BEANTWOORD and actor.organisatie_id == toets.voorstel.ministerie_id:
            raise ValidationError({"status": "Deze uitvoeringstoets is al beantwoord."})
        rechten.controleer_beantwoorden(actor, toets)
    tekst, ondertekend_door = (toelichting_tekst or "").strip(), (ondertekend_door or "").strip()
    fouten = Fouten()

    antwoordregels.ondertekend(fouten, ondertekend_door, "Een antwoord op een uitvoeringstoets is politiek: vul "
                                                         "de naam van de bewindspersoon in.")
    if besluit == Besluit.OVERNEMEN:
        antwoordregels.overnemen_vat_samen(fouten, tekst, "Vat samen hoe het advies wordt overgenomen.")
        if toets.voorwaarden and not voorwaarden_overgenomen:
            fouten.voeg_toe("voorwaarden_overgenomen", "Wie overneemt, neemt de voorwaarden van de uitvoerder over. "
                                                       "Neemt u ze niet over, kies dan ‘niet overnemen’ en leg uit "
                                                       "waarom.")
        if toets.invoeringstijd_maanden is not None:
            vroegste = vroegste_invoeringsdatum(toets)
            if invoeringsdatum is None:
                fouten.voeg_toe("invoeringsdatum", "Noem de datum van inwerkingtreding die u toezegt.")
            elif invoeringsdatum < vroegste:
                fouten.voeg_toe("invoeringsdatum", f"De uitvoerder vraagt {toets.invoeringstijd_maanden} maanden "
                                                   f"invoeringstijd: kies {datum_nl(vroegste)} of later, of kies "
                                                   f"‘niet overnemen’ en leg uit waarom het sneller moet.")
    elif besluit == Besluit.NIET_OVERNEMEN:
        antwoordregels.uitleg_neemt_niets_over(
            fouten, "besluit", bool(voorwaarden_overgenomen or invoeringsdatum),
            "Bij ‘niet overnemen’ worden geen voorwaarden of invoeringsdatum overgenomen.")
        antwoordregels.uitleg_overtuigt(fouten, tekst, _eerdere_uitleg(toets, tekst))
    else:
        antwoordregels.besluit_is_bekend(fouten, besluit)
    antwoordregels.toelichting_past(fouten, tekst)
    antwoordregels.zonder_persoonsgegevens(fouten, antwoordregels.publieke_velden(tekst))
    fouten.gooi()

    te_laat = termijnen.was_te_laat(toets, Fase.ANTWOORD)
    antwoord = Antwoord.objects.create(
        uitvoeringstoets=toets, besluit=besluit, toelichting=tekst, ondertekend_door=ondertekend_door,
        voorwaarden_overgenomen=bool(voorwaarden_overgenomen) and besluit == Besluit.OVERNEMEN,
        invoeringsdatum=invoeringsdatum if besluit == Besluit.OVERNEMEN else None,
        gegeven_op=clock.now(), auteur=actor, te_laat=te_laat)
    termijnen.sluit(toets, TermijnUitkomst.AFGEROND)
    toets.status = ToetsStatus.BEANTWOORD
    toets.save(update_fields=["status"])
    trail.record("toets_beantwoord", toets, actor=actor, voor={"status": ToetsStatus.INGEDIEND},
                 na={"status": toets.status, "besluit": besluit, "te_laat": te_laat,
                     "invoeringsdatum": antwoord.invoeringsdatum})
    voorstel = toets.voorstel
    if not voorstel.toetsen_in_ronde().exclude(status=ToetsStatus.BEANTWOORD).exists():
        Voorstel.objects.filter(pk=voorstel.pk).update(status=VoorstelStatus.AFGEROND)
    adresboek = notificaties.Adresboek()
    ontvangers = (adresboek.gebruikers(toets.organisatie_id, Rol.BEHANDELAAR)
                  + adresboek.gebruikers(toets.organisatie_id, Rol.BESTUUR))
    if te_laat:
        ontvangers += adresboek.gebruikers(voorstel.kamercommissie_id, Rol.GRIFFIE)
    notificaties.meld(ontvangers, soort=Soort.BEANTWOORD, link=termijnen.link(voorstel),
                      onderwerp=f"Beantwoord: uitvoeringstoets {voorstel.kamerstuk}",
                      tekst=(f"De bewindspersoon heeft de uitvoeringstoets van {toets.organisatie.naam} "
                             f"beantwoord: {antwoord.get_besluit_display().lower()}."))
    return antwoord


# --- invoeringstoets ------------------------------------------------------------------------

def geplande_datum(inwerkingtreding: dt.date) -> dt.date:
    """When the review is due: ``SCHAKEL_INVOERINGSTOETS_NA`` (``{"maanden": 12}`` or ``{"werkdagen": n}``)
    after entry into force, on a working day."""
    na = getattr(settings, "SCHAKEL_INVOERINGSTOETS_NA", {"maanden": 12})
    if "werkdagen" in na:
        return kalender.tel_werkdagen_op(inwerkingtreding, int(na["werkdagen"]))
    return kalender.eerste_werkdag_vanaf(_maanden_later(inwerkingtreding, int(na.get("maanden", 12))))


@transaction.atomic
def plan_invoeringstoets(*, actor, regeling, inwerkingtreding: dt.date, artikelen: str = "",
                         voorstel: Voorstel | None = None) -> tuple[Invoeringstoets, bool]:
    """Schedule the post-implementation review of ``regeling`` (or ``artikelen``) entering into force.

    Idempotent: the same regulation, articles and date give the same review (``False``: not new).
    """
    if not rechten.mag_invoeringstoets_plannen(actor, regeling):
        raise PermissionDenied("Alleen het ministerie dat eigenaar is van de regeling plant haar invoeringstoets.")
    artikelen = " ".join((artikelen or "").split())
    fouten = Fouten()
    if inwerkingtreding is None:
        fouten.voeg_toe("inwerkingtreding", "Vul de datum van inwerkingtreding in.")
    if len(artikelen) > 200:
        fouten.voeg_toe("artikelen", "Maximaal 200 tekens.")
    if voorstel is not None and not voorstel.regelingen.filter(pk=regeling.pk).exists():
        fouten.voeg_toe("voorstel", "Dit voorstel wijzigt deze regeling niet.")
    fouten.gooi()
    bestaand = Invoeringstoets.objects.filter(regeling=regeling, artikelen=artikelen,
                                              inwerkingtreding=inwerkingtreding).first()
    if bestaand:
        return bestaand, False
    try:
        with transaction.atomic():
            toets = Invoeringstoets.objects.create(regeling=regeling, artikelen=artikelen, voorstel=voorstel,
                                                   inwerkingtreding=inwerkingtreding,
                                                   gepland_op=geplande_datum(inwerkingtreding),
                                                   aangemaakt_op=clock.now())
    except IntegrityError:  # planned concurrently
        return Invoeringstoets.objects.get(regeling=regeling, artikelen=artikelen,
                                           inwerkingtreding=inwerkingtreding), False
    trail.record("invoeringstoets_gepland", toets, actor=actor,
                 na={"regeling": regeling.bwb_id, "artikelen": artikelen, "inwerkingtreding": inwerkingtreding,
                     "gepland_op": toets.gepland_op})
    return toets, True


def uitvoerders_van(toets: Invoeringstoets) -> list:
    """The implementers asked to report: the regulation's, plus those the proposal named."""
    from schakel.organisaties.models import Organisatie

    ids = set(toets.regeling.uitvoerders.values_list("pk", flat=True))
    if toets.voorstel_id:
        ids |= set(toets.voorstel.uitvoerders.values_list("pk", flat=True))
    return list(Organisatie.objects.filter(pk__in=ids).order_by("naam"))


@transaction.atomic
def vraag_rapportages(toets_id: int) -> bool:
    """A due review asks every implementer to report (once: a conditional update claims it)."""
    peildatum = clock.today()
    if not Invoeringstoets.objects.filter(pk=toets_id, status=InvoeringstoetsStatus.GEPLAND,
                                          gepland_op__lte=peildatum).update(
            status=InvoeringstoetsStatus.GEVRAAGD, gevraagd_op=clock.now(),
            rapportage_uiterlijk=kalender.tel_werkdagen_op(peildatum, termijnen.termijn("rapportage"))):
        return False
    toets = Invoeringstoets.objects.select_related("regeling").get(pk=toets_id)
    uitvoerders = uitvoerders_van(toets)
    adresboek = notificaties.Adresboek()
    for org in uitvoerders:
        Invoeringsrapportage.objects.create(invoeringstoets=toets, organisatie=org)
        notificaties.meld(
            adresboek.gebruikers(org.pk, Rol.BEHANDELAAR) + adresboek.gebruikers(org.pk, Rol.BESTUUR),
            soort=Soort.TOETS_TE_BEANTWOORDEN, link=f"/invoeringstoetsen/{toets.uuid}",
            onderwerp=f"Invoeringstoets: hoe werkt {toets.regeling.citeertitel or toets.regeling.titel}?",
            tekst=(f"{toets.regeling} is op {datum_nl(toets.inwerkingtreding)} in werking getreden. Meld uiterlijk "
                   f"{datum_nl(toets.rapportage_uiterlijk)} hoe het werkt voor burgers en voor uw organisatie."))
    trail.record("invoeringstoets_gevraagd", toets, na={"uitvoerders": [o.afkorting for o in uitvoerders],
                                                        "rapportage_uiterlijk": toets.rapportage_uiterlijk})
    return True


@transaction.atomic
def rapporteer(rapportage: Invoeringsrapportage, *, actor, werking_burgers: str,
               werking_uitvoering: str) -> Invoeringsrapportage:
    rapportage = Invoeringsrapportage.objects.select_for_update(of=("self",)).select_related(
        "invoeringstoets").get(pk=rapportage.pk)
    if not rechten.mag_rapporteren(actor, rapportage):
        raise PermissionDenied("Alleen behandelaars en bestuur van de gevraagde uitvoerder rapporteren, één keer.")
    teksten = {"werking_burgers": (werking_burgers or "").strip(),
               "werking_uitvoering": (werking_uitvoering or "").strip()}
    fouten = Fouten()
    if not teksten["werking_burgers"]:
        fouten.voeg_toe("werking_burgers", "Beschrijf hoe de regeling uitpakt voor burgers.")
    if not teksten["werking_uitvoering"]:
        fouten.voeg_toe("werking_uitvoering", "Beschrijf hoe de regeling uitpakt voor uw organisatie.")
    for veld, tekst in teksten.items():
        if len(tekst) > 10_000:
            fouten.voeg_toe(veld, "Maximaal 10.000 tekens.")
    _privacy(teksten, fouten)
    fouten.gooi()
    rapportage.werking_burgers, rapportage.werking_uitvoering = teksten["werking_burgers"], teksten["werking_uitvoering"]
    rapportage.ingediend_op, rapportage.ingediend_door = clock.now(), actor
    rapportage.save()
    trail.record("invoeringsrapportage_ingediend", rapportage, actor=actor,
                 na={"invoeringstoets": str(rapportage.invoeringstoets.uuid)})
    return rapportage
