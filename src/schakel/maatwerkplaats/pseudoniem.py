"""What leaves the team is pseudonymised: personal data found by the guard is replaced, the
internal field is left out, and the case is named by its kenmerk only."""

from __future__ import annotations

from schakel.core.analyse import zoekdocument
from schakel.privacy.persoonsgegevens import maskeer

MAX_CITAAT = 600


def openbaar(tekst: str) -> str:
    return maskeer(tekst or "")


def kort(tekst: str, lengte: int = MAX_CITAAT) -> str:
    tekst = " ".join(openbaar(tekst).split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"


def casus(c) -> dict[str, str]:
    """The case as it may be shown outside the team (never ``interne_gegevens``)."""
    return {"kenmerk": c.kenmerk, "titel": openbaar(c.titel), "artikel": openbaar(c.artikel),
            "wat_de_regel_vraagt": openbaar(c.wat_de_regel_vraagt),
            "gevolg_voor_burger": openbaar(c.gevolg_voor_burger),
            "bedoeling_van_de_wet": openbaar(c.bedoeling_van_de_wet)}


def zoektekst(conclusie) -> str:
    """Search document (``core.analyse``) of a conclusion and its case, from the pseudonymised text only."""
    c = conclusie.beraad.casus
    return zoekdocument(openbaar(c.titel), openbaar(c.wat_de_regel_vraagt), openbaar(c.gevolg_voor_burger),
                        openbaar(c.bedoeling_van_de_wet), c.regeling.citeertitel or c.regeling.titel,
                        c.get_reden_display(), openbaar(conclusie.tekst),
                        " ".join(b.naam for b in conclusie.beginselen.all()))
