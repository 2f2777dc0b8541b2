"""Pages: knelpunt create/confirm/split by a handler, committee agenda permissions, the
regulation page's knelpunten and article ranking, the legislation agenda."""

from __future__ import annotations

import pytest
from django.urls import reverse

from schakel.knelpunten.models import Abonnement, Agendering, Drempels, Knelpunt
from tests.knelpunten.conftest import BETEKENIS

pytestmark = pytest.mark.django_db


@pytest.fixture
def als(client):
    def login(user):
        client.force_login(user)
        return client
    return login


def test_handler_creates_knelpunt_from_a_signal_and_confirms_a_suggestion(wereld, gemeente, dien_in, als):
    eerste, tweede = dien_in(wereld.melder_uwv), dien_in(wereld.melder_gemeente)
    c = als(wereld.behandelaar_szw)
    lijst = c.get(reverse("knelpunten:knelpunten"))
    assert eerste.kenmerk in lijst.content.decode()  # unbundled signals of the handler's organisation
    url = reverse("knelpunten:knelpunt-nieuw", args=[eerste.uuid])
    fout = c.post(url, {"titel": "Voorschot", "beleidsbetekenis": "Kort"})
    assert fout.status_code == 200 and "ten minste 80 tekens" in fout.content.decode()
    antwoord = c.post(url, {"titel": "Voorschot ineens terug", "beleidsbetekenis": BETEKENIS})
    knelpunt = Knelpunt.objects.get()
    assert antwoord.status_code == 302 and antwoord.url == reverse("knelpunten:knelpunt", args=[knelpunt.uuid])
    pagina = c.get(antwoord.url).content.decode()
    assert "Voorgestelde signalen" in pagina and tweede.kenmerk in pagina and "% gelijkenis" in pagina
    c.post(reverse("knelpunten:toevoegen", args=[knelpunt.uuid]), {"signaal": tweede.uuid})
    assert set(knelpunt.signalen.all()) == {eerste, tweede}


def test_split_page(wereld, gemeente, dien_in, maak_knelpunt, als):
    a, b = dien_in(wereld.melder_uwv), dien_in(wereld.melder_gemeente)
    knelpunt = maak_knelpunt(a, b)
    c = als(wereld.behandelaar_szw)
    url = reverse("knelpunten:splitsen", args=[knelpunt.uuid])
    assert c.get(url).status_code == 200
    leeg = c.post(url, {"titel": "Apart", "beleidsbetekenis": BETEKENIS, "signalen": [a.uuid, b.uuid]})
    assert "ten minste één signaal" in leeg.content.decode()
    c.post(url, {"titel": "Apart", "beleidsbetekenis": BETEKENIS, "signalen": [b.uuid]})
    assert list(knelpunt.signalen.all()) == [a]


@pytest.mark.parametrize("gebruiker", ["melder_uwv", "griffie_szw", "behandelaar_ienw"])
def test_others_cannot_manage(wereld, dien_in, maak_knelpunt, als, gebruiker):
    signaal = dien_in(wereld.melder_uwv)
    knelpunt = maak_knelpunt(signaal)
    c = als(getattr(wereld, gebruiker))
    assert c.get(reverse("knelpunten:splitsen", args=[knelpunt.uuid])).status_code == 403
    assert c.get(reverse("knelpunten:wijzigen", args=[knelpunt.uuid])).status_code == 403
    assert c.get(reverse("knelpunten:knelpunt-nieuw", args=[signaal.uuid])).status_code == 403
    assert "Voorgestelde signalen" not in c.get(reverse("knelpunten:knelpunt", args=[knelpunt.uuid])).content.decode()


def test_knelpunt_page_is_public(wereld, dien_in, maak_knelpunt, client):
    knelpunt = maak_knelpunt(dien_in(wereld.melder_uwv, aantal=1200))
    pagina = client.get(reverse("knelpunten:knelpunt", args=[knelpunt.uuid])).content.decode()
    assert "Wat dit betekent voor beleid" in pagina and "1.200" in pagina


def test_reading_a_knelpunt_page_writes_nothing(wereld, dien_in, maak_knelpunt, client):
    """Without stored thresholds the page uses the defaults; it does not store them (a GET
    must work on a read-only replica)."""
    knelpunt = maak_knelpunt(dien_in(wereld.melder_uwv))
    Drempels.objects.all().delete()
    assert client.get(reverse("knelpunten:knelpunt", args=[knelpunt.uuid])).status_code == 200
    assert not Drempels.objects.exists()


