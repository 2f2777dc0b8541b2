"""Properties of the personal-data guard, checked on generated text (Hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from schakel.privacy import organisatie
from schakel.privacy.persoonsgegevens import Soort, controleer_velden, maskeer, meldingen, vind_persoonsgegevens

INSTELLINGEN = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like a signal: words, numbers, punctuation, and fragments that
# resemble personal data, glued together at random.
_STUKJES = st.sampled_from(
    [
        " ", " ", "  ", ", ", ". ", "-", "/", ".", ":", "(", ")", "€ ", "+", "@", "(at)", "\n",
        "geboren ", "geb. ", "per ", "Wet van ", "BSN ", "art. ", "euro", "BW", "Laan van ",
        "straat", "Dorpsstraat", "Gracht", "NL", "NL91", "ABNA", "06", "020", "0031", "+31",
        "maart", "januari", "1956", "2026", "AB", "BV", "hs", "a", "x", "info", "nl", "uwv",
        "123456782", "123.456.782", "NL91ABNA0417164300", "j@example.nl", "12-BV-34",
        "06-12345678", "1234 AB", "12-03-1956", "Dorpsstraat 12",
    ]
)
signaaltekst = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_STUKJES, st.text(max_size=4), st.integers(0, 10**10).map(str)), max_size=40).map("".join),
)


def _met_11_proef(kop: int) -> str | None:
    """Complete eight digits to a BSN, or None when no check digit fits."""
    cijfers = f"{kop:08d}"
    controle = sum(int(c) * w for c, w in zip(cijfers, range(9, 1, -1))) % 11
    return None if controle == 10 else cijfers + str(controle)


bsns = st.integers(1, 99_999_999).map(_met_11_proef).filter(lambda b: b is not None)


_BBAN = {
    "NL": st.builds(str.__add__, st.sampled_from(["ABNA", "INGB", "RABO", "TRIO"]),
                    st.text("0123456789", min_size=10, max_size=10)),
    "DE": st.text("0123456789", min_size=18, max_size=18),
    "GB": st.builds(str.__add__, st.sampled_from(["NWBK", "BARC", "MIDL"]),
                    st.text("0123456789", min_size=14, max_size=14)),
}


@st.composite
def ibans(draw) -> str:
    land = draw(st.sampled_from(sorted(_BBAN)))
    bban = draw(_BBAN[land])
    [geldig] = [f"{land}{c:02d}{bban}" for c in range(2, 99) if stdnum_iban.is_valid(f"{land}{c:02d}{bban}")]
    return geldig


emails = st.builds(
    lambda naam, domein, tld: f"{naam}@{domein}.{tld}",
    st.from_regex(r"[a-z][a-z0-9._+-]{0,15}[a-z0-9]", fullmatch=True),
    st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}[a-z0-9]", fullmatch=True),
    st.sampled_from(["nl", "com", "org", "eu", "amsterdam"]),
)
# Surrounding prose: lower-case words without digits, so it cannot glue onto the value.
# Prose that names no organisation: next to "bank" or "dienst" an IBAN or number may be the
# organisation's own (schakel.privacy.organisatie), which is tested in test_issue23.
proza = (
    st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8), max_size=6)
    .map(" ".join)
    .filter(lambda t: not organisatie._organisatie_re().search(t))
)


@INSTELLINGEN
@given(signaaltekst)
def test_findings_are_sorted_disjoint_and_point_into_the_text(tekst):
    vondsten = vind_persoonsgegevens(tekst)
    vorige_eind = 0
    for vondst in vondsten:
        assert isinstance(vondst.soort, Soort)
        assert vorige_eind <= vondst.start < vondst.eind <= len(tekst)
        assert tekst[vondst.start : vondst.eind] == vondst.fragment
        vorige_eind = vondst.eind
    assert len(meldingen(tekst)) <= len(vondsten)
    assert (maskeer(tekst) == tekst) == (not vondsten)


@INSTELLINGEN
@given(st.text(alphabet=st.characters(blacklist_characters="0123456789@aAtT"), max_size=500))
def test_text_without_digits_or_at_signs_has_no_findings(tekst):
    # Every kind needs an ASCII digit, except e-mail, which needs '@' or '(at)'.
    assert vind_persoonsgegevens(tekst) == []


@INSTELLINGEN
@given(st.text(alphabet=st.characters(blacklist_characters="0123456789"), max_size=500))
def test_text_without_digits_can_only_hold_email_addresses(tekst):
    assert {v.soort for v in vind_persoonsgegevens(tekst)} <= {Soort.EMAIL}


@INSTELLINGEN
@given(signaaltekst)
def test_masked_text_has_no_bsn_iban_or_email_left(tekst):
    over = {v.soort for v in vind_persoonsgegevens(maskeer(tekst))}
    assert not over & {Soort.BSN, Soort.IBAN, Soort.EMAIL}


@INSTELLINGEN
@given(proza, st.one_of(bsns.map(lambda b: (Soort.BSN, b)), ibans().map(lambda i: (Soort.IBAN, i)),
                        emails.map(lambda e: (Soort.EMAIL, e))), proza)
def test_embedded_identifiers_are_found_exactly(voor, soort_en_waarde, na):
    soort, waarde = soort_en_waarde
    tekst = f"{voor} {waarde} {na}"
    assert [(v.soort, v.fragment) for v in vind_persoonsgegevens(tekst)] == [(soort, waarde)]
    assert waarde not in maskeer(tekst)
    assert f"[verwijderd: {soort}]" in maskeer(tekst)


@INSTELLINGEN
@given(bsns)
def test_bsn_with_a_broken_checksum_is_never_a_bsn(bsn):
    assert stdnum_bsn.is_valid(bsn)
    kapot = bsn[:-1] + str((int(bsn[-1]) + 1) % 10)
    assert not stdnum_bsn.is_valid(kapot)
    assert Soort.BSN not in {v.soort for v in vind_persoonsgegevens(f"nummer {kapot} hier")}


@INSTELLINGEN
@given(st.dictionaries(st.text(min_size=1, max_size=10), st.one_of(st.none(), signaaltekst), max_size=5))
def test_controleer_velden_matches_meldingen_per_field(velden):
    fouten = controleer_velden(velden)
    assert fouten == {veld: meldingen(waarde) for veld, waarde in velden.items() if waarde and meldingen(waarde)}
