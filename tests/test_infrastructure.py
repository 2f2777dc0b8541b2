"""Database behaviour the application relies on: transactions, row locks, the search index.

The PostgreSQL-only tests run in ``scripts/test.sh``'s PostgreSQL pass; the others run
on both databases.
"""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from django.db import connection, transaction
from django.http import HttpResponse
from django.urls import path

from schakel.audit.models import Gebeurtenis
from schakel.core import clock
from schakel.core.analyse import zoekdocument
from schakel.regelingen.models import Regeling
from schakel.signalen import services
from schakel.signalen.models import Besluit, Reactie, Signaal
from schakel.signalen.zoeken import zoek

GIN_INDEX = "signaal_zoekvector_gin"


def test_the_wsgi_application_freezes_its_long_lived_objects_out_of_the_collector(tmp_path):
    """Loading the app (schakel.wsgi) imports every view and freezes what lives as long as the
    process, so a full garbage collection no longer walks it (a 100 ms pause otherwise)."""
    import os
    import subprocess
    import sys

    code = ("import gc, time; import schakel.wsgi; t = time.perf_counter(); gc.collect(); "
            "print(gc.get_freeze_count(), time.perf_counter() - t)")
    env = {**os.environ, "SCHAKEL_DEBUG": "1", "SCHAKEL_DATA_DIR": str(tmp_path),
           "DJANGO_SETTINGS_MODULE": "schakel.conf.settings"}
    uit = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert uit.returncode == 0, uit.stderr
    bevroren, seconden = uit.stdout.split()
    assert int(bevroren) > 50_000
    assert float(seconden) < 0.05


def _dien_in_en_faal(request):
    """A view that writes through a service and then fails, as a bug would."""
    services.dien_in(indiener=request.user, titel="Half opgeslagen signaal",
                     praktijk="Dit signaal wordt opgeslagen en daarna gaat het verzoek mis. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                     getroffen_burgers="niemand in de uitvoering", regeling=Regeling.objects.get(bwb_id="BWBR0019057"))
    raise RuntimeError("failure after the write")


def _alleen_lezen(request):
    return HttpResponse("ok")


urlpatterns = [path("faal", _dien_in_en_faal), path("lees", _alleen_lezen)]


@pytest.mark.urls(__name__)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failing_request_rolls_back_all_its_writes(client, wereld):
    """ATOMIC_REQUESTS: a request that errors leaves neither the signal nor its audit events."""
    client.raise_request_exception = False
    client.force_login(wereld.melder_uwv)
    gebeurtenissen = Gebeurtenis.objects.count()

    assert client.post("/faal").status_code == 500

    assert not Signaal.objects.exists()
    assert Gebeurtenis.objects.count() == gebeurtenissen
    assert client.get("/lees").status_code == 200  # the connection is usable afterwards


def _seed_signalen(wereld, aantal: int) -> None:
    """Bulk-insert signals with varied text, as a realistic table for the planner."""
    woorden = ["uitkering", "toeslag", "rijbewijs", "keuring", "bijstand", "kinderopvang",
               "studiefinanciering", "zorgverzekering", "huurtoeslag", "pensioen", "vergunning"]
    Signaal.objects.bulk_create(
        Signaal(titel=f"Signaal {i}", praktijk=f"Problemen met {woorden[i % len(woorden)]} nummer {i}",
                getroffen_burgers="burgers in de uitvoering", regeling=wereld.wia, indienende_organisatie=wereld.uwv,
                eigenaar=wereld.szw, zoektekst=zoekdocument(f"Problemen met {woorden[i % len(woorden)]} {i}"))
        for i in range(aantal)
    )


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_gin_index_exists_on_the_stored_search_vector():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [GIN_INDEX])
        row = cursor.fetchone()
        cursor.execute("SELECT generation_expression FROM information_schema.columns "
                       "WHERE table_name = 'signalen_signaal' AND column_name = 'zoekvector'")
        kolom = cursor.fetchone()
    assert row is not None, f"index {GIN_INDEX} is missing"
    assert "USING gin (zoekvector)" in row[0]
    assert kolom is not None and "to_tsvector('simple'::regconfig" in kolom[0]


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_the_stored_search_vector_follows_changes_of_the_text(signaal):
    """PostgreSQL recomputes the generated column on every write of ``zoektekst``."""
    assert list(zoek(Signaal.objects.all(), "voorschot")) == [signaal]
    Signaal.objects.filter(pk=signaal.pk).update(zoektekst=zoekdocument("Wachttijden bij de keuring"))
    assert not zoek(Signaal.objects.all(), "voorschot").exists()
    assert list(zoek(Signaal.objects.all(), "wachttijd")) == [signaal]


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_search_works_inside_a_subquery(wereld, signaal):
    """The stored column is named through the table alias Django gives the subquery."""
    _seed_signalen(wereld, 30)
    binnen = zoek(Signaal.objects.filter(eigenaar=wereld.szw), "keuringen").values("pk")
    gevonden = Signaal.objects.filter(pk__in=binnen)
    assert gevonden.count() == sum(1 for i in range(30) if i % 11 == 3)
    assert "zoekvector" in str(gevonden.query)


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_search_uses_the_gin_index(wereld, signaal):
    """The query zoek() builds must use the indexed column, or the index is dead weight."""
    _seed_signalen(wereld, 2000)
    with connection.cursor() as cursor:
        # Fresh rows wait in the GIN index's pending list, which makes an index scan look
        # expensive to the planner; VACUUM would merge them, but not inside a transaction.
        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [GIN_INDEX])
        cursor.execute("ANALYZE signalen_signaal")

    gevonden = zoek(Signaal.objects.all(), "terugvorderingen schulden")
    plan = gevonden.explain()

    assert GIN_INDEX in plan, plan
    assert list(gevonden) == [signaal]


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_search_results_on_postgresql_match_stemming(wereld, signaal):
    _seed_signalen(wereld, 50)
    assert zoek(Signaal.objects.all(), "keuringen").count() == sum(1 for i in range(50) if i % 11 == 3)
    assert list(zoek(Signaal.objects.all(), "Terugvordering voorschotten")) == [signaal]
    assert not zoek(Signaal.objects.all(), "terugvordering rijbewijs").exists()
    # tsquery operators in user input are plain text, never syntax.
    for vraag in ["schulden & !voorschot", "a:* | b", "'')", "<->"]:
        list(zoek(Signaal.objects.all(), vraag))


