"""Query filters with camelCase keys. An unknown value is a 400 naming the parameter.

Filtering by something that does not exist (an unknown organisation, a typo in a
status) must not look like "no results", so every filter validates its value.
"""

from __future__ import annotations

import datetime as dt

from django.core.validators import ProhibitNullCharactersValidator
from django_filters import rest_framework as filters
from rest_framework.exceptions import ErrorDetail, ValidationError

from schakel.organisaties.models import Organisatie, OrganisatieSoort
from schakel.regelingen.models import Regeling
from schakel.signalen.models import Oorzaak, Signaal, SignaalSoort, Toezegging, ToezeggingStatus
from schakel.signalen.workflow import Status
from schakel.signalen.zoeken import op_relevantie, zoek
from schakel.termijnen import selecties

MAX_ZOEKVRAAG = 200
WAAR_ONWAAR = [("true", "true"), ("false", "false")]


def keuzefilter(choices, omschrijving: str, **kwargs) -> filters.ChoiceFilter:
    toegestaan = ", ".join(f"'{value}'" for value, _ in choices)
    return filters.ChoiceFilter(
        choices=choices, help_text=omschrijving,
        error_messages={"invalid_choice": f"'%(value)s' is geen geldige waarde; kies uit {toegestaan}."},
        **kwargs,
    )


def ja_nee_filter(omschrijving: str, **kwargs) -> filters.ChoiceFilter:
    return keuzefilter(WAAR_ONWAAR, omschrijving, **kwargs)


def organisatiefilter(omschrijving: str, **kwargs) -> filters.ModelChoiceFilter:
    return filters.ModelChoiceFilter(
        queryset=Organisatie.objects.all(), to_field_name="afkorting", help_text=omschrijving,
        error_messages={"invalid_choice": "Onbekende organisatie '%(value)s'. Zie /organisaties voor de afkortingen."},
        **kwargs,
    )


def _datum(omschrijving: str, **kwargs) -> filters.DateFilter:
    return filters.DateFilter(
        help_text=omschrijving,
        error_messages={"invalid": "Geef een datum op als JJJJ-MM-DD, bijvoorbeeld 2026-03-01."},
        **kwargs,
    )


class StrikteFilterSet(filters.FilterSet):
    """Base for the API's filter sets (DjangoFilterBackend turns form errors into a 400).

    Only filters that refuse a value they do not understand belong here: choices, model
    choices, dates, uuids, text. Not ``BooleanFilter``: it reads ``AAA`` as "no filter". Use
    :func:`ja_nee_filter` (``true``/``false``) instead; ``tests/beveiliging/test_filters.py`` checks.
    """


class SignaalFilter(StrikteFilterSet):
    organisatie = organisatiefilter("Afkorting van de indienende organisatie.", field_name="indienende_organisatie")
    eigenaar = organisatiefilter("Afkorting van de organisatie die moet reageren.", field_name="eigenaar")
    regeling = filters.ModelChoiceFilter(
        queryset=Regeling.objects.all(), to_field_name="bwb_id", field_name="regeling",
        help_text="BWB-id van de regeling, bijvoorbeeld 'BWBR0019057'.",
        error_messages={"invalid_choice": "Onbekende regeling '%(value)s': dit BWB-id staat niet in Schakel."},
    )
    status = keuzefilter(Status.choices, "Status van het signaal.", field_name="status")
    soort = keuzefilter(SignaalSoort.choices, "Soort signaal.", field_name="soort")
    oorzaak = filters.ModelChoiceFilter(
        queryset=Oorzaak.objects.all(), to_field_name="code", field_name="oorzaken",
        help_text="Code van een oorzaak, zie /oorzaken.",
        error_messages={"invalid_choice": "Onbekende oorzaak '%(value)s'. Zie /oorzaken voor de codes."},
    )
    ingediendVanaf = _datum("Ingediend op of na deze datum (JJJJ-MM-DD).",
                            field_name="ingediend_op", method="filter_ingediend_vanaf")
    ingediendTot = _datum("Ingediend op of vóór deze datum (JJJJ-MM-DD, tot en met).",
                          field_name="ingediend_op", method="filter_ingediend_tot")
    teLaat = ja_nee_filter("'true': nog niet beantwoord en over de uiterste reactiedatum; "
                                 "'false': de overige.", method="filter_te_laat")
    zoek = filters.CharFilter(method="filter_zoek", max_length=MAX_ZOEKVRAAG,
                              help_text="Zoekt in titel, praktijk, getroffen burgers, verbetervoorstel en "
                                        "artikelen. Elk woord moet voorkomen, in welke vorm ook (schuld vindt "
                                        "schulden, toeslag vindt kinderopvangtoeslag).",
                              error_messages={"max_length": f"Maximaal {MAX_ZOEKVRAAG} tekens."})
    sorteer = keuzefilter([("nieuwste", "nieuwste eerst"), ("relevantie", "best passend eerst")],
                     "'nieuwste' (standaard): nieuwste eerst; 'relevantie': best passend bij `zoek` eerst "
                     "(alleen met `zoek`).", method="filter_sorteer")

    class Meta:
        model = Signaal
        fields: list[str] = []

    def is_valid(self):
        valid = super().is_valid()
        if valid:
            vanaf = self.form.cleaned_data.get("ingediendVanaf")
            tot = self.form.cleaned_data.get("ingediendTot")
            if vanaf and tot and vanaf > tot:
                self.form.add_error("ingediendTot", "Deze datum ligt vóór 'ingediendVanaf'.")
                return False
            if self.form.cleaned_data.get("sorteer") == "relevantie" and not self.form.cleaned_data.get("zoek"):
                self.form.add_error("sorteer", "Sorteren op relevantie kan alleen met zoekwoorden in 'zoek'.")
                return False
        return valid

    def filter_ingediend_vanaf(self, queryset, name, value: dt.date):
        return queryset.ingediend_vanaf(value)

    def filter_ingediend_tot(self, queryset, name, value: dt.date):
        return queryset.ingediend_tot_en_met(value)

    def filter_te_laat(self, queryset, name, value: str):
        te_laat = selecties.is_overschreden_q()
        return queryset.filter(te_laat) if value == "true" else queryset.exclude(te_laat)

    def filter_zoek(self, queryset, name, value: str):
        return zoek(queryset, value)

    def filter_sorteer(self, queryset, name, value: str):
        if value == "relevantie":
            return op_relevantie(queryset, self.form.cleaned_data["zoek"], "-ingediend_op", "-id")
        return queryset


