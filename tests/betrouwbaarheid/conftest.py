"""Reuse the API test clients (token clients, problem+json assertions)."""

from ..api.conftest import als, api  # noqa: F401  (fixtures)
