"""Dutch full-text search with stemming, identical on SQLite and PostgreSQL."""

import pytest

from schakel.signalen import services
from schakel.signalen.models import Signaal
from schakel.signalen.zoeken import zoek


@pytest.fixture
def signalen(wereld):
    def maak(titel, praktijk):
        return services.dien_in(indiener=wereld.melder_uwv, titel=titel, praktijk=praktijk + " Aanvullende beschrijving van de situatie, zoals de melder die ziet aan de balie.",
                                getroffen_burgers="burgers in de uitvoering", regeling=wereld.wia)

    return [
        maak("Terugvorderingen van voorschotten", "Het UWV vordert voorschotten in één keer terug."),
        maak("Rijbewijskeuring 75-plussers", "Keuringen voor 75-plussers lopen maanden vertraging op."),
        maak("Geëiste bewijsstukken", "Burgers moeten bewijsstukken opsturen die de overheid al heeft."),
    ]


def titels(q):
    return set(zoek(Signaal.objects.all(), q).values_list("titel", flat=True))


def test_stemming_matches_inflections(signalen):
    assert titels("terugvordering") == {"Terugvorderingen van voorschotten"}
    assert titels("voorschot") == {"Terugvorderingen van voorschotten"}
    assert titels("keuring") == {"Rijbewijskeuring 75-plussers"}


def test_all_terms_must_match_and_accents_fold(signalen):
    assert titels("keuringen vertraging") == {"Rijbewijskeuring 75-plussers"}
    assert titels("keuringen voorschot") == set()
    assert titels("geeiste") == {"Geëiste bewijsstukken"}


def test_empty_or_stopword_query_does_not_filter(signalen):
    assert len(titels("")) == 3
    assert len(titels("de het een")) == 3


def test_hostile_input_is_harmless(signalen):
    for q in ["' OR 1=1 --", "a & b | !c", "%_%", "(((", "\x00", "ü" * 500]:
        titels(q)  # must not raise


LANG = " Dit speelt al langer en raakt veel mensen die er zelf weinig aan kunnen doen, zo zien wij aan de balie."


@pytest.fixture
def woordvormen(wereld):
    """Signals written with one form of a word, to be found with another (issue: Dutch search)."""
    def maak(titel, praktijk):
        return services.dien_in(indiener=wereld.melder_uwv, titel=titel, praktijk=praktijk + LANG,
                                getroffen_burgers="Mensen met een laag inkomen en hun gezinnen",
                                regeling=wereld.wia)

    return [
        maak("Kinderopvangtoeslag wordt in één keer teruggevorderd", "Ouders met kinderen betalen de toeslag terug."),
        maak("Studieschulden stapelen zich op", "Jongeren met een studieschuld krijgen geen hypotheek."),
        maak("Bijstandsuitkering te laat betaald", "De uitkering komt weken te laat binnen."),
        maak("Bezwaarschriften blijven liggen", "Een bezwaarschrift wordt maanden niet behandeld."),
        maak("Voorschot op de WIA-uitkering", "Het voorschot wordt verrekend met de nabetaling."),
    ]


@pytest.mark.parametrize("vraag, titel", [
    ("toeslag", "Kinderopvangtoeslag wordt in één keer teruggevorderd"),
    ("toeslagen", "Kinderopvangtoeslag wordt in één keer teruggevorderd"),
    ("kind", "Kinderopvangtoeslag wordt in één keer teruggevorderd"),
    ("schuld", "Studieschulden stapelen zich op"),
    ("schulden", "Studieschulden stapelen zich op"),
    ("bijstand", "Bijstandsuitkering te laat betaald"),
    ("bezwaar", "Bezwaarschriften blijven liggen"),
])
def test_inflections_and_compound_parts_are_found_on_both_databases(woordvormen, vraag, titel):
    assert titel in titels(vraag)


@pytest.mark.parametrize("vraag", ["schot", "slag", "stand", "kering"])
def test_letters_shared_by_unrelated_words_do_not_match(woordvormen, vraag):
    assert titels(vraag) == set()


def test_results_can_be_ordered_by_relevance(woordvormen):
    from schakel.signalen.zoeken import op_relevantie

    resultaat = list(op_relevantie(zoek(Signaal.objects.all(), "uitkering"), "uitkering", "-id")
                     .values_list("titel", flat=True))
    assert set(resultaat) == {"Bijstandsuitkering te laat betaald", "Voorschot op de WIA-uitkering"}
    assert resultaat[0] == "Bijstandsuitkering te laat betaald"  # title and text both name it


def test_the_web_list_sorts_by_relevance_and_marks_the_found_words(woordvormen, client):
    response = client.get("/signalen", {"q": "uitkering", "sorteer": "relevantie"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Bijstandsuitkering te laat betaald") < html.index("Voorschot op de WIA-uitkering")
    assert "De <mark>uitkering</mark> komt weken te laat binnen." in html


def test_a_snippet_escapes_the_signals_text(wereld, client):
    services.dien_in(indiener=wereld.melder_uwv, titel="Toeslag stopt zonder bericht aan ouders",
                     praktijk="<script>alert(1)</script> De toeslag stopt zonder dat iemand het uitlegt." + LANG,
                     getroffen_burgers="Ouders met jonge kinderen", regeling=wereld.wia)
    html = client.get("/signalen", {"q": "toeslagen"}).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; De <mark>toeslag</mark> stopt" in html
    assert "<script>alert(1)" not in html


def test_the_api_sorts_by_relevance_only_with_a_query(woordvormen):
    from rest_framework.test import APIClient

    api = APIClient(raise_request_exception=False)
    data = api.get("/api/v1/signalen", {"zoek": "uitkering", "sorteer": "relevantie"}).json()
    titels_ = [s["titel"] for s in data["results"]] if "results" in data else [s["titel"] for s in data]
    assert titels_[0] == "Bijstandsuitkering te laat betaald"
    fout = api.get("/api/v1/signalen", {"sorteer": "relevantie"})
    assert fout.status_code == 400 and fout["Content-Type"].startswith("application/problem+json")
    assert [p["name"] for p in fout.json()["invalidParams"]] == ["sorteer"]
