"""Building a brake (shared by the professional's and the organisation's brake): the evidence
it cites, its validation, saving it with its signal, and the receipt code of an anonymous one.

A brake is a signal: it is built, validated (with the personal-data guard) and saved by
``schakel.signalen.services.maak_signaal``, the one path that builds a signal.
"""

from __future__ import annotations

import re

from schakel.core import clock
from schakel.privacy import persoonsgegevens
from schakel.signalen import rechten as signaalrechten
from schakel.signalen import services as signaalservices
from schakel.signalen.models import Signaal, SignaalSoort

from . import regels
from .models import Noodrem, Ontvangstbewijs

ANONIEME_MELDER = "anonieme melder"
ANONIEME_BURGER = "anonieme burger"
MAX_BEWIJS = 20
_KENMERK = re.compile(r"SIG-?0*(\d{1,9})", re.IGNORECASE)


def fout(fouten: dict, veld: str, melding: str) -> None:
    fouten.setdefault(veld, []).append(melding)


def lees_kenmerken(tekst: str) -> list[int]:
    """Signal numbers from 'SIG-000012, SIG-34'."""
    return list(dict.fromkeys(int(m[1]) for m in _KENMERK.finditer(tekst or "")))


def _bewijssignalen(kenmerken: str, *, zichtbaar_voor, fouten: dict) -> list[Signaal]:
    nummers = lees_kenmerken(kenmerken)
    rest = _KENMERK.sub("", kenmerken or "")
    if re.search(r"\w", rest):
        fout(fouten, "bewijs", "Noem signalen met hun kenmerk, gescheiden door komma's, bijvoorbeeld "
                                "SIG-000012, SIG-000034.")
        return []
    if len(nummers) > MAX_BEWIJS:
        fout(fouten, "bewijs", f"Noem ten hoogste {MAX_BEWIJS} signalen.")
        return []
    gevonden = list(signaalrechten.zichtbare_signalen(zichtbaar_voor, Signaal.objects.filter(pk__in=nummers)))
    onbekend = sorted(set(nummers) - {s.pk for s in gevonden})
    if onbekend:
        fout(fouten, "bewijs", "Deze signalen bestaan niet of u kunt ze niet inzien: "
                                + ", ".join(f"SIG-{n:06d}" for n in onbekend) + ".")
    return gevonden


def bewaar_rem(*, niveau: str, indiener, indienende_organisatie, praktijk_van, regeling, titel: str,
               praktijk: str, getroffen_burgers: str, beginselen, moet_stoppen: str, artikelen: str,
               verbetervoorstel: str, bewijs: str, bewijs_toelichting: str, openbaar: bool, anoniem: bool,
               variant: str = "", zichtbaar_voor=None, fouten: dict | None = None) -> tuple[Signaal, Noodrem, list]:
    """Validate the brake and save it with its signal (built by ``signalen.services.maak_signaal``).

    All problems at once: the caller's ``fouten``, the brake's and the signal's."""
    fouten = dict(fouten or {})
    if regeling is None:
        fout(fouten, "regeling", "Kies de regeling waarover de noodrem gaat.")
    beginselen = list(beginselen or [])
    if not beginselen:
        fout(fouten, "beginselen", "Noem ten minste één beginsel van behoorlijk bestuur dat wordt geschonden.")
    rem = Noodrem(niveau=niveau, variant=variant, moet_stoppen=(moet_stoppen or "").strip(),
                  praktijk_van=praktijk_van, bewijs_toelichting=(bewijs_toelichting or "").strip(),
                  anoniem=anoniem)
    if not rem.moet_stoppen:
        fout(fouten, "moet_stoppen", "Beschrijf wat er moet stoppen.")
    elif len(rem.moet_stoppen) > 5000:
        fout(fouten, "moet_stoppen", "Gebruik maximaal 5.000 tekens.")
    if len(rem.bewijs_toelichting) > 5000:
        fout(fouten, "bewijs_toelichting", "Gebruik maximaal 5.000 tekens.")
    for veld, meldingen in persoonsgegevens.controleer_velden(
            {"moet_stoppen": rem.moet_stoppen, "bewijs_toelichting": rem.bewijs_toelichting}).items():
        fouten.setdefault(veld, []).extend(meldingen)
    bewijssignalen = _bewijssignalen(bewijs, zichtbaar_voor=zichtbaar_voor, fouten=fouten)
    signaal = signaalservices.maak_signaal(
        fouten=fouten, exclude=["indienende_organisatie", "regeling"], soort=SignaalSoort.NOODREM, titel=titel,
        praktijk=praktijk, getroffen_burgers=getroffen_burgers, regeling=regeling, artikelen=artikelen,
        verbetervoorstel=verbetervoorstel, indienende_organisatie=indienende_organisatie, indiener=indiener,
        openbaar=openbaar)
    rem.signaal = signaal
    rem.save()
    rem.beginselen.set(beginselen)
    rem.bewijs.set(bewijssignalen)
    return signaal, rem, bewijssignalen


def maak_ontvangstbewijs(signaal: Signaal) -> str:
    code = regels.nieuwe_code()
    Ontvangstbewijs.objects.create(signaal=signaal, code_hash=regels.code_hash(regels.normaliseer(code)),
                                   aangemaakt_op=clock.now())
    return code

