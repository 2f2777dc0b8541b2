"""The signal's life is announced (signalen.gebeurtenissen): once per state change, side
effects only after commit, and a failing side effect never breaks the use case."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from schakel.signalen import gebeurtenissen, services
from schakel.signalen.models import Reactie, Signaal
from schakel.signalen.services import NieuweToezegging
from tests.conftest import GOEDE_UITLEG


class Opnemer:
    """Connects to every announcement's channel and counts what arrives."""

    def __init__(self, kanaal: str):
        self.kanaal = kanaal
        self.ontvangen: list[tuple[str, dict]] = []
        self._ontvangers = []

    def __enter__(self):
        for aankondiging in gebeurtenissen.ALLE:
            def ontvanger(sender, aankondiging=aankondiging, **kwargs):
                self.ontvangen.append((aankondiging.naam, kwargs))
            self._ontvangers.append((getattr(aankondiging, self.kanaal), ontvanger))
            getattr(aankondiging, self.kanaal).connect(ontvanger, weak=False)
        return self

    def __exit__(self, *exc):
        for kanaal, ontvanger in self._ontvangers:
            kanaal.disconnect(ontvanger)

    @property
    def namen(self) -> Counter:
        return Counter(naam for naam, _ in self.ontvangen)


def toezegging():
    return NieuweToezegging(omschrijving="Regeling aanpassen", eigenaar="Directie Arbeidsmarkt",
                            uiterlijk=dt.date(2026, 9, 1))


def dien_in(wereld):
    return services.dien_in(indiener=wereld.melder_uwv, titel="Voorschot WIA ineens terug",
                            getroffen_burgers="WIA-aanvragers met een voorschot",
                            praktijk="Terugbetalen in één keer raakt mensen met schulden: wie al krap zit, komt daardoor "
                                     "in de problemen.", regeling=wereld.wia)


def test_every_state_change_is_announced_once_in_the_transaction(wereld):
    with Opnemer("binnen") as binnen:
        signaal = dien_in(wereld)
        assert binnen.namen == Counter({"ingediend": 1, "gerouteerd": 1})
        services.stuur_door(signaal, naar=wereld.svb, actor=wereld.behandelaar_szw, reden="De SVB voert dit uit.")
        assert binnen.namen["doorgestuurd"] == 1
        reactie = services.reageer(signaal, actor=wereld.behandelaar_svb, besluit="overnemen",
                                   toelichting_tekst="We passen het aan.", toezeggingen=[toezegging()])
        services.reageer(signaal, actor=wereld.behandelaar_svb, besluit="niet_overnemen",
                         toelichting_tekst=GOEDE_UITLEG)
        services.rond_toezegging_af(reactie.toezeggingen.get(), actor=wereld.behandelaar_svb,
                                    toelichting_tekst="Regeling gepubliceerd.")
    assert binnen.namen == Counter({"ingediend": 1, "gerouteerd": 1, "doorgestuurd": 1, "beantwoord": 2,
                                    "toezegging_nagekomen": 1})
    beantwoord = [kw for naam, kw in binnen.ontvangen if naam == "beantwoord"]
    assert [kw["eerste"] for kw in beantwoord] == [True, False]
    assert beantwoord[0]["reactie"] == reactie and beantwoord[0]["signaal"].pk == signaal.pk
    doorgestuurd = next(kw for naam, kw in binnen.ontvangen if naam == "doorgestuurd")
    assert doorgestuurd["vorige_eigenaar_id"] == wereld.szw.pk


def test_a_refused_use_case_announces_nothing(signaal, wereld):
    with Opnemer("binnen") as binnen, Opnemer("na_commit") as na:
        with pytest.raises(ValidationError):
            services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="overnemen", toelichting_tekst="")
    assert not binnen.ontvangen and not na.ontvangen


def test_in_transaction_receivers_keep_the_term_consistent(signaal):
    # The term engine listens to 'gerouteerd': the due date is set in the same transaction.
    assert signaal.uiterste_reactiedatum == dt.date(2026, 4, 24)
    assert signaal.termijnen.count() == 1


def test_side_effects_run_only_after_commit(signaal, wereld, django_capture_on_commit_callbacks):
    with Opnemer("na_commit") as na:
        with django_capture_on_commit_callbacks(execute=True):
            services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen",
                             toelichting_tekst=GOEDE_UITLEG)
            assert not na.ontvangen  # not yet: the transaction is still open
        assert na.namen == Counter({"beantwoord": 1})


def test_side_effects_never_run_after_a_rollback(signaal, wereld, django_capture_on_commit_callbacks):
    with Opnemer("binnen") as binnen, Opnemer("na_commit") as na:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            with pytest.raises(RuntimeError), transaction.atomic():
                services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen",
                                 toelichting_tekst=GOEDE_UITLEG)
                raise RuntimeError("something later in the same transaction fails")
    assert binnen.namen == Counter({"beantwoord": 1})  # it happened inside the transaction…
    assert not na.ontvangen and not callbacks  # …but the side effects never ran
    assert not Reactie.objects.filter(signaal=signaal).exists()


def test_a_failing_side_effect_does_not_break_the_use_case(signaal, wereld, django_capture_on_commit_callbacks,
                                                           caplog):
    def kapot(sender, **kwargs):
        raise RuntimeError("webhook down")

    nog_een = []
    gebeurtenissen.beantwoord.na_commit.connect(kapot, weak=False, dispatch_uid="test.kapot")
    gebeurtenissen.beantwoord.na_commit.connect(lambda sender, **kw: nog_een.append(kw), weak=False,
                                                dispatch_uid="test.nog_een")
    try:
        with caplog.at_level(logging.ERROR, logger="schakel.signalen.gebeurtenissen"):
            with django_capture_on_commit_callbacks(execute=True):
                reactie = services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen",
                                           toelichting_tekst=GOEDE_UITLEG)
    finally:
        gebeurtenissen.beantwoord.na_commit.disconnect(dispatch_uid="test.kapot")
        gebeurtenissen.beantwoord.na_commit.disconnect(dispatch_uid="test.nog_een")
    assert Reactie.objects.get() == reactie
    assert Signaal.objects.get(pk=signaal.pk).status == "beantwoord"
    assert len(nog_een) == 1  # the other receivers still ran
    assert "webhook down" in caplog.text


def test_a_failing_in_transaction_receiver_rolls_the_use_case_back(signaal, wereld):
    def weigert(sender, **kwargs):
        raise RuntimeError("term engine refuses")

    gebeurtenissen.beantwoord.binnen.connect(weigert, weak=False, dispatch_uid="test.weigert")
    try:
        with pytest.raises(RuntimeError):
            services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen",
                             toelichting_tekst=GOEDE_UITLEG)
    finally:
        gebeurtenissen.beantwoord.binnen.disconnect(dispatch_uid="test.weigert")
    assert not Reactie.objects.exists()
    assert Signaal.objects.get(pk=signaal.pk).status == "in_behandeling"


def test_an_announcement_refuses_unknown_arguments():
    with pytest.raises(TypeError):
        gebeurtenissen.beantwoord.meld(Signaal, signaal=None, onbekend=1)
