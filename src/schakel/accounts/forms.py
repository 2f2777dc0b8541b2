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


class HerstelcodeFormulier(forms.Form):
    code = forms.CharField(
        label="Herstelcode", max_length=24, strip=True,
        help_text="Een van de herstelcodes die u kreeg toen u tweestapsverificatie aanzette, "
                  "bijvoorbeeld 7KQ2-M9XD-4TRA. Elke herstelcode werkt één keer.",
        error_messages={"required": "Vul een van uw herstelcodes in."},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                      "spellcheck": "false", "class": "invoer"}),
    )


class AppOfHerstelcodeFormulier(forms.Form):
    """Confirming a change to two-step verification: a code from the app, or a recovery code for
    someone who lost the phone."""

    code = forms.CharField(
        label="Code uit de app of herstelcode", max_length=24, strip=True,
        help_text="De zes cijfers die uw authenticator-app nu toont. Heeft u de app niet meer? "
                  "Vul dan een van uw herstelcodes in (die is daarna gebruikt).",
        error_messages={"required": "Vul de code uit uw authenticator-app of een herstelcode in."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "characters",
                                      "spellcheck": "false", "class": "invoer"}),
    )


class ApiTokenFormulier(forms.Form):
    """Make a token, or renew or revoke one of one's own (``token``: its id)."""

    actie = forms.ChoiceField(choices=[("maken", "maken"), ("vernieuwen", "vernieuwen"), ("intrekken", "intrekken")],
                              error_messages={"required": "Kies wat u met het token wilt doen.",
                                              "invalid_choice": "Kies wat u met het token wilt doen."})
    naam = forms.CharField(label="Waarvoor is het token?", max_length=100, required=False,
                           help_text="Bijvoorbeeld 'koppeling zaaksysteem'. Zo herkent u het later.",
                           widget=forms.TextInput(attrs={"class": "invoer"}))
    token = forms.IntegerField(required=False, min_value=1, max_value=2**62, widget=forms.HiddenInput)
