"""Receipt codes and letter keys, as properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from schakel.noodrem import regels

codes = st.builds(regels.nieuwe_code)


@given(codes, st.sampled_from([str.lower, str.upper, lambda c: c.replace("-", " "), lambda c: c.replace("-", ""),
                               lambda c: f"  {c}\n"]))
def test_a_code_survives_how_it_is_typed(code, schrijfwijze):
    assert regels.normaliseer(schrijfwijze(code)) == regels.normaliseer(code) == code.replace("-", "")


@given(codes)
def test_look_alike_letters_are_read_as_digits(code):
    verward = code.replace("0", "O").replace("1", "I")
    assert regels.normaliseer(verward) == regels.normaliseer(code)


@given(st.text(max_size=40))
def test_anything_else_is_no_code_or_a_valid_one(tekst):
    schoon = regels.normaliseer(tekst)
    assert schoon is None or (len(schoon) == regels.TEKENS and set(schoon) <= set(regels.ALFABET))


@given(codes, codes)
def test_hashes_are_keyed_fixed_length_and_distinct(a, b):
    ha, hb = regels.code_hash(regels.normaliseer(a)), regels.code_hash(regels.normaliseer(b))
    assert len(ha) == 64 and regels.zelfde_hash(ha, ha)
    assert (ha == hb) == (regels.normaliseer(a) == regels.normaliseer(b))


def test_letters_are_counted_regardless_of_case_and_punctuation():
    assert regels.brief_sleutel("Besluit  herbeoordeling WIA.") == regels.brief_sleutel("besluit herbeoordeling wia")
