"""The selection form of the report page: period and (at most one) scope."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from schakel.organisaties.models import Organisatie, OrganisatieSoort

from .cijfers import Periode, Reikwijdte


class Keuze(forms.ModelChoiceField):
    def label_from_instance(self, organisatie):
        return organisatie.naam


class StaatFilter(forms.Form):
    toon_optioneel = False

    periode = forms.CharField(
        label="Periode", max_length=40,
        help_text="Een jaar (2025), een kwartaal (2025-Q3), een maand (2025-03) of twee data met twee "
                  "punten ertussen (2025-01-01..2025-06-30). Vergeleken wordt met de even lange periode ervoor.",
        error_messages={"required": "Vul een periode in, bijvoorbeeld 2025 of 2025-Q3.",
                        "max_length": "Deze periode is te lang. Schrijf bijvoorbeeld 2025-01-01..2025-06-30."},
    )
    organisatie = Keuze(
        label="Organisatie", required=False, to_field_name="afkorting", empty_label="Alle organisaties",
        queryset=Organisatie.objects.exclude(soort=OrganisatieSoort.KAMERCOMMISSIE).order_by("naam"),
        help_text="Signalen die de organisatie indiende of moest beantwoorden.",
        error_messages={"invalid_choice": "Kies een organisatie uit de lijst."},
    )
    ministerie = Keuze(
        label="Ministerie", required=False, to_field_name="afkorting", empty_label="Alle ministeries",
        queryset=Organisatie.objects.filter(soort=OrganisatieSoort.MINISTERIE).order_by("naam"),
        help_text="Het ministerie, zijn regelingen en de organisaties waarvan het opdrachtgever is.",
        error_messages={"invalid_choice": "Kies een ministerie uit de lijst."},
    )
    commissie = Keuze(
        label="Kamercommissie", required=False, to_field_name="afkorting", empty_label="Alle commissies",
        queryset=Organisatie.objects.filter(soort=OrganisatieSoort.KAMERCOMMISSIE).order_by("naam"),
        help_text="Signalen over de regelingen die de commissie controleert.",
        error_messages={"invalid_choice": "Kies een Kamercommissie uit de lijst."},
    )

    def clean_periode(self) -> Periode:
        try:
            return Periode.lees(self.cleaned_data["periode"])
        except ValidationError as fout:
            raise ValidationError(fout.message_dict["periode"]) from None

    def clean(self):
        data = super().clean()
        gekozen = [veld for veld in ("organisatie", "ministerie", "commissie") if data.get(veld)]
        if len(gekozen) > 1:
            raise ValidationError("Kies één organisatie, één ministerie of één Kamercommissie, niet meer tegelijk.")
        return data

    def selectie(self) -> tuple[Periode, Reikwijdte]:
        data = self.cleaned_data
        periode = data["periode"]
        reikwijdte = Reikwijdte.kies(**{veld: data[veld].afkorting for veld in ("organisatie", "ministerie", "commissie")
                                        if data.get(veld)})
        return periode, reikwijdte

    def querystring(self) -> str:
        from urllib.parse import urlencode

        data = self.cleaned_data
        paren = [("periode", data["periode"].naam)] + [(veld, data[veld].afkorting)
                                                   for veld in ("organisatie", "ministerie", "commissie") if data.get(veld)]
        return urlencode(paren)
