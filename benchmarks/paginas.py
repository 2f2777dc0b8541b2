#!/usr/bin/env python
"""Web pages at scale: every read-only page, timed in-process with Django's test client.

For every route in ``schakel.web.methoden.ALLEEN_LEZEN`` (the pages that only show something) the
script builds one or more requests: the URL parameters are filled with real objects from the
database, and where it matters the worst case (the regulation, organisation, knelpunt and
committee with the most signals); a page is requested anonymously and, where the page shows more
to staff or needs a login, as a realistic role (the handler of the ministry that owns the most
signals, the melder of the organisation that filed the most, a committee clerk). Each request is
made once to warm up (its time is shown as "first") and then ``--requests`` times (default 20, but
at most ``--max-seconds`` per page, at least 3 times
or ``--requests``); the script prints per page p50 and p95 in ms,
the number of SQL queries and the response size, sorted by p95, pages above 100 ms marked.

The app runs with the production settings (``SCHAKEL_DEBUG=0``) in this process, so what is
measured is the view, its queries and its template, without a web server or network. Three
settings differ, so that a run writes nothing and measures the work itself:

* sessions are signed cookies (the database session backend adds one primary-key lookup per
  logged-in request);
* the cache is a dummy: pages behind ``cache_page`` (the open data) are measured uncached, which
  is what the first visitor after each expiry pays; rate limits are off;
* on PostgreSQL every transaction is read-only (``default_transaction_read_only``): a page that
  writes on GET fails loudly instead of changing the database.

A new route in ``ALLEEN_LEZEN`` without an entry in ``PAGINAS`` below stops the script: add it.

    # against an existing database (SCHAKEL_DB_* environment or options), writes nothing:
    .venv/bin/python benchmarks/paginas.py --pg-port 5499 --pg-database schakel1m
    .venv/bin/python benchmarks/paginas.py --sqlite /path/to/schakel.sqlite3 --requests 5
    # accounts the generator does not make (a clerk, a triage handler): created once, then measured
    .venv/bin/python benchmarks/paginas.py --pg-port 5499 --pg-database paginas1m --add-users
    # a fresh PostgreSQL database with generated data first (dropped and created):
    .venv/bin/python benchmarks/paginas.py --pg-port 54329 --generate 100000
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from _common import PLAIN_HTTP, ROOT, django_env, fresh_database, percentiel

GRENS_MS = 100.0
BENCH_VOORVOEGSEL = "bench."


@dataclass
class Verzoek:
    """One measured request: a label, a path (with query string) and who asks."""

    naam: str
    pad: str
    wie: str = "anoniem"


@dataclass
class Resultaat:
    verzoek: Verzoek
    status: int
    eerste_ms: float
    tijden_ms: list[float] = field(default_factory=list)
    queries: int = 0
    bytes: int = 0
    fout: str = ""

    def percentiel(self, p: float) -> float:
        """Nearest-rank percentile of the timed requests."""
        return percentiel(self.tijden_ms, p)


# --- setting up Django in this process ------------------------------------------------------

def _configureer(args) -> None:
    """Environment and settings for this process, before ``django.setup()``."""
    if args.sqlite:
        os.environ.update({"DJANGO_SETTINGS_MODULE": "schakel.conf.settings", "SCHAKEL_DEBUG": "0",
                           "SCHAKEL_SECRET_KEY": "benchmark-only-not-secret", "SCHAKEL_LOG_LEVEL": "WARNING",
                           "SCHAKEL_DB_ENGINE": "sqlite", "SCHAKEL_DB_NAME": str(Path(args.sqlite).resolve()),
                           **PLAIN_HTTP})
    else:
        os.environ.update(django_env(args, "postgresql", ""))
        os.environ["SCHAKEL_DB_CONN_MAX_AGE"] = "600"  # one connection for the whole run, as a warm worker
    sys.path.insert(0, str(ROOT / "src"))
    from django.conf import settings

    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.RATELIMIT_ENABLE = False
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql") and not args.schrijven:
        for alias in settings.DATABASES:
            opties = settings.DATABASES[alias].setdefault("OPTIONS", {})
            opties["options"] = (opties.get("options", "") + " -c default_transaction_read_only=on").strip()
    import django

    django.setup()


def _voeg_gebruikers_toe(w) -> None:
    """Accounts the generator does not make: a clerk of the committee of the busiest ministry, and a
    triage handler of that ministry. Unusable passwords; created once (``--add-users``)."""
    from django.contrib.auth.models import Permission

    from schakel.accounts.models import Rol, User

    if w.ministerie is None:
        return
    commissie = w.ministerie.kamercommissie or w.commissie
    if commissie is not None:
        User.objects.get_or_create(username=f"{BENCH_VOORVOEGSEL}griffie.{commissie.afkorting}", defaults={
            "rol": Rol.GRIFFIE, "organisatie": commissie, "password": "!benchmark"})
    triage, _ = User.objects.get_or_create(username=f"{BENCH_VOORVOEGSEL}triage.{w.ministerie.afkorting}", defaults={
        "rol": Rol.BEHANDELAAR, "organisatie": w.ministerie, "password": "!benchmark"})
    triage.user_permissions.add(Permission.objects.get(codename="trieren", content_type__app_label="signalen"))


def _wereld(args) -> SimpleNamespace:
    """The objects and users the pages are filled with: the ones with the most signals."""
    from django.db.models import Count

    from schakel.accounts.models import Rol, User
    from schakel.knelpunten.models import Knelpunt
    from schakel.maatwerkplaats.models import Casus
    from schakel.organisaties.models import Organisatie, OrganisatieSoort
    from schakel.regelingen.models import Regeling
    from schakel.core import clock
    from schakel.signalen.models import Oorzaak, Signaal
    from schakel.toetsen.models import Invoeringstoets, Voorstel

    def meeste(veld: str):
        rij = (Signaal.objects.exclude(**{f"{veld}__isnull": True}).values(veld).annotate(n=Count("id"))
               .order_by("-n").first())
        return rij[veld] if rij else None

    w = SimpleNamespace()
    w.regeling = Regeling.objects.filter(pk=meeste("regeling")).first()
    w.ministerie = Organisatie.objects.select_related("kamercommissie").filter(pk=meeste("eigenaar")).first()
    w.indiener = Organisatie.objects.filter(pk=meeste("indienende_organisatie")).first()
    kn = (Knelpunt.objects.annotate(n=Count("bundelingen")).order_by("-n", "-id").values_list("pk", flat=True).first())
    w.knelpunt = Knelpunt.objects.filter(pk=kn).first()
    rij = (Knelpunt.objects.exclude(kamercommissie__isnull=True).values("kamercommissie")
           .annotate(n=Count("id")).order_by("-n").first())
    w.commissie = (Organisatie.objects.filter(pk=rij["kamercommissie"]).first() if rij else
                   Organisatie.objects.filter(soort=OrganisatieSoort.KAMERCOMMISSIE).order_by("naam").first())
    openbaar = Signaal.objects.filter(openbaar=True)
    if w.regeling:
        openbaar = openbaar.filter(regeling=w.regeling)
    # A public signal with a history: answered with commitments (the signal page) and one still
    # waiting for an answer, escalated (the term page). The newest, as a visitor finds them.
    w.beantwoord = openbaar.filter(reacties__toezeggingen__isnull=False).order_by("-id").first()
    w.wachtend = (openbaar.filter(beantwoord_op__isnull=True, escalatietrede__gt=0).order_by("-id").first()
                  or openbaar.filter(beantwoord_op__isnull=True).order_by("-id").first())
    w.oorzaak = Oorzaak.objects.filter(pk=meeste("oorzaken")).first()
    w.vorig_jaar = clock.today().year - 1
    w.voorstel = Voorstel.objects.order_by("-id").first()
    w.invoeringstoets = Invoeringstoets.objects.order_by("-id").first()
    w.casus = Casus.objects.order_by("-id").first()
    gebruikers = User.objects.select_related("organisatie").filter(is_active=True)
    w.gebruikers = {
        "behandelaar": gebruikers.filter(rol=Rol.BEHANDELAAR, organisatie=w.ministerie)
        .exclude(username__startswith=BENCH_VOORVOEGSEL).order_by("id").first(),
        "melder": gebruikers.filter(rol=Rol.MELDER, organisatie=w.indiener).order_by("id").first(),
        "griffie": (gebruikers.filter(rol=Rol.GRIFFIE, organisatie=getattr(w.ministerie, "kamercommissie", None))
                    .order_by("id").first() or gebruikers.filter(rol=Rol.GRIFFIE).order_by("id").first()),
        "triage": next((u for u in gebruikers.filter(rol=Rol.BEHANDELAAR, organisatie=w.ministerie)
                        .order_by("-username") if u.has_perm("signalen.trieren")), None),
    }
    # The Maatwerkplaats is for implementing organisations: the melder of the busiest one.
    w.gebruikers["maatwerk"] = w.gebruikers["melder"]
    return w


# --- the pages --------------------------------------------------------------------------------

def _paginas(w) -> dict[str, list[Verzoek]]:
    """Per read-only route, the requests to time. ``None`` for an object means: not in this database."""
    from schakel.knelpunten.opendata import TABELLEN

    def pad(route, *args, query=""):
        from django.urls import reverse

        return reverse(route, args=args) + (f"?{query}" if query else "")

    def als(obj, maak):
        return maak(obj) if obj is not None else []

    reg, mini, ind = w.regeling, w.ministerie, w.indiener
    filters = ["status=verlopen", "status=overgenomen"]
    if mini:
        filters.append(f"eigenaar={mini.afkorting}")
    if reg:
        filters.append(f"regeling={reg.bwb_id}")
    return {
        "web:start": [Verzoek("start", pad("web:start")), Verzoek("start", pad("web:start"), "behandelaar")],
        "web:signalen": [
            Verzoek("signalen", pad("web:signalen")),
            Verzoek("signalen", pad("web:signalen"), "behandelaar"),
            *[Verzoek(f"signalen ?{f}", pad("web:signalen", query=f)) for f in filters],
            *als(w.oorzaak, lambda o: [Verzoek("signalen ?oorzaak=…&van=…", pad(
                "web:signalen", query=f"oorzaak={o.code}&van={w.vorig_jaar}-01-01"))]),
            Verzoek("signalen ?pagina=400", pad("web:signalen", query="pagina=400")),
            Verzoek("signalen ?q=voorschot (search)", pad("web:signalen", query="q=voorschot")),
            Verzoek("signalen ?q=…&eigenaar=… (search)",
                    pad("web:signalen", query=f"q=beslagvrije+voet&eigenaar={mini.afkorting}" if mini else "q=beslag")),
        ],
        "web:signaal": als(w.beantwoord, lambda s: [Verzoek("signaal (answered)", pad("web:signaal", s.uuid)),
                                                    Verzoek("signaal (answered)", pad("web:signaal", s.uuid),
                                                            "behandelaar")]),
        "web:organisatie": [
            *als(mini, lambda o: [Verzoek(f"organisatie {o.afkorting} (owner)", pad("web:organisatie", o.afkorting)),
                                  Verzoek(f"organisatie {o.afkorting} (owner)", pad("web:organisatie", o.afkorting),
                                          "behandelaar")]),
            *als(ind, lambda o: [Verzoek(f"organisatie {o.afkorting} (filer)", pad("web:organisatie", o.afkorting))]),
        ],
        "web:regeling": als(reg, lambda r: [
            Verzoek(f"regeling {r.bwb_id}", pad("web:regeling", r.bwb_id)),
            Verzoek(f"regeling {r.bwb_id}", pad("web:regeling", r.bwb_id), "behandelaar"),
            Verzoek(f"regeling {r.bwb_id} ?pagina=400", pad("web:regeling", r.bwb_id, query="pagina=400"))]),
        "web:triage": [Verzoek("triage", pad("web:triage"), "triage")],
        "termijnen:overzicht": [
            Verzoek("termijnen", pad("termijnen:overzicht")),
            Verzoek("termijnen", pad("termijnen:overzicht"), "behandelaar"),
            *als(mini, lambda o: [Verzoek("termijnen ?eigenaar=…", pad("termijnen:overzicht",
                                                                        query=f"eigenaar={o.afkorting}"))]),
            *als(w.commissie, lambda c: [Verzoek("termijnen ?commissie=…", pad("termijnen:overzicht",
                                                                                query=f"commissie={c.afkorting}"))]),
            Verzoek("termijnen ?pagina=400", pad("termijnen:overzicht", query="pagina=400")),
        ],
        "termijnen:termijn": als(w.wachtend, lambda s: [Verzoek("termijn (unanswered)", pad("termijnen:termijn", s.uuid))]),
        "notificaties:inbox": [Verzoek("inbox", pad("notificaties:inbox"), wie)
                               for wie in ("behandelaar", "melder", "griffie")],
        "rapportage:staat": [Verzoek("staat van de uitvoering", pad("rapportage:staat"))],
        "rapportage:staat-pdf": [Verzoek("staat .pdf", pad("rapportage:staat-pdf"))],
        "rapportage:staat-csv": [Verzoek("staat .csv", pad("rapportage:staat-csv"))],
        "rapportage:staat-json": [Verzoek("staat .json", pad("rapportage:staat-json"))],
        "toetsen:voorstellen": [Verzoek("voorstellen", pad("toetsen:voorstellen"))],
        "toetsen:voorstel": als(w.voorstel, lambda v: [Verzoek("voorstel", pad("toetsen:voorstel", v.uuid))]),
        "toetsen:invoeringstoetsen": [Verzoek("invoeringstoetsen", pad("toetsen:invoeringstoetsen"))],
        "toetsen:invoeringstoets": als(w.invoeringstoets, lambda t: [
            Verzoek("invoeringstoets", pad("toetsen:invoeringstoets", t.uuid))]),
        "noodrem:start": [Verzoek("noodrem", pad("noodrem:start"))],
        "noodrem:retourstickers": [
            *als(ind, lambda o: [Verzoek(f"retourstickers {o.afkorting}", pad("noodrem:retourstickers", o.afkorting)),
                                 Verzoek(f"retourstickers {o.afkorting}", pad("noodrem:retourstickers", o.afkorting),
                                         "melder")])],
        "maatwerkplaats:overzicht": [Verzoek("maatwerkplaats", pad("maatwerkplaats:overzicht"), "maatwerk")],
        "maatwerkplaats:casus": als(w.casus, lambda c: [Verzoek("casus", pad("maatwerkplaats:casus", c.uuid),
                                                                "maatwerk")]),
        "maatwerkplaats:casusprudentie": [Verzoek("casusprudentie", pad("maatwerkplaats:casusprudentie")),
                                          Verzoek("casusprudentie", pad("maatwerkplaats:casusprudentie"), "maatwerk")],
        "knelpunten:knelpunten": [Verzoek("knelpunten", pad("knelpunten:knelpunten")),
                                  Verzoek("knelpunten", pad("knelpunten:knelpunten"), "behandelaar")],
        "knelpunten:knelpunt": als(w.knelpunt, lambda k: [
            Verzoek("knelpunt (most signals)", pad("knelpunten:knelpunt", k.uuid)),
            Verzoek("knelpunt (most signals)", pad("knelpunten:knelpunt", k.uuid),
                    "behandelaar" if mini and k.eigenaar_id == mini.pk else "griffie")]),
        "knelpunten:mijn-agenda": [Verzoek("commissie agenda (redirect)", pad("knelpunten:mijn-agenda"), "griffie")],
        "knelpunten:agenda": als(w.commissie, lambda c: [Verzoek(f"agenda {c.afkorting}", pad("knelpunten:agenda",
                                                                                                c.afkorting), "griffie")]),
        "knelpunten:wetgevingsagenda": [Verzoek("wetgevingsagenda", pad("knelpunten:wetgevingsagenda"))],
        "knelpunten:open-data": [Verzoek("open data", pad("knelpunten:open-data"))],
        "knelpunten:csv": [Verzoek(f"open data {naam}.csv", pad("knelpunten:csv", naam)) for naam in TABELLEN],
        "knelpunten:feed-agenda": [Verzoek("agenda.atom", pad("knelpunten:feed-agenda"))],
        "knelpunten:feed-knelpunten": [Verzoek("knelpunten.atom", pad("knelpunten:feed-knelpunten"))],
        "knelpunten:feed-signalen": [Verzoek("signalen.atom", pad("knelpunten:feed-signalen"))],
        "knelpunten:feed-reacties": [Verzoek("reacties.atom", pad("knelpunten:feed-reacties"))],
        "knelpunten:abonnementen": [Verzoek("abonnementen", pad("knelpunten:abonnementen"), wie)
                                    for wie in ("griffie", "behandelaar")],
        "accounts:account": [Verzoek("account", pad("accounts:account"), "behandelaar")],
        # Nothing to time: redirects to and from an identity provider, and the page that shows a
        # brake's receipt code once after its POST.
        "accounts:oidc-start": [], "accounts:oidc-terug": [], "noodrem:ontvangen": [],
    }


# --- measuring --------------------------------------------------------------------------------

def _client(gebruiker):
    """A test client; logged in by a signed session cookie (no database write, no login event)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.test import Client

    client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost",
                    raise_request_exception=False)
    if gebruiker is not None:
        sessie = import_module(settings.SESSION_ENGINE).SessionStore()
        sessie[SESSION_KEY] = str(gebruiker.pk)
        sessie[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        sessie[HASH_SESSION_KEY] = gebruiker.get_session_auth_hash()
        sessie.save()
        client.cookies[settings.SESSION_COOKIE_NAME] = sessie.session_key
    return client


def _vraag(client, pad: str):
    """One GET, the streamed body read to the end; (response, body size, ms)."""
    begin = time.perf_counter()
    antwoord = client.get(pad, secure=True)
    if antwoord.streaming:
        grootte = sum(len(deel) for deel in antwoord.streaming_content)
    else:
        grootte = len(antwoord.content)
    return antwoord, grootte, (time.perf_counter() - begin) * 1000


def _meet(verzoek: Verzoek, client, aantal: int, max_seconden: float) -> Resultaat:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:  # the first request: cold, and counted
        antwoord, grootte, ms = _vraag(client, verzoek.pad)
    uit = Resultaat(verzoek, antwoord.status_code, ms, queries=len(queries), bytes=grootte)
    if antwoord.status_code >= 400:
        uit.fout = f"HTTP {antwoord.status_code}"
        return uit
    einde = time.monotonic() + max_seconden
    minimum = min(3, aantal)
    while len(uit.tijden_ms) < aantal and (len(uit.tijden_ms) < minimum or time.monotonic() < einde):
        antwoord, _, ms = _vraag(client, verzoek.pad)
        if antwoord.status_code != uit.status:
            uit.fout = f"HTTP {antwoord.status_code} on request {len(uit.tijden_ms) + 2}"
            return uit
        uit.tijden_ms.append(ms)
    # The count again, warm (the first request may fill per-process caches such as content types).
    with CaptureQueriesContext(connection) as queries:
        _vraag(client, verzoek.pad)
    uit.queries = len(queries)
    return uit


def _grootte(n: int) -> str:
    return f"{n / 1024:.0f} kB" if n >= 10 * 1024 else f"{n:,} B"


def _print(resultaten: list[Resultaat]) -> None:
    resultaten = sorted(resultaten, key=lambda r: (-(r.percentiel(95) if r.tijden_ms else math.inf)))
    print(f"\n  {'page':<42} {'as':<12} {'n':>3} {'first':>8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7} "
          f"{'size':>9}", flush=True)
    for r in resultaten:
        if r.fout:
            print(f"  {r.verzoek.naam:<42} {r.verzoek.wie:<12} {'':>3} {r.eerste_ms:8.1f} {'':>8} {'':>8} "
                  f"{r.queries:>7} {'':>9}  {r.fout}  {r.verzoek.pad}")
            continue
        p95 = r.percentiel(95)
        teken = "  > 100 ms" if p95 > GRENS_MS else ""
        print(f"  {r.verzoek.naam[:42]:<42} {r.verzoek.wie:<12} {len(r.tijden_ms):>3} {r.eerste_ms:8.1f} "
              f"{r.percentiel(50):8.1f} {p95:8.1f} {r.queries:>7} {_grootte(r.bytes):>9}{teken}")
    boven = [r for r in resultaten if not r.fout and r.percentiel(95) > GRENS_MS]
    print(f"\n  {len(boven)} of {len(resultaten)} requests above {GRENS_MS:.0f} ms p95"
          f"{'; ' + str(sum(1 for r in resultaten if r.fout)) + ' failed' if any(r.fout for r in resultaten) else ''}",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20, help="timed requests per page (default 20)")
    parser.add_argument("--max-seconds", type=float, default=60,
                        help="stop timing a page after this many seconds, with at least 3 requests (default 60)")
    parser.add_argument("--only", nargs="+", default=[], metavar="TEXT",
                        help="only pages whose route, label or path contains one of these")
    parser.add_argument("--skip", nargs="+", default=[], metavar="TEXT", help="leave out these (as --only)")
    parser.add_argument("--sqlite", metavar="FILE", help="an existing SQLite database instead of PostgreSQL")
    parser.add_argument("--pg-host", default=os.environ.get("SCHAKEL_DB_HOST", "127.0.0.1"))
    parser.add_argument("--pg-port", type=int, default=int(os.environ.get("SCHAKEL_DB_PORT", "5432")))
    parser.add_argument("--pg-user", default=os.environ.get("SCHAKEL_DB_USER", "postgres"))
    parser.add_argument("--pg-password", default=os.environ.get("SCHAKEL_DB_PASSWORD", ""))
    parser.add_argument("--pg-database", default=os.environ.get("SCHAKEL_DB_NAME", "schakel_bench_paginas"))
    parser.add_argument("--generate", type=int, metavar="N",
                        help="drop and create --pg-database, fill it with N generated signals (implies --add-users)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--add-users", action="store_true",
                        help="create the accounts the generator does not make (a clerk, a triage handler): writes")
    args = parser.parse_args()
    args.schrijven = bool(args.add_users or args.generate)
    if args.generate:
        if args.sqlite:
            sys.exit("--generate works with PostgreSQL only")
        env = django_env(args, "postgresql", "")
        fresh_database(args, "postgresql", env)
        subprocess.run([sys.executable, "-m", "schakel.cli", "genereer-data", "--signalen", str(args.generate),
                        "--seed", str(args.seed), "-v0"], env=env, check=True)

    _configureer(args)
    from django.conf import settings
    from django.db import connection

    from schakel.accounts.models import User
    from schakel.signalen.models import Signaal
    from schakel.web.methoden import ALLEEN_LEZEN

    w = _wereld(args)
    if args.add_users:
        _voeg_gebruikers_toe(w)
        w = _wereld(args)
    paginas = _paginas(w)
    ontbreekt = sorted(ALLEEN_LEZEN - set(paginas))
    if ontbreekt:
        sys.exit(f"read-only routes without requests in benchmarks/paginas.py PAGINAS: {ontbreekt}")

    aantal = Signaal.objects.order_by("-id").values_list("id", flat=True).first() or 0
    db = settings.DATABASES["default"]
    print(f"Web pages, {connection.vendor} {db['NAME']} (signal ids up to {aantal:,}), "
          f"{'read-only' if not args.schrijven else 'read-write'}, {args.requests} requests per page, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}", flush=True)
    print(f"  regulation {getattr(w.regeling, 'bwb_id', '-')}, owner {getattr(w.ministerie, 'afkorting', '-')}, "
          f"filer {getattr(w.indiener, 'afkorting', '-')}, knelpunt {getattr(w.knelpunt, 'kenmerk', '-')}, "
          f"committee {getattr(w.commissie, 'afkorting', '-')}; as: "
          + ", ".join(f"{rol} {u.username if u else '(none)'}" for rol, u in w.gebruikers.items()), flush=True)

    clients = {"anoniem": _client(None)}
    resultaten, overgeslagen = [], []
    for route in sorted(paginas):
        for verzoek in paginas[route]:
            tekst = f"{route} {verzoek.naam} {verzoek.pad}"
            if (args.only and not any(o in tekst for o in args.only)) or any(s in tekst for s in args.skip):
                continue
            if verzoek.wie not in clients:
                gebruiker = w.gebruikers.get(verzoek.wie)
                clients[verzoek.wie] = _client(gebruiker) if isinstance(gebruiker, User) else None
            if clients[verzoek.wie] is None:
                overgeslagen.append(f"{verzoek.naam} as {verzoek.wie} (no such account; --add-users creates it)")
                continue
            r = _meet(verzoek, clients[verzoek.wie], args.requests, args.max_seconds)
            resultaten.append(r)
            print(f"  {'FAILED' if r.fout else 'ok':<6} {verzoek.naam[:42]:<42} {verzoek.wie:<12} "
                  f"p95 {r.percentiel(95):8.1f} ms", flush=True)
        for mist in (r for r, v in paginas.items() if r == route and not v):
            overgeslagen.append(f"{mist} (no object of this kind in the database)")
    _print(resultaten)
    for regel in overgeslagen:
        print(f"  not measured: {regel}")
    print(f"  load average at the end {os.getloadavg()[0]:.1f}", flush=True)
    if any(r.fout for r in resultaten):
        sys.exit(1)


if __name__ == "__main__":
    main()
