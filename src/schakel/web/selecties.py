"""Read-side queries for the web pages: filtering, counting, current answers.

Callers pass a queryset that is already limited to what the user may see
(``rechten.zichtbare_signalen``); nothing here widens it.
"""

from __future__ import annotations

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from schakel.signalen.models import Besluit, Reactie, Toezegging
from schakel.signalen.workflow import Status
from schakel.signalen.zoeken import op_relevantie, zoek
from schakel.termijnen.selecties import is_overschreden_q

# Derived states a visitor can filter on (the workflow status plus the answer's decision).
STATUS_KEUZES = [
    ("in_behandeling", "In behandeling"),
    ("verlopen", "Termijn verstreken"),
    ("beantwoord", "Beantwoord"),
    ("overgenomen", "Overgenomen"),
    ("niet_overgenomen", "Niet overgenomen, met reden"),
    ("niet_ontvankelijk", "Niet ontvankelijk"),
]


def met_actueel_besluit(signalen: QuerySet) -> QuerySet:
    """Annotate each signal with ``actueel_besluit``: the decision of its latest answer."""
    laatste = Reactie.objects.filter(signaal=OuterRef("pk")).order_by("-versie").values("besluit")[:1]
    return signalen.annotate(actueel_besluit=Subquery(laatste))


def filter_signalen(signalen: QuerySet, criteria: dict) -> QuerySet:
    """Apply the (validated) list filters; empty criteria are ignored."""
    if criteria.get("organisatie"):
        signalen = signalen.filter(indienende_organisatie=criteria["organisatie"])
    if criteria.get("eigenaar"):
        signalen = signalen.filter(eigenaar=criteria["eigenaar"])
    if criteria.get("regeling"):
        signalen = signalen.filter(regeling=criteria["regeling"])
    if criteria.get("oorzaak"):
        signalen = signalen.filter(oorzaken=criteria["oorzaak"])
    if criteria.get("van"):
        signalen = signalen.ingediend_vanaf(criteria["van"])
    if criteria.get("tot"):
        signalen = signalen.ingediend_tot_en_met(criteria["tot"])
    status = criteria.get("status")
    if status == "in_behandeling":
        signalen = signalen.filter(status=Status.IN_BEHANDELING)
    elif status == "verlopen":
        signalen = signalen.filter(is_overschreden_q())
    elif status == "beantwoord":
        signalen = signalen.filter(status=Status.BEANTWOORD)
    elif status == "niet_ontvankelijk":
        signalen = signalen.filter(status=Status.NIET_ONTVANKELIJK)
    elif status in ("overgenomen", "niet_overgenomen"):
        besluit = Besluit.OVERNEMEN if status == "overgenomen" else Besluit.NIET_OVERNEMEN
        signalen = met_actueel_besluit(signalen).filter(status=Status.BEANTWOORD, actueel_besluit=besluit)
    if criteria.get("q"):
        signalen = zoek(signalen, criteria["q"])
        if criteria.get("sorteer") == "relevantie":
            signalen = op_relevantie(signalen, criteria["q"], "-ingediend_op", "-id")
    return signalen


def tellingen(signalen: QuerySet) -> dict[str, int]:
    """Counts of the given signals by state, in one query.

    Counts ``status`` (never empty), not the primary key: the list indexes hold every column
    this reads, so PostgreSQL counts an organisation's or a regulation's signals from the
    index alone."""
    return signalen.aggregate(
        totaal=Count("status"),
        in_behandeling=Count("status", filter=Q(status=Status.IN_BEHANDELING)),
        verlopen=Count("status", filter=is_overschreden_q()),
        beantwoord=Count("status", filter=Q(status=Status.BEANTWOORD)),
    )


def actuele_toezeggingen(signalen: QuerySet) -> QuerySet:
    """Commitments of the current answer of each of ``signalen`` (earlier versions are superseded)."""
    return Toezegging.objects.filter(signaal__in=signalen.values("pk")).actueel()


def signalen_voor_lijst(signalen: QuerySet) -> QuerySet:
    """Relations and the current decision a signal list shows, without extra queries per row."""
    return met_actueel_besluit(signalen.select_related("regeling", "eigenaar", "indienende_organisatie"))

