"""Who sees and answers which signal."""

import pytest
from django.contrib.auth.models import AnonymousUser

from schakel.signalen import rechten, services
from schakel.signalen.models import Signaal


@pytest.fixture
def intern_signaal(wereld):
    return services.dien_in(indiener=wereld.melder_uwv, titel="Intern signaal", praktijk="p Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                            getroffen_burgers="g in de uitvoering", regeling=wereld.wia, openbaar=False)


def zichtbaar(user):
    return set(rechten.zichtbare_signalen(user, Signaal.objects.all()).values_list("titel", flat=True))


def test_public_sees_only_published(signaal, intern_signaal):
    assert zichtbaar(AnonymousUser()) == {signaal.titel}
    assert rechten.mag_inzien(AnonymousUser(), signaal)
    assert not rechten.mag_inzien(AnonymousUser(), intern_signaal)


@pytest.mark.parametrize(
    "gebruiker, ziet_intern",
    [
        ("melder_uwv", True),  # filed by own organisation
        ("bestuur_uwv", True),
        ("behandelaar_szw", True),  # owner
        ("minister_szw", True),
        ("griffie_szw", True),  # regulation under the committee's control
        ("behandelaar_svb", False),
        ("melder_cbr", False),
        ("behandelaar_ienw", False),
    ],
)
def test_unpublished_signal_visible_to_those_involved_only(wereld, intern_signaal, gebruiker, ziet_intern):
    assert rechten.mag_inzien(getattr(wereld, gebruiker), intern_signaal) is ziet_intern


def test_ministry_sees_signals_of_organisations_it_commissions(wereld):
    from schakel.organisaties.models import Organisatie, OrganisatieSoort
    from schakel.regelingen.models import Regeling

    # A regulation owned by UWV itself (an internal policy rule) filed by SVB: SZW is principal of both.
    beleidsregel = Regeling.objects.create(bwb_id="BWBR0099999", titel="Beleidsregel", eigenaar=wereld.uwv)
    s = services.dien_in(indiener=wereld.behandelaar_svb, titel="Beleidsregel UWV", praktijk="p Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                         getroffen_burgers="g in de uitvoering", regeling=beleidsregel, openbaar=False)
    assert s.eigenaar == wereld.uwv
    assert rechten.mag_inzien(wereld.behandelaar_szw, s)
    assert not rechten.mag_inzien(wereld.behandelaar_ienw, s)
    assert Organisatie.objects.get(afkorting="uwv").soort == OrganisatieSoort.UITVOERINGSORGANISATIE


def test_superuser_sees_everything(wereld, intern_signaal):
    from schakel.accounts.models import User

    admin = User.objects.create_superuser("beheer", password="x")
    assert rechten.mag_inzien(admin, intern_signaal)


def test_answer_rights(wereld, signaal):
    assert rechten.mag_beantwoorden(wereld.behandelaar_szw, signaal)
    assert rechten.mag_beantwoorden(wereld.minister_szw, signaal)
    assert rechten.mag_doorsturen(wereld.behandelaar_szw, signaal)
    for naam in ("melder_uwv", "bestuur_uwv", "behandelaar_svb", "griffie_szw", "behandelaar_ienw"):
        assert not rechten.mag_beantwoorden(getattr(wereld, naam), signaal), naam
    assert not rechten.mag_beantwoorden(AnonymousUser(), signaal)


def test_filing_rights(wereld):
    assert rechten.mag_indienen(wereld.melder_uwv)
    assert rechten.mag_indienen(wereld.behandelaar_svb)
    assert not rechten.mag_indienen(wereld.griffie_szw)
    assert not rechten.mag_indienen(wereld.minister_szw)
    assert not rechten.mag_indienen(AnonymousUser())


@pytest.mark.parametrize("gebruiker", [None, "melder_uwv", "bestuur_uwv", "behandelaar_szw", "minister_szw",
                                       "griffie_szw", "behandelaar_svb", "melder_cbr", "behandelaar_ienw", "admin"])
def test_visibility_through_a_relation_is_the_same_as_of_the_signal(wereld, signaal, intern_signaal, gebruiker):
    """``zichtbaar_q(user, via="signaal__")`` (commitments filtered on their signal's columns)
    selects exactly the commitments of the signals ``zichtbare_signalen`` lets the user see."""
    import datetime as dt

    from django.contrib.auth import get_user_model

    from schakel.signalen.models import Toezegging
    from schakel.termijnen.models import Termijn

    from ..conftest import GOEDE_UITLEG

    ander = services.dien_in(indiener=wereld.melder_cbr, titel="Ander intern signaal", praktijk="p Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                             getroffen_burgers="g in de uitvoering", regeling=wereld.wia, openbaar=False)
    for s in (signaal, intern_signaal, ander):
        services.reageer(s, actor=wereld.behandelaar_szw, besluit="overnemen", toelichting_tekst=GOEDE_UITLEG,
                         toezeggingen=[services.NieuweToezegging(f"Toezegging {s.titel}", "Directie",
                                                                 dt.date(2026, 6, 1))])
    # The board of SVB once had the request for the other signal on the ladder.
    Termijn.objects.filter(signaal=ander).update(organisatie=wereld.svb)
    if gebruiker is None:
        user = AnonymousUser()
    elif gebruiker == "admin":
        user = get_user_model().objects.create_superuser("beheer", password="geheim-wachtwoord-123")
    else:
        user = getattr(wereld, gebruiker)
    via_signaal = Toezegging.objects.filter(signaal__in=rechten.zichtbare_signalen(user, Signaal.objects.all()))
    assert set(Toezegging.objects.filter(rechten.zichtbaar_q(user, via="signaal__"))) == set(via_signaal)
    assert via_signaal.exists()
