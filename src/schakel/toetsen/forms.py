"""Web forms of the uitvoeringstoets. They parse input; the rules live in :mod:`schakel.toetsen.services`."""

from __future__ import annotations

from django import forms

from schakel.organisaties.models import Organisatie, OrganisatieSoort
from schakel.regelingen.models import Regeling
from schakel.signalen.models import Besluit
from schakel.web.forms import ModelKeuzes, RegelingKeuze, datumveld

from . import services
from .models import Oordeel, VoorstelSoort

TEKST = {"rows": 4}


class RegelingenKeuze(ModelKeuzes):
    def label_from_instance(self, regeling: Regeling) -> str:
        return RegelingKeuze.label_from_instance(self, regeling)


class VoorstelFormulier(forms.Form):
    soort = forms.ChoiceField(label="Soort voorstel", choices=VoorstelSoort.choices, widget=forms.RadioSelect)
    kamerstuk = forms.CharField(label="Kamerstuknummer", max_length=40, help_text="Bijvoorbeeld 36 123, nr. 5.")
    titel = forms.CharField(label="Titel", max_length=300)
    omschrijving = forms.CharField(label="Wat verandert er?", widget=forms.Textarea(attrs=TEKST))
    regelingen = RegelingenKeuze(label="Welke regelingen wijzigt het voorstel?", required=False,
                                                queryset=Regeling.objects.order_by("titel"),
                                                widget=forms.SelectMultiple(attrs={"size": 6}))
    ministerie = forms.ModelChoiceField(label="Ministerie",
                                        queryset=Organisatie.objects.filter(soort=OrganisatieSoort.MINISTERIE))
    kamercommissie = forms.ModelChoiceField(label="Kamercommissie",
                                            queryset=Organisatie.objects.filter(soort=OrganisatieSoort.KAMERCOMMISSIE))
    uitvoerders = ModelKeuzes(
        label="Welke organisaties gaan het uitvoeren?", widget=forms.CheckboxSelectMultiple,
        queryset=Organisatie.objects.exclude(soort__in=[OrganisatieSoort.MINISTERIE, OrganisatieSoort.KAMERCOMMISSIE]),
        error_messages={"required": "Kies ten minste één organisatie die het voorstel gaat uitvoeren."})
    openbaar = forms.BooleanField(label="Maak dit voorstel openbaar", required=False, initial=True)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        org = getattr(user, "organisatie", None)
        if org is not None and org.soort == OrganisatieSoort.MINISTERIE:
            self.fields["ministerie"].initial = org.pk
            if org.kamercommissie_id:
                self.fields["kamercommissie"].initial = org.kamercommissie_id
        if org is not None and org.soort == OrganisatieSoort.KAMERCOMMISSIE:
            self.fields["kamercommissie"].initial = org.pk


class WijzigingFormulier(forms.Form):
    kamerstuk = forms.CharField(label="Kamerstuknummer van de wijziging", max_length=40, required=False,
                                help_text="Bijvoorbeeld het nummer van de nota van wijziging; leeg laat het nummer staan.")
    omschrijving = forms.CharField(label="Wat houdt het voorstel na de wijziging in?", widget=forms.Textarea(attrs=TEKST))
    reden = forms.CharField(label="Wat is er gewijzigd en waarom moet opnieuw worden getoetst?",
                            widget=forms.Textarea(attrs=TEKST))


class ToetsFormulier(forms.Form):
    oordeel = forms.ChoiceField(label="Oordeel", choices=Oordeel.choices, widget=forms.RadioSelect)
    voorwaarden = forms.CharField(label="Voorwaarden", required=False, widget=forms.Textarea(attrs=TEKST),
                                  help_text="Verplicht bij ‘uitvoerbaar onder voorwaarden’.")
    invoeringstijd_maanden = forms.IntegerField(
        label="Benodigde invoeringstijd (maanden)", required=False, min_value=0, max_value=120,
        help_text="Verplicht bij ‘uitvoerbaar’ en ‘uitvoerbaar onder voorwaarden’ (0 kan).")
    doenvermogen = forms.CharField(label="Gevolgen voor het doenvermogen van burgers", widget=forms.Textarea(attrs=TEKST),
                                   required=False)
    kosten_eenmalig = forms.IntegerField(label="Eenmalige kosten (euro)", min_value=0, required=False)
    kosten_structureel = forms.IntegerField(label="Structurele kosten (euro per jaar)", min_value=0,
                                            required=False)
    risicos = forms.CharField(label="Risico's", widget=forms.Textarea(attrs=TEKST), required=False)
    alternatieven = forms.CharField(label="Alternatieven", widget=forms.Textarea(attrs=TEKST), required=False,
                                    help_text="Bij ‘niet uitvoerbaar’ is een van beide verplicht: alternatieven of "
                                              "dilemma's.")
    dilemmas = forms.CharField(label="Dilemma's en keuzes voor de politiek", widget=forms.Textarea(attrs=TEKST),
                               required=False)
    afwijkend_standpunt = forms.CharField(
        label="Afwijkend standpunt", widget=forms.Textarea(attrs=TEKST), required=False,
        help_text="Zijn medewerkers het niet eens met dit oordeel? Hun standpunt krijgt hier een eigen plek.")

    # Every field is checked by the service (services.dien_toets_in), so that one submit shows all
    # errors; these are required always (services.VERPLICHT) or with some verdicts: no "(niet verplicht)".
    VERPLICHT_OF_SOMS = (*services.VERPLICHT, "voorwaarden", "invoeringstijd_maanden", "alternatieven", "dilemmas")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam in self.VERPLICHT_OF_SOMS:
            self.fields[naam].toon_optioneel = False


class AntwoordFormulier(forms.Form):
    besluit = forms.ChoiceField(label="Besluit", widget=forms.RadioSelect, choices=[
        (Besluit.OVERNEMEN, "Overnemen: voorwaarden en invoeringstijd worden overgenomen"),
        (Besluit.NIET_OVERNEMEN, "Niet overnemen: ik leg uit waarom niet")])
    toelichting = forms.CharField(label="Toelichting", widget=forms.Textarea(attrs={"rows": 6}), required=False)
    voorwaarden_overgenomen = forms.BooleanField(label="De voorwaarden van de uitvoerder worden overgenomen",
                                                 required=False)
    invoeringsdatum = datumveld("Toegezegde datum van inwerkingtreding", required=False)
    ondertekend_door = forms.CharField(label="Ondertekend door (bewindspersoon)", max_length=200, required=False)


class InvoeringstoetsFormulier(forms.Form):
    regeling = RegelingKeuze(label="Regeling die in werking treedt", queryset=Regeling.objects.none())
    artikelen = forms.CharField(label="Artikel(en)", max_length=200, required=False,
                                help_text="Leeg als de hele regeling in werking treedt.")
    inwerkingtreding = datumveld("Datum van inwerkingtreding")

    def __init__(self, *args, regelingen=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regeling"].queryset = regelingen if regelingen is not None else Regeling.objects.order_by("titel")


class RapportageFormulier(forms.Form):
    werking_burgers = forms.CharField(label="Hoe werkt de regeling voor burgers?", widget=forms.Textarea(attrs=TEKST),
                                      required=False)
    werking_uitvoering = forms.CharField(label="Hoe werkt de regeling voor uw organisatie?",
                                         widget=forms.Textarea(attrs=TEKST), required=False)
