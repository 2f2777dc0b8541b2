"""verify-audit replays each signal's trail against its row: data changed behind the
application's back (raw SQL, as an attacker with database access would) is reported."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from schakel.audit import controle
from schakel.signalen import services
from schakel.termijnen.sweep import run_sweep

from ..conftest import GOEDE_UITLEG


def sql(query: str, params=()):
    with connection.cursor() as cursor:
        cursor.execute(query, params)


def verify() -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("verify_audit", stdout=out, stderr=StringIO())
    except CommandError as fout:
        return fout.returncode, out.getvalue() + str(fout)
    return 0, out.getvalue()


@pytest.fixture
def beantwoord(signaal, wereld):
    services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=GOEDE_UITLEG)
    return signaal


def test_untouched_signals_are_clean(beantwoord, wereld):
    code, uitvoer = verify()
    assert code == 0, uitvoer
    assert "1 signals replayed" in uitvoer


@pytest.mark.parametrize("kolom, waarde, veld, verwacht", [
    ("status", "in_behandeling", "status", "beantwoord"),
    ("escalatietrede", 4, "escalatietrede", "1"),
])
def test_tampered_column_is_reported(beantwoord, kolom, waarde, veld, verwacht):
    sql(f"UPDATE signalen_signaal SET {kolom} = %s WHERE id = %s", [waarde, beantwoord.pk])
    code, uitvoer = verify()
    assert code == 1
    regels = [r for r in uitvoer.splitlines() if r.startswith("AFWIJKING")]
    assert regels == [f"AFWIJKING {beantwoord.kenmerk} {veld}: volgens de audittrail {verwacht}, "
                      f"in de data {waarde}"]


def test_status_set_to_answered_without_answer_is_reported(signaal):
    """The attack from issue 22."""
    sql("UPDATE signalen_signaal SET status = 'beantwoord' WHERE id = %s", [signaal.pk])
    code, uitvoer = verify()
    assert code == 1
    assert f"{signaal.kenmerk} status: volgens de audittrail in_behandeling, in de data beantwoord" in uitvoer


def test_tampered_owner_is_reported(beantwoord, wereld):
    sql("UPDATE signalen_signaal SET eigenaar_id = %s WHERE id = %s", [wereld.uwv.pk, beantwoord.pk])
    code, uitvoer = verify()
    assert code == 1
    assert f"{beantwoord.kenmerk} eigenaar: volgens de audittrail szw, in de data uwv" in uitvoer


def test_tampered_answer_is_reported(beantwoord):
    sql("UPDATE signalen_reactie SET besluit = 'overnemen' WHERE signaal_id = %s", [beantwoord.pk])
    code, uitvoer = verify()
    assert code == 1
    assert (f"{beantwoord.kenmerk} reactie: volgens de audittrail versie 1 (niet_overnemen), "
            f"in de data versie 1 (overnemen)") in uitvoer


def test_deleted_answer_is_reported(beantwoord):
    sql("DELETE FROM signalen_reactie WHERE signaal_id = %s", [beantwoord.pk])
    code, uitvoer = verify()
    assert code == 1
    assert f"{beantwoord.kenmerk} reactie: volgens de audittrail versie 1 (niet_overnemen), in de data (leeg)" in uitvoer


def test_signal_inserted_without_trail_is_reported(signaal, wereld):
    andere = services.dien_in(indiener=wereld.melder_cbr, titel="Nog een signaal over rijbewijzen",
                              praktijk=signaal.praktijk, getroffen_burgers=signaal.getroffen_burgers,
                              regeling=wereld.wvw)
    sql("DELETE FROM audit_gebeurtenis WHERE signaal_id = %s", [andere.pk]) if connection.vendor != "postgresql" \
        else pytest.skip("the append-only trigger refuses deletes on PostgreSQL")
    verslag = controle.controleer()
    assert [(a.kenmerk, a.veld) for a in verslag.gevonden] == [(andere.kenmerk, "audittrail")]


def test_escalations_by_the_sweep_replay(signaal, wereld):
    import datetime as dt

    from schakel.core import clock
    from schakel.termijnen.kalender import AMSTERDAM

    datum = signaal.uiterste_reactiedatum + dt.timedelta(days=3)
    clock.freeze(dt.datetime(datum.year, datum.month, datum.day, 10, tzinfo=AMSTERDAM))
    run_sweep()
    signaal.refresh_from_db()
    trede = signaal.escalatietrede
    assert trede > 1
    assert controle.controleer().in_orde
    sql("UPDATE signalen_signaal SET escalatietrede = 1 WHERE id = %s", [signaal.pk])
    assert [(a.veld, a.verwacht, a.gevonden) for a in controle.controleer().gevonden] == [("escalatietrede", trede, 1)]


def test_many_signals_in_small_batches(signaal, wereld):
    for i in range(4):
        services.dien_in(indiener=wereld.melder_uwv, titel=f"Signaal nummer {i} over de WIA",
                         praktijk=signaal.praktijk, getroffen_burgers=signaal.getroffen_burgers, regeling=wereld.wia)
    sql("UPDATE signalen_signaal SET status = 'beantwoord' WHERE id = %s", [signaal.pk + 3])
    verslag = controle.controleer(batch=2)
    assert verslag.signalen == 5
    assert [a.kenmerk for a in verslag.gevonden] == [f"SIG-{signaal.pk + 3:06d}"]
