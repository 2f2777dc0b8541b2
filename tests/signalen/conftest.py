"""Fixtures shared by the signal tests."""

import pytest
from django.contrib.auth.models import Permission


@pytest.fixture
def trieerder(wereld):
    """A handler who may triage: routes signals without a known owner."""
    user = wereld.behandelaar_szw
    user.user_permissions.add(Permission.objects.get(codename="trieren", content_type__app_label="signalen"))
    return type(user).objects.get(pk=user.pk)  # fresh permission cache
