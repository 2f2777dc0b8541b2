"""The retoursticker sweep: escalate missed contact terms, and let counts per letter file signals.

Run by ``schakel veeg-retourstickers``, and as a step of ``schakel escaleer`` and
``schakel draai-planner``. Idempotent: a sticker is escalated once (``geescaleerd_op``), a
letter has at most one open signal; running it again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import retourstickers


@dataclass
class RetourstickerSweepResult:
    escalated: int = 0
    signals_filed: int = 0

    def summary(self) -> str:
        return (f"{self.escalated} retourstickers without timely contact put before the board, "
                f"{self.signals_filed} signals filed from counts per letter")


def run_retoursticker_sweep(peildatum=None) -> RetourstickerSweepResult:
    return RetourstickerSweepResult(escalated=retourstickers.escaleer_retourstickers(peildatum),
                                    signals_filed=retourstickers.signaleer_brieven())
