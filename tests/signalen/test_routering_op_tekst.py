"""Filing without a regulation: the text router suggests the owner and the TCU causes, the
filer accepts (or names another organisation), or the signal waits in the triage queue
where a handler routes it; the choice is audited and used as training data. Everything that
reads ``signaal.regeling`` copes with a signal that names none."""

from __future__ import annotations

import csv
import io

import feedparser
import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings, strategies as st
from schakel.accounts import apitokens
from rest_framework.test import APIClient

from schakel.knelpunten import router
from schakel.knelpunten import services as knelpuntservices
from schakel.signalen import rechten, routering, services
from schakel.signalen.models import Oorzaak, Signaal
from schakel.signalen.workflow import OngeldigeOvergang, Status

from tests.routermodel import PRAKTIJK_RIJBEWIJS, WIA, voorbeelden

pytestmark = pytest.mark.django_db


def _dien_in(wereld, indiener=None, **kw):
    velden = {"titel": "Keuring rijbewijs ouderen duurt te lang", "praktijk": PRAKTIJK_RIJBEWIJS,
              "getroffen_burgers": "Bestuurders van 75 jaar en ouder", "regeling": None,
              "verbetervoorstel": "Verleng het rijbewijs zolang de keuring loopt."}
    velden.update(kw)
    return services.dien_in(indiener=indiener or wereld.melder_cbr, **velden)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _api(user) -> APIClient:
    _, api_sleutel = apitokens.maak(user)
    client = APIClient(raise_request_exception=False)
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_sleutel}")
    return client


# --- service ----------------------------------------------------------------------------------

def test_the_router_suggests_the_owner_and_causes_with_confidence(wereld, model):
    suggestie = routering.suggereer(titel="Rijbewijs verlengen duurt te lang", praktijk=PRAKTIJK_RIJBEWIJS)
    assert suggestie.beste.organisatie == wereld.ienw
    assert suggestie.zeker and 0.5 <= suggestie.beste.kans <= 1
    assert [k.organisatie.code for k in suggestie.oorzaken] == ["geen-evaluatie"]
    assert suggestie.melding == ""
    wia = routering.suggereer(titel="WIA-voorschot ineens terug", praktijk=WIA[0])
    assert wia.beste.organisatie == wereld.szw


def test_without_a_model_there_is_no_suggestion_and_filing_goes_to_triage(wereld, geen_model):
    suggestie = routering.suggereer(titel="Xqz vrrt plomf", praktijk="Qqq zzv xqj wrp tlk brrm snv qqz vvx jjk plm grr trk zzt qqp xxv brk sss lll mmm nnn ppp.")
    assert suggestie.eigenaren == [] and not suggestie.zeker
    assert "geen routeringsmodel" in suggestie.melding
    signaal = _dien_in(wereld, volg_advies=True, titel="Xqz vrrt plomf", praktijk="Qqq zzv xqj wrp tlk brrm snv qqz vvx jjk plm grr trk zzt qqp xxv brk sss lll mmm nnn ppp.", getroffen_burgers="Xxq vvz pprt",
                       verbetervoorstel="Qq")
    assert signaal.status == Status.INGEDIEND and signaal.eigenaar is None and signaal.regeling is None
    assert signaal.uiterste_reactiedatum is None
    assert list(signaal.gebeurtenissen.values_list("actie", flat=True)) == ["ingediend", "naar_triage"]


def test_on_day_one_a_named_regulation_is_routed_without_any_model(wereld, geen_model):
    suggestie = routering.suggereer(titel="Rijbewijs verlengen duurt te lang", praktijk=PRAKTIJK_RIJBEWIJS)
    assert suggestie.beste.organisatie == wereld.ienw and suggestie.zeker
    assert suggestie.versie == routering.HERKENNING and suggestie.melding == ""
    signaal = _dien_in(wereld, volg_advies=True)
    assert signaal.eigenaar == wereld.ienw and signaal.status == Status.IN_BEHANDELING
    wia = routering.suggereer(titel="Voorschot", praktijk="Het WIA-voorschot moet ineens terug.")
    assert wia.beste.organisatie == wereld.szw


def test_following_the_advice_routes_to_the_suggested_owner_and_starts_the_term(wereld, model):
    signaal = _dien_in(wereld, volg_advies=True)
    assert signaal.eigenaar == wereld.ienw and signaal.status == Status.IN_BEHANDELING
    assert signaal.uiterste_reactiedatum is not None
    g = signaal.gebeurtenissen.get(actie="gerouteerd_op_tekst")
    assert g.na["eigenaar"] == "ienw" and g.na["advies_gevolgd"] is True
    assert g.na["advies"]["eigenaren"][0]["eigenaar"] == "ienw"
    assert "op advies van de routering" in g.toelichting


