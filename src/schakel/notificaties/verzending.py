"""E-mail the waiting notifications: one mail each, or one daily digest per user.

The notification rows are the outbox. Each batch claims its rows (``FOR UPDATE SKIP
LOCKED`` on PostgreSQL), sends, and marks them in one transaction, so two senders never
mail the same row. Delivery is at-least-once: if the database fails after the mail
server accepted a message, that message may be sent again on the next run.
Users without an e-mail address, or who chose "geen e-mail", get their notifications in
the inbox only.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string

from schakel.core import clock

from .models import Emailvoorkeur, Frequentie, MailStatus, Melding

log = logging.getLogger(__name__)

MAX_POGINGEN = 5


@dataclass
class Verzendresultaat:
    verzonden: int = 0
    overgeslagen: int = 0
    mislukt: int = 0
    mails: int = 0

    def summary(self) -> str:
        return (f"{self.mails} e-mails sent covering {self.verzonden} notifications, "
                f"{self.overgeslagen} inbox-only, {self.mislukt} failed")


def _basis_url() -> str:
    return getattr(settings, "SCHAKEL_BASE_URL", "http://localhost:8000").rstrip("/")


def _vergrendel(qs):
    if connection.features.has_select_for_update_skip_locked:
        return qs.select_for_update(skip_locked=True, of=("self",))
    return qs


def _frequenties(user_ids) -> dict[int, str]:
    gekozen = dict(Emailvoorkeur.objects.filter(gebruiker_id__in=user_ids).values_list("gebruiker_id", "frequentie"))
    return {uid: gekozen.get(uid, Frequentie.DIRECT) for uid in user_ids}


def _adressen(user_ids) -> dict[int, tuple[str, str]]:
    return {uid: (email, naam) for uid, email, naam in
            get_user_model().objects.filter(pk__in=user_ids, is_active=True).values_list("id", "email", "first_name")}


def _mail_voor(melding: Melding, adres: str) -> EmailMessage:
    tekst = render_to_string("notificaties/email_melding.txt", {"melding": melding, "basis_url": _basis_url()})
    return EmailMessage(subject=f"[Schakel] {melding.onderwerp}", body=tekst, to=[adres])


def _verstuur(berichten: list[EmailMessage]) -> list[bool]:
    """Send each message; returns per message whether the mail server accepted it."""
    verbinding = get_connection(fail_silently=False)
    uitslag = []
    try:
        verbinding.open()
    except Exception:  # noqa: BLE001 - any transport error counts as a failed attempt
        log.exception("Could not connect to the mail server")
        return [False] * len(berichten)
    try:
        for bericht in berichten:
            try:
                uitslag.append(bool(verbinding.send_messages([bericht])))
            except Exception:  # noqa: BLE001
                log.exception("Sending mail to %s failed", bericht.to)
                uitslag.append(False)
    finally:
        verbinding.close()
    return uitslag


def _markeer_mislukt(ids: list[int]) -> int:
    """Count a failed attempt; give up (status 'mislukt') after MAX_POGINGEN attempts."""
    Melding.objects.filter(pk__in=ids).update(mailpogingen=F("mailpogingen") + 1)
    return Melding.objects.filter(pk__in=ids, mailpogingen__gte=MAX_POGINGEN).update(mail_status=MailStatus.MISLUKT)


def verstuur_direct(*, batch_size: int = 200) -> Verzendresultaat:
    """Mail every waiting notification of users who want mail directly; skip inbox-only users."""
    resultaat = Verzendresultaat()
    cursor = 0
    while True:
        with transaction.atomic():
            meldingen = list(_vergrendel(Melding.objects.filter(mail_status=MailStatus.WACHT, pk__gt=cursor)
                                         .order_by("pk"))[:batch_size])
            if not meldingen:
                break
            cursor = meldingen[-1].pk
            user_ids = {m.ontvanger_id for m in meldingen}
            frequenties, adressen = _frequenties(user_ids), _adressen(user_ids)
            overslaan, te_sturen = [], []
            for m in meldingen:
                adres = adressen.get(m.ontvanger_id, ("", ""))[0]
                frequentie = frequenties[m.ontvanger_id]
                if frequentie == Frequentie.DAGELIJKS and adres:
                    continue  # waits for the digest
                if frequentie == Frequentie.NOOIT or not adres:
                    overslaan.append(m.pk)
                else:
                    te_sturen.append((m, adres))
            Melding.objects.filter(pk__in=overslaan).update(mail_status=MailStatus.OVERGESLAGEN)
            resultaat.overgeslagen += len(overslaan)
            uitslag = _verstuur([_mail_voor(m, adres) for m, adres in te_sturen])
            gelukt = [m.pk for (m, _), ok in zip(te_sturen, uitslag) if ok]
            mislukt = [m.pk for (m, _), ok in zip(te_sturen, uitslag) if not ok]
            Melding.objects.filter(pk__in=gelukt).update(mail_status=MailStatus.VERZONDEN, gemaild_op=clock.now())
            resultaat.verzonden += len(gelukt)
            resultaat.mails += len(gelukt)
            resultaat.mislukt += _markeer_mislukt(mislukt) if mislukt else 0
    return resultaat


def verstuur_overzichten(*, peildatum: dt.date | None = None, opnieuw: bool = False,
                         batch_size: int = 100) -> Verzendresultaat:
    """Send one digest per user who chose a daily overview, at most once per day.

    ``opnieuw`` sends another digest today for notifications that arrived since the last one.
    """
    peildatum = peildatum or clock.today()
    resultaat = Verzendresultaat()
    wachtend = Melding.objects.filter(mail_status=MailStatus.WACHT)
    cursor = 0
    while True:
        with transaction.atomic():
            voorkeuren = Emailvoorkeur.objects.filter(frequentie=Frequentie.DAGELIJKS, gebruiker_id__gt=cursor,
                                                      gebruiker__in=wachtend.values("ontvanger_id"))
            if not opnieuw:
                voorkeuren = voorkeuren.filter(Q(laatste_overzicht_op__isnull=True)
                                               | Q(laatste_overzicht_op__lt=peildatum))
            voorkeuren = list(_vergrendel(voorkeuren.order_by("gebruiker_id"))[:batch_size])
            if not voorkeuren:
                break
            cursor = voorkeuren[-1].gebruiker_id
            adressen = _adressen([v.gebruiker_id for v in voorkeuren])
            per_user = defaultdict(list)
            for m in _vergrendel(wachtend.filter(ontvanger_id__in=[v.gebruiker_id for v in voorkeuren])
                                 .order_by("aangemaakt_op", "pk")):
                per_user[m.ontvanger_id].append(m)
            berichten, groepen = [], []
            for v in voorkeuren:
                meldingen = per_user.get(v.gebruiker_id)
                email, naam = adressen.get(v.gebruiker_id, ("", ""))
                if not meldingen:
                    continue
                if not email:
                    Melding.objects.filter(pk__in=[m.pk for m in meldingen]).update(
                        mail_status=MailStatus.OVERGESLAGEN)
                    resultaat.overgeslagen += len(meldingen)
                    continue
                tekst = render_to_string("notificaties/email_overzicht.txt", {
                    "meldingen": meldingen, "naam": naam, "datum": peildatum, "basis_url": _basis_url()})
                berichten.append(EmailMessage(
                    subject=f"[Schakel] Uw overzicht van {peildatum:%d-%m-%Y}: {len(meldingen)} "
                            f"melding{'en' if len(meldingen) != 1 else ''}", body=tekst, to=[email]))
                groepen.append((v, meldingen))
            for (v, meldingen), ok in zip(groepen, _verstuur(berichten)):
                ids = [m.pk for m in meldingen]
                if ok:
                    Melding.objects.filter(pk__in=ids).update(mail_status=MailStatus.VERZONDEN, gemaild_op=clock.now())
                    Emailvoorkeur.objects.filter(pk=v.pk).update(laatste_overzicht_op=peildatum)
                    resultaat.verzonden += len(ids)
                    resultaat.mails += 1
                else:
                    resultaat.mislukt += _markeer_mislukt(ids)
    return resultaat
