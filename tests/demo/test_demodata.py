"""The demo data set: accounts, a realistic mix of signals built through the services, deterministic."""

from __future__ import annotations

import time
from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings

from schakel.accounts.models import Rol, User
from schakel.audit.models import Gebeurtenis
from schakel.core import clock
from schakel.demo import opbouw
from schakel.demo import retourstickers as demo_retourstickers
from schakel.demo import triage as demo_triage
from schakel.noodrem.models import Retoursticker
from schakel.organisaties.models import Organisatie
from schakel.signalen import toelichting
from schakel.signalen.models import (
    Besluit,
    Reactie,
    Signaal,
    SignaalSoort,
    Toezegging,
    ToezeggingStatus,
)
from schakel.signalen.workflow import Status

pytestmark = pytest.mark.django_db


def laad(*args) -> str:
    out = StringIO()
    call_command("laad_demodata", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def vingerafdruk_van_dataset() -> list[tuple]:
    from schakel.knelpunten.models import Bundeling

    return list(Signaal.objects.order_by("ingediend_op", "id").values_list(
        "titel", "status", "soort", "indienende_organisatie__afkorting", "eigenaar__afkorting", "ingediend_op",
        "aantal_getroffen", "openbaar")) + list(Bundeling.objects.order_by("signaal__ingediend_op").values_list(
            "signaal__titel", "knelpunt__titel", "knelpunt__aangemaakt_op")) + list(
        Retoursticker.objects.order_by("ingediend_op", "id").values_list(
            "organisatie__afkorting", "brief", "reden", "ingediend_op", "contact_op", "geescaleerd_op",
            "signaal__titel"))


def test_full_demo_set_is_realistic_and_fast():
    begin = time.monotonic()
    uitvoer = laad()
    duur = time.monotonic() - begin
    assert duur < 50, f"laad-demodata took {duur:.1f}s"
    # Every signal meets the minimum content, and its row agrees with its audit trail (verify-audit).
    from schakel.audit import controle
    from schakel.signalen.services import valideer_signaal

    for s in Signaal.objects.all():
        valideer_signaal(s)
    verslag = controle.controleer()
    assert verslag.in_orde and verslag.signalen == Signaal.objects.count(), [str(a) for a in verslag.gevonden[:5]]

    # Accounts per role and organisation, one shared password, plus the admin.
    for naam, rol, org in [("melder.uwv", Rol.MELDER, "uwv"), ("behandelaar.szw", Rol.BEHANDELAAR, "szw"),
                           ("bestuur.uwv", Rol.BESTUUR, "uwv"), ("minister.szw", Rol.BEWINDSPERSOON, "szw"),
                           ("griffie.szw", Rol.GRIFFIE, "cie-szw"), ("melder.amsterdam", Rol.MELDER, "amsterdam")]:
        user = User.objects.get(username=naam)
        assert (user.rol, user.organisatie.afkorting) == (rol, org)
        assert user.check_password(opbouw.DEMO_WACHTWOORD)
    beheer = User.objects.get(username="beheer")
    assert beheer.is_superuser and beheer.is_staff and beheer.check_password(opbouw.DEMO_WACHTWOORD)
    assert opbouw.DEMO_WACHTWOORD in uitvoer and "melder.uwv" in uitvoer and "/beheer/" in uitvoer
    assert "http://localhost:8000/" in uitvoer

    # 300 signals filed by people, the few waiting in the triage, and one that the counts of
    # retourstickers about a letter filed.
    triage = len(demo_triage.SIGNALEN)
    assert Signaal.objects.filter(indiener__isnull=False).count() == 300 + triage
    assert Signaal.objects.filter(indiener__isnull=True).count() == 1
    signalen = Signaal.objects.all()
    assert signalen.values("titel").distinct().count() == signalen.count() == 301 + triage
    assert len(set(signalen.values_list("indienende_organisatie", flat=True))) >= 12
    assert len(set(signalen.values_list("regeling", flat=True))) >= 15

    # Filed over the past ~14 months, never in the future.
    nu = clock.now()
    data = sorted(signalen.values_list("ingediend_op", flat=True))
    assert data[-1] < nu and (nu - data[0]).days > 300
    assert len({d.strftime("%Y-%m") for d in data}) >= 12

    # A mix of statuses and outcomes.
    per_status = Counter(signalen.values_list("status", flat=True))
    assert per_status[Status.BEANTWOORD] > 120 and per_status[Status.IN_BEHANDELING] > 40
    open_signalen = signalen.filter(status=Status.IN_BEHANDELING)
    over_termijn = open_signalen.filter(uiterste_reactiedatum__lt=clock.today()).count()
    assert 10 < over_termijn < open_signalen.count()
    besluiten = Counter(Reactie.objects.values_list("besluit", flat=True))
    assert besluiten[Besluit.OVERNEMEN] > 50 and besluiten[Besluit.NIET_OVERNEMEN] > 40
    assert Reactie.objects.filter(versie=2).count() >= 5
    assert Reactie.objects.filter(niveau="politiek").exclude(ondertekend_door="").count() >= 10
    assert signalen.filter(soort=SignaalSoort.NOODREM).exists()
    assert signalen.filter(openbaar=False).exists()
    assert Gebeurtenis.objects.filter(actie="doorgestuurd").count() >= 3
    doorgestuurd = Signaal.objects.filter(gebeurtenissen__actie="doorgestuurd").distinct()
    assert doorgestuurd.exclude(eigenaar__soort="ministerie").exists()  # back to an implementer

    # Commitments: some kept, some overdue, some still running.
    toezeggingen = Toezegging.objects.all()
    assert toezeggingen.filter(status=ToezeggingStatus.NAGEKOMEN).count() > 20
    assert toezeggingen.verlopen().count() > 5
    assert toezeggingen.filter(status=ToezeggingStatus.OPEN, uiterlijk__gte=clock.today()).exists()

    # Everything went through the services: a complete audit trail on the right dates.
    acties = Counter(Gebeurtenis.objects.values_list("actie", flat=True))
    assert acties["ingediend"] == 301 + triage and acties["gerouteerd"] == 301 and acties["naar_triage"] == triage
    assert acties["beantwoord"] == per_status[Status.BEANTWOORD]
    assert acties["herzien"] == Reactie.objects.filter(versie__gt=1).count()
    assert acties["toezegging_nagekomen"] == toezeggingen.filter(status=ToezeggingStatus.NAGEKOMEN).count()
    for signaal in signalen.order_by("?")[:20]:
        ingediend = signaal.gebeurtenissen.get(actie="ingediend")
        assert ingediend.tijdstip == signaal.ingediend_op
        for reactie in signaal.reacties.all():
            assert reactie.gegeven_op > signaal.ingediend_op

    # Explains are distinct and substantive, as the service demands.
    uitleg = list(Reactie.objects.filter(besluit=Besluit.NIET_OVERNEMEN).values_list("toelichting", flat=True))
    assert len({toelichting.vingerafdruk(t) for t in uitleg}) == len(uitleg)
    assert all(toelichting.bezwaren_tegen_uitleg(t) == [] for t in uitleg)

    _knelpunten_zijn_realistisch(uitvoer)


def _knelpunten_zijn_realistisch(uitvoer):
    """Knelpunten bundled from the demo signals; some on a committee's agenda, some not."""
    from django.test import Client

    from schakel.knelpunten.models import Knelpunt
    from schakel.knelpunten import selecties

    knelpunten = list(Knelpunt.objects.prefetch_related("signalen").select_related("agendering"))
    assert len(knelpunten) >= 6
    geagendeerd = [k for k in knelpunten if hasattr(k, "agendering")]
    assert 2 <= len(geagendeerd) < len(knelpunten)
    assert f"Knelpunten: {len(knelpunten)}, waarvan {len(geagendeerd)} op de agenda" in uitvoer
    for k in knelpunten:
        assert len(k.beleidsbetekenis) >= 80 and k.regeling_id is not None
        leden = list(k.signalen.all())
        assert leden and all(s.regeling_id == k.regeling_id for s in leden)
        assert max(s.ingediend_op for s in leden) < k.aangemaakt_op < clock.now()
    assert Gebeurtenis.objects.filter(actie="knelpunt_aangemaakt").count() == len(knelpunten)
    # The committee agenda and the regulation pages of the demo are populated.
    commissie = geagendeerd[0].kamercommissie
    griffie = User.objects.get(username=opbouw.gebruikersnaam("griffie", commissie))
    assert selecties.agenda(commissie, griffie)
    client = Client()
    client.force_login(griffie)
    assert geagendeerd[0].titel in client.get(f"/commissies/{commissie.afkorting}/agenda").content.decode()
    pagina = client.get(f"/regelingen/{knelpunten[0].regeling.bwb_id}").content.decode()
    assert knelpunten[0].titel in pagina


def vingerafdruk_na_laden(seed):
    """Load demo data inside a transaction that is rolled back, and fingerprint it."""
    with transaction.atomic():
        laad("--aantal", "40", "--seed", str(seed))
        afdruk = vingerafdruk_van_dataset()
        transaction.set_rollback(True)
    return afdruk


def test_same_seed_gives_the_same_data_and_a_second_run_changes_nothing():
    eerste = vingerafdruk_na_laden(7)
    assert len(eerste) > 40  # 40 signals and the bundles of the demo knelpunten
    assert vingerafdruk_na_laden(7) == eerste
    assert vingerafdruk_na_laden(8) != eerste

    laad("--aantal", "40", "--seed", "7")
    gebeurtenissen = Gebeurtenis.objects.count()
    uitvoer = laad("--aantal", "40", "--seed", "7")
    assert "er is niets gewijzigd" in uitvoer and "melder.uwv" in uitvoer
    assert vingerafdruk_van_dataset() == eerste and Gebeurtenis.objects.count() == gebeurtenissen
    assert User.objects.filter(username="melder.uwv").count() == 1


def test_loads_reference_data_when_missing():
    assert not Organisatie.objects.exists()
    laad("--aantal", "5")
    assert Organisatie.objects.filter(afkorting__in=["uwv", "szw", "cbr", "cie-szw"]).count() == 4
    # and one from retourstickers' counts
    assert Signaal.objects.filter(indiener__isnull=False, regeling__isnull=False).count() == 5
    assert Signaal.objects.filter(indiener__isnull=False, regeling__isnull=True).count() == len(demo_triage.SIGNALEN)


def test_refuses_a_database_with_real_signals(signaal):
    with pytest.raises(CommandError, match="geen demodata"):
        laad("--aantal", "5")
    assert Signaal.objects.count() == 1


@pytest.mark.parametrize("aantal", ["-1", "100000"])
def test_rejects_an_unreasonable_number(aantal):
    with pytest.raises(CommandError, match="--aantal"):
        laad("--aantal", aantal)


def test_demo_accounts_are_recognised_by_name_only(wereld):
    opbouw.maak_gebruikers()
    namen = set(opbouw.demo_gebruikers().values_list("username", flat=True))
    assert {"melder.uwv", "behandelaar.szw", "minister.szw", "griffie.szw", "beheer"} <= namen
    assert not namen & {"melder-uwv", "behandelaar-szw"}  # the test world's own accounts
    assert not opbouw.demo_gebruikers().exclude(email="").exists()  # notifications stay in the inbox


@pytest.mark.parametrize("drempel", [10, 5])  # the other letters stay below 5
def test_retourstickers_are_realistic_and_one_letter_crosses_the_threshold(drempel):
    """Letters of UWV, SVB, CJIB and the Belastingdienst sent back; call-backs in time, late and
    missed (before the board); one letter sent back once more than the threshold files a signal."""
    with override_settings(SCHAKEL_NOODREM={"retoursticker_drempel": drempel, "retoursticker_drempel_dagen": 90}):
        uitvoer = laad("--aantal", "10")
    vandaag, nu = clock.today(), clock.now()
    stickers = Retoursticker.objects.select_related("organisatie")
    assert stickers.count() == len(demo_retourstickers.STICKERS) + drempel + 1
    assert {s.organisatie.afkorting for s in stickers} == {"uwv", "svb", "cjib", "belastingdienst"}
    assert all(s.ingediend_op < nu and s.contactgegevens.endswith(demo_retourstickers.DEMO_CONTACT)
               for s in stickers)
    assert stickers.values("brief_sleutel").distinct().count() >= 6

    # Call-backs: most in time, one too late, some missed and put before the board, the newest still open.
    gebeld = [s for s in stickers if s.contact_op is not None]
    assert len([s for s in gebeld if s.contact_op.astimezone(clock.AMSTERDAM).date() <= s.contact_uiterlijk]) >= 5
    assert any(s.contact_op.astimezone(clock.AMSTERDAM).date() > s.contact_uiterlijk for s in gebeld)
    gemist = stickers.filter(contact_op__isnull=True, contact_uiterlijk__lt=vandaag)
    assert gemist.count() >= 3 and not gemist.filter(geescaleerd_op__isnull=True).exists()
    assert Gebeurtenis.objects.filter(actie="retoursticker_geescaleerd").count() == stickers.filter(
        geescaleerd_op__isnull=False).count()
    assert stickers.filter(contact_op__isnull=True, contact_uiterlijk__gte=vandaag).exists()
    assert Gebeurtenis.objects.filter(actie="retoursticker_contact").count() == len(gebeld)

    # The count of the threshold letter filed one signal to UWV, open and within its term; the
    # sticker after the crossing was linked to it.
    signaal = Signaal.objects.get(indiener__isnull=True)
    organisatie, brief = demo_retourstickers.DREMPELBRIEF
    assert signaal.titel == f"Brief vaak teruggestuurd: {brief}"
    assert signaal.eigenaar.afkorting == organisatie and signaal.indienende_organisatie is None
    assert signaal.status == Status.IN_BEHANDELING and signaal.uiterste_reactiedatum >= vandaag
    assert signaal.retourstickers.count() == drempel + 1
    assert signaal.gebeurtenissen.filter(actie="retourstickers_gekoppeld").exists()
    assert f"{drempel} retourstickers in 90" in signaal.praktijk
    assert opbouw.demo_signalen().filter(pk=signaal.pk).exists()  # demo data: a second load changes nothing
    assert (f"Retourstickers: {stickers.count()} over {stickers.values('brief_sleutel').distinct().count()} "
            f"brieven; {stickers.filter(geescaleerd_op__isnull=False).count()} niet op tijd gebeld") in uitvoer
    assert "1 signaal uit de telling per brief" in uitvoer
    assert "er is niets gewijzigd" in laad("--aantal", "10")


def test_the_triage_queue_is_filled_and_one_handler_may_route_it(client):
    """Signals without a regulation wait in the triage queue, filed through the service (audited
    ``naar_triage``) on recent working days; one demo handler has the triage permission."""
    from schakel.signalen import rechten

    uitvoer = laad("--aantal", "10")
    vandaag, nu = clock.today(), clock.now()
    wachtend = Signaal.objects.filter(eigenaar__isnull=True, status=Status.INGEDIEND).order_by("ingediend_op")
    assert [s.titel for s in wachtend] == [t.titel for t in demo_triage.SIGNALEN]
    for signaal, plan in zip(wachtend, demo_triage.SIGNALEN):
        assert signaal.regeling is None and signaal.indiener.username == f"{plan.indiener[1]}.{plan.indiener[0]}"
        assert signaal.uiterste_reactiedatum is None and not signaal.termijnen.exists()
        assert 1 <= (vandaag - signaal.ingediend_op.astimezone(clock.AMSTERDAM).date()).days <= 14
        assert signaal.ingediend_op < nu
        assert [g.actie for g in signaal.gebeurtenissen.order_by("tijdstip", "id")] == ["ingediend", "naar_triage"]
    assert opbouw.demo_signalen().filter(pk__in=wachtend).count() == wachtend.count()
    assert f"Triage: {wachtend.count()} signalen zonder regeling" in uitvoer

    trieerders = [u for u in opbouw.demo_gebruikers() if rechten.mag_trieren(u) and not u.is_superuser]
    assert [u.username for u in trieerders] == [opbouw.trieerder()] == ["behandelaar.bzk"]
    assert f"{opbouw.trieerder()} mag ook signalen zonder regeling routeren" in uitvoer

    client.force_login(trieerders[0])
    pagina = client.get("/signalen/triage").content.decode()
    assert all(t.titel in pagina for t in demo_triage.SIGNALEN)
    client.force_login(User.objects.get(username="behandelaar.szw"))
    assert client.get("/signalen/triage").status_code == 403


def test_the_loader_prints_the_port_the_demo_serves_on(monkeypatch):
    monkeypatch.setenv("SCHAKEL_PORT", "8101")
    uitvoer = laad("--aantal", "0")
    assert "http://localhost:8101/" in uitvoer and "8000" not in uitvoer
