"""benchmarks/paginas.py names a request for every read-only page (the script refuses to run otherwise)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

from schakel.web.methoden import ALLEEN_LEZEN

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _paginas_module():
    sys.path.insert(0, str(BENCHMARKS))  # paginas.py imports _common next to it
    try:
        spec = importlib.util.spec_from_file_location("benchmark_paginas", BENCHMARKS / "paginas.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_every_read_only_route_has_requests_in_the_page_benchmark(db, wereld):
    paginas = _paginas_module()
    leeg = SimpleNamespace(regeling=wereld.wia, ministerie=wereld.szw, indiener=wereld.uwv, knelpunt=None,
                           commissie=wereld.cie_szw, oorzaak=None, vorig_jaar=2025, beantwoord=None, wachtend=None,
                           voorstel=None, invoeringstoets=None, casus=None)
    tabel = paginas._paginas(leeg)
    assert set(tabel) == set(ALLEEN_LEZEN)
    assert all(v.pad.startswith("/") for verzoeken in tabel.values() for v in verzoeken)
    assert tabel["web:regeling"][0].pad == f"/regelingen/{wereld.wia.bwb_id}"


def test_percentiles_are_nearest_rank():
    paginas = _paginas_module()
    r = paginas.Resultaat(paginas.Verzoek("x", "/"), 200, 1.0, tijden_ms=[float(i) for i in range(1, 21)])
    assert (r.percentiel(50), r.percentiel(95)) == (10.0, 19.0)
