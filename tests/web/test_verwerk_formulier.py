"""verwerk_formulier: the step every thin form view shares, checked on its own."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.messages import constants, get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

from schakel.signalen.workflow import OngeldigeOvergang
from schakel.web.formulieren import verwerk_formulier


class Formulier(forms.Form):
    naam = forms.CharField(max_length=20)
    aantal = forms.IntegerField(required=False)


def _verzoek(data=None):
    request = RequestFactory().post("/", data) if data is not None else RequestFactory().get("/")
    request._messages = CookieStorage(request)
    return request


def _meldingen(request):
    return [(m.level, m.message) for m in get_messages(request)]


class Dienst:
    """A stand-in service that records its calls and does what it is told."""

    def __init__(self, uitkomst=None, fout=None):
        self.aanroepen, self.uitkomst, self.fout = [], uitkomst, fout

    def __call__(self, data):
        self.aanroepen.append(dict(data))
        if self.fout is not None:
            raise self.fout
        return self.uitkomst


def test_an_unsubmitted_form_calls_nothing():
    request, dienst = _verzoek(), Dienst()
    form = Formulier(None)
    assert verwerk_formulier(request, form, dienst, melding="Klaar.", naar="/verder") is None
    assert dienst.aanroepen == [] and _meldingen(request) == [] and not form.errors


def test_an_invalid_form_calls_nothing_and_keeps_its_errors():
    request, dienst = _verzoek({"naam": ""}), Dienst()
    form = Formulier(request.POST)
    assert verwerk_formulier(request, form, dienst, melding="Klaar.", naar="/verder") is None
    assert dienst.aanroepen == [] and _meldingen(request) == []
    assert "naam" in form.errors


def test_success_passes_the_cleaned_data_then_flashes_and_redirects():
    request, dienst = _verzoek({"naam": "Kees", "aantal": "3"}), Dienst(uitkomst="ok")
    antwoord = verwerk_formulier(request, Formulier(request.POST), dienst, melding="Vastgelegd.", naar="/verder")
    assert dienst.aanroepen == [{"naam": "Kees", "aantal": 3}]
    assert antwoord.status_code == 302 and antwoord["Location"] == "/verder"
    assert _meldingen(request) == [(constants.SUCCESS, "Vastgelegd.")]


def test_message_and_address_may_depend_on_what_the_service_returned():
    request, dienst = _verzoek({"naam": "Kees"}), Dienst(uitkomst="ZAAK-7")
    antwoord = verwerk_formulier(request, Formulier(request.POST), dienst,
                                 melding=lambda kenmerk: f"{kenmerk} is gemaakt.",
                                 naar=lambda kenmerk: f"/zaken/{kenmerk}")
    assert antwoord["Location"] == "/zaken/ZAAK-7"
    assert _meldingen(request) == [(constants.SUCCESS, "ZAAK-7 is gemaakt.")]


def test_a_url_pattern_name_is_a_valid_address():
    request = _verzoek({"naam": "Kees"})
    antwoord = verwerk_formulier(request, Formulier(request.POST), Dienst(), melding="Klaar.", naar="web:triage")
    assert antwoord["Location"] == reverse("web:triage")


def test_service_errors_land_on_their_fields_or_on_the_form():
    request = _verzoek({"naam": "Kees"})
    form = Formulier(request.POST)
    fout = ValidationError({"naam": "Deze naam is al bezet.", "onbekend": "Iets anders klopt niet."})
    assert verwerk_formulier(request, form, Dienst(fout=fout), melding="Klaar.", naar="/verder") is None
    assert form.errors["naam"] == ["Deze naam is al bezet."]
    assert form.non_field_errors() == ["Iets anders klopt niet."]
    assert _meldingen(request) == []


def test_a_refused_transition_becomes_an_error_message_and_a_redirect_when_asked():
    request = _verzoek({"naam": "Kees"})
    weigering = OngeldigeOvergang("doorsturen", "beantwoord")
    antwoord = verwerk_formulier(request, Formulier(request.POST), Dienst(fout=weigering), melding="Klaar.",
                                 naar="/verder", bij_weigering="/signaal")
    assert antwoord.status_code == 302 and antwoord["Location"] == "/signaal"
    assert _meldingen(request) == [(constants.ERROR, str(weigering))]


def test_without_bij_weigering_a_refused_transition_is_not_swallowed():
    request = _verzoek({"naam": "Kees"})
    with pytest.raises(OngeldigeOvergang):
        verwerk_formulier(request, Formulier(request.POST), Dienst(fout=OngeldigeOvergang("doorsturen", "beantwoord")),
                          melding="Klaar.", naar="/verder")
    assert _meldingen(request) == []
