"""A JSON parser that enforces the body size limit and answers bad JSON in plain Dutch.

DRF reads the request stream itself, bypassing Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE``
check, so the limit is applied here while reading.
"""

from __future__ import annotations

import json
import math

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError, ValidationError

from .problems import RequestTooLarge


# Python's own messages ("Exceeds the limit (4300 digits) for integer string conversion",
# "Surrogate characters are not allowed") never reach a client: such values are marked while
# parsing and answered as a plain Dutch message on the field that holds them.
MAX_CIJFERS = 30
TE_GROOT = "Dit getal is te groot."
SURROGATEN = "Deze tekst bevat ongeldige tekens (losse UTF-16-surrogaten). Stuur geldige Unicode-tekst."


class _TeGrootGetal:
    """Stands in for a number Python would refuse or turn into infinity."""


def _reject_constant(name: str):
    raise ValueError(f"{name} is geen geldig JSON-getal")


def _int(text: str):
    return _TeGrootGetal() if len(text.lstrip("-")) > MAX_CIJFERS else int(text)


def _finite_float(text: str):
    value = float(text)
    return value if math.isfinite(value) else _TeGrootGetal()


def _heeft_surrogaat(tekst: str) -> bool:
    try:
        tekst.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _fout_in(waarde) -> str | None:
    """The message for the first unusable value anywhere inside ``waarde``, or None."""
    if isinstance(waarde, _TeGrootGetal):
        return TE_GROOT
    if isinstance(waarde, str):
        return SURROGATEN if _heeft_surrogaat(waarde) else None
    if isinstance(waarde, dict):
        for sleutel, binnen in waarde.items():
            fout = _fout_in(sleutel) or _fout_in(binnen)
            if fout:
                return fout
    if isinstance(waarde, list):
        for binnen in waarde:
            fout = _fout_in(binnen)
            if fout:
                return fout
    return None


def controleer_waarden(data) -> None:
    """Field-level 400 for too large numbers and lone surrogates, named by the top-level field."""
    if isinstance(data, dict):
        fouten = {}
        for sleutel, waarde in data.items():
            fout = _fout_in(waarde)
            if _heeft_surrogaat(sleutel):
                fouten["body"] = [SURROGATEN]
            elif fout:
                fouten[sleutel] = [fout]
    else:
        fout = _fout_in(data)
        fouten = {"body": [fout]} if fout else {}
    if fouten:
        raise ValidationError(fouten)


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        if stream is None:
            return {}
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if limit is not None else stream.read()
        if limit is not None and len(raw) > limit:
            raise RequestTooLarge()
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise ParseError(f"De body is geen geldige {encoding}-tekst.") from None
        try:
            data = json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float, parse_int=_int)
        except json.JSONDecodeError as exc:
            raise ParseError(f"De body is geen geldige JSON (fout op regel {exc.lineno}, "
                             f"kolom {exc.colno}).") from None
        except ValueError:  # NaN, Infinity: our own hooks; never Python's text
            raise ParseError("De body is geen geldige JSON: NaN en Infinity zijn geen JSON-getallen.") from None
        except RecursionError:
            raise ParseError("De body is geen bruikbare JSON: te diep genest.") from None
        try:
            controleer_waarden(data)
        except RecursionError:
            raise ParseError("De body is geen bruikbare JSON: te diep genest.") from None
        return data
