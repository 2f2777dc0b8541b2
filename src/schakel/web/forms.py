"""Web forms. They only parse and check input; the rules live in ``schakel.signalen.services``.

Errors the services raise are mapped back onto these forms by :func:`toon_servicefouten`.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from schakel.organisaties.models import Organisatie, OrganisatieSoort
from schakel.regelingen.models import Regeling
from schakel.signalen import rechten
from schakel.signalen.models import MAX_TEKST, MIN_GETROFFEN, MIN_MELDINGEN, MIN_PRAKTIJK, MIN_TITEL, Grond, Niveau, Oorzaak
from schakel.signalen.services import MAX_TOEZEGGINGEN, NieuweToezegging

from .formulieren import toon_servicefouten  # noqa: F401  (re-exported: moved to the toolkit)
from .selecties import STATUS_KEUZES

DATUM_FORMATEN = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]
ONGELDIGE_DATUM = "Vul een geldige datum in, bijvoorbeeld 31-12-2026."


class DatumInvoer(forms.DateInput):
    """A native date picker; without one, 31-12-2026 is accepted too.

    What the user typed is never lost: a date in one of the accepted forms is shown in the
    picker, anything else ("gisteren") as plain text with its error, because a browser empties a
    date input whose value is not a date.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")

    def format_value(self, value):
        if isinstance(value, str):
            for formaat in DATUM_FORMATEN:
                try:
                    return dt.datetime.strptime(value.strip(), formaat).date().isoformat()
                except ValueError:
                    continue
            return value
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        getypt = context["widget"]["value"]
        if getypt:
            try:
                dt.date.fromisoformat(str(getypt))
            except ValueError:
                context["widget"]["type"] = "text"
        return context


def datumveld(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, widget=DatumInvoer(), input_formats=DATUM_FORMATEN,
                           error_messages={"invalid": ONGELDIGE_DATUM}, **kwargs)


def organisaties_die_signalen_behandelen():
    return Organisatie.objects.exclude(soort=OrganisatieSoort.KAMERCOMMISSIE).order_by("naam")


class RegelingKeuze(forms.ModelChoiceField):
    def label_from_instance(self, regeling: Regeling) -> str:
        if regeling.citeertitel and regeling.citeertitel != regeling.titel:
            return f"{regeling.citeertitel} — {regeling.titel} ({regeling.bwb_id})"
        return f"{regeling.titel} ({regeling.bwb_id})"


# --- Logging in -------------------------------------------------------------------------

