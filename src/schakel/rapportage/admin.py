from django.contrib import admin

from .models import StandVanDeUitvoering


@admin.register(StandVanDeUitvoering)
class StandVanDeUitvoeringAdmin(admin.ModelAdmin):
    list_display = ("organisatie", "jaar", "ontvangen_op", "url")
    list_filter = ("jaar",)
    search_fields = ("organisatie__naam", "organisatie__afkorting")
    list_select_related = ("organisatie",)
    ordering = ("-jaar", "organisatie__naam")
