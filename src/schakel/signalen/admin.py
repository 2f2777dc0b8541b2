"""Admin for signals: the TCU causes are editable; signals, answers and commitments are
viewable only. Changes to those go through the application, so that they are checked
and recorded in the audit trail.
"""

from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from schakel.accounts.beheer import VolgordeInDeLijst

from .models import Oorzaak, Reactie, Signaal, Toezegging


@admin.register(Oorzaak)
class OorzaakAdmin(VolgordeInDeLijst, admin.ModelAdmin):
    list_display = ("naam", "code", "volgorde")
    list_editable = ("volgorde",)
    search_fields = ("naam", "code", "omschrijving")
    ordering = ("volgorde",)


class AlleenInzien:
    """View permission only: no add, change or delete, not even for superusers."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _web_url(obj) -> str | None:
    try:
        return reverse("web:signaal", args=[obj.uuid])
    except NoReverseMatch:
        return None


class ReactieInline(AlleenInzien, admin.StackedInline):
    model = Reactie
    extra = 0
    fields = ("versie", "besluit", "niveau", "ondertekend_door", "organisatie", "auteur", "gegeven_op",
              "toelichting")
    readonly_fields = fields
    ordering = ("versie",)


class ToezeggingInline(AlleenInzien, admin.TabularInline):
    model = Toezegging
    extra = 0
    fields = ("omschrijving", "eigenaar", "uiterlijk", "status", "nagekomen_op")
    readonly_fields = fields


@admin.register(Signaal)
class SignaalAdmin(AlleenInzien, admin.ModelAdmin):
    list_display = ("kenmerk", "titel", "soort", "status", "indienende_organisatie", "eigenaar", "ingediend_op",
                    "uiterste_reactiedatum", "openbaar")
    list_filter = ("status", "soort", "openbaar", ("eigenaar", admin.RelatedOnlyFieldListFilter),
                   ("indienende_organisatie", admin.RelatedOnlyFieldListFilter),
                   ("regeling", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("indienende_organisatie", "eigenaar")
    search_fields = ("titel", "uuid")
    date_hierarchy = "ingediend_op"
    ordering = ("-ingediend_op", "-id")
    actions = None
    inlines = (ReactieInline, ToezeggingInline)
    view_on_site = staticmethod(_web_url)
    exclude = ("zoektekst",)

    @admin.display(description="kenmerk", ordering="id")
    def kenmerk(self, obj):
        return obj.kenmerk


@admin.register(Reactie)
class ReactieAdmin(AlleenInzien, admin.ModelAdmin):
    list_display = ("__str__", "besluit", "niveau", "organisatie", "gegeven_op")
    list_filter = ("besluit", "niveau", ("organisatie", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("signaal", "organisatie")
    search_fields = ("toelichting", "signaal__titel")
    date_hierarchy = "gegeven_op"
    actions = None
    exclude = ("vingerafdruk",)


@admin.register(Toezegging)
class ToezeggingAdmin(AlleenInzien, admin.ModelAdmin):
    list_display = ("omschrijving", "eigenaar", "uiterlijk", "status", "nagekomen_op", "signaal")
    list_filter = ("status",)
    list_select_related = ("signaal",)
    search_fields = ("omschrijving", "eigenaar", "signaal__titel")
    date_hierarchy = "uiterlijk"
    actions = None
