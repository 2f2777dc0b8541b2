"""Reference data import: validation of every error kind, idempotency, CSV, the shipped file."""

from __future__ import annotations

import textwrap

import pytest

from schakel.organisaties.models import Organisatie, OrganisatieSoort
from schakel.regelingen import importeren
from schakel.regelingen.models import Regeling, bwb_id_validator

pytestmark = pytest.mark.django_db

BASIS = """\
organisaties:
  - afkorting: cie-test
    naam: Vaste commissie voor Testzaken
    soort: kamercommissie
    kamer: tweede_kamer
  - afkorting: min-test
    naam: Ministerie van Testzaken
    soort: ministerie
    kamercommissie: cie-test
  - afkorting: uitv-test
    naam: Testuitvoeringsdienst
    soort: uitvoeringsorganisatie
    opdrachtgever: min-test
regelingen:
  - bwb_id: BWBR9999999
    titel: Testwet
    eigenaar: min-test
    uitvoerders: [uitv-test]
"""


def yaml_invoer(tekst: str, bestand: str = "test.yaml") -> importeren.Invoer:
    return importeren.lees_tekst(textwrap.dedent(tekst), bestand=bestand, formaat="yaml")


def csv_invoer(tekst: str, bestand: str = "test.csv") -> importeren.Invoer:
    return importeren.lees_tekst(textwrap.dedent(tekst), bestand=bestand, formaat="csv")


def fouten(invoer) -> list[str]:
    return [str(f) for f in importeren.valideer(invoer)]


def aantallen() -> tuple[int, int]:
    return Organisatie.objects.count(), Regeling.objects.count()


# --------------------------------------------------------------------------- the shipped file


def test_shipped_file_is_valid_and_loads():
    invoer = importeren.lees([importeren.STANDAARD_BESTAND])
    assert importeren.valideer(invoer) == []
    resultaat = importeren.laad()
    assert resultaat.organisaties.aangemaakt == len(invoer.organisaties) == Organisatie.objects.count()
    met_id = [r for r in invoer.regelingen if r.tekst("bwb_id")]
    assert resultaat.regelingen.aangemaakt == len(met_id) == Regeling.objects.count()
    assert resultaat.zonder_bwb_id == len(invoer.regelingen) - len(met_id) > 0
    assert importeren.standaard_aanwezig()


def test_shipped_file_knows_at_least_150_regulations_each_identified_once():
    invoer = importeren.lees([importeren.STANDAARD_BESTAND])
    assert len(invoer.regelingen) >= 150
    for r in invoer.regelingen:
        assert bool(r.tekst("bwb_id")) != r.onzeker(), r.herkomst  # an id, or marked uncertain
        assert r.tekst("bwb_id") or r.tekst("sleutel"), r.herkomst


def test_a_regulation_without_id_needs_the_mark_and_a_key():
    fouten = lambda tekst: [f.melding for f in importeren.valideer(importeren.lees_yaml(tekst, "x.yaml"))]  # noqa: E731
    kop = "organisaties:\n  - {afkorting: m, naam: M, soort: ministerie}\nregelingen:\n"
    assert any("'bwb_id' ontbreekt" in m for m in fouten(kop + "  - {titel: T, eigenaar: m}\n"))
    assert any("'sleutel'" in m for m in fouten(kop + "  - {titel: T, eigenaar: m, bwb_id_onzeker: true}\n"))
    assert any("geen bwb_id" in m for m in fouten(
        kop + "  - {titel: T, eigenaar: m, bwb_id_onzeker: ja, sleutel: t, bwb_id: BWBR0000001}\n"))
    assert fouten(kop + "  - {titel: T, eigenaar: m, bwb_id_onzeker: ja, sleutel: t, namen: [T-wet, TW]}\n") == []
    resultaat = importeren.importeer(importeren.lees_yaml(
        kop + "  - {titel: T, eigenaar: m, bwb_id_onzeker: ja, sleutel: t}\n", "x.yaml"))
    assert resultaat.zonder_bwb_id == 1 and Regeling.objects.count() == 0


