"""Use cases on terms: start the first term, extend it, close terms on an answer, follow a forward.

The escalation of missed terms lives in :mod:`schakel.termijnen.sweep`; reading a signal's
deadline status in :mod:`schakel.termijnen.status` (re-exported here as :func:`status_van`).
Errors: ``ValidationError`` with field keys (``tot``, ``reden``, ``termijn``) for bad
input, ``PermissionDenied`` for a forbidden action.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format

from schakel.audit import trail
from schakel.core import clock
from schakel.notificaties import services as notificaties
from schakel.notificaties.models import Soort
from schakel.organisaties.models import Organisatie

from . import engine, kalender, ladder, regels
from .ladder import OrgInfo, Trede
from .models import Termijn, Uitkomst
from .sweep import SIGNAAL
from .status import TermijnStatus, omschrijf_adres, status_van  # noqa: F401  (re-exported)

MIN_REDEN = 20
MAX_REDEN = 2000


def datum_nl(datum: dt.date) -> str:
    """'24 april 2026'."""
    return date_format(datum, "j F Y")


def organisaties_rond(eigenaar: Organisatie) -> dict[int, OrgInfo]:
    """The organisations the ladder of ``eigenaar`` can reach: itself and its principal ministry."""
    ids = {eigenaar.pk, eigenaar.opdrachtgever_id} - {None}
    return {o.pk: OrgInfo.van(o) for o in Organisatie.objects.filter(pk__in=ids)}


def _regeling_kamercommissie_id(signaal) -> int | None:
    return signaal.regeling.kamercommissie_id if signaal.regeling_id else None


def start_eerste_termijn(signaal, *, trede: int | None = None) -> Termijn:
    """Start the clock for a just-routed signal: its first term, addressed to the owner.

    Sets ``signaal.uiterste_reactiedatum`` and ``escalatietrede`` on the instance; the
    caller saves the signal. Notifies the addressees (and, for a noodrem, the principal
    ministry's board). Call inside the routing transaction. ``trede``: the rung to start
    at when the caller addresses someone else than the kind's default (a Maatwerkplaats
    solve to the team's own board starts at the board rung).
    """
    trede = regels.eerste_trede(signaal.soort) if trede is None else trede
    organisaties = organisaties_rond(signaal.eigenaar)
    kamercommissie_id = _regeling_kamercommissie_id(signaal)
    kw = {"eigenaar_id": signaal.eigenaar_id, "regeling_kamercommissie_id": kamercommissie_id,
          "organisaties": organisaties}
    adres = ladder.adres(trede, **kw) or ladder.volgende(trede, **kw)  # a skipped rung: the next one up
    termijn = engine.start(SIGNAAL, signaal, adres, moment=signaal.ingediend_op,
                           ctx={**kw, "soort": signaal.soort})
    uiterste = termijn.uiterste_datum
    signaal.uiterste_reactiedatum = uiterste
    signaal.escalatietrede = adres.trede

    adresboek = notificaties.Adresboek()
    link = notificaties.signaal_link(signaal.uuid)
    soort_tekst = "noodrem" if signaal.soort == "noodrem" else "signaal"
    notificaties.meld(
        adresboek.gebruikers(adres.organisatie_id, adres.rol), soort=Soort.TE_BEANTWOORDEN, signaal_id=signaal.pk,
        link=link, onderwerp=f"Te beantwoorden: {signaal.kenmerk} {signaal.titel}",
        tekst=(f"Er is een {soort_tekst} binnengekomen voor {signaal.eigenaar.naam}: {signaal.titel}.\n"
               f"Reageer uiterlijk {datum_nl(uiterste)}: neem het voorstel over (met toezeggingen) "
               f"of leg uit waarom niet."),
    )
    ministerie = ladder.adres(Trede.MINISTERIE, **kw)
    if signaal.soort == "noodrem" and ministerie and ministerie.trede > adres.trede:
        notificaties.meld(
            adresboek.gebruikers(ministerie.organisatie_id, ministerie.rol), soort=Soort.TE_BEANTWOORDEN,
            signaal_id=signaal.pk, link=link, onderwerp=f"Noodrem bij {signaal.eigenaar.naam}: {signaal.kenmerk}",
            tekst=(f"Bij {signaal.eigenaar.naam}, waarvan u opdrachtgever bent, is de noodrem getrokken: "
                   f"{signaal.titel}.\nHet bestuur moet uiterlijk {datum_nl(uiterste)} reageren; daarna komt "
                   f"de noodrem bij u."),
        )
    return termijn


def _open_termijn(signaal, *, vergrendel: bool = False) -> Termijn | None:
    return engine.open_termijn(SIGNAAL, signaal, vergrendel=vergrendel)


def eerste_termijn(signaal) -> Termijn | None:
    return Termijn.objects.filter(signaal=signaal).order_by("trede").first()


def maximale_verlengdatum(termijn: Termijn, soort: str) -> dt.date | None:
    """The latest date a term may be extended to, or ``None`` if it cannot be extended.
    ``soort``: the signal's kind (the same rule as ``SignaalTermijnen.max_verlenging``)."""
    maximum = regels.voor(termijn.organisatie_id).verlenging_max_voor(soort)
    if maximum <= 0:
        return None
    return kalender.tel_werkdagen_op(termijn.oorspronkelijke_uiterste_datum, maximum)


def kan_verlengen(termijn: Termijn | None, signaal, peildatum: dt.date | None = None) -> str | None:
    """Why the open term of ``signaal`` cannot be extended now, or ``None`` if it can."""
    peildatum = peildatum or clock.today()
    if signaal.status != "in_behandeling" or termijn is None:
        return "Er loopt geen termijn: het signaal is al beantwoord of nog niet in behandeling."
    if termijn.is_verlengd:
        return (f"De termijn is al eens verlengd, op {datum_nl(kalender.lokale_datum(termijn.verlengd_op))} "
                f"tot {datum_nl(termijn.uiterste_datum)}. Verlengen kan maar één keer.")
    if signaal.termijn_overschreden_op or Termijn.objects.filter(signaal_id=signaal.pk,
                                                                 trede__lt=termijn.trede).exists():
        return "De termijn is al verstreken en het signaal is geëscaleerd; na escalatie kan niet meer worden verlengd."
    if termijn.uiterste_datum < peildatum:
        return (f"De termijn is op {datum_nl(termijn.uiterste_datum)} verstreken; verlengen kan alleen "
                f"vóór het einde van de termijn.")
    if maximale_verlengdatum(termijn, signaal.soort) is None:
        return "Deze termijn kan niet worden verlengd." + (
            " Een noodrem wordt altijd binnen de kortste termijn beantwoord." if signaal.soort == "noodrem" else "")
    return None


@transaction.atomic
def verleng(signaal, *, actor, tot: dt.date | None, reden: str) -> Termijn:
    """Extend the owner's term once, to ``tot``, with a public reason (Awb 9:11 lid 2)."""
    from schakel.signalen import rechten
    from schakel.signalen.models import Signaal

    signaal = Signaal.objects.select_for_update(of=("self",)).select_related("eigenaar").get(pk=signaal.pk)
    if not rechten.behandelt_als_eigenaar(actor, signaal):
        raise PermissionDenied("Alleen de behandelaars van de eigenaar van dit signaal kunnen de termijn verlengen.")
    termijn = _open_termijn(signaal, vergrendel=True)
    vandaag = clock.today()
    probleem = kan_verlengen(termijn, signaal, vandaag)
    if probleem:
        raise ValidationError({"termijn": probleem})

    fouten: dict[str, list[str]] = {}
    reden = (reden or "").strip()
    if not reden:
        fouten["reden"] = ["Geef een reden voor de verlenging; die reden wordt openbaar getoond."]
    elif len(reden) < MIN_REDEN:
        fouten["reden"] = [f"Licht de reden toe in ten minste {MIN_REDEN} tekens: waarom is meer tijd nodig?"]
    elif len(reden) > MAX_REDEN:
        fouten["reden"] = [f"De reden is te lang (maximaal {MAX_REDEN} tekens)."]
    fouten.update(engine.controleer_verlenging(termijn, tot, vandaag,
                                               maximale_verlengdatum(termijn, signaal.soort)))
    if fouten:
        raise ValidationError(fouten)

    vorige = engine.verleng(termijn, tot=tot, actor=actor, reden=reden)
    signaal.uiterste_reactiedatum = tot
    signaal.save(update_fields=["uiterste_reactiedatum"])
    werkdagen_erbij = kalender.werkdagen_tussen(vorige, tot)
    trail.record("termijn_verlengd", signaal, actor=actor, signaal=signaal,
                 voor={"uiterste_reactiedatum": vorige},
                 na={"uiterste_reactiedatum": tot, "werkdagen_erbij": werkdagen_erbij}, toelichting=reden)
    if signaal.indiener_id and signaal.indiener_id != actor.pk:
        notificaties.meld(
            [signaal.indiener_id], soort=Soort.TERMIJN_VERLENGD, signaal_id=signaal.pk,
            link=notificaties.signaal_link(signaal.uuid),
            onderwerp=f"Termijn verlengd: {signaal.kenmerk} {signaal.titel}",
            tekst=(f"{signaal.eigenaar.naam} heeft de termijn voor uw signaal verlengd van {datum_nl(vorige)} "
                   f"tot {datum_nl(tot)}.\nReden: {reden}"),
        )
    return termijn


def bij_beantwoorden(signaal, *, actor=None) -> None:
    """An answer stops the climb: close the open term, record lateness, tell the filer.

    Call inside the answering transaction, with the signal locked.
    """
    from schakel.signalen.models import Signaal

    termijn = _open_termijn(signaal, vergrendel=True)
    if termijn is None:
        return
    nu = clock.now()
    engine.sluit(termijn, Uitkomst.BEANTWOORD, moment=nu)
    if signaal.termijn_overschreden_op is None and termijn.uiterste_datum < kalender.lokale_datum(nu):
        signaal.termijn_overschreden_op = termijn.uiterste_datum
        Signaal.objects.filter(pk=signaal.pk).update(termijn_overschreden_op=termijn.uiterste_datum)
    if signaal.indiener_id and signaal.indiener_id != getattr(actor, "pk", None):
        notificaties.meld(
            [signaal.indiener_id], soort=Soort.BEANTWOORD, signaal_id=signaal.pk,
            link=notificaties.signaal_link(signaal.uuid),
            onderwerp=f"Beantwoord: {signaal.kenmerk} {signaal.titel}",
            tekst=f"{signaal.eigenaar.naam} heeft gereageerd op uw signaal. Lees de reactie in Schakel.",
        )


def bij_niet_ontvankelijk(signaal) -> None:
    """A signal declared not admissible leaves the ladder: its open term closes (the sweep only
    escalates open terms of unanswered signals). Call inside that transaction, signal locked."""
    termijn = _open_termijn(signaal, vergrendel=True)
    engine.sluit(termijn, Uitkomst.NIET_ONTVANKELIJK)


def bij_doorsturen(signaal) -> None:
    """After a forward: the open term now asks the new owner, at the same rung; the due date stays.

    Forwarding does not stop or restart the clock, so passing a request on cannot be
    used to gain time. Call inside the forwarding transaction, after saving the new owner.
    """
    termijn = _open_termijn(signaal, vergrendel=True)
    if termijn is None:
        return
    organisaties = organisaties_rond(signaal.eigenaar)
    kamercommissie_id = _regeling_kamercommissie_id(signaal)
    adres = (ladder.adres(termijn.trede, eigenaar_id=signaal.eigenaar_id,
                          regeling_kamercommissie_id=kamercommissie_id, organisaties=organisaties)
             or ladder.volgende(termijn.trede, eigenaar_id=signaal.eigenaar_id,
                                regeling_kamercommissie_id=kamercommissie_id, organisaties=organisaties))
    if adres is None or (adres.organisatie_id, adres.rol, adres.trede) == (
            termijn.organisatie_id, termijn.rol, termijn.trede):
        return
    termijn.trede, termijn.organisatie_id, termijn.rol = adres.trede, adres.organisatie_id, adres.rol
    termijn.eindtrede = ladder.volgende(adres.trede, eigenaar_id=signaal.eigenaar_id,
                                        regeling_kamercommissie_id=kamercommissie_id,
                                        organisaties=organisaties) is None
    termijn.save(update_fields=["trede", "organisatie", "rol", "eindtrede"])
    if signaal.escalatietrede != adres.trede:
        signaal.escalatietrede = adres.trede
        type(signaal).objects.filter(pk=signaal.pk).update(escalatietrede=adres.trede)
    notificaties.meld(
        notificaties.Adresboek().gebruikers(adres.organisatie_id, adres.rol), soort=Soort.TE_BEANTWOORDEN,
        signaal_id=signaal.pk, link=notificaties.signaal_link(signaal.uuid),
        onderwerp=f"Doorgestuurd, te beantwoorden: {signaal.kenmerk} {signaal.titel}",
        tekst=(f"Dit signaal is doorgestuurd naar {signaal.eigenaar.naam}. De termijn loopt door: reageer "
               f"uiterlijk {datum_nl(termijn.uiterste_datum)}."),
    )
