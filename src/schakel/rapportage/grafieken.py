"""Charts of the report, drawn on the server with matplotlib (Agg): SVG for the PDF, PNG for the page.

Every chart compares the period with the previous one, shows its values on the bars and
has a text alternative; the tables next to it hold the same numbers.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402  (no pyplot: figures are not kept in global state)

HUIDIG = "#01689b"  # Rijkshuisstijl hemelblauw-achtig donkerblauw
VORIG = "#a6c8e0"
LETTER = "DejaVu Sans"

matplotlib.rcParams.update({
    "font.family": LETTER, "font.size": 9, "axes.spines.top": False, "axes.spines.right": False,
    "svg.hashsalt": "schakel", "svg.fonttype": "none", "axes.titlesize": 10, "axes.titleweight": "bold",
})


@dataclass(frozen=True)
class Grafiek:
    naam: str
    titel: str
    alt: str
    figuur: Figure

    def svg(self) -> bytes:
        buffer = io.BytesIO()
        self.figuur.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
        return buffer.getvalue()

    def png(self, dpi: int = 110) -> bytes:
        buffer = io.BytesIO()
        self.figuur.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
        return buffer.getvalue()

    def data_uri(self, formaat: str = "png") -> str:
        inhoud, mime = (self.svg(), "image/svg+xml") if formaat == "svg" else (self.png(), "image/png")
        return f"data:{mime};base64,{base64.b64encode(inhoud).decode('ascii')}"


def _getal(n) -> str:
    return f"{n:,}".replace(",", ".") if isinstance(n, int) else str(n)


def _staven(titel: str, labels: list[str], huidig: list[int], vorig: list[int], periodes: tuple[str, str],
            *, liggend: bool = False, breedte: float = 6.4, hoogte: float = 2.8) -> Figure:
    figuur = Figure(figsize=(breedte, hoogte))
    as_ = figuur.add_subplot()
    posities = range(len(labels))
    dik = 0.38
    if liggend:
        a = as_.barh([p - dik / 2 for p in posities], huidig, dik, color=HUIDIG, label=periodes[0])
        b = as_.barh([p + dik / 2 for p in posities], vorig, dik, color=VORIG, label=periodes[1])
        as_.set_yticks(list(posities), labels)
        as_.invert_yaxis()
        as_.xaxis.set_visible(False)
        as_.spines["bottom"].set_visible(False)
    else:
        a = as_.bar([p - dik / 2 for p in posities], huidig, dik, color=HUIDIG, label=periodes[0])
        b = as_.bar([p + dik / 2 for p in posities], vorig, dik, color=VORIG, label=periodes[1])
        as_.set_xticks(list(posities), labels)
        as_.yaxis.set_visible(False)
        as_.spines["left"].set_visible(False)
    # Large numbers on upright bars are written vertically so that neighbours do not overlap.
    staand = not liggend and max(huidig + vorig + [0]) >= 1000
    for groep in (a, b):
        as_.bar_label(groep, labels=[_getal(int(v)) for v in groep.datavalues], padding=2,
                      fontsize=7 if staand else 8, rotation=90 if staand else 0)
    as_.margins(x=0.12 if liggend else 0.02, y=0.02 if liggend else (0.35 if staand else 0.15))
    # The legend sits above the bars, right of and below the title: never over a bar or its label.
    as_.set_title(titel, loc="left", pad=18)
    as_.legend(frameon=False, loc="lower right", bbox_to_anchor=(1, 1), ncols=2, fontsize=8, borderaxespad=0.2)
    figuur.tight_layout()
    return figuur


def _periodes(staat: dict) -> tuple[str, str]:
    return staat["perioden"]["huidig"]["kort"], staat["perioden"]["vorige"]["kort"]


def kerncijfers(staat: dict) -> Grafiek:
    h, v = staat["huidig"], staat["vorige"]
    labels = ["ingediend", "beantwoord", "termijn\noverschreden", "noodremmen", "toezeggingen", "escalaties"]

    def reeks(c):
        return [c["signalen"]["ingediend"], c["signalen"]["beantwoord"], c["signalen"]["termijnOverschreden"],
                c["noodremmen"]["getrokken"], c["toezeggingen"]["gedaan"], c["escalaties"]["totaal"]]

    huidig, vorig = reeks(h), reeks(v)
    alt = "Kerncijfers, {} tegen {}: ".format(*_periodes(staat)) + "; ".join(
        f"{lab.replace(chr(10), ' ')} {a} tegen {b}" for lab, a, b in zip(labels, huidig, vorig)) + "."
    return Grafiek("kerncijfers", "Kerncijfers", alt,
                   _staven("Kerncijfers", labels, huidig, vorig, _periodes(staat)))


def verloop(staat: dict) -> Grafiek:
    """Filed per bucket (day, month or year); the previous period's bucket at the same place beside it."""
    per = staat["verloopPer"]
    huidig_vakken, vorige_vakken = staat["huidig"]["verloop"], staat["vorige"]["verloop"]
    labels = [m["naam"] for m in huidig_vakken]
    huidig = [m["ingediend"] for m in huidig_vakken]
    vorig = [m["ingediend"] for m in vorige_vakken][:len(huidig)]
    vorig += [0] * (len(huidig) - len(vorig))
    titel = f"Ingediende signalen per {per}"
    alt = f"{titel}, " + "{} tegen {}: ".format(*_periodes(staat)) + "; ".join(
        f"{m['vak']} {a} tegen {b}" for m, a, b in zip(huidig_vakken, huidig, vorig)) + "."
    return Grafiek("verloop", titel, alt, _staven(titel, labels, huidig, vorig, _periodes(staat), hoogte=2.6))


