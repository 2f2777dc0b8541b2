import datetime as dt

import pytest

from schakel.core import clock
from schakel.core.text import fold, jaccard, shingles, stems


def test_frozen_clock_and_travel(vaste_klok):
    assert clock.now() == vaste_klok
    later = dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.timezone.utc)
    with clock.travel(later):
        assert clock.now() == later
        assert clock.today() == dt.date(2027, 1, 1)  # already New Year in Amsterdam
    assert clock.now() == vaste_klok


def test_freeze_refuses_naive_datetime():
    with pytest.raises(ValueError):
        clock.freeze(dt.datetime(2026, 1, 1))


def test_env_offset_shifts_the_clock(monkeypatch):
    clock.freeze(None)
    monkeypatch.setenv("SCHAKEL_CLOCK_OFFSET_DAYS", "10")
    verschil = clock.now() - dt.datetime.now(dt.timezone.utc)
    assert dt.timedelta(days=9.99) < verschil < dt.timedelta(days=10.01)


def test_text_helpers():
    assert fold("Geëist Één") == "geeist een"
    assert stems("De terugvorderingen") == ["terugvorder"]
    assert jaccard(shingles("a b c d"), shingles("a b c d")) == 1.0
    assert jaccard(set(), {1}) == 0.0
