"""The audit trail in the admin: strictly read-only. Events are only ever appended by the app."""

from django.contrib import admin

from .models import Gebeurtenis


@admin.register(Gebeurtenis)
class GebeurtenisAdmin(admin.ModelAdmin):
    list_display = ("tijdstip", "actie", "object_type", "object_id", "signaal", "actor_omschrijving")
    list_filter = ("actie", "object_type")
    list_select_related = ("signaal",)
    search_fields = ("=object_id", "actie", "actor_omschrijving", "toelichting", "signaal__titel")
    date_hierarchy = "tijdstip"
    ordering = ("-tijdstip", "-id")
    actions = None
    fields = ("tijdstip", "actie", "object_type", "object_id", "signaal", "actor", "actor_omschrijving",
              "voor", "na", "toelichting")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
