"""Forms of the brake. They parse input; the rules live in the modules of :mod:`schakel.noodrem`."""

from __future__ import annotations

from django import forms

from schakel.organisaties.models import Organisatie, OrganisatieSoort
from schakel.regelingen.models import Regeling
from schakel.signalen.models import MAX_TEKST, MIN_MELDINGEN, MIN_PRAKTIJK
from schakel.web.forms import ModelKeuzes, RegelingKeuze, SignaalFormulier

from .models import Beginsel, OrganisatieVariant, Reden


def _organisaties():
    return Organisatie.objects.exclude(soort=OrganisatieSoort.KAMERCOMMISSIE).order_by("naam")


class BeginselKeuze(ModelKeuzes):
    def label_from_instance(self, beginsel: Beginsel) -> str:
        return beginsel.naam


class _Rem(forms.Form):
    """Fields every brake has; the texts reuse the signal form's fields and messages."""

    titel = SignaalFormulier.base_fields["titel"]
    praktijk = forms.CharField(
        label="Wat gebeurt er?", max_length=MAX_TEKST, min_length=MIN_PRAKTIJK, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"Beschrijf de werkwijze of instructie en wat die met burgers doet (ten minste {MIN_PRAKTIJK} "
                  f"tekens). Noem geen namen, burgerservicenummers of andere persoonsgegevens.",
        error_messages={"required": "Beschrijf wat er gebeurt.", "max_length": "Gebruik maximaal 10.000 tekens.",
                        "min_length": MIN_MELDINGEN["praktijk"]})
    moet_stoppen = forms.CharField(
        label="Wat moet er stoppen?", max_length=5000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Welke handeling, instructie of werkwijze moet (tijdelijk) worden stilgezet?",
        error_messages={"required": "Beschrijf wat er moet stoppen.", "max_length": "Gebruik maximaal 5.000 tekens."})
    getroffen_burgers = SignaalFormulier.base_fields["getroffen_burgers"]
    beginselen = BeginselKeuze(
        label="Welke beginselen van behoorlijk bestuur worden geschonden?", queryset=Beginsel.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies ten minste één beginsel dat wordt geschonden.",
                        "invalid_choice": "Kies beginselen uit de lijst.",
                        "invalid_pk_value": "Kies beginselen uit de lijst."})
    regeling = RegelingKeuze(
        label="Om welke regeling gaat het?", queryset=Regeling.objects.select_related("eigenaar").order_by("titel"),
        empty_label="Kies een regeling",
        error_messages={"required": "Kies de regeling waarover de noodrem gaat.",
                        "invalid_choice": "Kies een regeling uit de lijst."})
    artikelen = SignaalFormulier.base_fields["artikelen"]
    verbetervoorstel = SignaalFormulier.base_fields["verbetervoorstel"]
    bewijs = forms.CharField(
        label="Signalen die de noodrem onderbouwen", required=False, max_length=400,
        help_text="Kenmerken van bestaande signalen, gescheiden door komma's, bijvoorbeeld SIG-000012, SIG-000034.",
        error_messages={"max_length": "Gebruik maximaal 400 tekens."})
    bewijs_toelichting = forms.CharField(
        label="Onderbouwing: casussen en cijfers", required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Beschrijf casussen zonder persoonsgegevens.",
        error_messages={"max_length": "Gebruik maximaal 5.000 tekens."})
    openbaar = forms.BooleanField(
        label="Maak deze noodrem openbaar", required=False, initial=True,
        help_text="Iedereen kan een openbare noodrem en de reactie erop lezen. Wie hem trok, wordt nooit getoond.")


