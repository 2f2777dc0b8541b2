"""Who the escalation ladder asks may answer, and sees what they are asked about."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from schakel.accounts.models import Rol, User
from schakel.signalen import rechten
from schakel.signalen import services as signalen
from schakel.signalen.models import Signaal
from schakel.termijnen import sweep
from schakel.termijnen.ladder import Trede

from ..conftest import GOEDE_UITLEG

D = dt.date
REDEN = "Het CBR voert dit uit en kan de werkwijze zelf aanpassen."


def medewerker(naam, rol, organisatie):
    return User.objects.create_user(username=naam, password="geheim-wachtwoord-123", rol=rol,
                                    organisatie=organisatie)


@pytest.fixture
def bij_uwv(signaal, wereld):
    signalen.stuur_door(signaal, naar=wereld.uwv, actor=wereld.behandelaar_szw,
                        reden="UWV voert de WIA uit en kan de terugvordering zelf aanpassen.")
    return Signaal.objects.get(pk=signaal.pk)


def test_the_principal_ministry_may_answer_once_the_ladder_asks_it(bij_uwv, wereld, bestuurders, ga_naar):
    assert not rechten.mag_beantwoorden(wereld.bestuur_szw, bij_uwv)
    ga_naar(D(2026, 4, 28))
    sweep.run_sweep()  # rung 2: UWV's board
    assert not rechten.mag_beantwoorden(wereld.bestuur_szw, bij_uwv)
    ga_naar(D(2026, 5, 14))
    sweep.run_sweep()  # rung 3: SZW's top (DG/SG)
    assert bij_uwv.termijnen.open().get().trede == Trede.MINISTERIE
    assert rechten.mag_beantwoorden(wereld.bestuur_szw, bij_uwv)
    assert not rechten.mag_beantwoorden(wereld.behandelaar_szw, bij_uwv)  # the ladder asks the top, not desk staff
    assert not rechten.mag_beantwoorden(wereld.minister_szw, bij_uwv)  # not yet the minister's turn
    # The owner keeps the right to answer; forwarding and extending stay the owner's.
    assert rechten.mag_beantwoorden(wereld.bestuur_uwv, bij_uwv)
    assert not rechten.mag_doorsturen(wereld.bestuur_szw, bij_uwv)
    with pytest.raises(PermissionDenied):
        signalen.stuur_door(bij_uwv, naar=wereld.svb, actor=wereld.bestuur_szw, reden=REDEN)

    reactie = signalen.reageer(bij_uwv, actor=wereld.bestuur_szw, besluit="niet_overnemen",
                               toelichting_tekst=GOEDE_UITLEG)
    assert reactie.organisatie == wereld.szw  # on record as the ministry's answer, not UWV's
    assert not bij_uwv.termijnen.open().exists()
    # Answered: the ladder no longer asks SZW; a revision is the owner's.
    assert not rechten.mag_beantwoorden(wereld.bestuur_szw, Signaal.objects.get(pk=bij_uwv.pk))


def test_the_minister_answers_politically_at_rung_four(bij_uwv, wereld, bestuurders, ga_naar):
    for datum in (D(2026, 4, 28), D(2026, 5, 14), D(2026, 6, 2)):
        ga_naar(datum)
        sweep.run_sweep()
    assert bij_uwv.termijnen.open().get().trede == Trede.BEWINDSPERSOON
    assert rechten.mag_beantwoorden(wereld.minister_szw, bij_uwv)
    assert not rechten.mag_beantwoorden(wereld.bestuur_szw, bij_uwv)  # rung 3 has passed
    reactie = signalen.reageer(bij_uwv, actor=wereld.minister_szw, besluit="niet_overnemen", niveau="politiek",
                               ondertekend_door="De minister van SZW", toelichting_tekst=GOEDE_UITLEG)
    assert (reactie.organisatie, reactie.niveau) == (wereld.szw, "politiek")


def test_a_closed_signal_escalated_to_another_committee_is_visible_to_it(wereld, bestuurders, ga_naar):
    # About the WIA (SZW's committee), owned by the CBR, whose principal IenW answers to another committee.
    besloten = signalen.dien_in(indiener=wereld.melder_uwv, titel="Besloten signaal over keuringen",
                                praktijk="Keuringen voor de WIA lopen vast bij het CBR. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                                getroffen_burgers="Aanvragers", regeling=wereld.wia, openbaar=False)
    signalen.stuur_door(besloten, naar=wereld.cbr, actor=wereld.behandelaar_szw, reden=REDEN)
    griffie_ienw = medewerker("griffie-ienw", Rol.GRIFFIE, wereld.cie_ienw)
    assert not rechten.mag_inzien(griffie_ienw, besloten)
    for datum in (D(2026, 4, 28), D(2026, 5, 14), D(2026, 6, 2), D(2026, 6, 10)):
        ga_naar(datum)
        sweep.run_sweep()
    termijn = besloten.termijnen.open().get()
    assert (termijn.trede, termijn.organisatie) == (Trede.KAMERCOMMISSIE, wereld.cie_ienw)
    assert rechten.mag_inzien(griffie_ienw, besloten)
    assert not rechten.mag_inzien(medewerker("griffie-x", Rol.GRIFFIE, None), besloten)
