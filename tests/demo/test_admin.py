"""The admin (/beheer/): set-up models editable; signals viewable only; the audit trail read-only."""

import pytest
from django.urls import reverse

from schakel.accounts.models import User
from schakel.audit.models import Gebeurtenis
from schakel.organisaties.models import Organisatie
from schakel.signalen import services
from schakel.signalen.models import Oorzaak, Reactie, Signaal, Toezegging

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(client, wereld):
    user = User.objects.create_superuser("beheerder", "beheer@example.org", "geheim-wachtwoord-123")
    client.force_login(user)
    return client


@pytest.fixture
def beantwoord(signaal, wereld):
    import datetime as dt

    services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="overnemen", toelichting_tekst="Overgenomen.",
                     toezeggingen=[services.NieuweToezegging("Regel aanpassen", "Directie", dt.date(2026, 6, 1))])
    return signaal


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", [Organisatie, User, Oorzaak, Signaal, Reactie, Toezegging, Gebeurtenis])
def test_changelists_and_detail_pages_load(beheerder, beantwoord, model):
    assert beheerder.get(admin_url(model, "changelist")).status_code == 200
    obj = model.objects.order_by("pk").first()
    assert beheerder.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_regeling_pages_load(beheerder, wereld, beantwoord):
    from schakel.regelingen.models import Regeling

    response = beheerder.get(admin_url(Regeling, "changelist"))
    assert response.status_code == 200 and b"BWBR0019057" in response.content
    response = beheerder.get(admin_url(Regeling, "change", wereld.wia.pk))
    assert b"https://wetten.overheid.nl/BWBR0019057" in response.content
    assert beheerder.get(admin_url(Regeling, "add")).status_code == 200


@pytest.mark.parametrize("model", [Organisatie, User, Oorzaak])
def test_set_up_models_can_be_added(beheerder, model):
    assert beheerder.get(admin_url(model, "add")).status_code == 200


def test_organisation_can_be_edited_but_not_into_a_cycle(beheerder, wereld):
    url = admin_url(Organisatie, "change", wereld.szw.pk)
    data = {"naam": wereld.szw.naam, "afkorting": "szw", "soort": "ministerie", "website": "",
            "opdrachtgever": wereld.uwv.pk, "kamercommissie": wereld.cie_szw.pk, "kamer": ""}
    response = beheerder.post(url, data)
    assert response.status_code == 200
    assert "dat wordt een kring" in response.content.decode()
    data["opdrachtgever"] = ""
    data["website"] = "https://www.rijksoverheid.nl"
    assert beheerder.post(url, data).status_code == 302
    wereld.szw.refresh_from_db()
    assert wereld.szw.website == "https://www.rijksoverheid.nl"


def test_user_admin_shows_role_and_organisation(beheerder, wereld):
    response = beheerder.get(admin_url(User, "change", wereld.melder_uwv.pk))
    html = response.content.decode()
    assert 'name="rol"' in html and 'name="organisatie"' in html
    changelist = beheerder.get(admin_url(User, "changelist") + "?rol__exact=behandelaar").content.decode()
    assert "behandelaar-szw" in changelist and "melder-uwv" not in changelist


@pytest.mark.parametrize("model", [Signaal, Reactie, Toezegging, Gebeurtenis])
def test_signals_answers_and_audit_cannot_be_changed_in_the_admin(beheerder, beantwoord, model):
    obj = model.objects.order_by("pk").first()
    assert beheerder.get(admin_url(model, "add")).status_code == 403
    assert beheerder.post(admin_url(model, "change", obj.pk), {}).status_code == 403
    assert beheerder.get(admin_url(model, "delete", obj.pk)).status_code == 403
    assert beheerder.post(admin_url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
    page = beheerder.get(admin_url(model, "change", obj.pk)).content.decode()
    assert 'name="_save"' not in page
    assert model.objects.filter(pk=obj.pk).exists()


def test_audit_trail_has_no_bulk_actions_and_stays_intact(beheerder, beantwoord):
    aantal = Gebeurtenis.objects.count()
    changelist = beheerder.get(admin_url(Gebeurtenis, "changelist"))
    assert changelist.context["action_form"] is None
    alle = [g.pk for g in Gebeurtenis.objects.all()]
    response = beheerder.post(admin_url(Gebeurtenis, "changelist"),
                              {"action": "delete_selected", "_selected_action": alle})
    assert response.status_code in (200, 302)
    assert Gebeurtenis.objects.count() == aantal
    modeladmin = changelist.context["cl"].model_admin
    request = changelist.wsgi_request
    assert not modeladmin.has_add_permission(request)
    assert not modeladmin.has_change_permission(request, Gebeurtenis.objects.first())
    assert not modeladmin.has_delete_permission(request, Gebeurtenis.objects.first())


def test_oorzaak_is_editable(beheerder):
    oorzaak = Oorzaak.objects.get(code="geen-evaluatie")
    response = beheerder.post(admin_url(Oorzaak, "change", oorzaak.pk), {
        "code": oorzaak.code, "naam": "Geen evaluatie", "omschrijving": oorzaak.omschrijving, "volgorde": 9})
    assert response.status_code == 302
    oorzaak.refresh_from_db()
    assert (oorzaak.naam, oorzaak.volgorde) == ("Geen evaluatie", 9)


def test_admin_requires_staff(client, wereld):
    client.force_login(wereld.behandelaar_szw)
    response = client.get(admin_url(Signaal, "changelist"))
    assert response.status_code == 302 and "/beheer/login/" in response["Location"]


def test_admin_fields_have_names_and_links_are_underlined(beheerder, wereld):
    """The outside axe run's findings in /beheer/ (the browser tour checks the rest)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    html = beheerder.get(admin_url(Oorzaak, "changelist")).content.decode()
    assert 'aria-label="Volgorde van ' in html  # list_editable inputs had no label
    assert "schakel/css/beheer.css" in html and "schakel/js/beheer.js" in html
    for url in (admin_url(User, "change", wereld.melder_uwv.pk), admin_url(TOTPDevice, "add")):
        html = beheerder.get(url).content.decode()
        assert 'aria-label="Datum"' in html and 'aria-label="Tijd"' in html
