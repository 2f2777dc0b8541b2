"""One CSV writer for every export, safe to open in a spreadsheet program.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula (CSV or formula injection:
``=HYPERLINK(...)``, ``-2+3+cmd|' /C calc'!A0``). As OWASP recommends, such a text cell
is prefixed with a single quote, so it is shown as text and stays readable; the csv module
quotes cells that contain the separator or quotes. Numbers (``int``, ``float``,
``Decimal``) are written as numbers: a negative difference stays a numeric cell.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from typing import Any, Iterable

FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilige_cel(waarde: Any) -> Any:
    """``waarde`` as a cell that a spreadsheet shows as written, never runs."""
    if waarde is None:
        return ""
    if isinstance(waarde, (bool, int, float, Decimal)):
        return waarde
    tekst = str(waarde)
    if tekst.startswith(FORMULETEKENS):
        return "'" + tekst
    return tekst


class VeiligeSchrijver:
    """``csv.writer`` with every cell passed through :func:`veilige_cel`."""

    def __init__(self, bestand, **opties):
        self._schrijver = csv.writer(bestand, **opties)

    def writerow(self, rij: Iterable[Any]):
        return self._schrijver.writerow([veilige_cel(w) for w in rij])

    def writerows(self, rijen: Iterable[Iterable[Any]]):
        for rij in rijen:
            self.writerow(rij)
