"""Querysets for pages, inboxes and the API: what is overdue, and what asks whom.

"Overdue" is computed from the stored dates, never a flag, so a signal shows as overdue
the day after its deadline even before the sweep has escalated it. Callers apply
``schakel.signalen.rechten.zichtbare_signalen`` for what a user may see.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.lookups import LessThan

from schakel.accounts.models import Rol
from schakel.core import clock
from schakel.signalen.models import Signaal, Toezegging, vroegste_termijndatum
from schakel.signalen.workflow import Status

from .models import Termijn

BEHANDELENDE_ROLLEN = (Rol.BEHANDELAAR, Rol.BESTUUR, Rol.BEWINDSPERSOON)


def is_overschreden_q(peildatum: dt.date | None = None) -> Q:
    """Unanswered, and past a deadline now or before (the sweep sets ``termijn_overschreden_op``):
    the earliest deadline the signal has had lies before ``peildatum`` (default today)."""
    peildatum = peildatum or clock.today()
    return Q(status=Status.IN_BEHANDELING) & Q(LessThan(vroegste_termijndatum(), peildatum))


def overschreden(qs: QuerySet | None = None, peildatum: dt.date | None = None) -> QuerySet:
    """Unanswered signals past their deadline, longest overdue first."""
    qs = Signaal.objects.all() if qs is None else qs
    return qs.filter(is_overschreden_q(peildatum)).order_by("termijn_overschreden_op", "uiterste_reactiedatum", "id")


def met_termijnen(qs: QuerySet) -> QuerySet:
    """Prefetch what :func:`schakel.termijnen.status.status_van` needs, so it runs no queries."""
    return qs.prefetch_related(
        Prefetch("termijnen", queryset=Termijn.objects.select_related("organisatie").order_by("trede")),
        Prefetch("toezeggingen", queryset=Toezegging.objects.actueel()),
    )


def _open_termijn_aan(user) -> Exists:
    return Exists(Termijn.objects.open().filter(signaal=OuterRef("pk"), organisatie_id=user.organisatie_id,
                                                rol=user.rol))


def eigen_werk(user) -> QuerySet:
    """Unanswered signals that are the user's own work: for a handler, everything their organisation
    must answer; for anyone, requests addressed to them directly (not by escalation), like a noodrem."""
    if not getattr(user, "organisatie_id", None) or user.rol not in BEHANDELENDE_ROLLEN:
        return Signaal.objects.none()
    direct = _open_termijn_aan(user) & Q(termijn_overschreden_op__isnull=True)
    eigen = Q(eigenaar_id=user.organisatie_id) if user.rol == Rol.BEHANDELAAR else Q(pk__in=[])
    return Signaal.objects.filter(Q(status=Status.IN_BEHANDELING) & (eigen | direct))


def te_beantwoorden(user, peildatum: dt.date | None = None) -> QuerySet:
    """The user's own work that is still within its term, nearest deadline first."""
    return (eigen_werk(user).exclude(is_overschreden_q(peildatum))
            .order_by("uiterste_reactiedatum", "id"))


def te_laat(user, peildatum: dt.date | None = None) -> QuerySet:
    """The user's own work whose deadline passed (it may have escalated to someone else since)."""
    return overschreden(eigen_werk(user), peildatum)


def naar_mij_geescaleerd(user) -> QuerySet:
    """Signals escalated to the user's organisation and role (for a committee: on its agenda)."""
    if not getattr(user, "organisatie_id", None):
        return Signaal.objects.none()
    return (Signaal.objects.filter(_open_termijn_aan(user), status=Status.IN_BEHANDELING,
                                   termijn_overschreden_op__isnull=False)
            .order_by("uiterste_reactiedatum", "id"))


def verlopen_toezeggingen(qs: QuerySet | None = None, *, organisatie=None, commissie=None,
                          peildatum: dt.date | None = None) -> QuerySet:
    """Open commitments of current answers past their due date, oldest first.

    ``organisatie``: those the organisation made. ``commissie``: those about regulations the
    committee controls, or made by ministries it controls (and the bodies they commission).
    """
    qs = Toezegging.objects.all() if qs is None else qs
    qs = qs.actueel().verlopen(peildatum)
    if organisatie is not None:
        qs = qs.filter(reactie__organisatie=organisatie)
    if commissie is not None:
        qs = qs.filter(Q(signaal__regeling__kamercommissie=commissie)
                       | Q(reactie__organisatie__kamercommissie=commissie)
                       | Q(reactie__organisatie__opdrachtgever__kamercommissie=commissie))
    return qs.select_related("signaal", "reactie__organisatie").order_by("uiterlijk", "id")


def voor_commissie(commissie, qs: QuerySet | None = None) -> QuerySet:
    """Signals whose ladder reaches ``commissie``: about its regulations or owned under its ministries."""
    qs = Signaal.objects.all() if qs is None else qs
    aan_commissie = Exists(Termijn.objects.filter(signaal=OuterRef("pk"), organisatie=commissie))
    return qs.filter(Q(regeling__kamercommissie=commissie) | Q(eigenaar__kamercommissie=commissie)
                     | Q(eigenaar__opdrachtgever__kamercommissie=commissie) | aan_commissie)
