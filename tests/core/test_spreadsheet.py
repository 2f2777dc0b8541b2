"""The one CSV writer of every export: formula cells become text, numbers stay numbers."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from schakel.core.spreadsheet import VeiligeSchrijver, veilige_cel


def _schrijf(rij) -> list[str]:
    buffer = io.StringIO()
    VeiligeSchrijver(buffer).writerow(rij)
    return next(csv.reader(io.StringIO(buffer.getvalue())))


def test_formula_cells_get_a_quote_and_numbers_stay_numeric():
    assert _schrijf(['=HYPERLINK("https://kwaad.example","klik")', "-2+3+cmd|' /C calc'!A0", -3, Decimal("-1.5"),
                     2.5, None, "gewoon"]) == [
        "'=HYPERLINK(\"https://kwaad.example\",\"klik\")", "'-2+3+cmd|' /C calc'!A0", "-3", "-1.5", "2.5", "",
        "gewoon"]


@given(st.text())
def test_no_text_cell_starts_as_a_formula_and_the_text_stays_readable(tekst):
    cel = veilige_cel(tekst)
    assert not cel.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cel in (tekst, "'" + tekst)
