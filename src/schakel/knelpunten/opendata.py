"""Open data: published signals, answers, commitments, knelpunten and agenda items as CSV and
Atom, under CC0. Only published signals (``openbaar``) and what hangs from them; no names of
people, no accounts: organisations by afkorting, stable identifiers (uuid) for everything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterable

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed

from schakel.core.spreadsheet import VeiligeSchrijver
from schakel.organisaties.models import Organisatie, OrganisatieSoort
from schakel.signalen.models import Reactie, Signaal, Toezegging

from . import cijfers as cijfermodule
from .models import Agendering, Bundeling, Knelpunt

LICENTIE = "CC0 1.0 Universeel (publiek domein)"
LICENTIE_URL = "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"
FEED_GROOTTE = 100
CSV_CACHE = 300  # seconds


def _datum(waarde) -> str:
    return waarde.isoformat() if waarde else ""


@dataclass(frozen=True)
class Tabel:
    kolommen: tuple[str, ...]
    rijen: Callable[[], Iterable[tuple]]


def _signalen():
    for s in (Signaal.objects.openbaar().select_related("regeling", "eigenaar", "indienende_organisatie")
              .order_by("id").iterator(chunk_size=2000)):
        yield (s.uuid, s.kenmerk, s.soort, s.titel, s.regeling.bwb_id if s.regeling_id else "", s.artikelen,
               s.indienende_organisatie.afkorting if s.indienende_organisatie_id else "",
               s.eigenaar.afkorting if s.eigenaar_id else "", s.status,
               _datum(s.ingediend_op), _datum(s.uiterste_reactiedatum), _datum(s.beantwoord_op),
               _datum(s.termijn_overschreden_op), s.aantal_getroffen if s.aantal_getroffen is not None else "",
               s.praktijk, s.verbetervoorstel)


def _reacties():
    for r in (Reactie.objects.filter(signaal__openbaar=True).select_related("signaal", "organisatie")
              .order_by("id").iterator(chunk_size=2000)):
        yield (r.uuid, r.signaal.uuid, r.versie, r.besluit, r.niveau, r.organisatie.afkorting,
               _datum(r.gegeven_op), r.toelichting)


def _toezeggingen():
    for t in (Toezegging.objects.filter(signaal__openbaar=True).select_related("signaal", "reactie")
              .order_by("id").iterator(chunk_size=2000)):
        yield (t.uuid, t.signaal.uuid, t.reactie.uuid, t.omschrijving, t.eigenaar, _datum(t.uiterlijk), t.status,
               _datum(t.nagekomen_op))


KNELPUNTEN_PER_BLOK = 500


def _knelpunten():
    alle = Knelpunt.objects.select_related("regeling", "eigenaar", "kamercommissie").order_by("id")
    for k, c in _met_cijfers(alle.iterator(chunk_size=KNELPUNTEN_PER_BLOK)):
        yield (k.uuid, k.kenmerk, k.titel, k.status, k.regeling.bwb_id if k.regeling_id else "", k.artikelen,
               k.eigenaar.afkorting,
               k.kamercommissie.afkorting if k.kamercommissie_id else "", c.signalen, c.aantal_organisaties,
               c.burgers, c.beantwoord, c.open_toezeggingen, _datum(k.aangemaakt_op), k.beleidsbetekenis, k.dilemma)


def _met_cijfers(knelpunten: Iterable[Knelpunt]):
    """``(knelpunt, its figures over published signals)``, the figures computed per block of
    knelpunten (a few queries per block, not per knelpunt)."""
    blok: list[Knelpunt] = []

    def leeg():
        cijfers = cijfermodule.bereken_per_knelpunt([k.pk for k in blok])
        for k in blok:
            yield k, cijfers[k.pk]
        blok.clear()

    for knelpunt in knelpunten:
        blok.append(knelpunt)
        if len(blok) == KNELPUNTEN_PER_BLOK:
            yield from leeg()
    yield from leeg()


def _agenderingen():
    for a in Agendering.objects.select_related("knelpunt", "kamercommissie").order_by("id"):
        yield (a.uuid, a.knelpunt.uuid, a.knelpunt.kenmerk, a.kamercommissie.afkorting, a.drempel, a.reden,
               _datum(a.geagendeerd_op))


TABELLEN = {
    "signalen": Tabel(("uuid", "kenmerk", "soort", "titel", "regeling", "artikelen", "indienendeOrganisatie",
                       "eigenaar", "status", "ingediendOp", "uitersteReactiedatum", "beantwoordOp",
                       "termijnOverschredenOp", "aantalGetroffen", "praktijk", "verbetervoorstel"), _signalen),
    "reacties": Tabel(("uuid", "signaal", "versie", "besluit", "niveau", "organisatie", "gegevenOp", "toelichting"),
                      _reacties),
    "toezeggingen": Tabel(("uuid", "signaal", "reactie", "omschrijving", "doorWie", "uiterlijk", "status",
                           "nagekomenOp"), _toezeggingen),
    "knelpunten": Tabel(("uuid", "kenmerk", "titel", "status", "regeling", "artikelen", "eigenaar",
                         "kamercommissie", "signalen", "organisaties", "getroffenBurgers", "beantwoord",
                         "openToezeggingen", "aangemaaktOp", "beleidsbetekenis", "dilemma"), _knelpunten),
    "agenderingen": Tabel(("uuid", "knelpunt", "kenmerk", "kamercommissie", "drempel", "reden", "geagendeerdOp"),
                          _agenderingen),
}


class _Echo:
    def write(self, waarde):
        return waarde


def csv_antwoord(naam: str) -> StreamingHttpResponse:
    tabel = TABELLEN.get(naam)
    if tabel is None:
        raise Http404("Onbekende dataset.")
    schrijver = VeiligeSchrijver(_Echo())

    def regels():
        yield "\ufeff"  # BOM: spreadsheet programs then read UTF-8
        yield schrijver.writerow(tabel.kolommen)
        for rij in tabel.rijen():
            yield schrijver.writerow(rij)

    antwoord = StreamingHttpResponse(regels(), content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="schakel-{naam}.csv"'
    antwoord["Link"] = f'<{LICENTIE_URL}>; rel="license"'
    # Streamed, so not kept in the server cache: let browsers and proxies keep it a while.
    patch_cache_control(antwoord, public=True, max_age=CSV_CACHE)
    return antwoord


class TekstAtomFeed(Atom1Feed):
    """Atom (RFC 4287) that never carries markup: summaries are ``type="text"`` (Django writes
    ``type="html"``, which makes feed readers render ``<img onerror>`` and ``javascript:``
    links from user text), and entries have distinct ``updated`` moments (entries are
    newest first; one that shares its moment with the entry above it, as happens when
    several answers are given in one step, is placed a microsecond earlier)."""

    def write_items(self, handler):
        vorige = None
        for item in self.items:
            moment = item["updateddate"]
            if vorige is not None and moment is not None and moment >= vorige:
                item["updateddate"] = vorige - dt.timedelta(microseconds=1)
            vorige = item["updateddate"] or vorige
        super().write_items(handler)

    def add_item_elements(self, handler, item):
        samenvatting = item["description"]
        super().add_item_elements(handler, {**item, "description": None})
        if samenvatting is not None:
            handler.addQuickElement("summary", samenvatting, {"type": "text"})


class _AtomFeed(Feed):
    """The open-data feeds: plain text only, an author on the feed and on every entry (an
    organisation, never a person), and a self link that keeps the query of a filtered feed."""

    feed_type = TekstAtomFeed
    feed_copyright = LICENTIE
    author_name = "Schakel"

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["feed_url"] = request.build_absolute_uri()
        return feed

    def item_pubdate(self, item):
        return self.moment(item)

    def item_updateddate(self, item):
        return self.moment(item)


def agenderingen_van_organisatie(organisatie_id: int) -> Q:
    """Agenda items that concern an organisation: on its agenda (a committee), or about a
    knelpunt it owns or to which it contributed a published signal."""
    return (Q(kamercommissie=organisatie_id) | Q(knelpunt__eigenaar=organisatie_id)
            | Q(knelpunt__in=Bundeling.objects.filter(signaal__openbaar=True,
                                                       signaal__indienende_organisatie=organisatie_id)
                .values("knelpunt")))


class AgendaFeed(_AtomFeed):
    """Knelpunten put on a committee's agenda; ``?commissie=``, ``?organisatie=`` and
    ``?regeling=`` narrow it down (the feeds of subscriptions: a committee, an organisation,
    a regulation). An unknown committee or organisation is a 404."""

    def get_object(self, request):
        obj = {"commissie": None, "organisatie": None, "regeling": request.GET.get("regeling", "")}
        if afkorting := request.GET.get("commissie", ""):
            obj["commissie"] = get_object_or_404(Organisatie, afkorting=afkorting,
                                                 soort=OrganisatieSoort.KAMERCOMMISSIE)
        if afkorting := request.GET.get("organisatie", ""):
            obj["organisatie"] = get_object_or_404(Organisatie, afkorting=afkorting)
        return obj

    def title(self, obj):
        if obj["commissie"]:
            return f"Schakel: knelpunten op de agenda van de {obj['commissie'].naam}"
        if obj["organisatie"]:
            return f"Schakel: knelpunten van {obj['organisatie'].naam} op de agenda van de Kamer"
        return "Schakel: knelpunten op de agenda van de Kamer"

    def subtitle(self, obj):
        return "Knelpunten die een drempel overschreden en op de agenda van een Kamercommissie staan."

    def link(self, obj):
        if obj["commissie"]:
            return f"/commissies/{obj['commissie'].afkorting}/agenda"
        if obj["organisatie"]:
            return f"/organisaties/{obj['organisatie'].afkorting}"
        if obj["regeling"]:
            return f"/regelingen/{obj['regeling']}"
        return "/wetgevingsagenda"

    def items(self, obj):
        qs = Agendering.objects.select_related("knelpunt", "knelpunt__regeling", "kamercommissie")
        if obj["commissie"]:
            qs = qs.filter(kamercommissie=obj["commissie"])
        if obj["organisatie"]:
            qs = qs.filter(agenderingen_van_organisatie(obj["organisatie"].pk))
        if obj["regeling"]:
            qs = qs.filter(knelpunt__regeling__bwb_id=obj["regeling"])
        return qs.order_by("-geagendeerd_op", "-id")[:FEED_GROOTTE]

    def item_title(self, a):
        return f"{a.knelpunt.kenmerk} {a.knelpunt.titel}"

    def item_description(self, a):
        over = f" ({a.knelpunt.regeling})" if a.knelpunt.regeling_id else ""
        return (f"Op de agenda van de {a.kamercommissie.naam}{over}. {a.reden}\n\n"
                f"Wat dit betekent voor beleid: {a.knelpunt.beleidsbetekenis}")

    def item_link(self, a):
        return f"/knelpunten/{a.knelpunt.uuid}"

    def item_author_name(self, a):
        return a.kamercommissie.naam

    def item_guid(self, a):
        return f"urn:uuid:{a.uuid}"

    item_guid_is_permalink = False

    def moment(self, a):
        return a.geagendeerd_op


class KnelpuntenFeed(_AtomFeed):
    title = "Schakel: knelpunten"
    subtitle = "Signalen over dezelfde regel of hetzelfde probleem, gebundeld."
    link = "/knelpunten"
    item_guid_is_permalink = False

    def items(self):
        return Knelpunt.objects.select_related("regeling", "eigenaar").order_by("-gewijzigd_op", "-id")[:FEED_GROOTTE]

    def item_title(self, k):
        return f"{k.kenmerk} {k.titel}"

    def item_description(self, k):
        return k.beleidsbetekenis

    def item_link(self, k):
        return f"/knelpunten/{k.uuid}"

    def item_author_name(self, k):
        return k.eigenaar.naam

    def item_guid(self, k):
        return f"urn:uuid:{k.uuid}"

    def moment(self, k):
        return k.gewijzigd_op


class SignalenFeed(_AtomFeed):
    title = "Schakel: gepubliceerde signalen"
    subtitle = "Nieuwe openbare signalen uit de uitvoering."
    link = "/signalen"
    item_guid_is_permalink = False

    def items(self):
        return Signaal.objects.openbaar().select_related("regeling", "indienende_organisatie").order_by("-ingediend_op", "-id")[:FEED_GROOTTE]

    def item_title(self, s):
        return f"{s.kenmerk} {s.titel}"

    def item_description(self, s):
        return f"{s.regeling}: {s.praktijk}" if s.regeling_id else s.praktijk

    def item_link(self, s):
        return f"/signalen/{s.uuid}"

    def item_author_name(self, s):
        # A signal Schakel raised itself (a retoursticker) has no filing organisation; people
        # are never named.
        return s.indienende_organisatie.naam if s.indienende_organisatie_id else "Schakel"

    def item_guid(self, s):
        return f"urn:uuid:{s.uuid}"

    def moment(self, s):
        return s.ingediend_op


class ReactiesFeed(_AtomFeed):
    title = "Schakel: reacties (comply or explain)"
    subtitle = "Antwoorden op openbare signalen: overgenomen, of niet overgenomen met reden."
    link = "/signalen"
    item_guid_is_permalink = False

    def items(self):
        return (Reactie.objects.filter(signaal__openbaar=True).select_related("signaal", "organisatie")
                .order_by("-gegeven_op", "-id")[:FEED_GROOTTE])

    def item_title(self, r):
        return f"{r.signaal.kenmerk}: {r.get_besluit_display()} door {r.organisatie.naam}"

    def item_description(self, r):
        return r.toelichting

    def item_link(self, r):
        return f"/signalen/{r.signaal.uuid}"

    def item_author_name(self, r):
        return r.organisatie.naam

    def item_guid(self, r):
        return f"urn:uuid:{r.uuid}"

    def moment(self, r):
        return r.gegeven_op
