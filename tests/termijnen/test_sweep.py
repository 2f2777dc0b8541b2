"""The sweep: every rung of the ladder, idempotence, resuming, atomic batches, overdue commitments."""

import datetime as dt
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from schakel.audit.models import Gebeurtenis
from schakel.notificaties.models import Melding, Soort
from schakel.signalen import services as signalen
from schakel.signalen.services import NieuweToezegging
from schakel.termijnen import engine, selecties, services, sweep
from schakel.termijnen.ladder import Trede
from schakel.termijnen.models import Termijn, Uitkomst, VerlopenToezegging
from schakel.termijnen.status import Fase

from ..conftest import GOEDE_UITLEG

D = dt.date


def open_termijn(signaal):
    return Termijn.objects.get(signaal=signaal, gesloten_op__isnull=True)


def test_nothing_escalates_before_the_deadline(signaal, ga_naar):
    ga_naar(D(2026, 4, 24))  # the last day
    assert sweep.run_sweep().escalated == 0
    assert open_termijn(signaal).trede == Trede.BEHANDELAAR


def test_a_ministry_owned_signal_climbs_every_rung(signaal, wereld, bestuurders, ga_naar):
    # Rung 1 → 2: the handlers' term (24 April) passed; the board of SZW (DG/SG) gets 10 working days.
    ga_naar(D(2026, 4, 28))
    resultaat = sweep.run_sweep()
    assert (resultaat.escalated, resultaat.per_rung) == (1, {Trede.BESTUUR: 1})
    termijn = open_termijn(signaal)
    assert (termijn.trede, termijn.organisatie, termijn.rol) == (Trede.BESTUUR, wereld.szw, "bestuur")
    assert termijn.uiterste_datum == D(2026, 5, 13)  # 10 working days after 28 April, without 5 May
    signaal.refresh_from_db()
    assert signaal.escalatietrede == Trede.BESTUUR
    assert signaal.uiterste_reactiedatum == D(2026, 5, 13)
    assert signaal.termijn_overschreden_op == D(2026, 4, 24)
    eerste = Termijn.objects.get(signaal=signaal, trede=Trede.BEHANDELAAR)
    assert eerste.uitkomst == Uitkomst.GEESCALEERD and eerste.gesloten_op is not None
    gebeurtenis = Gebeurtenis.objects.get(signaal=signaal, actie="geescaleerd")
    assert gebeurtenis.actor is None and gebeurtenis.actor_omschrijving == "systeem"
    assert gebeurtenis.voor == {"trede": 1, "gericht_aan": "szw", "rol": "behandelaar",
                                "uiterste_reactiedatum": "2026-04-24"}
    assert gebeurtenis.na["trede"] == 2 and gebeurtenis.na["uiterste_reactiedatum"] == "2026-05-13"
    assert "verstreek op 24-04-2026" in gebeurtenis.toelichting
    melding = Melding.objects.get(ontvanger=wereld.bestuur_szw, soort=Soort.GEESCALEERD)
    assert "13-05-2026" in melding.tekst
    assert Melding.objects.filter(ontvanger=wereld.melder_uwv, soort=Soort.TERMIJN_OVERSCHREDEN).exists()
    status = services.status_van(signaal)
    assert status.fase == Fase.OVERSCHREDEN and status.werkdagen_te_laat == 1
    assert status.tekst == ("Termijn overschreden, 1 werkdag te laat, geëscaleerd naar de ambtelijke top (DG/SG) "
                            "van Ministerie van Sociale Zaken en Werkgelegenheid (reageren uiterlijk 13 mei 2026).")

    # Rung 2 → 4: SZW is itself a ministry, so the principal rung is skipped: the minister, 5 days.
    ga_naar(D(2026, 5, 14))
    assert sweep.run_sweep().per_rung == {Trede.BEWINDSPERSOON: 1}
    termijn = open_termijn(signaal)
    assert (termijn.trede, termijn.organisatie, termijn.rol, termijn.uiterste_datum) == (
        Trede.BEWINDSPERSOON, wereld.szw, "bewindspersoon", D(2026, 5, 22))  # Ascension Day and the Friday after skipped
    assert Melding.objects.filter(ontvanger=wereld.minister_szw, soort=Soort.GEESCALEERD).exists()

    # Rung 4 → 5: the committee that controls SZW.
    ga_naar(D(2026, 5, 26))  # after Whit Monday
    assert sweep.run_sweep().per_rung == {Trede.KAMERCOMMISSIE: 1}
    termijn = open_termijn(signaal)
    assert (termijn.trede, termijn.organisatie, termijn.rol) == (Trede.KAMERCOMMISSIE, wereld.cie_szw, "griffie")
    assert termijn.eindtrede
    assert Melding.objects.filter(ontvanger=wereld.griffie_szw, soort=Soort.GEESCALEERD).exists()
    status = services.status_van(signaal)
    assert status.fase == Fase.OP_AGENDA
    assert status.tekst == ("Termijn overschreden, 17 werkdagen te laat; staat op de agenda van de vaste "
                            "commissie voor Sociale Zaken en Werkgelegenheid.")

    # The top: nothing climbs further, however late.
    ga_naar(D(2026, 9, 1))
    assert sweep.run_sweep().escalated == 0
    assert Termijn.objects.filter(signaal=signaal).count() == 4
    assert list(Gebeurtenis.objects.filter(signaal=signaal, actie="geescaleerd")
                .values_list("na__trede", flat=True)) == [2, 4, 5]

    # An answer at any rung stops the climb; the answer is on record as late.
    signalen.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=GOEDE_UITLEG)
    assert not Termijn.objects.filter(signaal=signaal, gesloten_op__isnull=True).exists()
    status = services.status_van(signaal.__class__.objects.get(pk=signaal.pk))
    assert status.fase == Fase.BEANTWOORD
    assert status.tekst.startswith("Beantwoord op 1 september 2026, 87 werkdagen na de uiterste reactiedatum van "
                                   "24 april 2026 (geëscaleerd tot de vaste commissie")


