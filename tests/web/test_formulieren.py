"""Filing, answering, forwarding and keeping commitments through the forms; Dutch errors."""

from __future__ import annotations

import pytest
from django.urls import reverse

from schakel.audit.models import Gebeurtenis
from schakel.signalen.models import Oorzaak, Reactie, Signaal
from tests.conftest import GOEDE_UITLEG

from .html import element_met_id, zichtbare_tekst

pytestmark = pytest.mark.django_db


def _signaal_post(wereld, **extra):
    data = {
        "titel": "Wachttijd keuring rijbewijs te lang voor ouderen",
        "praktijk": "Ouderen die hun rijbewijs willen verlengen wachten maanden op een keuring en mogen "
                    "ondertussen niet rijden.",
        "getroffen_burgers": "Bestuurders van 75 jaar en ouder",
        "aantal_getroffen": "40000",
        "regeling": str(wereld.wvw.pk),
        "artikelen": "art. 111",
        "verbetervoorstel": "Verleng het rijbewijs automatisch zolang de keuring loopt.",
        "oorzaken": [str(o.pk) for o in Oorzaak.objects.filter(code__in=["complexe-regels", "geen-evaluatie"])],
        "openbaar": "on",
    }
    data.update(extra)
    return data


def _reactie_post(besluit="niet_overnemen", toelichting=GOEDE_UITLEG, rijen=(), **extra):
    data = {"besluit": besluit, "toelichting": toelichting, "niveau": "ambtelijk", "ondertekend_door": "",
            "toezeggingen-TOTAL_FORMS": str(max(3, len(rijen))), "toezeggingen-INITIAL_FORMS": "0"}
    for i, (omschrijving, eigenaar, uiterlijk) in enumerate(rijen):
        data[f"toezeggingen-{i}-omschrijving"] = omschrijving
        data[f"toezeggingen-{i}-eigenaar"] = eigenaar
        data[f"toezeggingen-{i}-uiterlijk"] = uiterlijk
    data.update(extra)
    return data


def _fouten(response) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Fout: " in html
    assert 'data-foutsamenvatting' in html
    return html


# --- Filing ---------------------------------------------------------------------------------------

def test_filing_a_signal_routes_it_and_says_where_it_went(client_voor, wereld):
    client = client_voor(wereld.melder_cbr)
    response = client.post(reverse("web:signaal-nieuw"), _signaal_post(wereld), follow=True)
    signaal = Signaal.objects.get()
    assert response.redirect_chain[-1][0] == reverse("web:signaal", args=[signaal.uuid])
    tekst = zichtbare_tekst(response.content.decode())
    assert ("Uw signaal is ingediend en doorgestuurd naar Ministerie van Infrastructuur en Waterstaat; "
            "uiterste reactiedatum 24 april 2026.") in tekst
    assert signaal.indienende_organisatie == wereld.cbr
    assert signaal.indiener == wereld.melder_cbr
    assert signaal.eigenaar == wereld.ienw
    assert signaal.aantal_getroffen == 40000
    assert signaal.openbaar is True
    assert set(signaal.oorzaken.values_list("code", flat=True)) == {"complexe-regels", "geen-evaluatie"}
    assert "Complexe wet- en regelgeving" in tekst


def test_unticked_public_box_files_a_closed_signal(client_voor, wereld):
    data = _signaal_post(wereld)
    del data["openbaar"]
    client_voor(wereld.melder_cbr).post(reverse("web:signaal-nieuw"), data)
    assert Signaal.objects.get().openbaar is False


def test_missing_fields_are_named_in_dutch_with_links_to_the_fields(client_voor, wereld):
    response = client_voor(wereld.melder_uwv).post(reverse("web:signaal-nieuw"), {})
    html = _fouten(response)
    for anker, melding in [("id_titel", "Geef het signaal een titel."),
                           ("id_praktijk", "Beschrijf wat er in de praktijk gebeurt."),
                           ("id_getroffen_burgers", "Beschrijf welke burgers worden geraakt.")]:
        assert f'<a href="#{anker}">{melding}</a>' in html
        tag, attrs = element_met_id(html, anker)
        assert attrs.get("aria-invalid") == "true"
        assert f"{anker}_error" in attrs["aria-describedby"]
    assert "Er zijn 3 problemen" in html  # the regulation is optional: routing by text suggests an owner
    assert not Signaal.objects.exists()


