"""Small queries for other apps (e.g. the navigation's inbox link)."""

from .models import Melding


def aantal_ongelezen(user) -> int:
    """Unread notifications of ``user`` (0 for anonymous users)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Melding.objects.filter(ontvanger=user, gelezen_op__isnull=True).count()
