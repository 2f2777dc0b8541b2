"""The report in its forms: tables for the page and the PDF, the PDF itself, CSV and JSON.

One structure (:func:`secties`) holds every table a reader sees; CSV and JSON carry every
figure of :func:`schakel.rapportage.cijfers.bereken`.
"""

from __future__ import annotations

import io
import json
from itertools import zip_longest
from dataclasses import dataclass, field
from pathlib import Path

from django.template.loader import render_to_string

from schakel.core.spreadsheet import VeiligeSchrijver

from . import grafieken

PDF_CSS = Path(__file__).parent / "static" / "rapportage" / "staat-pdf.css"


@dataclass
class Tabel:
    kop: str
    kolommen: list[str]
    rijen: list[list]
    vergelijking: bool = False  # last column is a difference
    leeg: str = "Geen gegevens in deze periode."

    @property
    def getalkolommen(self) -> set[int]:
        """Columns holding numbers (right-aligned), judged from the first row."""
        if not self.rijen:
            return set()
        return {i for i, cel in enumerate(self.rijen[0]) if i and not isinstance(cel, str)}


@dataclass
class Sectie:
    id: str
    titel: str
    inleiding: str = ""
    tabellen: list[Tabel] = field(default_factory=list)
    grafieken: list[str] = field(default_factory=list)


def _vergelijk(staat: dict, kop: str, rijen: list[tuple[str, str, str]]) -> Tabel:
    """A table 'figure | this period | previous | difference' from (label, group, key) triples."""
    uit = []
    for label, groep, sleutel in rijen:
        h, v = staat["huidig"][groep][sleutel], staat["vorige"][groep][sleutel]
        d = (h - v) if isinstance(h, (int, float)) and isinstance(v, (int, float)) else None
        if isinstance(d, float):
            d = round(d, 1)
        uit.append([label, h, v, d])
    return Tabel(kop, ["Cijfer", *_koppen(staat), "Verschil"], uit, vergelijking=True)


def _koppen(staat: dict) -> tuple[str, str]:
    """Short labels of the period and the previous one, for column headers."""
    return staat["perioden"]["huidig"]["kort"], staat["perioden"]["vorige"]["kort"]


VAK = {"dag": "Dag", "maand": "Maand", "jaar": "Jaar"}


