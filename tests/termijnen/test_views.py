"""Pages: the term page, extending a term (form errors in Dutch), the overdue overview, the template tags."""

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.test import Client, RequestFactory

from schakel.signalen import services as signalen
from schakel.signalen.services import NieuweToezegging
from schakel.termijnen import sweep
from schakel.termijnen.models import Termijn

D = dt.date
REDEN = "De uitvoeringsgegevens over 2025 zijn nodig en komen in mei beschikbaar."


def ingelogd(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


def tekst(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_term_page_shows_the_computation_and_the_ladder_ahead(signaal, wereld):
    response = Client().get(f"/signalen/{signaal.uuid}/termijn")
    assert response.status_code == 200
    inhoud = tekst(response)
    assert "Termijn loopt tot 24 april 2026 (nog 30 werkdagen)." in inhoud
    assert "feestdagen niet meegeteld: Goede vrijdag (03-04-2026), Tweede paasdag (06-04-2026)" in inhoud
    assert "De ambtelijke top (DG/SG) van Ministerie van Sociale Zaken en Werkgelegenheid" in inhoud
    assert "De bewindspersoon van Ministerie van Sociale Zaken" in inhoud
    assert "De vaste commissie voor Sociale Zaken" in inhoud


def test_term_page_of_an_invisible_signal_is_404(wereld):
    verborgen = signalen.dien_in(indiener=wereld.melder_uwv, titel="Besloten signaal", praktijk="Intern. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                                 getroffen_burgers="Niemand in de uitvoering", regeling=wereld.wia, openbaar=False)
    assert Client().get(f"/signalen/{verborgen.uuid}/termijn").status_code == 404
    assert ingelogd(wereld.behandelaar_ienw).get(f"/signalen/{verborgen.uuid}/termijn").status_code == 404
    assert ingelogd(wereld.behandelaar_szw).get(f"/signalen/{verborgen.uuid}/termijn").status_code == 200
    assert Client().get("/signalen/00000000-0000-0000-0000-000000000000/termijn").status_code == 404


def test_extension_form_happy_path(signaal, wereld):
    client = ingelogd(wereld.behandelaar_szw, enforce_csrf_checks=False)
    pagina = client.get(f"/signalen/{signaal.uuid}/termijn-verlengen")
    assert pagina.status_code == 200
    assert "uiterlijk tot vrijdag 29 mei 2026" in tekst(pagina)
    response = client.post(f"/signalen/{signaal.uuid}/termijn-verlengen", {"tot": "2026-05-20", "reden": REDEN})
    assert response.status_code == 302 and response["Location"] == f"/signalen/{signaal.uuid}"
    assert Termijn.objects.get(signaal=signaal).uiterste_datum == D(2026, 5, 20)
    assert ("De termijn is verlengd tot 20 mei 2026. De reden staat openbaar bij het signaal."
            in tekst(client.get(response["Location"])))
    # A second time: the page explains why not, and a POST is refused.
    assert "Verlengen kan maar één keer" in tekst(client.get(f"/signalen/{signaal.uuid}/termijn-verlengen"))
    response = client.post(f"/signalen/{signaal.uuid}/termijn-verlengen", {"tot": "2026-05-22", "reden": REDEN})
    assert response.status_code == 400
    assert Termijn.objects.get(signaal=signaal).uiterste_datum == D(2026, 5, 20)


@pytest.mark.parametrize("gegevens, melding", [
    ({"tot": "2026-05-20", "reden": ""}, "Geef een reden voor de verlenging"),
    ({"tot": "", "reden": REDEN}, "Kies de nieuwe uiterste datum."),
    ({"tot": "morgen", "reden": REDEN}, "Vul een geldige datum in"),
    ({"tot": "2026-06-30", "reden": REDEN}, "Verlengen kan met ten hoogste 20 werkdagen: uiterlijk tot 29-05-2026."),
    ({"tot": "2026-03-01", "reden": REDEN}, "De datum 01-03-2026 ligt in het verleden."),
    ({"tot": "14-05-2026", "reden": REDEN}, "14-05-2026 is geen werkdag (Hemelvaartsdag)"),
    ({"tot": "2026-05-20", "reden": "Te druk"}, "ten minste 20 tekens"),
])
def test_extension_form_errors_are_shown_in_dutch(signaal, wereld, gegevens, melding):
    response = ingelogd(wereld.behandelaar_szw).post(f"/signalen/{signaal.uuid}/termijn-verlengen", gegevens)
    assert response.status_code == 200  # as every form answers a submit with errors
    assert melding in tekst(response)
    assert "Er is een probleem" in tekst(response)
    assert not Termijn.objects.get(signaal=signaal).is_verlengd


def test_extension_service_errors_land_on_their_field_or_on_the_form(signaal, wereld, monkeypatch):
    """What the service refuses comes back (200) with the message on the field it names, or
    above the form when it names no field of the form; nothing changes."""
    from django.core.exceptions import ValidationError

    from schakel.termijnen import services

    url = f"/signalen/{signaal.uuid}/termijn-verlengen"
    def weiger(*args, **kwargs):
        raise ValidationError({"reden": "De reden moet over dit signaal gaan.",
                               "termijn": "De termijn is intussen afgelopen."})

    monkeypatch.setattr(services, "verleng", weiger)
    response = ingelogd(wereld.behandelaar_szw).post(url, {"tot": "2026-05-20", "reden": REDEN})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["reden"] == ["De reden moet over dit signaal gaan."]
    assert form.non_field_errors() == ["De termijn is intussen afgelopen."]
    assert "De termijn is intussen afgelopen." in tekst(response)
    assert not Termijn.objects.get(signaal=signaal).is_verlengd


def test_extension_permissions(signaal, wereld):
    url = f"/signalen/{signaal.uuid}/termijn-verlengen"
    assert Client().get(url).status_code == 302  # to the login page
    assert ingelogd(wereld.behandelaar_svb).get(url).status_code == 403
    assert ingelogd(wereld.behandelaar_svb).post(url, {"tot": "2026-05-20", "reden": REDEN}).status_code == 403
    assert not Termijn.objects.get(signaal=signaal).is_verlengd


def test_extension_needs_csrf(signaal, wereld):
    client = ingelogd(wereld.behandelaar_szw, enforce_csrf_checks=True)
    response = client.post(f"/signalen/{signaal.uuid}/termijn-verlengen", {"tot": "2026-05-20", "reden": REDEN})
    assert response.status_code == 403
    assert not Termijn.objects.get(signaal=signaal).is_verlengd


def test_overview_lists_overdue_signals_and_commitments(signaal, wereld, ga_naar):
    ander = signalen.dien_in(indiener=wereld.melder_cbr, titel="Rijbewijskeuring duurt te lang",
                             praktijk="Wachttijden. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.", getroffen_burgers="75-plussers", regeling=wereld.wvw)
    signalen.reageer(ander, actor=wereld.behandelaar_ienw, besluit="overnemen", toelichting_tekst="We doen het.",
                     toezeggingen=[NieuweToezegging("Extra keuringsartsen inhuren", "CBR", D(2026, 4, 1))])
    ga_naar(D(2026, 4, 28))
    sweep.run_sweep()
    inhoud = tekst(Client().get("/termijnen"))
    assert "1 signaal te laat" in inhoud
    assert "Termijn overschreden, 1 werkdag te laat, geëscaleerd naar de ambtelijke top (DG/SG)" in inhoud
    assert "Extra keuringsartsen inhuren" in inhoud and "Verlopen, 16 werkdagen te laat" in inhoud
    inhoud = tekst(Client().get("/termijnen?eigenaar=ienw"))
    assert "0 signalen te laat" in inhoud and "Extra keuringsartsen inhuren" in inhoud
    inhoud = tekst(Client().get("/termijnen?commissie=cie-szw"))
    assert "1 signaal te laat" in inhoud and "Extra keuringsartsen" not in inhoud
    fout = Client().get("/termijnen?eigenaar=bestaat-niet")
    assert fout.status_code == 200 and "Kies een organisatie uit de lijst." in tekst(fout)


def render(sjabloon, **context):
    request = RequestFactory().get("/")
    request.user = context.pop("user", None) or __import__(
        "django.contrib.auth.models", fromlist=["AnonymousUser"]).AnonymousUser()
    return re.sub(r"\s+", " ", Template("{% load termijnen_tags %}" + sjabloon).render(
        Context({"request": request, **context})))


def test_status_tag_shows_running_extended_and_overdue(signaal, wereld, ga_naar):
    assert "Termijn loopt tot 24 april 2026 (nog 30 werkdagen)." in render("{% termijnstatus s %}", s=signaal)
    html = render("{% termijnstatus s %}", s=signaal, user=wereld.behandelaar_szw)
    assert f'href="/signalen/{signaal.uuid}/termijn-verlengen"' in html
    assert "termijn-verlengen" not in render("{% termijnstatus s %}", s=signaal, user=wereld.behandelaar_svb)
    ga_naar(D(2026, 4, 28))
    html = render("{% termijnstatus s %}", s=signaal)
    assert "Termijn overschreden, 1 werkdag te laat; wordt geëscaleerd naar de volgende trede." in html
    sweep.run_sweep()
    signaal.refresh_from_db()
    html = render("{% termijnstatus s %}", s=signaal)
    assert "geëscaleerd naar de ambtelijke top (DG/SG) van Ministerie van Sociale Zaken" in html
    assert "niet op tijd, geëscaleerd" in html


def test_short_label_needs_no_queries(signaal, django_assert_num_queries, ga_naar):
    with django_assert_num_queries(0):
        assert "Reageren uiterlijk 24 april 2026" in render("{% termijn_kort s %}", s=signaal)
    ga_naar(D(2026, 4, 29))
    with django_assert_num_queries(0):
        assert "Termijn overschreden, 2 werkdagen te laat" in render("{% termijn_kort s %}", s=signaal)


def test_overdue_commitments_tag_for_organisation_and_committee(signaal, wereld, ga_naar):
    signalen.reageer(signaal, actor=wereld.behandelaar_szw, besluit="overnemen", toelichting_tekst="We doen het.",
                     toezeggingen=[NieuweToezegging("Regeling aanpassen", "Directie", D(2026, 4, 1))])
    ga_naar(D(2026, 4, 2))
    assert "Regeling aanpassen" in render("{% verlopen_toezeggingen organisatie=o %}", o=wereld.szw)
    assert "Regeling aanpassen" in render("{% verlopen_toezeggingen commissie=c %}", c=wereld.cie_szw)
    assert "Geen verlopen toezeggingen" in render("{% verlopen_toezeggingen organisatie=o %}", o=wereld.ienw)
    assert "Geen verlopen toezeggingen" in render("{% verlopen_toezeggingen commissie=c %}", c=wereld.cie_ienw)


def test_overdue_commitments_tag_shows_the_oldest_and_caps_the_count(signaal, wereld, ga_naar, monkeypatch):
    """An organisation may have thousands of overdue commitments: the tag shows the oldest few and
    counts on only up to the lists' cap ("meer dan")."""
    from schakel.termijnen.templatetags import termijnen_tags

    signalen.reageer(signaal, actor=wereld.behandelaar_szw, besluit="overnemen", toelichting_tekst="We doen het.",
                     toezeggingen=[NieuweToezegging(f"Toezegging {i}", "Directie", D(2026, 4, 1 + i))
                                   for i in range(4)])
    ga_naar(D(2026, 4, 20))
    monkeypatch.setattr(termijnen_tags, "MAX_TOEZEGGINGEN", 2)
    monkeypatch.setattr(termijnen_tags, "MAX_EXACT_GETELD", 3)
    html = render("{% verlopen_toezeggingen organisatie=o %}", o=wereld.szw)
    assert "Toezegging 0" in html and "Toezegging 1" in html and "Toezegging 2" not in html
    assert "(meer dan 3)" in html and "De 2 oudste van meer dan 3 worden getoond." in html
    monkeypatch.setattr(termijnen_tags, "MAX_EXACT_GETELD", 4)
    html = render("{% verlopen_toezeggingen organisatie=o %}", o=wereld.szw)
    assert "(4)" in html and "De 2 oudste van 4 worden getoond." in html


def test_admin_pages_load(signaal, admin_client):
    for url in ("/beheer/termijnen/termijn/", "/beheer/termijnen/termijninstelling/",
                "/beheer/termijnen/termijninstelling/add/", "/beheer/notificaties/melding/",
                "/beheer/notificaties/emailvoorkeur/"):
        assert admin_client.get(url).status_code == 200, url
    termijn = Termijn.objects.get(signaal=signaal)
    assert admin_client.post(f"/beheer/termijnen/termijn/{termijn.pk}/change/", {}).status_code == 403


def test_an_empty_extension_submit_is_answered_like_every_other_form(signaal, wereld):
    client = ingelogd(wereld.behandelaar_szw)
    verlengen = client.post(f"/signalen/{signaal.uuid}/termijn-verlengen", {})
    reageren = client.post(f"/signalen/{signaal.uuid}/reageren", {})
    assert verlengen.status_code == reageren.status_code == 200
    assert "Er is een probleem" in tekst(verlengen) or "Er zijn" in tekst(verlengen)
