"""Hostile input at every API POST endpoint and every web form, enumerated from the URL map.

Every route that takes a POST (API: the view has ``post``; web: ``schakel.web.methoden.FORMULIEREN``)
gets markup and script, spreadsheet formulas, a 10 MB body, deeply nested JSON, invalid UTF-8
and huge lists, sent by the principal that the authorisation matrix says gets past the
permission check (so the body is really read). What must hold:

* never a 5xx;
* an API error is ``application/problem+json``, a 400 names a field (``invalidParams``), a
  413 says the body is too large;
* a refused request stores nothing (no audit event: every change is recorded in the trail);
* markup never comes back unescaped: not in a form shown again, not on the page a successful
  form leads to.

New endpoints and forms are covered without touching this file. Other hostile cases (forged
proxy headers, repeated posts) live in their own files in this folder.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from schakel.audit.models import Gebeurtenis
from schakel.web.methoden import FORMULIEREN

from .matrix_basis import KOLOMMEN, gebruikers, objecten, url_namen
from .test_autorisatiematrix import MATRIX, _args

pytestmark = pytest.mark.django_db

MARKUP = '<script>alert(1)</script><img src=x onerror="alert(2)">'
FORMULE = "=HYPERLINK(\"https://kwaad.example\",\"klik\")"
VIJANDIG = f"{FORMULE} {MARKUP} -2+3+cmd|' /C calc'!A0"
GROOT = 10 * 1024 * 1024
DIEP = 100_000
PROBLEM = "application/problem+json"
# Built once: the suite runs twice in CI and must stay fast.
GROTE_JSON = b'{"titel": "' + b"a" * GROOT + b'"}'
GROOT_FORMULIER = b"tekst=" + b"a" * GROOT
DIEPE_LIJST = b"[" * DIEP + b"]" * DIEP
DIEP_OBJECT = b'{"a":' * DIEP + b"1" + b"}" * DIEP
SCHEMA = yaml.safe_load((Path(__file__).resolve().parents[2] / "openapi.yaml").read_text())


def _api_posts() -> list[str]:
    routes = []
    for route, patroon in url_namen().items():
        if not route.startswith("api:") or patroon is None:
            continue
        cls = getattr(patroon.callback, "cls", None)
        acties = getattr(patroon.callback, "actions", None) or {}
        if "post" in acties or (not acties and cls is not None and hasattr(cls, "post")):
            routes.append(route)
    return sorted(routes)


API_POSTS = _api_posts()
FORMS = sorted(FORMULIEREN)


def test_the_endpoints_and_forms_are_found():
    assert {"api:signaal-list", "api:noodrem-list", "api:casus-list", "api:abonnement-list"} <= set(API_POSTS)
    assert len(API_POSTS) >= 19 and len(FORMS) >= 30


def _wie(route: str, toegelaten=("400", "409", "200", "201", "302")):
    """The principal that gets furthest on the route's POST according to the authorisation matrix."""
    rij = MATRIX.get(("POST", route), "").split()
    for status in toegelaten:
        if status in rij:
            return KOLOMMEN[rij.index(status)]
    return "anoniem"


