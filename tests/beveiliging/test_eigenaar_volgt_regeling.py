"""The filer never chooses who must answer: a signal that names a regulation is answered by
the regulation's owner, on every path that sets an owner (API and web filing, triage,
forwarding, the brakes, the retoursticker signal and the Maatwerkplaats solve)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from schakel.noodrem import professional, rode_kaart
from schakel.noodrem.models import OrganisatieVariant
from schakel.signalen import services
from schakel.signalen.models import Signaal

from ..api.conftest import PROBLEM, als, signaal_body  # noqa: F401  (als: fixture)
from ..noodrem.conftest import beginselen, rem_velden  # noqa: F401  (fixtures)
from ..signalen.conftest import trieerder  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

TEKST = dict(
    titel="Voorschot WIA wordt in één keer teruggevorderd",
    praktijk="Mensen die een voorschot op hun WIA-uitkering kregen, moeten dat in één keer terugbetalen zodra "
             "de uitkering wordt toegekend. Wie schulden heeft, raakt daardoor verder in de problemen.",
    getroffen_burgers="WIA-aanvragers met een voorschot en schulden",
)


@pytest.fixture
def als_melder(wereld, als):
    return als(wereld.melder_uwv)


@pytest.mark.parametrize("openbaar", [True, False])
def test_api_refuses_an_owner_other_than_the_regulations(wereld, als_melder, openbaar):
    response = als_melder.post("/api/v1/signalen", signaal_body(eigenaar="uwv", openbaar=openbaar), format="json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith(PROBLEM)
    fouten = {f["name"]: f["reason"] for f in response.json()["invalidParams"]}
    assert "eigenaar" in fouten and "SZW" in fouten["eigenaar"].upper()
    assert not Signaal.objects.exists()


def test_api_refuses_a_committee_as_owner_even_with_a_regulation(wereld, als_melder):
    response = als_melder.post("/api/v1/signalen", signaal_body(eigenaar="cie-szw"), format="json")
    assert response.status_code == 400
    assert [f["name"] for f in response.json()["invalidParams"]] == ["eigenaar"]
    assert not Signaal.objects.exists()


@pytest.mark.parametrize("eigenaar", [None, "szw"])
def test_api_routes_to_the_regulations_owner_when_named_or_repeated(wereld, als_melder, eigenaar):
    body = signaal_body(**({"eigenaar": eigenaar} if eigenaar else {}))
    response = als_melder.post("/api/v1/signalen", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["eigenaar"] == "szw"
    assert Signaal.objects.get().eigenaar == wereld.szw


def test_the_filers_own_organisation_cannot_answer_a_signal_about_a_ministrys_law(wereld, als_melder, als):
    """The attack as found: file with eigenaar=uwv, then answer it as UWV's handler."""
    als_melder.post("/api/v1/signalen", signaal_body(eigenaar="uwv", openbaar=False), format="json")
    assert not Signaal.objects.exists()
    signaal = services.dien_in(indiener=wereld.melder_uwv, regeling=wereld.wia, openbaar=False, **TEKST)
    assert signaal.eigenaar == wereld.szw
    behandelaar_szw = als(wereld.behandelaar_szw).get(f"/api/v1/signalen/{signaal.uuid}")
    assert behandelaar_szw.status_code == 200  # the ministry sees the non-public signal it must answer


def test_web_form_ignores_a_routing_choice_when_a_regulation_is_named(wereld):
    client = Client()
    client.force_login(wereld.melder_uwv)
    response = client.post("/signalen/nieuw", {
        **TEKST, "regeling": wereld.wia.pk, "routering": "uwv", "andere_organisatie": wereld.uwv.pk,
        "openbaar": "", "aantal_getroffen": "", "artikelen": "", "verbetervoorstel": ""})
    assert response.status_code in (200, 302)
    signaal = Signaal.objects.get()
    assert signaal.eigenaar == wereld.szw


def test_service_refuses_an_owner_other_than_the_regulations(wereld):
    with pytest.raises(ValidationError) as fout:
        services.dien_in(indiener=wereld.melder_uwv, regeling=wereld.wia, eigenaar=wereld.uwv, **TEKST)
    assert set(fout.value.message_dict) == {"eigenaar"}
    assert not Signaal.objects.exists()


def test_triage_with_a_regulation_goes_to_that_regulations_owner(wereld, trieerder):
    signaal = services.dien_in(indiener=wereld.melder_uwv, **TEKST)
    assert signaal.eigenaar is None
    with pytest.raises(ValidationError) as fout:
        services.trieer(signaal, naar=wereld.uwv, actor=trieerder, reden="Hoort bij UWV", regeling=wereld.wia)
    assert set(fout.value.message_dict) == {"naar"}
    signaal.refresh_from_db()
    assert signaal.eigenaar is None and signaal.regeling is None
    services.trieer(signaal, naar=wereld.szw, actor=trieerder, reden="Gaat over de WIA", regeling=wereld.wia)
    signaal.refresh_from_db()
    assert signaal.eigenaar == wereld.szw and signaal.regeling == wereld.wia


