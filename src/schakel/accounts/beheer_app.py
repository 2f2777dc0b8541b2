"""App config that replaces ``django.contrib.admin`` in INSTALLED_APPS: ``admin.site`` is a ``BeheerSite``.

Kept apart from ``beheer.py`` because an app config is imported before models may be.
"""

from django.contrib.admin.apps import AdminConfig


class BeheerConfig(AdminConfig):
    default_site = "schakel.accounts.beheer.BeheerSite"

    def ready(self):
        # Before super().ready(): autodiscovery builds every ModelAdmin, which copies these defaults.
        from django.contrib.admin import options
        from django.db import models

        from .beheer import BenoemdeSplitDateTime

        # Date-time fields in every admin form: date and time inputs each with a name (axe: label).
        options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.DateTimeField] = {
            **options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.DateTimeField], "widget": BenoemdeSplitDateTime}
        super().ready()
