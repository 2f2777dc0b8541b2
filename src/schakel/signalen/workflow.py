"""The life cycle of a signal as a small state machine, free of web and database code.

    ingediend --routeer--> in_behandeling --beantwoord--> beantwoord
                           in_behandeling --doorsturen--> in_behandeling
                                                          beantwoord --herzien--> beantwoord
                           in_behandeling --niet_ontvankelijk--> niet_ontvankelijk

*Niet ontvankelijk* (not admissible: spam, not about a government rule, or a duplicate) is
final here. It leaves the escalation ladder. The filer's verdict (a later feature) will let
the filer contest it: that will add a transition out of it (back to *in_behandeling*).
"""

from __future__ import annotations

from django.db import models

from schakel.core import fouten


class Status(models.TextChoices):
    INGEDIEND = "ingediend", "Ingediend"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    BEANTWOORD = "beantwoord", "Beantwoord"
    NIET_ONTVANKELIJK = "niet_ontvankelijk", "Niet ontvankelijk"


class Actie(models.TextChoices):
    ROUTEER = "routeer", "Gerouteerd"
    DOORSTUREN = "doorsturen", "Doorgestuurd"
    BEANTWOORD = "beantwoord", "Beantwoord"
    HERZIEN = "herzien", "Reactie herzien"
    NIET_ONTVANKELIJK = "niet_ontvankelijk", "Niet ontvankelijk verklaard"


# action -> (statuses it may start from, status it leads to)
OVERGANGEN: dict[str, tuple[frozenset[str], str]] = {
    Actie.ROUTEER: (frozenset({Status.INGEDIEND}), Status.IN_BEHANDELING),
    Actie.DOORSTUREN: (frozenset({Status.IN_BEHANDELING}), Status.IN_BEHANDELING),
    Actie.BEANTWOORD: (frozenset({Status.IN_BEHANDELING}), Status.BEANTWOORD),
    Actie.HERZIEN: (frozenset({Status.BEANTWOORD}), Status.BEANTWOORD),
    Actie.NIET_ONTVANKELIJK: (frozenset({Status.IN_BEHANDELING}), Status.NIET_ONTVANKELIJK),
}

_MELDINGEN = {
    Actie.ROUTEER: "Dit signaal is al gerouteerd.",
    Actie.DOORSTUREN: "Een signaal kan alleen worden doorgestuurd zolang het nog niet is beantwoord.",
    Actie.BEANTWOORD: "Dit signaal is al beantwoord; dien een herziene reactie in.",
    Actie.HERZIEN: "Een reactie kan pas worden herzien als er een reactie is.",
    Actie.NIET_ONTVANKELIJK: ("Alleen een signaal dat in behandeling is en nog geen reactie heeft, kan niet "
                              "ontvankelijk worden verklaard."),
}


class OngeldigeOvergang(fouten.OngeldigeOvergang):
    """An action that the current status does not allow."""

    def __init__(self, actie: str, status: str):
        self.actie, self.status = actie, status
        super().__init__(_MELDINGEN.get(actie, f"Actie '{actie}' is niet toegestaan in status '{status}'."))


def volgende_status(status: str, actie: str) -> str:
    """The status after ``actie``; raises :class:`OngeldigeOvergang` if not allowed."""
    try:
        toegestaan, naar = OVERGANGEN[actie]
    except KeyError:
        raise OngeldigeOvergang(actie, status) from None
    if status not in toegestaan:
        raise OngeldigeOvergang(actie, status)
    return naar


def toegestane_acties(status: str) -> list[str]:
    return [actie for actie, (van, _) in OVERGANGEN.items() if status in van]
