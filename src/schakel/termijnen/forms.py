"""Forms for extending a term and filtering the overview. Rules live in ``services``."""

from __future__ import annotations

from django import forms

from schakel.organisaties.models import Organisatie, OrganisatieSoort

from .services import MAX_REDEN

DATUM_FORMATEN = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]


class DatumInvoer(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class VerlengFormulier(forms.Form):
    tot = forms.DateField(
        label="Nieuwe uiterste reactiedatum", widget=DatumInvoer(), input_formats=DATUM_FORMATEN,
        error_messages={"required": "Kies de nieuwe uiterste datum.",
                        "invalid": "Vul een geldige datum in, bijvoorbeeld 22-05-2026."},
    )
    reden = forms.CharField(
        label="Reden van de verlenging", widget=forms.Textarea(attrs={"rows": 5}), max_length=MAX_REDEN,
        help_text="Deze reden is openbaar: de indiener en iedereen die het signaal kan zien, leest haar.",
        error_messages={"required": "Geef een reden voor de verlenging; die reden wordt openbaar getoond.",
                        "max_length": f"De reden is te lang (maximaal {MAX_REDEN} tekens)."},
    )


class Keuze(forms.ModelChoiceField):
    def label_from_instance(self, organisatie):
        return organisatie.naam


class OverzichtFilter(forms.Form):
    toon_optioneel = False

    eigenaar = Keuze(
        label="Organisatie die moet reageren", required=False, to_field_name="afkorting",
        queryset=Organisatie.objects.exclude(soort=OrganisatieSoort.KAMERCOMMISSIE).order_by("naam"),
        empty_label="Alle organisaties",
        error_messages={"invalid_choice": "Kies een organisatie uit de lijst."},
    )
    commissie = Keuze(
        label="Kamercommissie", required=False, to_field_name="afkorting",
        queryset=Organisatie.objects.filter(soort=OrganisatieSoort.KAMERCOMMISSIE).order_by("naam"),
        empty_label="Alle commissies",
        error_messages={"invalid_choice": "Kies een Kamercommissie uit de lijst."},
    )