def test_a_named_organisation_wins_and_is_recorded_as_not_the_advice(wereld, model):
    signaal = _dien_in(wereld, eigenaar=wereld.szw)
    assert signaal.eigenaar == wereld.szw
    g = signaal.gebeurtenissen.get(actie="gerouteerd_op_tekst")
    assert g.na["advies_gevolgd"] is False and "de indiener koos" in g.toelichting


def test_a_committee_cannot_be_named_and_a_noodrem_needs_its_regulation(wereld, model):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as fout:
        _dien_in(wereld, eigenaar=wereld.cie_szw)
    assert "eigenaar" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        _dien_in(wereld, indiener=wereld.bestuur_uwv, soort="noodrem")
    assert "regeling" in fout.value.message_dict
    assert not Signaal.objects.exists()


def test_triage_routes_with_permission_only_and_trains_the_next_router(wereld, geen_model, trieerder):
    signaal = _dien_in(wereld)
    assert not rechten.mag_trieren(wereld.behandelaar_ienw)
    assert rechten.mag_trieren(trieerder)
    assert rechten.zichtbare_signalen(trieerder, Signaal.objects.all()).filter(pk=signaal.pk).exists()
    with pytest.raises(PermissionDenied):
        services.trieer(signaal, naar=wereld.ienw, actor=wereld.behandelaar_ienw, reden="Rijbewijzen")

    signaal = services.trieer(signaal, naar=wereld.ienw, actor=trieerder, regeling=wereld.wvw,
                              reden="Rijbewijzen vallen onder de Wegenverkeerswet.")
    assert signaal.eigenaar == wereld.ienw and signaal.regeling == wereld.wvw
    assert signaal.status == Status.IN_BEHANDELING and signaal.uiterste_reactiedatum is not None
    g = signaal.gebeurtenissen.get(actie="getrieerd")
    assert g.na["eigenaar"] == "ienw" and g.na["regeling"] == wereld.wvw.bwb_id
    with pytest.raises(OngeldigeOvergang):
        services.trieer(signaal, naar=wereld.szw, actor=trieerder, reden="Nog eens")
    # the triage choice is a correction: it weighs double in the next training
    voorbeeld = next(v for v in router.voorbeelden() if v.eigenaar == "ienw")
    assert voorbeeld.gewicht == router.GEWICHT_DOORGESTUURD


def test_triage_needs_a_reason_and_an_organisation_that_answers(wereld, geen_model, trieerder):
    from django.core.exceptions import ValidationError

    signaal = _dien_in(wereld)
    with pytest.raises(ValidationError) as fout:
        services.trieer(signaal, naar=wereld.cie_ienw, actor=trieerder, reden=" ")
    assert set(fout.value.message_dict) == {"naar", "reden"}
    assert Signaal.objects.get(pk=signaal.pk).eigenaar is None


# --- web ----------------------------------------------------------------------------------------

def _post(wereld, **extra):
    data = {"titel": "Keuring rijbewijs ouderen duurt te lang", "praktijk": PRAKTIJK_RIJBEWIJS,
            "getroffen_burgers": "Bestuurders van 75 jaar en ouder", "aantal_getroffen": "", "regeling": "",
            "artikelen": "", "verbetervoorstel": "", "openbaar": "on"}
    data.update(extra)
    return data


def test_web_first_submit_shows_the_suggestion_and_the_second_files(wereld, model):
    client = _client(wereld.melder_cbr)
    response = client.post(reverse("web:signaal-nieuw"), _post(wereld))
    html = response.content.decode()
    assert response.status_code == 200 and not Signaal.objects.exists()
    assert "Suggestie: wie moet reageren?" in html
    assert wereld.ienw.naam in html and "% zeker" in html
    assert 'value="ienw" checked' in html  # confident: preselected
    geen_evaluatie = Oorzaak.objects.get(code="geen-evaluatie")
    assert f'value="{geen_evaluatie.pk}" checked' in html or f'value="{geen_evaluatie.pk}"\n' in html

    response = client.post(reverse("web:signaal-nieuw"), _post(wereld, routering="ienw",
                                                               oorzaken=[str(geen_evaluatie.pk)]))
    signaal = Signaal.objects.get()
    assert response.status_code == 302 and signaal.eigenaar == wereld.ienw and signaal.regeling is None
    assert list(signaal.oorzaken.all()) == [geen_evaluatie]
    pagina = client.get(reverse("web:signaal", args=[signaal.uuid])).content.decode()
    assert "Niet genoemd door de indiener" in pagina
    assert "Toegewezen op grond van de tekst" in pagina


