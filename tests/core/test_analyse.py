"""The Dutch word analysis behind search: forms, lemmas and compound parts."""

from hypothesis import given, settings
from hypothesis import strategies as st

from schakel.core import analyse


def test_a_compound_is_indexed_under_its_parts_and_their_runs():
    assert {"schuld", "schuldhulp", "hulpverlening"} <= set(analyse.tokens("schuldhulpverlening"))
    assert {"kind", "kinderopvang", "opvang", "toeslag"} <= set(analyse.tokens("kinderopvangtoeslag"))
    assert {"bijstand", "uitkering"} <= set(analyse.tokens("bijstandsuitkering"))
    assert "uitkering" in analyse.tokens("arbeidsongeschiktheidsuitkering")


def test_particles_prefixes_and_everyday_words_are_never_split():
    for woord, deel in [("toeslag", "slag"), ("voorschot", "schot"), ("bijstand", "stand"),
                        ("aanvraag", "vraag"), ("overheid", "heid"), ("herbeoordeling", "beoordeling")]:
        assert deel not in analyse.tokens(woord), woord


def test_plurals_the_dictionary_lacks_get_their_singular():
    assert analyse.lemma("huurtoeslagen") == "huurtoeslag"
    assert analyse.lemma("herbeoordelingen") == "herbeoordeling"
    assert "schuld" in analyse.vormen("schulden")


def test_document_and_query_use_the_same_forms():
    document = analyse.zoekdocument("Mensen met studieschulden")
    assert document.startswith(" ") and document.endswith(" ")
    termen = analyse.zoektermen("de schuld")
    assert termen == [("schuld",)] and " schuld " in document


def test_queries_are_capped_and_stopwords_dropped():
    assert analyse.zoektermen("de het een") == []
    assert len(analyse.zoektermen(" ".join(f"woord{i}" for i in range(40)))) == 12


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_tokens_of_letters_and_digits_only(tekst):
    """Tokens go into a raw tsquery and a LIKE pattern: only letters and digits may occur."""
    for token in analyse.zoekdocument(tekst).split():
        assert token.isalnum()
    for vormen in analyse.zoektermen(tekst):
        assert all(v.isalnum() for v in vormen)
