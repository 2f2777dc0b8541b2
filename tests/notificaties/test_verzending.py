"""E-mail from the outbox: direct mail, the daily digest, inbox-only users, failures and retries."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from schakel.notificaties import services, verzending
from schakel.notificaties.models import Emailvoorkeur, MailStatus, Melding, Soort


@pytest.fixture
def ontvangers(wereld):
    wereld.behandelaar_szw.email = "behandelaar@szw.example"
    wereld.behandelaar_szw.save()
    wereld.bestuur_uwv.email = "bestuur@uwv.example"
    wereld.bestuur_uwv.save()
    return wereld


def meld(user, onderwerp="Naar u geëscaleerd: SIG-000001 Titel met 'aanhalingstekens' & meer", n=1):
    for i in range(n):
        services.meld([user.pk], soort=Soort.GEESCALEERD, onderwerp=f"{onderwerp} {i}",
                      tekst="Reageer uiterlijk 12-05-2026.", link="/signalen/abc")


def test_direct_mail_is_sent_once(ontvangers, settings):
    settings.SCHAKEL_BASE_URL = "https://schakel.example.org"
    meld(ontvangers.behandelaar_szw)
    resultaat = verzending.verstuur_direct()
    assert (resultaat.mails, resultaat.verzonden) == (1, 1)
    bericht = mail.outbox[0]
    assert bericht.to == ["behandelaar@szw.example"]
    assert bericht.subject == "[Schakel] Naar u geëscaleerd: SIG-000001 Titel met 'aanhalingstekens' & meer 0"
    assert "https://schakel.example.org/signalen/abc" in bericht.body
    assert "&#x27;" not in bericht.body and "&amp;" not in bericht.body
    assert Melding.objects.get().mail_status == MailStatus.VERZONDEN
    assert verzending.verstuur_direct().mails == 0
    assert len(mail.outbox) == 1


def test_users_without_address_or_who_opted_out_get_no_mail(ontvangers):
    meld(ontvangers.minister_szw)  # no e-mail address
    Emailvoorkeur.objects.create(gebruiker=ontvangers.behandelaar_szw, frequentie="nooit")
    meld(ontvangers.behandelaar_szw)
    resultaat = verzending.verstuur_direct()
    assert (resultaat.mails, resultaat.overgeslagen) == (0, 2)
    assert set(Melding.objects.values_list("mail_status", flat=True)) == {MailStatus.OVERGESLAGEN}
    assert mail.outbox == []


def test_daily_digest_bundles_and_is_sent_once_a_day(ontvangers):
    Emailvoorkeur.objects.create(gebruiker=ontvangers.bestuur_uwv, frequentie="dagelijks")
    meld(ontvangers.bestuur_uwv, n=3)
    assert verzending.verstuur_direct().mails == 0  # waits for the digest
    assert Melding.objects.filter(mail_status=MailStatus.WACHT).count() == 3
    resultaat = verzending.verstuur_overzichten()
    assert (resultaat.mails, resultaat.verzonden) == (1, 3)
    assert mail.outbox[0].subject == "[Schakel] Uw overzicht van 11-03-2026: 3 meldingen"
    assert mail.outbox[0].body.count("Naar u geëscaleerd") == 3
    meld(ontvangers.bestuur_uwv)
    assert verzending.verstuur_overzichten().mails == 0  # already had today's digest
    assert verzending.verstuur_overzichten(peildatum=dt.date(2026, 3, 12)).mails == 1
    assert verzending.verstuur_overzichten(peildatum=dt.date(2026, 3, 12)).mails == 0


def test_failed_mail_is_retried_then_given_up(ontvangers, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens
    meld(ontvangers.behandelaar_szw)
    for poging in range(1, verzending.MAX_POGINGEN):
        assert verzending.verstuur_direct().mails == 0
        melding = Melding.objects.get()
        assert (melding.mail_status, melding.mailpogingen) == (MailStatus.WACHT, poging)
    assert verzending.verstuur_direct().mislukt == 1
    assert Melding.objects.get().mail_status == MailStatus.MISLUKT
    assert verzending.verstuur_direct().mails == 0


def test_commands(ontvangers):
    meld(ontvangers.behandelaar_szw)
    Emailvoorkeur.objects.create(gebruiker=ontvangers.bestuur_uwv, frequentie="dagelijks")
    meld(ontvangers.bestuur_uwv)
    uit = StringIO()
    call_command("send_notifications", stdout=uit)
    assert "1 e-mails sent covering 1 notifications" in uit.getvalue()
    call_command("send_digest", stdout=uit)
    assert "Digest: 1 e-mails sent covering 1 notifications" in uit.getvalue()
    assert len(mail.outbox) == 2


def test_scheduler_runs_one_tick(signaal, ontvangers, ga_naar):
    ga_naar(dt.date(2026, 4, 28), uur=8)
    uit = StringIO()
    call_command("run_scheduler", "--once", "--digest-hour", "7", stdout=uit)
    tekst = uit.getvalue()
    assert "sweep: 1 escalated" in tekst
    assert "mail: " in tekst and "digest: " in tekst
    assert "toets-sweep: " in tekst and "agendering: 0 knelpunt(en) op de agenda gezet" in tekst
    assert "Scheduler stopped." in tekst
