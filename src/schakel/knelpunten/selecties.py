"""Read-side selections: suggestions, regulation figures, article ranking, the agenda."""

from __future__ import annotations

import re
from collections import Counter

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, prefetch_related_objects

from schakel.signalen import rechten as signaalrechten
from schakel.signalen.models import Reactie, Signaal

from . import cijfers as cijfermodule
from . import gelijkenis
from .models import Agendering, Bundeling, Knelpunt, KnelpuntStatus
from .services import kneltekst

# The fields gelijkenis.signaaltekst reads.
TEKSTVELDEN = ("id", "titel", "praktijk", "getroffen_burgers", "artikelen", "verbetervoorstel")

_ARTIKEL = re.compile(r"\bart(?:ikel|\.)?\s*(\d+[a-z]?(?:\.\d+)?)", re.IGNORECASE)


def artikelen_in(tekst: str) -> list[str]:
    """'art. 35 lid 2; artikel 36a' → ['35', '36a'] (each article once, in order)."""
    return list(dict.fromkeys(m.group(1).lower() for m in _ARTIKEL.finditer(tekst or "")))


def artikelranglijst(signalen, limiet: int = 20) -> list[tuple[str, int]]:
    """Articles by number of signals that cite them, most first.

    The database counts the signals per distinct ``artikelen`` text (many signals cite the same
    articles the same way), from the index ``signaal_regeling_artikel_idx`` alone for a
    regulation's public signals; each distinct text is parsed once."""
    teller = Counter()
    per_tekst = (signalen.exclude(artikelen="").order_by().values("artikelen")
                 .annotate(aantal=Count("artikelen")).values_list("artikelen", "aantal"))
    for tekst, aantal in per_tekst:
        for artikel in artikelen_in(tekst):
            teller[artikel] += aantal
    return sorted(teller.items(), key=lambda kv: (-kv[1], kv[0]))[:limiet]


def _zelfde_regeling_of(regeling_id, eigenaar_id) -> Q:
    """Same regulation (when there is one: no regulation is not a shared regulation) or same owner."""
    q = Q(eigenaar=eigenaar_id) if eigenaar_id is not None else Q(pk__in=[])
    return q | Q(regeling=regeling_id) if regeling_id is not None else q


def ongebundeld() -> Q:
    """Signals in no knelpunt. ``NOT EXISTS``, not ``bundeling__isnull=True``: Django writes the latter as
    a LEFT JOIN with ``bundeling.id IS NULL``, which PostgreSQL cannot plan as an anti-join, so it
    estimated one row and sorted every signal of an owner for the newest 25 (3 s at 1M; 1 ms now)."""
    return ~Exists(Bundeling.objects.filter(signaal=OuterRef("pk")))


def suggesties(knelpunt: Knelpunt, user, limiet: int = 10) -> list[gelijkenis.Suggestie]:
    """Signals not yet in a knelpunt that look like this one: same regulation or same owner."""
    kandidaten = signaalrechten.zichtbare_signalen(user, Signaal.objects.filter(
        ongebundeld(), _zelfde_regeling_of(knelpunt.regeling_id, knelpunt.eigenaar_id),
    )).select_related("indienende_organisatie").order_by("-ingediend_op")[:gelijkenis.MAX_KANDIDATEN]
    return gelijkenis.rangschik(kneltekst(knelpunt), [(s, gelijkenis.signaaltekst(s)) for s in kandidaten],
                                limiet=limiet)


MAX_KNELPUNT_KANDIDATEN = 200


def _open_knelpunten(regelingen, eigenaren):
    """Open knelpunten about these regulations or owned by these organisations, newest first, with the
    signals ``kneltekst`` reads prefetched (two queries, however many knelpunten): only the fields
    it reads, not every field of every member."""
    regelingen = [r for r in regelingen if r is not None]  # no regulation is not a shared regulation
    eigenaren = [e for e in eigenaren if e is not None]
    return (Knelpunt.objects.filter(Q(regeling__in=regelingen) | Q(eigenaar__in=eigenaren), status=KnelpuntStatus.OPEN)
            .order_by("-gewijzigd_op")
            .prefetch_related(_signalen_voor_tekst()))