def test_committee_agenda_is_public_without_non_public_signals(wereld, client, als, dien_in, maak_knelpunt):
    from schakel.signalen.models import Signaal

    url = reverse("knelpunten:agenda", args=[wereld.cie_szw.afkorting])
    openbaar, besloten = dien_in(wereld.melder_uwv), dien_in(wereld.melder_uwv)
    Signaal.objects.filter(pk=besloten.pk).update(openbaar=False)
    knelpunt = maak_knelpunt(openbaar, besloten, titel="Knelpunt op de agenda")
    Agendering.objects.get_or_create(knelpunt=knelpunt, defaults={"kamercommissie": wereld.cie_szw, "reden": "test",
                                                                  "drempel": "signalen"})
    anoniem = client.get(url)
    assert anoniem.status_code == 200
    tekst = anoniem.content.decode()
    assert "Knelpunt op de agenda" in tekst and "Wat u volgt" not in tekst
    assert '<dt>Signalen</dt><dd>1</dd>' in tekst  # the non-public signal is not counted
    assert client.get(reverse("knelpunten:mijn-agenda")).status_code == 302
    for naam in ("melder_uwv", "behandelaar_szw", "minister_szw"):
        assert als(getattr(wereld, naam)).get(url).status_code == 200
    assert als(wereld.griffie_szw).get(url).status_code == 200
    assert als(wereld.griffie_szw).get(reverse("knelpunten:agenda", args=["szw"])).status_code == 404  # no committee
    eigen = als(wereld.griffie_szw).get(reverse("knelpunten:mijn-agenda"))
    assert eigen.url == url


def test_agenda_ranked_by_policy_significance_with_meaning_dilemma_and_answer(wereld, gemeente, dien_in,
                                                                            maak_knelpunt, als):
    from schakel.signalen.services import reageer
    from tests.conftest import GOEDE_UITLEG

    d = Drempels.actueel()
    d.signalen = 2
    d.save()
    klein = maak_knelpunt(dien_in(wereld.melder_uwv), dien_in(wereld.melder_uwv), titel="Klein knelpunt")
    groot_signaal = dien_in(wereld.melder_gemeente, aantal=9000)
    groot = maak_knelpunt(groot_signaal, dien_in(wereld.melder_uwv), titel="Groot knelpunt",
                          dilemma="Termijnen kosten de schatkist rente; ineens terugvorderen kost burgers meer.")
    reageer(groot_signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=GOEDE_UITLEG)
    assert {a.knelpunt for a in Agendering.objects.all()} == {klein, groot}
    pagina = als(wereld.griffie_szw).get(reverse("knelpunten:agenda", args=["cie-szw"])).content.decode()
    assert pagina.index("Groot knelpunt") < pagina.index("Klein knelpunt")  # two organisations before one
    assert "Termijnen kosten de schatkist" in pagina and "Niet overgenomen, met reden" in pagina
    assert klein.beleidsbetekenis[:40] in pagina


def test_regulation_page_shows_knelpunten_articles_and_subscription(wereld, dien_in, maak_knelpunt, client, als):
    maak_knelpunt(dien_in(wereld.melder_uwv, artikelen="art. 35 lid 2"))
    dien_in(wereld.melder_uwv, artikelen="art. 36")
    url = reverse("web:regeling", args=[wereld.wia.bwb_id])
    pagina = client.get(url).content.decode()
    assert "Open knelpunten" in pagina and "Terugvordering WIA-voorschot ineens" in pagina
    assert "Artikel 35: 1 signaal" in pagina and "Deze regeling volgen" not in pagina
    c = als(wereld.griffie_szw)
    assert "Deze regeling volgen" in c.get(url).content.decode()
    c.post(reverse("knelpunten:abonneren", args=[wereld.wia.bwb_id]))
    assert "U volgt deze regeling" in c.get(url).content.decode()
    c.post(reverse("knelpunten:abonneren", args=[wereld.wia.bwb_id]), {"actie": "opzeggen"})
    assert "Deze regeling volgen" in c.get(url).content.decode()
    # any logged-in user may follow (the notifications are theirs); anonymous visitors log in first
    assert als(wereld.melder_uwv).post(reverse("knelpunten:abonneren", args=[wereld.wia.bwb_id])).status_code == 302
    assert Abonnement.objects.filter(gebruiker=wereld.melder_uwv, regeling=wereld.wia).exists()
    from django.test import Client

    anoniem = Client().post(reverse("knelpunten:abonneren", args=[wereld.wia.bwb_id]))
    assert anoniem.status_code == 302 and anoniem["Location"].startswith("/inloggen")
    assert Abonnement.objects.count() == 1


def test_legislation_agenda_lists_regulations_by_open_knelpunten(wereld, dien_in, maak_knelpunt, client):
    maak_knelpunt(dien_in(wereld.melder_uwv))
    maak_knelpunt(dien_in(wereld.melder_uwv), titel="Tweede knelpunt WIA")
    pagina = client.get(reverse("knelpunten:wetgevingsagenda")).content.decode()
    assert "Wet WIA" in pagina and "Wegenverkeerswet" not in pagina