def _schema_van(pad: str) -> dict:
    """The JSON schema of the request body of ``POST pad`` in the OpenAPI document."""
    for sjabloon, item in SCHEMA["paths"].items():
        if re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", "/api/v1" + sjabloon), pad) and "post" in item:
            body = item["post"].get("requestBody", {}).get("content", {}).get("application/json", {})
            ref = body.get("schema", {}).get("$ref", "")
            return SCHEMA["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {}) if ref else {}
    return {}


def _vijandige_body(schema: dict, lijst: int = 2) -> dict:
    body = {}
    for naam, eigenschap in schema.get("properties", {}).items():
        if eigenschap.get("readOnly"):
            continue
        soort = eigenschap.get("type")
        if soort == "array":
            body[naam] = [VIJANDIG] * lijst
        elif soort == "integer":
            body[naam] = VIJANDIG
        elif soort == "boolean":
            body[naam] = True
        elif soort == "object":
            body[naam] = {"a": VIJANDIG}
        else:
            body[naam] = VIJANDIG
    return body or {"tekst": VIJANDIG}


@pytest.fixture
def opstelling(wereld):
    o = objecten(wereld)
    return o, gebruikers(wereld)


def _client(wie, kolom) -> Client:
    cache.clear()  # rate limits count per address: every request starts fresh
    client = Client(raise_request_exception=False)
    if wie[kolom] is not None:
        client.force_login(wie[kolom])
    return client


def _geen_5xx_en_niets_bewaard(antwoord, voor: int, wat: str):
    assert antwoord.status_code < 500, (wat, antwoord.status_code, antwoord.content[:300])
    if antwoord.status_code >= 400:
        assert Gebeurtenis.objects.count() == voor, f"{wat}: a refused request stored something"


def _probleem(antwoord, wat: str, statussen=(400, 401, 403, 404, 405, 409, 413, 415, 429)):
    assert antwoord.status_code in statussen, (wat, antwoord.status_code, antwoord.content[:300])
    assert antwoord["Content-Type"] == PROBLEM, wat
    data = antwoord.json()
    assert data["status"] == antwoord.status_code and data["detail"], wat
    if antwoord.status_code == 400:
        assert data["invalidParams"] and all(p["name"] and p["reason"] for p in data["invalidParams"]), wat
    return data


def test_every_api_post_survives_hostile_bodies(opstelling):
    o, wie = opstelling
    for route in API_POSTS:
        pad = reverse(route, kwargs=_args(route, o))
        schema = _schema_van(pad)
        lijsten = [n for n, e in schema.get("properties", {}).items() if e.get("type") == "array"]
        gevallen = {
            "markup en formules": json.dumps(_vijandige_body(schema)).encode(),
            "10 MB": GROTE_JSON,
            "diepe nesting": DIEPE_LIJST,
            "diep object": DIEP_OBJECT,
            "ongeldige UTF-8": b'{"titel": "\xff\xfe\xfd", "praktijk": "\xc3\x28"}',
            "enorme lijsten": json.dumps(_vijandige_body(schema, lijst=100_000) if lijsten
                                         else [VIJANDIG] * 100_000).encode(),
        }
        for naam, body in gevallen.items():
            client = _client(wie, _wie(route))
            voor = Gebeurtenis.objects.count()
            antwoord = client.post(pad, body, content_type="application/json")
            wat = f"POST {pad} ({naam})"
            _geen_5xx_en_niets_bewaard(antwoord, voor, wat)
            if antwoord.status_code < 300:
                # accepted (an advice, a message): what it stored must not be markup in HTML
                assert antwoord["Content-Type"].startswith("application/json"), wat
                continue
            data = _probleem(antwoord, wat)
            if naam == "10 MB":
                assert antwoord.status_code in (413, 401, 403, 404, 405, 409, 429), wat  # 413, or refused before reading
            if naam == "enorme lijsten" and antwoord.status_code == 400 and lijsten:
                assert {p["name"] for p in data["invalidParams"]} & set(lijsten), (wat, data)
            if naam in ("ongeldige UTF-8", "diepe nesting", "diep object") and antwoord.status_code == 400:
                assert "Traceback" not in data["detail"] and "recursion" not in data["detail"].lower(), wat


def _velden(html: str) -> list[tuple[str, str]]:
    """(name, type) of the fields of the page's POST forms, the CSRF token left out."""
    velden = []
    for formulier in re.findall(r"<form[^>]*method=\"post\"[^>]*>(.*?)</form>", html, flags=re.S | re.I):
        for tag, attrs in re.findall(r"<(input|textarea|select)\b([^>]*)>", formulier, flags=re.I):
            naam = re.search(r'name="([^"]+)"', attrs)
            soort = re.search(r'type="([^"]+)"', attrs)
            if naam and naam.group(1) != "csrfmiddlewaretoken":
                velden.append((naam.group(1), soort.group(1) if soort else tag.lower()))
    return velden


def _rauw(html: bytes) -> bool:
    """The markup as markup: an unescaped tag (escaped text such as ``&lt;img onerror=…`` is fine)."""
    return b"<script>alert" in html or b"<img src=x" in html


def test_every_web_form_survives_hostile_input(opstelling):
    o, wie = opstelling
    for route in FORMS:
        pad = reverse(route, kwargs=_args(route, o))
        kolom = _wie(route, ("200", "400", "302"))
        pagina = _client(wie, kolom).get(pad)
        velden = _velden(pagina.content.decode()) if pagina.status_code == 200 else []
        data = {naam: VIJANDIG for naam, soort in velden if soort not in ("hidden",)}
        data.update({naam: VIJANDIG for naam, soort in velden if soort == "hidden" and naam != "volgende"})
        data = data or {"tekst": VIJANDIG}
        gevallen = {  # the cases a form may accept come last: after that, it may not read a body again
            "10 MB": ("application/x-www-form-urlencoded", GROOT_FORMULIER),
            "enorme lijst": ("application/x-www-form-urlencoded", b"&".join([b"oorzaken=x"] * 2000)),
            "ongeldige UTF-8": ("application/x-www-form-urlencoded", b"tekst=%FF%FE&titel=\xff\xfe"),
            "markup en formules": ("application/x-www-form-urlencoded", None),
        }
        for naam, (soort, ruw) in gevallen.items():
            client = _client(wie, kolom)
            voor = Gebeurtenis.objects.count()
            wat = f"POST {pad} ({naam}) as {kolom}"
            if ruw is None:
                antwoord = client.post(pad, data)
            else:
                antwoord = client.post(pad, ruw, content_type=soort)
            _geen_5xx_en_niets_bewaard(antwoord, voor, wat)
            assert not _rauw(antwoord.content), f"{wat}: markup came back unescaped"
            if naam in ("10 MB", "enorme lijst"):
                # 400/413; or refused before the body is read (login, permission, a read-only state)
                assert antwoord.status_code in (400, 413, 302, 403, 404, 405), wat
            if antwoord.status_code == 302 and not antwoord["Location"].startswith(("http", "//")):
                volgende = client.get(antwoord["Location"])
                assert volgende.status_code < 500 and not _rauw(volgende.content), f"{wat}: stored markup unescaped"


def test_stored_markup_is_escaped_wherever_it_is_shown(wereld, client):
    from rest_framework.test import APIClient

    from schakel.signalen.models import Signaal

    api = APIClient()
    api.force_authenticate(wereld.melder_uwv)
    antwoord = api.post("/api/v1/signalen", {
        "titel": f"Titel {MARKUP}", "praktijk": f"{FORMULE} " + "Mensen met schulden betalen in één keer terug. " * 3
        + MARKUP, "getroffenBurgers": f"Aanvragers {MARKUP}", "regeling": "BWBR0019057", "openbaar": True,
        "verbetervoorstel": MARKUP, "artikelen": "art. 35"}, format="json")
    assert antwoord.status_code == 201, antwoord.content
    signaal = Signaal.objects.get(uuid=antwoord.json()["uuid"])
    assert MARKUP in signaal.titel  # stored as typed: escaping is the job of every output
    client.force_login(wereld.behandelaar_szw)
    for pad in ("/", "/signalen", f"/signalen/{signaal.uuid}", "/open-data/signalen.atom"):
        inhoud = client.get(pad)
        assert inhoud.status_code == 200 and not _rauw(inhoud.content), pad
    csv = b"".join(client.get("/open-data/signalen.csv").streaming_content)
    assert b"'=HYPERLINK" in csv and b",=HYPERLINK" not in csv  # the formula is text in a spreadsheet
    assert b"&lt;script&gt;" in client.get(f"/signalen/{signaal.uuid}").content
