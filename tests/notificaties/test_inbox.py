"""The inbox: to answer, overdue, escalated to you (per role), notifications and the e-mail preference."""

import datetime as dt
import re

from django.test import Client

from schakel.notificaties.models import Emailvoorkeur, Melding
from schakel.signalen import services as signalen
from schakel.termijnen import selecties, sweep

D = dt.date


def ingelogd(user):
    client = Client()
    client.force_login(user)
    return client


def tekst(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def sectie(inhoud: str, kop: str) -> str:
    """The text of the section that starts with heading ``kop`` up to the next heading."""
    begin = inhoud.index(kop)
    volgende = [inhoud.find(k, begin + len(kop)) for k in ("Naar u geëscaleerd (", "Te beantwoorden (", "Te laat (",
                                                             "Verlopen toezeggingen (", "Meldingen")]
    return inhoud[begin:min(v for v in volgende if v > 0)]


def test_inbox_needs_login(db):
    assert Client().get("/inbox").status_code == 302


def test_handler_sees_what_to_answer(signaal, wereld):
    inhoud = tekst(ingelogd(wereld.behandelaar_szw).get("/inbox"))
    assert signaal.titel in sectie(inhoud, "Te beantwoorden (1)")
    assert "Te laat (0)" in inhoud and "Naar u geëscaleerd (0)" in inhoud
    assert "Te beantwoorden: SIG-" in inhoud  # the notification


def test_after_the_deadline_the_board_sees_the_escalation_and_the_handler_sees_it_overdue(
        signaal, wereld, bestuurders, ga_naar):
    ga_naar(D(2026, 4, 28))
    sweep.run_sweep()
    bestuur = tekst(ingelogd(wereld.bestuur_szw).get("/inbox"))
    geescaleerd = sectie(bestuur, "Naar u geëscaleerd (1)")
    assert signaal.titel in geescaleerd
    assert "Termijn overschreden, 1 werkdag te laat, geëscaleerd naar de ambtelijke top" in geescaleerd
    assert "Te beantwoorden (0)" in bestuur
    assert "Naar u geëscaleerd: SIG-" in bestuur
    behandelaar = tekst(ingelogd(wereld.behandelaar_szw).get("/inbox"))
    assert signaal.titel in sectie(behandelaar, "Te laat (1)")
    assert "Te beantwoorden (0)" in behandelaar
    # A board of another ministry sees nothing of it.
    assert "Naar u geëscaleerd (0)" in tekst(ingelogd(wereld.bestuur_ienw).get("/inbox"))


def test_the_committee_sees_what_is_on_its_agenda(signaal, wereld, ga_naar):
    for datum in (D(2026, 4, 28), D(2026, 5, 14), D(2026, 5, 26)):
        ga_naar(datum)
        sweep.run_sweep()
    inhoud = tekst(ingelogd(wereld.griffie_szw).get("/inbox"))
    assert signaal.titel in sectie(inhoud, "Op de agenda van uw commissie (1)")
    assert list(selecties.naar_mij_geescaleerd(wereld.griffie_szw)) == [signaal]


def test_a_noodrem_is_the_boards_own_work(wereld, bestuurders):
    noodrem = signalen.dien_in(indiener=wereld.melder_uwv, soort="noodrem", titel="Noodrem: beslagvrije voet",
                               praktijk="Beslag onder de beslagvrije voet. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.", getroffen_burgers="Schuldenaars",
                               regeling=wereld.wia)
    assert list(selecties.te_beantwoorden(wereld.bestuur_szw)) == [noodrem]
    assert list(selecties.te_beantwoorden(wereld.behandelaar_szw)) == [noodrem]
    assert list(selecties.te_beantwoorden(wereld.minister_szw)) == []
    assert list(selecties.naar_mij_geescaleerd(wereld.bestuur_szw)) == []


def test_mark_notifications_read(signaal, wereld):
    client = ingelogd(wereld.behandelaar_szw)
    assert Melding.objects.filter(ontvanger=wereld.behandelaar_szw).ongelezen().count() == 1
    response = client.post("/inbox/gelezen")
    assert response.status_code == 302
    assert Melding.objects.filter(ontvanger=wereld.behandelaar_szw).ongelezen().count() == 0
    assert client.post("/inbox/gelezen", {"melding": "x"}).status_code == 302  # bad input: a message, no 500
    assert client.get("/inbox/gelezen").status_code == 405


def test_others_notifications_cannot_be_marked(signaal, wereld):
    melding = Melding.objects.get(ontvanger=wereld.behandelaar_szw)
    ingelogd(wereld.behandelaar_svb).post("/inbox/gelezen", {"melding": melding.pk})
    melding.refresh_from_db()
    assert melding.gelezen_op is None


def test_email_preference(wereld):
    client = ingelogd(wereld.behandelaar_szw)
    response = client.post("/inbox/e-mail", {"frequentie": "dagelijks"}, follow=True)
    assert Emailvoorkeur.objects.get(gebruiker=wereld.behandelaar_szw).frequentie == "dagelijks"
    assert "geen e-mailadres bekend" in tekst(response)
    response = client.post("/inbox/e-mail", {"frequentie": "elk uur"}, follow=True)
    assert "Kies een van de mogelijkheden." in tekst(response)
    assert Emailvoorkeur.objects.get(gebruiker=wereld.behandelaar_szw).frequentie == "dagelijks"


def test_a_long_section_shows_the_first_and_caps_the_count(wereld, monkeypatch):
    """A ministry may have 100,000 open signals: a section lists the first few and counts on only
    up to the lists' cap ("meer dan")."""
    from schakel.notificaties import views

    for i in range(4):
        signalen.dien_in(indiener=wereld.melder_uwv, titel=f"Signaal {i} over de terugvordering van voorschotten",
                         praktijk="Mensen met schulden moeten een voorschot in één keer terugbetalen en raken verder "
                                  "in de problemen.", getroffen_burgers="WIA-aanvragers", regeling=wereld.wia)
    monkeypatch.setattr(views, "PER_SECTIE", 2)
    monkeypatch.setattr(views, "MAX_EXACT_GETELD", 3)
    inhoud = tekst(ingelogd(wereld.behandelaar_szw).get("/inbox"))
    assert "De eerste 2 van meer dan 3 worden getoond." in sectie(inhoud, "Te beantwoorden (meer dan 3)")
    monkeypatch.setattr(views, "MAX_EXACT_GETELD", 4)
    inhoud = tekst(ingelogd(wereld.behandelaar_szw).get("/inbox"))
    assert "De eerste 2 van 4 worden getoond." in sectie(inhoud, "Te beantwoorden (4)")
