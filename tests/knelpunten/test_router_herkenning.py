"""Recognising regulations in a text (day-one routing), the calibration, the combination with
the trained model, the cause rules, and the independent evaluation set kept apart from training.
These check that the tools work; the figures are measured by ``schakel evalueer-router`` and
reported in docs/knelpunten.md."""

from __future__ import annotations

import builtins
import io
import json
import pathlib
import re

import pytest
from django.core.management import call_command
from hypothesis import given, settings, strategies as st

from schakel.knelpunten import evaluatie, herkenning, router

from tests.routermodel import voorbeelden


def beste(tekst: str) -> str | None:
    h = herkenning.herken(tekst)
    return h.eigenaren[0][0] if h.eigenaren else None


def genoemd(tekst: str) -> set[str]:
    return {t.regeling for t in herkenning.herken(tekst).treffers if t.regeling}


@pytest.mark.parametrize("tekst, eigenaar, regeling", [
    ("Boete via de Wet Mulder wordt na twee aanmaningen verdrievoudigd", "jenv", "BWBR0004581"),
    ("De WAHV-procedure bij de kantonrechter", "jenv", "BWBR0004581"),
    ("IACK valt weg bij een partner zonder inkomen", "fin", "BWBR0011353"),
    ("Terugvordering kinderopvangtoeslag na wijziging opvanguren", "szw", "BWBR0017017"),
    ("Wajongers die meer werken houden niets over", "szw", "BWBR0008657"),
    ("De AOW'er met een gat in de opbouw", "szw", "BWBR0002221"),
    ("Cliënt met een WW-uitkering en een bijbaan", "szw", "BWBR0004045"),
    ("herbeoordeling wia duurt maanden", "szw", "BWBR0019057"),  # lower case, as typed
    ("Awir: het voorschot moet ineens terug", "fin", "BWBR0018472"),
    ("Examen voor de Wet inburgering 2021 te laat", "szw", "wet-inburgering-2021"),  # no certain BWB id
    ("Art. 4:84 Awb wordt niet toegepast", "jenv", "BWBR0005537"),  # an article reference
    ("bijstandsuitkeringen worden gekort", "szw", "BWBR0015703"),  # compound and plural
    ("De huurtoeslagen van studenten", "bzk", "BWBR0008659"),
    ("Zorgtoeslag terug na een bijbaan", "vws", "BWBR0018451"),
])
def test_names_abbreviations_and_inflections_are_recognised(tekst, eigenaar, regeling):
    assert regeling in genoemd(tekst)
    assert beste(tekst) == eigenaar


def test_short_abbreviations_only_in_capitals_and_not_inside_words():
    assert "BWBR0004045" in genoemd("Hij heeft WW sinds maart")
    assert "BWBR0004045" not in genoemd("het ww-wachtwoord is vergeten")  # two letters: capitals only
    assert "BWBR0001903" not in genoemd("om tien uur")  # 'OM' is the Openbaar Ministerie only in capitals
    assert genoemd("Een web van regels en een map vol brieven") == set()
    # 'toeslag' inside 'kinderopvangtoeslag' is not the general word for the Awir
    assert "BWBR0018472" not in genoemd("kinderopvangtoeslag")


def test_no_evidence_no_owner():
    h = herkenning.herken("Qqq zzv xqj.")
    assert h.eigenaren == [] and h.treffers == []
    vaag = herkenning.herken("Mensen lopen ergens tegenaan.")  # everyday Dutch: a tentative guess at most
    assert not vaag.eigenaren or vaag.eigenaren[0][1] < 0.5


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_ranked_probability(tekst):
    h = herkenning.herken(tekst)
    kansen = [p for _, p in h.eigenaren]
    assert kansen == sorted(kansen, reverse=True)
    assert all(0.0 <= p <= 1.0 for p in kansen) and sum(kansen) <= 1.0 + 1e-9


@given(st.floats(0, 1), st.floats(0, 1))
def test_calibration_is_monotone(a, b):
    laag, hoog = sorted((a, b))
    assert 0.0 <= herkenning.kalibreer(laag) <= herkenning.kalibreer(hoog) <= 1.0


def test_a_fitted_calibration_is_monotone_and_read_back(tmp_path):
    paren = [(0.2, False), (0.3, False), (0.35, True), (0.6, True), (0.65, False), (0.9, True), (0.95, True)]
    tabel = herkenning.fit_kalibratie(paren)
    assert tabel["gekalibreerd"] == sorted(tabel["gekalibreerd"])
    pad = tmp_path / "k.json"
    pad.write_text(json.dumps(tabel))
    waarden = [herkenning.kalibreer(x / 20, pad) for x in range(21)]
    assert waarden == sorted(waarden) and waarden[-1] <= 0.99


