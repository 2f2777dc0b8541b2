"""The ``laad-referentiedata`` command: exit code, messages, dry run."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from schakel.organisaties.models import Organisatie
from schakel.regelingen.models import Regeling

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("laad_referentiedata", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_loads_shipped_data_then_reports_nothing_changed():
    out, _ = run()
    assert "Referentiedata geladen" in out
    aantal = Organisatie.objects.count(), Regeling.objects.count()
    out, _ = run()
    assert "niets gewijzigd" in out
    assert (Organisatie.objects.count(), Regeling.objects.count()) == aantal


def test_dry_run_saves_nothing():
    out, _ = run("--droog")
    assert "Droog gedraaid" in out and "nieuw" in out
    assert not Organisatie.objects.exists()


def test_invalid_file_fails_with_all_errors_and_writes_nothing(tmp_path):
    pad = tmp_path / "fout.yaml"
    pad.write_text("organisaties:\n  - afkorting: x\n    soort: ministerie\n    kleur: blauw\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="2 fout"):
        call_command("laad_referentiedata", "--bestand", str(pad), stdout=StringIO(), stderr=err)
    assert "regel 4, organisatie 'x': onbekende sleutel 'kleur'" in err.getvalue()
    assert "verplicht veld 'naam' ontbreekt" in err.getvalue()
    assert not Organisatie.objects.exists()


def test_cli_exit_code_is_non_zero_on_invalid_input(tmp_path):
    from schakel.cli import main

    pad = tmp_path / "leeg.csv"
    pad.write_text("", encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["schakel", "laad-referentiedata", "--skip-checks", "--bestand", str(pad)])
    assert exc.value.code != 0
