"""A JSON parser that enforces the body size limit and answers bad JSON in plain Dutch.

DRF reads the request stream itself, bypassing Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE``
check, so the limit is applied here while reading.
"""

from __future__ import annotations

import json
import math

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from .problems import RequestTooLarge


def _reject_constant(name: str):
    raise ValueError(f"{name} is geen geldig JSON-getal")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("getal is te groot")
    return value


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
            return json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
        except json.JSONDecodeError as exc:
            raise ParseError(f"De body is geen geldige JSON (fout op regel {exc.lineno}, "
                             f"kolom {exc.colno}).") from None
        except ValueError as exc:
            raise ParseError(f"De body is geen geldige JSON: {exc}.") from None
        except RecursionError:
            raise ParseError("De body is geen bruikbare JSON: te diep genest.") from None