def test_shipped_file_has_the_triangle():
    importeren.laad()
    org = {o.afkorting: o for o in Organisatie.objects.select_related("opdrachtgever", "kamercommissie")}
    ministeries = {"szw", "fin", "ocw", "ienw", "jenv", "vws", "bzk", "ezk"}
    assert ministeries <= set(org)
    for afkorting in ministeries:
        assert org[afkorting].soort == OrganisatieSoort.MINISTERIE
        assert org[afkorting].kamercommissie.soort == OrganisatieSoort.KAMERCOMMISSIE
    principaal = {"uwv": "szw", "svb": "szw", "belastingdienst": "fin", "toeslagen": "fin", "duo": "ocw",
                  "cbr": "ienw", "ind": "jenv", "cjib": "jenv", "rvo": "ezk", "cak": "vws",
                  "amsterdam": "bzk", "rotterdam": "bzk", "utrecht": "bzk", "zwolle": "bzk"}
    for uitvoerder, ministerie in principaal.items():
        assert org[uitvoerder].opdrachtgever.afkorting == ministerie, uitvoerder
    assert Organisatie.objects.filter(soort=OrganisatieSoort.KAMERCOMMISSIE, kamer="eerste_kamer").count() >= 3

    participatiewet = Regeling.objects.get(bwb_id="BWBR0015703")
    assert participatiewet.eigenaar.afkorting == "szw"
    assert participatiewet.kamercommissie.afkorting == "cie-szw"  # defaulted from the owner
    assert {o.soort for o in participatiewet.uitvoerders.all()} == {OrganisatieSoort.GEMEENTE,
                                                                    OrganisatieSoort.UITVOERINGSORGANISATIE}
    assert participatiewet.uitvoerders.filter(afkorting="svb").exists()  # the AIO supplement
    assert Regeling.objects.get(bwb_id="BWBR0019057").uitvoerders.get().afkorting == "uwv"
    assert {o.afkorting for o in Regeling.objects.get(bwb_id="BWBR0006622").uitvoerders.all()} == {"cbr", "rdw"}
    assert Regeling.objects.get(bwb_id="BWBR0018472").eigenaar.afkorting == "fin"
    for regeling in Regeling.objects.all():
        bwb_id_validator(regeling.bwb_id)
        assert regeling.eigenaar.is_ministerie


# --------------------------------------------------------------------------- idempotency


def test_loading_twice_changes_nothing():
    eerste = importeren.laad()
    assert eerste.gewijzigd
    na_eerste = aantallen()
    tweede = importeren.laad()
    assert not tweede.gewijzigd
    assert tweede.organisaties.ongewijzigd == eerste.organisaties.aangemaakt
    assert tweede.regelingen.ongewijzigd == eerste.regelingen.aangemaakt
    assert aantallen() == na_eerste
    assert Organisatie.objects.values("afkorting").distinct().count() == na_eerste[0]


def test_changed_rows_are_updated_and_nothing_is_deleted():
    importeren.laad()
    Organisatie.objects.filter(afkorting="uwv").update(naam="UWV (oude naam)")
    Organisatie.objects.filter(afkorting="svb").update(opdrachtgever=None)
    wia = Regeling.objects.get(bwb_id="BWBR0019057")
    wia.uitvoerders.clear()
    extra = Organisatie.objects.create(afkorting="extra", naam="Zelf toegevoegd", soort="overig")

    resultaat = importeren.laad()

    assert (resultaat.organisaties.bijgewerkt, resultaat.regelingen.bijgewerkt) == (2, 1)
    assert Organisatie.objects.get(afkorting="uwv").naam == "Uitvoeringsinstituut Werknemersverzekeringen"
    assert Organisatie.objects.get(afkorting="svb").opdrachtgever.afkorting == "szw"
    assert list(wia.uitvoerders.values_list("afkorting", flat=True)) == ["uwv"]
    assert Organisatie.objects.filter(pk=extra.pk).exists()


