"""The signal sweep: escalate every signal term that passed its due date (through the term
engine, :mod:`schakel.termijnen.engine`), and record overdue commitments.

The signal's kind of term (:class:`SignaalTermijnen`) is registered with the engine in
``TermijnenConfig.ready``: its ladder is :mod:`schakel.termijnen.ladder` (owner's team →
board → principal ministry → minister → committee), its working days come from
:mod:`schakel.termijnen.regels`, and an escalation updates the signal (rung, due date,
first missed date), writes a ``geescaleerd`` audit event and tells the new addressees and
the filer. The batching, locking, retries and resumption are the engine's; see its
docstring and docs/deadlines-and-escalation.md. Overdue commitments are recorded here in
the same batched, resumable way.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from django.db.models import DateField, F, Value
from django.db.models.functions import Coalesce

from schakel.audit import keten
from schakel.audit.models import Gebeurtenis
from schakel.core import clock
from schakel.notificaties import services as notificaties
from schakel.notificaties.models import Melding, Soort

from . import engine, ladder, regels
from .bulk import insert_rows
from .engine import Escalatie, Run, gebeurtenis, in_batch, ketenkop_eerst, skip_locked
from .ladder import Adres
from .models import VerlopenToezegging
from .status import omschrijf_adres



@dataclass
class SweepResult(engine.SweepResult):
    overdue_commitments: int = 0

    def summary(self) -> str:
        rungs = ", ".join(f"{ladder.Trede(t).name.lower()}: {n}" for t, n in sorted(self.per_rung.items()))
        return (f"{self.escalated} escalated ({rungs or 'none'}), {self.at_top} without a higher rung, "
                f"{self.overdue_commitments} overdue commitments recorded, {self.batches} batches, "
                f"{self.retries} retries, {self.seconds:.1f}s")


def _adresboek(run: Run) -> notificaties.Adresboek:
    if "adresboek" not in run.cache:
        run.cache["adresboek"] = notificaties.Adresboek()
    return run.cache["adresboek"]


def _adres_tekst(run: Run, trede: int, organisatie_id: int) -> str:
    return omschrijf_adres(trede, run.organisaties[organisatie_id])


class SignaalTermijnen(engine.Termijnsoort):
    """The term an owner has to answer a signal, climbing the escalation ladder."""

    code = "signaal"
    label = "Antwoord op een signaal"
    onderwerp = "signaal"
    velden = ("signaal__eigenaar_id", "signaal__regeling__kamercommissie_id", "signaal__uuid", "signaal__titel",
              "signaal__indiener_id")
    filter = {"signaal__status": "in_behandeling"}

    # ctx: the ladder's keyword arguments (eigenaar_id, regeling_kamercommissie_id, organisaties),
    # plus the signal's kind ("soort") when a first term starts.
    def context(self, rij: engine.Rij, run: Run) -> dict:
        return {"eigenaar_id": rij.extra[0], "regeling_kamercommissie_id": rij.extra[1],
                "organisaties": run.org_info}

    @staticmethod
    def _ladder(ctx: dict) -> dict:
        return {k: ctx[k] for k in ("eigenaar_id", "regeling_kamercommissie_id", "organisaties")}

    def treden(self, ctx: dict) -> list[Adres]:
        return ladder.ladder(**self._ladder(ctx))

    def volgende(self, trede: int, ctx: dict) -> Adres | None:
        return ladder.volgende(trede, **self._ladder(ctx))

    def werkdagen(self, adres: Adres, ctx: dict, *, eerste: bool, run: Run | None = None) -> int:
        if eerste:
            return regels.voor(ctx["eigenaar_id"]).antwoordtermijn(ctx["soort"])
        if run is not None:
            return run.escalatietermijn(adres.organisatie_id, adres.trede)
        return regels.voor(adres.organisatie_id).escalatietermijn(adres.trede)

    def max_verlenging(self, termijn) -> int:
        return regels.voor(termijn.organisatie_id).verlenging_max_voor(termijn.signaal.soort)

    def vergrendel(self, onderwerp_ids: list[int]) -> set[int]:
        # Lock the signals too, skipping any that an answer is being written to right now: that
        # transaction holds the signal and waits for the term, so waiting here could deadlock.
        from schakel.signalen.models import Signaal

        return set(Signaal.objects.filter(pk__in=onderwerp_ids).select_for_update(skip_locked=True)
                   .values_list("pk", flat=True))

    def na_escalatie(self, run: Run, escalaties: list[Escalatie]) -> tuple[list[dict], list[dict]]:
        from schakel.signalen.models import Signaal

        adresboek = _adresboek(run)
        adresboek.laad({(e.naar.organisatie_id, e.naar.rol) for e in escalaties})
        gebeurtenissen, meldingen = [], []
        signaalgroepen: dict[tuple, list[int]] = defaultdict(list)
        for e in escalaties:
            rij, adres, uiterste = e.rij, e.naar, e.uiterste
            signaal_id, trede, gemist, organisatie_id, rol = (rij.onderwerp_id, rij.trede, rij.uiterste_datum,
                                                              rij.organisatie_id, rij.rol)
            _eigenaar_id, _kamercommissie_id, uuid, titel, indiener_id = rij.extra
            signaalgroepen[(adres.trede, uiterste, gemist)].append(signaal_id)
            van = _adres_tekst(run, trede, organisatie_id)
            naar = _adres_tekst(run, adres.trede, adres.organisatie_id)
            gebeurtenissen.append(gebeurtenis(
                run, "geescaleerd", "signalen.signaal", signaal_id, signaal_id,
                voor={"trede": trede, "gericht_aan": run.organisaties[organisatie_id].afkorting, "rol": rol,
                      "uiterste_reactiedatum": gemist},
                na={"trede": adres.trede, "gericht_aan": run.organisaties[adres.organisatie_id].afkorting,
                    "rol": adres.rol, "uiterste_reactiedatum": uiterste},
                toelichting=(f"De termijn van {van} verstreek op {gemist:%d-%m-%Y} zonder reactie. "
                             f"Doorgezet naar {naar}; reageren uiterlijk {uiterste:%d-%m-%Y}."),
            ))
            link = notificaties.signaal_link(uuid)
            kenmerk = f"SIG-{signaal_id:06d}"
            meldingen += notificaties.rijen(
                adresboek.gebruikers(adres.organisatie_id, adres.rol), soort=Soort.GEESCALEERD,
                signaal_id=signaal_id, link=link, moment=run.moment,
                onderwerp=f"Naar u geëscaleerd: {kenmerk} {titel}",
                tekst=(f"De termijn van {van} voor het signaal '{titel}' verstreek op {gemist:%d-%m-%Y} zonder "
                       f"reactie. Het verzoek ligt nu bij {naar}: zorg dat er uiterlijk {uiterste:%d-%m-%Y} "
                       f"een reactie is (overnemen met toezeggingen, of niet overnemen met reden)."),
            )
            if indiener_id:
                meldingen += notificaties.rijen(
                    [indiener_id], soort=Soort.TERMIJN_OVERSCHREDEN, signaal_id=signaal_id, link=link,
                    moment=run.moment, onderwerp=f"Termijn overschreden: {kenmerk} {titel}",
                    tekst=(f"Uw signaal '{titel}' is niet op tijd beantwoord (uiterste datum {gemist:%d-%m-%Y}). "
                           f"Het is doorgezet naar {naar}."),
                )
        for (trede, uiterste, gemist), signaal_ids in signaalgroepen.items():
            Signaal.objects.filter(pk__in=signaal_ids).update(
                escalatietrede=trede, uiterste_reactiedatum=uiterste,
                termijn_overschreden_op=Coalesce(F("termijn_overschreden_op"), Value(gemist, output_field=DateField())),
            )
        return gebeurtenissen, meldingen


SIGNAAL = SignaalTermijnen()


def _toezeggingen_batch(run: Run, cursor, grootte: int):
    from schakel.signalen.models import Toezegging

    ketenkop_eerst()
    qs = Toezegging.objects.actueel().verlopen(run.peildatum).filter(verlopen_melding__isnull=True)
    if cursor:
        qs = qs.filter(id__gt=cursor)
    qs = skip_locked(qs.order_by("id"), of=("self",))
    rijen = list(qs.values_list("id", "signaal_id", "uiterlijk", "omschrijving", "eigenaar",
                                "reactie__organisatie_id", "signaal__uuid", "signaal__titel",
                                "signaal__indiener_id")[:grootte])
    if not rijen:
        return None
    from schakel.accounts.models import Rol

    _adresboek(run).laad({(r[5], Rol.BEHANDELAAR) for r in rijen})
    markeringen, gebeurtenissen, meldingen = [], [], []
    for pk, signaal_id, uiterlijk, omschrijving, door_wie, organisatie_id, uuid, titel, indiener_id in rijen:
        kort = omschrijving if len(omschrijving) <= 120 else omschrijving[:119] + "…"
        markeringen.append({"toezegging_id": pk, "vastgesteld_op": run.moment})
        gebeurtenissen.append(gebeurtenis(
            run, "toezegging_verlopen", "signalen.toezegging", pk, signaal_id,
            voor={"status": "open", "uiterlijk": uiterlijk}, na={"verlopen": True},
            toelichting=f"Toezegging '{kort}' ({door_wie}) is niet nagekomen vóór {uiterlijk:%d-%m-%Y}.",
        ))
        link = notificaties.signaal_link(uuid)
        kenmerk = f"SIG-{signaal_id:06d}"
        meldingen += notificaties.rijen(
            _adresboek(run).gebruikers(organisatie_id, Rol.BEHANDELAAR), soort=Soort.TOEZEGGING_VERLOPEN,
            signaal_id=signaal_id, link=link, moment=run.moment,
            onderwerp=f"Toezegging verlopen: {kenmerk} {titel}",
            tekst=(f"De toezegging '{kort}' ({door_wie}) had uiterlijk {uiterlijk:%d-%m-%Y} nagekomen moeten "
                   f"zijn. Rond haar af in Schakel met een toelichting op wat er is gedaan."),
        )
        if indiener_id:
            meldingen += notificaties.rijen(
                [indiener_id], soort=Soort.TOEZEGGING_VERLOPEN, signaal_id=signaal_id, link=link,
                moment=run.moment, onderwerp=f"Is het gebeurd? {kenmerk} {titel}",
                tekst=(f"Bij uw signaal '{titel}' is toegezegd: '{kort}', uiterlijk {uiterlijk:%d-%m-%Y}. "
                       f"Die datum is verstreken zonder dat de toezegging is afgerond. Weet u of het is "
                       f"gebeurd? Laat het de organisatie weten."),
            )
    insert_rows(VerlopenToezegging, markeringen)
    insert_rows(Gebeurtenis, keten.verzegel(gebeurtenissen))  # in the hash chain
    insert_rows(Melding, meldingen)
    return rijen[-1][0], len(rijen)


def run_sweep(*, peildatum: dt.date | None = None, batch_size: int = 1000, max_batches: int | None = None,
              progress: Callable[[SweepResult], None] | None = None) -> SweepResult:
    """Escalate all signal terms due before ``peildatum`` (default: today) and record overdue commitments.

    ``max_batches`` stops early (to test resuming); ``progress`` is called after each batch.
    Raises ``DatabaseError`` if the database fails; batches committed before stay committed.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    begin = time.monotonic()
    result = SweepResult()
    run = Run(peildatum or clock.today(), clock.now())
    engine.sweep([SIGNAAL.code], batch_size=batch_size, max_batches=max_batches, progress=progress, run=run,
                 result=result)

    cursor = None
    while max_batches is None or result.batches < max_batches:
        uitkomst = in_batch(lambda: _toezeggingen_batch(run, cursor, batch_size), result)
        if uitkomst is None:
            break
        cursor, aantal = uitkomst
        result.batches += 1
        result.overdue_commitments += aantal
        if progress:
            progress(result)
    result.seconds = time.monotonic() - begin
    return result
