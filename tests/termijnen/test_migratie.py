"""The data migration that moved the uitvoeringstoets and retoursticker terms into the term
engine (termijnen 0005, toetsen 0002): backwards and forwards again keeps every term."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from schakel.core import clock
from schakel.noodrem import retourstickers
from schakel.termijnen.models import Termijn
from schakel.toetsen import services as toetsservices
from schakel.toetsen.models import VoorstelSoort

from .conftest import op

VOOR = [("termijnen", "0004_generieke_termijnen"), ("toetsen", "0001_initial")]
VELDEN = ("soort", "uitvoeringstoets_id", "retoursticker_id", "trede", "organisatie_id", "rol", "gestart_op",
          "werkdagen", "uiterste_datum", "eindtrede", "gesloten_op", "uitkomst")


def _termijnen():
    return sorted(Termijn.objects.exclude(soort="signaal").values_list(*VELDEN),
                  key=lambda r: (r[0], r[1] or 0, r[2] or 0, r[3]))


def _migreer(doelen):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(doelen)
    return executor


@pytest.mark.django_db(transaction=True)
def test_toets_and_sticker_terms_survive_the_migration_back_and_forth(wereld):
    clock.freeze(op(dt.date(2026, 3, 11)))
    toetsservices.registreer(
        actor=wereld.behandelaar_szw, soort=VoorstelSoort.AMENDEMENT, kamerstuk="36 123, nr. 5",
        titel="Amendement: WIA-voorschot in termijnen terugbetalen", omschrijving="In termijnen terugbetalen.",
        ministerie=wereld.szw, kamercommissie=wereld.cie_szw, regelingen=[wereld.wia],
        uitvoerders=[wereld.uwv, wereld.svb])
    retourstickers.stuur_retoursticker(organisatie=wereld.uwv, brief="Besluit herbeoordeling WIA",
                                       reden="onbegrijpelijk", contactgegevens="06-00000000")
    clock.freeze(op(dt.date(2026, 3, 20)))
    assert retourstickers.escaleer_retourstickers() == 1  # a closed term and an open board term
    voor = _termijnen()
    assert {r[0] for r in voor} == {"uitvoeringstoets", "retoursticker"} and len(voor) == 4

    executor = _migreer(VOOR)
    oud = executor.loader.project_state(VOOR).apps
    Toetstermijn = oud.get_model("toetsen", "Toetstermijn")
    assert sorted(Toetstermijn.objects.values_list("fase", flat=True)) == ["beoordeling", "beoordeling"]
    assert not Termijn.objects.exclude(soort="signaal").exists()

    executor = _migreer(executor.loader.graph.leaf_nodes())
    # Exactly the same terms: the toets terms copied back, the sticker's rebuilt from its own
    # dates (the missed handlers' term, closed 'geescaleerd', and the board's, the last rung).
    assert _termijnen() == voor