def test_omitted_optional_field_is_cleared():
    importeren.importeer(yaml_invoer(BASIS))
    zonder_website = BASIS.replace("    opdrachtgever: min-test\n", "")
    importeren.importeer(yaml_invoer(zonder_website))
    assert Organisatie.objects.get(afkorting="uitv-test").opdrachtgever is None


def test_dry_run_writes_nothing_but_counts():
    resultaat = importeren.laad(droog=True)
    assert resultaat.droog and resultaat.organisaties.aangemaakt > 30
    assert aantallen() == (0, 0)


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    "vervang, door, regel, melding",
    [
        ("    soort: ministerie\n", "    soort: ministerie\n    eigenaar: x\n", 9,
         "onbekende sleutel 'eigenaar'"),
        ("    opdrachtgever: min-test\n", "    opdrachtgevr: min-test\n", 13,
         "Bedoelt u 'opdrachtgever'?"),
        ("    naam: Testuitvoeringsdienst\n", "", 10, "verplicht veld 'naam' ontbreekt"),
        ("    titel: Testwet\n", "    titel: ''\n", 15, "verplicht veld 'titel' ontbreekt"),
        ("BWBR9999999", "BWBR99999", 15, "Een BWB-id bestaat uit 'BWBR' of 'BWBV'"),
        ("BWBR9999999", "bwbr9999999", 15, "Een BWB-id bestaat uit"),
        ("soort: uitvoeringsorganisatie", "soort: uitvoerder", 12, "onbekende soort 'uitvoerder'"),
        ("kamer: tweede_kamer", "kamer: senaat", 5, "onbekende kamer 'senaat'"),
        ("    kamer: tweede_kamer\n", "", 2, "een kamercommissie hoort bij een kamer"),
        ("    opdrachtgever: min-test\n", "    opdrachtgever: min-tst\n", 13,
         "opdrachtgever: organisatie 'min-tst' bestaat niet in de invoer of de database. Bedoelt u 'min-test'?"),
        ("    opdrachtgever: min-test\n", "    opdrachtgever: cie-test\n", 13, "is een kamercommissie"),
        ("    kamercommissie: cie-test\n", "    kamercommissie: uitv-test\n", 9, "'uitv-test' is geen kamercommissie"),
        ("    eigenaar: min-test\n", "    eigenaar: onbekend\n", 17, "eigenaar: organisatie 'onbekend' bestaat niet"),
        ("    eigenaar: min-test\n", "    eigenaar: uitv-test\n", 17, "is geen ministerie"),
        ("[uitv-test]", "[uitv-test, spookdienst]", 18, "uitvoerder: organisatie 'spookdienst' bestaat niet"),
        ("    opdrachtgever: min-test\n", "    opdrachtgever: uitv-test\n", 13,
         "opdrachtgevers vormen een kring: uitv-test → uitv-test"),
        ("afkorting: uitv-test", "afkorting: min-test", 10, "afkorting 'min-test' komt al voor (test.yaml, regel 6"),
        ("naam: Testuitvoeringsdienst", "naam: Ministerie van Testzaken", 11,
         "naam 'Ministerie van Testzaken' komt al voor"),
        ("    titel: Testwet\n", "    titel: Testwet\n    titel: Nog eens\n", 17, "sleutel 'titel' staat dubbel"),
        ("afkorting: uitv-test", "afkorting: uitv test", 10, "veld 'afkorting': Voer een geldige"),
        ("    naam: Testuitvoeringsdienst\n", "    naam: Testuitvoeringsdienst\n    website: geen-url\n", 12,
         "veld 'website'"),
        ("    naam: Testuitvoeringsdienst\n", "    naam: [Test, Dienst]\n", 11, "veld 'naam' moet tekst zijn"),
        ("regelingen:", "regels:", 14, "onbekende sectie 'regels'"),
        ("    soort: ministerie\n", "    soort: ministerie\n   - kapot\n", 9, "geen geldige YAML"),
    ],
)
def test_each_error_is_reported_with_file_and_line(vervang, door, regel, melding):
    assert vervang in BASIS
    invoer = yaml_invoer(BASIS.replace(vervang, door, 1))
    gevonden = fouten(invoer)
    assert any(melding in f and f.startswith(f"test.yaml, regel {regel}") for f in gevonden), gevonden
    with pytest.raises(importeren.OngeldigeReferentiedata):
        importeren.importeer(invoer)
    assert aantallen() == (0, 0)


