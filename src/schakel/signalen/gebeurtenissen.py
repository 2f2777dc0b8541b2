"""What happened to a signal, announced to the apps that care.

``schakel.signalen`` sits below the apps that react to a signal's life (the terms and the
escalation ladder in ``schakel.termijnen``, the agenda thresholds in ``schakel.knelpunten``).
It does not call them: each use case in :mod:`schakel.signalen.services` announces what
happened, and those apps connect receivers in their ``AppConfig.ready``.

Every announcement has two Django signals:

``binnen``
    Sent synchronously, inside the use case's transaction, with the signal locked. For
    what must stay consistent with the change (start or close a term, set the due date).
    A receiver that raises rolls the whole use case back, as a failed check would.
``na_commit``
    Sent with ``send_robust`` from ``transaction.on_commit``: only when the change is
    committed, never after a rollback. For side effects (agenda checks, mail, future
    webhooks). A failing receiver is logged and cannot undo or block the use case.

Connect with ``gebeurtenissen.beantwoord.binnen.connect(receiver, dispatch_uid=...)``;
receivers take ``sender`` (the ``Signaal`` class) and the keyword arguments listed per
announcement below, plus ``**kwargs``.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.dispatch import Signal

logger = logging.getLogger(__name__)


class Aankondiging:
    """One thing that can happen to a signal, with an in-transaction and an on-commit channel."""

    def __init__(self, naam: str, argumenten: tuple[str, ...]):
        self.naam = naam
        self.argumenten = argumenten
        self.binnen = Signal()
        self.na_commit = Signal()

    def __repr__(self) -> str:
        return f"<Aankondiging {self.naam}>"

    def meld(self, sender, **kwargs) -> None:
        """Announce: run the in-transaction receivers now, the side effects after commit."""
        onbekend = set(kwargs) - set(self.argumenten)
        if onbekend:
            raise TypeError(f"{self.naam}: onbekende argumenten {sorted(onbekend)}")
        self.binnen.send(sender=sender, **kwargs)
        transaction.on_commit(lambda: self._na_commit(sender, kwargs))

    def _na_commit(self, sender, kwargs: dict) -> None:
        for receiver, uitkomst in self.na_commit.send_robust(sender=sender, **kwargs):
            if isinstance(uitkomst, Exception):
                logger.error("Ontvanger %r van %s faalde na de commit.", receiver, self.naam,
                             exc_info=(type(uitkomst), uitkomst, uitkomst.__traceback__))


#: A signal was filed (before routing; a signal without owner then waits in triage).
#: Arguments: ``signaal``, ``actor``.
ingediend = Aankondiging("ingediend", ("signaal", "actor"))

#: A signal got its owner (routing, routing by text, triage, a noodrem's receiver).
#: Sent *before* the routed signal is saved: in-transaction receivers may set
#: ``uiterste_reactiedatum`` and ``escalatietrede`` on the instance, which the use case then
#: saves with the new status and owner. Arguments: ``signaal``, ``actor``, ``eerste_trede``
#: (the rung the first term starts at, or ``None`` for the kind's default).
gerouteerd = Aankondiging("gerouteerd", ("signaal", "actor", "eerste_trede"))

#: The owner forwarded the signal to another organisation (saved).
#: Arguments: ``signaal``, ``actor``, ``vorige_eigenaar_id``.
doorgestuurd = Aankondiging("doorgestuurd", ("signaal", "actor", "vorige_eigenaar_id"))

#: The signal was answered (``eerste=True``) or its answer revised (``eerste=False``).
#: Arguments: ``signaal``, ``reactie``, ``actor``, ``eerste``.
beantwoord = Aankondiging("beantwoord", ("signaal", "reactie", "actor", "eerste"))

#: A commitment was kept. Arguments: ``toezegging``, ``actor``.
toezegging_nagekomen = Aankondiging("toezegging_nagekomen", ("toezegging", "actor"))

#: The owner closed the signal as not admissible (saved): it leaves the ladder.
#: Arguments: ``signaal``, ``actor``.
niet_ontvankelijk = Aankondiging("niet_ontvankelijk", ("signaal", "actor"))

ALLE = (ingediend, gerouteerd, doorgestuurd, beantwoord, toezegging_nagekomen, niet_ontvankelijk)
