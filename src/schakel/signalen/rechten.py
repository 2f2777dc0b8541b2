"""Who may see, file and answer which signal. Checked by every view and API endpoint.

The escalation ladder (``schakel.termijnen``) sits above this app: whoever a signal is
escalated to also sees it and, on the top rungs, may answer it. The ladder tells this
module so through :func:`registreer_ladder` (called in its ``AppConfig.ready``), so
``signalen`` never imports ``termijnen``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from schakel.accounts.models import Rol
from schakel.organisaties.models import OrganisatieSoort

from .workflow import Status

INDIENENDE_ROLLEN = frozenset({Rol.MELDER, Rol.BEHANDELAAR, Rol.BESTUUR})
BEANTWOORDENDE_ROLLEN = frozenset({Rol.BEHANDELAAR, Rol.BESTUUR, Rol.BEWINDSPERSOON})

MAG_NIET_BEANTWOORDEN = ("Alleen de behandelaars van de eigenaar van dit signaal, of wie de escalatieladder "
                         "nu om een reactie vraagt, kunnen reageren.")


@dataclass(frozen=True)
class Ladder:
    """What the escalation ladder adds to who sees and who answers a signal.

    ``zichtbaar_q(organisatie, via)``: a ``Q`` on the signal reached through ``via`` for the
    signals a term was ever addressed to ``organisatie``. ``aangesproken(user, signaal)``:
    whether a term now asks ``user`` (on a top rung) to answer instead of the owner.
    """

    zichtbaar_q: Callable[[object, str], Q]
    aangesproken: Callable[[object, object], bool]


_ladder: Ladder | None = None


def registreer_ladder(ladder: Ladder) -> None:
    global _ladder
    _ladder = ladder


def _is_medewerker(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "organisatie_id", None))


def zichtbare_signalen(user, queryset: QuerySet) -> QuerySet:
    """The signals ``user`` may see: published ones, plus those of their own organisation.

    A ministry also sees signals owned or filed by the organisations it commissions; a
    committee (griffie) sees all signals about the regulations under its control. Whoever a
    signal was ever escalated to on the ladder sees it too.
    """
    return queryset.filter(zichtbaar_q(user))


@dataclass(frozen=True)
class Toegang:
    """One reason a signal that is not public is visible to someone.

    :func:`zichtbaar_q` is built from :data:`TOEGANG` alone, and the filing form tells who can
    read a non-public signal from the same list (:func:`wie_ziet_besloten_signaal`), so the
    promise and the rule cannot drift apart.
    """
    wie: str  # plain Dutch, as the filer reads it
    geldt: Callable[[object], bool]  # whether the clause applies to this user at all
    voorwaarde: Callable[[object, str], Q]  # the condition on the signal, reached through ``via``


def _is_ministerie(user) -> bool:
    return _is_medewerker(user) and user.organisatie.soort == OrganisatieSoort.MINISTERIE


def _is_kamercommissie(user) -> bool:
    return _is_medewerker(user) and user.organisatie.soort == OrganisatieSoort.KAMERCOMMISSIE


def _op_de_ladder(user, via: str) -> Q:
    """Signals whose term ever addressed the user's organisation (the ladder, registered by
    ``termijnen``; nothing without it)."""
    return _ladder.zichtbaar_q(user.organisatie, via) if _ladder is not None else Q(pk__in=[])


TOEGANG: tuple[Toegang, ...] = (
    Toegang("iedereen van uw eigen organisatie, ook uw bestuur", _is_medewerker,
            lambda user, via: Q(**{f"{via}indienende_organisatie": user.organisatie})),
    Toegang("iedereen van de organisatie die moet reageren, ook de bewindspersoon als dat een ministerie is",
            _is_medewerker, lambda user, via: Q(**{f"{via}eigenaar": user.organisatie})),
    Toegang("het ministerie dat opdrachtgever is van uw organisatie of van de organisatie die moet reageren, "
            "ook de bewindspersoon", _is_ministerie,
            lambda user, via: (Q(**{f"{via}eigenaar__opdrachtgever": user.organisatie})
                               | Q(**{f"{via}indienende_organisatie__opdrachtgever": user.organisatie}))),
    Toegang("de griffie van de Kamercommissie die over de regeling gaat", _is_kamercommissie,
            lambda user, via: Q(**{f"{via}regeling__kamercommissie": user.organisatie})),
    Toegang("iedere organisatie die om een antwoord wordt gevraagd als de termijn verloopt (het bestuur, "
            "de bewindspersoon)", _is_medewerker, _op_de_ladder),
    Toegang("behandelaars met het triagerecht, zolang het signaal nog niet bij een organisatie ligt",
            lambda user: mag_trieren(user),
            lambda user, via: Q(**{f"{via}eigenaar__isnull": True, f"{via}status": Status.INGEDIEND})),
)
# Superusers see everything; they are named last in the filing form's promise.
BEHEERDERS = "de beheerders van Schakel"


def wie_ziet_besloten_signaal() -> list[str]:
    """Everyone who can read a signal that is not public, in plain Dutch (the filing form)."""
    return [toegang.wie for toegang in TOEGANG] + [BEHEERDERS]


def zichtbaar_q(user, via: str = "") -> Q:
    """The condition of :func:`zichtbare_signalen`, on the signal reached through ``via``
    (``"signaal__"`` for a commitment or an answer): public, or one of :data:`TOEGANG`.

    Filtering a commitment on its signal's columns lets the database walk the commitments in
    their own order and stop after a page, where ``signaal__in=zichtbare_signalen(...)`` makes it
    collect every visible signal first (seconds at a million signals).
    """
    if getattr(user, "is_superuser", False):
        return Q()
    zichtbaar = Q(**{f"{via}openbaar": True})
    for toegang in TOEGANG:
        if toegang.geldt(user):
            zichtbaar |= toegang.voorwaarde(user, via)
    return zichtbaar


def mag_inzien(user, signaal) -> bool:
    return zichtbare_signalen(user, type(signaal).objects.filter(pk=signaal.pk)).exists()


def mag_indienen(user) -> bool:
    return _is_medewerker(user) and user.rol in INDIENENDE_ROLLEN


def mag_trieren(user) -> bool:
    """Route signals that name neither a regulation nor an organisation (the triage queue):
    staff in a handling role with the ``signalen.trieren`` permission, or a superuser."""
    if getattr(user, "is_superuser", False):
        return True
    return (_is_medewerker(user) and user.rol in BEANTWOORDENDE_ROLLEN - {Rol.BEWINDSPERSOON}
            and user.has_perm("signalen.trieren"))


def behandelt_als_eigenaar(user, signaal) -> bool:
    """Staff of the owning organisation, in an answering role: they answer, forward and extend."""
    return (
        _is_medewerker(user)
        and user.rol in BEANTWOORDENDE_ROLLEN
        and signaal.eigenaar_id is not None
        and user.organisatie_id == signaal.eigenaar_id
        and signaal.status in (Status.IN_BEHANDELING, Status.BEANTWOORD)
    )


def op_de_ladder_aangesproken(user, signaal) -> bool:
    """The principal ministry's top (DG/SG) or the minister, while the escalation ladder asks
    them to answer an unanswered signal of another organisation (rungs 3 and 4)."""
    return (
        _ladder is not None
        and _is_medewerker(user)
        and user.rol in BEANTWOORDENDE_ROLLEN
        and signaal.status == Status.IN_BEHANDELING
        and user.organisatie_id != signaal.eigenaar_id
        and _ladder.aangesproken(user, signaal)
    )


def mag_beantwoorden(user, signaal) -> bool:
    """The owner's staff, or whoever the escalation ladder now asks to answer instead."""
    return behandelt_als_eigenaar(user, signaal) or op_de_ladder_aangesproken(user, signaal)


def controleer_beantwoorden(user, signaal) -> None:
    """The one check before answering, on every path (service, page, API): raises
    ``PermissionDenied`` with one message when ``user`` may not answer ``signaal``."""
    if not mag_beantwoorden(user, signaal):
        raise PermissionDenied(MAG_NIET_BEANTWOORDEN)


def mag_doorsturen(user, signaal) -> bool:
    return behandelt_als_eigenaar(user, signaal) and signaal.status == Status.IN_BEHANDELING


def mag_niet_ontvankelijk_verklaren(user, signaal) -> bool:
    """Only the owner's staff in an answering role (handler, board, minister), while the signal is
    unanswered, and never the person who filed it (a handler filing about their own organisation
    cannot dismiss their own signal). Not the ministry or minister the ladder escalated to: they
    may answer, not dismiss."""
    return (behandelt_als_eigenaar(user, signaal) and signaal.status == Status.IN_BEHANDELING
            and signaal.indiener_id != user.pk)


def mag_toezegging_afronden(user, toezegging) -> bool:
    return (
        _is_medewerker(user)
        and user.rol in BEANTWOORDENDE_ROLLEN
        and user.organisatie_id == toezegging.reactie.organisatie_id
    )
