"""Who may bundle signals into knelpunten and who sees a committee's agenda.

A knelpunt's own text (title, what it means for policy, the dilemma) is written for
publication and checked for personal data, so every knelpunt is public; the signals inside
it are shown only as far as ``schakel.signalen.rechten`` lets the viewer see them.
"""

from __future__ import annotations

from schakel.accounts.models import Rol
from schakel.signalen import rechten as signaalrechten

BUNDELENDE_ROLLEN = frozenset({Rol.BEHANDELAAR, Rol.BESTUUR})


def _is_behandelaar_van(user, organisatie_id) -> bool:
    return bool(getattr(user, "is_authenticated", False) and organisatie_id is not None
                and user.organisatie_id == organisatie_id and user.rol in BUNDELENDE_ROLLEN)


def mag_knelpunt_maken(user, signaal) -> bool:
    """The owner's handlers turn a signal they handle into a knelpunt."""
    return _is_behandelaar_van(user, signaal.eigenaar_id)


def mag_beheren(user, knelpunt) -> bool:
    """Confirm suggestions, split, edit: the handlers of the knelpunt's owner."""
    return _is_behandelaar_van(user, knelpunt.eigenaar_id)


def mag_bundelen(user, knelpunt, signaal) -> bool:
    """Add ``signaal`` to ``knelpunt``: it must be the owner's, or about the same regulation,
    and visible to the handler."""
    return (mag_beheren(user, knelpunt)
            and (signaal.eigenaar_id == knelpunt.eigenaar_id
                 or (signaal.regeling_id is not None and signaal.regeling_id == knelpunt.regeling_id))
            and signaalrechten.mag_inzien(user, signaal))


def mag_abonneren(user) -> bool:
    """Anyone with an account may follow regulations, committees and organisations: the
    notifications go to their inbox and e-mail, the feeds are public anyway."""
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))
