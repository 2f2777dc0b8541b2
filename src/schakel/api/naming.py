"""Names between Python (snake_case) and the API (lowerCamelCase)."""

from __future__ import annotations

import re

_SNAKE = re.compile(r"_([a-z0-9])")


def camel(name: str) -> str:
    """``getroffen_burgers`` -> ``getroffenBurgers``; camelCase names pass unchanged."""
    return _SNAKE.sub(lambda m: m.group(1).upper(), name)


def camel_path(path: str) -> str:
    """Camel-case each segment of a dotted error key: ``toezeggingen.0.uiterlijk``."""
    return ".".join(camel(segment) for segment in path.split("."))


def camel_keys(value):
    """Recursively camel-case the keys of dicts (for audit snapshots)."""
    if isinstance(value, dict):
        return {camel(str(k)): camel_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [camel_keys(v) for v in value]
    return value
