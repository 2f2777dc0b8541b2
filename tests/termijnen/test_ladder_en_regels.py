"""The ladder's addressees per kind of owner, and terms from settings and per organisation."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from schakel.accounts.models import Rol
from schakel.termijnen import ladder, regels
from schakel.termijnen.ladder import OrgInfo, Trede
from schakel.termijnen.models import Termijninstelling

MIN, UWV, CIE, GEM, CIE2 = 1, 2, 3, 4, 5
ORGS = {
    MIN: OrgInfo(MIN, "ministerie", None, CIE),
    UWV: OrgInfo(UWV, "uitvoeringsorganisatie", MIN, None),
    CIE: OrgInfo(CIE, "kamercommissie", None, None),
    GEM: OrgInfo(GEM, "gemeente", None, None),
}


def treden(eigenaar, commissie=None):
    return [(a.trede, a.organisatie_id, a.rol)
            for a in ladder.ladder(eigenaar_id=eigenaar, regeling_kamercommissie_id=commissie, organisaties=ORGS)]


def test_ladder_of_an_implementing_organisation_has_five_rungs():
    assert treden(UWV) == [
        (Trede.BEHANDELAAR, UWV, Rol.BEHANDELAAR),
        (Trede.BESTUUR, UWV, Rol.BESTUUR),
        (Trede.MINISTERIE, MIN, Rol.BESTUUR),
        (Trede.BEWINDSPERSOON, MIN, Rol.BEWINDSPERSOON),
        (Trede.KAMERCOMMISSIE, CIE, Rol.GRIFFIE),
    ]


def test_a_ministry_owner_skips_the_principal_rung():
    assert [t for t, _, _ in treden(MIN)] == [1, 2, 4, 5]


def test_committee_falls_back_to_the_regulations_committee():
    assert treden(GEM, commissie=CIE2) == [(1, GEM, Rol.BEHANDELAAR), (2, GEM, Rol.BESTUUR), (5, CIE2, Rol.GRIFFIE)]
    assert treden(GEM) == [(1, GEM, Rol.BEHANDELAAR), (2, GEM, Rol.BESTUUR)]
    assert ladder.volgende(2, eigenaar_id=GEM, regeling_kamercommissie_id=None, organisaties=ORGS) is None


def test_next_rung():
    volgende = ladder.volgende(Trede.BESTUUR, eigenaar_id=MIN, regeling_kamercommissie_id=None, organisaties=ORGS)
    assert (volgende.trede, volgende.organisatie_id, volgende.rol) == (Trede.BEWINDSPERSOON, MIN, Rol.BEWINDSPERSOON)
    assert ladder.volgende(Trede.KAMERCOMMISSIE, eigenaar_id=MIN, regeling_kamercommissie_id=None,
                           organisaties=ORGS) is None


def test_default_terms_follow_the_awb(settings):
    terms = regels.standaard()
    assert terms.antwoordtermijn("signaal") == 30
    assert terms.antwoordtermijn("noodrem") == 5
    assert terms.verlenging_max_voor("signaal") == 20
    assert terms.verlenging_max_voor("noodrem") == 0
    assert [terms.escalatietermijn(t) for t in (2, 3, 4, 5)] == [10, 10, 5, 5]
    assert regels.eerste_trede("noodrem") == Trede.BESTUUR
    assert regels.eerste_trede("signaal") == Trede.BEHANDELAAR


def test_settings_override_the_defaults(settings):
    settings.SCHAKEL_TERMIJNEN = {"signaal": 25}
    settings.SCHAKEL_NOODREM_EERSTE_TREDE = "behandelaar"
    assert regels.standaard().signaal == 25
    assert regels.standaard().noodrem == 5  # missing keys keep their default
    assert regels.eerste_trede("noodrem") == Trede.BEHANDELAAR
    start = dt.datetime(2026, 3, 11, 10, tzinfo=dt.timezone.utc)
    assert regels.uiterste_reactiedatum("signaal", start) == dt.date(2026, 4, 17)


def test_settings_are_checked():
    assert regels.controleer({"signaal": 30, "verlenging_max": 0}) == []
    fouten = regels.controleer({"signaal": 0, "noodrem": "5", "onzin": 3, "bestuur": 1000})
    assert len(fouten) == 4


def test_system_check_reports_bad_settings(settings):
    from schakel.termijnen.checks import controleer_instellingen

    assert controleer_instellingen(None) == []
    settings.SCHAKEL_TERMIJNEN = {"signaal": -1}
    settings.SCHAKEL_NOODREM_EERSTE_TREDE = "minister"
    assert {m.id for m in controleer_instellingen(None)} == {"termijnen.E001", "termijnen.E002"}


@pytest.mark.django_db
def test_per_organisation_terms_override_settings(wereld):
    Termijninstelling.objects.create(organisatie=wereld.szw, signaal=20, bewindspersoon=3)
    szw = regels.voor(wereld.szw)
    assert (szw.signaal, szw.noodrem, szw.bewindspersoon, szw.bestuur) == (20, 5, 3, 10)
    assert regels.voor(wereld.ienw.pk).signaal == 30
    assert regels.voor(None).signaal == 30
    assert regels.afwijkingen_per_organisatie() == {wereld.szw.pk: szw}


@pytest.mark.django_db
def test_per_organisation_terms_are_validated(wereld):
    with pytest.raises(ValidationError) as fout:
        Termijninstelling(organisatie=wereld.szw, signaal=0, verlenging_max=500).full_clean()
    assert set(fout.value.message_dict) == {"signaal", "verlenging_max"}


@pytest.mark.django_db
def test_a_rung_has_one_name_in_tables_and_sentences(wereld):
    from schakel.termijnen.ladder import Trede, trede_naam
    from schakel.termijnen.status import omschrijf_adres

    assert trede_naam(Trede.BESTUUR, wereld.szw) == "Ambtelijke top (DG/SG)"
    assert omschrijf_adres(Trede.BESTUUR, wereld.szw).startswith("de ambtelijke top (DG/SG) van")
    assert trede_naam(Trede.BESTUUR, wereld.uwv) == "Bestuur"
    assert omschrijf_adres(Trede.BESTUUR, wereld.uwv).startswith("het bestuur van")
