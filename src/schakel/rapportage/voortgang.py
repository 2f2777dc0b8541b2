"""A plain-text progress bar for long report runs (stderr; one line, redrawn on a terminal)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Voortgangsbalk:
    def __init__(self, totaal: int, *, uit: TextIO | None = None, breedte: int = 30, aan: bool = True):
        self.totaal, self.stap, self.breedte, self.aan = max(totaal, 1), 0, breedte, aan
        self.uit = uit or sys.stderr
        self.begin = time.monotonic()
        self.terminal = hasattr(self.uit, "isatty") and self.uit.isatty()

    def __call__(self, omschrijving: str) -> None:
        self.stap = min(self.stap + 1, self.totaal)
        if not self.aan:
            return
        gevuld = round(self.breedte * self.stap / self.totaal)
        regel = (f"[{'#' * gevuld}{'.' * (self.breedte - gevuld)}] {self.stap:>2}/{self.totaal} "
                 f"{time.monotonic() - self.begin:5.1f}s  {omschrijving}")
        if self.terminal:
            self.uit.write("\r\033[K" + regel)
        else:
            self.uit.write(regel + "\n")
        self.uit.flush()

    def klaar(self) -> None:
        if self.aan and self.terminal:
            self.uit.write("\n")
            self.uit.flush()
