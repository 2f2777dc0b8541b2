"""Admin for users: Django's user admin plus the role and organisation in Schakel."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User

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
