"""Who may register, see, assess and answer proposals, and report on an invoeringstoets."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from schakel.accounts.models import Rol
from schakel.organisaties.models import OrganisatieSoort

from .models import InvoeringstoetsStatus, ToetsStatus

BEOORDELENDE_ROLLEN = frozenset({Rol.BEHANDELAAR, Rol.BESTUUR})
MINISTERIE_ROLLEN = frozenset({Rol.BEHANDELAAR, Rol.BESTUUR, Rol.BEWINDSPERSOON})


def _medewerker(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "organisatie_id", None))


def _ministerie_medewerker(user) -> bool:
    return _medewerker(user) and user.rol in MINISTERIE_ROLLEN and user.organisatie.soort == OrganisatieSoort.MINISTERIE


def _griffie(user) -> bool:
    return _medewerker(user) and user.rol == Rol.GRIFFIE and user.organisatie.soort == OrganisatieSoort.KAMERCOMMISSIE


def zichtbare_voorstellen(user, queryset: QuerySet) -> QuerySet:
    """Published proposals for everyone; the ministry, its committee and the implementers asked see theirs."""
    if getattr(user, "is_superuser", False):
        return queryset
    zichtbaar = Q(openbaar=True)
    if _medewerker(user):
        org = user.organisatie_id
        zichtbaar |= (Q(ministerie=org) | Q(kamercommissie=org) | Q(ministerie__kamercommissie=org)
                      | Q(uitvoerders=org))
    return queryset.filter(zichtbaar).distinct()


def mag_registreren(user) -> bool:
    """Ministry staff register the government's proposals; a committee clerk those of the Kamer."""
    return getattr(user, "is_superuser", False) or _ministerie_medewerker(user) or _griffie(user)


def mag_wijzigen(user, voorstel) -> bool:
    """Record a change to the proposal (re-opening the check): its ministry or its committee."""
    if getattr(user, "is_superuser", False):
        return True
    return ((_ministerie_medewerker(user) and user.organisatie_id == voorstel.ministerie_id)
            or (_griffie(user) and user.organisatie_id == voorstel.kamercommissie_id))


def mag_beoordelen(user, toets) -> bool:
    """The implementer asked (its handlers or board) fills in an open assessment."""
    return (_medewerker(user) and user.rol in BEOORDELENDE_ROLLEN and user.organisatie_id == toets.organisatie_id
            and toets.status == ToetsStatus.GEVRAAGD)


def mag_beantwoorden(user, toets) -> bool:
    """Only the minister (bewindspersoon) of the proposal's ministry answers a submitted assessment."""
    return (_medewerker(user) and user.rol == Rol.BEWINDSPERSOON
            and user.organisatie_id == toets.voorstel.ministerie_id and toets.status == ToetsStatus.INGEDIEND)


MAG_NIET_BEANTWOORDEN = ("Alleen de bewindspersoon van het ministerie van dit voorstel beantwoordt een "
                         "ingediende uitvoeringstoets.")


def controleer_beantwoorden(user, toets) -> None:
    """The one check before answering an assessment (service, page, API): ``PermissionDenied``
    with one message when ``user`` may not answer ``toets``."""
    if not mag_beantwoorden(user, toets):
        raise PermissionDenied(MAG_NIET_BEANTWOORDEN)


def mag_invoeringstoets_plannen(user, regeling) -> bool:
    """The ministry that owns the regulation schedules its post-implementation review."""
    return getattr(user, "is_superuser", False) or (
        _ministerie_medewerker(user) and user.organisatie_id == regeling.eigenaar_id)


def mag_rapporteren(user, rapportage) -> bool:
    return (_medewerker(user) and user.rol in BEOORDELENDE_ROLLEN
            and user.organisatie_id == rapportage.organisatie_id and rapportage.ingediend_op is None
            and rapportage.invoeringstoets.status == InvoeringstoetsStatus.GEVRAAGD)