def test_bad_number_and_unknown_regulation_and_cause(client_voor, wereld):
    data = _signaal_post(wereld, aantal_getroffen="veel", regeling="999999", oorzaken=["abc"])
    html = _fouten(client_voor(wereld.melder_uwv).post(reverse("web:signaal-nieuw"), data))
    assert "Vul een getal in, zonder punten of letters." in html
    assert "Kies een regeling uit de lijst." in html
    assert "Kies oorzaken uit de lijst." in html
    assert '<a href="#id_oorzaken_0">' in html  # a checkbox group links to its first box
    assert not Signaal.objects.exists()


def test_values_are_kept_after_an_error(client_voor, wereld):
    data = _signaal_post(wereld, titel="")
    html = _fouten(client_voor(wereld.melder_uwv).post(reverse("web:signaal-nieuw"), data))
    assert "Ouderen die hun rijbewijs willen verlengen" in html
    assert f'value="{wereld.wvw.pk}" selected' in html
    assert html.count("checked") == 3  # two causes and 'openbaar'


def test_personal_data_is_refused_on_the_field_that_holds_it(client_voor, wereld):
    data = _signaal_post(wereld, praktijk="Mevrouw met BSN 111222333 kreeg een brief die ze niet begreep. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                         verbetervoorstel="Mail de klant op j.jansen@example.nl.")
    html = _fouten(client_voor(wereld.melder_uwv).post(reverse("web:signaal-nieuw"), data))
    assert '<a href="#id_praktijk">Verwijder het burgerservicenummer (BSN)' in html
    assert '<a href="#id_verbetervoorstel">Verwijder het e-mailadres' in html
    assert element_met_id(html, "id_praktijk")[1].get("aria-invalid") == "true"
    assert not Signaal.objects.exists()


# --- Answering ------------------------------------------------------------------------------------

def test_explain_answer_is_saved_and_shown(client_voor, signaal, wereld):
    client = client_voor(wereld.behandelaar_szw)
    response = client.post(reverse("web:reageren", args=[signaal.uuid]), _reactie_post(), follow=True)
    assert response.redirect_chain[-1][0] == reverse("web:signaal", args=[signaal.uuid])
    reactie = Reactie.objects.get()
    assert reactie.besluit == "niet_overnemen" and reactie.auteur == wereld.behandelaar_szw
    tekst = zichtbare_tekst(response.content.decode())
    assert "Uw reactie is opgeslagen" in tekst
    assert "Niet overgenomen, met reden" in tekst


def test_short_explain_is_refused_in_dutch_on_the_toelichting(client_voor, signaal, wereld):
    response = client_voor(wereld.behandelaar_szw).post(
        reverse("web:reageren", args=[signaal.uuid]), _reactie_post(toelichting="Geen aanleiding."))
    html = _fouten(response)
    assert '<a href="#id_toelichting">De reden is te kort (16 tekens).' in html
    assert 'id="id_toelichting_error"' in html
    assert not Reactie.objects.exists()


def test_comply_without_commitment_is_refused(client_voor, signaal, wereld):
    response = client_voor(wereld.behandelaar_szw).post(
        reverse("web:reageren", args=[signaal.uuid]),
        _reactie_post(besluit="overnemen", toelichting="We passen de regel aan."))
    html = _fouten(response)
    assert '<a href="#toezeggingen">Wie overneemt, zegt toe wat er gebeurt' in html
    assert 'id="toezeggingen-fout"' in html
    assert not Reactie.objects.exists()


def test_commitment_errors_land_on_the_right_row_and_field(client_voor, signaal, wereld):
    # Row 1 is empty and skipped; row 2 has a past date; row 3 lacks 'door wie'.
    rijen = [("", "", ""), ("Brief aanpassen", "Directie Uitvoering", "2026-03-01"),
             ("Beleidsregel aanpassen", "", "2026-06-01")]
    response = client_voor(wereld.behandelaar_szw).post(
        reverse("web:reageren", args=[signaal.uuid]),
        _reactie_post(besluit="overnemen", toelichting="We passen brief en regel aan.", rijen=rijen))
    html = _fouten(response)
    assert ('<a href="#id_toezeggingen-1-uiterlijk">Toezegging 2: De datum 01-03-2026 ligt in het verleden; '
            'kies vandaag of later.</a>') in html
    assert ('<a href="#id_toezeggingen-2-eigenaar">Toezegging 3: Vul in wie dit doet (afdeling of functie).</a>'
            in html)
    assert element_met_id(html, "id_toezeggingen-1-uiterlijk")[1].get("aria-invalid") == "true"
    assert element_met_id(html, "id_toezeggingen-0-uiterlijk")[1].get("aria-invalid") is None
    # What the user typed is still there.
    assert "Beleidsregel aanpassen" in html
    assert not Reactie.objects.exists()


def test_invalid_date_is_a_form_error_not_a_crash(client_voor, signaal, wereld):
    response = client_voor(wereld.behandelaar_szw).post(
        reverse("web:reageren", args=[signaal.uuid]),
        _reactie_post(besluit="overnemen", toelichting="x", rijen=[("Iets", "Iemand", "31-02-2026")]))
    html = _fouten(response)
    assert "Toezegging 1: Vul een geldige datum in, bijvoorbeeld 31-12-2026." in html


def test_comply_with_commitments_in_dutch_date_format(client_voor, signaal, wereld):
    rijen = [("Beleidsregel aanpassen", "Directie Uitvoering", "30-04-2026"), ("", "", ""),
             ("Brief herschrijven", "Team Communicatie", "2026-05-15")]
    response = client_voor(wereld.behandelaar_szw).post(
        reverse("web:reageren", args=[signaal.uuid]),
        _reactie_post(besluit="overnemen", toelichting="We passen regel en brief aan.", rijen=rijen))
    assert response.status_code == 302
    reactie = Reactie.objects.get()
    assert [(t.omschrijving, t.uiterlijk.isoformat()) for t in reactie.toezeggingen.order_by("uiterlijk")] == [
        ("Beleidsregel aanpassen", "2026-04-30"), ("Brief herschrijven", "2026-05-15")]


def test_missing_decision_and_toelichting(client_voor, signaal, wereld):
    response = client_voor(wereld.behandelaar_szw).post(
        reverse("web:reageren", args=[signaal.uuid]), _reactie_post(besluit="", toelichting=""))
    html = _fouten(response)
    assert '<a href="#id_besluit_0">Kies of u het voorstel overneemt (comply) of niet overneemt (explain).</a>' in html
    assert '<a href="#id_toelichting">Vul de toelichting in.</a>' in html


def test_political_answer_needs_a_signatory(client_voor, signaal, wereld):
    response = client_voor(wereld.minister_szw).post(
        reverse("web:reageren", args=[signaal.uuid]), _reactie_post(niveau="politiek"))
    html = _fouten(response)
    assert '<a href="#id_ondertekend_door">Een politieke reactie wordt ondertekend door een bewindspersoon' in html
    response = client_voor(wereld.minister_szw).post(
        reverse("web:reageren", args=[signaal.uuid]),
        _reactie_post(niveau="politiek", ondertekend_door="De minister van SZW"))
    assert response.status_code == 302
    tekst = zichtbare_tekst(client_voor(wereld.minister_szw).get(
        reverse("web:signaal", args=[signaal.uuid])).content.decode())
    assert "Ondertekend door De minister van SZW" in tekst
    assert "Politiek (bewindspersoon)" in tekst


def test_missing_management_form_is_an_error_not_a_crash(client_voor, signaal, wereld):
    data = _reactie_post()
    del data["toezeggingen-TOTAL_FORMS"]
    response = client_voor(wereld.behandelaar_szw).post(reverse("web:reageren", args=[signaal.uuid]), data)
    assert response.status_code == 200
    assert not Reactie.objects.exists()


def test_revision_form_starts_from_the_current_answer(client_voor, uitgelegd_signaal, wereld):
    client = client_voor(wereld.behandelaar_szw)
    url = reverse("web:reageren", args=[uitgelegd_signaal.uuid])
    html = client.get(url).content.decode()
    assert "Reactie herzien" in html
    assert "de wet zelf schrijft verrekening voor" in html
    assert 'value="niet_overnemen" checked' in html
    response = client.post(url, _reactie_post(
        besluit="overnemen", toelichting="We nemen het toch over.",
        rijen=[("Wetsvoorstel aanpassen", "Directie Wetgeving", "2026-09-01")]), follow=True)
    assert "Uw herziene reactie is opgeslagen" in zichtbare_tekst(response.content.decode())
    assert list(Reactie.objects.values_list("versie", "besluit")) == [(1, "niet_overnemen"), (2, "overnemen")]


# --- Forwarding and keeping commitments ----------------------------------------------------------

def test_forwarding_needs_a_reason_and_an_organisation(client_voor, signaal, wereld):
    client = client_voor(wereld.behandelaar_szw)
    url = reverse("web:doorsturen", args=[signaal.uuid])
    html = _fouten(client.post(url, {"naar": "", "reden": ""}))
    assert '<a href="#id_naar">Kies de organisatie waarnaar het signaal gaat.</a>' in html
    assert '<a href="#id_reden">Geef aan waarom het signaal bij een andere organisatie hoort.</a>' in html
    # The current owner is not offered.
    assert f'value="{wereld.szw.pk}"' not in html
    response = client.post(url, {"naar": wereld.ienw.pk, "reden": "Gaat over het rijbewijs."}, follow=True)
    signaal.refresh_from_db()
    assert signaal.eigenaar == wereld.ienw
    assert "Het signaal is doorgestuurd naar Ministerie van Infrastructuur en Waterstaat." in \
        zichtbare_tekst(response.content.decode())
    assert Gebeurtenis.objects.filter(signaal=signaal, actie="doorgestuurd").count() == 1


def test_forwarding_an_answered_signal_is_not_offered(client_voor, uitgelegd_signaal, wereld):
    assert client_voor(wereld.behandelaar_szw).get(
        reverse("web:doorsturen", args=[uitgelegd_signaal.uuid])).status_code == 403


def test_keeping_a_commitment(client_voor, overgenomen_signaal, wereld):
    client = client_voor(wereld.behandelaar_szw)
    toezegging = overgenomen_signaal.toezeggingen.get()
    url = reverse("web:toezegging-nakomen", args=[toezegging.uuid])
    html = _fouten(client.post(url, {"toelichting": "  "}))
    assert '<a href="#id_toelichting">Beschrijf wat er is gedaan.</a>' in html
    response = client.post(url, {"toelichting": "Beleidsregel is gepubliceerd."}, follow=True)
    assert "De toezegging staat nu op ‘nagekomen’." in zichtbare_tekst(response.content.decode())
    toezegging.refresh_from_db()
    assert toezegging.status == "nagekomen"
    # A second time: the page says it is done, also after a POST, which changes nothing.
    assert "Deze toezegging is al nagekomen" in client.get(url).content.decode()
    response = client.post(url, {"toelichting": "Nog een keer."})
    assert "Deze toezegging is al nagekomen" in response.content.decode()
    toezegging.refresh_from_db()
    assert toezegging.toelichting_nakoming == "Beleidsregel is gepubliceerd."


@pytest.mark.parametrize("getypt", ["gisteren", "31-02-2026", "2026-13-01"])
def test_a_wrong_date_in_a_list_filter_is_kept_and_explained(client, wereld, getypt):
    html = client.get(reverse("web:signalen"), {"van": getypt}).content.decode()
    assert f'type="text" name="van" value="{getypt}"' in html
    assert "Vul een geldige datum in" in html


def test_a_date_typed_the_dutch_way_stays_in_the_date_picker(client, wereld):
    html = client.get(reverse("web:signalen"), {"van": "31-12-2025"}).content.decode()
    assert 'type="date" name="van" value="2025-12-31"' in html
