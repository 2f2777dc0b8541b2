"""The selection form of the report page: period and (at most one) scope."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from schakel.core import clock
from schakel.organisaties.models import Organisatie, OrganisatieSoort

from .cijfers import EERSTE_JAAR, Periode, Reikwijdte


class Keuze(forms.ModelChoiceField):
    def label_from_instance(self, organisatie):
        return organisatie.naam


def _jaren():
    dit_jaar = clock.today().year
    return [(str(j), str(j)) for j in range(dit_jaar, max(EERSTE_JAAR, dit_jaar - 10) - 1, -1)]


class StaatFilter(forms.Form):
    toon_optioneel = False

    periode = forms.ChoiceField(label="Jaar", choices=_jaren,
                                error_messages={"invalid_choice": "Kies een jaar uit de lijst."})
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

    def clean(self):
        data = super().clean()
        gekozen = [veld for veld in ("organisatie", "ministerie", "commissie") if data.get(veld)]
        if len(gekozen) > 1:
            raise ValidationError("Kies één organisatie, één ministerie of één Kamercommissie, niet meer tegelijk.")
        return data

    def selectie(self) -> tuple[Periode, Reikwijdte]:
        data = self.cleaned_data
        periode = Periode.lees(data["periode"])
        reikwijdte = Reikwijdte.kies(**{veld: data[veld].afkorting for veld in ("organisatie", "ministerie", "commissie")
                                        if data.get(veld)})
        return periode, reikwijdte

    def querystring(self) -> str:
        from urllib.parse import urlencode

        data = self.cleaned_data
        paren = [("periode", data["periode"])] + [(veld, data[veld].afkorting)
                                                   for veld in ("organisatie", "ministerie", "commissie") if data.get(veld)]
        return urlencode(paren)
