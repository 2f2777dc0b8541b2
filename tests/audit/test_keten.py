"""The audit trail's hash chain: appends chain, verify-audit finds every kind of tampering.

Tampering is done with raw SQL, as an attacker with database access would. On PostgreSQL
the append-only trigger is switched off for that (the test transaction rolls it back).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from schakel.audit import keten, trail
from schakel.audit.models import AppendOnlyError, Gebeurtenis, Ketenkop
from schakel.signalen import services
from schakel.termijnen.bulk import insert_rows
from schakel.termijnen.sweep import run_sweep

from ..conftest import GOEDE_UITLEG

TABEL = "audit_gebeurtenis"


def sql(query: str, params=()):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks: ALTER TABLE refuses those
            cursor.execute(f"ALTER TABLE {TABEL} DISABLE TRIGGER USER")
        cursor.execute(query, params)
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {TABEL} ENABLE TRIGGER USER")


def id_van(volgnummer: int) -> int:
    return Gebeurtenis.objects.get(volgnummer=volgnummer).pk


@pytest.fixture
def keten_van_vijf(signaal, wereld):
    """A real trail: filed, routed, answered, forwarded-free; then padded to at least five events."""
    services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=GOEDE_UITLEG)
    while Gebeurtenis.objects.count() < 5:
        trail.record("test", signaal, signaal=signaal, voor={"n": Gebeurtenis.objects.count()},
                     na={"datum": dt.date(2026, 3, 12), "getal": 2.0, "lijst": [1, "twee"]})
    assert keten.verifieer().in_orde
    return Gebeurtenis.objects.count()


def test_every_append_links_to_the_one_before(keten_van_vijf):
    rijen = list(Gebeurtenis.objects.order_by("volgnummer").values_list("volgnummer", "vorige_hash", "hash"))
    assert [r[0] for r in rijen] == list(range(1, len(rijen) + 1))
    assert rijen[0][1] == keten.GENESIS
    for (_, _, vorige), (_, link, _) in zip(rijen, rijen[1:]):
        assert link == vorige
    kop = Ketenkop.objects.get()
    assert (kop.volgnummer, kop.hash) == (len(rijen), rijen[-1][2])


def test_hash_covers_the_content_as_read_back(keten_van_vijf):
    """Dates, floats and JSON come back from the database in another shape: the hash still matches."""
    for g in Gebeurtenis.objects.all():
        velden = {f.attname: getattr(g, f.attname) for f in g._meta.concrete_fields}
        assert keten.bereken_hash(velden, g.vorige_hash) == g.hash


def test_hash_changes_with_every_field():
    basis = {"tijdstip": dt.datetime(2026, 3, 11, 10, tzinfo=dt.timezone.utc), "actor_id": 1,
             "actor_omschrijving": "Melder", "actie": "ingediend", "object_type": "signalen.signaal",
             "object_id": "1", "signaal_id": 1, "voor": None, "na": {"a": 1}, "toelichting": ""}
    hashes = {keten.bereken_hash(basis, keten.GENESIS), keten.bereken_hash(basis, "f" * 64)}
    for veld, andere in [("tijdstip", dt.datetime(2026, 3, 11, 10, 0, 0, 1, tzinfo=dt.timezone.utc)),
                         ("actor_id", 2), ("actor_omschrijving", "Bestuur"), ("actie", "gerouteerd"),
                         ("object_type", "signalen.reactie"), ("object_id", "2"), ("signaal_id", None),
                         ("voor", {}), ("na", {"a": 2}), ("toelichting", " ")]:
        hashes.add(keten.bereken_hash({**basis, veld: andere}, keten.GENESIS))
    assert len(hashes) == 12


def test_same_moment_in_another_time_zone_hashes_the_same():
    inhoud = {"tijdstip": dt.datetime(2026, 3, 11, 10, tzinfo=dt.timezone.utc), "actie": "a", "object_type": "x",
              "object_id": 1}
    cet = {**inhoud, "tijdstip": inhoud["tijdstip"].astimezone(dt.timezone(dt.timedelta(hours=1)))}
    assert keten.bereken_hash(inhoud, keten.GENESIS) == keten.bereken_hash(cet, keten.GENESIS)


def test_bulk_writes_outside_the_chain_are_refused(signaal):
    with pytest.raises(AppendOnlyError):
        Gebeurtenis.objects.bulk_create([Gebeurtenis(actie="x")])


def test_sweep_events_join_the_chain(wereld, signaal):
    from schakel.core import clock

    clock.freeze(dt.datetime(2026, 6, 1, 10, tzinfo=dt.timezone.utc))
    result = run_sweep()
    assert result.escalated == 1
    assert Gebeurtenis.objects.filter(actie="geescaleerd").count() == 1
    verslag = keten.verifieer(batch=2)  # small batches: the walk crosses batch boundaries
    assert verslag.in_orde, verslag.breuk
    assert verslag.aantal == Gebeurtenis.objects.count() == Ketenkop.objects.get().volgnummer


# --- tampering: each kind is found, at the right place -------------------------------------

def test_edited_event_is_found(keten_van_vijf):
    sql(f"UPDATE {TABEL} SET toelichting = %s WHERE volgnummer = 3", ["Niets aan de hand."])
    breuk = keten.verifieer().breuk
    assert (breuk.soort, breuk.volgnummer, breuk.gebeurtenis_id) == ("gewijzigd", 3, id_van(3))


def test_edited_event_with_recomputed_hash_breaks_the_next_link(keten_van_vijf):
    g = Gebeurtenis.objects.get(volgnummer=2)
    velden = {f.attname: getattr(g, f.attname) for f in g._meta.concrete_fields}
    velden["actie"] = "vervalst"
    sql(f"UPDATE {TABEL} SET actie = %s, hash = %s WHERE volgnummer = 2",
        ["vervalst", keten.bereken_hash(velden, g.vorige_hash)])
    breuk = keten.verifieer().breuk
    assert (breuk.soort, breuk.volgnummer) == ("link", 3)


def test_deleted_event_is_found(keten_van_vijf):
    sql(f"DELETE FROM {TABEL} WHERE volgnummer = 3")
    breuk = keten.verifieer().breuk
    assert (breuk.soort, breuk.volgnummer) == ("ontbreekt", 4)
    assert "3" in breuk.uitleg


def test_deleted_event_with_renumbered_rest_is_found(keten_van_vijf):
    sql(f"DELETE FROM {TABEL} WHERE volgnummer = 2")
    for n in range(3, keten_van_vijf + 1):
        sql(f"UPDATE {TABEL} SET volgnummer = %s WHERE volgnummer = %s", [n - 1, n])
    sql("UPDATE audit_ketenkop SET volgnummer = volgnummer - 1")
    breuk = keten.verifieer().breuk
    assert (breuk.soort, breuk.volgnummer) == ("link", 2)


def test_deleted_last_events_are_found(keten_van_vijf):
    sql(f"DELETE FROM {TABEL} WHERE volgnummer >= %s", [keten_van_vijf - 1])
    verslag = keten.verifieer()
    assert verslag.breuk.soort == "kop" and verslag.aantal == keten_van_vijf - 2


def test_inserted_event_is_found(keten_van_vijf):
    """A forged event slipped in after number 2, with a correct hash of its own; the rest renumbered."""
    for n in range(keten_van_vijf, 2, -1):
        sql(f"UPDATE {TABEL} SET volgnummer = %s WHERE volgnummer = %s", [n + 1, n])
    vorige = Gebeurtenis.objects.get(volgnummer=2)
    velden = {f.attname: getattr(vorige, f.attname) for f in vorige._meta.concrete_fields}
    velden.update(actie="vervalst", toelichting="Ingevoegd.")
    rij = {k: v for k, v in velden.items() if k != "id"}
    rij.update(volgnummer=3, vorige_hash=vorige.hash, hash=keten.bereken_hash(velden, vorige.hash))
    insert_rows(Gebeurtenis, [rij])
    sql("UPDATE audit_ketenkop SET volgnummer = volgnummer + 1")
    breuk = keten.verifieer().breuk
    assert (breuk.soort, breuk.volgnummer) == ("link", 4)


def test_event_appended_around_the_chain_is_found(keten_van_vijf):
    laatste = Gebeurtenis.objects.get(volgnummer=keten_van_vijf)
    velden = {f.attname: getattr(laatste, f.attname) for f in laatste._meta.concrete_fields if f.attname != "id"}
    velden.update(volgnummer=keten_van_vijf + 1, vorige_hash=laatste.hash, actie="vervalst")
    velden["hash"] = keten.bereken_hash(velden, laatste.hash)
    insert_rows(Gebeurtenis, [velden])
    assert keten.verifieer().breuk.soort == "kop"


def test_event_with_number_below_one_is_refused(keten_van_vijf):
    laatste = Gebeurtenis.objects.get(volgnummer=1)
    velden = {f.attname: getattr(laatste, f.attname) for f in laatste._meta.concrete_fields if f.attname != "id"}
    velden["volgnummer"] = 0
    # Django's IntegrityError on SQLite, psycopg's CheckViolation through COPY on PostgreSQL.
    with pytest.raises(Exception, match="audit_volgnummer_positief|CHECK constraint failed"), transaction.atomic():
        insert_rows(Gebeurtenis, [velden])


def test_reordered_events_are_found(keten_van_vijf):
    """Events 3 and 4 swap places."""
    sql(f"UPDATE {TABEL} SET volgnummer = 1000000 WHERE volgnummer = 3")
    sql(f"UPDATE {TABEL} SET volgnummer = 3 WHERE volgnummer = 4")
    sql(f"UPDATE {TABEL} SET volgnummer = 4 WHERE volgnummer = 1000000")
    breuk = keten.verifieer().breuk
    assert (breuk.soort, breuk.volgnummer) == ("link", 3)


# --- the command ---------------------------------------------------------------------------

def test_verify_audit_command_reports_intact_chain(keten_van_vijf, capsys):
    call_command("verify_audit")
    uit = capsys.readouterr().out
    assert f"Audit trail intact: {keten_van_vijf} events" in uit
    assert Ketenkop.objects.get().hash in uit


def test_verify_audit_command_fails_on_broken_chain(keten_van_vijf):
    sql(f"UPDATE {TABEL} SET object_id = '999' WHERE volgnummer = 2")
    with pytest.raises(CommandError, match=r"BROKEN at volgnummer 2 .*gewijzigd") as fout:
        call_command("verify_audit")
    assert fout.value.returncode == 1


def test_verify_audit_on_empty_trail(db, capsys):
    call_command("verify_audit")
    assert "intact: 0 events" in capsys.readouterr().out


# --- the data migration --------------------------------------------------------------------

def test_migration_chains_events_recorded_before_the_chain(keten_van_vijf):
    from importlib import import_module
    from types import SimpleNamespace

    from django.db.migrations.executor import MigrationExecutor

    sql(f"UPDATE {TABEL} SET volgnummer = volgnummer + 1000, vorige_hash = '', hash = ''")
    sql("UPDATE audit_ketenkop SET volgnummer = 0, hash = %s", [keten.GENESIS])
    apps = MigrationExecutor(connection).loader.project_state(("audit", "0002_hashketen_velden")).apps
    migratie = import_module("schakel.audit.migrations.0003_hashketen_bestaande")
    if connection.vendor == "postgresql":  # on a real database the trigger does not exist yet at this step
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {TABEL} DISABLE TRIGGER USER")
    migratie.keten_op(apps, SimpleNamespace(connection=connection))
    verslag = keten.verifieer()
    assert verslag.in_orde and verslag.aantal == keten_van_vijf
    assert list(Gebeurtenis.objects.order_by("volgnummer").values_list("id", flat=True)) == sorted(
        Gebeurtenis.objects.values_list("id", flat=True))


# --- PostgreSQL: the trigger and concurrent writers ----------------------------------------

@pytest.mark.postgres_only
def test_postgres_trigger_refuses_update_and_delete(keten_van_vijf):
    from django.db import DatabaseError

    for query in (f"UPDATE {TABEL} SET toelichting = 'x' WHERE volgnummer = 1",
                  f"DELETE FROM {TABEL} WHERE volgnummer = 1"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as c:
            c.execute(query)
    assert keten.verifieer().in_orde


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_postgres_concurrent_writers_cannot_fork_the_chain(wereld):
    import threading

    from django.db import connections

    from schakel.organisaties.models import Organisatie

    org = Organisatie.objects.get(afkorting="uwv")
    fouten = []

    def schrijver(n: int):
        try:
            for i in range(25):
                with transaction.atomic():
                    trail.record("test", org, toelichting=f"schrijver {n}, {i}")
        except Exception as fout:  # pragma: no cover - reported below
            fouten.append(fout)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=schrijver, args=(n,)) for n in range(4)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert not fouten
    verslag = keten.verifieer()
    assert verslag.in_orde, verslag.breuk
    assert Gebeurtenis.objects.filter(actie="test").count() == 100