VAAG = {"titel": "Xqz vrrt plomf", "praktijk": "Qqq zzv xqj wrp tlk brrm snv qqz vvx jjk plm grr trk zzt qqp xxv brk sss lll mmm nnn ppp.", "getroffen_burgers": "Xxq vvz pprt"}  # nothing Schakel knows


def test_web_without_a_model_files_to_triage_with_a_clear_message(wereld, geen_model):
    client = _client(wereld.melder_cbr)
    html = client.post(reverse("web:signaal-nieuw"), _post(wereld, **VAAG)).content.decode()
    assert "er is geen routeringsmodel getraind" in html
    assert 'value="triage" checked' in html
    response = client.post(reverse("web:signaal-nieuw"), _post(wereld, routering="triage", **VAAG), follow=True)
    signaal = Signaal.objects.get()
    assert signaal.eigenaar is None
    html = response.content.decode()
    assert "Het staat in de triage" in html and "Nog niet bepaald: het signaal wacht in de triage" in html


def test_web_another_organisation_must_be_chosen(wereld, model):
    client = _client(wereld.melder_cbr)
    html = client.post(reverse("web:signaal-nieuw"), _post(wereld, routering="anders")).content.decode()
    assert "Kies de organisatie die moet reageren." in html and not Signaal.objects.exists()
    client.post(reverse("web:signaal-nieuw"), _post(wereld, routering="anders",
                                                    andere_organisatie=str(wereld.svb.pk)))
    assert Signaal.objects.get().eigenaar == wereld.svb


def test_web_triage_queue_and_routing(wereld, model, trieerder):
    signaal = _dien_in(wereld)
    assert _client(wereld.behandelaar_ienw).get(reverse("web:triage")).status_code == 403
    assert _client(wereld.behandelaar_ienw).get(reverse("web:trieren", args=[signaal.uuid])).status_code == 403
    client = _client(trieerder)
    assert signaal.titel in client.get(reverse("web:triage")).content.decode()
    html = client.get(reverse("web:trieren", args=[signaal.uuid])).content.decode()
    assert "Advies op grond van de tekst" in html and wereld.ienw.naam in html
    response = client.post(reverse("web:trieren", args=[signaal.uuid]),
                           {"naar": str(wereld.ienw.pk), "regeling": "", "reden": "Gaat over rijbewijzen."})
    assert response.status_code == 302
    signaal.refresh_from_db()
    assert signaal.eigenaar == wereld.ienw and signaal.regeling is None
    assert "Toegewezen bij de triage" in client.get(reverse("web:signaal", args=[signaal.uuid])).content.decode()


# --- API ------------------------------------------------------------------------------------------

def _body(**kw):
    body = {"titel": "Keuring rijbewijs ouderen duurt te lang", "praktijk": PRAKTIJK_RIJBEWIJS,
            "getroffenBurgers": "Bestuurders van 75 jaar en ouder"}
    body.update(kw)
    return body


def test_api_files_without_a_regulation(wereld, model):
    client = _api(wereld.melder_cbr)
    triage = client.post("/api/v1/signalen", _body(), format="json")
    assert triage.status_code == 201, triage.content
    assert triage.json()["regeling"] is None and triage.json()["eigenaar"] is None
    assert triage.json()["status"] == "ingediend"
    gevolgd = client.post("/api/v1/signalen", _body(volgAdvies=True), format="json")
    assert gevolgd.status_code == 201 and gevolgd.json()["eigenaar"] == "ienw"
    genoemd = client.post("/api/v1/signalen", _body(eigenaar="svb"), format="json")
    assert genoemd.json()["eigenaar"] == "svb"
    commissie = client.post("/api/v1/signalen", _body(eigenaar="cie-szw"), format="json")
    assert commissie.status_code == 400 and commissie["Content-Type"] == "application/problem+json"


