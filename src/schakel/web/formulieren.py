"""The one way a thin view hands a submitted form to a service.

Most pages that change something do the same: bind the form, and if it is valid call one
service with its cleaned data; a ``ValidationError`` from the service goes onto the form,
success is a flash message and a redirect. :func:`verwerk_formulier` is that, so a view
only says which form, which service with what, which message and where to go next.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect

from schakel.core.fouten import OngeldigeOvergang



def verwerk_formulier(
    request: HttpRequest,
    form: forms.Form,
    actie: Callable[[dict], Any],
    *,
    melding: str | Callable[[Any], str],
    naar: str | Callable[[Any], str],
    bij_weigering: str | None = None,
) -> HttpResponseRedirect | None:
    """Call ``actie(form.cleaned_data)`` if ``form`` is bound and valid; redirect after success.

    ``melding`` (the success message) and ``naar`` (a URL or a URL pattern name) are used
    as they are, or, when they are functions, called with what ``actie`` returned (for a
    text or an address that names the new object). A ``ValidationError`` from the service
    is put on the form with :func:`toon_servicefouten`. With ``bij_weigering`` (a URL) an
    action the current status does not allow (``OngeldigeOvergang``) becomes an error
    message and a redirect there; without it that exception is not caught.

    Returns the redirect, or ``None`` when the view should render the form again: not
    submitted, invalid, or refused by the service (errors on the form).
    """
    if not (form.is_bound and form.is_valid()):
        return None
    weigeringen = (OngeldigeOvergang,) if bij_weigering is not None else ()
    try:
        resultaat = actie(form.cleaned_data)
    except ValidationError as fout:
        toon_servicefouten(fout, form)
        return None
    except weigeringen as fout:
        messages.error(request, str(fout))
        return redirect(bij_weigering)
    messages.success(request, melding(resultaat) if callable(melding) else melding)
    return redirect(naar(resultaat) if callable(naar) else naar)


# --- Service errors onto forms ----------------------------------------------------------------

_TOEZEGGING_SLEUTEL = re.compile(r"^toezeggingen\.(\d+)\.(\w+)$")


def toon_servicefouten(fout: ValidationError, form: forms.Form, formset=None,
                       rijen: list[int] | None = None) -> None:
    """Put the errors of a service ``ValidationError`` on the fields they are about.

    Keys are form field names, ``toezeggingen`` (the commitments as a whole) or
    ``toezeggingen.<i>.<veld>``, where ``i`` indexes the submitted commitments and
    ``rijen[i]`` is the formset row it came from. Unknown keys become form-wide errors.
    """
    meldingen = fout.message_dict if hasattr(fout, "error_dict") else {NON_FIELD_ERRORS: fout.messages}
    for sleutel, teksten in meldingen.items():
        match = _TOEZEGGING_SLEUTEL.match(sleutel)
        if formset is not None and match:
            i, veld = int(match[1]), match[2]
            rij = rijen[i] if rijen is not None and i < len(rijen) else i
            if rij < len(formset.forms) and veld in formset.forms[rij].fields:
                for tekst in teksten:
                    formset.forms[rij].add_error(veld, tekst)
                continue
        if formset is not None and sleutel == "toezeggingen":
            formset.non_form_errors().extend(teksten)
            continue
        veld = sleutel if sleutel in form.fields else None
        for tekst in teksten:
            form.add_error(veld, tekst)