def oorzaken(staat: dict) -> Grafiek:
    rijen_h = staat["huidig"]["oorzaken"]["perOorzaak"]
    vorig_per_code = {o["code"]: o["signalen"] for o in staat["vorige"]["oorzaken"]["perOorzaak"]}
    labels = [_afbreken(o["naam"]) for o in rijen_h]
    huidig = [o["signalen"] for o in rijen_h]
    vorig = [vorig_per_code.get(o["code"], 0) for o in rijen_h]
    alt = "Signalen per oorzaak (TCU), {} tegen {}: ".format(*_periodes(staat)) + "; ".join(
        f"{o['naam']} {a} tegen {b}" for o, a, b in zip(rijen_h, huidig, vorig)) + "."
    return Grafiek("oorzaken", "Signalen per oorzaak (TCU)", alt,
                   _staven("Signalen per oorzaak (TCU)", labels, huidig, vorig, _periodes(staat), liggend=True,
                           hoogte=0.55 * max(len(labels), 1) + 1.0))


def besluiten(staat: dict) -> Grafiek:
    h, v = staat["huidig"]["reacties"], staat["vorige"]["reacties"]
    labels = ["overgenomen", "niet overgenomen", "ambtelijk", "politiek"]
    huidig = [h["overnemen"], h["nietOvernemen"], h["ambtelijk"], h["politiek"]]
    vorig = [v["overnemen"], v["nietOvernemen"], v["ambtelijk"], v["politiek"]]
    alt = "Reacties naar besluit en niveau, {} tegen {}: ".format(*_periodes(staat)) + "; ".join(
        f"{lab} {a} tegen {b}" for lab, a, b in zip(labels, huidig, vorig)) + "."
    return Grafiek("besluiten", "Reacties: besluit en niveau", alt,
                   _staven("Reacties: besluit en niveau", labels, huidig, vorig, _periodes(staat), hoogte=2.4))


def escalaties(staat: dict) -> Grafiek:
    sleutels = [("bestuur", "bestuur"), ("ministerie", "ministerie\n(DG/SG)"), ("bewindspersoon", "bewinds-\npersoon"),
                ("kamercommissie", "Kamer-\ncommissie")]
    huidig = [staat["huidig"]["escalaties"][k] for k, _ in sleutels]
    vorig = [staat["vorige"]["escalaties"][k] for k, _ in sleutels]
    alt = "Escalaties per trede, {} tegen {}: ".format(*_periodes(staat)) + "; ".join(
        f"{k} {a} tegen {b}" for (k, _), a, b in zip(sleutels, huidig, vorig)) + "."
    return Grafiek("escalaties", "Escalaties per trede", alt,
                   _staven("Escalaties per trede", [tekst for _, tekst in sleutels], huidig, vorig, _periodes(staat),
                           hoogte=2.4))


def _afbreken(tekst: str, breedte: int = 34) -> str:
    regels, regel = [], ""
    for woord in tekst.split():
        if regel and len(regel) + 1 + len(woord) > breedte:
            regels.append(regel)
            regel = woord
        else:
            regel = f"{regel} {woord}".strip()
    return "\n".join(regels + [regel])


ALLE = (kerncijfers, verloop, besluiten, oorzaken, escalaties)


def alle(staat: dict) -> dict[str, Grafiek]:
    return {g.naam: g for g in (maak(staat) for maak in ALLE)}