def test_api_routing_advice_and_assignment(wereld, model, trieerder):
    advies = _api(wereld.melder_cbr).post("/api/v1/routeringsadvies",
                                         {"titel": "Rijbewijs", "praktijk": PRAKTIJK_RIJBEWIJS}, format="json")
    assert advies.status_code == 200, advies.content
    data = advies.json()
    assert data["eigenaren"][0]["code"] == "ienw" and data["zeker"] is True and data["modelversie"]
    assert data["oorzaken"][0]["code"] == "geen-evaluatie"
    assert _api(wereld.griffie_szw).post("/api/v1/routeringsadvies", {"titel": "x", "praktijk": "y Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen."},
                                         format="json").status_code == 403

    signaal = _dien_in(wereld)
    url = f"/api/v1/signalen/{signaal.uuid}/toewijzing"
    assert _api(wereld.melder_cbr).post(url, {"naar": "ienw", "reden": "x"}, format="json").status_code == 403
    response = _api(trieerder).post(url, {"naar": "ienw", "reden": "Rijbewijzen", "regeling": "BWBR0006622"},
                                    format="json")
    assert response.status_code == 200, response.content  # nothing is created: the signal is routed
    assert "Location" not in response
    assert response.json()["eigenaar"] == "ienw" and response.json()["regeling"] == "BWBR0006622"
    again = _api(trieerder).post(url, {"naar": "szw", "reden": "Nog eens"}, format="json")
    assert again.status_code == 409


def test_api_advice_without_a_model(wereld, geen_model):
    data = _api(wereld.melder_cbr).post("/api/v1/routeringsadvies", {"titel": "x", "praktijk": "y Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen."},
                                       format="json").json()
    assert data["eigenaren"] == [] and data["zeker"] is False and "geen routeringsmodel" in data["melding"]


# --- everything that reads signaal.regeling copes with None ------------------------------------

