"""The report page, its downloads, the API endpoint and the ``report`` command."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader
from rest_framework.test import APIClient

PROBLEM = "application/problem+json"


def test_page_shows_the_figures_tables_and_charts_without_script(client, geschiedenis):
    response = client.get("/staat-van-de-uitvoering", {"periode": "2025"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Staat van de Uitvoering 2025</h1>" in html
    assert '<th scope="row">Signalen ingediend</th><td class="getal">5</td><td class="getal">1</td>' in html
    assert '<th scope="row">Mediaan (werkdagen)</th><td class="getal">11,0</td><td class="getal">6,0</td>' in html
    assert "Tijd tot de eerste reactie (werkdagen)" in html
    assert html.count('<img src="data:image/png;base64,') == 5
    assert 'alt="Kerncijfers, 2025 tegen 2024: ingediend 5 tegen 1;' in html
    assert "<script>" not in html and "style=" not in html
    assert "/staat-van-de-uitvoering.pdf?periode=2025" in html
    assert ('<a class="navigatie__link" href="/staat-van-de-uitvoering" aria-current="page">'
            'Staat van de Uitvoering</a>') in html


def test_page_defaults_to_last_year_and_filters_on_a_scope(client, geschiedenis):
    assert "Staat van de Uitvoering 2025" in client.get("/staat-van-de-uitvoering").content.decode()
    html = client.get("/staat-van-de-uitvoering", {"periode": "2025", "organisatie": "cbr"}).content.decode()
    assert "Centraal Bureau Rijvaardigheidsbewijzen, 2025" in html
    assert '<th scope="row">Signalen ingediend</th><td class="getal">1</td>' in html


@pytest.mark.parametrize("params, melding", [
    ({"periode": "1999"}, "Kies een jaar van 2000 of later."),
    ({"periode": "2025-Q5"}, "is geen periode"),
    ({"periode": "2025-13"}, "Een maand loopt van 01 tot en met 12"),
    ({"periode": "2025-06-30..2025-01-01"}, "ligt vóór de begindatum"),
    ({"periode": "2025-02-30..2025-03-31"}, "geen bestaande datum"),
    ({"periode": "x" * 200}, "te lang"),
    ({"periode": ""}, "Vul een periode in"),
    ({"periode": "2025", "organisatie": "bestaat-niet"}, "Kies een organisatie uit de lijst."),
    ({"periode": "2025", "ministerie": "uwv"}, "Kies een ministerie uit de lijst."),
    ({"periode": "2025", "organisatie": "uwv", "commissie": "cie-szw"}, "niet meer tegelijk"),
])
def test_page_refuses_a_bad_selection_in_dutch(client, wereld, params, melding):
    response = client.get("/staat-van-de-uitvoering", params)
    assert response.status_code == 400
    assert melding in response.content.decode()
    assert client.get("/staat-van-de-uitvoering.csv", params).status_code == 400


@pytest.mark.parametrize("periode, titel, vergeleken", [
    ("2025-Q1", "Staat van de Uitvoering eerste kwartaal 2025", "vierde kwartaal 2024"),
    ("2025-03", "Staat van de Uitvoering maart 2025", "februari 2025"),
    ("2025-02-01..2025-04-30", "Staat van de Uitvoering 1 februari 2025 tot en met 30 april 2025",
     "4 november 2024 tot en met 31 januari 2025"),
])
def test_page_for_a_quarter_month_or_range(client, geschiedenis, periode, titel, vergeleken):
    response = client.get("/staat-van-de-uitvoering", {"periode": periode})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{titel}</h1>" in html
    assert f"vergeleken met {vergeleken}" in html
    assert f'value="{periode}"' in html  # the form keeps what was asked
    assert f"/staat-van-de-uitvoering.pdf?periode={periode.replace('..', '..')}" in html


def test_downloads_for_a_range(client, geschiedenis):
    pdf = client.get("/staat-van-de-uitvoering.pdf", {"periode": "2025-02-01..2025-04-30"})
    assert pdf["Content-Disposition"] == 'attachment; filename="staat-van-de-uitvoering-2025-02-01-tot-2025-04-30.pdf"'
    lezer = PdfReader(io.BytesIO(pdf.content))
    eerste = " ".join(lezer.pages[0].extract_text().split())
    assert "Staat van de Uitvoering 1 februari 2025 tot en met 30 april 2025" in eerste
    assert "Vergeleken met 4 november 2024 tot en met 31 januari 2025" in eerste
    # The footer of every other page names the period too.
    assert "Staat van de Uitvoering 1 februari 2025 tot en met 30 april 2025 — Schakel" in " ".join(
        lezer.pages[2].extract_text().split())
    rijen = list(csv.DictReader(io.StringIO(client.get("/staat-van-de-uitvoering.csv", {"periode": "2025-Q1"})
                                            .content.decode())))
    assert {"periode": "2025-Q1", "sectie": "signalen", "onderwerp": "", "cijfer": "ingediend", "waarde": "2"} in rijen
    assert {"periode": "2024-Q4", "sectie": "signalen", "onderwerp": "", "cijfer": "ingediend", "waarde": "0"} in rijen


def test_downloads(client, geschiedenis):
    pdf = client.get("/staat-van-de-uitvoering.pdf", {"periode": "2025", "ministerie": "szw"})
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="staat-van-de-uitvoering-2025-szw.pdf"'
    assert "Ministerie van Sociale Zaken" in PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    rijen = list(csv.DictReader(io.StringIO(client.get("/staat-van-de-uitvoering.csv", {"periode": "2025"})
                                            .content.decode())))
    assert {"periode": "2025", "sectie": "signalen", "onderwerp": "", "cijfer": "ingediend", "waarde": "5"} in rijen
    data = client.get("/staat-van-de-uitvoering.json", {"periode": "2025"}).json()
    assert data["huidig"]["reacties"]["overnemen"] == 3


def test_api_returns_every_figure(geschiedenis):
    response = APIClient().get("/api/v1/staat-van-de-uitvoering", {"periode": "2025", "organisatie": "uwv"})
    assert response.status_code == 200
    assert response["API-Version"]
    data = response.json()
    assert data["reikwijdte"] == {"soort": "organisatie", "afkorting": "uwv",
                                  "naam": "Uitvoeringsinstituut Werknemersverzekeringen",
                                  "omschrijving": "signalen die Uitvoeringsinstituut Werknemersverzekeringen indiende "
                                                  "of moest beantwoorden"}
    assert data["huidig"]["signalen"]["ingediend"] == 4
    assert data["vorige"]["signalen"]["ingediend"] == 1


@pytest.mark.parametrize("params, veld", [
    ({}, "periode"),
    ({"periode": "volgend jaar"}, "periode"),
    ({"periode": "2025-Q0"}, "periode"),
    ({"periode": "2025-02-29..2025-03-31"}, "periode"),
    ({"periode": "2030"}, "periode"),
    ({"periode": "2025", "organisatie": "xyz"}, "organisatie"),
    ({"periode": "2025", "organisatie": "uwv", "ministerie": "szw"}, "ministerie"),
    ({"periode": "2025", "jaar": "2025"}, "jaar"),
])
def test_api_refuses_bad_input_as_problem(wereld, params, veld):
    response = APIClient(raise_request_exception=False).get("/api/v1/staat-van-de-uitvoering", params)
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert veld in [p["name"] for p in response.json()["invalidParams"]]


def test_api_takes_a_quarter_and_a_range(geschiedenis):
    data = APIClient().get("/api/v1/staat-van-de-uitvoering", {"periode": "2025-q1"}).json()
    assert data["periode"] == "2025-Q1" and data["vorigePeriode"] == "2024-Q4"
    assert data["perioden"]["huidig"] == {"code": "2025-Q1", "soort": "kwartaal", "omschrijving": "eerste kwartaal 2025",
                                          "kort": "Q1 2025", "eersteDag": "2025-01-01", "laatsteDag": "2025-03-31",
                                          "dagen": 90}
    assert data["huidig"]["signalen"]["ingediend"] == 2
    data = APIClient().get("/api/v1/staat-van-de-uitvoering", {"periode": "2025-02-01..2025-04-30"}).json()
    assert data["perioden"]["vorige"]["eersteDag"] == "2024-11-04"
    assert data["huidig"]["doorlooptijd"]["eenheid"] == "werkdagen"


def test_command_writes_each_format(geschiedenis, tmp_path, capsys):
    pdf = tmp_path / "staat.pdf"
    call_command("report", periode="2025", organisatie="UWV", formaat="pdf", output=str(pdf))
    assert "Uitvoeringsinstituut Werknemersverzekeringen" in PdfReader(pdf).pages[0].extract_text()
    fouten = capsys.readouterr().err
    assert "10/10" in fouten and "geschreven naar" in fouten  # the progress bar ran to the end

    call_command("report", periode="2025", commissie="cie-szw", formaat="json", no_progress=True)
    assert json.loads(capsys.readouterr().out)["huidig"]["signalen"]["ingediend"] == 4
    call_command("report", periode="2025", formaat="csv", no_progress=True)
    assert "2025,signalen,,ingediend,5" in capsys.readouterr().out
    call_command("report", periode="2025-03", formaat="csv", no_progress=True)
    assert "2025-03,verloop,2025-03-03,ingediend,1" in capsys.readouterr().out
    html = tmp_path / "staat.html"
    call_command("report", periode="2025", formaat="html", output=str(html), no_progress=True)
    assert html.read_text().count('<img src="data:image/svg+xml;base64,') == 5


def test_command_names_the_pdf_after_the_period(geschiedenis, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    call_command("report", periode="2025-01-01..2025-06-30", organisatie="uwv", no_progress=True, verbosity=0)
    pdf = tmp_path / "staat-van-de-uitvoering-2025-01-01-tot-2025-06-30-uwv.pdf"
    assert "1 januari 2025 tot en met 30 juni 2025" in " ".join(PdfReader(pdf).pages[0].extract_text().split())


@pytest.mark.parametrize("kwargs, melding", [
    ({"periode": "2025", "organisatie": "nope"}, "geen organisatie"),
    ({"periode": "20x5"}, "geen periode"),
    ({"periode": "2025-Q7"}, "geen periode"),
    ({"periode": "2025", "output": "/bestaat/niet/staat.pdf"}, "Kan niet schrijven"),
])
def test_command_errors_are_clear(wereld, kwargs, melding):
    with pytest.raises(CommandError, match=melding):
        call_command("report", no_progress=True, **kwargs)
