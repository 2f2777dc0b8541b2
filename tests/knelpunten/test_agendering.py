"""Agendering thresholds: each kind, on change and by the sweep, idempotent, never undone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from schakel.audit.models import Gebeurtenis
from schakel.core import clock
from schakel.knelpunten import agendering, services
from schakel.knelpunten.models import Agendering, Drempels, DrempelSoort
from schakel.notificaties.models import Melding
from schakel.signalen.models import SignaalSoort
from schakel.signalen.services import reageer
from tests.conftest import GOEDE_UITLEG

pytestmark = pytest.mark.django_db


@pytest.fixture
def drempels(db):
    d = Drempels.actueel()
    d.signalen, d.organisaties, d.burgers, d.noodrem_uitgelegd = 4, 3, 5000, True
    d.save()
    return d


def test_below_every_threshold_nothing_happens(wereld, gemeente, dien_in, maak_knelpunt, drempels):
    knelpunt = maak_knelpunt(dien_in(wereld.melder_uwv, aantal=100), dien_in(wereld.melder_gemeente, aantal=100))
    assert agendering.evalueer(knelpunt) is None
    assert not Agendering.objects.exists()


def test_organisations_threshold_crossed_on_confirming_a_suggestion(wereld, gemeente, dien_in, maak_knelpunt,
                                                                    drempels):
    knelpunt = maak_knelpunt(dien_in(wereld.melder_uwv), dien_in(wereld.melder_gemeente))
    assert not Agendering.objects.exists()
    clock.freeze(clock.now() + dt.timedelta(days=2))
    services.voeg_toe(knelpunt, dien_in(wereld.behandelaar_svb), actor=wereld.behandelaar_szw)
    a = Agendering.objects.get()
    assert (a.knelpunt, a.kamercommissie, a.drempel) == (knelpunt, wereld.cie_szw, DrempelSoort.ORGANISATIES)
    assert a.geagendeerd_op == clock.now() and "3 organisaties" in a.reden
    assert a.cijfers["organisaties"] == 3
    assert Gebeurtenis.objects.filter(actie="knelpunt_geagendeerd", object_id=str(knelpunt.pk)).count() == 1
    # the committee's clerks are told
    assert Melding.objects.filter(ontvanger=wereld.griffie_szw, link=f"/knelpunten/{knelpunt.uuid}").count() == 1


def test_signals_threshold(wereld, dien_in, maak_knelpunt, drempels):
    knelpunt = maak_knelpunt(*[dien_in(wereld.melder_uwv) for _ in range(4)])
    assert knelpunt.agendering.drempel == DrempelSoort.SIGNALEN


def test_citizens_threshold_counts_each_organisation_once(wereld, gemeente, dien_in, maak_knelpunt, drempels):
    drempels.signalen = 10
    drempels.save()
    # UWV reports its 4000 people twice: 4000 + 900 = 4900 stays below 5000 (a naive sum, 8900, would not)
    knelpunt = maak_knelpunt(dien_in(wereld.melder_uwv, aantal=4000), dien_in(wereld.bestuur_uwv, aantal=4000),
                             dien_in(wereld.melder_gemeente, aantal=900))
    assert not Agendering.objects.exists()
    services.voeg_toe(knelpunt, dien_in(wereld.melder_gemeente, aantal=1000), actor=wereld.behandelaar_szw)
    a = Agendering.objects.get()  # 4000 + max(900, 1000) = 5000
    assert a.drempel == DrempelSoort.BURGERS and a.cijfers["burgers"] == 5000


def test_explained_noodrem_puts_it_on_the_agenda_through_the_answer_hook(wereld, dien_in, maak_knelpunt,
                                                                         drempels,
                                                                         django_capture_on_commit_callbacks):
    rem = dien_in(wereld.melder_uwv, soort=SignaalSoort.NOODREM)
    knelpunt = maak_knelpunt(rem)
    assert not Agendering.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        reageer(rem, actor=wereld.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=GOEDE_UITLEG)
        # The agenda check is a side effect: it waits for the answer's commit.
        assert not Agendering.objects.exists()
    assert Agendering.objects.get(knelpunt=knelpunt).drempel == DrempelSoort.NOODREM


def test_noodrem_threshold_can_be_switched_off(wereld, dien_in, maak_knelpunt, drempels):
    drempels.noodrem_uitgelegd = False
    drempels.save()
    rem = dien_in(wereld.melder_uwv, soort=SignaalSoort.NOODREM)
    maak_knelpunt(rem)
    reageer(rem, actor=wereld.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=GOEDE_UITLEG)
    assert not Agendering.objects.exists()


def test_a_failure_in_the_hook_never_loses_the_answer(wereld, dien_in, maak_knelpunt, drempels, monkeypatch,
                                                      django_capture_on_commit_callbacks):
    rem = dien_in(wereld.melder_uwv, soort=SignaalSoort.NOODREM)
    maak_knelpunt(rem)

    def stuk(*a, **kw):
        raise RuntimeError("kapot")

    monkeypatch.setattr(agendering, "evalueer", stuk)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        reactie = reageer(rem, actor=wereld.behandelaar_szw, besluit="niet_overnemen",
                          toelichting_tekst=GOEDE_UITLEG)
    assert callbacks and reactie.pk and not Agendering.objects.exists()
    monkeypatch.undo()
    call_command("agendering_sweep")  # the sweep catches up
    assert Agendering.objects.get().drempel == DrempelSoort.NOODREM


def test_evaluation_is_idempotent_and_the_sweep_too(wereld, dien_in, maak_knelpunt, drempels, capsys):
    knelpunt = maak_knelpunt(*[dien_in(wereld.melder_uwv) for _ in range(4)])
    eerste = Agendering.objects.get()
    clock.freeze(clock.now() + dt.timedelta(days=5))
    assert agendering.evalueer(knelpunt) == eerste
    call_command("agendering_sweep")
    call_command("agendering_sweep")
    assert Agendering.objects.count() == 1
    assert Agendering.objects.get().geagendeerd_op == eerste.geagendeerd_op  # the crossing moment is kept
    assert Gebeurtenis.objects.filter(actie="knelpunt_geagendeerd").count() == 1
    assert Melding.objects.filter(ontvanger=wereld.griffie_szw).count() == 1


def test_sweep_places_knelpunten_after_thresholds_are_lowered(wereld, gemeente, dien_in, maak_knelpunt, drempels,
                                                             capsys):
    maak_knelpunt(dien_in(wereld.melder_uwv), dien_in(wereld.melder_gemeente))
    assert not Agendering.objects.exists()
    drempels.organisaties = 2
    drempels.save()
    call_command("agendering_sweep")
    assert "1 knelpunt(en)" in capsys.readouterr().out
    assert Agendering.objects.get().drempel == DrempelSoort.ORGANISATIES


def test_once_on_the_agenda_it_stays_after_a_split(wereld, dien_in, maak_knelpunt, drempels):
    signalen = [dien_in(wereld.melder_uwv) for _ in range(4)]
    knelpunt = maak_knelpunt(*signalen)
    services.splits(knelpunt, signalen[2:], actor=wereld.behandelaar_szw, titel="Apart",
                    beleidsbetekenis="B" * 90)
    services.werk_bij(knelpunt, actor=wereld.behandelaar_szw, titel=knelpunt.titel,
                      beleidsbetekenis=knelpunt.beleidsbetekenis, status="opgelost")
    assert Agendering.objects.filter(knelpunt=knelpunt).exists()


def test_subscribers_of_the_regulation_are_told(wereld, dien_in, maak_knelpunt, drempels):
    from schakel.accounts.models import Rol, User

    kamerlid = User.objects.create_user(username="kamerlid", password="geheim-wachtwoord-123", rol=Rol.GRIFFIE,
                                        organisatie=wereld.cie_ienw)
    services.abonneer(actor=kamerlid, regeling=wereld.wia)
    services.abonneer(actor=kamerlid, regeling=wereld.wia)  # twice is once
    maak_knelpunt(*[dien_in(wereld.melder_uwv) for _ in range(4)])
    assert Melding.objects.filter(ontvanger=kamerlid).count() == 1


def test_anyone_with_an_account_subscribes_but_not_anonymously(wereld):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied

    services.abonneer(actor=wereld.melder_uwv, regeling=wereld.wia)
    with pytest.raises(PermissionDenied):
        services.abonneer(actor=AnonymousUser(), regeling=wereld.wia)