class InlogFormulier(AuthenticationForm):
    error_messages = {
        "invalid_login": "De gebruikersnaam of het wachtwoord klopt niet. Let op hoofdletters en kleine letters.",
        "inactive": "Dit account is niet actief. Neem contact op met de beheerder van uw organisatie.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Gebruikersnaam"
        self.fields["username"].error_messages["required"] = "Vul uw gebruikersnaam in."
        self.fields["password"].label = "Wachtwoord"
        self.fields["password"].error_messages["required"] = "Vul uw wachtwoord in."
        self.fields["username"].widget.attrs.pop("autofocus", None)


# --- The list of signals ------------------------------------------------------------------

class SignaalFilterFormulier(forms.Form):
    """Filters of the signal list, read from the query string. Every field is optional."""

    toon_optioneel = False

    q = forms.CharField(label="Zoeken", required=False, max_length=200,
                        help_text="Woorden uit de titel, de praktijk of het voorstel.",
                        error_messages={"max_length": "Gebruik maximaal 200 tekens om te zoeken."})
    organisatie = forms.ModelChoiceField(
        label="Ingediend door", required=False, queryset=organisaties_die_signalen_behandelen(),
        to_field_name="afkorting", empty_label="Alle organisaties",
        error_messages={"invalid_choice": "Deze organisatie kennen we niet. Kies een organisatie uit de lijst."})
    eigenaar = forms.ModelChoiceField(
        label="Moet reageren", required=False, queryset=organisaties_die_signalen_behandelen(),
        to_field_name="afkorting", empty_label="Alle organisaties",
        error_messages={"invalid_choice": "Deze organisatie kennen we niet. Kies een organisatie uit de lijst."})
    regeling = RegelingKeuze(
        label="Regeling", required=False, queryset=Regeling.objects.order_by("titel"), to_field_name="bwb_id",
        empty_label="Alle regelingen",
        error_messages={"invalid_choice": "Deze regeling kennen we niet. Kies een regeling uit de lijst."})
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Alle statussen"), *STATUS_KEUZES],
        error_messages={"invalid_choice": "Kies een status uit de lijst."})
    oorzaak = forms.ModelChoiceField(
        label="Oorzaak", required=False, queryset=Oorzaak.objects.order_by("volgorde"), to_field_name="code",
        empty_label="Alle oorzaken",
        error_messages={"invalid_choice": "Deze oorzaak kennen we niet. Kies een oorzaak uit de lijst."})
    van = datumveld("Ingediend vanaf", required=False)
    tot = datumveld("Ingediend tot en met", required=False)
    sorteer = forms.ChoiceField(
        label="Volgorde", required=False,
        choices=[("", "Nieuwste eerst"), ("relevantie", "Best passend bij de zoekwoorden eerst")],
        help_text="‘Best passend’ werkt als u zoekwoorden invult.",
        error_messages={"invalid_choice": "Kies een volgorde uit de lijst."})

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", "De einddatum ligt vóór de begindatum. Kies een latere einddatum.")
        return data

    def geldige_criteria(self) -> dict:
        """The filters that are valid; invalid ones are left out (and shown as errors)."""
        self.is_valid()
        return {naam: waarde for naam, waarde in getattr(self, "cleaned_data", {}).items() if waarde}


# --- Filing a signal ----------------------------------------------------------------------

class BegrensdeKeuzes:
    """Mixin for multiple-choice form fields: at most ``max_keuzes`` values, checked before
    any value is looked up (every multiple-choice field of Schakel's forms uses it)."""

    max_keuzes = 50

    def __init__(self, *args, max_keuzes: int | None = None, **kwargs):
        if max_keuzes is not None:
            self.max_keuzes = max_keuzes
        super().__init__(*args, **kwargs)

    def clean(self, value):
        if isinstance(value, (list, tuple)) and len(value) > self.max_keuzes:
            raise forms.ValidationError(f"Kies ten hoogste {self.max_keuzes}.", code="max_keuzes")
        return super().clean(value)


class ModelKeuzes(BegrensdeKeuzes, forms.ModelMultipleChoiceField):
    pass


class Keuzes(BegrensdeKeuzes, forms.MultipleChoiceField):
    pass


class OorzaakKeuze(ModelKeuzes):
    def label_from_instance(self, oorzaak: Oorzaak) -> str:
        return oorzaak.naam


