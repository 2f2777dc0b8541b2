"""Serializer fields with plain Dutch error messages, and lookups by natural key.

References to other resources are by their natural key (afkorting, BWB id, code) so
that an unknown value is a 400 naming the field, with a message that says what to do.
"""

from __future__ import annotations

import re

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from schakel.organisaties.models import Organisatie
from schakel.regelingen.models import BWB_ID_PATTERN, Regeling
from schakel.signalen.models import Oorzaak

_ALGEMEEN = {
    "required": "Dit veld is verplicht.",
    "null": "Dit veld mag niet null zijn.",
}


class Tekst(serializers.CharField):
    default_error_messages = {
        **_ALGEMEEN,
        "invalid": "Geef tekst op.",
        "blank": "Dit veld mag niet leeg zijn.",
        "max_length": "Maximaal {max_length} tekens.",
        "min_length": "Minimaal {min_length} tekens.",
    }

    def to_internal_value(self, data):
        # CharField would turn numbers into text; the API expects JSON strings.
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class Getal(serializers.IntegerField):
    default_error_messages = {
        **_ALGEMEEN,
        "invalid": "Geef een geheel getal op.",
        "max_value": "Maximaal {max_value}.",
        "min_value": "Minimaal {min_value}.",
        "max_string_length": "Het getal is te lang.",
    }

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (int, str)):
            self.fail("invalid")
        return super().to_internal_value(data)


class JaNee(serializers.BooleanField):
    default_error_messages = {**_ALGEMEEN, "invalid": "Geef true of false op."}

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class Datum(serializers.DateField):
    default_error_messages = {
        **_ALGEMEEN,
        "invalid": "Geef een datum op als JJJJ-MM-DD, bijvoorbeeld 2026-06-30.",
        "datetime": "Geef een datum op (JJJJ-MM-DD), geen tijdstip.",
    }

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class Keuze(serializers.ChoiceField):
    default_error_messages = {**_ALGEMEEN, "invalid_choice": "'{input}' is geen geldige keuze."}

    def __init__(self, choices, **kwargs):
        super().__init__(choices, **kwargs)
        toegestaan = ", ".join(f"'{c}'" for c in self.choices)
        self.error_messages["invalid_choice"] = f"'{{input}}' is geen geldige keuze; kies uit {toegestaan}."

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid_choice", input=str(data)[:40])
        return super().to_internal_value(data)


class Lijst(serializers.ListField):
    default_error_messages = {
        **_ALGEMEEN,
        "not_a_list": "Geef een lijst op.",
        "empty": "Deze lijst mag niet leeg zijn.",
        "min_length": "Geef ten minste {min_length} elementen op.",
        "max_length": "Geef ten hoogste {max_length} elementen op.",
    }

    def __init__(self, **kwargs):
        # Every writable list has a maximum, and it is checked before any element is: an
        # element may cost a query (a natural key), so 60,000 elements must not cost 60,000.
        if not kwargs.get("read_only"):
            assert kwargs.get("max_length") is not None, "Lijst needs max_length"
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, (list, tuple)) and self.max_length is not None and len(data) > self.max_length:
            self.fail("max_length", max_length=self.max_length)
        return super().to_internal_value(data)


class _NatuurlijkeSleutel(serializers.SlugRelatedField):
    # A writable reference by natural key; the value must be a string.

    slug: str = ""
    pattern: str | None = None
    default_error_messages = {**_ALGEMEEN}

    def __init__(self, **kwargs):
        kwargs.setdefault("slug_field", self.slug)
        if not kwargs.get("read_only"):
            kwargs.setdefault("queryset", self.get_default_queryset())
        super().__init__(**kwargs)

    def get_default_queryset(self):  # pragma: no cover - overridden
        raise NotImplementedError

    def to_internal_value(self, data):
        if not isinstance(data, str) or not data.strip() or "\x00" in data:  # PostgreSQL refuses NUL
            self.fail("invalid")
        if self.pattern and not re.fullmatch(self.pattern, data):
            self.fail("invalid_format", value=data[:40])
        return super().to_internal_value(data)


@extend_schema_field({"type": "string", "example": "uwv"})
class OrganisatieField(_NatuurlijkeSleutel):
    slug = "afkorting"
    default_error_messages = {
        **_ALGEMEEN,
        "invalid": "Geef de afkorting van een organisatie op, bijvoorbeeld 'uwv'.",
        "does_not_exist": "Onbekende organisatie '{value}'. Zie /organisaties voor de geldige afkortingen.",
    }

    def get_default_queryset(self):
        return Organisatie.objects.all()


@extend_schema_field({"type": "string", "pattern": BWB_ID_PATTERN, "example": "BWBR0019057"})
class RegelingField(_NatuurlijkeSleutel):
    slug = "bwb_id"
    pattern = BWB_ID_PATTERN.strip("^$")
    default_error_messages = {
        **_ALGEMEEN,
        "invalid": "Geef het BWB-id van de regeling op, bijvoorbeeld 'BWBR0015703'.",
        "invalid_format": "'{value}' is geen BWB-id: dat is 'BWBR' of 'BWBV' gevolgd door zeven cijfers, "
                          "bijvoorbeeld 'BWBR0015703'.",
        "does_not_exist": "Onbekende regeling '{value}': dit BWB-id staat niet in Schakel. "
                          "Zie /regelingen voor de bekende regelingen.",
    }

    def get_default_queryset(self):
        return Regeling.objects.all()


@extend_schema_field({"type": "string", "example": "complexe-regels"})
class OorzaakField(_NatuurlijkeSleutel):
    slug = "code"
    default_error_messages = {
        **_ALGEMEEN,
        "invalid": "Geef de code van een oorzaak op, bijvoorbeeld 'complexe-regels'.",
        "does_not_exist": "Onbekende oorzaak '{value}'. Zie /oorzaken voor de geldige codes.",
    }

    def get_default_queryset(self):
        return Oorzaak.objects.all()


def signaaltekst(veld: str, **kwargs) -> Tekst:
    """A signal's text field with its minimum content (``signalen.models.MINIMA``): documented as
    ``minLength`` in the schema and refused with the same Dutch message as on the web."""
    from schakel.signalen.models import MIN_MELDINGEN, MINIMA

    return Tekst(min_length=MINIMA[veld], error_messages={"min_length": MIN_MELDINGEN[veld]}, **kwargs)