def secties(staat: dict) -> list[Sectie]:
    h = staat["huidig"]
    p = staat["perioden"]["huidig"]["omschrijving"]
    kort, vorig_kort = _koppen(staat)
    per = staat["verloopPer"]
    uit = [
        Sectie("kerncijfers", "Kerncijfers",
               f"Signalen die in {p} zijn ingediend, en hun stand op de peildatum, vergeleken met "
               f"{staat['perioden']['vorige']['omschrijving']}. De tijd tot de eerste reactie is in werkdagen.",
               [_vergelijk(staat, "Signalen en termijnen", [
                   ("Signalen ingediend", "signalen", "ingediend"),
                   ("Beantwoord", "signalen", "beantwoord"),
                   ("Beantwoord (% van ingediend)", "signalen", "aandeelBeantwoord"),
                   ("Nog niet beantwoord", "signalen", "open"),
                   ("Nog niet beantwoord en over de termijn", "signalen", "openTeLaat"),
                   ("Niet ontvankelijk verklaard", "signalen", "nietOntvankelijk"),
                   ("Beantwoord na de termijn", "signalen", "beantwoordNaTermijn"),
                   ("Termijn overschreden, totaal", "signalen", "termijnOverschreden"),
                   ("Termijn overschreden (% van ingediend)", "signalen", "aandeelTermijnOverschreden"),
                   ("Geschat aantal getroffen burgers", "signalen", "getroffenBurgers"),
               ]), _vergelijk(staat, "Tijd tot de eerste reactie (werkdagen)", [
                   ("Beantwoorde signalen", "doorlooptijd", "aantal"),
                   ("Mediaan (werkdagen)", "doorlooptijd", "mediaanWerkdagen"),
                   ("90e percentiel (werkdagen)", "doorlooptijd", "p90Werkdagen"),
               ])], ["kerncijfers"]),
        Sectie("reacties", "Reacties: overnemen of uitleggen",
               "De geldende (laatste) reactie op elk beantwoord signaal: overgenomen (comply) of niet overgenomen "
               "met een inhoudelijke reden (explain), en of de bewindspersoon zelf antwoordde.",
               [_vergelijk(staat, "Besluit en niveau", [
                   ("Reacties", "reacties", "totaal"),
                   ("Overgenomen", "reacties", "overnemen"),
                   ("Niet overgenomen, met reden", "reacties", "nietOvernemen"),
                   ("Overgenomen (% van reacties)", "reacties", "aandeelOvernemen"),
                   ("Ambtelijk", "reacties", "ambtelijk"),
                   ("Politiek (bewindspersoon)", "reacties", "politiek"),
                   ("Politiek (% van reacties)", "reacties", "aandeelPolitiek"),
               ])], ["besluiten"]),
        Sectie("toezeggingen", "Toezeggingen",
               f"Toezeggingen gedaan in reacties die in {p} zijn gegeven, en hun stand op de peildatum.",
               [_vergelijk(staat, "Gedaan, nagekomen, verlopen", [
                   ("Toezeggingen gedaan", "toezeggingen", "gedaan"),
                   ("Nagekomen", "toezeggingen", "nagekomen"),
                   ("Op tijd nagekomen", "toezeggingen", "opTijdNagekomen"),
                   ("Nagekomen (% van gedaan)", "toezeggingen", "aandeelNagekomen"),
                   ("Verlopen: niet nagekomen na de datum", "toezeggingen", "verlopen"),
                   ("Lopend", "toezeggingen", "lopend"),
               ])]),
        Sectie("noodremmen", "Noodremmen",
               "Noodremmen die in de periode zijn getrokken en wat ermee gebeurde.",
               [_vergelijk(staat, "Getrokken noodremmen en uitkomst", [
                   ("Noodremmen getrokken", "noodremmen", "getrokken"),
                   ("Beantwoord", "noodremmen", "beantwoord"),
                   ("Overgenomen", "noodremmen", "overnemen"),
                   ("Niet overgenomen, met reden", "noodremmen", "nietOvernemen"),
                   ("Nog niet beantwoord", "noodremmen", "open"),
                   ("Nog niet beantwoord en over de termijn", "noodremmen", "openTeLaat"),
               ])]),
        Sectie("escalaties", "Escalaties",
               "Elke gemiste termijn brengt de vraag een trede hoger: bestuur, ministerie (DG/SG), bewindspersoon, "
               "Kamercommissie. Geteld: escalaties die in de periode plaatsvonden.",
               [_vergelijk(staat, "Escalaties per trede", [
                   ("Naar het bestuur", "escalaties", "bestuur"),
                   ("Naar het ministerie (DG/SG)", "escalaties", "ministerie"),
                   ("Naar de bewindspersoon", "escalaties", "bewindspersoon"),
                   ("Naar de Kamercommissie", "escalaties", "kamercommissie"),
                   ("Totaal", "escalaties", "totaal"),
               ])], ["escalaties"]),
        Sectie("niet-ontvankelijk", "Niet ontvankelijk verklaard",
               "Signalen die de eigenaar in de periode niet ontvankelijk verklaarde (spam, geen overheidsregel of "
               "een dubbel van een ander signaal), met een openbare reden. Zo'n signaal krijgt geen reactie en "
               "verlaat de escalatieladder; daarom staat hier per eigenaar hoe vaak dat gebeurde.",
               [_vergelijk(staat, "Per grond", [
                   ("Spam", "nietOntvankelijk", "spam"),
                   ("Geen overheidsregel", "nietOntvankelijk", "geenOverheidsregel"),
                   ("Dubbel", "nietOntvankelijk", "dubbel"),
                   ("Totaal", "nietOntvankelijk", "totaal"),
               ]), Tabel("Per eigenaar", ["Eigenaar", "Spam", "Geen overheidsregel", "Dubbel", "Totaal"],
                         [[e["naam"], e["spam"], e["geenOverheidsregel"], e["dubbel"], e["totaal"]]
                          for e in h["nietOntvankelijk"]["perEigenaar"]],
                         leeg="Geen signalen niet ontvankelijk verklaard in deze periode.")]),
        Sectie("regelingen", "Regelingen en artikelen",
               "De regelingen en artikelen waarover de meeste signalen binnenkwamen, en die de meeste burgers "
               "raken (schatting van de indieners).",
               ([Tabel("Regelingen met de meeste knelpunten", ["Regeling", "BWB-id", "Knelpunten", "Signalen",
                                                               "Getroffen burgers"],
                       [[r["titel"], r["bwbId"], r["knelpunten"], r["signalen"], r["getroffenBurgers"]]
                        for r in h["top"]["regelingenPerKnelpunten"]], leeg="Geen knelpunten in deze periode.")]
                if "regelingenPerKnelpunten" in h["top"] else []) + [
                Tabel("Regelingen met de meeste signalen", ["Regeling", "BWB-id", "Signalen", "Getroffen burgers",
                                                            "Noodremmen"],
                      [[r["titel"], r["bwbId"], r["signalen"], r["getroffenBurgers"], r["noodremmen"]]
                       for r in h["top"]["regelingenPerSignalen"]]),
                Tabel("Regelingen met de meeste getroffen burgers", ["Regeling", "BWB-id", "Getroffen burgers",
                                                                    "Signalen"],
                      [[r["titel"], r["bwbId"], r["getroffenBurgers"], r["signalen"]]
                       for r in h["top"]["regelingenPerGetroffenen"]]),
                Tabel("Artikelen met de meeste signalen", ["Regeling", "Artikel(en)", "Signalen", "Getroffen burgers"],
                      [[r["titel"], r["artikelen"], r["signalen"], r["getroffenBurgers"]] for r in h["top"]["artikelen"]]),
                ]),
        Sectie("oorzaken", "Oorzaken (TCU ‘Klem tussen balie en beleid’)",
               "Signalen per oorzaak; een signaal kan meer oorzaken hebben.",
               [Tabel("Signalen per oorzaak", ["Oorzaak", kort, vorig_kort, "Verschil"],
                      [[o["naam"], o["signalen"], v["signalen"], o["signalen"] - v["signalen"]]
                       for o, v in zip(h["oorzaken"]["perOorzaak"], staat["vorige"]["oorzaken"]["perOorzaak"])]
                      + [["Zonder oorzaak", h["oorzaken"]["zonderOorzaak"], staat["vorige"]["oorzaken"]["zonderOorzaak"],
                          h["oorzaken"]["zonderOorzaak"] - staat["vorige"]["oorzaken"]["zonderOorzaak"]]],
                      vergelijking=True)], ["oorzaken"]),
        Sectie("verloop", f"Verloop per {per}",
               f"Ingediende en (inmiddels) beantwoorde signalen per {per} van indiening, naast de "
               f"{VAK[per].lower()} op dezelfde plaats in de vorige periode.",
               [Tabel(f"Signalen per {per}", [VAK[per], f"Ingediend {kort}", f"Beantwoord {kort}",
                                             VAK[per] + " vorige periode", f"Ingediend {vorig_kort}"],
                      [[m["vak"], m["ingediend"], m["beantwoord"], v["vak"] if v else "", v["ingediend"] if v else 0]
                       for m, v in zip_longest(h["verloop"], staat["vorige"]["verloop"]) if m])],
               ["verloop"]),
    ]
    toetsen = staat.get("uitvoeringstoetsen")
    if toetsen:
        uit.append(Sectie("uitvoeringstoetsen", "Uitvoeringstoetsen en antwoorden van bewindspersonen",
                          "Uitvoeringstoetsen die in de periode aan uitvoerders zijn gevraagd (vervallen rondes niet "
                          "meegeteld), hun oordeel en het antwoord van de bewindspersoon.",
                          [_vergelijk({**staat, "huidig": {"t": toetsen["huidig"]}, "vorige": {"t": toetsen["vorige"]}},
                                      "Oordelen en antwoorden", [
                              ("Toetsen gevraagd", "t", "gevraagd"), ("Toetsen ingediend", "t", "ingediend"),
                              ("Uitvoerbaar", "t", "uitvoerbaar"), ("Uitvoerbaar onder voorwaarden", "t", "onderVoorwaarden"),
                              ("Niet uitvoerbaar", "t", "nietUitvoerbaar"), ("Beantwoord door bewindspersoon", "t", "beantwoord"),
                              ("Antwoord: overgenomen", "t", "antwoordOvernemen"),
                              ("Antwoord: niet overgenomen", "t", "antwoordNietOvernemen"),
                              ("Antwoord na de termijn", "t", "antwoordTeLaat"),
                          ])]))
    reg = staat["register"]
    uit.append(Sectie("register", f"Eigen Stand van de Uitvoering {reg['jaar']}",
                      "Welke uitvoeringsorganisaties hun eigen Stand van de Uitvoering over dit jaar aanleverden.",
                      [Tabel(f"Aangeleverd ({len(reg['geleverd'])})", ["Organisatie", "Ontvangen op", "Vindplaats"],
                             [[o["naam"], o["ontvangenOp"], o["url"]] for o in reg["geleverd"]],
                             leeg="Geen enkele organisatie leverde aan."),
                       Tabel(f"Niet aangeleverd ({len(reg['nietGeleverd'])})", ["Organisatie"],
                             [[o["naam"]] for o in reg["nietGeleverd"]], leeg="Alle organisaties leverden aan.")]))
    return uit