@pytest.mark.postgres_only
@pytest.mark.django_db
@pytest.mark.parametrize(("filters", "index"), [
    ({}, "signaal_status_lijst_idx"),
    ({"eigenaar_id": 1}, "signaal_eigenaar_lijst_idx"),
    ({"indienende_organisatie_id": 1}, "signaal_indiener_lijst_idx"),
])
def test_overdue_lists_can_be_read_from_the_list_indexes(filters, index):
    """The teLaat condition is the indexed expression itself, tested inside the index (an
    ``Index Cond``), so an overdue list needs no visit to the rows that are not overdue.
    With sequential and bitmap scans off, the planner must still find the index."""
    from schakel.termijnen.selecties import is_overschreden_q

    lijst = (Signaal.objects.filter(openbaar=True, **filters).filter(is_overschreden_q())
             .order_by("-ingediend_op")[:20])
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        plan = lijst.explain()
    assert index in plan, plan
    assert "Index Cond:" in plan and "COALESCE(LEAST(" in plan.split("Index Cond:")[1].split("\n")[0], plan


def _kolommen_van_de_query(uitvoeren) -> set[str]:
    """The columns of the signal table that the one query ``uitvoeren`` runs reads."""
    import re

    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as vastgelegd:
        uitvoeren()
    (query,) = vastgelegd.captured_queries
    return set(re.findall(r'"signalen_signaal"\."(\w+)"', query["sql"]))


