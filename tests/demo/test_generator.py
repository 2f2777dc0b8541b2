"""The bulk data generator (``schakel genereer-data``): deterministic and consistent.

Runs on the database of the test run (SQLite, and PostgreSQL in the PostgreSQL pass: COPY).
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, F, Max, Q
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schakel.audit import keten
from schakel.core import clock
from schakel.audit.models import Gebeurtenis
from schakel.demo import generator
from schakel.knelpunten.models import Bundeling, Knelpunt
from schakel.signalen import zoeken
from schakel.signalen.models import Reactie, Signaal, Toezegging
from schakel.termijnen.models import Termijn, VerlopenToezegging
from schakel.termijnen.sweep import run_sweep

pytestmark = pytest.mark.django_db


class _Terugdraaien(Exception):
    pass


def _momentopname() -> dict:
    return {
        "signalen": list(Signaal.objects.order_by("uuid").values_list(
            "uuid", "titel", "praktijk", "status", "ingediend_op", "beantwoord_op", "uiterste_reactiedatum",
            "escalatietrede", "termijn_overschreden_op", "eigenaar__afkorting", "indienende_organisatie__afkorting",
            "regeling__bwb_id", "zoektekst")),
        "reacties": list(Reactie.objects.order_by("uuid").values_list("uuid", "signaal__uuid", "versie", "besluit",
                                                                       "toelichting", "gegeven_op")),
        "toezeggingen": list(Toezegging.objects.order_by("uuid").values_list("uuid", "reactie__uuid", "uiterlijk",
                                                                             "status", "nagekomen_op")),
        "termijnen": sorted(Termijn.objects.values_list("signaal__uuid", "trede", "uiterste_datum", "gesloten_op",
                                                        "uitkomst")),
        "oorzaken": sorted(Signaal.oorzaken.through.objects.values_list("signaal__uuid", "oorzaak__code")),
        "bundelingen": sorted(Bundeling.objects.values_list("knelpunt__uuid", "signaal__uuid", "toegevoegd_op")),
    }


def _genereer_en_draai_terug(aantal: int, seed: int) -> tuple[generator.Resultaat, dict]:
    try:
        with transaction.atomic():
            uit = generator.genereer(aantal, seed=seed)
            foto = _momentopname()
            raise _Terugdraaien
    except _Terugdraaien:
        pass
    return uit, foto


def test_same_seed_same_data_other_seed_other_data():
    eerste, foto = _genereer_en_draai_terug(120, seed=5)
    assert Signaal.objects.count() == 0  # rolled back
    tweede, nog_eens = _genereer_en_draai_terug(120, seed=5)
    assert foto == nog_eens
    assert {k: v for k, v in eerste.als_dict().items() if k != "seconden"} == \
        {k: v for k, v in tweede.als_dict().items() if k != "seconden"}
    _, ander = _genereer_en_draai_terug(120, seed=6)
    assert ander["signalen"] != foto["signalen"]


def _controleer_samenhang(uit: generator.Resultaat, aantal: int) -> None:
    # Counts as reported.
    assert Signaal.objects.count() == uit.signalen == aantal
    assert Reactie.objects.count() == uit.reacties
    assert Toezegging.objects.count() == uit.toezeggingen
    assert Termijn.objects.count() == uit.termijnen
    assert Knelpunt.objects.count() == uit.knelpunten
    assert Bundeling.objects.count() == uit.bundelingen
    assert VerlopenToezegging.objects.count() == uit.verlopen_toezeggingen
    # Answers: the answered signals have versions 1..n, the open ones none.
    versies = Signaal.objects.annotate(n=Count("reacties"), hoogste=Max("reacties__versie"))
    assert not versies.filter(status="beantwoord", n=0).exists()
    assert not versies.filter(status="in_behandeling", n__gt=0).exists()
    assert not versies.filter(n__gt=0).exclude(hoogste=F("n")).exists()
    assert not Reactie.objects.exclude(organisatie=F("signaal__eigenaar")).exists()
    # Commitments belong to a comply of the same signal.
    assert not Toezegging.objects.exclude(signaal=F("reactie__signaal")).exists()
    assert not Toezegging.objects.exclude(reactie__besluit="overnemen").exists()
    assert not VerlopenToezegging.objects.exclude(toezegging__status="open").exists()
    # Terms: one open term per unanswered signal, none on answered ones; the signal's rung is its last term's.
    open_per_signaal = Signaal.objects.annotate(open=Count("termijnen", filter=Q(termijnen__gesloten_op__isnull=True)),
                                                top=Max("termijnen__trede"))
    assert not open_per_signaal.filter(status="in_behandeling").exclude(open=1).exists()
    assert not open_per_signaal.filter(status="beantwoord").exclude(open=0).exists()
    assert not open_per_signaal.exclude(escalatietrede=F("top")).exists()
    assert not Termijn.objects.filter(gesloten_op__lt=F("gestart_op")).exists()
    # Knelpunten bundle signals about their own regulation.
    assert not Bundeling.objects.exclude(knelpunt__regeling=F("signaal__regeling")).exists()
    # The stored search text is what the application computes.
    for signaal in Signaal.objects.all()[:50]:
        assert signaal.zoektekst == zoeken.zoektekst_voor(signaal)
    # The history is what the sweep would have made: nothing is overdue at this moment.
    sweep = run_sweep()
    assert sweep.escalated == 0
    assert VerlopenToezegging.objects.count() == uit.verlopen_toezeggingen
    # One audit event in the intact chain.
    assert keten.verifieer().in_orde
    assert Gebeurtenis.objects.filter(actie="data_gegenereerd").count() == (1 if aantal else 0)


def test_consistent_data_and_search():
    uit = generator.genereer(300, seed=1)
    _controleer_samenhang(uit, 300)
    assert uit.reacties > 0 and uit.toezeggingen > 0 and uit.knelpunten > 0 and uit.bundelingen > 0
    assert zoeken.zoek(Signaal.objects.all(), "voorschotten").exists()


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(aantal=st.integers(min_value=0, max_value=60), seed=st.integers(min_value=0, max_value=2**32),
       uur=st.sampled_from([0, 2, 10, 22, 23]))
def test_consistent_for_any_seed_size_and_hour(aantal, seed, uur, vaste_klok):
    # Around midnight UTC the Dutch date is already the next day: the sweep must still find nothing.
    clock.freeze(vaste_klok.replace(hour=uur, minute=30))
    try:
        with transaction.atomic():
            uit = generator.genereer(aantal, seed=seed)
            _controleer_samenhang(uit, aantal)
            raise _Terugdraaien
    except _Terugdraaien:
        pass


def test_command_refuses_a_database_with_signals(signaal):
    with pytest.raises(CommandError, match="bevat al signalen"):
        call_command("genereer_data", signalen=10)


def test_command_generates(capsys):
    call_command("genereer_data", signalen=25, seed=3, verbosity=0)
    assert Signaal.objects.count() == 25
    assert "25 signalen" in capsys.readouterr().out


def test_nothing_overdue_just_after_dutch_midnight(vaste_klok):
    # 23:30 UTC is already tomorrow in the Netherlands: deadlines of "yesterday" must have escalated.
    clock.freeze(vaste_klok.replace(hour=23, minute=30))
    uit = generator.genereer(1000, seed=2, jaren=0.25)
    assert Termijn.objects.filter(uitkomst="geescaleerd").exists()
    assert run_sweep().escalated == 0
    assert VerlopenToezegging.objects.count() == uit.verlopen_toezeggingen
