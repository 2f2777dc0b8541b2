"""``schakel controleer-regelingen`` checks ids and titles against the BWB SRU service; here with
responses in the service's SRU 2.0 format stored under tests/referentiedata/bwb/ (no network)."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from schakel.regelingen import bwb, importeren

ANTWOORDEN = Path(__file__).parent / "bwb"

REGELINGEN = """
organisaties:
  - {afkorting: szw, naam: SZW, soort: ministerie}
  - {afkorting: jenv, naam: JenV, soort: ministerie}
regelingen:
  - {bwb_id: BWBR0015703, titel: Participatiewet, eigenaar: szw}
  - {bwb_id: BWBR0004581, titel: Wet Mulder, eigenaar: jenv}
  - {bwb_id: BWBR0000001, titel: Wet die niet bestaat, eigenaar: szw}
  - {sleutel: wet-inburgering-2021, bwb_id_onzeker: true, titel: Wet inburgering 2021, eigenaar: szw}
  - {sleutel: onvindbaar, bwb_id_onzeker: true, titel: Onvindbare regeling, eigenaar: szw}
"""


def opgenomen(url: str) -> str:
    """The stored response for a query of the SRU service (an empty result for anything else)."""
    query = urllib.parse.parse_qs(urllib.parse.urlparse(url).query)["query"][0]
    assert url.startswith(bwb.SRU) and "x-connection=BWB" in url
    if query.startswith("dcterms.identifier"):
        bestand = ANTWOORDEN / f"{query.split('==')[1].strip(chr(34))}.xml"
    else:
        bestand = ANTWOORDEN / f"titel-{query.split('=', 1)[1].strip(chr(34)).lower().replace(' ', '-')}.xml"
    return (bestand if bestand.exists() else ANTWOORDEN / "leeg.xml").read_text(encoding="utf-8")


def test_the_response_is_read_by_local_names():
    [record] = bwb.lees_antwoord((ANTWOORDEN / "BWBR0015703.xml").read_text())
    assert record == bwb.Record("BWBR0015703", "Participatiewet", "Participatiewet")
    assert bwb.lees_antwoord((ANTWOORDEN / "leeg.xml").read_text()) == []


def test_each_regulation_is_checked_by_id_or_searched_by_title():
    invoer = importeren.lees_yaml(REGELINGEN, "x.yaml")
    bevindingen = {b.sleutel: b for b in bwb.controleer(invoer.regelingen, opgenomen)}
    assert bevindingen["BWBR0015703"].soort == "klopt"
    assert bevindingen["BWBR0004581"].soort == "andere-titel"  # "Wet Mulder" is a nickname, not the title
    assert "Wet administratiefrechtelijke handhaving verkeersvoorschriften" in bevindingen["BWBR0004581"].melding
    assert bevindingen["BWBR0000001"].soort == "onbekend-id"
    assert bevindingen["wet-inburgering-2021"].soort == "kandidaten"
    assert "BWBR0044770" in bevindingen["wet-inburgering-2021"].melding
    assert bevindingen["onvindbaar"].soort == "niet-gevonden"


@pytest.mark.django_db
def test_command_reports_and_fails_on_differences(tmp_path, monkeypatch, capsys):
    (tmp_path / "r.yaml").write_text(REGELINGEN, encoding="utf-8")
    monkeypatch.setattr(bwb, "haal", lambda url, timeout=15.0: opgenomen(url))
    with pytest.raises(CommandError, match="4 regelingen vragen aandacht"):
        call_command("controleer_regelingen", "--bestand", str(tmp_path / "r.yaml"))
    uit = capsys.readouterr().out
    assert "1 van 5 regelingen kloppen met het BWB." in uit
    assert "BWBR0000001 (Wet die niet bestaat) staat niet in het BWB." in uit


@pytest.mark.django_db
def test_command_without_network_says_so(monkeypatch):
    def geen_netwerk(url, timeout=15.0):
        raise OSError("Name or service not known")

    monkeypatch.setattr(bwb, "haal", geen_netwerk)
    with pytest.raises(CommandError, match="niet bereikbaar"):
        call_command("controleer_regelingen")
