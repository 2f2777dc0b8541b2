"""Who may see and act on cases. Internal cases belong to the team: the staff of the case's
organisation (its board included). Published conclusions (casusprudentie) are public."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from schakel.accounts.models import Rol
from schakel.organisaties.models import OrganisatieSoort
from schakel.signalen import rechten as signaalrechten

TEAMROLLEN = frozenset({Rol.MELDER, Rol.BEHANDELAAR, Rol.BESTUUR})
BESLISSENDE_ROLLEN = frozenset({Rol.BEHANDELAAR, Rol.BESTUUR})


def _medewerker(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "organisatie_id", None))


def in_team(user, organisatie_id) -> bool:
    """Staff of the organisation (professionals and its board); not ministers or clerks."""
    return _medewerker(user) and user.rol in TEAMROLLEN and user.organisatie_id == organisatie_id


def teamleden(organisatie_id) -> QuerySet:
    """The active staff of an organisation who can take part in its deliberations, by name."""
    from django.contrib.auth import get_user_model

    return (get_user_model().objects.filter(organisatie_id=organisatie_id, rol__in=TEAMROLLEN, is_active=True)
            .order_by("first_name", "last_name", "username"))


def heeft_team(user) -> bool:
    return (_medewerker(user) and user.rol in TEAMROLLEN
            and user.organisatie.soort != OrganisatieSoort.KAMERCOMMISSIE)


def zichtbare_casussen(user, queryset: QuerySet) -> QuerySet:
    if getattr(user, "is_superuser", False):
        return queryset
    if not heeft_team(user):
        return queryset.none()
    return queryset.filter(organisatie_id=user.organisatie_id)


def mag_inzien(user, casus) -> bool:
    return getattr(user, "is_superuser", False) or in_team(user, casus.organisatie_id)


def mag_inbrengen(user) -> bool:
    return heeft_team(user)


def mag_beraad_plannen(user, casus) -> bool:
    return in_team(user, casus.organisatie_id) and not hasattr(casus, "beraad")


def deelname(user, beraad):
    if not getattr(user, "is_authenticated", False):
        return None
    return next((d for d in beraad.deelnemers.all() if d.gebruiker_id == user.pk), None)


def mag_inbreng_geven(user, beraad) -> bool:
    deelnemer = deelname(user, beraad)
    return (deelnemer is not None and in_team(user, beraad.casus.organisatie_id)
            and not hasattr(deelnemer, "inbreng") and not hasattr(beraad, "conclusie"))


def is_beslisser(user, organisatie_id) -> bool:
    """A handler or board member of the team: grants fixes, may record any conclusion of the team."""
    return in_team(user, organisatie_id) and user.rol in BESLISSENDE_ROLLEN


def mag_concluderen(user, beraad) -> bool:
    """A participant, or a handler or board member of the team, records the session's conclusion."""
    return (in_team(user, beraad.casus.organisatie_id) and not hasattr(beraad, "conclusie")
            and (user.rol in BESLISSENDE_ROLLEN or deelname(user, beraad) is not None))


def mag_fix_toekennen(user, casus) -> bool:
    beraad = getattr(casus, "beraad", None)
    conclusie = getattr(beraad, "conclusie", None) if beraad is not None else None
    return (in_team(user, casus.organisatie_id) and user.rol in BESLISSENDE_ROLLEN and conclusie is not None
            and conclusie.fix_aanbevolen and not hasattr(casus, "fix"))


def mag_solve_indienen(user) -> bool:
    return heeft_team(user) and signaalrechten.mag_indienen(user)


def zichtbare_solves(user, queryset: QuerySet) -> QuerySet:
    """A team sees its own solves (the signals themselves follow the signals' visibility)."""
    if getattr(user, "is_superuser", False):
        return queryset
    if not heeft_team(user):
        return queryset.none()
    return queryset.filter(organisatie_id=user.organisatie_id)


def zichtbare_conclusies(user, queryset: QuerySet) -> QuerySet:
    """Published conclusions for everyone; the team also sees its own unpublished ones."""
    if getattr(user, "is_superuser", False):
        return queryset
    zichtbaar = Q(openbaar=True)
    if heeft_team(user):
        zichtbaar |= Q(beraad__casus__organisatie_id=user.organisatie_id)
    return queryset.filter(zichtbaar)
