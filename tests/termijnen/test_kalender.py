"""Working-day arithmetic: holidays, weekends, DST and year ends, and properties (Hypothesis)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schakel.termijnen import kalender as k

D = dt.date
UTC = dt.timezone.utc


@pytest.mark.parametrize("datum, naam", [
    (D(2026, 1, 1), "Nieuwjaarsdag"),
    (D(2026, 4, 3), "Goede vrijdag"),
    (D(2026, 4, 6), "Tweede paasdag"),
    (D(2026, 4, 27), "Koningsdag"),
    (D(2026, 5, 14), "Hemelvaartsdag"),
    (D(2026, 5, 25), "Tweede pinksterdag"),
    (D(2026, 12, 25), "Eerste kerstdag"),
    (D(2026, 12, 26), "Tweede kerstdag"),  # a Saturday in 2026
    (D(2025, 5, 5), "Bevrijdingsdag"),  # lustrum year
    (D(2030, 5, 5), "Bevrijdingsdag"),  # a Sunday in 2030
    (D(2025, 4, 26), "Koningsdag"),  # 27 April 2025 is a Sunday: celebrated the Saturday before
])
def test_holiday_names(datum, naam):
    assert k.feestdag_naam(datum) == naam
    assert not k.is_werkdag(datum)


def test_liberation_day_every_year_under_the_algemene_termijnenwet():
    # Art. 3 lid 1 names "de vijfde mei" without a lustrum condition (the holidays package
    # lists it only every five years).
    assert not k.is_werkdag(D(2025, 5, 5))  # Monday
    assert not k.is_werkdag(D(2026, 5, 5))  # Tuesday
    assert not k.is_werkdag(D(2027, 5, 5))  # Wednesday
    assert k.is_werkdag(D(2030, 5, 6))  # no substitute day when 5 May falls on a Sunday


@pytest.mark.parametrize("datum", sorted(k.GELIJKGESTELDE_DAGEN))
def test_days_equated_by_decree_are_no_working_days(datum):
    assert datum.weekday() < 5
    assert not k.is_werkdag(datum)
    assert k.waarom_geen_werkdag(datum) == "met een feestdag gelijkgestelde dag"


def test_weekend_and_reason():
    assert k.waarom_geen_werkdag(D(2026, 3, 14)) == "zaterdag"
    assert k.waarom_geen_werkdag(D(2026, 3, 15)) == "zondag"
    assert k.waarom_geen_werkdag(D(2026, 4, 27)) == "Koningsdag"
    assert k.waarom_geen_werkdag(D(2026, 3, 16)) is None


def test_christmas_and_new_year():
    # Wednesday 23 December 2026 + 3 working days: Thu 24, (Fri 25 Christmas, Sat, Sun), Mon 28, Tue 29.
    assert k.tel_werkdagen_op(D(2026, 12, 23), 3) == D(2026, 12, 29)
    # Across the year end: Tue 29 + 3 = Wed 30, Thu 31, (Fri 1 Jan New Year), Mon 4 Jan.
    assert k.tel_werkdagen_op(D(2026, 12, 29), 3) == D(2027, 1, 4)
    assert k.werkdagen_tussen(D(2026, 12, 23), D(2027, 1, 4)) == 6


def test_kings_day_easter_monday_and_good_friday():
    # Thursday 2 April 2026 + 1: Good Friday 3 April and Easter Monday 6 April skipped.
    assert k.tel_werkdagen_op(D(2026, 4, 2), 1) == D(2026, 4, 7)
    # Friday 24 April 2026 + 1: weekend and King's Day (Monday 27th) skipped.
    assert k.tel_werkdagen_op(D(2026, 4, 24), 1) == D(2026, 4, 28)


def test_ascension_and_whit_monday():
    # Ascension Thursday 14 May 2026 and the Friday after it (equated by decree) are skipped.
    assert k.tel_werkdagen_op(D(2026, 5, 13), 1) == D(2026, 5, 18)
    assert k.tel_werkdagen_op(D(2026, 5, 22), 1) == D(2026, 5, 26)  # Whit Monday 25 May


def test_liberation_day_is_skipped():
    assert k.tel_werkdagen_op(D(2025, 5, 2), 1) == D(2025, 5, 6)  # Fri 2 May → (Mon 5 May) → Tue 6 May
    assert k.tel_werkdagen_op(D(2026, 5, 4), 1) == D(2026, 5, 6)  # also outside lustrum years


def test_six_weeks_from_the_fixture_date():
    # 30 working days from Wednesday 11 March 2026, skipping Good Friday and Easter Monday.
    berekening = k.bereken(D(2026, 3, 11), 30)
    assert berekening.uiterste == D(2026, 4, 24)
    assert [naam for _, naam in berekening.feestdagen] == ["Goede vrijdag", "Tweede paasdag"]
    assert "Goede vrijdag (03-04-2026)" in berekening.uitleg()
    assert berekening.kalenderdagen == 44


def test_zero_and_negative_counts():
    assert k.tel_werkdagen_op(D(2026, 3, 14), 0) == D(2026, 3, 16)  # Saturday → Monday
    assert k.tel_werkdagen_op(D(2026, 3, 11), 0) == D(2026, 3, 11)
    assert k.tel_werkdagen_op(D(2026, 4, 7), -1) == D(2026, 4, 2)  # back over Easter


def test_local_date_across_dst_and_year_end():
    # Last Sunday of March 2026: clocks go from 02:00 CET to 03:00 CEST.
    assert k.lokale_datum(dt.datetime(2026, 3, 28, 22, 59, tzinfo=UTC)) == D(2026, 3, 28)  # 23:59 CET
    assert k.lokale_datum(dt.datetime(2026, 3, 28, 23, 0, tzinfo=UTC)) == D(2026, 3, 29)
    # Last Sunday of October 2026: back from CEST to CET.
    assert k.lokale_datum(dt.datetime(2026, 10, 24, 21, 59, tzinfo=UTC)) == D(2026, 10, 24)  # 23:59 CEST
    assert k.lokale_datum(dt.datetime(2026, 10, 24, 22, 0, tzinfo=UTC)) == D(2026, 10, 25)
    assert k.lokale_datum(dt.datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == D(2027, 1, 1)
    with pytest.raises(ValueError):
        k.lokale_datum(dt.datetime(2026, 1, 1))


def test_deadline_of_a_request_made_late_in_the_evening_counts_from_the_local_date():
    # 23:30 UTC on Thursday 29 October 2026 is already Friday 00:30 in Amsterdam (CET, after the change).
    assert k.uiterste_datum(dt.datetime(2026, 10, 29, 23, 30, tzinfo=UTC), 1) == D(2026, 11, 2)
    assert k.uiterste_datum(dt.datetime(2026, 10, 29, 22, 30, tzinfo=UTC), 1) == D(2026, 10, 30)
    # In summer time the local day starts at 22:00 UTC.
    assert k.uiterste_datum(dt.datetime(2026, 10, 22, 22, 30, tzinfo=UTC), 1) == D(2026, 10, 26)


def test_end_of_day_spans_23_or_25_hours_around_dst():
    assert k.einde_van_dag(D(2026, 3, 28)) == dt.datetime(2026, 3, 28, 23, 0, tzinfo=UTC)
    assert k.einde_van_dag(D(2026, 3, 29)) - k.einde_van_dag(D(2026, 3, 28)) == dt.timedelta(hours=23)
    assert k.einde_van_dag(D(2026, 10, 25)) - k.einde_van_dag(D(2026, 10, 24)) == dt.timedelta(hours=25)
    assert not k.is_verstreken(D(2026, 3, 27), dt.datetime(2026, 3, 27, 22, 59, tzinfo=UTC))
    assert k.is_verstreken(D(2026, 3, 27), dt.datetime(2026, 3, 27, 23, 0, tzinfo=UTC))


def test_days_late():
    assert k.werkdagen_te_laat(D(2026, 4, 24), D(2026, 4, 24)) == 0
    assert k.werkdagen_te_laat(D(2026, 4, 24), D(2026, 4, 20)) == 0
    assert k.werkdagen_te_laat(D(2026, 4, 24), D(2026, 4, 25)) == 0  # Saturday: no working day yet
    assert k.werkdagen_te_laat(D(2026, 4, 24), D(2026, 4, 28)) == 1  # King's Day does not count


datums = st.dates(min_value=D(1990, 1, 1), max_value=D(2080, 12, 31))
aantallen = st.integers(min_value=0, max_value=400)


@settings(max_examples=300, deadline=None)
@given(datums, st.integers(min_value=1, max_value=400))
def test_adding_working_days_never_lands_on_a_weekend_or_holiday(start, n):
    uitkomst = k.tel_werkdagen_op(start, n)
    assert uitkomst > start
    assert uitkomst.weekday() < 5
    assert k.feestdag_naam(uitkomst) is None or uitkomst.weekday() >= 5
    assert k.is_werkdag(uitkomst)


@settings(max_examples=300, deadline=None)
@given(datums, aantallen)
def test_adding_then_counting_back_returns_n(start, n):
    werkdag = k.eerste_werkdag_vanaf(start)
    assert k.werkdagen_tussen(werkdag, k.tel_werkdagen_op(werkdag, n)) == n
    assert k.tel_werkdagen_op(k.tel_werkdagen_op(werkdag, n), -n) == werkdag


@settings(max_examples=300, deadline=None)
@given(datums, datums)
def test_counting_matches_a_day_by_day_walk_and_is_antisymmetric(a, b):
    van, tot = min(a, b), max(a, b)
    if (tot - van).days > 800:
        tot = van + dt.timedelta(days=800)
    stap = sum(1 for i in range(1, (tot - van).days + 1) if k.is_werkdag(van + dt.timedelta(days=i)))
    assert k.werkdagen_tussen(van, tot) == stap
    assert k.werkdagen_tussen(tot, van) == -stap


@settings(max_examples=200, deadline=None)
@given(datums, st.integers(min_value=1, max_value=200), st.integers(min_value=1, max_value=200))
def test_more_days_is_never_earlier(start, n, extra):
    assert k.tel_werkdagen_op(start, n + extra) > k.tel_werkdagen_op(start, n)


@settings(max_examples=200, deadline=None)
@given(st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2060, 1, 1),
                    timezones=st.just(ZoneInfo("Europe/Amsterdam"))))
def test_deadline_is_passed_exactly_at_local_midnight(moment):
    datum = k.lokale_datum(moment)
    assert not k.is_verstreken(datum, moment)
    einde = k.einde_van_dag(datum)
    assert k.is_verstreken(datum, einde)
    assert not k.is_verstreken(datum, einde - dt.timedelta(microseconds=1))
    assert einde.astimezone(ZoneInfo("Europe/Amsterdam")).time() == dt.time(0, 0)
