"""The citizen's brake (retoursticker): a letter sent back, the contact term, the counts per
letter, and the signal those counts file."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q

from schakel.accounts.models import Rol
from schakel.audit import trail
from schakel.core import clock
from schakel.notificaties import services as notificaties
from schakel.notificaties.models import Soort
from schakel.organisaties.models import Organisatie, OrganisatieSoort
from schakel.privacy import persoonsgegevens
from schakel.regelingen.models import Regeling
from schakel.signalen import services as signaalservices
from schakel.signalen.models import Signaal, SignaalSoort
from schakel.signalen.workflow import Status
from schakel.termijnen import engine, kalender, ladder
from schakel.termijnen import regels as termijnregels
from schakel.termijnen.models import Uitkomst

from . import regels
from .models import Reden, Retoursticker
from .rechten import mag_retourstickers_behandelen
from .rem import ANONIEME_BURGER, fout

log = logging.getLogger(__name__)


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
        fout(fouten, "organisatie", "Kies de organisatie die de brief stuurde.")
    elif organisatie.soort == OrganisatieSoort.KAMERCOMMISSIE:
        fout(fouten, "organisatie", "Kies de organisatie die de brief stuurde.")
    if not brief:
        fout(fouten, "brief", "Noem de brief of het besluit, bijvoorbeeld de titel bovenaan de brief.")
    elif len(brief) > 200:
        fout(fouten, "brief", "Gebruik maximaal 200 tekens.")
    else:
        for melding in persoonsgegevens.meldingen(brief):
            fout(fouten, "brief", melding)
    if reden not in Reden.values:
        fout(fouten, "reden", "Kies of u de brief niet begrijpt of onrechtvaardig vindt.")
    if len(toelichting) > 3000:
        fout(fouten, "toelichting", "Gebruik maximaal 3.000 tekens.")
    if not contactgegevens:
        fout(fouten, "contactgegevens", "Vul in hoe de organisatie u kan bereiken: een telefoonnummer of "
                                         "e-mailadres.")
    elif len(contactgegevens) > 300:
        fout(fouten, "contactgegevens", "Gebruik maximaal 300 tekens.")
    if fouten:
        raise ValidationError(fouten)
    nu = clock.now()
    code = regels.nieuwe_code()
    adres = CONTACT.treden(organisatie.pk)[0]
    werkdagen = CONTACT.werkdagen(adres, organisatie.pk, eerste=True)
    sticker = Retoursticker.objects.create(
        organisatie=organisatie, brief=brief, brief_sleutel=regels.brief_sleutel(brief), reden=reden,
        toelichting=toelichting, contactgegevens=contactgegevens, ingediend_op=nu,
        contact_uiterlijk=kalender.uiterste_datum(nu, werkdagen),
        code_hash=regels.code_hash(regels.normaliseer(code)),
    )
    engine.start(CONTACT, sticker, adres, moment=nu, werkdagen=werkdagen, ctx=organisatie.pk)  # the contact term
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
    engine.sluit(engine.open_termijn(CONTACT, sticker), Uitkomst.BEANTWOORD, moment=sticker.contact_op)
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
            .exclude(status__in=(Status.BEANTWOORD, Status.NIET_ONTVANKELIJK)).distinct()
            .order_by("-ingediend_op", "-id").first())


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
                         toelichting=f"{gekoppeld} nieuwe retoursticker(s) over deze brief gekoppeld.")
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
    signaal = signaalservices.maak_signaal(
        soort=SignaalSoort.SIGNAAL, regeling=regeling, indienende_organisatie=None, indiener=None, openbaar=True,
        **_signaaltekst(organisatie, brief, telling, drempel))
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

class Contacttermijnen(engine.Termijnsoort):
    """The term to call back the citizen who sent a letter back: the organisation's handlers,
    then (on a missed term) its board, the last rung. ``ctx``: the organisation's id."""

    code = "retoursticker"
    label = "Contact met de burger (retoursticker)"
    onderwerp = "retoursticker"
    velden = ("retoursticker__brief",)

    def context(self, rij: engine.Rij, run: engine.Run) -> int:
        return rij.organisatie_id

    def treden(self, organisatie_id: int) -> list[ladder.Adres]:
        return [ladder.Adres(int(t), organisatie_id, ladder.ROL_PER_TREDE[t])
                for t in (ladder.Trede.BEHANDELAAR, ladder.Trede.BESTUUR)]

    def werkdagen(self, adres: ladder.Adres, organisatie_id: int, *, eerste: bool,
                  run: engine.Run | None = None) -> int:
        if eerste:
            return regels.instelling("retoursticker_werkdagen")
        if run is not None:
            return run.escalatietermijn(organisatie_id, adres.trede)
        return termijnregels.voor(organisatie_id).escalatietermijn(adres.trede)

    def vergrendel(self, onderwerp_ids: list[int]) -> set[int]:
        # A contact being recorded right now holds its sticker and then closes the term: skip it (next run).
        return set(Retoursticker.objects.filter(pk__in=onderwerp_ids).select_for_update(skip_locked=True)
                   .values_list("pk", flat=True))

    def na_escalatie(self, run: engine.Run, escalaties: list[engine.Escalatie]) -> tuple[list[dict], list[dict]]:
        ids = [e.rij.onderwerp_id for e in escalaties]
        # Conditional update: a sticker contacted (or escalated) in between is not counted twice.
        if Retoursticker.objects.filter(pk__in=ids, geescaleerd_op__isnull=True, contact_op__isnull=True).update(
                geescaleerd_op=run.moment) != len(ids):
            raise engine.BatchConflict("retourstickers changed during the sweep")
        adresboek = run.cache.setdefault("adresboek", notificaties.Adresboek())
        gebeurtenissen, meldingen = [], []
        per_organisatie: dict[int, list[engine.Escalatie]] = {}
        for e in escalaties:
            per_organisatie.setdefault(e.rij.organisatie_id, []).append(e)
        for organisatie_id, groep in per_organisatie.items():
            organisatie = run.organisaties[organisatie_id]
            for e in groep:
                (brief,) = e.rij.extra
                gebeurtenissen.append(engine.gebeurtenis(
                    run, "retoursticker_geescaleerd", "noodrem.retoursticker", e.rij.onderwerp_id, None,
                    voor={"trede": ladder.Trede.BEHANDELAAR.label.lower(), "contact_uiterlijk": e.rij.uiterste_datum},
                    na={"trede": ladder.Trede.BESTUUR.label.lower(), "organisatie": organisatie.afkorting,
                        "geescaleerd_op": run.moment},
                    toelichting=(f"De termijn om de burger te bellen over ‘{brief}’ verstreek op "
                                 f"{e.rij.uiterste_datum:%d-%m-%Y} zonder contact. Voorgelegd aan het bestuur van "
                                 f"{organisatie.naam}.")))
            link = f"/organisaties/{organisatie.afkorting}/retourstickers"
            regels_tekst = "\n".join(f"- ‘{e.rij.extra[0]}’: contact uiterlijk {e.rij.uiterste_datum:%d-%m-%Y}"
                                     for e in groep[:20])
            if len(groep) > 20:
                regels_tekst += f"\n- en {len(groep) - 20} meer"
            meldingen += notificaties.rijen(
                adresboek.gebruikers(organisatie_id, Rol.BESTUUR), soort=Soort.GEESCALEERD, link=link,
                moment=run.moment, onderwerp=f"Naar u geëscaleerd: {len(groep)} burger(s) niet op tijd gebeld",
                tekst=(f"{organisatie.naam} heeft {len(groep)} burger(s) die een brief terugstuurden niet binnen de "
                       f"termijn gebeld:\n{regels_tekst}\nZorg dat zij alsnog worden gebeld en dat het contact in "
                       f"Schakel wordt vastgelegd."))
            meldingen += notificaties.rijen(
                adresboek.gebruikers(organisatie_id, Rol.BEHANDELAAR), soort=Soort.TERMIJN_OVERSCHREDEN, link=link,
                moment=run.moment, onderwerp=f"Termijn overschreden: {len(groep)} retoursticker(s) zonder contact",
                tekst=(f"De termijn om contact op te nemen is verstreken bij:\n{regels_tekst}\nDe zaak is "
                       f"voorgelegd aan het bestuur. Bel de burger(s) alsnog en leg het contact vast."))
        return gebeurtenissen, meldingen


CONTACT = Contacttermijnen()


def escaleer_retourstickers(peildatum=None) -> int:
    """Put every sticker whose contact term passed without contact before the organisation's
    board (through the term engine): notification (``geescaleerd``) to the board,
    ``termijn_overschreden`` to the handlers, an audit event per sticker. Idempotent: a
    sticker is escalated once, however often the sweep runs. Returns how many were escalated."""
    return engine.sweep([CONTACT.code], peildatum=peildatum).escalated
