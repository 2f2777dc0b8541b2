"""The signal state machine, without a database."""

import pytest

from schakel.signalen.workflow import Actie, OngeldigeOvergang, Status, toegestane_acties, volgende_status


@pytest.mark.parametrize(
    "status, actie, verwacht",
    [
        (Status.INGEDIEND, Actie.ROUTEER, Status.IN_BEHANDELING),
        (Status.IN_BEHANDELING, Actie.DOORSTUREN, Status.IN_BEHANDELING),
        (Status.IN_BEHANDELING, Actie.BEANTWOORD, Status.BEANTWOORD),
        (Status.BEANTWOORD, Actie.HERZIEN, Status.BEANTWOORD),
    ],
)
def test_allowed_transitions(status, actie, verwacht):
    assert volgende_status(status, actie) == verwacht


@pytest.mark.parametrize(
    "status, actie",
    [
        (Status.INGEDIEND, Actie.BEANTWOORD),
        (Status.INGEDIEND, Actie.HERZIEN),
        (Status.IN_BEHANDELING, Actie.ROUTEER),
        (Status.IN_BEHANDELING, Actie.HERZIEN),
        (Status.BEANTWOORD, Actie.BEANTWOORD),
        (Status.BEANTWOORD, Actie.DOORSTUREN),
        (Status.BEANTWOORD, Actie.ROUTEER),
    ],
)
def test_forbidden_transitions(status, actie):
    with pytest.raises(OngeldigeOvergang) as e:
        volgende_status(status, actie)
    assert str(e.value)  # a Dutch explanation, never empty


def test_unknown_action_is_refused():
    with pytest.raises(OngeldigeOvergang):
        volgende_status(Status.IN_BEHANDELING, "verwijderen")


def test_allowed_actions_per_status():
    assert toegestane_acties(Status.IN_BEHANDELING) == [Actie.DOORSTUREN, Actie.BEANTWOORD, Actie.NIET_ONTVANKELIJK]
    assert toegestane_acties(Status.BEANTWOORD) == [Actie.HERZIEN]
