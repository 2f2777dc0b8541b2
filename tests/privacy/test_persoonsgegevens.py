"""The personal-data guard: what it finds, what it leaves alone, and how it reports."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from schakel.core import clock
from schakel.privacy.persoonsgegevens import (
    Soort,
    Vondst,
    bevat_persoonsgegevens,
    controleer_velden,
    maskeer,
    meldingen,
    vind_persoonsgegevens,
)


def gevonden(tekst: str, **kwargs) -> list[tuple[str, str]]:
    return [(v.soort.value, v.fragment) for v in vind_persoonsgegevens(tekst, **kwargs)]


# --------------------------------------------------------------------------- true positives


@pytest.mark.parametrize(
    "bsn",
    ["123456782", "123.456.782", "123 456 782", "123-456-782", "1234 56 782", "1234.56.782", "111222333"],
)
def test_bsn_in_common_notations(bsn):
    assert gevonden(f"Mijn BSN is {bsn}, graag snel reactie.") == [("bsn", bsn)]
    assert gevonden(f"(bsn: {bsn})") == [("bsn", bsn)]


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164300",
        "NL91 ABNA 0417 1643 00",
        "nl91abna0417164300",
        "NL20INGB0001234567",
        "DE89 3704 0044 0532 0130 00",
        "GB29NWBK60161331926819",
    ],
)
def test_iban_any_country_with_or_without_spaces(iban):
    assert gevonden(f"Stort het op {iban} ten name van mij.") == [("iban", iban)]
    assert gevonden(f"rekening {iban}.") == [("iban", iban)]


def test_two_ibans_next_to_each_other_are_both_found():
    assert gevonden("NL91ABNA0417164300 NL20INGB0001234567") == [
        ("iban", "NL91ABNA0417164300"),
        ("iban", "NL20INGB0001234567"),
    ]


@pytest.mark.parametrize(
    "email",
    [
        "j.jansen@example.nl",
        "piet+signalen@mail.gemeente-utrecht.nl",
        "Marie_de.Vries@uwv.nl",
        "p.smit(at)svb.nl",
        "kees [at] example.com",
    ],
)
def test_email_addresses(email):
    assert gevonden(f"Mail naar {email}. Dank!") == [("email", email)]


@pytest.mark.parametrize(
    "nummer",
    [
        "06-12345678",
        "06 12345678",
        "06 1234 5678",
        "0612345678",
        "06-12 34 56 78",
        "+31 6 1234 5678",
        "+31612345678",
        "+31 (0)6 12345678",
        "0031 6 12345678",
        "020-1234567",
        "020 123 4567",
        "(020) 1234567",
        "010-123 45 67",
        "0481-123456",
        "+31 20 123 4567",
        "085-1234567",
        "+32 2 123 45 67",
    ],
)
def test_phone_numbers(nummer):
    assert gevonden(f"Bel mij op {nummer} na vijven.") == [("telefoon", nummer)]


def test_two_phone_numbers_in_one_run_are_split():
    assert gevonden("tel 06 12345678 020 1234567") == [
        ("telefoon", "06 12345678"),
        ("telefoon", "020 1234567"),
    ]


@pytest.mark.parametrize("postcode", ["1234 AB", "1234AB", "2511 CV", "9999\u00a0ZZ"])
def test_postcodes(postcode):
    assert gevonden(f"Woonachtig te {postcode} Ergenshuizen") == [("postcode", postcode)]


@pytest.mark.parametrize(
    ("tekst", "adres"),
    [
        ("Ik woon op de Dorpsstraat 12 in Ede.", "Dorpsstraat 12"),
        ("Laan van Meerdervoort 120a, Den Haag", "Laan van Meerdervoort 120a"),
        ("adres: Sint-Jorisstraat 4-2", "Sint-Jorisstraat 4-2"),
        ("Kerkweg 3 bis", "Kerkweg 3 bis"),
        ("Prinsengracht 263 hs", "Prinsengracht 263 hs"),
        ("Oude Gracht 12 A", "Oude Gracht 12 A"),
        ("Burgemeester de Withstraat 7", "Burgemeester de Withstraat 7"),
        ("Stationsplein 1", "Stationsplein 1"),
        ("Coolsingel 40", "Coolsingel 40"),
        ("Binnenhof 1", "Binnenhof 1"),
    ],
)
def test_street_addresses(tekst, adres):
    assert gevonden(tekst) == [("adres", adres)]


def test_address_with_postcode_gives_two_findings():
    assert gevonden("Dorpsstraat 12, 1234 AB Ergens") == [("adres", "Dorpsstraat 12"), ("postcode", "1234 AB")]


@pytest.mark.parametrize(
    ("tekst", "datum"),
    [
        ("geboren op 12 maart 1956", "12 maart 1956"),
        ("geboortedatum: 12-03-1956", "12-03-1956"),
        ("geb. 12/03/1956", "12/03/1956"),
        ("Geboren 3 mei 2020, dus nog jong", "3 mei 2020"),  # recent, but a keyword
        ("geb. 12-3-56", "12-3-56"),  # two-digit year needs the keyword
        ("geboren op 1 jan. 1990", "1 jan. 1990"),
        ("De cliënt (12-03-1956) belde.", "12-03-1956"),  # old full date without keyword
        ("sinds haar geboorte op 1956-03-12", "1956-03-12"),
        ("op 4 oktober 1980 kwam hij", "4 oktober 1980"),
        ("datum van geboorte: 3-4-1970", "3-4-1970"),
        ("na de geboorte van haar zoon op 12-03-2019", "12-03-2019"),
    ],
)
def test_dates_of_birth(tekst, datum):
    assert gevonden(tekst) == [("geboortedatum", datum)]


@pytest.mark.parametrize("kenteken", ["12-BV-34", "GB-123-X", "1-KBB-23", "XF-12-ZT", "99-XXX-9"])
def test_licence_plates(kenteken):
    assert gevonden(f"Auto met kenteken {kenteken} werd gesleept.") == [("kenteken", kenteken)]


def test_a_realistic_signal_text():
    tekst = (
        "Mevrouw J. de Vries (BSN 123.456.782, geboren 4 april 1961) woont op de Dorpsstraat 12, "
        "1234 AB Ergens. Zij kreeg de toeslag op NL91 ABNA 0417 1643 00 niet. Bereikbaar via "
        "06-12345678 of jdevries@example.nl. Artikel 35 lid 2 Wet WIA (BWBR0019057) is sinds "
        "1 januari 2026 onwerkbaar; zie Kamerstukken II 2025/26, 36 123, nr. 5."
    )
    assert gevonden(tekst) == [
        ("naam", "J. de Vries"),
        ("bsn", "123.456.782"),
        ("geboortedatum", "4 april 1961"),
        ("adres", "Dorpsstraat 12"),
        ("postcode", "1234 AB"),
        ("iban", "NL91 ABNA 0417 1643 00"),
        ("telefoon", "06-12345678"),
        ("email", "jdevries@example.nl"),
    ]


# --------------------------------------------------------------------------- true negatives


@pytest.mark.parametrize(
    "tekst",
    [
        "Het tekort bedraagt € 123.456.789 in 2024.",
        "Het tekort bedraagt € 123.456.782.",  # passes the 11-proef, but is an amount
        "Een bedrag van 123.456.782 euro",
        "BWBR0015703 en BWBR0019057",
        "Kamerstukken II 2019/20, 36 123, nr. 5",
        "Kamerstukken II 2025/26, 35 300 XV, nr. 12",
        "art. 35 lid 2 en artikel 7:658 BW",
        "art. 1401 BW (oud)",
        "ECLI:NL:HR:2020:1234 en ECLI:NL:CRVB:2019:123456",
        "zaaknummer 200.123.456/01",
        "BSN 123456789 klopt niet",  # fails the 11-proef
        "BSN 123 456 789 klopt niet",
        "NL91ABNA0417164301 heeft een fout controlegetal",
        "XX00 0000 0000 0000 00",
        "per 1 januari 2026 en op 1 januari 2026",
        "Wet van 2 juli 1992, Stb. 1992, 123",
        "sinds 1 januari 2015 geldt de Participatiewet",
        "met ingang van 1 juli 2004",
        "de brief d.d. 12 maart 1998",
        "in de periode van 1 januari 1990 tot 1 januari 2000",
        "RSIN 123456782 van de stichting",
        "op 11-03-2026 om 10.00 uur",
        "datum: 2026-03-11",
        "In 1995, 2001 en 2024 steeg het aantal met 12345678 naar 23456789.",
        "14 000 mensen, 1.234.567 aanvragen, 0,5 procent, 20%",
        "Bel gratis 0800-1234 of 0900 1234567.",
        "versie 2.3.1 en 10.0.19045",
        "De Arbeidsmarkt 2025 en het Gerechtshof 12 maart 2024.",
        "schijf van 1024 MB",
        "Dorpsstraat zonder nummer",
        "een e-mail @ gemeente",
        "",
    ],
)
def test_no_false_positives(tekst):
    assert gevonden(tekst) == []
    assert not bevat_persoonsgegevens(tekst)


def test_invalid_iban_is_not_reported_as_iban():
    soorten = {v.soort for v in vind_persoonsgegevens("rekening NL91 ABNA 0417 1643 01")}
    assert Soort.IBAN not in soorten


def test_birth_keyword_only_covers_the_next_date():
    tekst = "geb. 12-03-1956, in dienst per 01-01-2021"
    assert gevonden(tekst) == [("geboortedatum", "12-03-1956")]


def test_old_date_rule_follows_the_clock():
    tekst = "Op 1 mei 2015 gebeurde het."
    assert gevonden(tekst) == [("geboortedatum", "1 mei 2015")]  # today is 2026-03-11
    assert gevonden(tekst, peildatum=dt.date(2020, 1, 1)) == []
    with clock.travel(dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)):
        assert gevonden(tekst) == []


def test_impossible_dates_are_ignored():
    assert gevonden("geboren 31-02-1956 of 12-13-1956") == []


# --------------------------------------------------------------------------- reporting


def test_vondst_is_frozen_and_describes_itself():
    [vondst] = vind_persoonsgegevens("BSN 123456782")
    assert vondst == Vondst(Soort.BSN, 4, 13, "123456782")
    assert vondst.omschrijving == "een burgerservicenummer (BSN)"
    with pytest.raises(AttributeError):
        vondst.start = 0  # type: ignore[misc]


def test_every_kind_has_a_description():
    for soort in Soort:
        assert Vondst(soort, 0, 1, "x").omschrijving.startswith("een ")


def test_maskeer_replaces_every_finding():
    tekst = "BSN 123456782, mail j@example.nl, bel 06-12345678, NL91ABNA0417164300."
    assert maskeer(tekst) == (
        "BSN [verwijderd: bsn], mail [verwijderd: email], bel [verwijderd: telefoon], "
        "[verwijderd: iban]."
    )
    assert maskeer("niets aan de hand") == "niets aan de hand"
    assert maskeer("") == ""


def test_meldingen_quote_a_shortened_fragment():
    tekst = (
        "BSN 123456782 en nogmaals 123456782. Mail j.jansen@example.nl, postcode 1234 AB, "
        "Dorpsstraat 12, geboren 12-03-1956, kenteken 12-BV-34."
    )
    assert meldingen(tekst) == [
        "Verwijder het burgerservicenummer (BSN) '1234…782' uit de tekst (het staat er 2 keer in).",
        "Verwijder het e-mailadres 'j.jan…e.nl' uit de tekst.",
        "Verwijder de postcode '12…AB' uit de tekst.",
        "Verwijder het adres (straat en huisnummer) 'Dorp…t 12' uit de tekst.",
        "Verwijder de geboortedatum '12…56' uit de tekst.",
        "Verwijder het kenteken '12…34' uit de tekst.",
    ]
    assert meldingen("niets") == []


def test_meldingen_never_quote_the_whole_value():
    for tekst in ["123.456.782", "NL91 ABNA 0417 1643 00", "jan@example.nl", "06-12345678", "1234 AB"]:
        [melding] = meldingen(tekst)
        assert tekst not in melding
        assert "…" in melding


def test_controleer_velden_reports_only_fields_with_findings():
    fouten = controleer_velden(
        {
            "titel": "Toeslag stopt zonder reden",
            "beschrijving": "Bel mij op 06-12345678.",
            "toelichting": None,
            "leeg": "",
            "naam_melder": "j@example.nl of j@example.nl",
        }
    )
    assert fouten == {
        "beschrijving": ["Verwijder het telefoonnummer '06-12…678' uit de tekst."],
        "naam_melder": ["Verwijder het e-mailadres 'j@exa…e.nl' uit de tekst (het staat er 2 keer in)."],
    }


# --------------------------------------------------------------------------- hostile input

ADVERSARIAL = {
    "digits": "0" * 100_000,
    "digit groups": "1 " * 50_000,
    "dotted digits": "1." * 50_000,
    "no-break spaces": "1\u00a0" * 50_000,
    "plus signs": "+1 " * 33_333,
    "parentheses": "(020) " * 16_666,
    "at signs": "a@" * 50_000,
    "long local part": "a" * 100_000 + "@",
    "long domain": "a@" + "a." * 50_000,
    "hyphenated domain": "a@" + "a-" * 50_000,
    "(at)": "x (at) " * 14_285,
    "iban heads": "NL91 " * 20_000,
    "iban tail": "NL91" + " A" * 50_000,
    "street words": "Laan van De " * 8_333,
    "street suffixes": "Aastraat" * 12_500,
    "streets and numbers": "Dorpsstraat 1 " * 7_142,
    "date parts": "1-1-1" * 20_000,
    "month names": "12 maart " * 11_111,
    "plates": "BB-" * 33_333,
    "separators": "0 - " * 25_000,
}


@pytest.mark.parametrize("naam", list(ADVERSARIAL))
def test_hostile_input_is_scanned_quickly(naam):
    tekst = ADVERSARIAL[naam]
    assert len(tekst) >= 99_000
    begin = time.perf_counter()
    maskeer(tekst)
    # Linear scanning takes well under a second; catastrophic backtracking would take minutes.
    assert time.perf_counter() - begin < 5


def test_many_findings_in_a_large_text_are_all_reported():
    blok = "Bel 06-12345678 of mail a@example.nl; BSN 123456782; NL91ABNA0417164300. "
    tekst = blok * 1_000
    begin = time.perf_counter()
    vondsten = vind_persoonsgegevens(tekst)
    assert time.perf_counter() - begin < 5
    assert len(vondsten) == 4_000
