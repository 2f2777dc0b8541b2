"""Scheduling the post-implementation review and comparing before with after."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings

from schakel.core import clock
from schakel.signalen import services as signalen
from schakel.signalen.models import Besluit
from schakel.termijnen import kalender
from schakel.toetsen import services, vergelijking
from schakel.toetsen.models import InvoeringstoetsStatus, Oordeel
from schakel.toetsen.termijnen import run_toets_sweep

from .conftest import TOETS

pytestmark = pytest.mark.django_db


def test_review_is_scheduled_after_twelve_months_on_a_working_day_and_idempotent(wereld):
    # 1 Jan 2026 + 12 months = 1 Jan 2027, a holiday; next working day Sat→… Monday 4 January 2027
    toets, nieuw = services.plan_invoeringstoets(actor=wereld.behandelaar_szw, regeling=wereld.wia,
                                                 inwerkingtreding=dt.date(2026, 1, 1))
    assert nieuw and toets.gepland_op == dt.date(2027, 1, 4)
    opnieuw, nieuw = services.plan_invoeringstoets(actor=wereld.behandelaar_szw, regeling=wereld.wia,
                                                   inwerkingtreding=dt.date(2026, 1, 1))
    assert (opnieuw.pk, nieuw) == (toets.pk, False)
    with pytest.raises(PermissionDenied):
        services.plan_invoeringstoets(actor=wereld.behandelaar_ienw, regeling=wereld.wia,
                                      inwerkingtreding=dt.date(2026, 1, 1))


@override_settings(SCHAKEL_INVOERINGSTOETS_NA={"werkdagen": 60})
def test_period_in_working_days_is_configurable(wereld):
    toets, _ = services.plan_invoeringstoets(actor=wereld.behandelaar_szw, regeling=wereld.wia,
                                             inwerkingtreding=dt.date(2026, 3, 2), artikelen="art. 35")
    assert toets.gepland_op == kalender.tel_werkdagen_op(dt.date(2026, 3, 2), 60)


def test_due_review_asks_implementers_once(wereld):
    toets, _ = services.plan_invoeringstoets(actor=wereld.behandelaar_szw, regeling=wereld.wia,
                                             inwerkingtreding=dt.date(2025, 3, 1))
    assert toets.gepland_op <= clock.today()
    assert run_toets_sweep().reviews_requested == 1
    assert run_toets_sweep().reviews_requested == 0
    toets.refresh_from_db()
    assert toets.status == InvoeringstoetsStatus.GEVRAAGD
    assert toets.rapportage_uiterlijk == kalender.tel_werkdagen_op(clock.today(), 30)
    rapportage = toets.rapportages.get()
    assert rapportage.organisatie == wereld.uwv
    with pytest.raises(PermissionDenied):
        services.rapporteer(rapportage, actor=wereld.behandelaar_svb, werking_burgers="a", werking_uitvoering="b")
    services.rapporteer(rapportage, actor=wereld.bestuur_uwv, werking_burgers="Minder schulden.",
                        werking_uitvoering="Meer handwerk.")
    with pytest.raises(PermissionDenied):  # once
        services.rapporteer(rapportage, actor=wereld.bestuur_uwv, werking_burgers="a", werking_uitvoering="b")


def test_before_and_after_comparison(wereld, amendement, signaal):
    uwv = services.dien_toets_in(amendement.uitvoeringstoetsen.get(organisatie=wereld.uwv),
                                 actor=wereld.bestuur_uwv, **TOETS)
    services.beantwoord(uwv, actor=wereld.minister_szw, besluit=Besluit.OVERNEMEN, toelichting_tekst="Overgenomen.",
                        ondertekend_door="Minister", voorwaarden_overgenomen=True,
                        invoeringsdatum=dt.date(2027, 3, 11))
    services.dien_toets_in(amendement.uitvoeringstoetsen.get(organisatie=wereld.svb), actor=wereld.behandelaar_svb,
                           **{**TOETS, "oordeel": Oordeel.UITVOERBAAR, "voorwaarden": ""})
    # the `signaal` fixture was filed today, before entry into force: it does not count
    invoering, _ = services.plan_invoeringstoets(actor=wereld.behandelaar_szw, regeling=wereld.wia,
                                                 inwerkingtreding=dt.date(2026, 3, 12), voorstel=amendement)
    with clock.travel(dt.datetime(2026, 6, 1, 9, tzinfo=dt.timezone.utc)):
        na = signalen.dien_in(indiener=wereld.melder_uwv, titel="Termijnbedrag te hoog voor mensen met schulden",
                              praktijk="Het termijnbedrag houdt geen rekening met de beslagvrije voet van mensen. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                              getroffen_burgers="WIA-gerechtigden met schulden", regeling=wereld.wia)
    regels = {r.organisatie.afkorting: r for r in vergelijking.vergelijk(invoering, wereld.griffie_szw)}
    assert set(regels) == {"uwv", "svb"}
    assert regels["uwv"].toets.pk == uwv.pk and regels["uwv"].signalen == 1
    assert regels["uwv"].uitkomst == vergelijking.GEWAARSCHUWD_EN_GEMELD
    assert regels["svb"].signalen == 0 and regels["svb"].uitkomst == vergelijking.ZOALS_VERWACHT
    assert list(vergelijking.signalen_sinds(invoering, wereld.griffie_szw)) == [na]