def test_valid_base_file_has_no_errors():
    assert fouten(yaml_invoer(BASIS)) == []


def test_all_errors_are_reported_at_once_and_nothing_is_written():
    importeren.laad()
    voor = aantallen()
    slecht = """\
    organisaties:
      - afkorting: nieuw
        naam: Nieuwe dienst
        soort: dienst
        opdrachtgever: szw
      - afkorting: a
        naam: A
        soort: overig
        opdrachtgever: b
      - afkorting: b
        naam: B
        soort: overig
        opdrachtgever: a
    regelingen:
      - bwb_id: BWBR123
        titel: Kapotte wet
        eigenaar: nieuw
        kleur: rood
    """
    with pytest.raises(importeren.OngeldigeReferentiedata) as exc:
        importeren.importeer(yaml_invoer(slecht))
    meldingen = [str(f) for f in exc.value.fouten]
    assert len(meldingen) == 5, meldingen
    assert [f.herkomst.regel for f in exc.value.fouten] == sorted(f.herkomst.regel for f in exc.value.fouten)
    assert any("kring: a → b → a" in m for m in meldingen)
    assert aantallen() == voor
    assert not Organisatie.objects.filter(afkorting="nieuw").exists()


def test_references_may_point_to_organisations_in_the_database():
    importeren.laad()
    invoer = yaml_invoer("""\
    organisaties:
      - afkorting: svb-test
        naam: Testkantoor SVB
        soort: uitvoeringsorganisatie
        opdrachtgever: szw
    regelingen:
      - bwb_id: BWBV0000001
        titel: Testverdrag
        eigenaar: szw
        kamercommissie: ek-szw
        uitvoerders: [svb, svb-test]
    """)
    importeren.importeer(invoer)
    regeling = Regeling.objects.get(bwb_id="BWBV0000001")
    assert regeling.kamercommissie.afkorting == "ek-szw"
    assert set(regeling.uitvoerders.values_list("afkorting", flat=True)) == {"svb", "svb-test"}


def test_cycle_through_the_database_is_found():
    importeren.laad()
    # szw (in the database) gets uwv as its principal, while uwv's principal is szw.
    invoer = yaml_invoer("""\
    organisaties:
      - afkorting: szw
        naam: Ministerie van Sociale Zaken en Werkgelegenheid
        soort: ministerie
        opdrachtgever: uwv
    """)
    assert any("kring: szw → uwv → szw" in f for f in fouten(invoer))


def test_name_taken_by_another_organisation_in_the_database():
    importeren.laad()
    invoer = yaml_invoer("""\
    organisaties:
      - afkorting: uwv2
        naam: Uitvoeringsinstituut Werknemersverzekeringen
        soort: uitvoeringsorganisatie
    """)
    assert any("al in gebruik door organisatie 'uwv'" in f for f in fouten(invoer))


def test_empty_file_is_an_error():
    assert fouten(yaml_invoer("")) == ["test.yaml: het bestand is leeg."]


# --------------------------------------------------------------------------- CSV