def context(staat: dict, *, grafiekformaat: str = "png") -> dict:
    grafiek = grafieken.alle(staat)
    return {"staat": staat, "secties": secties(staat),
            "grafieken": {naam: {"titel": g.titel, "alt": g.alt, "src": g.data_uri(grafiekformaat)}
                          for naam, g in grafiek.items()}}


def html(staat: dict) -> str:
    """A standalone HTML document (what the PDF is made from)."""
    return render_to_string("rapportage/staat_document.html", context(staat, grafiekformaat="svg"))


def pdf(staat: dict) -> bytes:
    from weasyprint import CSS, HTML

    # PDF/UA-1: tagged (structure tree, reading order, alternative texts of the charts), with
    # language and title; the charts are also described in the text and tables beside them.
    return HTML(string=html(staat)).write_pdf(stylesheets=[CSS(filename=str(PDF_CSS))], pdf_variant="pdf/ua-1")


def als_json(staat: dict) -> str:
    return json.dumps(staat, ensure_ascii=False, indent=2)


_ONDERWERP = ("code", "vak", "afkorting")


def _onderwerp(item: dict) -> str:
    if "bwbId" in item:
        return f"{item['bwbId']} {item['artikelen']}" if "artikelen" in item else item["bwbId"]
    return next((str(item[k]) for k in _ONDERWERP if k in item), "")