def test_an_implementing_organisation_climbs_via_its_principal(signaal, wereld, bestuurders, ga_naar):
    signalen.stuur_door(signaal, naar=wereld.uwv, actor=wereld.behandelaar_szw,
                        reden="UWV voert de WIA uit en kan de terugvordering zelf aanpassen.")
    verwacht = [
        (D(2026, 4, 28), Trede.BESTUUR, wereld.uwv, "bestuur", wereld.bestuur_uwv),
        (D(2026, 5, 14), Trede.MINISTERIE, wereld.szw, "bestuur", wereld.bestuur_szw),
        (D(2026, 6, 2), Trede.BEWINDSPERSOON, wereld.szw, "bewindspersoon", wereld.minister_szw),
        (D(2026, 6, 10), Trede.KAMERCOMMISSIE, wereld.cie_szw, "griffie", wereld.griffie_szw),
    ]
    for datum, trede, organisatie, rol, ontvanger in verwacht:
        ga_naar(datum)
        assert sweep.run_sweep().escalated == 1, datum
        termijn = open_termijn(signaal)
        assert (termijn.trede, termijn.organisatie, termijn.rol) == (trede, organisatie, rol)
        assert Melding.objects.filter(ontvanger=ontvanger, soort=Soort.GEESCALEERD, signaal=signaal).count() == 1
    assert services.status_van(signaal).tekst.startswith("Termijn overschreden, 28 werkdagen te laat")


def test_an_answer_at_a_higher_rung_stops_the_climb(signaal, wereld, ga_naar):
    ga_naar(D(2026, 4, 28))
    sweep.run_sweep()
    signalen.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=GOEDE_UITLEG)
    ga_naar(D(2026, 6, 1))
    assert sweep.run_sweep().escalated == 0
    assert Termijn.objects.get(signaal=signaal, trede=Trede.BESTUUR).uitkomst == Uitkomst.BEANTWOORD


def _maak_signalen(wereld, aantal):
    return [signalen.dien_in(indiener=wereld.melder_uwv, titel=f"Knelpunt {i} in de WIA-uitvoering",
                             praktijk="Beschrijving van de praktijk. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.", getroffen_burgers="WIA-aanvragers",
                             regeling=wereld.wia) for i in range(aantal)]


