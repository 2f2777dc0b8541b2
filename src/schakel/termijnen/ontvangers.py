"""How the terms follow a signal's life: receivers of :mod:`schakel.signalen.gebeurtenissen`,
and what the ladder adds to the signal's permissions (:func:`schakel.signalen.rechten.registreer_ladder`).

The receivers all run inside the signal's transaction (the ``binnen`` channel): a term and the signal's
due date change together with the signal, or not at all. Connected in
:meth:`schakel.termijnen.apps.TermijnenConfig.ready`.
"""

from __future__ import annotations

from django.db.models import Q

from schakel.signalen import gebeurtenissen, rechten

from . import services
from .ladder import Trede
from .models import Termijn


def bij_routeren(sender, *, signaal, eerste_trede=None, **kwargs) -> None:
    """The first term; sets ``uiterste_reactiedatum`` and ``escalatietrede`` (saved by the router)."""
    services.start_eerste_termijn(signaal, trede=eerste_trede)


def bij_doorsturen(sender, *, signaal, **kwargs) -> None:
    """The open term now asks the new owner; the due date stays."""
    services.bij_doorsturen(signaal)


def bij_beantwoorden(sender, *, signaal, actor, eerste, **kwargs) -> None:
    """The first answer stops the climb (a revision changes no term)."""
    if eerste:
        services.bij_beantwoorden(signaal, actor=actor)


def bij_niet_ontvankelijk(sender, *, signaal, **kwargs) -> None:
    """A signal closed as not admissible leaves the ladder: its open term closes."""
    services.bij_niet_ontvankelijk(signaal)


def zichtbaar_q(organisatie, via: str) -> Q:
    """Signals a term was ever addressed to ``organisatie`` (they see what reached them)."""
    return Q(**{f"{via}pk__in": Termijn.objects.filter(organisatie=organisatie).values("signaal_id")})


def aangesproken(user, signaal) -> bool:
    """A term now asks ``user`` to answer on a top rung (principal ministry's top, minister)."""
    return signaal.termijnen.gericht_aan(user).filter(trede__in=(Trede.MINISTERIE, Trede.BEWINDSPERSOON)).exists()


def verbind() -> None:
    rechten.registreer_ladder(rechten.Ladder(zichtbaar_q=zichtbaar_q, aangesproken=aangesproken))
    gebeurtenissen.gerouteerd.binnen.connect(bij_routeren, dispatch_uid="termijnen.bij_routeren")
    gebeurtenissen.doorgestuurd.binnen.connect(bij_doorsturen, dispatch_uid="termijnen.bij_doorsturen")
    gebeurtenissen.beantwoord.binnen.connect(bij_beantwoorden, dispatch_uid="termijnen.bij_beantwoorden")
    gebeurtenissen.niet_ontvankelijk.binnen.connect(bij_niet_ontvankelijk,
                                                    dispatch_uid="termijnen.bij_niet_ontvankelijk")