class ProfessionalFormulier(_Rem):
    praktijk_van = forms.ModelChoiceField(
        label="Tegen de werkwijze of instructie van welke organisatie?", queryset=_organisaties(),
        empty_label="Kies een organisatie",
        help_text="De noodrem gaat naar het bestuur van deze organisatie; haar opdrachtgevende ministerie wordt "
                  "geïnformeerd.",
        error_messages={"required": "Kies de organisatie waarvan de werkwijze of instructie moet stoppen.",
                        "invalid_choice": "Kies een organisatie uit de lijst."})
    indienende_organisatie = forms.ModelChoiceField(
        label="Bij welke organisatie werkt u?", queryset=_organisaties(), required=False,
        empty_label="Geen organisatie noemen",
        help_text="Alleen de organisatie wordt vastgelegd, niet wie u bent. U mag ook geen organisatie noemen: "
                  "een niet-openbare noodrem is dan alleen zichtbaar voor de ontvangende organisatie en haar "
                  "ministerie. Trekt u hem onder uw eigen account, dan geldt de organisatie van uw account.",
        error_messages={"invalid_choice": "Kies een organisatie uit de lijst."})
    anoniem = forms.BooleanField(
        label="Trek de noodrem anoniem", required=False, initial=True,
        help_text="U krijgt een ontvangstcode waarmee u de reactie leest en berichten uitwisselt. Uw account, "
                  "IP-adres en browser worden niet vastgelegd.")

    field_order = ["praktijk_van", "titel", "praktijk", "moet_stoppen", "beginselen", "getroffen_burgers",
                   "regeling", "artikelen", "verbetervoorstel", "bewijs", "bewijs_toelichting",
                   "indienende_organisatie", "anoniem", "openbaar"]

    def __init__(self, *args, ingelogd: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not ingelogd:
            del self.fields["anoniem"]


class OrganisatieFormulier(_Rem):
    variant = forms.ChoiceField(
        label="Welke noodrem?", widget=forms.RadioSelect, choices=OrganisatieVariant.choices,
        initial=OrganisatieVariant.RODE_KAART,
        error_messages={"required": "Kies ‘rode kaart’ of ‘budgetvloer’.",
                        "invalid_choice": "Kies ‘rode kaart’ of ‘budgetvloer’."})

    field_order = ["variant", "titel", "regeling", "artikelen", "praktijk", "moet_stoppen", "beginselen",
                   "getroffen_burgers", "bewijs", "bewijs_toelichting", "verbetervoorstel", "openbaar"]


class CodeFormulier(forms.Form):
    code = forms.CharField(
        label="Ontvangstcode", max_length=60, widget=forms.TextInput(attrs={"autocomplete": "off",
                                                                           "spellcheck": "false"}),
        help_text="De code die u kreeg bij het trekken van de noodrem, bijvoorbeeld 7KQ2-M9XD-4RTA-P0WE-HB3N.",
        error_messages={"required": "Vul uw ontvangstcode in.", "max_length": "Deze code is te lang."})


class BerichtFormulier(forms.Form):
    tekst = forms.CharField(
        label="Uw bericht", max_length=5000, widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Schrijf een bericht.", "max_length": "Gebruik maximaal 5.000 tekens."})


class RetourstickerFormulier(forms.Form):
    organisatie = forms.ModelChoiceField(
        label="Welke organisatie stuurde de brief?", queryset=_organisaties(), empty_label="Kies een organisatie",
        error_messages={"required": "Kies de organisatie die de brief stuurde.",
                        "invalid_choice": "Kies een organisatie uit de lijst."})
    brief = forms.CharField(
        label="Welke brief of welk besluit?", max_length=200,
        help_text="De titel bovenaan de brief, bijvoorbeeld ‘Besluit herziening kinderopvangtoeslag’. Geen "
                  "persoonlijke gegevens.",
        error_messages={"required": "Noem de brief of het besluit.", "max_length": "Gebruik maximaal 200 tekens."})
    reden = forms.ChoiceField(
        label="Wat is er aan de hand?", widget=forms.RadioSelect, choices=Reden.choices,
        error_messages={"required": "Kies of u de brief niet begrijpt of onrechtvaardig vindt.",
                        "invalid_choice": "Kies een van de twee mogelijkheden."})
    toelichting = forms.CharField(
        label="Wilt u iets uitleggen?", required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Alleen de organisatie leest dit.", error_messages={"max_length": "Gebruik maximaal 3.000 tekens."})
    contactgegevens = forms.CharField(
        label="Hoe kan de organisatie u bereiken?", max_length=300,
        help_text="Uw naam en telefoonnummer of e-mailadres. Alleen de organisatie ziet dit; het wordt nooit "
                  "gepubliceerd.",
        error_messages={"required": "Vul in hoe de organisatie u kan bereiken.",
                        "max_length": "Gebruik maximaal 300 tekens."})


class ContactFormulier(forms.Form):
    uitkomst = forms.CharField(
        label="Wat leverde het contact op?", max_length=3000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Beschrijf kort wat het contact opleverde.",
                        "max_length": "Gebruik maximaal 3.000 tekens."})
