"""The audit trail is append-only."""

import pytest

from schakel.audit.models import AppendOnlyError, Gebeurtenis
from schakel.audit.trail import describe_actor


def test_events_cannot_be_changed_or_deleted(signaal):
    event = Gebeurtenis.objects.filter(signaal=signaal).first()
    event.actie = "vervalst"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        Gebeurtenis.objects.filter(signaal=signaal).update(actie="weg")
    with pytest.raises(AppendOnlyError):
        Gebeurtenis.objects.all().delete()
    assert Gebeurtenis.objects.filter(actie="ingediend").count() == 1


def test_event_records_before_and_after(signaal, wereld):
    gerouteerd = Gebeurtenis.objects.get(signaal=signaal, actie="gerouteerd")
    assert gerouteerd.voor["status"] == "ingediend"
    assert gerouteerd.na["status"] == "in_behandeling" and gerouteerd.na["eigenaar"] == "szw"
    assert gerouteerd.object_type == "signalen.signaal" and gerouteerd.object_id == str(signaal.pk)
    assert gerouteerd.actor == wereld.melder_uwv


def test_actor_description_has_role_and_organisation_but_no_name(wereld):
    beschrijving = describe_actor(wereld.melder_uwv)
    assert beschrijving == "Melder, Uitvoeringsinstituut Werknemersverzekeringen"
    assert "melder-uwv" not in beschrijving.lower()
    assert describe_actor(None) == "systeem"
