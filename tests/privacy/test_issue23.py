"""Issue 23, section 3: each false-alarm and miss class, citizens' names, officials."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schakel.privacy.persoonsgegevens import controleer_velden, maskeer, vind_persoonsgegevens


def gevonden(tekst: str) -> list[tuple[str, str]]:
    return [(v.soort.value, v.fragment) for v in vind_persoonsgegevens(tekst)]


# --------------------------------------------------------------------------- false alarms


@pytest.mark.parametrize(
    "tekst",
    [
        # 088 and 14-numbers: organisations only
        "Vragen? Het UWV is op werkdagen bereikbaar via 088 - 898 92 94.",
        "Inwoners kunnen de gemeente bellen via 14 020 of 140299.",
        # info@-type mailboxes
        "Stuur het formulier naar klantcontact@svb.nl of info@gemeente-voorbeeld.nl.",
        "Mail het wmo-loket@zwolle.nl voor een afspraak.",
        # office addresses and Postbus numbers of organisations
        "Het kantoor van de Belastingdienst aan de Kelderstraat 27, 3456 KL Heerlen gaat dicht.",
        "Bezwaar schrijft u naar de Belastingdienst, Postbus 100, 6400 AC Heerlen.",
        "De gemeente Zwolle, Postbus 10007, 8000 GA Zwolle beantwoordt de brief.",
        # an organisation's IBAN, RSIN and KvK number
        "Betaal op NL86 INGB 0002 4455 88 t.n.v. de Belastingdienst.",
        "De stichting heeft RSIN 123456782 en staat bij de KvK onder 12345672.",
        "KvK-nummer 12345672 van de woningcorporatie.",
        # policy dates are not birth dates
        "Sinds de invoering op 1-1-2015 kan de gemeente niet meer afwijken.",
        "De aanvraag van 3 maart 2012 is nooit beoordeeld.",
        # a case number that happens to pass the 11-proef
        "Zie zaaknummer 123456782 en ons kenmerk 111222333.",
    ],
)
def test_no_false_alarm_on_public_details_policy_dates_and_case_numbers(tekst):
    assert gevonden(tekst) == []


def test_a_link_broken_by_other_words_keeps_the_citizens_details():
    assert gevonden("Het UWV maakte de uitkering over op NL91ABNA0417164300.") == [
        ("iban", "NL91ABNA0417164300")
    ]
    assert gevonden("De gemeente belde haar op 020-1234567.") == [("telefoon", "020-1234567")]
    # a mobile number is a person's, even right after an organisation
    assert gevonden("Het UWV is bereikbaar op 06-12345678.") == [("telefoon", "06-12345678")]
    # a personal address on an organisation's domain is still personal
    assert gevonden("Mail p.smit@uwv.nl over het dossier.") == [("email", "p.smit@uwv.nl")]


# --------------------------------------------------------------------------- misses


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("Haar BSN 123456782/ staat op de brief.", [("bsn", "123456782")]),
        ("bsn: 123456782/123456794", [("bsn", "123456782"), ("bsn", "123456794")]),
        ("Het burgerservicenummer 12345672 mist de nul vooraan.", [("bsn", "12345672")]),
        ("Hij woont op de dorpsstraat 12 in Ede.", [("adres", "dorpsstraat 12")]),
        ("Haar adres is Achter de Hoven 12 in Leeuwarden.", [("adres", "Achter de Hoven 12")]),
        ("Mevr. woont aan de Kolk 3.", [("adres", "Kolk 3")]),
        ("Hij gebruikt zijn eigen Postbus 1234, 5678 CD Zwolle.", [("adres", "Postbus 1234"), ("postcode", "5678 CD")]),
        ("De auto met kenteken 12BV34 en de bus GB123X.", [("kenteken", "12BV34"), ("kenteken", "GB123X")]),
        ("Zijn mail is jan punt jansen apenstaartje gmail punt com.",
         [("email", "jan punt jansen apenstaartje gmail punt com")]),
        ("Woont op Kerkweg 3, 1024 MB Utrecht.", [("adres", "Kerkweg 3"), ("postcode", "1024 MB")]),
    ],
)
def test_former_misses_are_found(tekst, verwacht):
    assert gevonden(tekst) == verwacht


def test_units_and_postcodes_without_plate_word_stay_apart():
    assert gevonden("Een bestand van 1024 MB en een motor van 1500 PK.") == []
    assert gevonden("Postcode 1234AB Ergens") == [("postcode", "1234AB")]


def _bsn_cijfers(basis: int) -> str | None:
    cijfers = f"{basis:08d}"
    rest = sum(int(c) * w for c, w in zip(cijfers, range(9, 1, -1))) % 11
    return None if rest == 10 else cijfers + str(rest)


@given(
    basis=st.integers(min_value=10_000_000, max_value=99_999_999),
    notatie=st.sampled_from(["{a}{b}{c}", "{a}.{b}.{c}", "{a} {b} {c}", "{a}-{b}-{c}"]),
    slash=st.booleans(),
    woord=st.sampled_from(["BSN", "bsn:", "burgerservicenummer", "Sofinummer"]),
)
def test_every_bsn_notation_is_found_exactly(basis, notatie, slash, woord):
    cijfers = _bsn_cijfers(basis)
    if cijfers is None:
        return
    bsn = notatie.format(a=cijfers[:3], b=cijfers[3:6], c=cijfers[6:])
    tekst = f"Cliënte gaf {woord} {bsn}{'/' if slash else ''} door."
    assert gevonden(tekst) == [("bsn", bsn)]


@given(basis=st.integers(min_value=1_000_000, max_value=9_999_999))
def test_a_bsn_without_its_leading_zero_is_found_after_a_keyword_only(basis):
    cijfers = _bsn_cijfers(basis)  # 0 + seven digits + check digit
    if cijfers is None:
        return
    acht = cijfers[1:]
    assert gevonden(f"BSN {acht} klopt") == [("bsn", acht)]
    assert gevonden(f"Er kwamen {acht} bezoekers") == []


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("tekst", "naam"),
    [
        ("Mevrouw Jansen belde drie keer.", "Jansen"),
        ("We spraken de heer De Vries op het spreekuur.", "De Vries"),
        ("Brief aan dhr. J.P. van den Berg over de toeslag.", "J.P. van den Berg"),
        ("Cliënt Yilmaz kreeg geen reactie.", "Yilmaz"),
        ("Haar zoon Mohammed ging mee naar de balie.", "Mohammed"),
        ("Jan Pietersen kreeg twee aanslagen.", "Jan Pietersen"),
        ("Aanvrager Van Dijk wacht al maanden.", "Van Dijk"),
        ("Aanvrager van Dijk wacht al maanden.", "van Dijk"),
        ("Haar kind Sophie is vier.", "Sophie"),
    ],
)
def test_citizens_names_are_found(tekst, naam):
    assert gevonden(tekst) == [("naam", naam)]


@pytest.mark.parametrize(
    "tekst",
    [
        "Minister Van Hijum schreef de Kamer een brief.",
        "Volgens staatssecretaris van Financiën Van Oostenbruggen is dat niet nodig.",
        "Kamerlid Omtzigt diende een motie in.",
        "De Wet Mulder en de motie-Omtzigt gaan hierover.",
        "In Mei ging het mis bij de SVB.",
        "Een inwoner van Amsterdam kreeg de brief twee keer.",
    ],
)
def test_officials_laws_and_common_words_are_not_names(tekst):
    assert gevonden(tekst) == []


def test_the_filer_is_told_which_name_to_remove_and_masking_keeps_the_form_of_address():
    assert controleer_velden({"praktijk": "Mevrouw Jansen belde."}) == {
        "praktijk": ["Verwijder de naam van een burger 'Ja…en' uit de tekst."]
    }
    assert maskeer("Mevrouw Jansen belde.") == "Mevrouw [verwijderd: naam] belde."