def _signalen_voor_tekst() -> Prefetch:
    return Prefetch("signalen", queryset=Signaal.objects.order_by("id").only(*TEKSTVELDEN))


def knelpunten_voor(signaal, limiet: int = 5) -> list[gelijkenis.Suggestie]:
    """Open knelpunten this signal may belong to."""
    kandidaten = _open_knelpunten([signaal.regeling_id], [signaal.eigenaar_id])[:MAX_KNELPUNT_KANDIDATEN]
    return gelijkenis.rangschik(gelijkenis.signaaltekst(signaal), [(k, kneltekst(k)) for k in kandidaten],
                                limiet=limiet)


def knelpunten_voor_elk(signalen: list, limiet: int = 5) -> list[tuple]:
    """``[(signaal, knelpunten_voor(signaal)), ...]`` with one fetch of the candidates for all of them.

    Only the candidates some signal compares with get their texts fetched, and every text is
    counted once (``gelijkenis.rangschik_elk``): the same ranking as ``knelpunten_voor`` per signal."""
    if not signalen:
        return []
    alle = list(_open_knelpunten({s.regeling_id for s in signalen}, {s.eigenaar_id for s in signalen})
                .prefetch_related(None)[:MAX_KNELPUNT_KANDIDATEN * len(signalen)])
    per_signaal = []
    for s in signalen:
        eigen = [k for k in alle if (s.regeling_id is not None and s.regeling_id == k.regeling_id)
                 or (s.eigenaar_id is not None and s.eigenaar_id == k.eigenaar_id)]
        per_signaal.append(eigen[:MAX_KNELPUNT_KANDIDATEN])
    gebruikt = list({k.pk: k for eigen in per_signaal for k in eigen}.values())
    prefetch_related_objects(gebruikt, _signalen_voor_tekst())
    teksten = {k.pk: kneltekst(k) for k in gebruikt}
    rangen = gelijkenis.rangschik_elk(
        [(gelijkenis.signaaltekst(s), [(k, teksten[k.pk]) for k in eigen]) for s, eigen in zip(signalen, per_signaal)],
        limiet=limiet)
    return list(zip(signalen, rangen))


def zichtbare_leden(knelpunt: Knelpunt, user):
    return signaalrechten.zichtbare_signalen(user, knelpunt.signalen.all()).met_relaties()


def belang(c: cijfermodule.Cijfers) -> tuple:
    """Policy significance, for ranking the agenda: an explained-away brake first, then the
    number of organisations, citizens affected and signals."""
    return (c.noodrem_uitgelegd > 0, c.aantal_organisaties, c.burgers, c.signalen)


def antwoord_van_ministerie(knelpunt: Knelpunt) -> Reactie | None:
    """The latest answer in the knelpunt from a ministry, a political answer first."""
    reacties = (Reactie.objects.filter(signaal__bundeling__knelpunt=knelpunt, signaal__openbaar=True,
                                       organisatie__soort="ministerie")
                .select_related("organisatie", "signaal").order_by("-gegeven_op", "-id"))
    return reacties.filter(niveau="politiek").first() or reacties.first()


def agenda(commissie, user) -> list[dict]:
    """The committee's agenda, ranked by policy significance."""
    items = []
    for a in (Agendering.objects.filter(kamercommissie=commissie)
              .select_related("knelpunt", "knelpunt__regeling", "knelpunt__eigenaar")):
        c = cijfermodule.bereken(zichtbare_leden(a.knelpunt, user))
        items.append({"agendering": a, "knelpunt": a.knelpunt, "cijfers": c,
                      "antwoord": antwoord_van_ministerie(a.knelpunt)})
    items.sort(key=lambda i: (belang(i["cijfers"]), i["agendering"].geagendeerd_op), reverse=True)
    return items


def wetgevingsagenda(limiet: int = 100):
    """Regulations with open knelpunten, most first."""
    from schakel.regelingen.models import Regeling

    return (Regeling.objects.annotate(open_knelpunten=Count("knelpunten", filter=Q(knelpunten__status="open")),
                                      geagendeerd=Count("knelpunten__agendering"))
            .filter(open_knelpunten__gt=0).select_related("eigenaar", "kamercommissie")
            .order_by("-open_knelpunten", "-geagendeerd", "titel")[:limiet])
