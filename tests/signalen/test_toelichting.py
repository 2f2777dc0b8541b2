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


# --------------------------------------------------------------------------- evasive answers (issue 23, section 4)

import io  # noqa: E402

from django.core.management import call_command  # noqa: E402

from schakel.demo.casussen import CASUSSEN  # noqa: E402
from schakel.signalen import toelichting_evaluatieset  # noqa: E402
from schakel.signalen.toelichting import is_ontwijkend, kenmerken  # noqa: E402

ISSUE_23 = ("Het kabinet ziet op dit moment geen aanleiding om het beleid aan te passen en houdt daarom vast "
            "aan de huidige wet- en regelgeving. Wij blijven de ontwikkelingen uiteraard nauwlettend volgen.")


def test_the_padded_stock_answer_of_issue_23_is_refused_as_evasive():
    assert len(ISSUE_23) >= MIN_TEKENS
    bezwaren = bezwaren_tegen_uitleg(ISSUE_23)
    assert len(bezwaren) == 1 and bezwaren[0].startswith("De reden is algemeen")


def test_evasion_in_other_words_is_refused():
    tekst = ("Na een zorgvuldige weging van alle belangen kiest het ministerie ervoor de gevolgde aanpak "
             "voort te zetten. Wij houden de situatie in de gaten en bezien te zijner tijd of bijsturing nodig is.")
    assert is_ontwijkend(tekst)
    assert any("algemeen" in b for b in bezwaren_tegen_uitleg(tekst))


def test_a_reason_with_content_or_a_concrete_fact_is_substantive():
    met_reden = ("Het kabinet wil dit niet, omdat een uitzondering voor thuiswonende mantelzorgers ook zou "
                 "gelden voor kamerverhuur en daarmee de huurtoeslag van andere huishoudens verlaagt.")
    k = kenmerken(met_reden)
    assert k.redenen >= 1 and not k.ontwijkend
    met_feit = ("De grens van 21 jaar ligt vast in artikel 7 van de Wet op het minimumloon; wij hebben daar "
                "geen invloed op in deze regeling, en de gemeente ook niet.")
    assert kenmerken(met_feit).ankers >= 1 and not is_ontwijkend(met_feit)


def test_a_because_clause_without_content_is_no_reason():
    tekst = ("Wij passen het beleid niet aan, omdat wij geen aanleiding zien tot wijziging van de huidige "
             "werkwijze. Het kabinet blijft de ontwikkelingen volgen.")
    assert kenmerken(tekst).redenen == 0 and is_ontwijkend(tekst)


def test_words_shared_with_the_signal_make_an_answer_specific():
    signaal = "Statushouders in Emmen wachten maanden op inburgeringslessen bij een taalschool."
    antwoord = ("Statushouders krijgen inburgeringslessen van een taalschool die de gemeente inkoopt; "
                "in Emmen loopt die aanbesteding nog, de nieuwe taalschool start na de zomer met lessen "
                "in de wijk.")
    assert is_ontwijkend(antwoord)  # nothing general marks this as concrete ...
    assert not is_ontwijkend(antwoord, signaal)  # ... but it answers this signal in its own words
    assert bezwaren_tegen_uitleg(antwoord, signaal_tekst=signaal) == []
    assert bezwaren_tegen_uitleg(antwoord) != []


def test_every_demo_explanation_still_counts_as_substantive():
    uitleg = [u for casus in CASUSSEN for u in casus.uitleg]
    assert uitleg
    assert [u for u in uitleg if is_ontwijkend(u)] == []


def test_the_labelled_set_is_large_split_and_balanced():
    set_ = toelichting_evaluatieset.bouw()
    assert len(set_) >= 100
    for deel in ("dev", "toets"):
        deel_set = [u for u in set_ if u.deel == deel]
        assert {u.ontwijkend for u in deel_set} == {True, False}
    assert not set(toelichting_evaluatieset._ONTWIJKEND["dev"]) & set(toelichting_evaluatieset._ONTWIJKEND["toets"])
    assert ISSUE_23 not in {u.tekst for u in set_}


@given(st.text(max_size=400), st.text(max_size=200))
def test_features_never_crash(tekst, signaal):
    k = kenmerken(tekst, signaal)
    assert min(k.redenen, k.ankers, k.generiek) >= 0


def test_command_reports_precision_and_recall():
    uit = io.StringIO()
    call_command("evalueer_toelichting", "--deel", "dev", stdout=uit)
    assert "precisie" in uit.getvalue() and "recall" in uit.getvalue()
    assert "Demo-toelichtingen:" in uit.getvalue()
