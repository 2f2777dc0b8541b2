from django.contrib import admin

from .models import Drempels


@admin.register(Drempels)
class DrempelsAdmin(admin.ModelAdmin):
    """The agendering thresholds are settings, edited here (no code change needed)."""

    list_display = ("signalen", "organisaties", "burgers", "noodrem_uitgelegd", "gewijzigd_op")
    readonly_fields = ("gewijzigd_op",)

    def save_model(self, request, obj, form, change):
        from schakel.audit import trail
        from schakel.core import clock

        obj.gewijzigd_op = clock.now()
        super().save_model(request, obj, form, change)
        trail.record("drempels_gewijzigd", obj, actor=request.user,
                     na={"signalen": obj.signalen, "organisaties": obj.organisaties, "burgers": obj.burgers,
                         "noodrem_uitgelegd": obj.noodrem_uitgelegd})

    def has_delete_permission(self, request, obj=None):
        return False
