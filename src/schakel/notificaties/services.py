"""Create notifications for the people in an organisation and role, and mark them read.

Callers create notifications inside the transaction of the change they report.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from django.contrib.auth import get_user_model

from schakel.core import clock

from .models import Melding

MAX_ONDERWERP = 200


def signaal_link(signaal_uuid) -> str:
    """The path of a signal's public page."""
    return f"/signalen/{signaal_uuid}"


class Adresboek:
    """Active users per (organisation, role), loaded in one query per new set of pairs.

    The sweep keeps one address book for a whole run, so a batch of thousands of
    escalations needs at most one user query.
    """

    def __init__(self):
        self._per_adres: dict[tuple[int, str], list[int]] = {}

    def laad(self, adressen: Iterable[tuple[int, str]]) -> None:
        nieuw = {a for a in adressen if a not in self._per_adres}
        if not nieuw:
            return
        for adres in nieuw:
            self._per_adres[adres] = []
        gevonden = defaultdict(list)
        rijen = (get_user_model().objects.filter(is_active=True, organisatie_id__in={o for o, _ in nieuw},
                                                 rol__in={r for _, r in nieuw})
                 .order_by("id").values_list("id", "organisatie_id", "rol"))
        for user_id, organisatie_id, rol in rijen:
            if (organisatie_id, rol) in nieuw:
                gevonden[(organisatie_id, rol)].append(user_id)
        self._per_adres.update(gevonden)

    def gebruikers(self, organisatie_id: int, rol: str) -> list[int]:
        self.laad([(organisatie_id, rol)])
        return self._per_adres[(organisatie_id, rol)]


def rijen(ontvanger_ids: Iterable[int], *, soort: str, onderwerp: str, tekst: str, signaal_id=None,
          link: str = "", moment=None) -> list[dict]:
    """Notification rows (dicts of field values), one per recipient, duplicates removed."""
    moment = moment or clock.now()
    onderwerp = onderwerp if len(onderwerp) <= MAX_ONDERWERP else onderwerp[: MAX_ONDERWERP - 1] + "…"
    return [
        {"ontvanger_id": ontvanger_id, "soort": soort, "signaal_id": signaal_id, "onderwerp": onderwerp,
         "tekst": tekst, "link": link, "aangemaakt_op": moment}
        for ontvanger_id in dict.fromkeys(ontvanger_ids)
    ]


def bouw(ontvanger_ids: Iterable[int], **kwargs) -> list[Melding]:
    """Unsaved notifications, one per recipient; see :func:`rijen` for the arguments."""
    return [Melding(**rij) for rij in rijen(ontvanger_ids, **kwargs)]


def meld(ontvanger_ids: Iterable[int], **kwargs) -> list[Melding]:
    """Create notifications for ``ontvanger_ids``; see :func:`bouw` for the arguments."""
    return Melding.objects.bulk_create(bouw(ontvanger_ids, **kwargs))


def markeer_gelezen(user, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications (all, or those with ``ids``) as read; returns how many changed."""
    qs = Melding.objects.filter(ontvanger=user, gelezen_op__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(gelezen_op=clock.now())
