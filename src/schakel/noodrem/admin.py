from django.contrib import admin

from schakel.accounts.beheer import VolgordeInDeLijst

from .models import Beginsel, Noodrem, Retoursticker


@admin.register(Beginsel)
class BeginselAdmin(VolgordeInDeLijst, admin.ModelAdmin):
    list_display = ("naam", "code", "volgorde")
    list_editable = ("volgorde",)
    prepopulated_fields = {"code": ("naam",)}


@admin.register(Noodrem)
class NoodremAdmin(admin.ModelAdmin):
    """Viewable only: a brake changes through its services, with an audit event."""

    list_display = ("signaal", "niveau", "variant", "praktijk_van", "anoniem")
    list_filter = ("niveau", "variant", "anoniem")
    list_select_related = ("signaal", "praktijk_van")
    raw_id_fields = ("signaal", "bewijs")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Retoursticker)
class RetourstickerAdmin(admin.ModelAdmin):
    list_display = ("organisatie", "brief", "reden", "ingediend_op", "contact_uiterlijk", "contact_op",
                    "geescaleerd_op", "signaal")
    list_filter = ("reden", "organisatie")
    exclude = ("code_hash",)
    readonly_fields = ("geescaleerd_op", "signaal")
    list_select_related = ("organisatie", "signaal")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
