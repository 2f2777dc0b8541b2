from django import forms

from .models import Frequentie


class VoorkeurFormulier(forms.Form):
    frequentie = forms.ChoiceField(
        label="Hoe wilt u meldingen per e-mail ontvangen?", choices=Frequentie.choices, widget=forms.RadioSelect,
        error_messages={"required": "Kies hoe u meldingen per e-mail wilt ontvangen.",
                        "invalid_choice": "Kies een van de mogelijkheden."},
    )
