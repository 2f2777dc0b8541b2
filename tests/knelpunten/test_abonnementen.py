"""Following committees and organisations, next to regulations: the inbox and e-mail digest
tell followers when a knelpunt concerning what they follow reaches an agenda; each has an
Atom feed (validated with feedparser); web buttons, a list of one's subscriptions, an API."""

from __future__ import annotations

import feedparser
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import Client
from schakel.accounts import apitokens
from rest_framework.test import APIClient

from schakel.accounts.models import Rol, User
from schakel.audit.models import Gebeurtenis
from schakel.knelpunten import services
from schakel.knelpunten.models import Abonnement, Drempels
from schakel.notificaties.models import Emailvoorkeur, Frequentie, Melding

pytestmark = pytest.mark.django_db


@pytest.fixture
def drempels(db):
    d = Drempels.actueel()
    d.signalen, d.organisaties, d.burgers = 3, 5, 10**9
    d.save()
    return d


@pytest.fixture
def burger(wereld):
    """Any user, not a clerk: a handler of SVB with an e-mail address who wants a daily digest."""
    user = User.objects.create_user(username="volger", password="geheim-wachtwoord-123", rol=Rol.BEHANDELAAR,
                                    organisatie=wereld.svb, email="volger@example.org")
    Emailvoorkeur.objects.create(gebruiker=user, frequentie=Frequentie.DAGELIJKS)
    return user


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _agendeer(wereld, dien_in, maak_knelpunt, indiener=None):
    return maak_knelpunt(*[dien_in(indiener or wereld.melder_uwv) for _ in range(3)])


def test_follow_a_committee_and_an_organisation_once_with_audit(wereld, burger):
    a = services.abonneer(actor=burger, organisatie=wereld.cie_szw)
    assert services.abonneer(actor=burger, organisatie=wereld.cie_szw) == a
    services.abonneer(actor=burger, organisatie=wereld.uwv)
    assert Abonnement.objects.filter(gebruiker=burger).count() == 2
    assert Gebeurtenis.objects.filter(actie="abonnement_genomen").count() == 2
    with pytest.raises(ValidationError):
        services.abonneer(actor=burger)
    with pytest.raises(ValidationError):
        services.abonneer(actor=burger, regeling=wereld.wia, organisatie=wereld.uwv)
    services.zeg_op(actor=burger, organisatie=wereld.uwv)
    services.zeg_op(actor=burger, organisatie=wereld.uwv)  # nothing left to stop: no error
    assert list(Abonnement.objects.filter(gebruiker=burger)) == [a]
    assert Gebeurtenis.objects.filter(actie="abonnement_opgezegd").count() == 1