def test_triage_through_the_api_refuses_a_mismatching_owner(wereld, trieerder, als):
    signaal = services.dien_in(indiener=wereld.melder_uwv, **TEKST)
    response = als(trieerder).post(f"/api/v1/signalen/{signaal.uuid}/toewijzing",
                                   {"naar": "uwv", "reden": "Hoort bij UWV", "regeling": "BWBR0019057"},
                                   format="json")
    assert response.status_code == 400
    assert "naar" in [f["name"] for f in response.json()["invalidParams"]]


def test_only_the_owner_forwards_and_never_to_a_committee(wereld, signaal, als):
    filer = als(wereld.melder_uwv).post(f"/api/v1/signalen/{signaal.uuid}/doorverwijzingen",
                                        {"naar": "uwv", "reden": "Hoort bij UWV"}, format="json")
    assert filer.status_code == 403
    with pytest.raises(ValidationError) as fout:
        services.stuur_door(signaal, naar=wereld.cie_szw, actor=wereld.behandelaar_szw, reden="Voor de Kamer")
    assert set(fout.value.message_dict) == {"naar"}
    signaal.refresh_from_db()
    assert signaal.eigenaar == wereld.szw


def test_a_professionals_brake_must_target_an_organisation_of_the_regulation(wereld, rem_velden):  # noqa: F811
    with pytest.raises(ValidationError) as fout:
        professional.trek_professional(gebruiker=None, anoniem=True, **{**rem_velden, "praktijk_van": wereld.cbr})
    assert "praktijk_van" in fout.value.message_dict
    signaal, _ = professional.trek_professional(gebruiker=None, anoniem=True, **rem_velden)
    assert signaal.eigenaar == wereld.uwv  # UWV executes the WIA: its practice, its board
    signaal, _ = professional.trek_professional(gebruiker=None, anoniem=True, **{**rem_velden, "praktijk_van": wereld.szw})
    assert signaal.eigenaar == wereld.szw  # the ministry's own instruction


def test_a_professionals_brake_through_the_api_names_the_field(wereld):
    from rest_framework.test import APIClient

    body = {"praktijkVan": "cbr", "titel": "Uitkeringen stopgezet zonder horen",
            "praktijk": "Bij een vermoeden van fraude wordt de uitkering direct stopgezet, zonder dat de burger "
                        "eerst wordt gehoord over wat er aan de hand is.",
            "moetStoppen": "Stopzetten zonder horen.", "beginselen": ["evenredigheid"],
            "getroffenBurgers": "WIA-gerechtigden", "regeling": "BWBR0019057"}
    response = APIClient().post("/api/v1/noodremmen", body, format="json")
    assert response.status_code == 400
    assert "praktijkVan" in [f["name"] for f in response.json()["invalidParams"]]
    assert not Signaal.objects.exists()


def _rode_kaart(wereld, beginselen, regeling):  # noqa: F811
    return rode_kaart.trek_organisatie(
        actor=wereld.bestuur_uwv, variant=OrganisatieVariant.RODE_KAART, regeling=regeling,
        titel="Wij geven de herbeoordelingsinstructie terug",
        praktijk="De instructie dwingt ons herbeoordelingen af te ronden binnen een termijn die voor mensen "
                 "met complexe klachten niet haalbaar is.",
        moet_stoppen="De verplichte afrondingstermijn voor herbeoordelingen.",
        getroffen_burgers="WIA-gerechtigden met complexe klachten", beginselen=beginselen,
        bewijs_toelichting="In 2025 liepen 340 herbeoordelingen vast op deze termijn.")


def test_a_red_card_goes_to_the_regulations_owner_and_only_for_a_regulation_executed(wereld, beginselen):  # noqa: F811
    with pytest.raises(ValidationError) as fout:
        _rode_kaart(wereld, beginselen, wereld.wvw)  # UWV does not execute the Wegenverkeerswet
    assert "regeling" in fout.value.message_dict
    signaal = _rode_kaart(wereld, beginselen, wereld.wia)
    assert signaal.eigenaar == wereld.szw == wereld.wia.eigenaar


def test_a_regulation_executed_by_one_municipality_is_executed_by_all(wereld):
    from schakel.organisaties.models import Organisatie, OrganisatieSoort

    utrecht = Organisatie.objects.create(afkorting="utrecht", naam="Gemeente Utrecht", soort=OrganisatieSoort.GEMEENTE)
    zwolle = Organisatie.objects.create(afkorting="zwolle", naam="Gemeente Zwolle", soort=OrganisatieSoort.GEMEENTE)
    wereld.wia.uitvoerders.add(utrecht)
    assert wereld.wia.betrokken(zwolle) and wereld.wia.betrokken(wereld.szw) and wereld.wia.betrokken(wereld.uwv)
    assert not wereld.wia.betrokken(wereld.cbr) and not wereld.wvw.betrokken(zwolle)
