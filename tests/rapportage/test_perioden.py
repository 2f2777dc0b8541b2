"""Periods: a year, quarter, month or range of days; the previous period of the same length; the
working days of the time to answer computed by the database against the deadline calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from schakel.rapportage.cijfers import bereken
from schakel.rapportage.perioden import EERSTE_DAG, Periode, bestandsnaam

# The tests' clock stands at 11 March 2026 (tests/conftest.py); a period may begin up to then.
VANDAAG = dt.date(2026, 3, 11)
dagen = st.dates(min_value=EERSTE_DAG, max_value=VANDAAG)


@st.composite
def perioden(draw):
    soort = draw(st.sampled_from(["jaar", "kwartaal", "maand", "bereik"]))
    if soort == "jaar":
        return Periode.van_jaar(draw(st.integers(EERSTE_DAG.year, VANDAAG.year)))
    if soort == "kwartaal":
        jaar = draw(st.integers(EERSTE_DAG.year, VANDAAG.year))
        return Periode.van_kwartaal(jaar, draw(st.integers(1, 1 if jaar == VANDAAG.year else 4)))
    if soort == "maand":
        jaar = draw(st.integers(EERSTE_DAG.year, VANDAAG.year))
        return Periode.van_maand(jaar, draw(st.integers(1, VANDAAG.month if jaar == VANDAAG.year else 12)))
    eerste = draw(dagen)
    laatste = draw(st.dates(min_value=eerste, max_value=dt.date(VANDAAG.year, 12, 31)))
    return Periode.bereik(eerste, laatste)


@given(perioden())
@example(Periode.van_kwartaal(2025, 1)).via("the quarter before is in the year before")
@example(Periode.van_maand(2024, 3)).via("the month before is a leap February")
def test_a_period_reads_back_from_its_name_and_the_previous_one_fits_against_it(periode):
    assert Periode.lees(periode.naam) == periode
    assert Periode.lees(f"  {periode.naam.lower()} ") == periode
    vorige = periode.vorige
    assert vorige.laatste_dag + dt.timedelta(days=1) == periode.eerste_dag
    assert vorige.soort == periode.soort
    if periode.soort == "bereik":
        assert vorige.dagen == periode.dagen
    elif periode.soort == "kwartaal":
        assert vorige.eerste_dag.month in (1, 4, 7, 10) and 89 <= vorige.dagen <= 92
    elif periode.soort == "maand":
        assert vorige.eerste_dag.day == 1 and 28 <= vorige.dagen <= 31
    else:
        assert (vorige.eerste_dag.month, vorige.eerste_dag.day, vorige.laatste_dag.month) == (1, 1, 12)
    assert periode.begin < periode.einde
    assert vorige.einde == periode.begin
    vakken = periode.vakken()
    assert vakken[0] <= periode.eerste_dag <= periode.laatste_dag
    assert vakken == sorted(set(vakken)) and periode.indeling == vorige.indeling


@given(st.text(max_size=30))
@example("2025-Q0").via("no quarter 0")
@example("2025-00").via("no month 0")
@example("2025-02-29..2025-03-01").via("2025 is no leap year")
@example("２０２５").via("full-width digits are not a year")
@example("2025-13")
@example("2025..2026")
@example("1999-12-31..2000-01-31")
@example("2026-12-31..2027-01-01")
@example("9999-Q4")
@example("0000")
def test_any_other_text_is_refused_cleanly_with_a_dutch_message(tekst):
    try:
        periode = Periode.lees(tekst)
    except ValidationError as fout:
        [melding] = fout.message_dict["periode"]
        assert melding and (melding[0].isupper() or melding[0] in "‘0123456789")
        return
    # Accepted: then it is one of the four forms and reads back to itself.
    assert Periode.lees(periode.naam) == periode
    assert tekst.strip().upper().replace(" ", "") == periode.naam.upper()


@pytest.mark.parametrize("tekst, naam, omschrijving, vorige", [
    ("2025", "2025", "2025", "2024"),
    ("2025-q1", "2025-Q1", "eerste kwartaal 2025", "2024-Q4"),
    ("2025-Q3", "2025-Q3", "derde kwartaal 2025", "2025-Q2"),
    ("2025-01", "2025-01", "januari 2025", "2024-12"),
    ("2024-03", "2024-03", "maart 2024", "2024-02"),
    ("2025-01-01..2025-06-30", "2025-01-01..2025-06-30", "1 januari 2025 tot en met 30 juni 2025",
     "2024-07-04..2024-12-31"),
    ("2025-03-10 .. 2025-03-10", "2025-03-10..2025-03-10", "10 maart 2025", "2025-03-09..2025-03-09"),
])
def test_period_names_and_previous(tekst, naam, omschrijving, vorige):
    periode = Periode.lees(tekst)
    assert (periode.naam, periode.omschrijving, periode.vorige.naam) == (naam, omschrijving, vorige)
    assert bestandsnaam(periode) == naam.replace("..", "-tot-")


@pytest.mark.parametrize("tekst, melding", [
    ("", "Vul een periode in"),
    ("2025-13", "Een maand loopt van 01 tot en met 12"),
    ("2025-Q5", "is geen periode"),
    ("2025-02-30..2025-03-01", "2025-02-30 is geen bestaande datum"),
    ("2025-06-30..2025-01-01", "ligt vóór de begindatum"),
    ("1999", "Kies een jaar van 2000 of later"),
    ("2027", "Kies een jaar tot en met 2026"),
    ("2026-04", "begint na vandaag"),
    ("2026-01-01..2027-01-01", "uiterlijk 31 december 2026"),
])
def test_bad_periods_say_what_is_wrong(tekst, melding):
    with pytest.raises(ValidationError) as fout:
        Periode.lees(tekst)
    assert melding in fout.value.message_dict["periode"][0]


def test_buckets_follow_the_length_of_the_period():
    assert Periode.lees("2025").indeling == "maand" and len(Periode.lees("2025").vakken()) == 12
    assert Periode.lees("2025-Q2").vakken() == [dt.date(2025, 4, 1), dt.date(2025, 5, 1), dt.date(2025, 6, 1)]
    assert Periode.lees("2025-02").indeling == "dag" and len(Periode.lees("2025-02").vakken()) == 28
    assert Periode.lees("2025-01-15..2025-03-14").vakken()[0] == dt.date(2025, 1, 1)
    assert Periode.lees("2020-01-01..2025-12-31").indeling == "jaar"


# --- Figures for other periods than a year (the history of conftest.py) -------------------------

def test_a_quarter_against_the_quarter_before(geschiedenis):
    staat = bereken(Periode.lees("2025-Q1"))
    assert staat["titel"] == "Staat van de Uitvoering eerste kwartaal 2025"
    assert staat["perioden"]["vorige"]["code"] == "2024-Q4"
    assert staat["huidig"]["signalen"]["ingediend"] == 2  # A, B
    assert staat["vorige"]["signalen"]["ingediend"] == 0
    # A 8 and B 14 working days: median 11, p90 8 + 0.9 * 6.
    assert staat["huidig"]["doorlooptijd"]["mediaanWerkdagen"] == 11.0
    assert staat["huidig"]["doorlooptijd"]["p90Werkdagen"] == 13.4
    assert [m["vak"] for m in staat["huidig"]["verloop"]] == ["2025-01", "2025-02", "2025-03"]
    assert [m["vak"] for m in staat["vorige"]["verloop"]] == ["2024-10", "2024-11", "2024-12"]
    assert staat["register"]["jaar"] == 2025


def test_escalations_fall_in_the_quarter_they_happened(geschiedenis):
    q4 = bereken(Periode.lees("2025-Q4"))
    # D escalated to the board on 1 Sep (Q3) and to the minister on 31 Dec; E to the board on 31 Dec.
    assert q4["huidig"]["escalaties"] == {"bestuur": 1, "ministerie": 0, "bewindspersoon": 1, "kamercommissie": 0,
                                          "totaal": 2}
    assert q4["vorige"]["escalaties"] == {"bestuur": 1, "ministerie": 0, "bewindspersoon": 0, "kamercommissie": 0,
                                          "totaal": 1}


def test_a_month_per_day(geschiedenis):
    staat = bereken(Periode.lees("2025-03"))
    assert staat["verloopPer"] == "dag"
    dagen = {m["vak"]: m["ingediend"] for m in staat["huidig"]["verloop"]}
    assert len(dagen) == 31 and dagen["2025-03-03"] == 1 and sum(dagen.values()) == 1  # B
    assert staat["vorige"]["signalen"]["ingediend"] == 1  # A in February
    assert len(staat["vorige"]["verloop"]) == 28


def test_a_range_against_the_equally_long_range_before(geschiedenis):
    staat = bereken(Periode.lees("2025-02-01..2025-04-30"))
    assert staat["perioden"]["huidig"]["dagen"] == staat["perioden"]["vorige"]["dagen"] == 89
    assert staat["perioden"]["vorige"]["eersteDag"] == "2024-11-04"
    assert staat["huidig"]["signalen"]["ingediend"] == 3  # A, B, C
    assert staat["huidig"]["doorlooptijd"]["mediaanWerkdagen"] == 8.0  # C 3, A 8, B 14
    assert staat["huidig"]["toezeggingen"]["gedaan"] == 2  # A's two; C's revision of 1 May is outside
    assert staat["titel"] == "Staat van de Uitvoering 1 februari 2025 tot en met 30 april 2025"


# --- Working days in the database against the deadline calendar ------------------------------

momenten = st.datetimes(min_value=dt.datetime(2023, 1, 1), max_value=dt.datetime(2026, 3, 11),
                        timezones=st.just(dt.timezone.utc))


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(begin=momenten, duur=st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=200)))
@example(begin=dt.datetime(2025, 12, 24, 22, 30, tzinfo=dt.timezone.utc), duur=dt.timedelta(days=9))  # CET midnight
@example(begin=dt.datetime(2025, 3, 29, 23, 30, tzinfo=dt.timezone.utc), duur=dt.timedelta(hours=1))  # DST change
def test_working_days_in_the_database_equal_the_deadline_calendar(begin, duur):
    from django.db.models import Value
    from django.db.models.fields import DateTimeField

    from schakel.organisaties.models import Organisatie
    from schakel.rapportage.statistiek import Werkdagen
    from schakel.termijnen import kalender

    eind = begin + duur
    feestdagen = [d for d, _ in kalender.feestdagen_tussen(dt.date(2022, 12, 31), dt.date(2026, 12, 31))]
    Organisatie.objects.get_or_create(afkorting="x-werkdagen", defaults={"naam": "Rekenorganisatie",
                                                                          "soort": "uitvoeringsorganisatie"})
    uitkomst = (Organisatie.objects.filter(afkorting="x-werkdagen")
                .annotate(w=Werkdagen(Value(begin, DateTimeField()), Value(eind, DateTimeField()), feestdagen=feestdagen))
                .values_list("w", flat=True).get())
    assert uitkomst == kalender.werkdagen_tussen(kalender.lokale_datum(begin), kalender.lokale_datum(eind))


@given(st.lists(st.integers(0, 400), min_size=1, max_size=200), st.sampled_from([0.0, 0.1, 0.5, 0.9, 0.99, 1.0]))
def test_percentiles_from_the_histogram_equal_percentile_cont_over_the_rows(waarden, fractie):
    import numpy

    from schakel.rapportage.statistiek import percentielen_uit_histogram

    histogram: dict[int, int] = {}
    for w in waarden:
        histogram[w] = histogram.get(w, 0) + 1
    # numpy's default 'linear' method is percentile_cont's interpolation between the nearest ranks.
    assert percentielen_uit_histogram(histogram, [fractie])[fractie] == pytest.approx(
        float(numpy.percentile(waarden, 100 * fractie)))
    assert percentielen_uit_histogram({}, [fractie]) == {fractie: None}


def test_the_staat_opens_on_a_period_with_data_and_data_before_it():
    import datetime as dt

    from schakel.rapportage.perioden import Periode, standaardperiode

    def met_data_vanaf(begin):
        return lambda periode: periode.laatste_dag >= begin

    vandaag = dt.date(2026, 12, 8)
    # Years of data: the last complete year.
    assert standaardperiode(vandaag, met_data_vanaf(dt.date(2020, 1, 1))) == Periode.van_jaar(2025)
    # Fourteen months (the demo): not 2025 against an empty 2024, but Q3 against Q2 2026.
    assert standaardperiode(vandaag, met_data_vanaf(dt.date(2025, 10, 8))) == Periode.van_kwartaal(2026, 3)
    # Nothing at all: the last complete year, as before.
    assert standaardperiode(vandaag, lambda periode: False) == Periode.van_jaar(2025)
