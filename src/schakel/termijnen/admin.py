"""Admin: organisations' own terms are set up here; terms themselves are read-only (the sweep and
the services change them, with an audit trail)."""

from django.contrib import admin

from .models import Termijn, Termijninstelling


@admin.register(Termijninstelling)
class TermijninstellingAdmin(admin.ModelAdmin):
    list_display = ("organisatie", "signaal", "noodrem", "verlenging_max", "bestuur", "ministerie",
                    "bewindspersoon", "kamercommissie")
    search_fields = ("organisatie__naam", "organisatie__afkorting")


@admin.register(Termijn)
class TermijnAdmin(admin.ModelAdmin):
    list_display = ("signaal", "trede", "organisatie", "rol", "uiterste_datum", "gesloten_op", "uitkomst")
    list_filter = ("trede", "uitkomst", "eindtrede")
    search_fields = ("signaal__titel", "organisatie__naam")
    list_select_related = ("signaal", "organisatie")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
