"""The admin site (/beheer/): Django's, with one login (the web app's) and TOTP where required.

A staff member who turned TOTP on, or every staff member when ``SCHAKEL_TOTP_VERPLICHT_VOOR_BEHEER``
is set, gets into the admin only with a session verified by a code (``tweestap.verplicht_voor_beheer``).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminSplitDateTime
from django.shortcuts import redirect
from django.urls import reverse

from . import tweestap


def _geverifieerd(request) -> bool:
    """A session confirmed with Schakel's own code, or signed in through an identity provider
    that asserted a second factor (``accounts.oidc``)."""
    from .oidc import MFA_SESSIESLEUTEL

    return bool(getattr(request.user, "is_verified", lambda: False)() or request.session.get(MFA_SESSIESLEUTEL))


class BeheerSite(admin.AdminSite):
    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not tweestap.verplicht_voor_beheer(request.user) or _geverifieerd(request)

    def login(self, request, extra_context=None):
        """Logging in happens on the web app's login page (which asks for the code when needed)."""
        volgende = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        user = request.user
        if not user.is_authenticated:
            return redirect(f"{reverse('web:inloggen')}?{urlencode({'next': volgende})}")
        if user.is_active and user.is_staff and tweestap.verplicht_voor_beheer(user) and not _geverifieerd(request):
            if tweestap.staat_aan(user):
                return redirect(f"{reverse('accounts:tweestap')}?{urlencode({'next': volgende})}")
            messages.warning(request, "Voor het beheer is tweestapsverificatie verplicht. Zet die eerst aan.")
            return redirect("accounts:totp-instellen")
        return super().login(request, extra_context)


class VolgordeInDeLijst:
    """Mixin for a ModelAdmin whose list edits ``volgorde`` in place: each field gets a name
    ("Volgorde van <naam>"), which Django's list_editable inputs lack (axe: label)."""

    def get_changelist_form(self, request, **kwargs):
        basis = super().get_changelist_form(request, **kwargs)

        class Formulier(basis):
            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                naam = str(self.instance) if self.instance.pk else ""
                self.fields["volgorde"].widget.attrs["aria-label"] = f"Volgorde van {naam}".strip()

        return Formulier


class BenoemdeSplitDateTime(AdminSplitDateTime):
    """Django's date + time inputs, each with a name: since Django 4 the field's label points at
    neither (MultiWidget has no id_for_label), which leaves both unlabelled (axe: label)."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for sub, naam in zip(context["widget"]["subwidgets"], ("Datum", "Tijd")):
            sub["attrs"]["aria-label"] = naam
        return context