def test_the_database_refuses_a_subscription_to_nothing_or_to_both(wereld, burger):
    for velden in ({}, {"regeling": wereld.wia, "organisatie": wereld.uwv}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Abonnement.objects.create(gebruiker=burger, **velden)


@pytest.mark.parametrize("volgt", ["commissie", "eigenaar", "indiener", "regeling"])
def test_followers_are_told_and_get_the_daily_digest(wereld, burger, dien_in, maak_knelpunt, drempels, volgt):
    onderwerp = {"commissie": {"organisatie": wereld.cie_szw}, "eigenaar": {"organisatie": wereld.szw},
                 "indiener": {"organisatie": wereld.uwv}, "regeling": {"regeling": wereld.wia}}[volgt]
    services.abonneer(actor=burger, **onderwerp)
    knelpunt = _agendeer(wereld, dien_in, maak_knelpunt)
    assert hasattr(knelpunt, "agendering")
    melding = Melding.objects.get(ontvanger=burger)
    assert melding.link == f"/knelpunten/{knelpunt.uuid}" and knelpunt.titel in melding.onderwerp
    call_command("send_digest", verbosity=0)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["volger@example.org"]
    assert knelpunt.titel in mail.outbox[0].body


def test_followers_of_unrelated_things_are_not_told(wereld, burger, dien_in, maak_knelpunt, drempels):
    services.abonneer(actor=burger, organisatie=wereld.cie_ienw)
    services.abonneer(actor=burger, organisatie=wereld.cbr)
    services.abonneer(actor=burger, regeling=wereld.wvw)
    _agendeer(wereld, dien_in, maak_knelpunt)
    assert not Melding.objects.filter(ontvanger=burger).exists()


def test_feeds_per_committee_and_per_organisation(wereld, dien_in, maak_knelpunt, drempels, client):
    knelpunt = _agendeer(wereld, dien_in, maak_knelpunt)
    for query, titel in [("commissie=cie-szw", wereld.cie_szw.naam), ("organisatie=uwv", wereld.uwv.naam),
                         ("organisatie=szw", wereld.szw.naam), ("organisatie=cie-szw", wereld.cie_szw.naam)]:
        feed = feedparser.parse(client.get(f"/open-data/agenda.atom?{query}").content)
        assert not feed.bozo, (query, feed.bozo_exception)
        assert feed.version == "atom10" and titel in feed.feed.title
        assert [e.id for e in feed.entries] == [f"urn:uuid:{knelpunt.agendering.uuid}"]
        assert knelpunt.kenmerk in feed.entries[0].title
    for query in ["commissie=cie-ienw", "organisatie=cbr", "organisatie=ienw"]:
        feed = feedparser.parse(client.get(f"/open-data/agenda.atom?{query}").content)
        assert not feed.bozo and feed.entries == [], query
    assert client.get("/open-data/agenda.atom?commissie=uwv").status_code == 404  # not a committee
    assert client.get("/open-data/agenda.atom?organisatie=bestaat-niet").status_code == 404


def test_a_private_signal_does_not_make_its_filer_show_up_in_feeds(wereld, dien_in, maak_knelpunt, drempels,
                                                                   client, gemeente):
    signalen = [dien_in(wereld.melder_uwv) for _ in range(2)] + [dien_in(wereld.melder_gemeente, openbaar=False)]
    maak_knelpunt(*signalen)
    feed = feedparser.parse(client.get("/open-data/agenda.atom?organisatie=utrecht").content)
    assert feed.entries == []


def test_web_follow_buttons_and_my_subscriptions(wereld, burger):
    client = _client(burger)
    html = client.get("/organisaties/uwv").content.decode()
    assert "Deze organisatie volgen" in html and "/open-data/agenda.atom?organisatie=uwv" in html
    response = client.post("/organisaties/uwv/abonnement", {"volgende": "/organisaties/uwv"})
    assert response.status_code == 302 and response["Location"] == "/organisaties/uwv"
    assert "U volgt deze organisatie." in client.get("/organisaties/uwv").content.decode()
    html = client.get("/organisaties/cie-szw").content.decode()
    assert "Deze commissie volgen" in html and "/open-data/agenda.atom?commissie=cie-szw" in html
    client.post("/organisaties/cie-szw/abonnement", {"volgende": "https://elders.example/"})
    client.post(f"/regelingen/{wereld.wia.bwb_id}/abonnement")
    html = client.get("/abonnementen").content.decode()
    for tekst in [wereld.uwv.naam, wereld.cie_szw.naam, "Wet WIA", "?organisatie=uwv", "?commissie=cie-szw",
                  f"?regeling={wereld.wia.bwb_id}"]:
        assert tekst in html
    response = client.post("/organisaties/uwv/abonnement", {"actie": "opzeggen", "volgende": "/abonnementen"})
    assert response["Location"] == "/abonnementen"
    assert set(Abonnement.objects.filter(gebruiker=burger).values_list("organisatie__afkorting", flat=True)) == {
        "cie-szw", None}


def test_web_anonymous_sees_the_feed_not_the_button_and_must_log_in(wereld, client):
    html = client.get("/organisaties/uwv").content.decode()
    assert "/open-data/agenda.atom?organisatie=uwv" in html and "Deze organisatie volgen" not in html
    assert client.post("/organisaties/uwv/abonnement").status_code == 302
    assert client.get("/abonnementen").status_code == 302
    assert not Abonnement.objects.exists()


def test_committee_agenda_page_has_the_follow_button(wereld):
    html = _client(wereld.griffie_szw).get("/commissies/cie-szw/agenda").content.decode()
    assert "Deze commissie volgen" in html and "Wat u volgt" in html


def _api(user) -> APIClient:
    _, api_sleutel = apitokens.maak(user)
    client = APIClient(raise_request_exception=False)
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_sleutel}")
    return client


def test_api_subscriptions(wereld, burger):
    api = _api(burger)
    r = api.post("/api/v1/abonnementen", {"organisatie": "cie-szw"}, format="json")
    assert r.status_code == 201, r.content
    data = r.json()
    assert r["Location"] == f"http://testserver/api/v1/abonnementen/{data['uuid']}"
    assert api.get(r["Location"]).json() == data
    assert data["soort"] == "kamercommissie" and data["organisatie"] == "cie-szw" and data["regeling"] is None
    assert data["feed"].endswith("/open-data/agenda.atom?commissie=cie-szw")
    assert api.post("/api/v1/abonnementen", {"organisatie": "cie-szw"}, format="json").json()["uuid"] == data["uuid"]
    assert api.post("/api/v1/abonnementen", {"regeling": "BWBR0019057"}, format="json").json()["soort"] == "regeling"
    assert api.post("/api/v1/abonnementen", {"organisatie": "uwv"}, format="json").json()["soort"] == "organisatie"
    fout = api.post("/api/v1/abonnementen", {}, format="json")
    assert fout.status_code == 400 and fout["Content-Type"] == "application/problem+json"
    assert api.post("/api/v1/abonnementen", {"organisatie": "bestaat-niet"}, format="json").status_code == 400
    lijst = api.get("/api/v1/abonnementen").json()
    assert [a["soort"] for a in lijst["results"]] == ["kamercommissie", "regeling", "organisatie"]
    # someone else's subscription does not exist for you
    assert _api(wereld.melder_uwv).get(f"/api/v1/abonnementen/{data['uuid']}").status_code == 404
    assert _api(wereld.melder_uwv).delete(f"/api/v1/abonnementen/{data['uuid']}").status_code == 404
    assert api.delete(f"/api/v1/abonnementen/{data['uuid']}").status_code == 204
    assert api.get(f"/api/v1/abonnementen/{data['uuid']}").status_code == 404
    assert APIClient().get("/api/v1/abonnementen").status_code == 401
