from django.contrib import admin

from .models import Emailvoorkeur, Melding


@admin.register(Melding)
class MeldingAdmin(admin.ModelAdmin):
    list_display = ("aangemaakt_op", "ontvanger", "soort", "onderwerp", "mail_status", "gelezen_op")
    list_filter = ("soort", "mail_status")
    search_fields = ("onderwerp", "ontvanger__username")
    list_select_related = ("ontvanger",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Emailvoorkeur)
class EmailvoorkeurAdmin(admin.ModelAdmin):
    list_display = ("gebruiker", "frequentie", "laatste_overzicht_op")
    list_filter = ("frequentie",)
