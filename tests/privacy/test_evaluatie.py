"""The evaluation tooling of the personal-data guard (the figures themselves are in the docs)."""

from __future__ import annotations

import io

from django.core.management import call_command

from schakel.privacy import evaluatie, evaluatieset
from schakel.privacy.persoonsgegevens import Soort


def test_the_set_is_large_labelled_and_split():
    voorbeelden = evaluatieset.bouw()
    assert len(voorbeelden) >= 250
    assert {vb.deel for vb in voorbeelden} == {"dev", "toets"}
    soorten = {s.value for s in Soort}
    for vb in voorbeelden:
        for lb in vb.labels:
            assert lb.soort in soorten
            assert 0 <= lb.start < lb.eind <= len(vb.tekst)
            assert vb.tekst[lb.start : lb.eind].strip() == vb.tekst[lb.start : lb.eind]
    assert evaluatieset.bouw() == voorbeelden  # deterministic
    dev = {vb.tekst for vb in voorbeelden if vb.deel == "dev"}
    assert not dev & {vb.tekst for vb in voorbeelden if vb.deel == "toets"}
    assert not set(evaluatieset._DEV) & set(evaluatieset._TOETS)


def test_scoring_counts_overlap_of_the_same_kind():
    vb = evaluatieset.Voorbeeld("BSN 123456782", (evaluatieset.Label("bsn", 4, 13),), "dev", 0)
    assert evaluatie.scoor([vb], lambda t: [("bsn", 6, 13)])["bsn"] == evaluatie.Score(1, 0, 0)
    assert evaluatie.scoor([vb], lambda t: [("telefoon", 4, 13)])["bsn"] == evaluatie.Score(0, 0, 1)
    assert evaluatie.scoor([vb], lambda t: [("telefoon", 4, 13)])["telefoon"] == evaluatie.Score(0, 1, 0)
    totaal = evaluatie.scoor([vb], lambda t: [])["totaal (zonder namen)"]
    assert (totaal.precisie, totaal.recall) == (1.0, 0.0)


def test_command_prints_precision_and_recall_per_kind():
    uit = io.StringIO()
    call_command("evalueer_privacy", "--deel", "dev", stdout=uit)
    tekst = uit.getvalue()
    for soort in ("bsn", "iban", "email", "telefoon", "adres", "postcode", "geboortedatum", "kenteken", "naam"):
        assert f"\n  {soort} " in tekst
    assert "precisie" in tekst and "recall" in tekst