def _kolommen_van_de_index(naam: str) -> set[str]:
    """The plain columns of an index (an index-only scan can return only these)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                       "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                       "WHERE c.relname = %s", [naam])
        return {kolom for (kolom,) in cursor.fetchall()}


@pytest.mark.postgres_only
@pytest.mark.django_db
@pytest.mark.parametrize(("filters", "index"), [
    ({"eigenaar_id": 1}, "signaal_eigenaar_lijst_idx"),
    ({"indienende_organisatie_id": 1}, "signaal_indiener_lijst_idx"),
    ({"regeling_id": 1}, "signaal_regeling_datum_idx"),
])
def test_figures_per_organisation_or_regulation_can_come_from_an_index_alone(filters, index):
    """The counts on organisation and regulation pages read only columns of the list index, so
    PostgreSQL can count from the index without visiting the table (an index-only scan; at 1M
    signals 0.9 s became 0.1 s for SZW, docs/performance.md). Tested on the columns, not on a
    plan: the planner of an empty test table has no reason to choose an index-only scan."""
    from schakel.web.selecties import tellingen

    gelezen = _kolommen_van_de_query(lambda: tellingen(Signaal.objects.filter(openbaar=True, **filters)))
    assert gelezen and gelezen <= _kolommen_van_de_index(index), gelezen - _kolommen_van_de_index(index)


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_the_articles_of_a_regulation_can_be_counted_from_an_index_alone():
    from schakel.knelpunten.selecties import artikelranglijst

    gelezen = _kolommen_van_de_query(
        lambda: artikelranglijst(Signaal.objects.filter(openbaar=True, regeling_id=1)))
    assert gelezen and gelezen <= _kolommen_van_de_index("signaal_regeling_artikel_idx"), gelezen


def _wacht_op_lock(timeout: float = 10.0) -> bool:
    """Whether some other session is waiting for a row lock within ``timeout`` seconds."""
    einde = time.monotonic() + timeout
    while time.monotonic() < einde:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
            if cursor.fetchone()[0]:
                return True
        time.sleep(0.05)
    return False


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_answers_wait_for_the_row_lock(wereld, signaal):
    """Two handlers answer at once: the second waits, then becomes version 2 (a revision)."""
    fouten: list[BaseException] = []
    toezegging = services.NieuweToezegging(omschrijving="Regeling aanpassen", eigenaar="Directie Uitvoering",
                                           uiterlijk=clock.today() + dt.timedelta(days=60))

    def tweede_reactie():
        try:
            services.reageer(Signaal.objects.get(pk=signaal.pk), actor=wereld.behandelaar_szw,
                             besluit=Besluit.OVERNEMEN, toelichting_tekst="We passen de regeling aan.",
                             toezeggingen=[toezegging])
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            fouten.append(exc)
        finally:
            connection.close()

    andere = threading.Thread(target=tweede_reactie)
    with transaction.atomic():
        Signaal.objects.select_for_update().get(pk=signaal.pk)
        andere.start()
        geblokkeerd = _wacht_op_lock()
        services.reageer(signaal, actor=wereld.behandelaar_szw, besluit=Besluit.OVERNEMEN,
                         toelichting_tekst="We nemen het voorstel over.", toezeggingen=[toezegging])
    andere.join(timeout=30)

    assert geblokkeerd, "the second answer did not wait for the row lock"
    assert not andere.is_alive()
    assert not fouten, fouten
    assert list(Reactie.objects.filter(signaal=signaal).values_list("versie", "toelichting")) == [
        (1, "We nemen het voorstel over."), (2, "We passen de regeling aan.")]
    acties = list(signaal.gebeurtenissen.order_by("id").values_list("actie", flat=True))
    assert acties[-2:] == ["beantwoord", "herzien"]


@pytest.mark.postgres_only
@pytest.mark.django_db(databases=["default", "cache"], transaction=True)
def test_rate_limit_counters_commit_at_once_not_with_the_request():
    """The cache goes through its own autocommit connection (``schakel.core.databaserouter``):
    a counter written inside a request's transaction is visible to other workers at once, so
    requests of one client do not queue behind each other's row lock."""
    from django.core.cache.backends.db import DatabaseCache
    from django.core.management import call_command
    from django.db import connections

    call_command("createcachetable", "schakel_cache_proef", verbosity=0)
    cache = DatabaseCache("schakel_cache_proef", {})
    andere_worker = connections.create_connection("default")
    try:
        with transaction.atomic():  # the request's transaction (ATOMIC_REQUESTS)
            Regeling.objects.filter(bwb_id="BWBR0019057").update(titel="Wet werk en inkomen naar arbeidsvermogen")
            cache.set("throttle_user_1", [1.0, 2.0])
            assert not connections["cache"].in_atomic_block
            with andere_worker.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM schakel_cache_proef")
                assert cursor.fetchone()[0] == 1
    finally:
        andere_worker.close()
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE schakel_cache_proef")


def test_the_cache_router_sends_only_the_cache_table_to_its_connection():
    from django.core.cache.backends.db import DatabaseCache

    from schakel.core.databaserouter import CacheInAutocommit

    router = CacheInAutocommit()
    assert router.db_for_write(DatabaseCache("t", {}).cache_model_class) == "cache"
    assert router.db_for_read(Regeling) is None and router.db_for_write(Regeling) is None
    assert router.allow_migrate("cache", "signalen") is False
    assert router.allow_migrate("default", "signalen") is None
