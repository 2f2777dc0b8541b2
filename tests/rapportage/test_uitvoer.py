"""The report's forms: PDF (text and pages checked with pypdf), CSV and JSON with every figure."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest
from pypdf import PdfReader

from schakel.rapportage import grafieken, uitvoer
from schakel.rapportage.cijfers import Periode, Reikwijdte, bereken


@pytest.fixture
def staat(geschiedenis):
    return bereken(Periode.van_jaar(2025))


def _plat(tekst: str) -> str:
    return " ".join(tekst.split())


def _tekst(pdf: bytes) -> tuple[PdfReader, str]:
    lezer = PdfReader(io.BytesIO(pdf))
    return lezer, _plat(" ".join(pagina.extract_text() for pagina in lezer.pages))


def test_pdf_has_title_page_contents_sections_and_checkable_tables(staat, tmp_path):
    pdf = uitvoer.pdf(staat)
    if os.environ.get("SCHAKEL_RAPPORT_PDF"):  # to look at it: SCHAKEL_RAPPORT_PDF=/tmp/staat.pdf pytest …
        with open(os.environ["SCHAKEL_RAPPORT_PDF"], "wb") as f:
            f.write(pdf)
    lezer, tekst = _tekst(pdf)
    # Title page, table of contents, then the sections; every page says which of how many it is.
    secties = uitvoer.secties(staat)
    assert 2 + 4 <= len(lezer.pages) <= 2 + len(secties)
    for nummer, pagina in enumerate(lezer.pages[1:], start=2):
        assert f"pagina {nummer} van {len(lezer.pages)}" in _plat(pagina.extract_text())
    assert "pagina 1" not in lezer.pages[0].extract_text()
    eerste = _plat(lezer.pages[0].extract_text())
    assert "Staat van de Uitvoering 2025" in eerste
    assert "De hele rijksoverheid" in eerste
    assert "2026-03-11" in eerste
    inhoud = lezer.pages[1].extract_text()
    for sectie in secties:
        assert sectie.titel.split(" (")[0].split(":")[0] in _plat(inhoud)
    # Page numbers in the table of contents: the first section starts on page 3.
    assert "3" in inhoud.split("Kerncijfers")[1].splitlines()[0]
    # Figures a reader can check against the data.
    assert "Signalen ingediend 5 1 +4" in tekst
    assert "Tijd tot de eerste reactie (werkdagen)" in tekst
    assert "Mediaan (werkdagen) 11,0 6,0 +5,0" in tekst
    assert "90e percentiel (werkdagen) 36,4 6,0 +30,4" in tekst
    assert "in werkdagen" in tekst  # the Verantwoording says which unit
    assert "Geschat aantal getroffen burgers 1.560 100 +1.460" in tekst
    assert "Niet overgenomen, met reden 1 0 +1" in tekst
    assert "Naar de bewindspersoon 1 0 +1" in tekst
    assert "Wet WIA BWBR0019057 4 1.560 1" in tekst
    assert "Uitvoeringsinstituut Werknemersverzekeringen 2026-02-15" in tekst
    assert "Niet aangeleverd (2)" in tekst
    assert lezer.metadata.title == "Staat van de Uitvoering 2025 — de hele rijksoverheid"


def test_pdf_for_one_organisation_names_it(geschiedenis):
    lezer, tekst = _tekst(uitvoer.pdf(bereken(Periode.van_jaar(2025), Reikwijdte.kies(organisatie="cbr"))))
    assert "Centraal Bureau Rijvaardigheidsbewijzen" in _plat(lezer.pages[0].extract_text())
    assert "Signalen ingediend 1 0 +1" in tekst


def test_json_holds_every_figure_and_round_trips(staat):
    terug = json.loads(uitvoer.als_json(staat))
    assert terug == json.loads(json.dumps(staat))
    assert terug["huidig"]["doorlooptijd"]["p90Werkdagen"] == 36.4


def test_csv_has_one_row_per_figure(staat):
    rijen = list(csv.DictReader(io.StringIO(uitvoer.als_csv(staat))))
    index = {(r["periode"], r["sectie"], r["onderwerp"], r["cijfer"]): r["waarde"] for r in rijen}
    assert index[("2025", "signalen", "", "ingediend")] == "5"
    assert index[("2024", "signalen", "", "ingediend")] == "1"
    assert index[("2025", "doorlooptijd", "", "mediaanWerkdagen")] == "11.0"
    assert index[("2025", "doorlooptijd", "", "eenheid")] == "werkdagen"
    assert index[("2025", "oorzaken", "complexe-regels", "perOorzaak.signalen")] == "2"
    assert index[("2025", "top", "BWBR0019057 art. 35", "artikelen.signalen")] == "3"
    assert index[("2025", "verloop", "2025-06", "ingediend")] == "1"
    assert index[("2025", "escalaties", "", "bewindspersoon")] == "1"
    assert index[("2025", "register", "uwv", "geleverd")] == "2026-02-15"
    assert index[("2025", "register", "svb", "nietGeleverd")] == ""
    # Every scalar figure of the JSON is in the CSV.
    scalars = sum(1 for _ in uitvoer._plat({k: v for k, v in staat["huidig"].items() if k != "periode"}, [], ""))
    assert sum(1 for r in rijen if r["periode"] == "2025" and r["sectie"] not in ("register", "reikwijdte",
                                                                               "uitvoeringstoetsen")) == scalars


def test_charts_render_as_svg_and_png_with_text_alternatives(staat):
    alle = grafieken.alle(staat)
    assert set(alle) == {"kerncijfers", "verloop", "besluiten", "oorzaken", "escalaties"}
    for grafiek in alle.values():
        assert grafiek.svg().lstrip().startswith(b"<?xml")
        assert grafiek.png()[:8] == b"\x89PNG\r\n\x1a\n"
        assert "2025" in grafiek.alt and "2024" in grafiek.alt
    assert "ingediend 5 tegen 1" in alle["kerncijfers"].alt


def test_csv_neutralises_formulas_but_keeps_negative_numbers_numeric(staat):
    staat["register"]["geleverd"].append({"afkorting": "=HYPERLINK(\"https://kwaad.example\")",
                                           "ontvangenOp": "-2+3+cmd|' /C calc'!A0"})
    staat["huidig"]["signalen"]["verschil"] = -3
    rijen = list(csv.DictReader(io.StringIO(uitvoer.als_csv(staat))))
    kwaad = [r for r in rijen if "kwaad.example" in r["onderwerp"]]
    assert [(r["onderwerp"], r["waarde"]) for r in kwaad] == [
        ("'=HYPERLINK(\"https://kwaad.example\")", "'-2+3+cmd|' /C calc'!A0")]
    assert any(r["cijfer"] == "verschil" and r["waarde"] == "-3" for r in rijen)


def test_pdf_is_tagged_pdf_ua_with_language_title_and_chart_descriptions(staat):
    from pypdf import PdfReader

    lezer = PdfReader(io.BytesIO(uitvoer.pdf(staat)))
    root = lezer.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])  # tagged
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).lower().startswith("nl")
    metadata = root["/Metadata"].get_object().get_data().decode()
    assert "pdfuaid:part" in metadata and "1" in metadata
    assert lezer.metadata.title
    # Every chart (a figure in the structure tree) carries its description.
    figuren = []

    def loop(knoop):
        knoop = knoop.get_object()
        if isinstance(knoop, dict):
            if knoop.get("/S") == "/Figure":
                figuren.append(knoop)
            kinderen = knoop.get("/K")
            if kinderen is not None:
                for kind in (kinderen if isinstance(kinderen, list) else [kinderen]):
                    loop(kind)
        elif isinstance(knoop, list):
            for kind in knoop:
                loop(kind)

    loop(root["/StructTreeRoot"])
    assert figuren and all(str(f.get("/Alt", "")).strip() for f in figuren)


def test_no_chart_legend_covers_a_bar_label_or_the_title(staat):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    for grafiek in grafieken.alle(staat).values():
        figuur = grafiek.figuur
        FigureCanvasAgg(figuur).draw()
        renderer = figuur.canvas.get_renderer()
        for as_ in figuur.axes:
            legenda = as_.get_legend()
            if legenda is None:
                continue
            vak = legenda.get_window_extent(renderer)
            teksten = [t for t in as_.texts if isinstance(t, Text) and t.get_text()] + [as_.title]
            for tekst in teksten:
                assert not vak.overlaps(tekst.get_window_extent(renderer)), (grafiek.naam, tekst.get_text())
