"""Queries per page: the main pages make a fixed number of queries, however many rows they show.

Each page is measured on a world with one batch of data and again after a second batch (signals
answered with commitments, knelpunten, proposals, cases, return stickers, notifications): the count
must not grow (an N+1 would), and stays within a budget (``django_assert_max_num_queries``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from schakel.accounts.models import Rol, User
from schakel.signalen import services
from schakel.signalen.services import NieuweToezegging

from ..knelpunten.conftest import BETEKENIS
from ..maatwerkplaats.conftest import CASUS

PER_RONDE = 10


@dataclass
class Wereld:
    w: object
    signalen: list
    knelpunten: list
    ronde: int = 0


def _ronde(d: Wereld) -> None:
    """One batch of data that every measured page shows."""
    from schakel.knelpunten import services as knelpunten
    from schakel.maatwerkplaats import services as maatwerkplaats
    from schakel.noodrem import retourstickers as noodremretour
    from schakel.toetsen import services as toetsen
    from schakel.toetsen.models import VoorstelSoort

    w, r = d.w, d.ronde
    nieuw = []
    for i in range(PER_RONDE):
        s = services.dien_in(indiener=w.melder_uwv,
                             titel=f"Ronde {r} signaal {i}: terugvordering treft mensen met schulden",
                             praktijk="Mensen met schulden moeten een voorschot in één keer terugbetalen. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                             getroffen_burgers="WIA-aanvragers met schulden", regeling=w.wia, aantal_getroffen=10 + i)
        services.reageer(s, actor=w.behandelaar_szw, besluit="overnemen",
                         toelichting_tekst=f"We passen de terugvordering aan (ronde {r}, signaal {i}): termijnen.",
                         toezeggingen=[NieuweToezegging(f"Regel {r}.{i} aanpassen", "Directie WI", dt.date(2026, 6, 30)),
                                       NieuweToezegging(f"Uitleg {r}.{i} op de website", "Communicatie",
                                                        dt.date(2026, 3, 12))])
        nieuw.append(s)
    d.signalen += nieuw
    # One knelpunt per batch, and the first knelpunt grows with every batch.
    d.knelpunten.append(knelpunten.maak(actor=w.behandelaar_szw, signalen=nieuw[:3], titel=f"Knelpunt ronde {r}",
                                        beleidsbetekenis=BETEKENIS))
    for s in nieuw[3:6]:
        knelpunten.voeg_toe(d.knelpunten[0], s, actor=w.behandelaar_szw)
    for i in range(3):
        toetsen.registreer(
            actor=w.behandelaar_szw, soort=VoorstelSoort.AMENDEMENT, kamerstuk=f"36 1{r}{i}, nr. 5",
            titel=f"Amendement {r}.{i}: WIA-voorschot in termijnen",
            omschrijving="Het voorschot op de WIA-uitkering wordt in termijnen terugbetaald, naar draagkracht.",
            ministerie=w.szw, kamercommissie=w.cie_szw, regelingen=[w.wia], uitvoerders=[w.uwv, w.svb])
        maatwerkplaats.breng_in(actor=w.melder_uwv, regeling=w.wia, **{**CASUS, "titel": f"Casus {r}.{i}"})
        noodremretour.stuur_retoursticker(organisatie=w.uwv, brief=f"Besluit {r}.{i} herbeoordeling WIA",
                                    reden="onbegrijpelijk", toelichting="Ik snap de brief niet.",
                                    contactgegevens="mevrouw De Vries, 06-12345678")
    d.ronde += 1


@pytest.fixture
def data(wereld):
    wereld.bestuur_szw = User.objects.create_user(username="bestuur-szw", password="x", rol=Rol.BESTUUR,
                                                  organisatie=wereld.szw)
    d = Wereld(w=wereld, signalen=[], knelpunten=[])
    _ronde(d)
    return d


# (page, who looks, url, budget)
PAGINAS: dict[str, tuple[Callable, Callable, int]] = {
    "signalen": (lambda w: w.behandelaar_szw, lambda d: reverse("web:signalen"), 20),
    "signaal": (lambda w: w.behandelaar_szw, lambda d: reverse("web:signaal", args=[d.signalen[0].uuid]), 30),
    "inbox": (lambda w: w.behandelaar_szw, lambda d: reverse("notificaties:inbox"), 30),
    "regeling": (lambda w: w.behandelaar_szw, lambda d: reverse("web:regeling", args=["BWBR0019057"]), 20),
    "organisatie": (lambda w: w.behandelaar_szw, lambda d: reverse("web:organisatie", args=["szw"]), 25),
    "knelpunten": (lambda w: w.behandelaar_szw, lambda d: reverse("knelpunten:knelpunten"), 20),
    "knelpunt": (lambda w: w.behandelaar_szw, lambda d: reverse("knelpunten:knelpunt", args=[d.knelpunten[0].uuid]), 30),
    "agenda": (lambda w: w.griffie_szw, lambda d: reverse("knelpunten:agenda", args=["cie-szw"]), 30),
    "staat": (lambda w: w.behandelaar_szw, lambda d: reverse("rapportage:staat"), 60),
    "voorstellen": (lambda w: w.behandelaar_szw, lambda d: reverse("toetsen:voorstellen"), 20),
    "noodrem": (lambda w: w.melder_uwv, lambda d: reverse("noodrem:start"), 15),
    "retourstickers": (lambda w: w.bestuur_uwv, lambda d: reverse("noodrem:retourstickers", args=["uwv"]), 20),
    "maatwerkplaats": (lambda w: w.melder_uwv, lambda d: reverse("maatwerkplaats:overzicht"), 20),
    "casusprudentie": (lambda w: w.melder_uwv, lambda d: reverse("maatwerkplaats:casusprudentie"), 20),
    "termijnen": (lambda w: w.behandelaar_szw, lambda d: reverse("termijnen:overzicht"), 25),
    "termijnen-commissie": (lambda w: w.griffie_szw, lambda d: reverse("termijnen:overzicht") + "?commissie=cie-szw",
                            25),
}


def _tel(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as vangst:
        antwoord = client.get(url)
    assert antwoord.status_code == 200, (url, antwoord.status_code)
    return len(vangst.captured_queries)


@pytest.mark.parametrize("pagina", sorted(PAGINAS))
def test_queries_do_not_grow_with_the_data(data, pagina, django_assert_max_num_queries):
    wie, url, budget = PAGINAS[pagina]
    client = Client()
    client.force_login(wie(data.w))
    _tel(client, url(data))  # warm caches (content types, sessions) so both counts compare like with like
    eerst = _tel(client, url(data))
    _ronde(data)
    daarna = _tel(client, url(data))
    assert daarna == eerst, f"{pagina}: {eerst} queries with {data.ronde - 1} batch(es), {daarna} with {data.ronde}"
    with django_assert_max_num_queries(budget):
        client.get(url(data))

