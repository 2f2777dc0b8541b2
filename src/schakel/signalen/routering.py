"""Routing: which body must answer a signal. Explicit and visible, like FixMyStreet's table.

Today a signal goes to the owner (the responsible ministry) of the regulation it names.
"""

from __future__ import annotations


def bepaal_eigenaar(regeling):
    """The organisation that must answer a signal about ``regeling``."""
    return regeling.eigenaar
