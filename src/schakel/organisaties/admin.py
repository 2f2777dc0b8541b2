"""Admin for setting up organisations. Bulk changes go through ``schakel laad-referentiedata``."""

from django import forms
from django.contrib import admin

from .models import Organisatie, OrganisatieSoort

admin.site.site_header = "Schakel – beheer"
admin.site.site_title = "Schakel beheer"
admin.site.index_title = "Inrichting"


class OrganisatieForm(forms.ModelForm):
    website = forms.URLField(label="website", required=False, assume_scheme="https",
                             max_length=Organisatie._meta.get_field("website").max_length)

    class Meta:
        model = Organisatie
        fields = "__all__"

    def clean(self):
        data = super().clean()
        soort, opdrachtgever = data.get("soort"), data.get("opdrachtgever")
        if soort == OrganisatieSoort.KAMERCOMMISSIE:
            if not data.get("kamer"):
                self.add_error("kamer", "Een kamercommissie hoort bij de Tweede of de Eerste Kamer.")
            for veld in ("opdrachtgever", "kamercommissie"):
                if data.get(veld):
                    self.add_error(veld, "Een kamercommissie heeft geen opdrachtgever of kamercommissie.")
        elif soort and data.get("kamer"):
            self.add_error("kamer", "Alleen een kamercommissie hoort bij een kamer.")
        if opdrachtgever is not None:
            if opdrachtgever.soort == OrganisatieSoort.KAMERCOMMISSIE:
                self.add_error("opdrachtgever", "Een kamercommissie kan geen opdrachtgever zijn.")
            elif self._kring(opdrachtgever):
                self.add_error("opdrachtgever", f"{opdrachtgever} heeft deze organisatie (in)direct als "
                                                "opdrachtgever: dat wordt een kring.")
        return data

    def _kring(self, opdrachtgever: Organisatie) -> bool:
        """Whether making ``opdrachtgever`` the principal closes a cycle back to this organisation."""
        if self.instance.pk is None:
            return False
        gezien, huidig = set(), opdrachtgever
        while huidig is not None and huidig.pk not in gezien:
            if huidig.pk == self.instance.pk:
                return True
            gezien.add(huidig.pk)
            huidig = huidig.opdrachtgever
        return False


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    form = OrganisatieForm
    list_display = ("naam", "afkorting", "soort", "opdrachtgever", "kamercommissie", "kamer")
    list_filter = ("soort", "kamer")
    list_select_related = ("opdrachtgever", "kamercommissie")
    search_fields = ("naam", "afkorting")
    ordering = ("soort", "naam")
    fieldsets = (
        (None, {"fields": ("naam", "afkorting", "soort", "website")}),
        ("Plaats in de driehoek", {
            "fields": ("opdrachtgever", "kamercommissie", "kamer"),
            "description": "Opdrachtgever: het ministerie dat de organisatie aanstuurt. Kamercommissie: de vaste "
                           "commissie die een ministerie controleert. Kamer: alleen voor kamercommissies.",
        }),
    )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "opdrachtgever":
            kwargs["queryset"] = Organisatie.objects.exclude(soort=OrganisatieSoort.KAMERCOMMISSIE)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
