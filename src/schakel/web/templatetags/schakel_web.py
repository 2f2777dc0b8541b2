"""Template tags for accessible forms and plain-Dutch display.

``{% veld form.titel %}`` renders a field with its label, hint and error, linked with
``aria-describedby``; ``{% foutsamenvatting form formset %}`` renders the error summary
that opens a form with errors, each message linking to its field.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django import template
from django.forms import BaseFormSet, CheckboxInput, Form
from django.utils import timezone

from schakel.core import text
from schakel.web import weergave

register = template.Library()


@dataclass(frozen=True)
class Fout:
    anker: str  # id of the element to jump to, or "" for form-wide errors
    tekst: str


def _anker(bound_field) -> str:
    """The id of the first focusable element of a field (the first option of a group)."""
    if bound_field.use_fieldset:
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label or bound_field.auto_id


def _fouten_van(form: Form, voorvoegsel: str = "") -> list[Fout]:
    fouten = [Fout("", f"{voorvoegsel}{tekst}") for tekst in form.non_field_errors()]
    for bound_field in form:
        fouten += [Fout(_anker(bound_field), f"{voorvoegsel}{tekst}") for tekst in bound_field.errors]
    return fouten


def verzamel_fouten(*formulieren) -> list[Fout]:
    """All errors of the given forms and formsets, in page order."""
    fouten: list[Fout] = []
    for item in formulieren:
        if item is None or not item.is_bound:
            continue
        if isinstance(item, BaseFormSet):
            fouten += [Fout(item.prefix, tekst) for tekst in item.non_form_errors()]
            for i, form in enumerate(item.forms, start=1):
                fouten += _fouten_van(form, voorvoegsel=f"Toezegging {i}: ")
        else:
            fouten += _fouten_van(item)
    return fouten


@register.inclusion_tag("includes/form_errors.html")
def foutsamenvatting(*formulieren):
    return {"fouten": verzamel_fouten(*formulieren)}


@register.inclusion_tag("includes/veld.html")
def veld(bound_field, beschrijvingen: bool = False, klasse: str = ""):
    """One form field. ``beschrijvingen``: show each option's model ``omschrijving`` as a hint."""
    opties = []
    if bound_field.use_fieldset:
        for i, optie in enumerate(bound_field.subwidgets):
            waarde = optie.data["value"]
            instantie = getattr(waarde, "instance", None)  # ModelChoiceIteratorValue
            opties.append({
                "id": f"{bound_field.auto_id}_{i}",
                "waarde": str(waarde),
                "label": optie.choice_label,
                "type": optie.data["type"],
                "gekozen": optie.data["selected"],
                "omschrijving": getattr(instantie, "omschrijving", "") if beschrijvingen else "",
            })
    beschreven_door = []
    if bound_field.help_text:
        beschreven_door.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        beschreven_door.append(f"{bound_field.auto_id}_error")
    return {
        "field": bound_field,
        "opties": opties,
        "is_groep": bound_field.use_fieldset,
        "is_vinkje": isinstance(bound_field.field.widget, CheckboxInput),
        "beschreven_door": " ".join(beschreven_door),
        "klasse": klasse,
        # Forms whose fields are all optional by design (filters, commitment rows) say so once.
        "toon_optioneel": (not bound_field.field.required and getattr(bound_field.form, "toon_optioneel", True)
                           and getattr(bound_field.field, "toon_optioneel", True)),
    }


@register.filter
def actie_in_woorden(actie: str) -> str:
    return weergave.actie_in_woorden(actie)


@register.filter
def status_weergave(signaal) -> weergave.StatusWeergave:
    """The state of a signal in words; uses the ``actueel_besluit`` annotation when present."""
    besluit = getattr(signaal, "actueel_besluit", None)
    if besluit is None and signaal.status == "beantwoord":
        reactie = signaal.actuele_reactie()
        besluit = reactie.besluit if reactie else None
    return weergave.status_van(signaal, besluit)


@register.filter
def zoekfragment(tekst: str, zoekvraag: str) -> str:
    """``{{ s.praktijk|zoekfragment:zoekvraag }}``: the found words in context, marked."""
    return weergave.zoekfragment(tekst, zoekvraag) if zoekvraag else ""


@register.simple_tag
def formuliertoken():
    """The hidden one-time token of a form that creates something (``web.formulieren.eenmalig``)."""
    from django.utils.html import format_html

    from schakel.web.formulieren import VELD, nieuw_token

    return format_html('<input type="hidden" name="{}" value="{}">', VELD, nieuw_token())


@register.simple_tag
def uniek_id(voorvoegsel: str = "id") -> str:
    """A page-unique id for aria-labelledby and friends, e.g. ``{% uniek_id "tabel" as id %}``."""
    return f"{voorvoegsel}-{uuid.uuid4().hex[:10]}"


@register.filter
def aantal(n, vormen: str) -> str:
    """``{{ n|aantal:"signaal,signalen" }}``: ``1 signaal``, ``8.650 signalen``."""
    enkelvoud, meervoud = vormen.split(",")
    return text.aantal(int(n or 0), enkelvoud, meervoud)


@register.filter
def getal(n) -> str:
    """``{{ n|getal }}``: a whole number with thousands separators (8.650)."""
    return text.getal(int(n or 0))


@register.filter
def machinetijd(moment) -> str:
    """The ``datetime`` attribute of ``<time>``: ISO 8601 in the local zone with at most three
    fraction digits (HTML's limit; ``|date:'c'`` gives six)."""
    if not moment:
        return ""
    if not hasattr(moment, "hour"):
        return moment.isoformat()
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.isoformat(timespec="milliseconds" if moment.microsecond else "seconds")
