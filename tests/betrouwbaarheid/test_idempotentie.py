"""Idempotency-Key on every POST: a retry returns the stored answer and creates nothing new."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from schakel.api.models import IdempotentVerzoek
from schakel.audit.models import Gebeurtenis
from schakel.core import clock
from schakel.signalen import services
from schakel.signalen.models import Reactie, Signaal, Toezegging

from ..api.conftest import assert_problem, signaal_body, toezegging
from ..conftest import GOEDE_UITLEG, VANDAAG

SIGNALEN = "/api/v1/signalen"


def sleutel() -> dict:
    return {"HTTP_IDEMPOTENCY_KEY": str(uuid.uuid4())}


def herhaal(client, url: str, body: dict, kop: dict, status: int):
    eerste = client.post(url, body, format="json", **kop)
    assert eerste.status_code == status, eerste.content[:1000]
    aantallen = (Signaal.objects.count(), Reactie.objects.count(), Gebeurtenis.objects.count())
    tweede = client.post(url, body, format="json", **kop)
    assert tweede.status_code == status
    assert tweede.content == eerste.content
    assert tweede["Content-Type"] == eerste["Content-Type"]
    assert tweede.get("Location") == eerste.get("Location")
    assert tweede.has_header("API-Version")
    assert (Signaal.objects.count(), Reactie.objects.count(), Gebeurtenis.objects.count()) == aantallen
    return eerste


def test_retried_signal_is_filed_once(wereld, als):
    eerste = herhaal(als(wereld.melder_uwv), SIGNALEN, signaal_body(), sleutel(), 201)
    assert eerste["Location"]
    assert Signaal.objects.filter(titel=signaal_body()["titel"]).count() == 1
    assert Gebeurtenis.objects.filter(actie="ingediend").count() == 1


def test_retried_answer_is_recorded_once(signaal, wereld, als):
    body = {"besluit": "overnemen", "toelichting": GOEDE_UITLEG, "toezeggingen": [toezegging()]}
    herhaal(als(wereld.behandelaar_szw), f"{SIGNALEN}/{signaal.uuid}/reacties", body, sleutel(), 201)
    assert Reactie.objects.filter(signaal=signaal).count() == 1
    assert Toezegging.objects.filter(signaal=signaal).count() == 1


def test_retried_forward_is_recorded_once(signaal, wereld, als):
    body = {"naar": "ienw", "reden": "De regeling hoort bij Infrastructuur en Waterstaat."}
    herhaal(als(wereld.behandelaar_szw), f"{SIGNALEN}/{signaal.uuid}/doorverwijzingen", body, sleutel(), 201)
    assert Gebeurtenis.objects.filter(signaal=signaal, actie="doorgestuurd").count() == 1


def test_retried_fulfilment_is_recorded_once(signaal, wereld, als):
    services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="overnemen", toelichting_tekst=GOEDE_UITLEG,
                     toezeggingen=[services.NieuweToezegging("Regel aanpassen", "Directie", dt.date(2026, 6, 30))])
    t = Toezegging.objects.get(signaal=signaal)
    herhaal(als(wereld.behandelaar_szw), f"/api/v1/toezeggingen/{t.uuid}/nakoming",
            {"toelichting": "De beleidsregel is aangepast."}, sleutel(), 200)
    assert Gebeurtenis.objects.filter(actie="toezegging_nagekomen").count() == 1


def test_without_a_key_a_retry_creates_a_second_signal(wereld, als):
    """The control: without the header, POST is not idempotent (so the tests above can fail)."""
    client = als(wereld.melder_uwv)
    assert client.post(SIGNALEN, signaal_body(), format="json").status_code == 201
    assert client.post(SIGNALEN, signaal_body(), format="json").status_code == 201
    assert Signaal.objects.count() == 2


def test_same_body_in_other_json_layout_is_the_same_request(wereld, als):
    import json

    client, kop = als(wereld.melder_uwv), sleutel()
    body = signaal_body()
    eerste = client.post(SIGNALEN, json.dumps(body), content_type="application/json", **kop)
    anders = json.dumps(dict(reversed(list(body.items()))), indent=2)
    tweede = client.post(SIGNALEN, anders, content_type="application/json", **kop)
    assert (eerste.status_code, tweede.status_code) == (201, 201)
    assert tweede.content == eerste.content and Signaal.objects.count() == 1


def test_same_key_with_another_body_is_422(wereld, als):
    client, kop = als(wereld.melder_uwv), sleutel()
    assert client.post(SIGNALEN, signaal_body(), format="json", **kop).status_code == 201
    data = assert_problem(client.post(SIGNALEN, signaal_body(titel="Een heel ander signaal"), format="json", **kop),
                          422)
    assert data["type"] == "urn:schakel:probleem:idempotentie-sleutel-hergebruikt"
    assert Signaal.objects.count() == 1


def test_same_key_on_another_endpoint_is_422(signaal, wereld, als):
    client, kop = als(wereld.behandelaar_szw), sleutel()
    body = {"naar": "ienw", "reden": "Hoort bij IenW."}
    assert client.post(f"{SIGNALEN}/{signaal.uuid}/doorverwijzingen", body, format="json", **kop).status_code == 201
    assert_problem(client.post(SIGNALEN, signaal_body(), format="json", **kop), 422)


def test_keys_are_scoped_per_user(wereld, als):
    kop = sleutel()
    a = als(wereld.melder_uwv).post(SIGNALEN, signaal_body(), format="json", **kop)
    b = als(wereld.melder_cbr).post(SIGNALEN, signaal_body(regeling="BWBR0006622"), format="json", **kop)
    assert (a.status_code, b.status_code) == (201, 201)
    assert a.json()["url"] != b.json()["url"]
    assert IdempotentVerzoek.objects.count() == 2


def test_failed_request_is_not_stored_and_may_be_retried(wereld, als):
    client, kop = als(wereld.melder_uwv), sleutel()
    assert_problem(client.post(SIGNALEN, signaal_body(titel=""), format="json", **kop), 400)
    assert not IdempotentVerzoek.objects.exists()
    assert client.post(SIGNALEN, signaal_body(), format="json", **kop).status_code == 201


def test_forbidden_request_is_not_stored(signaal, wereld, als):
    kop = sleutel()
    url = f"{SIGNALEN}/{signaal.uuid}/reacties"
    body = {"besluit": "niet_overnemen", "toelichting": GOEDE_UITLEG}
    assert_problem(als(wereld.melder_uwv).post(url, body, format="json", **kop), 403)
    assert not IdempotentVerzoek.objects.exists()
    assert als(wereld.behandelaar_szw).post(url, body, format="json", **kop).status_code == 201


def test_expired_key_is_a_new_request(wereld, als):
    client, kop = als(wereld.melder_uwv), sleutel()
    assert client.post(SIGNALEN, signaal_body(), format="json", **kop).status_code == 201
    clock.freeze(VANDAAG + dt.timedelta(hours=25))
    assert client.post(SIGNALEN, signaal_body(), format="json", **kop).status_code == 201
    assert Signaal.objects.count() == 2 and IdempotentVerzoek.objects.count() == 1


def test_stored_key_expires_after_the_retention(wereld, als):
    als(wereld.melder_uwv).post(SIGNALEN, signaal_body(), format="json", **sleutel())
    v = IdempotentVerzoek.objects.get()
    assert v.verloopt_op - v.aangemaakt_op == dt.timedelta(hours=24)
    assert v.status == 201 and v.pad == SIGNALEN


@pytest.mark.parametrize("waarde", ["", "a" * 256, "met spatie", "ünïcode"])
def test_invalid_key_is_400(wereld, als, waarde):
    response = als(wereld.melder_uwv).post(SIGNALEN, signaal_body(), format="json", HTTP_IDEMPOTENCY_KEY=waarde)
    assert_problem(response, 400, "Idempotency-Key")
    assert not Signaal.objects.exists()


def test_anonymous_post_with_key_is_401(db, api):
    assert_problem(api.post(SIGNALEN, signaal_body(), format="json", **sleutel()), 401)


def test_purge_command_removes_expired_keys_only(wereld, als):
    from django.core.management import call_command

    client = als(wereld.melder_uwv)
    client.post(SIGNALEN, signaal_body(), format="json", **sleutel())
    clock.freeze(VANDAAG + dt.timedelta(hours=23))
    client.post(SIGNALEN, signaal_body(titel="Tweede signaal over boetes"), format="json", **sleutel())
    clock.freeze(VANDAAG + dt.timedelta(hours=25))
    call_command("purge_idempotency_keys")
    assert list(IdempotentVerzoek.objects.values_list("status", flat=True)) == [201]
    assert IdempotentVerzoek.objects.get().aangemaakt_op > clock.now() - dt.timedelta(hours=24)


def test_every_api_post_passes_the_middleware(settings):
    """Installed as middleware (not per view), after authentication: new POST endpoints get it too."""
    middleware = settings.MIDDLEWARE
    assert "schakel.api.idempotency.IdempotencyMiddleware" in middleware
    assert middleware.index("schakel.api.idempotency.IdempotencyMiddleware") > middleware.index(
        "django.contrib.auth.middleware.AuthenticationMiddleware")


def test_session_user_is_scoped_too(wereld, client):
    """A browser session (with its CSRF token) is scoped like a token user."""
    client.force_login(wereld.melder_uwv)
    kop = sleutel()
    eerste = client.post(SIGNALEN, signaal_body(), content_type="application/json", **kop)
    tweede = client.post(SIGNALEN, signaal_body(), content_type="application/json", **kop)
    assert (eerste.status_code, tweede.status_code) == (201, 201) and Signaal.objects.count() == 1
    assert IdempotentVerzoek.objects.get().gebruiker == wereld.melder_uwv


def test_oversized_body_with_key_is_413(wereld, als):
    body = signaal_body(praktijk="x" * (1024 * 1024 + 10))
    assert_problem(als(wereld.melder_uwv).post(SIGNALEN, body, format="json", **sleutel()), 413)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_postgres_concurrent_duplicates_create_one_signal(wereld):
    """Eight simultaneous requests with one key: one signal, eight identical answers."""
    import threading

    from django.db import connections
    from schakel.accounts import apitokens
    from rest_framework.test import APIClient

    _, api_sleutel = apitokens.maak(wereld.melder_uwv)
    kop = sleutel()
    antwoorden, fouten = [], []
    start = threading.Barrier(8)

    def verstuur():
        try:
            client = APIClient(raise_request_exception=False)
            client.credentials(HTTP_AUTHORIZATION=f"Token {api_sleutel}")
            start.wait()
            antwoorden.append(client.post(SIGNALEN, signaal_body(), format="json", **kop))
        except Exception as fout:  # pragma: no cover - reported below
            fouten.append(fout)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=verstuur) for _ in range(8)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert not fouten
    assert [a.status_code for a in antwoorden] == [201] * 8, [a.content[:300] for a in antwoorden]
    assert len({a.content for a in antwoorden}) == 1
    assert Signaal.objects.count() == 1