def test_a_named_regulation_wins_unless_the_model_is_very_sure():
    h = herkenning.herken("Het WIA-voorschot moet ineens terug")
    assert h.noemt_regeling and h.eigenaren[0][0] == "szw"
    assert herkenning.combineer(h, [("ienw", 0.7), ("szw", 0.3)])[0][0] == "szw"
    assert herkenning.combineer(h, [("ienw", 0.97), ("szw", 0.03)])[0][0] == "ienw"
    geen = herkenning.herken("Qqq zzv xqj.")
    assert herkenning.combineer(geen, [("ienw", 0.6), ("szw", 0.4)])[0][0] == "ienw"  # the model alone
    assert herkenning.combineer(geen, None) == []


def test_causes_follow_the_rules_and_the_model():
    assert herkenning.oorzaken("De wachttijd loopt op door een tekort aan personeel")[0][0] == "uitvoering-verwaarloosd"
    assert herkenning.oorzaken("Consulenten mogen niet afwijken, geen ruimte voor maatwerk")[0][0] == \
        "kennis-professionals-onbenut"
    assert herkenning.oorzaken("Niets bijzonders")[0][0] == "complexe-regels"  # the commonest cause on a tie
    assert herkenning.oorzaken("Niets bijzonders", {"geen-evaluatie": 0.9})[0][0] == "geen-evaluatie"


def test_the_evaluation_set_is_large_varied_and_split():
    gevallen = evaluatie.lees_set()
    assert len(gevallen) >= 200
    assert {g.deel for g in gevallen} == set(evaluatie.DELEN)
    assert {"szw", "fin", "vws", "jenv", "bzk", "ezk", "ocw", "ienw", "lvvn"} <= {g.eigenaar for g in gevallen}
    assert any(g.buiten for g in gevallen) and all(g.oorzaken for g in gevallen)
    assert len({g.id for g in gevallen}) == len(gevallen)


@pytest.mark.django_db
def test_training_never_reads_the_evaluation_set(monkeypatch, tmp_path, settings):
    """Building the knowledge, reading examples, training and storing a model open no file of
    the evaluation package."""
    settings.DATA_DIR = tmp_path
    verboden = evaluatie.SET.parent.resolve()
    geopend = []
    echte_open, echte_io_open, echte_read_text = builtins.open, io.open, pathlib.Path.read_text

    def bewaak(pad, *args, **kwargs):
        geopend.append(pathlib.Path(str(pad)).resolve() if isinstance(pad, (str, pathlib.Path)) else None)
        return echte_open(pad, *args, **kwargs)

    def bewaak_read_text(self, *args, **kwargs):
        geopend.append(self.resolve())
        return echte_read_text(self, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", bewaak)
    monkeypatch.setattr(io, "open", bewaak)
    monkeypatch.setattr(pathlib.Path, "read_text", bewaak_read_text)
    herkenning.kennis.cache_clear()
    herkenning.kennis()
    router.voorbeelden()
    router.Router(seed=0).train(voorbeelden()).bewaar()
    router._cache.clear()
    assert geopend, "the guard saw no file at all"
    assert not [p for p in geopend if p is not None and verboden in p.parents]
    # and no module that trains or builds the router refers to the evaluation package
    from schakel.knelpunten.management.commands import train_router

    for module in (router, herkenning, train_router):
        bron = pathlib.Path(module.__file__).read_text()
        assert not re.search(r"(import\s+[\w.]*evaluatie|from\s+[\w.]*evaluatie|import[^\n]*\bevaluatie\b|routerset)", bron)


@pytest.mark.django_db
def test_evaluate_command_reports_on_the_independent_set(capsys, tmp_path):
    diagram = tmp_path / "betrouwbaarheid.png"
    call_command("evalueer_router", "--set", "onafhankelijk", "--diagram", str(diagram))
    uit = capsys.readouterr().out
    for stuk in ("== ontwikkeling", "== toets (apart gehouden)", "Eigenaar  top-1:", "top-3:", "basislijn",
                 "Voorgeselecteerd:", "daarvan juist", "beste oorzaak raak", "Kalibratie (ECE", "Per ministerie:",
                 "lvvn", "regeling niet in de referentiedata"):
        assert stuk in uit, stuk
    assert diagram.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    call_command("evalueer_router", "--set", "demo")
    assert "== demoteksten" in capsys.readouterr().out
