"""The professional's brake: anyone stops an organisation's practice or instruction."""

from __future__ import annotations

from typing import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction

from schakel.audit import trail
from schakel.organisaties.models import OrganisatieSoort
from schakel.signalen import rechten as signaalrechten
from schakel.signalen import services as signaalservices
from schakel.signalen.models import Signaal

from . import regels
from .models import Niveau
from .rem import ANONIEME_MELDER, bewaar_rem, fout, maak_ontvangstbewijs


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
            fout(fouten, "indienende_organisatie", "Kies een uitvoeringsorganisatie, gemeente of ministerie, of "
                                                    "noem geen organisatie.")
    else:
        if not signaalrechten.mag_indienen(gebruiker):
            raise PermissionDenied("Alleen medewerkers van een organisatie kunnen onder eigen account een noodrem "
                                   "trekken; trek hem anders anoniem.")
        indienende_organisatie = gebruiker.organisatie
    if praktijk_van is None:
        fout(fouten, "praktijk_van", "Kies de organisatie waarvan de werkwijze of instructie moet stoppen.")
    elif praktijk_van.soort == OrganisatieSoort.KAMERCOMMISSIE:
        fout(fouten, "praktijk_van", "Een noodrem gaat naar een uitvoeringsorganisatie, gemeente of ministerie, "
                                     "niet naar een Kamercommissie.")
    elif melding := regels.buiten_regeling(praktijk_van, regeling):
        fout(fouten, "praktijk_van", f"{melding} Kies de organisatie die de regeling uitvoert of het ministerie "
                                     f"dat erover gaat ({regeling.eigenaar.naam}).")
    signaal, rem, bewijssignalen = bewaar_rem(
        niveau=Niveau.PROFESSIONAL, indiener=None if anoniem else gebruiker,
        indienende_organisatie=indienende_organisatie, praktijk_van=praktijk_van, regeling=regeling, titel=titel,
        praktijk=praktijk, getroffen_burgers=getroffen_burgers, beginselen=beginselen, moet_stoppen=moet_stoppen,
        artikelen=artikelen, verbetervoorstel=verbetervoorstel, bewijs=bewijs,
        bewijs_toelichting=bewijs_toelichting, openbaar=openbaar, anoniem=anoniem,
        zichtbaar_voor=None if anoniem else gebruiker, fouten=fouten)
    code = maak_ontvangstbewijs(signaal) if anoniem else None
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

