"""How knelpunten follow a signal's life: receivers of :mod:`schakel.signalen.gebeurtenissen`,
and the text models this app lends to the signal's routing (``signalen.routering``).

Checking the agenda thresholds is a side effect of an answer: it runs after the answer is
committed (the ``na_commit`` channel), so it can never block or undo the answer; the agenda
sweep (``schakel agendering_sweep``) evaluates again if it fails. Connected in
:meth:`schakel.knelpunten.apps.KnelpuntenConfig.ready`.
"""

from __future__ import annotations

from schakel.signalen import gebeurtenissen, routering

from . import agendering


def na_beantwoorden(sender, *, signaal, **kwargs) -> None:
    agendering.na_wijziging(signaal)


class Tekstmodellen:
    """Recognition, the text router and the TF-IDF similarity, as ``signalen.routering`` asks for them.
    Imported and looked up at call time: scikit-learn loads only when a suggestion is asked
    for, and a test can replace a trained model on the module."""

    @property
    def herkenning(self):
        """Recognising regulations named in a text (works before any signal was answered)."""
        from . import herkenning

        return herkenning

    def actueel(self):
        from . import router

        return router.actueel()

    def tekst_van(self, *delen):
        from . import router

        return router.tekst_van(*delen)

    def rangschik(self, *args, **kwargs):
        from . import gelijkenis

        return gelijkenis.rangschik(*args, **kwargs)

    def signaaltekst(self, signaal):
        from . import gelijkenis

        return gelijkenis.signaaltekst(signaal)


def verbind() -> None:
    routering.registreer_tekstmodellen(Tekstmodellen())
    gebeurtenissen.beantwoord.na_commit.connect(na_beantwoorden, dispatch_uid="knelpunten.na_beantwoorden")
