"""The period of a report: a year, a quarter, a month or an arbitrary range of dates.

Written as text everywhere (command, web page, API):

=========================  =============================
``2025``                   the calendar year
``2025-Q3``                the third quarter (``q`` also)
``2025-03``                the month
``2025-01-01..2025-06-30`` the range, both days included
=========================  =============================

:attr:`Periode.naam` writes a period back in exactly that form (``Periode.lees(p.naam) == p``).
The *previous* period is the one of the same length just before it: the previous year,
quarter or month, or the equally long range that ends the day before. Days are calendar days
in Dutch time (Europe/Amsterdam). No Django web code here; errors are ``ValidationError``
with the field key ``periode``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db.models import Q

from schakel.core import clock

TIJDZONE = ZoneInfo("Europe/Amsterdam")
EERSTE_DAG = dt.date(2000, 1, 1)
EERSTE_JAAR = EERSTE_DAG.year

JAAR, KWARTAAL, MAAND, BEREIK = "jaar", "kwartaal", "maand", "bereik"
SOORTEN = (JAAR, KWARTAAL, MAAND, BEREIK)

MAANDNAMEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]
MAANDEN_KORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
KWARTAALNAMEN = ["eerste", "tweede", "derde", "vierde"]

UITLEG = "Geef een jaar (2025), een kwartaal (2025-Q3), een maand (2025-03) of twee data (2025-01-01..2025-06-30)."

_JAAR = re.compile(r"([0-9]{4})")
_KWARTAAL = re.compile(r"([0-9]{4})-[Qq]([1-4])")
_MAAND = re.compile(r"([0-9]{4})-([0-9]{2})")
_BEREIK = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2}) *\.\. *([0-9]{4}-[0-9]{2}-[0-9]{2})")

# Buckets of the "verloop" (filed and answered over time): days for a month or less,
# months up to three years, years beyond.
DAG, JAREN_VOOR_MAANDEN = 31, 3


def _fout(tekst: str) -> ValidationError:
    return ValidationError({"periode": tekst})


def _volgende_maand(datum: dt.date) -> dt.date:
    return dt.date(datum.year + datum.month // 12, datum.month % 12 + 1, 1)


def _datum(tekst: str) -> dt.date:
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError:
        raise _fout(f"{tekst} is geen bestaande datum. {UITLEG}") from None


def _datum_nl(datum: dt.date) -> str:
    return f"{datum.day} {MAANDNAMEN[datum.month - 1]} {datum.year}"


@dataclass(frozen=True)
class Periode:
    """``eerste_dag`` up to and including ``laatste_dag``; ``soort`` is how it was written."""

    eerste_dag: dt.date
    laatste_dag: dt.date
    soort: str = BEREIK

    def __post_init__(self):
        if self.soort not in SOORTEN:
            raise ValueError(f"unknown kind of period: {self.soort}")
        if self.laatste_dag < self.eerste_dag:
            raise ValueError("a period ends on or after its first day")

    # --- constructors ---

    @classmethod
    def van_jaar(cls, jaar: int) -> "Periode":
        return cls(dt.date(jaar, 1, 1), dt.date(jaar, 12, 31), JAAR)

    @classmethod
    def van_kwartaal(cls, jaar: int, kwartaal: int) -> "Periode":
        eerste = dt.date(jaar, 3 * kwartaal - 2, 1)
        return cls(eerste, _volgende_maand(_volgende_maand(_volgende_maand(eerste))) - dt.timedelta(days=1), KWARTAAL)

    @classmethod
    def van_maand(cls, jaar: int, maand: int) -> "Periode":
        eerste = dt.date(jaar, maand, 1)
        return cls(eerste, _volgende_maand(eerste) - dt.timedelta(days=1), MAAND)

    @classmethod
    def bereik(cls, eerste_dag: dt.date, laatste_dag: dt.date) -> "Periode":
        return cls(eerste_dag, laatste_dag, BEREIK)

    @classmethod
    def lees(cls, tekst) -> "Periode":
        """Parse a period as the user wrote it; ``ValidationError`` (key ``periode``) in plain Dutch."""
        tekst = str(tekst if tekst is not None else "").strip()
        if not tekst:
            raise _fout(f"Vul een periode in. {UITLEG}")
        if len(tekst) > 40:
            raise _fout(f"Deze periode is te lang. {UITLEG}")
        if m := _JAAR.fullmatch(tekst):
            periode = cls.van_jaar(cls._jaar(int(m[1])))
        elif m := _KWARTAAL.fullmatch(tekst):
            periode = cls.van_kwartaal(cls._jaar(int(m[1])), int(m[2]))
        elif m := _MAAND.fullmatch(tekst):
            maand = int(m[2])
            if not 1 <= maand <= 12:
                raise _fout(f"Een maand loopt van 01 tot en met 12, niet {m[2]}. {UITLEG}")
            periode = cls.van_maand(cls._jaar(int(m[1])), maand)
        elif m := _BEREIK.fullmatch(tekst):
            eerste, laatste = _datum(m[1]), _datum(m[2])
            if laatste < eerste:
                raise _fout(f"De einddatum ({laatste.isoformat()}) ligt vóór de begindatum ({eerste.isoformat()}).")
            if laatste.year > clock.today().year:
                raise _fout(f"Kies een einddatum uiterlijk 31 december {clock.today().year}.")
            periode = cls.bereik(eerste, laatste)
        else:
            raise _fout(f"‘{tekst}’ is geen periode. {UITLEG}")
        vandaag = clock.today()
        if periode.eerste_dag < EERSTE_DAG:
            raise _fout(f"Kies een periode die op of na {_datum_nl(EERSTE_DAG)} begint.")
        if periode.eerste_dag > vandaag:
            raise _fout(f"Deze periode begint na vandaag ({_datum_nl(vandaag)}); er zijn nog geen cijfers.")
        return periode

    @staticmethod
    def _jaar(jaar: int) -> int:
        if jaar < EERSTE_JAAR:
            raise _fout(f"Kies een jaar van {EERSTE_JAAR} of later.")
        if jaar > clock.today().year:
            raise _fout(f"Kies een jaar tot en met {clock.today().year}; van later zijn er nog geen cijfers.")
        return jaar

    # --- what it is ---

    @property
    def dagen(self) -> int:
        return (self.laatste_dag - self.eerste_dag).days + 1

    @property
    def begin(self) -> dt.datetime:
        """The first instant, Dutch time."""
        return dt.datetime(self.eerste_dag.year, self.eerste_dag.month, self.eerste_dag.day, tzinfo=TIJDZONE)

    @property
    def einde(self) -> dt.datetime:
        """The first instant after the period (exclusive), Dutch time."""
        volgende = self.laatste_dag + dt.timedelta(days=1)
        return dt.datetime(volgende.year, volgende.month, volgende.day, tzinfo=TIJDZONE)

    @property
    def jaar(self) -> int:
        """The year the period ends in (the year of the register of own reports)."""
        return self.laatste_dag.year

    @property
    def vorige(self) -> "Periode":
        """The period of the same length just before this one."""
        e = self.eerste_dag
        if self.soort == JAAR:
            return Periode.van_jaar(e.year - 1)
        if self.soort == KWARTAAL:
            kwartaal = (e.month - 1) // 3 + 1
            return Periode.van_kwartaal(e.year - 1, 4) if kwartaal == 1 else Periode.van_kwartaal(e.year, kwartaal - 1)
        if self.soort == MAAND:
            return Periode.van_maand(e.year - 1, 12) if e.month == 1 else Periode.van_maand(e.year, e.month - 1)
        return Periode.bereik(e - dt.timedelta(days=self.dagen), e - dt.timedelta(days=1))

    @property
    def naam(self) -> str:
        """The period as it is written (and read back by :meth:`lees`)."""
        e = self.eerste_dag
        if self.soort == JAAR:
            return f"{e.year:04d}"
        if self.soort == KWARTAAL:
            return f"{e.year:04d}-Q{(e.month - 1) // 3 + 1}"
        if self.soort == MAAND:
            return f"{e.year:04d}-{e.month:02d}"
        return f"{e.isoformat()}..{self.laatste_dag.isoformat()}"

    @property
    def omschrijving(self) -> str:
        """In words, for titles: '2025', 'derde kwartaal 2025', 'maart 2025', '1 januari 2025 tot en met …'."""
        e = self.eerste_dag
        if self.soort == JAAR:
            return str(e.year)
        if self.soort == KWARTAAL:
            return f"{KWARTAALNAMEN[(e.month - 1) // 3]} kwartaal {e.year}"
        if self.soort == MAAND:
            return f"{MAANDNAMEN[e.month - 1]} {e.year}"
        if self.eerste_dag == self.laatste_dag:
            return _datum_nl(e)
        return f"{_datum_nl(e)} tot en met {_datum_nl(self.laatste_dag)}"

    @property
    def kort(self) -> str:
        """A short label for table headers and chart legends."""
        e = self.eerste_dag
        if self.soort == JAAR:
            return str(e.year)
        if self.soort == KWARTAAL:
            return f"Q{(e.month - 1) // 3 + 1} {e.year}"
        if self.soort == MAAND:
            return f"{MAANDEN_KORT[e.month - 1]} {e.year}"
        einde = self.laatste_dag
        return f"{e.day}-{e.month}-{e.year} t/m {einde.day}-{einde.month}-{einde.year}"

    def als_dict(self) -> dict:
        return {"code": self.naam, "soort": self.soort, "omschrijving": self.omschrijving, "kort": self.kort,
                "eersteDag": self.eerste_dag.isoformat(), "laatsteDag": self.laatste_dag.isoformat(),
                "dagen": self.dagen}

    # --- buckets for the course over time ---

    @property
    def indeling(self) -> str:
        """'dag', 'maand' or 'jaar': the bucket of the course over time (the previous period has the
        same length, so the same bucket)."""
        if self.soort == MAAND or self.dagen <= DAG:
            return "dag"
        if self.soort in (JAAR, KWARTAAL) or self.dagen <= 366 * JAREN_VOOR_MAANDEN:
            return "maand"
        return "jaar"

    def vakken(self) -> list[dt.date]:
        """The first day of every bucket that overlaps the period (the first may start before it)."""
        indeling = self.indeling
        if indeling == "dag":
            return [self.eerste_dag + dt.timedelta(days=i) for i in range(self.dagen)]
        if indeling == "maand":
            vak, uit = dt.date(self.eerste_dag.year, self.eerste_dag.month, 1), []
            while vak <= self.laatste_dag:
                uit.append(vak)
                vak = _volgende_maand(vak)
            return uit
        return [dt.date(j, 1, 1) for j in range(self.eerste_dag.year, self.laatste_dag.year + 1)]

    @staticmethod
    def vak_naam(vak: dt.date, indeling: str) -> tuple[str, str]:
        """(code, short Dutch label) of a bucket."""
        if indeling == "dag":
            return vak.isoformat(), str(vak.day)
        if indeling == "maand":
            return f"{vak.year:04d}-{vak.month:02d}", MAANDEN_KORT[vak.month - 1]
        return f"{vak.year:04d}", str(vak.year)

    def bevat(self, moment: dt.datetime) -> bool:
        return self.begin <= moment < self.einde

    def q(self, veld: str) -> Q:
        """Rows whose datetime ``veld`` lies in the period."""
        return Q(**{f"{veld}__gte": self.begin, f"{veld}__lt": self.einde})


def bestandsnaam(periode: Periode) -> str:
    """The period in a file name: 2025, 2025-Q3, 2025-03, 2025-01-01-tot-2025-06-30."""
    return periode.naam.replace("..", "-tot-")


def standaardperiode(vandaag: dt.date, heeft_signalen) -> Periode:
    """The period the Staat opens on: the last complete year when it and the year before have
    signals; otherwise the last complete quarter whose quarter before has signals (a young
    installation, or the demo's fourteen months); otherwise the last complete year.
    ``heeft_signalen(periode)`` tells whether any signal was filed in a period."""
    jaar = Periode.van_jaar(vandaag.year - 1)
    if heeft_signalen(jaar) and heeft_signalen(jaar.vorige):
        return jaar
    kwartaal = Periode.van_kwartaal(vandaag.year, (vandaag.month - 1) // 3 + 1).vorige
    for _ in range(4):
        if heeft_signalen(kwartaal) and heeft_signalen(kwartaal.vorige):
            return kwartaal
        kwartaal = kwartaal.vorige
    return jaar
