"""Admin for users: Django's user admin plus the role and organisation in Schakel; recovery codes (read-only)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import Count
from django_otp.plugins.otp_static.models import StaticDevice

from .models import Identiteitsaanbieder, OidcIdentiteit, User

ROL_IN_SCHAKEL = ("Rol in Schakel", {
    "fields": ("rol", "organisatie"),
    "description": "De rol bepaalt wat iemand mag (indienen, beantwoorden, escaleren ontvangen); de "
                   "organisatie namens wie.",
})


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets[:1], ROL_IN_SCHAKEL, *UserAdmin.fieldsets[1:])
    add_fieldsets = (*UserAdmin.add_fieldsets, ROL_IN_SCHAKEL)
    list_display = ("username", "first_name", "last_name", "rol", "organisatie", "is_staff", "is_active")
    list_filter = ("rol", "organisatie__soort", "is_staff", "is_superuser", "is_active")
    list_select_related = ("organisatie",)
    search_fields = ("username", "first_name", "last_name", "email", "organisatie__naam", "organisatie__afkorting")


# django-otp's own admin for the static device edits its plain-text tokens inline. Schakel keeps
# recovery codes only as hashes (``Herstelcode``), so that admin would invite handing out codes
# that never work: replace it with a read-only view of how many are left. Deleting the device
# removes a user's recovery codes.
if admin.site.is_registered(StaticDevice):
    admin.site.unregister(StaticDevice)


@admin.register(StaticDevice)
class HerstelcodesAdmin(admin.ModelAdmin):
    list_display = ("user", "aantal_over", "created_at", "last_used_at")
    search_fields = ("user__username", "user__first_name", "user__last_name")
    fields = ("user", "aantal_over", "created_at", "last_used_at")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user").annotate(_aantal=Count("herstelcodes"))

    @admin.display(description="herstelcodes over", ordering="_aantal")
    def aantal_over(self, obj) -> int:
        return obj._aantal

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Identiteitsaanbieder)
class IdentiteitsaanbiederAdmin(admin.ModelAdmin):
    list_display = ("naam", "slug", "uitgever", "organisatie", "actief")
    list_filter = ("actief",)
    prepopulated_fields = {"slug": ("naam",)}
    filter_horizontal = ("toegestane_organisaties",)
    fieldsets = (
        (None, {"fields": ("naam", "slug", "actief")}),
        ("Verbinding (OpenID Connect)", {"fields": ("uitgever", "client_id", "geheim_omgevingsvariabele", "scopes")}),
        ("Wie mag inloggen, als wat", {"fields": ("organisatie", "claim_organisatie", "toegestane_organisaties",
                                                  "claim_rol", "rollen", "mfa_acr_waarden")}),
    )


@admin.register(OidcIdentiteit)
class OidcIdentiteitAdmin(admin.ModelAdmin):
    list_display = ("gebruiker", "aanbieder", "sub", "eerst_gezien", "laatst_gezien")
    list_filter = ("aanbieder",)
    search_fields = ("gebruiker__username", "sub")
    readonly_fields = ("aanbieder", "sub", "gebruiker", "eerst_gezien", "laatst_gezien")

    def has_add_permission(self, request):
        return False  # made by the first sign-in, never by hand