def test_double_sweep_escalates_nothing_twice(wereld, ga_naar):
    _maak_signalen(wereld, 7)
    ga_naar(D(2026, 4, 28))
    eerste = sweep.run_sweep(batch_size=3)
    assert (eerste.escalated, eerste.batches) == (7, 3)
    tweede = sweep.run_sweep(batch_size=3)
    assert tweede.escalated == 0 and tweede.batches == 0
    assert Termijn.objects.count() == 14
    assert Gebeurtenis.objects.filter(actie="geescaleerd").count() == 7
    assert Melding.objects.filter(soort=Soort.GEESCALEERD).count() == 0  # SZW has no board users here
    assert Melding.objects.filter(soort=Soort.TERMIJN_OVERSCHREDEN).count() == 7


def test_a_stopped_sweep_resumes_where_it_stopped(wereld, ga_naar):
    _maak_signalen(wereld, 5)
    ga_naar(D(2026, 4, 28))
    assert sweep.run_sweep(batch_size=2, max_batches=1).escalated == 2
    assert sweep.run_sweep(batch_size=2).escalated == 3
    assert Termijn.objects.filter(trede=Trede.BESTUUR).count() == 5


def test_a_failing_batch_leaves_no_partial_state(wereld, ga_naar, monkeypatch):
    signalen_ = _maak_signalen(wereld, 3)
    ga_naar(D(2026, 4, 28))
    voor = {
        "events": Gebeurtenis.objects.count(), "meldingen": Melding.objects.count(), "termijnen": Termijn.objects.count()}

    echte_insert = engine.insert_rows

    def kapot(model, rijen):  # the last write of the batch fails, after terms, signals and events
        if model is Melding:
            raise RuntimeError("disk full")
        return echte_insert(model, rijen)

    monkeypatch.setattr(engine, "insert_rows", kapot)  # the engine writes the escalations
    with pytest.raises(RuntimeError):
        sweep.run_sweep()
    assert Termijn.objects.filter(gesloten_op__isnull=True, trede=Trede.BEHANDELAAR).count() == 3
    assert {"events": Gebeurtenis.objects.count(), "meldingen": Melding.objects.count(),
            "termijnen": Termijn.objects.count()} == voor
    for s in signalen_:
        s.refresh_from_db()
        assert (s.escalatietrede, s.termijn_overschreden_op, s.uiterste_reactiedatum) == (1, None, D(2026, 4, 24))
    monkeypatch.undo()
    assert sweep.run_sweep().escalated == 3  # nothing lost: the next run does the work


def test_extension_postpones_escalation(signaal, wereld, ga_naar):
    services.verleng(signaal, actor=wereld.behandelaar_szw, tot=D(2026, 5, 20),
                     reden="De uitvoeringsgegevens over 2025 zijn nodig en komen in mei beschikbaar.")
    ga_naar(D(2026, 5, 20))
    assert sweep.run_sweep().escalated == 0
    ga_naar(D(2026, 5, 21))
    assert sweep.run_sweep().escalated == 1
    signaal.refresh_from_db()
    assert signaal.termijn_overschreden_op == D(2026, 5, 20)


def test_overdue_commitments_are_recorded_once(signaal, wereld, ga_naar):
    signalen.reageer(signaal, actor=wereld.behandelaar_szw, besluit="overnemen",
                     toelichting_tekst="We passen de terugvordering aan.",
                     toezeggingen=[NieuweToezegging("Terugbetalen in termijnen mogelijk maken", "Directie UB",
                                                    D(2026, 6, 1)),
                                   NieuweToezegging("Brief aanpassen", "Communicatie", D(2026, 9, 1))])
    ga_naar(D(2026, 6, 1))
    assert sweep.run_sweep().overdue_commitments == 0
    assert services.status_van(signaal).verlopen_toezeggingen == []
    ga_naar(D(2026, 6, 2))
    assert sweep.run_sweep().overdue_commitments == 1
    assert sweep.run_sweep().overdue_commitments == 0
    toezegging = signaal.toezeggingen.get(uiterlijk=D(2026, 6, 1))
    assert VerlopenToezegging.objects.filter(toezegging=toezegging).exists()
    gebeurtenis = Gebeurtenis.objects.get(actie="toezegging_verlopen")
    assert gebeurtenis.signaal_id == signaal.pk and gebeurtenis.object_id == str(toezegging.pk)
    assert Melding.objects.filter(ontvanger=wereld.behandelaar_szw, soort=Soort.TOEZEGGING_VERLOPEN).count() == 1
    vraag = Melding.objects.get(ontvanger=wereld.melder_uwv, soort=Soort.TOEZEGGING_VERLOPEN)
    assert vraag.onderwerp.startswith("Is het gebeurd?")
    assert [t.pk for t in services.status_van(signaal).verlopen_toezeggingen] == [toezegging.pk]


