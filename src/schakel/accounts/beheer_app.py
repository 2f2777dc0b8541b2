"""App config that replaces ``django.contrib.admin`` in INSTALLED_APPS: ``admin.site`` is a ``BeheerSite``.

Kept apart from ``beheer.py`` because an app config is imported before models may be.
"""

from django.contrib.admin.apps import AdminConfig


class BeheerConfig(AdminConfig):
    default_site = "schakel.accounts.beheer.BeheerSite"