class SignaalFormulier(forms.Form):
    titel = forms.CharField(
        label="Titel", max_length=200, min_length=MIN_TITEL,
        help_text=f"Een korte zin die het probleem samenvat (ten minste {MIN_TITEL} tekens).",
        error_messages={"required": "Geef het signaal een titel.", "min_length": MIN_MELDINGEN["titel"],
                        "max_length": "De titel mag maximaal 200 tekens lang zijn."})
    praktijk = forms.CharField(
        label="Wat gebeurt er in de praktijk?", max_length=MAX_TEKST, min_length=MIN_PRAKTIJK,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=f"Beschrijf wat u in uw werk ziet gebeuren en waarom dat burgers schaadt (ten minste "
                  f"{MIN_PRAKTIJK} tekens). Noem geen namen, burgerservicenummers of andere persoonsgegevens.",
        error_messages={"required": "Beschrijf wat er in de praktijk gebeurt.", "min_length": MIN_MELDINGEN["praktijk"],
                        "max_length": "Gebruik maximaal 10.000 tekens."})
    getroffen_burgers = forms.CharField(
        label="Welke burgers worden geraakt?", max_length=2000, min_length=MIN_GETROFFEN,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bijvoorbeeld: mensen met een WIA-uitkering en schulden.",
        error_messages={"required": "Beschrijf welke burgers worden geraakt.",
                        "min_length": MIN_MELDINGEN["getroffen_burgers"],
                        "max_length": "Gebruik maximaal 2.000 tekens."})
    aantal_getroffen = forms.IntegerField(
        label="Hoeveel burgers worden ongeveer geraakt?", required=False, min_value=0, max_value=20_000_000,
        help_text="Een schatting is genoeg. Laat leeg als u het niet weet.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": "Vul een getal in, zonder punten of letters.",
                        "min_value": "Het aantal kan niet negatief zijn.",
                        "max_value": "Het aantal kan niet groter zijn dan 20.000.000."})
    regeling = RegelingKeuze(
        label="Over welke regeling gaat het?", queryset=Regeling.objects.select_related("eigenaar").order_by("titel"),
        required=False, empty_label="Weet ik niet — stel een organisatie voor",
        help_text="Het signaal gaat naar het ministerie dat eigenaar is van deze regeling. Weet u de regeling "
                  "niet, laat dit dan leeg: Schakel stelt op grond van uw tekst voor welke organisatie moet reageren.",
        error_messages={"invalid_choice": "Kies een regeling uit de lijst."})
    artikelen = forms.CharField(
        label="Artikel(en)", required=False, max_length=300,
        help_text="Bijvoorbeeld: art. 35 lid 2; art. 36.",
        error_messages={"max_length": "Gebruik maximaal 300 tekens."})
    verbetervoorstel = forms.CharField(
        label="Wat stelt u voor?", required=False, max_length=MAX_TEKST, widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Een wijziging van de regel, een brief, een werkwijze, of het gebruik van een hardheidsclausule.",
        error_messages={"max_length": "Gebruik maximaal 10.000 tekens."})
    oorzaken = OorzaakKeuze(
        label="Welke oorzaken spelen een rol?", required=False, queryset=Oorzaak.objects.order_by("volgorde"),
        widget=forms.CheckboxSelectMultiple,
        help_text="De zeven oorzaken uit het rapport ‘Klem tussen balie en beleid’. Kies wat van toepassing is.",
        error_messages={"invalid_choice": "Kies oorzaken uit de lijst.",
                        "invalid_pk_value": "Kies oorzaken uit de lijst."})
    # The suggestion step (no regulation named): the filer accepts a suggested organisation,
    # names another one, or leaves the choice to the triage queue. Shown by the view only
    # after a first submit without a regulation; see signalen/nieuw.html.
    routering = forms.ChoiceField(
        label="Welke organisatie moet reageren?", required=False, widget=forms.RadioSelect, choices=(),
        error_messages={"invalid_choice": "Kies een van de organisaties, ‘een andere organisatie’ of de triage."})
    andere_organisatie = forms.ModelChoiceField(
        label="Andere organisatie", required=False, queryset=Organisatie.objects.none(),
        empty_label="Kies een organisatie",
        error_messages={"invalid_choice": "Kies een organisatie uit de lijst."})
    openbaar = forms.BooleanField(
        label="Maak dit signaal openbaar", required=False, initial=True,
        help_text="Iedereen kan een openbaar signaal en de reactie erop lezen; uw naam wordt nooit getoond. "
                  "Zet dit uit als het signaal gevoelige informatie bevat. Een signaal dat niet openbaar is, "
                  "kunnen alleen lezen: " + "; ".join(rechten.wie_ziet_besloten_signaal()) + ".")


    TRIAGE = "triage"
    ANDERS = "anders"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisaties = organisaties_die_signalen_behandelen()
        self.fields["andere_organisatie"].queryset = organisaties
        self.fields["routering"].choices = [
            (self.TRIAGE, "Weet ik niet: laat een behandelaar bij de triage kiezen"),
            (self.ANDERS, "Een andere organisatie"),
            *((o.afkorting, o.naam) for o in organisaties),
        ]

    def clean(self):
        data = super().clean()
        if data.get("routering") == self.ANDERS and not data.get("andere_organisatie"):
            self.add_error("andere_organisatie", "Kies de organisatie die moet reageren.")
        return data

    def gekozen_eigenaar(self):
        """The organisation the filer chose in the suggestion step, or None (triage, or a regulation named)."""
        data = self.cleaned_data
        keuze = data.get("routering") or ""
        if data.get("regeling") is not None or keuze in ("", self.TRIAGE):
            return None
        if keuze == self.ANDERS:
            return data.get("andere_organisatie")
        return Organisatie.objects.get(afkorting=keuze)

    def als_signaal(self) -> dict:
        """The cleaned data as arguments of ``services.dien_in`` (without the routing choice)."""
        data = dict(self.cleaned_data)
        data.pop("routering", None)
        data.pop("andere_organisatie", None)
        return data


