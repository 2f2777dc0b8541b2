"""Word lists for the personal-data guard, read lazily and once.

The name, street and place lists come from the ``deduce`` package (pinned in
pyproject.toml), which ships them as plain text files. We read those files
directly instead of building deduce's own lookup structures: that takes 10-30
seconds and 80 MB, reading the lists takes a fraction of a second. Nothing is
downloaded; a missing package gives empty lists (the guard then falls back on
its other rules), never an error.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import yaml

_ORGANISATIES_YAML = Path(__file__).resolve().parents[1] / "regelingen" / "data" / "referentiedata.yaml"


@functools.cache
def _deduce_bron() -> Path | None:
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "lookup" / "src"


def _lees(*delen: str) -> frozenset[str]:
    bron = _deduce_bron()
    if bron is None:
        return frozenset()
    pad = bron.joinpath(*delen, "items.txt")
    try:
        regels = pad.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(r.strip() for r in regels if r.strip())


@functools.cache
def voornamen() -> frozenset[str]:
    """Dutch first names, as written ('Jan', 'Fatima')."""
    return _lees("names", "lst_first_name")


@functools.cache
def achternamen() -> frozenset[str]:
    """Dutch surnames without interfix ('Jansen'), lower case."""
    return frozenset(
        n.casefold() for n in _lees("names", "lst_surname") | _lees("names", "lst_interfix_surname")
    )


@functools.cache
def gewone_woorden() -> frozenset[str]:
    """Common Dutch words (lower case) that are also names or streets."""
    return frozenset(
        w.casefold()
        for w in _lees("whitelist", "lst_common_word") | _lees("whitelist", "lst_stop_word")
    )


@functools.cache
def straten() -> frozenset[str]:
    """Street names (lower case), minus place names and common words."""
    plaatsen = plaatsnamen()
    gewoon = gewone_woorden()
    return frozenset(
        s
        for s in (n.casefold() for n in _lees("locations", "lst_street"))
        if len(s) > 4 and s not in plaatsen and s not in gewoon
    )


@functools.cache
def plaatsnamen() -> frozenset[str]:
    """Municipalities and places (lower case)."""
    return frozenset(
        n.casefold()
        for deel in ("lst_municipality", "lst_residence", "lst_province", "lst_region")
        for n in _lees("locations", "lst_placename", deel)
    )


@functools.cache
def _organisaties() -> tuple[dict, ...]:
    """The organisations of the reference-data file (not the database, so the guard stays a
    pure module that also works before the reference data is loaded)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(_ORGANISATIES_YAML.read_text(encoding="utf-8"), Loader=loader) or {}  # noqa: S506
    except (OSError, yaml.YAMLError):
        return ()
    return tuple(org for org in data.get("organisaties", []) if isinstance(org, dict))


@functools.cache
def organisatienamen() -> tuple[str, ...]:
    """Names of the organisations in the reference data."""
    namen: set[str] = set()
    for org in _organisaties():
        if naam := org.get("naam"):
            namen.add(str(naam))
    return tuple(sorted(namen, key=len, reverse=True))


@functools.cache
def organisatie_afkortingen() -> tuple[str, ...]:
    """Abbreviations ('UWV', 'SVB') of the organisations in the reference data, upper case.

    Municipalities are left out: their abbreviation is the place name.
    """
    return tuple(
        sorted(
            {
                str(org["afkorting"]).upper()
                for org in _organisaties()
                if org.get("afkorting")
                and "-" not in str(org["afkorting"])
                and not str(org.get("naam", "")).startswith("Gemeente")
                and len(str(org["afkorting"])) <= 8
            },
            key=len,
            reverse=True,
        )
    )
