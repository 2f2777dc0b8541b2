"""Every figure of the report equals the value counted by hand from the fixture (see conftest)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from schakel.rapportage.cijfers import Periode, Reikwijdte, bereken


@pytest.fixture
def staat(geschiedenis):
    return bereken(Periode.van_jaar(2025))


def test_the_fixture_is_what_the_figures_assume(geschiedenis):
    h = geschiedenis
    assert [t.trede for t in h.d.termijnen.order_by("trede")] == [1, 2, 4]
    assert [t.trede for t in h.e.termijnen.order_by("trede")] == [1, 2]
    assert h.e.termijn_overschreden_op is not None and h.e.status == "beantwoord"
    assert h.c.reacties.count() == 2


def test_signals_filed_answered_overdue(staat):
    assert staat["huidig"]["signalen"] == {
        "ingediend": 5, "beantwoord": 4, "beantwoordNaTermijn": 1, "open": 1, "openTeLaat": 1,
        "getroffenBurgers": 1560, "termijnOverschreden": 2, "aandeelBeantwoord": 80.0,
        "aandeelTermijnOverschreden": 40.0, "nietOntvankelijk": 0,
    }
    assert staat["vorige"]["signalen"]["ingediend"] == 1
    assert staat["vorige"]["signalen"]["beantwoord"] == 1
    assert staat["vorige"]["signalen"]["getroffenBurgers"] == 100


def test_median_and_p90_time_to_answer_in_working_days(staat):
    # Working days after the day of filing up to the day of the first answer (as the deadlines count):
    #   C Tue 1 Apr -> Sat 5 Apr 2025: Wed, Thu, Fri = 3
    #   A Mon 3 Feb -> Thu 13 Feb 2025: 4 + 4 = 8
    #   B Mon 3 Mar -> Sun 23 Mar 2025: 4 + 5 + 5 = 14
    #   E Mon 3 Nov 2025 -> Mon 12 Jan 2026: 10 weeks = 50, less Christmas (Thu 25, Fri 26 Dec),
    #     New Year's Day (Thu 1 Jan) and Fri 2 Jan (equated with a holiday by decree) = 46
    # Median (8 + 14) / 2 = 11; p90 at position 2.7: 14 + 0.7 * (46 - 14) = 36.4.
    assert staat["huidig"]["doorlooptijd"] == {"eenheid": "werkdagen", "aantal": 4, "mediaanWerkdagen": 11.0,
                                               "p90Werkdagen": 36.4}
    # P1 Mon 6 May -> Thu 16 May 2024: 8 weekdays, less Ascension Day (Thu 9 May 2024) and the
    # Friday after it (equated by decree) = 6.
    assert staat["vorige"]["doorlooptijd"] == {"eenheid": "werkdagen", "aantal": 1, "mediaanWerkdagen": 6.0,
                                               "p90Werkdagen": 6.0}
    assert staat["doorlooptijdEenheid"] == "werkdagen"


def test_working_days_agree_with_the_deadline_calendar(geschiedenis):
    from schakel.termijnen import kalender

    h = geschiedenis
    verwacht = sorted(kalender.werkdagen_tussen(kalender.lokale_datum(s.ingediend_op), kalender.lokale_datum(s.beantwoord_op))
                      for s in (h.a, h.b, h.c, h.e))
    assert verwacht == [3, 8, 14, 46]


def test_comply_explain_and_level_count_the_current_answer(staat):
    # C was explained, then revised to comply: only the revision counts.
    assert staat["huidig"]["reacties"] == {
        "totaal": 4, "overnemen": 3, "nietOvernemen": 1, "aandeelOvernemen": 75.0, "aandeelNietOvernemen": 25.0,
        "ambtelijk": 3, "politiek": 1, "aandeelPolitiek": 25.0,
    }


def test_commitments_made_kept_overdue(staat):
    # Made in 2025: A's two (one kept on time, one open past 30 Sep) and C's (open past 31 Dec).
    # E's commitment was made in 2026.
    assert staat["huidig"]["toezeggingen"] == {
        "gedaan": 3, "nagekomen": 1, "opTijdNagekomen": 1, "verlopen": 2, "lopend": 0, "aandeelNagekomen": 33.3,
    }
    assert staat["vorige"]["toezeggingen"]["gedaan"] == 1
    assert staat["vorige"]["toezeggingen"]["opTijdNagekomen"] == 1


def test_brakes_pulled_and_their_outcome(staat):
    assert staat["huidig"]["noodremmen"] == {
        "getrokken": 1, "beantwoord": 1, "overnemen": 1, "nietOvernemen": 0, "open": 0, "openTeLaat": 0,
    }
    assert staat["vorige"]["noodremmen"]["getrokken"] == 0


def test_top_regulations_and_articles(staat):
    top = staat["huidig"]["top"]
    wia = {"bwbId": "BWBR0019057", "titel": "Wet WIA", "signalen": 4, "getroffenBurgers": 1560, "noodremmen": 1}
    wvw = {"bwbId": "BWBR0006622", "titel": "Wegenverkeerswet 1994", "signalen": 1, "getroffenBurgers": 0,
           "noodremmen": 0}
    if apps.is_installed("schakel.knelpunten"):
        wia["knelpunten"], wvw["knelpunten"] = 1, 0
        assert top["regelingenPerKnelpunten"] == [wia]
    else:
        assert "regelingenPerKnelpunten" not in top
    assert top["regelingenPerSignalen"] == [wia, wvw]
    assert [r["bwbId"] for r in top["regelingenPerGetroffenen"]] == ["BWBR0019057"]
    assert top["artikelen"] == [
        {"bwbId": "BWBR0019057", "titel": "Wet WIA", "artikelen": "art. 35", "signalen": 3, "getroffenBurgers": 1510},
        {"bwbId": "BWBR0019057", "titel": "Wet WIA", "artikelen": "art. 36", "signalen": 1, "getroffenBurgers": 50},
    ]


def test_distribution_over_the_seven_causes(staat):
    oorzaken = staat["huidig"]["oorzaken"]
    assert len(oorzaken["perOorzaak"]) == 7
    telling = {o["code"]: o["signalen"] for o in oorzaken["perOorzaak"]}
    assert telling.pop("complexe-regels") == 2
    assert telling.pop("geen-evaluatie") == 1
    assert set(telling.values()) == {0}
    assert oorzaken["zonderOorzaak"] == 3


def test_escalations_per_rung_in_the_period(staat):
    assert staat["huidig"]["escalaties"] == {"bestuur": 2, "ministerie": 0, "bewindspersoon": 1,
                                             "kamercommissie": 0, "totaal": 3}
    assert staat["vorige"]["escalaties"]["totaal"] == 0


def test_signals_per_month(staat):
    assert staat["verloopPer"] == "maand"
    maanden = {m["vak"]: (m["ingediend"], m["beantwoord"]) for m in staat["huidig"]["verloop"]}
    assert len(maanden) == 12 and [m["naam"] for m in staat["huidig"]["verloop"]][:3] == ["jan", "feb", "mrt"]
    assert {k: v for k, v in maanden.items() if v != (0, 0)} == {
        "2025-02": (1, 1), "2025-03": (1, 1), "2025-04": (1, 1), "2025-06": (1, 0), "2025-11": (1, 1)}


def test_register_of_own_reports(staat):
    assert staat["register"] == {
        "jaar": 2025,
        "geleverd": [{"afkorting": "uwv", "naam": "Uitvoeringsinstituut Werknemersverzekeringen",
                      "ontvangenOp": "2026-02-15", "url": "https://www.uwv.nl/stand-van-de-uitvoering-2025"}],
        "nietGeleverd": [{"afkorting": "cbr", "naam": "Centraal Bureau Rijvaardigheidsbewijzen"},
                         {"afkorting": "svb", "naam": "Sociale Verzekeringsbank"}],
    }


def test_scope_organisation(geschiedenis):
    staat = bereken(Periode.van_jaar(2025), Reikwijdte.kies(organisatie="CBR"))
    assert staat["reikwijdte"]["afkorting"] == "cbr"
    assert staat["huidig"]["signalen"]["ingediend"] == 1
    assert staat["huidig"]["signalen"]["openTeLaat"] == 1
    assert staat["huidig"]["escalaties"]["totaal"] == 2
    assert staat["huidig"]["reacties"]["totaal"] == 0
    assert staat["huidig"]["doorlooptijd"] == {"eenheid": "werkdagen", "aantal": 0, "mediaanWerkdagen": None,
                                               "p90Werkdagen": None}
    assert staat["register"]["nietGeleverd"] == [{"afkorting": "cbr", "naam": "Centraal Bureau Rijvaardigheidsbewijzen"}]


def test_scope_ministry_and_committee(geschiedenis):
    szw = bereken(Periode.van_jaar(2025), Reikwijdte.kies(ministerie="szw"))
    assert szw["huidig"]["signalen"]["ingediend"] == 4
    assert szw["huidig"]["toezeggingen"]["gedaan"] == 3
    assert [o["afkorting"] for o in szw["register"]["geleverd"] + szw["register"]["nietGeleverd"]] == ["uwv", "svb"]
    cie = bereken(Periode.van_jaar(2025), Reikwijdte.kies(commissie="cie-ienw"))
    assert cie["huidig"]["signalen"]["ingediend"] == 1
    assert cie["huidig"]["escalaties"]["bewindspersoon"] == 1


@pytest.mark.parametrize("kwargs, veld", [
    ({"organisatie": "bestaat-niet"}, "organisatie"),
    ({"ministerie": "uwv"}, "ministerie"),
    ({"commissie": "szw"}, "commissie"),
    ({"organisatie": "uwv", "ministerie": "szw"}, "ministerie"),
])
def test_scope_refuses_wrong_choices(wereld, kwargs, veld):
    with pytest.raises(ValidationError) as fout:
        Reikwijdte.kies(**kwargs)
    assert veld in fout.value.message_dict


@pytest.mark.parametrize("tekst", ["", "25", "2025-1", "abcd", "1999", "2027", None])
def test_period_refuses_what_is_not_a_year_in_range(tekst):
    with pytest.raises(ValidationError):
        Periode.lees(tekst)


def test_period_bounds_are_dutch_time():
    p = Periode.lees(" 2025 ")
    assert p.begin.utcoffset() == dt.timedelta(hours=1)
    assert p.einde.isoformat() == "2026-01-01T00:00:00+01:00"
    assert p.vorige == Periode.van_jaar(2024)


def test_signals_declared_not_admissible_are_counted_per_owner_and_not_open(signaal, wereld):
    """Issue 22: closing a signal as niet ontvankelijk is no answer; the report shows who does it."""
    from schakel.rapportage.uitvoer import secties
    from schakel.signalen import services

    from ..signalen.test_niet_ontvankelijk import SPAM

    services.verklaar_niet_ontvankelijk(signaal, actor=wereld.behandelaar_szw, grond="spam", reden=SPAM)
    for reikwijdte in (None, Reikwijdte.kies(organisatie="SZW")):
        staat = bereken(Periode.van_jaar(2026), reikwijdte)
        h = staat["huidig"]
        assert h["signalen"]["nietOntvankelijk"] == 1 and h["signalen"]["open"] == 0
        assert h["nietOntvankelijk"]["totaal"] == h["nietOntvankelijk"]["spam"] == 1
        assert h["nietOntvankelijk"]["perEigenaar"] == [
            {"organisatie": "szw", "naam": wereld.szw.naam, "totaal": 1, "spam": 1, "geenOverheidsregel": 0,
             "dubbel": 0}]
        sectie = next(x for x in secties(staat) if x.id == "niet-ontvankelijk")
        assert sectie.tabellen[1].rijen == [[wereld.szw.naam, 1, 0, 0, 1]]
    assert bereken(Periode.van_jaar(2026), Reikwijdte.kies(organisatie="CBR"))["huidig"]["nietOntvankelijk"][
        "totaal"] == 0