def _plat(waarde, pad: list[str], onderwerp: str):
    if isinstance(waarde, dict):
        for sleutel, sub in waarde.items():
            yield from _plat(sub, pad + [sleutel], onderwerp)
    elif isinstance(waarde, list):
        for item in waarde:
            yield from _plat(item, pad, _onderwerp(item) if isinstance(item, dict) else onderwerp)
    else:
        yield pad, onderwerp, waarde


def csv_rijen(staat: dict):
    """Every figure as (periode, sectie, onderwerp, cijfer, waarde)."""
    for sleutel in ("huidig", "vorige"):
        periode = staat["huidig" if sleutel == "huidig" else "vorige"]["periode"]
        for pad, onderwerp, waarde in _plat({k: v for k, v in staat[sleutel].items() if k != "periode"}, [], ""):
            yield [periode, pad[0], onderwerp, ".".join(pad[1:]), waarde]
    for soort in ("geleverd", "nietGeleverd"):
        for org in staat["register"][soort]:
            yield [staat["periode"], "register", org["afkorting"], soort, org.get("ontvangenOp", "")]
    toetsen = staat.get("uitvoeringstoetsen") or {}
    for sleutel, cijfers in toetsen.items():
        for cijfer, waarde in cijfers.items():
            if cijfer != "periode":
                yield [cijfers["periode"], "uitvoeringstoetsen", "", cijfer, waarde]


def als_csv(staat: dict) -> str:
    buffer = io.StringIO()
    schrijver = VeiligeSchrijver(buffer, lineterminator="\n")
    schrijver.writerow(["periode", "sectie", "onderwerp", "cijfer", "waarde"])
    schrijver.writerow([staat["periode"], "reikwijdte", staat["reikwijdte"]["afkorting"] or "rijk", "peildatum",
                        staat["peildatum"]])
    for rij in csv_rijen(staat):
        schrijver.writerow(rij)
    return buffer.getvalue()


__all__ = ["secties", "context", "html", "pdf", "als_json", "als_csv"]