class ToezeggingFilter(StrikteFilterSet):
    status = keuzefilter(ToezeggingStatus.choices, "Status van de toezegging.", field_name="status")
    verlopen = ja_nee_filter("'true': open en over de datum 'uiterlijk'; 'false': de overige.",
                      method="filter_verlopen")
    organisatie = organisatiefilter("Afkorting van de organisatie die de toezegging deed.",
                               field_name="reactie__organisatie")
    signaal = filters.UUIDFilter(field_name="signaal__uuid", help_text="UUID van het signaal.",
                                 error_messages={"invalid": "Geef een geldige UUID op."})

    class Meta:
        model = Toezegging
        fields: list[str] = []

    def filter_verlopen(self, queryset, name, value: str):
        verlopen = Toezegging.objects.actueel().verlopen().values("pk")
        return queryset.filter(pk__in=verlopen) if value == "true" else queryset.exclude(pk__in=verlopen)


class OrganisatieFilter(StrikteFilterSet):
    soort = keuzefilter(OrganisatieSoort.choices, "Soort organisatie.", field_name="soort")

    class Meta:
        model = Organisatie
        fields: list[str] = []


class RegelingFilter(StrikteFilterSet):
    eigenaar = organisatiefilter("Afkorting van het ministerie dat eigenaar is.", field_name="eigenaar")
    uitvoerder = organisatiefilter("Afkorting van een organisatie die de regeling uitvoert.", field_name="uitvoerders")

    class Meta:
        model = Regeling
        fields: list[str] = []


def check_query_params(request, allowed: set[str]) -> None:
    """Refuse unknown query parameters, repeated ones, empty ones and null characters with a 400.

    A typo in a filter name, or a filter left empty (``organisatie=``), must not silently
    return everything. Every API endpoint that reads its query goes through here
    (``StrictQueryMixin``); the filter sets then refuse values that are not valid.
    """
    fouten: dict[str, list[ErrorDetail]] = {}
    for key in request.query_params:
        values = request.query_params.getlist(key)
        if key not in allowed:
            bekend = ", ".join(sorted(allowed)) or "geen"
            key = key[:100]
            fouten[key] = [ErrorDetail(f"Onbekende parameter '{key}'. Geldige parameters: {bekend}.",
                                       code="unknown_parameter")]
        elif len(values) > 1:
            fouten[key] = [ErrorDetail("Geef deze parameter ten hoogste één keer op.", code="repeated")]
        elif not values[0].strip():
            fouten[key] = [ErrorDetail(f"Geef een waarde op, of laat de parameter '{key}' weg.", code="blank")]
        elif any("\x00" in value for value in values):
            fouten[key] = [ErrorDetail(str(ProhibitNullCharactersValidator.message), code="null_characters_not_allowed")]
    if fouten:
        raise ValidationError(fouten)
