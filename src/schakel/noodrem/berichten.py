"""Following a brake with the receipt code, and the messages between an anonymous filer and
the organisation that received the brake."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from schakel.accounts.models import Rol
from schakel.audit import trail
from schakel.core import clock
from schakel.notificaties import services as notificaties
from schakel.notificaties.models import Soort
from schakel.signalen.models import Signaal

from . import regels
from .models import Afzender, Bericht, Ontvangstbewijs, Retoursticker
from .rechten import mag_berichten_lezen
from .rem import ANONIEME_MELDER

MAX_BERICHT = 5000


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

