"""Niet ontvankelijk (issue 22): the owner closes a signal as spam, not about a government rule,
or a duplicate, with a public reason; it leaves the ladder and nobody else may do it."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from schakel.audit import controle
from schakel.audit.models import Gebeurtenis
from schakel.signalen import services, workflow
from schakel.signalen.models import Grond, NietOntvankelijk, Signaal
from schakel.signalen.workflow import Actie, OngeldigeOvergang, Status
from schakel.termijnen.models import Termijn, Uitkomst

from ..conftest import GOEDE_UITLEG

REDEN = ("Dit signaal beschrijft hetzelfde probleem als het eerdere signaal over het WIA-voorschot: de "
         "terugvordering in één keer bij mensen met schulden. Wij behandelen het daar en beantwoorden het daar.")
SPAM = ("Dit bericht is spam, omdat het alleen reclame voor een webwinkel in tweedehands telefoons bevat en "
        "geen werkwijze, regel of uitvoering van een overheidsorganisatie beschrijft; er valt voor het "
        "ministerie niets te beoordelen of te verbeteren.")


# --- the state machine --------------------------------------------------------------------------

def test_only_a_signal_in_handling_can_be_declared_not_admissible():
    assert workflow.volgende_status(Status.IN_BEHANDELING, Actie.NIET_ONTVANKELIJK) == Status.NIET_ONTVANKELIJK
    for status in (Status.INGEDIEND, Status.BEANTWOORD, Status.NIET_ONTVANKELIJK):
        with pytest.raises(OngeldigeOvergang):
            workflow.volgende_status(status, Actie.NIET_ONTVANKELIJK)


def test_a_signal_not_admissible_allows_no_further_action():
    assert workflow.toegestane_acties(Status.NIET_ONTVANKELIJK) == []
    for actie in (Actie.BEANTWOORD, Actie.DOORSTUREN, Actie.HERZIEN, Actie.ROUTEER):
        with pytest.raises(OngeldigeOvergang):
            workflow.volgende_status(Status.NIET_ONTVANKELIJK, actie)


# --- the service --------------------------------------------------------------------------------

@pytest.fixture
def tweede(signaal, wereld):
    return services.dien_in(indiener=wereld.melder_uwv, titel="Voorschot WIA in één keer terugbetalen",
                            praktijk=signaal.praktijk, getroffen_burgers=signaal.getroffen_burgers,
                            regeling=wereld.wia)


def test_duplicate_closes_the_signal_leaves_the_ladder_and_is_audited(signaal, tweede, wereld):
    besluit = services.verklaar_niet_ontvankelijk(tweede, actor=wereld.behandelaar_szw, grond=Grond.DUBBEL,
                                                  reden=REDEN, dubbel_van=signaal.kenmerk)
    tweede.refresh_from_db()
    assert tweede.status == Status.NIET_ONTVANKELIJK and besluit.dubbel_van == signaal
    assert besluit.organisatie == wereld.szw and besluit.besloten_door == wereld.behandelaar_szw
    termijn = Termijn.objects.get(signaal=tweede)
    assert termijn.gesloten_op is not None and termijn.uitkomst == Uitkomst.NIET_ONTVANKELIJK
    event = Gebeurtenis.objects.get(actie="niet_ontvankelijk")
    assert event.na["status"] == "niet_ontvankelijk" and event.na["dubbel_van"] == signaal.kenmerk
    assert event.toelichting == REDEN
    assert controle.controleer().in_orde  # verify-audit replays the new state


def test_the_sweep_never_escalates_it(signaal, wereld):
    import datetime as dt

    from schakel.core import clock
    from schakel.termijnen.kalender import AMSTERDAM
    from schakel.termijnen.sweep import run_sweep

    services.verklaar_niet_ontvankelijk(signaal, actor=wereld.behandelaar_szw, grond=Grond.SPAM, reden=SPAM)
    datum = signaal.uiterste_reactiedatum + dt.timedelta(days=60)
    clock.freeze(dt.datetime(datum.year, datum.month, datum.day, 10, tzinfo=AMSTERDAM))
    assert run_sweep().escalated == 0
    signaal.refresh_from_db()
    assert signaal.escalatietrede == 1 and Termijn.objects.filter(signaal=signaal).count() == 1


@pytest.mark.parametrize("wie", ["behandelaar_ienw", "melder_uwv", "griffie_szw", "behandelaar_svb",
                                 "bestuur_uwv"])
def test_others_may_not(signaal, wereld, wie):
    with pytest.raises(PermissionDenied):
        services.verklaar_niet_ontvankelijk(signaal, actor=getattr(wereld, wie), grond=Grond.SPAM, reden=SPAM)
    assert not NietOntvankelijk.objects.exists()


def test_the_filer_may_not_even_in_the_owning_organisation(wereld):
    eigen = services.dien_in(indiener=wereld.behandelaar_szw, titel="Eigen signaal van een behandelaar",
                             praktijk="x" * 10 + " De uitvoering van de regeling loopt vast bij mensen met schulden "
                                                 "en niemand weet wat te doen.",
                             getroffen_burgers="Mensen met schulden", regeling=wereld.wia)
    with pytest.raises(PermissionDenied):
        services.verklaar_niet_ontvankelijk(eigen, actor=wereld.behandelaar_szw, grond=Grond.SPAM, reden=SPAM)


def test_the_owners_minister_and_board_may(signaal, tweede, wereld):
    services.verklaar_niet_ontvankelijk(signaal, actor=wereld.minister_szw, grond=Grond.SPAM, reden=SPAM)
    assert Signaal.objects.get(pk=signaal.pk).status == Status.NIET_ONTVANKELIJK


def test_an_answered_signal_cannot_be_dismissed(signaal, wereld):
    services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=GOEDE_UITLEG)
    with pytest.raises((OngeldigeOvergang, PermissionDenied)):
        services.verklaar_niet_ontvankelijk(signaal, actor=wereld.behandelaar_szw, grond=Grond.SPAM, reden=SPAM)


@pytest.mark.parametrize("reden, fout", [
    ("", "Geef een inhoudelijke reden waarom het signaal niet ontvankelijk is."),
    ("Spam.", "te kort"),
    ("Bedankt voor uw signaal. Wij nemen dit mee. Er is geen aanleiding om. Conform beleid. Dit is niet mogelijk. "
     "Niet van toepassing.", "standaardzinnen"),
    (SPAM + " Contact: jan@example.org, BSN 111222333.", "burgerservicenummer"),
])
def test_the_reason_must_be_substantive_and_free_of_personal_data(signaal, wereld, reden, fout):
    with pytest.raises(ValidationError) as e:
        services.verklaar_niet_ontvankelijk(signaal, actor=wereld.behandelaar_szw, grond=Grond.SPAM, reden=reden)
    assert fout.lower() in " ".join(e.value.message_dict["reden"]).lower()
    assert Signaal.objects.get(pk=signaal.pk).status == Status.IN_BEHANDELING


def test_duplicate_of_itself_of_nothing_or_of_a_hidden_signal_is_refused(signaal, tweede, wereld):
    verborgen = services.dien_in(indiener=wereld.melder_cbr, titel="Besloten signaal over het rijbewijs",
                                 praktijk=signaal.praktijk, getroffen_burgers=signaal.getroffen_burgers,
                                 regeling=wereld.wvw, openbaar=False)
    for dubbel_van, melding in [(tweede.kenmerk, "zichzelf"), (str(tweede.uuid), "zichzelf"), (None, "Noem"),
                                ("SIG-999999", "bestaat niet"), (verborgen.kenmerk, "bestaat niet"),
                                ("onzin", "kenmerk")]:
        with pytest.raises(ValidationError) as e:
            services.verklaar_niet_ontvankelijk(tweede, actor=wereld.behandelaar_szw, grond=Grond.DUBBEL,
                                                reden=REDEN, dubbel_van=dubbel_van)
        assert melding in " ".join(e.value.message_dict["dubbel_van"]), dubbel_van
    with pytest.raises(ValidationError) as e:
        services.verklaar_niet_ontvankelijk(tweede, actor=wereld.behandelaar_szw, grond="onbekend", reden=REDEN)
    assert "grond" in e.value.message_dict


def test_a_duplicate_of_a_dismissed_signal_is_refused(signaal, tweede, wereld):
    services.verklaar_niet_ontvankelijk(signaal, actor=wereld.behandelaar_szw, grond=Grond.SPAM, reden=SPAM)
    with pytest.raises(ValidationError) as e:
        services.verklaar_niet_ontvankelijk(tweede, actor=wereld.behandelaar_szw, grond=Grond.DUBBEL, reden=REDEN,
                                            dubbel_van=signaal)
    assert "zelf niet ontvankelijk" in e.value.message_dict["dubbel_van"][0]
