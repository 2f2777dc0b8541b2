"""The layering stays as documented (docs/architecture.md#layers). The import contract itself
runs as `lint-imports` in scripts/test.sh; these check what it cannot see."""

import ast
from pathlib import Path

import schakel

BRON = Path(schakel.__file__).parent


def _imports(pad: Path):
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and (knoop.module or "").startswith("schakel."):
            yield knoop.module, [a.name for a in knoop.names]


def test_no_app_imports_another_apps_private_names():
    gevonden = []
    for pad in BRON.rglob("*.py"):
        app = pad.relative_to(BRON).parts[0]
        for module, namen in _imports(pad):
            andere_app = module.split(".")[1]
            privaat = [n for n in namen if n.startswith("_") and not n.startswith("__")]
            if andere_app != app and privaat:
                gevonden.append(f"{pad.relative_to(BRON)}: {module} {privaat}")
    assert gevonden == []


def test_signalen_does_not_look_up_models_of_apps_above_it():
    # apps.get_model("termijnen", …) hides a dependency from the import contract.
    for pad in (BRON / "signalen").rglob("*.py"):
        tekst = pad.read_text(encoding="utf-8")
        assert 'get_model("termijnen"' not in tekst and 'get_model("knelpunten"' not in tekst, pad
