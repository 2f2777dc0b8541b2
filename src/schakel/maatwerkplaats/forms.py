"""Web forms of the Maatwerkplaats. They parse input; the rules live in :mod:`.services`."""

from __future__ import annotations

from django import forms

from schakel.noodrem.models import Beginsel
from schakel.regelingen.models import Regeling
from schakel.signalen.models import MIN_GETROFFEN, MIN_MELDINGEN, MIN_TITEL
from schakel.web.forms import ModelKeuzes, RegelingKeuze, datumveld

from .models import Discipline, Geadresseerde, Grondslag, Reden
from .rechten import teamleden

TEKST = {"rows": 4}


class CasusFormulier(forms.Form):
    titel = forms.CharField(label="Titel", max_length=200, help_text="Kort: waar gaat het om?")
    regeling = RegelingKeuze(label="Om welke regeling gaat het?", empty_label="Kies een regeling",
                             queryset=Regeling.objects.order_by("titel"),
                             error_messages={"required": "Kies de regeling waarover de casus gaat."})
    artikel = forms.CharField(label="Artikel(en)", max_length=200, required=False,
                              help_text="Bijvoorbeeld art. 35 lid 2.")
    reden = forms.ChoiceField(label="Waar knelt het?", choices=[("", "Kies wat er knelt"), *Reden.choices],
                              help_text="Met de regeling bepaalt dit welke casussen vergelijkbaar zijn.",
                              error_messages={"required": "Kies waar de regel knelt."})
    wat_de_regel_vraagt = forms.CharField(label="Wat vraagt de regel?", widget=forms.Textarea(attrs=TEKST))
    gevolg_voor_burger = forms.CharField(label="Wat doet de regel met deze burger?", widget=forms.Textarea(attrs=TEKST))
    bedoeling_van_de_wet = forms.CharField(label="Wat is de bedoeling van de wet?", widget=forms.Textarea(attrs=TEKST))
    interne_gegevens = forms.CharField(
        label="Interne gegevens (alleen voor het team)", required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Klantnummer, naam of contactgegevens die het team nodig heeft. Dit veld verlaat het team nooit; "
                  "de andere velden worden gepseudonimiseerd voordat iemand buiten het team ze ziet.")


class BeraadFormulier(forms.Form):
    gepland_op = datumveld("Datum van het beraad")

    def __init__(self, *args, casus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gepland_op"].error_messages["required"] = "Vul de datum van het beraad in."
        self.team = list(teamleden(casus.organisatie_id))
        keuzes = [("", "Neemt niet deel"), *Discipline.choices]
        for lid in self.team:
            naam = lid.get_full_name() or lid.username
            self.fields[f"deelnemer_{lid.pk}"] = forms.ChoiceField(
                label=f"{naam} ({lid.get_rol_display().lower()})", choices=keuzes, required=False)

    def deelnemer_velden(self):
        return [self[f"deelnemer_{lid.pk}"] for lid in self.team]

    def deelnemers(self) -> list[tuple[object, str]]:
        return [(lid, self.cleaned_data[f"deelnemer_{lid.pk}"]) for lid in self.team
                if self.cleaned_data.get(f"deelnemer_{lid.pk}")]


class InbrengFormulier(forms.Form):
    standpunt = forms.CharField(label="Uw standpunt", widget=forms.Textarea(attrs=TEKST),
                                help_text="Wat weegt voor u, vanuit uw discipline, het zwaarst?")


class ConclusieFormulier(forms.Form):
    tekst = forms.CharField(label="Conclusie van het beraad", widget=forms.Textarea(attrs=TEKST))
    beginselen = ModelKeuzes(
        label="Welke beginselen zijn gewogen?", queryset=Beginsel.objects.all(), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Noem ten minste één beginsel dat is gewogen (bijvoorbeeld evenredigheid).",
                        "invalid_choice": "Kies beginselen uit de lijst.",
                        "invalid_pk_value": "Kies beginselen uit de lijst."})
    fix_aanbevolen = forms.BooleanField(label="Het beraad adviseert een fix voor deze burger", required=False,
                                        initial=True)
    openbaar = forms.BooleanField(
        label="Publiceer de conclusie in de casusprudentie", required=False,
        help_text="Gepubliceerd wordt de gepseudonimiseerde casus met de conclusie; de interne gegevens nooit.")


class FixFormulier(forms.Form):
    wat = forms.CharField(label="Wat doen we voor deze burger?", widget=forms.Textarea(attrs=TEKST))
    grondslag = forms.ChoiceField(label="Op welke grond?", choices=Grondslag.choices, widget=forms.RadioSelect,
                                  error_messages={"required": "Kies de grondslag van de fix."})
    onderbouwing = forms.CharField(label="Waarom past dit binnen die ruimte?", widget=forms.Textarea(attrs=TEKST))


class SolveFormulier(forms.Form):
    casussen = ModelKeuzes(
        label="Welke casussen onderbouwen de solve?", queryset=None, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies ten minste één casus die de solve onderbouwt."})
    geadresseerde = forms.ChoiceField(
        label="Aan wie richt u de solve?", choices=Geadresseerde.choices, widget=forms.RadioSelect,
        error_messages={"required": "Kies aan wie de solve is gericht: het bestuur van uw organisatie of het "
                                    "verantwoordelijke ministerie."})
    titel = forms.CharField(label="Titel van het signaal", max_length=200, min_length=MIN_TITEL,
                            error_messages={"min_length": MIN_MELDINGEN["titel"]})
    toelichting = forms.CharField(label="Wat moet er voor iedereen veranderen, en waarom?",
                                  widget=forms.Textarea(attrs=TEKST), required=False)
    getroffen_burgers = forms.CharField(label="Welke burgers worden geraakt?", max_length=2000,
                                        min_length=MIN_GETROFFEN, widget=forms.Textarea(attrs={"rows": 2}),
                                        error_messages={"min_length": MIN_MELDINGEN["getroffen_burgers"]})
    aantal_getroffen = forms.IntegerField(label="Geschat aantal getroffen burgers", required=False, min_value=0,
                                          max_value=20_000_000)
    verbetervoorstel = forms.CharField(label="Verbetervoorstel", required=False, widget=forms.Textarea(attrs=TEKST))

    def __init__(self, *args, casussen, organisatie, regeling, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["geadresseerde"].choices = [
            (Geadresseerde.BESTUUR, f"Het bestuur van {organisatie.naam}: het ligt aan onze eigen beleidsregels, "
                                    "werkinstructies of systemen. Het signaal blijft binnen de organisatie en "
                                    "escaleert bij uitblijven van een reactie naar de opdrachtgever."),
            (Geadresseerde.MINISTERIE, f"{regeling.eigenaar.naam}, verantwoordelijk voor de regeling: de regeling "
                                       "zelf moet veranderen. Het signaal is openbaar."),
        ]
        self.fields["casussen"].queryset = casussen
        self.fields["casussen"].label_from_instance = lambda c: (
            f"{c.kenmerk} {c.titel}" + (" (fix toegekend)" if hasattr(c, "fix") else ""))


class ZoekFormulier(forms.Form):
    zoek = forms.CharField(label="Zoek in eerdere conclusies", required=False, max_length=200)
