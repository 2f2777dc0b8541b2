"""core.fouten.Fouten: the one collector of field errors."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, strategies as st

from schakel.core.fouten import Fouten

velden = st.sampled_from(["titel", "toelichting", "toezeggingen.0.omschrijving", "__all__"])
meldingen = st.text(min_size=1, max_size=20)


def test_nothing_collected_raises_nothing():
    fouten = Fouten()
    fouten.gooi()
    assert not fouten and fouten.als_dict() == {}


@given(st.lists(st.tuples(velden, meldingen), min_size=1, max_size=10))
def test_every_message_is_raised_under_its_field_in_order(paren):
    fouten = Fouten()
    for veld, melding in paren:
        fouten.voeg_toe(veld, melding)
    with pytest.raises(ValidationError) as e:
        fouten.gooi()
    verwacht: dict[str, list[str]] = {}
    for veld, melding in paren:
        verwacht.setdefault(veld, []).append(melding)
    assert e.value.message_dict == verwacht
    assert all(veld in fouten for veld in verwacht)


def test_takes_over_validation_errors_mappings_and_other_collectors():
    fouten = Fouten()
    fouten.neem_over(ValidationError({"titel": ["Te kort."]}))
    fouten.neem_over(ValidationError("Zonder veld."))
    fouten.neem_over({"titel": ["Geen BSN."], "praktijk": ["Geen IBAN."]})
    andere = Fouten()
    andere.voeg_toe("praktijk", "Te lang.")
    fouten.neem_over(andere)
    assert fouten.als_dict() == {"titel": ["Te kort.", "Geen BSN."], "__all__": ["Zonder veld."],
                                 "praktijk": ["Geen IBAN.", "Te lang."]}
