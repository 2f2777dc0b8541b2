"""Comply or explain as named rules (signalen.antwoordregels), shared by signals and toetsen."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from schakel.core.fouten import Fouten
from schakel.signalen import antwoordregels, rechten
from schakel.signalen.services import NieuweToezegging

VANDAAG = dt.date(2026, 3, 11)


def regels(*toepassingen) -> dict:
    fouten = Fouten()
    for regel, *args in toepassingen:
        regel(fouten, *args)
    return fouten.als_dict()


def test_unknown_decision():
    assert regels((antwoordregels.besluit_is_bekend, "misschien")) == {
        "besluit": ["Kies 'overnemen' (comply) of 'niet_overnemen' (explain)."]}
    assert regels((antwoordregels.besluit_is_bekend, "overnemen")) == {}


def test_commitments_say_what_who_and_when():
    goed = NieuweToezegging("Regeling aanpassen", "Directie", VANDAAG)
    leeg = NieuweToezegging(" ", "", None)
    oud = NieuweToezegging("x", "y", VANDAAG - dt.timedelta(days=1))
    assert regels((antwoordregels.toezeggingen_compleet, [goed], VANDAAG)) == {}
    fouten = regels((antwoordregels.toezeggingen_compleet, [goed, leeg, oud], VANDAAG))
    assert set(fouten) == {"toezeggingen.1.omschrijving", "toezeggingen.1.eigenaar", "toezeggingen.1.uiterlijk",
                           "toezeggingen.2.uiterlijk"}
    assert "toezeggingen" in regels((antwoordregels.toezeggingen_compleet, [], VANDAAG))


def test_personal_data_is_checked_only_where_no_other_error_is_shown():
    fouten = Fouten()
    fouten.voeg_toe("toelichting", "Vat samen wat er gebeurt.")
    antwoordregels.zonder_persoonsgegevens(fouten, {"toelichting": "BSN 111222333",
                                                    "toezeggingen.0.eigenaar": "IBAN NL91ABNA0417164300"})
    d = fouten.als_dict()
    assert d["toelichting"] == ["Vat samen wat er gebeurt."]
    assert d["toezeggingen.0.eigenaar"]


def test_the_same_explain_rule_for_signals_and_toetsen():
    kort = regels((antwoordregels.uitleg_overtuigt, "Past niet.", []))
    assert kort["toelichting"]


def test_one_answer_check_one_message_on_every_path(signaal, wereld, client):
    with pytest.raises(PermissionDenied) as e:
        rechten.controleer_beantwoorden(wereld.behandelaar_svb, signaal)
    assert str(e.value) == rechten.MAG_NIET_BEANTWOORDEN
    client.force_login(wereld.behandelaar_svb)
    assert client.get(reverse("web:reageren", args=[signaal.uuid])).status_code == 403
