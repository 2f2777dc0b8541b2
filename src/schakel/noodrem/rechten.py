"""Who may pull an organisation's brake, read and write a brake's messages, handle an
organisation's retourstickers and read its counts per letter."""

from __future__ import annotations

from schakel.accounts.models import Rol
from schakel.organisaties.models import OrganisatieSoort
from schakel.signalen import rechten as signaalrechten


def mag_rode_kaart_trekken(user) -> bool:
    """The board of an implementing organisation (or municipality) with a principal ministry."""
    return bool(getattr(user, "is_authenticated", False) and user.organisatie_id and user.rol == Rol.BESTUUR
                and user.organisatie.soort != OrganisatieSoort.MINISTERIE
                and user.organisatie.opdrachtgever_id)


def mag_berichten_lezen(user, signaal) -> bool:
    """The receiving organisation's staff (who may answer) read and write the thread."""
    return (bool(getattr(user, "is_authenticated", False)) and signaal.eigenaar_id is not None
            and user.organisatie_id == signaal.eigenaar_id
            and user.rol in signaalrechten.BEANTWOORDENDE_ROLLEN)


def mag_retourstickers_behandelen(user, organisatie) -> bool:
    return (bool(getattr(user, "is_authenticated", False)) and user.organisatie_id == organisatie.pk
            and user.rol in signaalrechten.BEANTWOORDENDE_ROLLEN)


def mag_tellingen_zien(user, organisatie) -> bool:
    """Who reads the counts per letter with their signals in the API: the organisation's
    handlers, board or minister, and those of its principal ministry."""
    if not getattr(user, "is_authenticated", False) or user.rol not in signaalrechten.BEANTWOORDENDE_ROLLEN:
        return False
    return user.organisatie_id is not None and user.organisatie_id in (organisatie.pk, organisatie.opdrachtgever_id)
