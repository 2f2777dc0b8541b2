"""One way to collect field errors in a service.

A use case checks everything and reports all problems at once, per field, as Django's
``ValidationError`` with field keys (the web layer shows them on the form, the API answers
problem+json with ``invalidParams``)::

    fouten = Fouten()
    if not tekst:
        fouten.voeg_toe("toelichting", "Beschrijf wat er is gedaan.")
    fouten.neem_over(persoonsgegevens.controleer_velden({"toelichting": tekst}))
    fouten.gooi()  # raises ValidationError({"toelichting": [...]}) if anything was added
"""

from __future__ import annotations

from typing import Iterable, Mapping

from django.core.exceptions import ValidationError


class Fouten:
    """Field errors in the order they were found, several per field."""

    def __init__(self) -> None:
        self._per_veld: dict[str, list[str]] = {}

    def voeg_toe(self, veld: str, *meldingen: str) -> None:
        """Add one or more messages to ``veld``."""
        self._per_veld.setdefault(veld, []).extend(meldingen)

    def neem_over(self, fouten: ValidationError | Mapping[str, Iterable[str]] | "Fouten") -> None:
        """Add the errors of a ``ValidationError`` (field keys or not), a mapping of field to
        messages, or another collector."""
        if isinstance(fouten, Fouten):
            fouten = fouten._per_veld
        elif isinstance(fouten, ValidationError):
            fouten = fouten.message_dict if hasattr(fouten, "error_dict") else {"__all__": fouten.messages}
        for veld, meldingen in fouten.items():
            self.voeg_toe(veld, *meldingen)

    def __contains__(self, veld: str) -> bool:
        return veld in self._per_veld

    def __bool__(self) -> bool:
        return bool(self._per_veld)

    def als_dict(self) -> dict[str, list[str]]:
        return {veld: list(meldingen) for veld, meldingen in self._per_veld.items()}

    def gooi(self) -> None:
        """Raise ``ValidationError`` with every collected field error; nothing if there are none."""
        if self._per_veld:
            raise ValidationError(self.als_dict())


class OngeldigeOvergang(Exception):
    """An action that an object's current status does not allow. Each workflow subclasses it
    (``schakel.signalen.workflow.OngeldigeOvergang``); the web and API toolkit catch this base
    (an error message and a redirect, a 409 problem) without knowing the workflow."""
