from django.contrib import admin

from .models import Casus, Herhalingsmelding, Solve


class AlleenInzien(admin.ModelAdmin):
    """Viewable only: cases change through their services, with an audit event."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Casus)
class CasusAdmin(AlleenInzien):
    list_display = ("kenmerk", "titel", "organisatie", "regeling", "reden", "status", "ingebracht_op")
    list_filter = ("status", "reden", "organisatie")
    list_select_related = ("organisatie", "regeling")


@admin.register(Solve)
class SolveAdmin(AlleenInzien):
    list_display = ("signaal", "organisatie", "geadresseerde", "ingediend_op")
    list_filter = ("geadresseerde",)
    list_select_related = ("signaal", "organisatie")


@admin.register(Herhalingsmelding)
class HerhalingsmeldingAdmin(AlleenInzien):
    list_display = ("organisatie", "regeling", "reden", "casus", "aantal", "fixes", "gemeld_op", "afgesloten_op")
    list_filter = ("reden", "organisatie")
    list_select_related = ("organisatie", "regeling", "casus")
