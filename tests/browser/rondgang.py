"""Helpers for the tour of every page (test_rondgang.py): which links to follow, accessibility
checks with axe-core, horizontal overflow, screenshots under var/rondgang/."""

from __future__ import annotations

import json
from collections import Counter
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Screenshots and the axe findings of the tour: CI keeps this folder as an artefact (var/ is not in git).
UITVOER = ROOT / "var" / "rondgang"

# WCAG 2.1 A and AA, as the outside audit ran it.
AXE_OPTIES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
              "resultTypes": ["violations"]}
ERNSTIG = {"serious", "critical"}

BREEDTES = (1280, 400)

# Not pages: the API, files, feeds and downloads; logging out ends the tour of a role.
_NIET_VOLGEN = re.compile(
    r"^/(api|static|media)/|\.(atom|csv|json|pdf|png|svg|xml|zip|geojson)$|/(uitloggen|download|export)(/|$)")
_ID = re.compile(r"/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Z]{2,}[-0-9A-Z]*\d[-0-9A-Z]*|\d+)(?=/|$)")


def axe_bron() -> str:
    """axe-core's source, installed by ``npm ci`` (scripts/test.sh). Missing: fail in CI, skip elsewhere."""
    if not AXE.exists():
        melding = f"{AXE} is missing: run 'npm ci' in the repository (scripts/test.sh does)"
        if os.environ.get("CI"):
            pytest.fail(melding)
        pytest.skip(melding)
    return AXE.read_text(encoding="utf-8")


_SLUG = re.compile(r"^/(organisaties|commissies)/[^/]+")


def vorm(pad: str) -> str:
    """The shape of a path: ids, kenmerken, numbers and organisations replaced, so each kind of page
    is visited once."""
    return _SLUG.sub(r"/\1/*", _ID.sub("/*", pad))


def volgen(href: str, basis: str, beheer: bool) -> str | None:
    """The path (with query) of a link worth visiting, or None."""
    delen = urlsplit(href)
    if f"{delen.scheme}://{delen.netloc}" != basis:
        return None
    pad = delen.path
    if _NIET_VOLGEN.search(pad):
        return None
    if pad.startswith("/beheer/"):
        # The admin: its index, each app and each model's list and add form, one object of each;
        # not its log-out, password, history or delete views.
        if not beheer or re.search(r"/(logout|password_change|history|delete)/", pad):
            return None
    return pad + (f"?{delen.query}" if delen.query else "")


def bestandsnaam(pad: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", pad).strip("-") or "start"


@dataclass
class Verslag:
    """What the tour found: serious axe violations, overflowing pages and other problems."""
    problemen: list[str] = field(default_factory=list)
    bevindingen: list[dict] = field(default_factory=list)
    bezocht: int = 0
    tijd: Counter = field(default_factory=Counter)

    def axe(self, page, rol: str, wat: str, bron: str) -> None:
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            # Through the DevTools protocol, so the page's Content Security Policy does not apply.
            page.evaluate(bron + "\n;0")
        resultaat = page.evaluate("async (opties) => await axe.run(document, opties)", AXE_OPTIES)
        for schending in resultaat["violations"]:
            doelen = [", ".join(knoop["target"]) for knoop in schending["nodes"]][:5]
            self.bevindingen.append({"rol": rol, "pagina": wat, "regel": schending["id"],
                                     "ernst": schending["impact"], "doelen": doelen})
            if schending["impact"] in ERNSTIG:
                self.problemen.append(f"{rol} {wat}: axe {schending['id']} ({schending['impact']}) op {doelen}")

    def overloop(self, page, rol: str, wat: str, breedte: int) -> None:
        breed = page.evaluate("() => document.documentElement.scrollWidth")
        if breed > breedte:
            boosdoeners = page.evaluate("""(breedte) => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > breedte + 1 && !e.closest('.tabel-wrapper'))
                .slice(-3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))""", breedte)
            self.problemen.append(f"{rol} {wat}: {breed} px breed bij {breedte} px ({boosdoeners})")

    def bewaar(self) -> None:
        UITVOER.mkdir(parents=True, exist_ok=True)
        (UITVOER / "axe.json").write_text(json.dumps(self.bevindingen, indent=1, ensure_ascii=False))
        (UITVOER / "problemen.txt").write_text("\n".join(self.problemen) + "\n")
