"""Forms of the knelpunt pages; the rules themselves are in ``services``."""

from django import forms

from schakel.web.forms import Keuzes

from .models import MAX_TEKST, KnelpuntStatus


class KnelpuntFormulier(forms.Form):
    titel = forms.CharField(label="Titel", max_length=200,
                            help_text="Kort en concreet: welke regel, welk probleem.",
                            error_messages={"required": "Geef het knelpunt een titel."})
    beleidsbetekenis = forms.CharField(
        label="Wat betekent dit voor beleid", max_length=MAX_TEKST, widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Eén alinea in gewone taal voor Kamerleden: wat gaat er mis voor burgers, en wat vraagt dat "
                  "van de wet of het beleid? Geen vaktaal, geen persoonsgegevens.",
        error_messages={"required": "Schrijf in één alinea wat dit knelpunt betekent voor beleid."})
    dilemma = forms.CharField(label="Dilemma", required=False, max_length=MAX_TEKST,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text="De keuze die voorligt: kosten en baten, alternatieven.")


class WijzigFormulier(KnelpuntFormulier):
    artikelen = forms.CharField(label="Artikel(en)", required=False, max_length=300)
    status = forms.ChoiceField(label="Status", choices=KnelpuntStatus.choices, widget=forms.RadioSelect)


class SplitsFormulier(KnelpuntFormulier):
    signalen = Keuzes(label="Signalen die een apart knelpunt vormen", max_keuzes=500,
                                         widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, leden=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signalen"].choices = [(str(s.uuid), f"{s.kenmerk} {s.titel}") for s in leden]
