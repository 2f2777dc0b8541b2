"""Web pages of the uitvoeringstoets: permissions, Dutch form errors, the invoeringstoets page."""

import datetime as dt

import pytest

from schakel.toetsen import services
from schakel.toetsen.models import Voorstel

from .conftest import TOETS

pytestmark = pytest.mark.django_db


def test_public_sees_published_proposals_not_private_ones(client, wereld, amendement):
    geheim = services.registreer(actor=wereld.behandelaar_szw, soort="motie", kamerstuk="36 123, nr. 7",
                                 titel="Besloten motie", omschrijving="Nog niet openbaar.", ministerie=wereld.szw,
                                 kamercommissie=wereld.cie_szw, uitvoerders=[wereld.uwv], openbaar=False)
    pagina = client.get("/voorstellen").content.decode()
    assert amendement.titel in pagina and "Besloten motie" not in pagina
    assert client.get(f"/voorstellen/{geheim.uuid}").status_code == 404
    client.force_login(wereld.bestuur_uwv)  # an implementer asked sees it
    assert client.get(f"/voorstellen/{geheim.uuid}").status_code == 200
    client.force_login(wereld.griffie_szw)  # the committee sees everything for its ministry
    assert client.get(f"/voorstellen/{geheim.uuid}").status_code == 200


def test_forms_refuse_the_wrong_people_and_show_dutch_errors(client, wereld, amendement):
    toets = amendement.uitvoeringstoetsen.get(organisatie=wereld.uwv)
    url = f"/voorstellen/{amendement.uuid}/toetsen/{toets.uuid}/invullen"
    client.force_login(wereld.behandelaar_svb)
    assert client.get(url).status_code == 403
    client.force_login(wereld.melder_uwv)
    assert client.get("/voorstellen/nieuw").status_code == 403
    client.force_login(wereld.bestuur_uwv)
    r = client.post(url, {"oordeel": "onder_voorwaarden"})
    assert r.status_code == 200
    assert "Noem de voorwaarden waaronder het voorstel uitvoerbaar is." in r.content.decode()
    r = client.post(url, {k: ("" if v is None else v) for k, v in TOETS.items()})
    assert r.status_code == 302
    antwoord_url = f"/voorstellen/{amendement.uuid}/toetsen/{toets.uuid}/beantwoorden"
    assert client.get(antwoord_url).status_code == 403
    client.force_login(wereld.minister_szw)
    assert client.get(antwoord_url).status_code == 200


def test_register_through_the_form(client, wereld):
    client.force_login(wereld.griffie_szw)
    r = client.post("/voorstellen/nieuw", {"soort": "motie", "kamerstuk": "36 123, nr. 11", "titel": "Motie X",
                                           "omschrijving": "Verzoekt de regering.", "ministerie": wereld.szw.pk,
                                           "kamercommissie": wereld.cie_szw.pk, "uitvoerders": [wereld.uwv.pk],
                                           "openbaar": "on"})
    voorstel = Voorstel.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/voorstellen/{voorstel.uuid}"
    assert voorstel.geregistreerd_door == wereld.griffie_szw


def test_invoeringstoets_page_links_signals_since_entry_into_force(client, wereld, signaal):
    toets, _ = services.plan_invoeringstoets(actor=wereld.behandelaar_szw, regeling=wereld.wia,
                                             inwerkingtreding=dt.date(2026, 3, 1))
    pagina = client.get(f"/invoeringstoetsen/{toets.uuid}").content.decode()
    assert signaal.titel in pagina and "Uitvoeringsinstituut Werknemersverzekeringen" in pagina
    client.force_login(wereld.behandelaar_szw)
    r = client.post("/invoeringstoetsen/nieuw", {"regeling": wereld.wia.pk, "inwerkingtreding": "2026-03-01"})
    assert r.status_code == 302 and r["Location"] == f"/invoeringstoetsen/{toets.uuid}"  # idempotent


def test_toets_form_marks_only_optional_fields_and_names_each_missing_amount(client, wereld, amendement):
    from tests.web.html import zichtbare_tekst

    toets = amendement.uitvoeringstoetsen.get(organisatie=wereld.uwv)
    url = f"/voorstellen/{amendement.uuid}/toetsen/{toets.uuid}/invullen"
    client.force_login(wereld.bestuur_uwv)
    tekst = zichtbare_tekst(client.get(url).content.decode())
    # Only the dissenting view may stay empty with every verdict.
    assert tekst.count("(niet verplicht)") == 1
    assert "Afwijkend standpunt (niet verplicht)" in tekst
    fouten = zichtbare_tekst(client.post(url, {"oordeel": "uitvoerbaar"}).content.decode())
    assert "Vul de eenmalige kosten in euro's in" in fouten and "Vul de structurele kosten in euro's per jaar in" in fouten
    assert "Vul een bedrag in euro's in" not in fouten