def test_pages_feeds_and_exports_cope_with_a_signal_without_regulation(wereld, model, client):
    signaal = _dien_in(wereld, volg_advies=True)  # owned by IenW, no regulation
    knelpunt = knelpuntservices.maak(
        actor=wereld.behandelaar_ienw, signalen=[signaal], titel="Keuring rijbewijs ouderen",
        beleidsbetekenis="Ouderen verliezen hun rijbewijs terwijl ze wachten op een keuring die de overheid "
                         "zelf niet op tijd kan plannen; dat vraagt ruimere verlenging in de regels.")
    assert knelpunt.regeling is None and knelpunt.kamercommissie == wereld.cie_ienw
    for url in ["/signalen", f"/signalen/{signaal.uuid}", f"/signalen/{signaal.uuid}/termijn", "/knelpunten",
                f"/knelpunten/{knelpunt.uuid}", "/organisaties/ienw", "/staat-van-de-uitvoering"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "None" not in response.content.decode().replace("None;", ""), url
    assert "Geen van de signalen noemt een regeling" in client.get(f"/knelpunten/{knelpunt.uuid}").content.decode()
    rijen = list(csv.DictReader(io.StringIO(client.get("/open-data/signalen.csv").getvalue().decode("utf-8-sig"))))
    assert rijen[0]["regeling"] == ""
    rijen = list(csv.DictReader(io.StringIO(client.get("/open-data/knelpunten.csv").getvalue().decode("utf-8-sig"))))
    assert rijen[0]["regeling"] == ""
    feed = feedparser.parse(client.get("/open-data/signalen.atom").content)
    assert feed.entries[0].summary.startswith("Ouderen van 75 jaar")
    api = client.get(f"/api/v1/knelpunten/{knelpunt.uuid}").json()
    assert api["regeling"] is None
    assert client.get(f"/api/v1/signalen/{signaal.uuid}").json()["regeling"] is None


def test_a_signal_without_regulation_is_not_bundled_with_others_for_lack_of_one(wereld, geen_model, trieerder):
    from schakel.knelpunten import selecties

    eerste = services.trieer(_dien_in(wereld), naar=wereld.ienw, actor=trieerder, reden="Rijbewijs")
    tweede = _dien_in(wereld, indiener=wereld.melder_uwv, titel="WIA-voorschot ineens", praktijk=WIA[0])  # in triage, no owner
    knelpunt = knelpuntservices.maak(
        actor=wereld.behandelaar_ienw, signalen=[eerste], titel="Keuring rijbewijs ouderen",
        beleidsbetekenis="Ouderen verliezen hun rijbewijs terwijl ze wachten op een keuring die de overheid "
                         "zelf niet op tijd kan plannen; dat vraagt ruimere verlenging in de regels.")
    # "no regulation" is not a shared regulation: the triage signal is no candidate
    assert tweede not in [s.object for s in selecties.suggesties(knelpunt, wereld.behandelaar_ienw)]
    from schakel.knelpunten import rechten as knelpuntrechten
    assert not knelpuntrechten.mag_bundelen(wereld.behandelaar_ienw, knelpunt, tweede)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(titel=st.text(max_size=80), praktijk=st.text(max_size=400))
def test_advice_for_any_text_is_a_ranked_probability(titel, praktijk):
    model = _GETRAIND
    advies = model.adviseer(router.tekst_van(titel, praktijk))
    kansen = [k.kans for k in advies.eigenaren]
    assert kansen == sorted(kansen, reverse=True)
    assert all(0.0 <= k <= 1.0 for k in kansen) and abs(sum(kansen) - 1.0) < 1e-6
    assert {k.label for k in advies.eigenaren} == {"szw", "ienw"}


_GETRAIND = router.Router(seed=0).train(voorbeelden())


def test_web_an_error_on_the_second_submit_keeps_the_suggestion_step(wereld, model):
    client = _client(wereld.melder_cbr)
    bsn = "Mevrouw met BSN 111222333 wacht al maanden op haar keuring voor het rijbewijs bij het CBR."
    html = client.post(reverse("web:signaal-nieuw"), _post(wereld, praktijk=bsn, routering="ienw")).content.decode()
    assert not Signaal.objects.exists()
    assert "Suggestie: wie moet reageren?" in html and 'value="ienw" checked' in html


def test_likely_regulations_come_from_similar_published_signals_even_without_a_model(wereld, geen_model):
    from schakel.signalen.models import Signaal as S

    for titel in ["Keuring rijbewijs 75-plussers duurt maanden", "CBR keurt rijbewijs ouderen te laat"]:
        services.dien_in(indiener=wereld.melder_cbr, titel=titel, praktijk=PRAKTIJK_RIJBEWIJS,
                         getroffen_burgers="Ouderen in de uitvoering", regeling=wereld.wvw)
    services.dien_in(indiener=wereld.melder_uwv, titel="WIA-voorschot ineens terug", praktijk=WIA[0],
                     getroffen_burgers="WIA-aanvragers", regeling=wereld.wia)
    geheim = services.dien_in(indiener=wereld.melder_uwv, titel="Rijbewijs keuring ouderen wachten", openbaar=False,
                              praktijk=PRAKTIJK_RIJBEWIJS, getroffen_burgers="Ouderen in de uitvoering", regeling=wereld.wia)
    suggestie = routering.suggereer(titel="Rijbewijs verlopen tijdens keuring", praktijk=PRAKTIJK_RIJBEWIJS)
    assert suggestie.versie == routering.HERKENNING  # no trained model: recognition alone
    assert [k.organisatie for k in suggestie.regelingen][0] == wereld.wvw
    assert suggestie.regelingen[0].kans > 0.5
    assert geheim.regeling not in [k.organisatie for k in suggestie.regelingen]  # only published signals vote
    assert routering.waarschijnlijke_regelingen("xyz", "qqq") == []
    assert S.objects.count() == 4


def test_web_and_api_show_the_likely_regulation(wereld, model):
    services.dien_in(indiener=wereld.melder_cbr, titel="Keuring rijbewijs 75-plussers duurt maanden",
                     praktijk=PRAKTIJK_RIJBEWIJS, getroffen_burgers="Ouderen in de uitvoering", regeling=wereld.wvw)
    html = _client(wereld.melder_cbr).post(reverse("web:signaal-nieuw"), _post(wereld)).content.decode()
    assert "Gaat het over <strong>Wegenverkeerswet 1994</strong> (BWBR0006622" in html
    data = _api(wereld.melder_cbr).post("/api/v1/routeringsadvies", {"titel": "Rijbewijs",
                                                                      "praktijk": PRAKTIJK_RIJBEWIJS},
                                         format="json").json()
    assert data["regelingen"][0]["code"] == "BWBR0006622" and data["regelingen"][0]["kans"] == 1.0


def test_triage_page_without_a_model_shows_no_command_to_a_handler(wereld, geen_model):
    from django.contrib.auth.models import Permission

    wereld.behandelaar_szw.user_permissions.add(Permission.objects.get(codename="trieren"))
    html = _client(wereld.behandelaar_szw).get(reverse("web:triage")).content.decode()
    assert "geen routeringsmodel getraind" in html and "train-router" not in html