# --- Answering ------------------------------------------------------------------------------

class ReactieFormulier(forms.Form):
    besluit = forms.ChoiceField(
        label="Wat is uw besluit?", widget=forms.RadioSelect,
        choices=[("overnemen", "Overnemen (comply)"), ("niet_overnemen", "Niet overnemen (explain)")],
        help_text="Overnemen: u zegt toe wat er gebeurt, door wie en wanneer. Niet overnemen: u legt "
                  "inhoudelijk uit waarom niet.",
        error_messages={"required": "Kies of u het voorstel overneemt (comply) of niet overneemt (explain).",
                        "invalid_choice": "Kies ‘Overnemen’ of ‘Niet overnemen’."})
    toelichting = forms.CharField(
        label="Toelichting", max_length=MAX_TEKST, widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Bij overnemen: wat er met het voorstel gebeurt. Bij niet overnemen: waarom niet — welke "
                  "regel, welk belang of welke afweging. Standaardzinnen worden geweigerd.",
        error_messages={"required": "Vul de toelichting in.",
                        "max_length": "Gebruik maximaal 10.000 tekens."})
    niveau = forms.ChoiceField(
        label="Niveau van de reactie", widget=forms.RadioSelect, choices=Niveau.choices, initial=Niveau.AMBTELIJK,
        help_text="Een politieke reactie geeft een ministerie namens de bewindspersoon.",
        error_messages={"required": "Kies het niveau van de reactie.",
                        "invalid_choice": "Kies ‘Ambtelijk’ of ‘Politiek’."})
    ondertekend_door = forms.CharField(
        label="Ondertekend door", required=False, max_length=200,
        help_text="Alleen bij een politieke reactie: de naam en functie van de bewindspersoon die tekent.",
        error_messages={"max_length": "Gebruik maximaal 200 tekens."})


