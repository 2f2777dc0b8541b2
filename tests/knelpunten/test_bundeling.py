"""Bundling: text-similarity suggestions, create / confirm / split by a handler, figures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from django.core.exceptions import PermissionDenied, ValidationError

from schakel.audit.models import Gebeurtenis
from schakel.knelpunten import cijfers, gelijkenis, selecties, services
from schakel.knelpunten.models import Bundeling
from schakel.signalen.models import Signaal

from ..conftest import GOEDE_UITLEG

pytestmark = pytest.mark.django_db

ANDER_PROBLEEM = dict(titel="Rijexamen herkansing duurt maanden door tekort aan examinatoren",
                      praktijk="Kandidaten wachten vier maanden op een herexamen voor het rijbewijs omdat er te "
                               "weinig examinatoren zijn; beroepschauffeurs verliezen daardoor werk.",
                      artikelen="art. 111", getroffen="Beroepschauffeurs en leerlingen",
                      voorstel="Zet gepensioneerde examinatoren tijdelijk in.")


def test_rangschik_puts_the_same_problem_first():
    doel = "Terugvordering van het WIA-voorschot in één keer brengt mensen met schulden in de problemen"
    kandidaten = [("rijexamen", ANDER_PROBLEEM["praktijk"]),
                  ("wia", "Het voorschot op de WIA-uitkering wordt ineens teruggevorderd; schulden lopen op"),
                  ("leeg", "de het een")]
    uitkomst = gelijkenis.rangschik(doel, kandidaten)
    assert [s.object for s in uitkomst] == ["wia"]  # the unrelated and stopword-only texts fall below the minimum
    assert 0 < uitkomst[0].gelijkenis <= 1


WOORDEN = ["voorschot", "terugvordering", "schulden", "uitkering", "rijexamen", "examinator", "wachttijd",
           "beslagvrije", "voet", "termijn", "gemeente", "toeslag", "herstel", "brief", "bezwaar", "de", "en"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(WOORDEN), max_size=8),
                          st.lists(st.lists(st.sampled_from(WOORDEN), max_size=12), max_size=6)),
                min_size=1, max_size=4))
def test_rangschik_elk_ranks_as_rangschik_per_question(vragen):
    vragen = [(" ".join(doel), [(i, " ".join(k)) for i, k in enumerate(kandidaten)]) for doel, kandidaten in vragen]
    samen = gelijkenis.rangschik_elk(vragen, limiet=10)
    for (doel, kandidaten), uitkomst in zip(vragen, samen):
        los = gelijkenis.rangschik(doel, kandidaten, limiet=10)
        assert [s.gelijkenis for s in uitkomst] == pytest.approx([s.gelijkenis for s in los], abs=1e-9)
        # Equal scores may come in another order only if they are equal to the last bit.
        assert sorted(s.object for s in uitkomst) == sorted(s.object for s in los)


def test_rangschik_stems_dutch_inflections():
    # 'terugvorderingen'/'teruggevorderd' and 'voorschotten'/'voorschot' share Snowball stems.
    uitkomst = gelijkenis.rangschik("terugvorderingen van voorschotten", [("a", "voorschot terugvordering"),
                                                                         ("b", "examen rijbewijs")])
    assert [s.object for s in uitkomst] == ["a"]


def test_suggestions_for_a_knelpunt_rank_similar_unbundled_signals(wereld, gemeente, dien_in, maak_knelpunt):
    eerste = dien_in(wereld.melder_uwv)
    gelijk = dien_in(wereld.melder_gemeente, titel="WIA-voorschot moet ineens terug, gezinnen met schulden klem")
    anders = dien_in(wereld.melder_gemeente, **ANDER_PROBLEEM)
    knelpunt = maak_knelpunt(eerste)
    suggesties = selecties.suggesties(knelpunt, wereld.behandelaar_szw)
    assert [s.object for s in suggesties][:1] == [gelijk]
    assert anders not in [s.object for s in suggesties]
    assert eerste not in [s.object for s in suggesties]  # already bundled


def test_knelpunten_for_a_signal(wereld, gemeente, dien_in, maak_knelpunt):
    knelpunt = maak_knelpunt(dien_in(wereld.melder_uwv))
    nieuw = dien_in(wereld.melder_gemeente)
    assert [s.object for s in selecties.knelpunten_voor(nieuw)] == [knelpunt]
    rijexamen = dien_in(wereld.melder_gemeente, **ANDER_PROBLEEM)
    assert selecties.knelpunten_voor(rijexamen) == []


def test_knelpunten_for_each_signal_rank_as_for_one_signal(wereld, gemeente, dien_in, maak_knelpunt):
    """The list page ranks many signals at once, analysing each knelpunt's text once: the same
    suggestions and similarities as asking per signal."""
    wia = maak_knelpunt(dien_in(wereld.melder_uwv))
    maak_knelpunt(dien_in(wereld.melder_gemeente, **ANDER_PROBLEEM), titel="Tekort aan examinatoren")
    signalen = [dien_in(wereld.melder_gemeente), dien_in(wereld.melder_uwv, titel="Voorschot ineens terug"),
                dien_in(wereld.melder_gemeente, **ANDER_PROBLEEM)]
    samen = selecties.knelpunten_voor_elk(signalen, limiet=5)
    assert [s for s, _ in samen] == signalen
    for signaal, suggesties in samen:
        los = selecties.knelpunten_voor(signaal, limiet=5)
        assert [k.object for k in suggesties] == [k.object for k in los]
        assert [k.gelijkenis for k in suggesties] == pytest.approx([k.gelijkenis for k in los], abs=1e-12)
    assert [k.object for k in samen[0][1]][:1] == [wia]


def test_create_records_audit_and_takes_regulation_owner_and_committee(wereld, dien_in, maak_knelpunt):
    signaal = dien_in(wereld.melder_uwv)
    knelpunt = maak_knelpunt(signaal)
    assert knelpunt.regeling == wereld.wia and knelpunt.eigenaar == wereld.szw
    assert knelpunt.kamercommissie == wereld.cie_szw and knelpunt.artikelen == "art. 35"
    assert list(knelpunt.signalen.all()) == [signaal]
    acties = set(Gebeurtenis.objects.filter(object_id=str(knelpunt.pk), object_type="knelpunten.knelpunt")
                 .values_list("actie", flat=True))
    assert acties == {"knelpunt_aangemaakt", "gebundeld"}
    assert Gebeurtenis.objects.filter(signaal=signaal, actie="gebundeld").exists()  # on the signal's timeline


@pytest.mark.parametrize("gebruiker", ["melder_uwv", "griffie_szw", "behandelaar_ienw", "minister_szw"])
def test_only_the_owners_handlers_create(wereld, dien_in, gebruiker):
    signaal = dien_in(wereld.melder_uwv)
    with pytest.raises(PermissionDenied):
        services.maak(actor=getattr(wereld, gebruiker), signalen=[signaal], titel="Titel",
                      beleidsbetekenis="x" * 100)


def test_policy_meaning_is_required_plain_and_free_of_personal_data(wereld, dien_in, maak_knelpunt):
    signaal = dien_in(wereld.melder_uwv)
    with pytest.raises(ValidationError) as fout:
        maak_knelpunt(signaal, beleidsbetekenis="Te kort.")
    assert "beleidsbetekenis" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        maak_knelpunt(signaal, beleidsbetekenis="Mevrouw met BSN 111222333 kreeg een terugvordering die haar in de "
                                                "schulden bracht; dat raakt duizenden mensen in dezelfde situatie.")
    assert "beleidsbetekenis" in fout.value.message_dict
    assert not Bundeling.objects.exists()


def test_confirm_suggestion_adds_with_similarity_and_a_signal_joins_one_knelpunt(wereld, gemeente, dien_in,
                                                                                 maak_knelpunt):
    knelpunt = maak_knelpunt(dien_in(wereld.melder_uwv))
    tweede = dien_in(wereld.melder_gemeente)
    bundeling = services.voeg_toe(knelpunt, tweede, actor=wereld.behandelaar_szw)
    assert bundeling.gelijkenis > 0.5
    with pytest.raises(ValidationError):
        services.voeg_toe(knelpunt, tweede, actor=wereld.behandelaar_szw)
    with pytest.raises(ValidationError):
        maak_knelpunt(tweede)
    with pytest.raises(PermissionDenied):
        services.voeg_toe(knelpunt, dien_in(wereld.melder_uwv), actor=wereld.melder_uwv)


def test_cannot_add_a_signal_about_another_ministrys_regulation(wereld, dien_in, maak_knelpunt):
    knelpunt = maak_knelpunt(dien_in(wereld.melder_uwv))
    cbr = dien_in(wereld.melder_cbr, regeling=wereld.wvw, **ANDER_PROBLEEM)
    with pytest.raises(PermissionDenied):
        services.voeg_toe(knelpunt, cbr, actor=wereld.behandelaar_szw)


def test_split_moves_signals_to_a_new_knelpunt(wereld, gemeente, dien_in, maak_knelpunt):
    a, b, c = dien_in(wereld.melder_uwv), dien_in(wereld.melder_gemeente), dien_in(wereld.behandelaar_svb)
    knelpunt = maak_knelpunt(a, b, c)
    nieuw = services.splits(knelpunt, [c], actor=wereld.behandelaar_szw, titel="Ander probleem",
                            beleidsbetekenis="B" * 90)
    assert set(knelpunt.signalen.all()) == {a, b} and list(nieuw.signalen.all()) == [c]
    assert Gebeurtenis.objects.filter(actie="knelpunt_gesplitst", object_id=str(knelpunt.pk)).exists()
    with pytest.raises(ValidationError):  # the original keeps at least one signal
        services.splits(knelpunt, [a, b], actor=wereld.behandelaar_szw, titel="X", beleidsbetekenis="B" * 90)
    with pytest.raises(ValidationError):  # not a member
        services.splits(knelpunt, [c], actor=wereld.behandelaar_szw, titel="X", beleidsbetekenis="B" * 90)
    with pytest.raises(PermissionDenied):
        services.splits(knelpunt, [b], actor=wereld.melder_uwv, titel="X", beleidsbetekenis="B" * 90)


def test_figures_count_citizens_once_per_organisation(wereld, gemeente, dien_in, maak_knelpunt):
    signalen = [dien_in(wereld.melder_uwv, aantal=1000), dien_in(wereld.bestuur_uwv, aantal=1500),
                dien_in(wereld.melder_gemeente, aantal=200), dien_in(wereld.melder_gemeente)]
    knelpunt = maak_knelpunt(*signalen)
    c = cijfers.bereken(knelpunt.signalen.all())
    assert c.signalen == 4
    assert c.organisaties == ["Gemeente Utrecht", "Uitvoeringsinstituut Werknemersverzekeringen"]
    assert c.burgers == 1500 + 200  # UWV's largest estimate plus Utrecht's, not 2700
    assert c.beantwoord == 0 and c.open_toezeggingen == 0


def test_figures_follow_answers_and_commitments(wereld, dien_in, maak_knelpunt):
    import datetime as dt

    from schakel.signalen.services import NieuweToezegging, reageer

    signaal = dien_in(wereld.melder_uwv)
    knelpunt = maak_knelpunt(signaal)
    reageer(signaal, actor=wereld.behandelaar_szw, besluit="overnemen", toelichting_tekst="We passen dit aan.",
            toezeggingen=[NieuweToezegging("Regeling in termijnen", "Directie Uitvoering", dt.date(2026, 6, 1))])
    c = cijfers.bereken(knelpunt.signalen.all())
    assert (c.beantwoord, c.overgenomen, c.open_toezeggingen) == (1, 1, 1)


def test_figures_for_many_knelpunten_equal_figures_per_knelpunt(wereld, gemeente, dien_in, maak_knelpunt):
    """The open-data export computes the figures of all knelpunten in a few queries: the same
    figures as ``bereken`` over each knelpunt's published signals."""
    import datetime as dt

    from schakel.signalen.services import NieuweToezegging, reageer

    eerste = [dien_in(wereld.melder_uwv, aantal=1000), dien_in(wereld.bestuur_uwv, aantal=1500),
              dien_in(wereld.melder_gemeente, aantal=200), dien_in(wereld.melder_gemeente, openbaar=False)]
    tweede = [dien_in(wereld.melder_gemeente, **ANDER_PROBLEEM), dien_in(wereld.melder_uwv, aantal=7)]
    reageer(eerste[0], actor=wereld.behandelaar_szw, besluit="overnemen", toelichting_tekst="We passen dit aan.",
            toezeggingen=[NieuweToezegging("Regeling in termijnen", "Directie Uitvoering", dt.date(2026, 6, 1))])
    reageer(eerste[0], actor=wereld.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=GOEDE_UITLEG)
    reageer(tweede[1], actor=wereld.behandelaar_szw, besluit="overnemen", toelichting_tekst="Doen we.",
            toezeggingen=[NieuweToezegging("Meer examinatoren", "Directie Uitvoering", dt.date(2026, 9, 1))])
    knelpunten = [maak_knelpunt(*eerste), maak_knelpunt(*tweede, titel="Tekort aan examinatoren"),
                  maak_knelpunt(dien_in(wereld.melder_uwv, openbaar=False), titel="Alleen intern")]
    samen = cijfers.bereken_per_knelpunt([k.pk for k in knelpunten])
    for knelpunt in knelpunten:
        assert samen[knelpunt.pk] == cijfers.bereken(knelpunt.signalen.filter(openbaar=True))
    assert samen[knelpunten[0].pk].burgers == 1500 + 200 and samen[knelpunten[2].pk].signalen == 0
    assert cijfers.bereken_per_knelpunt([knelpunten[0].pk], alleen_openbaar=False)[knelpunten[0].pk] == \
        cijfers.bereken(knelpunten[0].signalen.all())


def test_article_ranking():
    assert selecties.artikelen_in("art. 35 lid 2; artikel 36a en Art.35") == ["35", "36a"]


def test_article_ranking_counts_signals(wereld, dien_in):
    dien_in(wereld.melder_uwv, artikelen="art. 35 lid 2")
    dien_in(wereld.melder_uwv, artikelen="art. 35; art. 36")
    dien_in(wereld.melder_uwv, artikelen="art. 36")
    dien_in(wereld.melder_uwv, artikelen="art. 12")
    assert selecties.artikelranglijst(Signaal.objects.all()) == [("35", 2), ("36", 2), ("12", 1)]
