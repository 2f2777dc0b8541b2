"""Rules for an explain: substance required, stock phrases and copies refused."""

from hypothesis import given
from hypothesis import strategies as st

from schakel.signalen.toelichting import (
    MIN_TEKENS,
    EerdereToelichting,
    bezwaren_tegen_uitleg,
    inhoudswoorden,
    vingerafdruk,
)
from tests.conftest import GOEDE_UITLEG


def test_good_explain_passes():
    assert bezwaren_tegen_uitleg(GOEDE_UITLEG) == []


def test_empty_explain_refused():
    assert bezwaren_tegen_uitleg("   ")[0].startswith("Geef een inhoudelijke reden")


def test_short_explain_refused_with_length():
    bezwaren = bezwaren_tegen_uitleg("Dit past niet in het beleid van het ministerie.")
    assert len(bezwaren) == 1 and "te kort" in bezwaren[0]


def test_stock_phrases_only_refused():
    tekst = ("Bedankt voor uw signaal. Wij nemen dit mee. Er is geen aanleiding om het beleid aan te passen, "
             "dit is conform beleid. Wij hebben kennisgenomen van uw signaal en zien geen mogelijkheden.")
    assert len(tekst) >= MIN_TEKENS
    bezwaren = bezwaren_tegen_uitleg(tekst)
    assert bezwaren and "standaardzinnen" in bezwaren[0]


def test_exact_copy_of_other_answer_refused_whatever_the_case_and_punctuation():
    eerder = EerdereToelichting("SIG-000007", GOEDE_UITLEG)
    kopie = GOEDE_UITLEG.upper().replace(",", "").replace(".", " . ")
    bezwaren = bezwaren_tegen_uitleg(kopie, [eerder])
    assert any("SIG-000007" in b for b in bezwaren)


def test_near_copy_refused_but_own_reasoning_accepted():
    eerder = EerdereToelichting("SIG-000008", GOEDE_UITLEG)
    bijna = GOEDE_UITLEG.replace("2027", "2028")
    assert any("SIG-000008" in b for b in bezwaren_tegen_uitleg(bijna, [eerder]))
    eigen = ("De kostendelersnorm volgt uit artikel 22a van de Participatiewet. Een uitzondering voor "
             "mantelzorgers vraagt een wetswijziging; de minister heeft die in de brief van maart afgewezen "
             "omdat de kosten voor gemeenten niet gedekt zijn.")
    assert bezwaren_tegen_uitleg(eigen, [eerder]) == []


def test_fingerprint_ignores_case_accents_and_spacing():
    assert vingerafdruk("Geëist  wordt: Terugbetaling!") == vingerafdruk("geeist wordt terugbetaling")
    assert vingerafdruk("a b") != vingerafdruk("b a")


def test_content_words_drop_stock_phrases_and_stopwords():
    assert inhoudswoorden("Wij nemen dit mee: de wet vraagt verrekening") == ["wet", "vraagt", "verrekening"]


@given(st.text(max_size=300))
def test_any_text_gives_a_verdict_without_crashing(tekst):
    bezwaren = bezwaren_tegen_uitleg(tekst, [EerdereToelichting("SIG-1", GOEDE_UITLEG)])
    assert isinstance(bezwaren, list)
    if len(tekst.strip()) < MIN_TEKENS:
        assert bezwaren
