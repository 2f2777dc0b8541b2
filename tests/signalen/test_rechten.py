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


def _wie_ziet(signalen, gebruikers) -> set[tuple[str, str]]:
    return {(s.titel, u.username) for s in signalen for u in gebruikers if rechten.mag_inzien(u, s)}


def test_every_clause_of_who_sees_a_non_public_signal_is_a_real_path_and_is_told_to_the_filer(
        wereld, intern_signaal, monkeypatch):
    """The filing form's promise comes from rechten.TOEGANG, the list zichtbaar_q is built from; and
    every clause matters: without it, somebody of the world below loses sight of a signal."""
    import datetime as dt

    from django.contrib.auth.models import Permission

    from schakel.accounts.models import Rol, User
    from schakel.termijnen.models import Termijn
    from schakel.web.forms import SignaalFormulier

    trieerder = User.objects.create_user("trieerder-szw", rol=Rol.BEHANDELAAR, organisatie=wereld.szw)
    trieerder.user_permissions.add(Permission.objects.get(codename="trieren"))
    trieerder = User.objects.get(pk=trieerder.pk)
    zonder_regeling = services.dien_in(indiener=wereld.melder_cbr, titel="Zonder regeling", praktijk="p Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                                       getroffen_burgers="g in de uitvoering", openbaar=False)
    # SVB's own internal rule, filed by UWV: SVB sees it as owner only, SZW as principal only.
    from schakel.regelingen.models import Regeling

    eigen = Regeling.objects.create(bwb_id="BWBR0099998", titel="Beleidsregel SVB", eigenaar=wereld.svb)
    van_svb = services.dien_in(indiener=wereld.melder_uwv, titel="Beleidsregel SVB", praktijk="p Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                               getroffen_burgers="g in de uitvoering", regeling=eigen, openbaar=False)
    # Without its rung-1 deadline (signals from before the ladder): the owner sees it as owner.
    Termijn.objects.filter(signaal=van_svb).delete()
    # Asked on the ladder: CBR, which neither filed nor owns the signal.
    nu = dt.datetime(2026, 3, 11, 10, tzinfo=dt.timezone.utc)
    Termijn.objects.create(signaal=intern_signaal, trede=2, organisatie=wereld.cbr, rol=Rol.BESTUUR, gestart_op=nu,
                           werkdagen=10, oorspronkelijke_uiterste_datum=nu.date(), uiterste_datum=nu.date(),
                           gesloten_op=nu, uitkomst="geescaleerd")
    signalen = [intern_signaal, zonder_regeling, van_svb]
    gebruikers = [wereld.melder_uwv, wereld.bestuur_uwv, wereld.behandelaar_szw, wereld.minister_szw,
                  wereld.griffie_szw, wereld.behandelaar_svb, wereld.melder_cbr, wereld.behandelaar_ienw, trieerder]
    alles = _wie_ziet(signalen, gebruikers)
    for i, toegang in enumerate(rechten.TOEGANG):
        monkeypatch.setattr(rechten, "TOEGANG", rechten.TOEGANG[:i] + rechten.TOEGANG[i + 1:])
        assert _wie_ziet(signalen, gebruikers) < alles, toegang.wie
        monkeypatch.undo()

    hint = str(SignaalFormulier.base_fields["openbaar"].help_text)
    for wie in rechten.wie_ziet_besloten_signaal():
        assert wie in hint
    assert "uw eigen organisatie, ook uw bestuur" in hint and "griffie" in hint and rechten.BEHEERDERS in hint
