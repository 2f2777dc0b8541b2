"""Template filters every page uses: plurals, thousands separators, <time datetime>."""

from __future__ import annotations

import datetime as dt
import re

from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from schakel.core import text


def render(bron: str, **context) -> str:
    return Template(bron).render(Context(context))


def test_plurals_and_thousands_in_templates_without_a_load():
    assert render('{{ n|aantal:"signaal,signalen" }}', n=21) == "21 signalen"
    assert render('{{ n|aantal:"signaal,signalen" }}', n=1) == "1 signaal"
    assert render('{{ n|aantal:"burger,burgers" }}', n=8650) == "8.650 burgers"
    assert render("{{ n|getal }}", n=1234567) == "1.234.567"


@given(st.integers(min_value=0, max_value=10**12))
def test_getal_groups_by_three(n):
    tekst = text.getal(n)
    assert int(tekst.replace(".", "")) == n
    assert all(len(groep) == 3 for groep in tekst.split(".")[1:])


@given(st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2200, 1, 1),
                    timezones=st.just(dt.timezone.utc)))
def test_time_datetime_has_at_most_three_fraction_digits_and_means_the_same_moment(moment):
    waarde = render("{{ m|machinetijd }}", m=moment)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?[+-]\d\d:\d\d", waarde), waarde
    terug = dt.datetime.fromisoformat(waarde)
    assert abs(terug - moment) < dt.timedelta(milliseconds=1)


def test_every_time_element_uses_the_one_filter():
    from pathlib import Path

    import schakel

    bron = Path(schakel.__file__).parent
    for pad in bron.rglob("*.html"):
        html = pad.read_text(encoding="utf-8")
        for attribuut in re.findall(r'<time datetime="([^"]*)"', html):
            assert "|machinetijd" in attribuut, f"{pad}: {attribuut}"