def test_csv_files_extend_the_shipped_data(tmp_path):
    importeren.laad()
    (tmp_path / "organisaties.csv").write_text(
        "afkorting,naam,soort,opdrachtgever,kamercommissie,kamer,website\n"
        "deventer,Gemeente Deventer,gemeente,bzk,,,https://www.deventer.nl\n"
        "lvnl,Luchtverkeersleiding Nederland,uitvoeringsorganisatie,ienw,,,\n",
        encoding="utf-8",
    )
    # Semicolons, as a Dutch spreadsheet writes them, and a BOM.
    (tmp_path / "regelingen.csv").write_text(
        "\ufeffbwb_id;titel;citeertitel;eigenaar;kamercommissie;uitvoerders\n"
        "BWBR0000001;Testwet voor wegen;Twv;ienw;;lvnl, cbr\n"
        'BWBR0000002;"Testwet; met puntkomma";;szw;ek-szw;deventer amsterdam\n',
        encoding="utf-8",
    )
    paden = [tmp_path / "organisaties.csv", tmp_path / "regelingen.csv"]
    resultaat = importeren.laad(paden)
    assert (resultaat.organisaties.aangemaakt, resultaat.regelingen.aangemaakt) == (2, 2)
    deventer = Organisatie.objects.get(afkorting="deventer")
    assert deventer.opdrachtgever.afkorting == "bzk" and deventer.website == "https://www.deventer.nl"
    wegen = Regeling.objects.get(bwb_id="BWBR0000001")
    assert wegen.kamercommissie.afkorting == "cie-ienw"
    assert set(wegen.uitvoerders.values_list("afkorting", flat=True)) == {"lvnl", "cbr"}
    tweede = Regeling.objects.get(bwb_id="BWBR0000002")
    assert tweede.titel == "Testwet; met puntkomma"
    assert set(tweede.uitvoerders.values_list("afkorting", flat=True)) == {"deventer", "amsterdam"}
    assert not importeren.laad(paden).gewijzigd


@pytest.mark.parametrize(
    "tekst, melding",
    [
        ("afkorting,naam,soort,kleur\nx,X,overig,rood\n", "test.csv, regel 1: onbekende kolom 'kleur'"),
        ("afkorting,naam\nx,X\n", "test.csv, regel 1: verplichte kolom 'soort' ontbreekt"),
        ("naam,soort\nX,overig\n", "test.csv, regel 1: onbekend soort CSV"),
        ("afkorting,naam,soort\nx,X,overig\ny,Y\n", "test.csv, regel 3: verwacht 3 kolommen, gevonden 2"),
        ("afkorting,naam,soort\nx,X,overig\n\ny,Y,fout\n", "test.csv, regel 4, organisatie 'y': onbekende soort"),
        ("bwb_id,titel,eigenaar\nBWBR1,Wet,szw\n", "test.csv, regel 2, regeling 'BWBR1': veld 'bwb_id'"),
        ("bwb_id,titel,eigenaar,uitvoerders\nBWBR0000001,Wet,niemand,\n",
         "test.csv, regel 2, regeling 'BWBR0000001': eigenaar: organisatie 'niemand' bestaat niet"),
        ("", "test.csv, regel 1: het bestand is leeg"),
    ],
)
def test_csv_errors(tekst, melding):
    gevonden = fouten(csv_invoer(tekst))
    assert any(f.startswith(melding) for f in gevonden), gevonden


def test_unknown_or_missing_files(tmp_path):
    (tmp_path / "data.json").write_text("{}")
    invoer = importeren.lees([tmp_path / "data.json", tmp_path / "bestaat-niet.yaml"])
    meldingen = [str(f) for f in importeren.valideer(invoer)]
    assert any("onbekend bestandstype" in m for m in meldingen)
    assert any("bestaat-niet.yaml: bestand niet gevonden" in m for m in meldingen)


def test_duplicates_across_files_are_found(tmp_path):
    (tmp_path / "a.yaml").write_text(textwrap.dedent(BASIS), encoding="utf-8")
    (tmp_path / "b.csv").write_text("afkorting,naam,soort\nmin-test,Ander ministerie,ministerie\n", encoding="utf-8")
    meldingen = [str(f) for f in importeren.valideer(importeren.lees([tmp_path / "a.yaml", tmp_path / "b.csv"]))]
    assert any("b.csv, regel 2" in m and "afkorting 'min-test' komt al voor" in m for m in meldingen), meldingen
