import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from schakel.signalen import services
from schakel.signalen.workflow import Status

from .conftest import GOEDE_UITLEG


def test_signaal_is_routed_to_regulation_owner(signaal, wereld):
    assert signaal.eigenaar == wereld.szw
    assert signaal.status == Status.IN_BEHANDELING
    assert signaal.uiterste_reactiedatum is not None


def test_explain_answer(signaal, wereld):
    reactie = services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen",
                               toelichting_tekst=GOEDE_UITLEG)
    assert reactie.versie == 1


def test_other_org_cannot_answer(signaal, wereld):
    with pytest.raises(PermissionDenied):
        services.reageer(signaal, actor=wereld.behandelaar_svb, besluit="niet_overnemen",
                         toelichting_tekst=GOEDE_UITLEG)


def test_short_explain_refused(signaal, wereld):
    with pytest.raises(ValidationError) as e:
        services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen",
                         toelichting_tekst="Geen aanleiding.")
    assert "toelichting" in e.value.message_dict
