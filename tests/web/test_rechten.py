"""Permissions per role on every page: not visible → 404, not allowed → 403, anonymous → login."""

from __future__ import annotations

import pytest
from django.urls import reverse

from schakel.signalen.models import Reactie
from tests.conftest import GOEDE_UITLEG

pytestmark = pytest.mark.django_db


def _reactie_post(**extra):
    data = {"besluit": "niet_overnemen", "toelichting": GOEDE_UITLEG, "niveau": "ambtelijk",
            "ondertekend_door": "", "toezeggingen-TOTAL_FORMS": "0", "toezeggingen-INITIAL_FORMS": "0"}
    data.update(extra)
    return data


def test_svb_handler_may_not_answer_an_szw_signal(client_voor, signaal, wereld):
    client = client_voor(wereld.behandelaar_svb)
    url = reverse("web:reageren", args=[signaal.uuid])
    assert client.get(url).status_code == 403
    response = client.post(url, _reactie_post())
    assert response.status_code == 403
    # One check, one message on every path (service, page, API).
    assert "Alleen de behandelaars van de eigenaar van dit signaal" in response.content.decode()
    assert not Reactie.objects.exists()


def test_the_page_of_a_signal_hides_answer_buttons_from_others(client_voor, signaal, wereld):
    url = reverse("web:signaal", args=[signaal.uuid])
    html = client_voor(wereld.behandelaar_svb).get(url).content.decode()
    assert reverse("web:reageren", args=[signaal.uuid]) not in html
    html = client_voor(wereld.behandelaar_szw).get(url).content.decode()
    assert reverse("web:reageren", args=[signaal.uuid]) in html
    assert reverse("web:doorsturen", args=[signaal.uuid]) in html


@pytest.mark.parametrize("rol", ["melder_uwv", "bestuur_uwv", "griffie_szw", "behandelaar_ienw"])
def test_roles_outside_the_owner_get_403_on_answering(client_voor, signaal, wereld, rol):
    assert client_voor(getattr(wereld, rol)).get(reverse("web:reageren", args=[signaal.uuid])).status_code == 403
    assert client_voor(getattr(wereld, rol)).get(reverse("web:doorsturen", args=[signaal.uuid])).status_code == 403


def test_the_minister_may_answer(client_voor, signaal, wereld):
    assert client_voor(wereld.minister_szw).get(reverse("web:reageren", args=[signaal.uuid])).status_code == 200


def test_anonymous_users_are_sent_to_the_login_page(client, signaal):
    for url in [reverse("web:signaal-nieuw"), reverse("web:reageren", args=[signaal.uuid]),
                reverse("web:doorsturen", args=[signaal.uuid])]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(f"{reverse('web:inloggen')}?next=")


def test_anonymous_sees_no_unpublished_signal(client, besloten_signaal, signaal):
    assert client.get(reverse("web:signaal", args=[besloten_signaal.uuid])).status_code == 404
    lijst = client.get(reverse("web:signalen")).content.decode()
    assert besloten_signaal.titel not in lijst
    assert signaal.titel in lijst
    for url in [reverse("web:start"), reverse("web:organisatie", args=["uwv"]),
                reverse("web:organisatie", args=["szw"]), reverse("web:regeling", args=["BWBR0019057"])]:
        assert besloten_signaal.titel not in client.get(url).content.decode(), url


def test_unpublished_signal_is_visible_to_the_organisations_involved(client_voor, besloten_signaal, wereld):
    url = reverse("web:signaal", args=[besloten_signaal.uuid])
    for user in (wereld.melder_uwv, wereld.bestuur_uwv, wereld.behandelaar_szw, wereld.minister_szw,
                 wereld.griffie_szw):
        response = client_voor(user).get(url)
        assert response.status_code == 200, user.username
        assert "Dit signaal is niet openbaar" in response.content.decode()
    for user in (wereld.melder_cbr, wereld.behandelaar_ienw, wereld.behandelaar_svb):
        assert client_voor(user).get(url).status_code == 404, user.username
        assert besloten_signaal.titel not in client_voor(user).get(reverse("web:signalen")).content.decode()


def test_actions_on_an_invisible_signal_are_404_not_403(client_voor, besloten_signaal, wereld):
    client = client_voor(wereld.behandelaar_ienw)
    assert client.get(reverse("web:reageren", args=[besloten_signaal.uuid])).status_code == 404
    assert client.post(reverse("web:reageren", args=[besloten_signaal.uuid]), _reactie_post()).status_code == 404
    assert client.get(reverse("web:doorsturen", args=[besloten_signaal.uuid])).status_code == 404


def test_only_staff_in_filing_roles_may_file(client_voor, wereld):
    url = reverse("web:signaal-nieuw")
    assert client_voor(wereld.melder_uwv).get(url).status_code == 200
    assert client_voor(wereld.bestuur_uwv).get(url).status_code == 200
    assert client_voor(wereld.griffie_szw).get(url).status_code == 403
    assert client_voor(wereld.minister_szw).get(url).status_code == 403


def test_keeping_a_commitment_is_for_the_committing_organisation(client_voor, client, overgenomen_signaal, wereld):
    toezegging = overgenomen_signaal.toezeggingen.get()
    url = reverse("web:toezegging-nakomen", args=[toezegging.uuid])
    assert client.get(url).status_code == 302  # to the login page
    assert client_voor(wereld.melder_uwv).get(url).status_code == 403
    assert client_voor(wereld.behandelaar_svb).post(url, {"toelichting": "Gedaan."}).status_code == 403
    toezegging.refresh_from_db()
    assert toezegging.status == "open"
    assert client_voor(wereld.behandelaar_szw).get(url).status_code == 200


def test_commitment_of_an_invisible_signal_is_404(client_voor, besloten_signaal, wereld):
    import datetime as dt
    from schakel.signalen import services
    from schakel.signalen.services import NieuweToezegging

    services.reageer(besloten_signaal, actor=wereld.behandelaar_szw, besluit="overnemen",
                     toelichting_tekst="We passen de werkwijze aan.",
                     toezeggingen=[NieuweToezegging("Werkwijze aanpassen", "Directie", dt.date(2026, 5, 1))])
    toezegging = besloten_signaal.toezeggingen.get()
    url = reverse("web:toezegging-nakomen", args=[toezegging.uuid])
    assert client_voor(wereld.behandelaar_ienw).get(url).status_code == 404


def test_the_answer_page_links_only_the_owner_to_keep_commitments(client_voor, client, overgenomen_signaal, wereld):
    toezegging = overgenomen_signaal.toezeggingen.get()
    nakomen = reverse("web:toezegging-nakomen", args=[toezegging.uuid])
    url = reverse("web:signaal", args=[overgenomen_signaal.uuid])
    assert nakomen in client_voor(wereld.behandelaar_szw).get(url).content.decode()
    assert nakomen not in client.get(url).content.decode()
    assert nakomen not in client_voor(wereld.melder_uwv).get(url).content.decode()