class ToezeggingFormulier(forms.Form):
    """One commitment row. All fields optional here: an empty row is skipped, and a partly
    filled row is checked by the service, which names the missing part."""

    toon_optioneel = False

    omschrijving = forms.CharField(label="Wat wordt er gedaan?", required=False, max_length=2000,
                                   widget=forms.Textarea(attrs={"rows": 2}),
                                   error_messages={"max_length": "Gebruik maximaal 2.000 tekens."})
    eigenaar = forms.CharField(label="Door wie?", required=False, max_length=200,
                               help_text="Afdeling of functie, geen naam.",
                               error_messages={"max_length": "Gebruik maximaal 200 tekens."})
    uiterlijk = datumveld("Uiterlijk", required=False)

    def is_ingevuld(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return any(data.get(veld) for veld in self.fields)

    def als_toezegging(self) -> NieuweToezegging:
        data = self.cleaned_data
        return NieuweToezegging(omschrijving=data.get("omschrijving") or "", eigenaar=data.get("eigenaar") or "",
                                uiterlijk=data.get("uiterlijk"))


LEGE_RIJEN = 3

ToezeggingFormset = forms.formset_factory(
    ToezeggingFormulier, extra=LEGE_RIJEN, max_num=MAX_TOEZEGGINGEN, absolute_max=MAX_TOEZEGGINGEN,
    validate_max=True,
)


def ingevulde_toezeggingen(formset) -> list[tuple[int, NieuweToezegging]]:
    """(row index, commitment) for each filled-in row of a valid formset."""
    return [(i, form.als_toezegging()) for i, form in enumerate(formset.forms) if form.is_ingevuld()]


# --- Forwarding and keeping a commitment ---------------------------------------------------

class DoorsturenFormulier(forms.Form):
    naar = forms.ModelChoiceField(
        label="Naar welke organisatie?", queryset=Organisatie.objects.none(), empty_label="Kies een organisatie",
        error_messages={"required": "Kies de organisatie waarnaar het signaal gaat.",
                        "invalid_choice": "Kies een organisatie uit de lijst."})
    reden = forms.CharField(
        label="Waarom hoort het signaal daar?", max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Deze reden is openbaar en staat in de geschiedenis van het signaal.",
        error_messages={"required": "Geef aan waarom het signaal bij een andere organisatie hoort.",
                        "max_length": "Gebruik maximaal 2.000 tekens."})

    def __init__(self, *args, huidige_eigenaar=None, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = organisaties_die_signalen_behandelen()
        if huidige_eigenaar is not None:
            keuzes = keuzes.exclude(pk=huidige_eigenaar.pk)
        self.fields["naar"].queryset = keuzes


class NietOntvankelijkFormulier(forms.Form):
    grond = forms.ChoiceField(
        label="Waarom is het signaal niet ontvankelijk?", choices=Grond.choices, widget=forms.RadioSelect,
        error_messages={"required": "Kies waarom het signaal niet ontvankelijk is.",
                        "invalid_choice": "Kies een van de mogelijkheden."})
    dubbel_van = forms.CharField(
        label="Dubbel van welk signaal?", required=False, max_length=40,
        help_text="Alleen bij ‘dubbel’: het kenmerk van het signaal dat hetzelfde meldt, bijvoorbeeld SIG-000012. "
                  "Op de openbare pagina staat een link naar dat signaal en zijn reactie.",
        error_messages={"max_length": "Noem één kenmerk, bijvoorbeeld SIG-000012."})
    reden = forms.CharField(
        label="Reden (openbaar)", max_length=MAX_TEKST, widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Leg in ten minste 100 tekens uit waarom het signaal niet ontvankelijk is. De reden staat openbaar "
                  "bij het signaal en telt mee in de Staat van de Uitvoering. Noem geen persoonsgegevens.",
        error_messages={"required": "Geef een inhoudelijke reden waarom het signaal niet ontvankelijk is.",
                        "max_length": "Gebruik maximaal 10.000 tekens."})


class TrierenFormulier(DoorsturenFormulier):
    """Route a signal from the triage queue: the owner, why, and optionally the regulation."""

    regeling = RegelingKeuze(
        label="Over welke regeling gaat het?", required=False, queryset=Regeling.objects.order_by("titel"),
        empty_label="Geen regeling (onbekend)",
        help_text="Optioneel. Vult u een regeling in, dan telt het signaal mee op de pagina van die regeling.",
        error_messages={"invalid_choice": "Kies een regeling uit de lijst."})
    field_order = ["naar", "regeling", "reden"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naar"].label = "Welke organisatie moet reageren?"
        self.fields["reden"].label = "Waarom hoort het signaal daar?"
        self.fields["reden"].error_messages["required"] = "Geef aan waarom het signaal bij deze organisatie hoort."


class NakomenFormulier(forms.Form):
    toelichting = forms.CharField(
        label="Wat is er gedaan?", max_length=MAX_TEKST, widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Deze toelichting is openbaar als het signaal openbaar is.",
        error_messages={"required": "Beschrijf wat er is gedaan.", "max_length": "Gebruik maximaal 10.000 tekens."})
