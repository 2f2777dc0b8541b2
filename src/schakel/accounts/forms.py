"""Forms of the account pages."""

from django import forms


class CodeFormulier(forms.Form):
    code = forms.CharField(
        label="Code uit de app", max_length=12, strip=True,
        help_text="De zes cijfers die uw authenticator-app nu toont.",
        error_messages={"required": "Vul de code uit uw authenticator-app in."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code",
                                      "pattern": "[0-9 ]*", "class": "invoer invoer--kort"}),
    )