def test_escalate_command_prints_a_summary_and_sends_mail(signaal, wereld, bestuurders, ga_naar, capsys):
    from django.core import mail

    ga_naar(D(2026, 4, 28))
    call_command("escalate")
    uitvoer = capsys.readouterr().out
    assert "Sweep for 2026-04-28: 1 escalated (bestuur: 1)" in uitvoer
    assert "Mail: " in uitvoer
    assert [m.to for m in mail.outbox] == [["bestuur-szw@example.org"]]
    assert "Naar u geëscaleerd" in mail.outbox[0].subject
    call_command("escalate")
    assert "0 escalated" in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_escalate_command_refuses_bad_options():
    with pytest.raises(CommandError):
        call_command("escalate", "--batch-size", "0")


@pytest.mark.parametrize("omgeving", [
    {"SCHAKEL_DB_NAME": "/nonexistent-dir/schakel.sqlite3"},
    {"SCHAKEL_DB_ENGINE": "postgresql", "SCHAKEL_DB_HOST": "127.0.0.1", "SCHAKEL_DB_PORT": "9",
     "SCHAKEL_DB_NAME": "schakel", "SCHAKEL_DB_USER": "schakel"},
], ids=["sqlite", "postgresql"])
def test_escalate_with_the_database_unavailable_fails_clearly(omgeving):
    env = {"PATH": "/usr/bin:/bin", "SCHAKEL_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "schakel.conf.settings",
           **omgeving}
    uitkomst = subprocess.run([sys.executable, "-m", "schakel.cli", "escalate"], env=env, capture_output=True,
                              text=True, timeout=60)
    assert uitkomst.returncode == 1
    assert "Database unavailable (OperationalError: " in uitkomst.stderr
    assert "nothing was half-done" in uitkomst.stderr
    assert "Traceback" not in uitkomst.stderr


def test_escalate_on_an_unmigrated_database_says_so(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "SCHAKEL_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "schakel.conf.settings",
           "SCHAKEL_DB_NAME": str(tmp_path / "leeg.sqlite3")}
    uitkomst = subprocess.run([sys.executable, "-m", "schakel.cli", "escalate"], env=env, capture_output=True,
                              text=True, timeout=60)
    assert uitkomst.returncode == 1
    assert "Database not ready" in uitkomst.stderr and "schakel migrate" in uitkomst.stderr


def test_a_revised_answer_supersedes_the_commitments_before_it(signaal, wereld, ga_naar):
    signalen.reageer(signaal, actor=wereld.behandelaar_szw, besluit="overnemen",
                     toelichting_tekst="We passen de terugvordering aan.",
                     toezeggingen=[NieuweToezegging("Eerste plan", "Directie UB", D(2026, 6, 1))])
    signalen.reageer(signaal, actor=wereld.behandelaar_szw, besluit="overnemen",
                     toelichting_tekst="Na overleg met UWV een ander plan.",
                     toezeggingen=[NieuweToezegging("Tweede plan", "Directie UB", D(2026, 9, 1))])
    ga_naar(D(2026, 6, 2))
    # The first plan's date passed, but the second answer replaced it: nothing is overdue.
    assert sweep.run_sweep().overdue_commitments == 0
    assert services.status_van(signaal).verlopen_toezeggingen == []
    assert not selecties.verlopen_toezeggingen(organisatie=wereld.szw).exists()
    ga_naar(D(2026, 9, 2))
    assert sweep.run_sweep().overdue_commitments == 1
    assert [t.omschrijving for t in selecties.verlopen_toezeggingen(organisatie=wereld.szw)] == ["Tweede plan"]
