"""Admin for setting up regulations: owner, controlling committee and implementers."""

from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html

from schakel.organisaties.models import Organisatie, OrganisatieSoort

from .models import Regeling


@admin.register(Regeling)
class RegelingAdmin(admin.ModelAdmin):
    list_display = ("bwb_id", "titel", "citeertitel", "eigenaar", "kamercommissie", "aantal_signalen")
    list_filter = (("eigenaar", admin.RelatedOnlyFieldListFilter),
                   ("kamercommissie", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("eigenaar", "kamercommissie")
    search_fields = ("bwb_id", "titel", "citeertitel")
    ordering = ("titel",)
    filter_horizontal = ("uitvoerders",)
    readonly_fields = ("wetten_link",)
    fields = ("bwb_id", "wetten_link", "titel", "citeertitel", "eigenaar", "kamercommissie", "uitvoerders")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_aantal_signalen=Count("signalen"))

    @admin.display(description="signalen", ordering="_aantal_signalen")
    def aantal_signalen(self, obj):
        return obj._aantal_signalen

    @admin.display(description="wetten.overheid.nl")
    def wetten_link(self, obj):
        if not obj.pk:
            return "-"
        return format_html('<a href="{}" rel="noopener" target="_blank">{}</a>', obj.wetten_url, obj.wetten_url)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "eigenaar":
            kwargs["queryset"] = Organisatie.objects.filter(soort=OrganisatieSoort.MINISTERIE)
        elif db_field.name == "kamercommissie":
            kwargs["queryset"] = Organisatie.objects.filter(soort=OrganisatieSoort.KAMERCOMMISSIE)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "uitvoerders":
            kwargs["queryset"] = Organisatie.objects.exclude(soort=OrganisatieSoort.KAMERCOMMISSIE)
        return super().formfield_for_manytomany(db_field, request, **kwargs)
