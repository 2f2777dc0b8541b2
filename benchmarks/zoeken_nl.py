"""Recall and false matches of Dutch search, word against word.

    .venv/bin/python benchmarks/zoeken_nl.py            # the analyser in use (schakel.core.analyse)
    .venv/bin/python benchmarks/zoeken_nl.py --snowball # the earlier Snowball stems, for comparison

Each case is a phrase as a professional writes it in a signal and a query as a reader
types it. ``MATCHES`` must be found (inflection, compounds, their parts), ``UNRELATED``
must not (words that merely share letters). The cases were written from how people
search public-sector texts (singular/plural, the benefit's short name, the part of a
long compound), not from Schakel's demo data or the analyser's word lists; the
thresholds in ``schakel.core.analyse`` were set before the second half of each list
(``HELD_OUT``) was written, and are reported separately.

A document matches a query when every query word has a form among the document's tokens,
exactly as ``schakel.signalen.zoeken.zoek`` decides on both databases.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

MATCHES = [  # (text in the signal, what the reader types)
    ("mensen met schulden", "schuld"), ("één schuld bij de gemeente", "schulden"),
    ("de toeslagen worden teruggevorderd", "toeslag"), ("een toeslag aanvragen", "toeslagen"),
    ("gezinnen met kinderen", "kind"), ("het kind van de aanvrager", "kinderen"),
    ("terugvordering van huurtoeslag", "huurtoeslagen"), ("huurtoeslagen van studenten", "huurtoeslag"),
    ("de kinderopvangtoeslag wordt stopgezet", "toeslag"), ("een hoge studieschuld", "schuld"),
    ("de bijstandsuitkering wordt gekort", "bijstand"), ("de bijstandsuitkering wordt gekort", "uitkering"),
    ("een arbeidsongeschiktheidsuitkering aanvragen", "uitkering"), ("een bezwaarschrift indienen", "bezwaar"),
    ("de regelingen zijn ingewikkeld", "regeling"), ("kleine gemeenten hebben geen capaciteit", "gemeente"),
    ("aanvragen blijven liggen", "aanvraag"), ("boetes lopen op", "boete"), ("werkgevers melden te laat", "werkgever"),
    ("de werkgever meldt te laat", "werkgevers"), ("alleenstaande ouders", "ouder"),
    ("uitkeringen worden te laat betaald", "uitkering"), ("de zorgtoeslag valt weg", "toeslag"),
    ("wachtlijsten in de jeugdzorg", "zorg"), ("lange wachttijden bij de keuring", "wachttijd"),
    ("de beslagvrije voet wordt niet gerespecteerd", "beslag"), ("terugvorderingen van voorschotten", "terugvordering"),
    ("herbeoordelingen duren lang", "herbeoordeling"), ("de zorgverzekering wordt niet betaald", "verzekering"),
    ("de inkomensgrens ligt te laag", "inkomen"),
    # HELD_OUT: written after the thresholds were set
    ("het toeslagpartnerschap eindigt", "toeslag"), ("rijbewijzen worden ingenomen", "rijbewijs"),
    ("de verblijfsvergunning verloopt", "vergunning"), ("studiefinanciering stopt", "studie"),
    ("huurders krijgen een naheffing", "huurder"), ("mantelzorgers raken overbelast", "mantelzorger"),
    ("de kinderbijslag wordt verrekend", "kinderbijslag"), ("de schuldhulpverlening start te laat", "schuldhulp"),
    ("de schuldhulpverlening start te laat", "hulpverlening"), ("de AOW-leeftijd stijgt", "aow"),
    ("zzp'ers vallen buiten de regeling", "zzp"), ("de inburgeringsplicht geldt ook voor hen", "inburgering"),
    ("de belastingaangifte is ingewikkeld", "aangifte"), ("de zorgkosten stijgen", "kosten"),
    ("de eigen bijdrage is te hoog", "bijdragen"), ("het persoonsgebonden budget", "budget"),
    ("vervolgingsbesluiten van het OM", "besluit"), ("de invorderingsrente loopt op", "rente"),
    ("ouders met een laag inkomen", "inkomens"), ("brieven zijn onbegrijpelijk", "brief"),
    ("de kostendelersnorm treft huishoudens", "kostendelersnorm"), ("dwangsommen worden opgelegd", "dwangsom"),
    ("het participatiebudget is op", "participatie"), ("de herindicatie duurt maanden", "herindicatie"),
    ("loonbeslag door de deurwaarder", "beslag"), ("jongeren zonder startkwalificatie", "jongere"),
    ("de woningcorporatie zet mensen uit huis", "woning"), ("naheffingen van de Belastingdienst", "naheffing"),
    ("gegevens uit de basisregistratie", "registratie"), ("een verhoging van de boete", "verhoging"),
]
HELD_OUT_MATCHES = 30  # the cases from this index on were written after tuning

UNRELATED = [  # (text in the signal, a query that must not find it)
    ("een voorschot op de uitkering", "schot"), ("de toeslag wordt verrekend", "slag"),
    ("bijstand voor jongeren", "stand"), ("de aanvraag is onvolledig", "vraag"),
    ("de overheid reageert niet", "heid"), ("de uitkering stopt", "kering"), ("beslag op het loon", "slag"),
    ("de verzekering dekt dit niet", "zeker"), ("de gemeente reageert niet", "mee"),
    ("het toezicht schiet tekort", "zicht"),
    # HELD_OUT
    ("het onderzoek duurt lang", "zoek"), ("werkloosheid onder jongeren", "loos"),
    ("de rekening komt later", "ning"), ("het inkomen daalt", "komen"), ("uitstel van betaling", "stel"),
    ("de aangifte is te laat", "gift"), ("de wetgeving is onduidelijk", "geving"),
    ("een voorwaarde voor de uitkering", "waarde"), ("de achterstand loopt op", "stand"),
    ("een beschikking van de SVB", "schikking"), ("de ondernemer stopt", "nemer"),
    ("de verhuizing is niet gemeld", "huizing"), ("afspraken met de werkgever", "spraak"),
    ("het besluit wordt herzien", "sluit"), ("de voorlichting is onduidelijk", "lichting"),
    ("ouders met een beperking", "perking"), ("de terugbetaling is te hoog", "betaling terug kind"),
    ("de inburgering duurt lang", "burger"), ("de bewijslast ligt bij de burger", "last wijs"),
    ("het verblijf is tijdelijk", "blijf"),
]
HELD_OUT_UNRELATED = 10


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakel.conf.test")
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    import django

    django.setup()


def gevonden(tekst: str, vraag: str, *, snowball: bool = False) -> bool:
    if snowball:
        from schakel.core.text import stems

        document = f" {' '.join(stems(tekst))} "
        termen = stems(vraag)
        return bool(termen) and all(f" {term} " in document for term in termen)
    from schakel.core.analyse import zoekdocument, zoektermen

    document = zoekdocument(tekst)
    termen = zoektermen(vraag)
    return bool(termen) and all(any(f" {vorm} " in document for vorm in term) for term in termen)


def meet(*, snowball: bool = False) -> dict:
    def deel(cases, begin, end, verwacht):
        chunk = cases[begin:end]
        goed = [c for c in chunk if gevonden(*c, snowball=snowball) == verwacht]
        return len(goed), len(chunk), [c for c in chunk if c not in goed]

    return {
        "recall (tuning)": deel(MATCHES, 0, HELD_OUT_MATCHES, True),
        "recall (held out)": deel(MATCHES, HELD_OUT_MATCHES, None, True),
        "no false match (tuning)": deel(UNRELATED, 0, HELD_OUT_UNRELATED, False),
        "no false match (held out)": deel(UNRELATED, HELD_OUT_UNRELATED, None, False),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--snowball", action="store_true", help="measure the earlier Snowball stems")
    args = parser.parse_args()
    _django()
    begin = time.perf_counter()
    uitkomst = meet(snowball=args.snowball)
    print(f"Dutch search, {'Snowball stems' if args.snowball else 'lemmas + compound parts'}:")
    for naam, (goed, totaal, fout) in uitkomst.items():
        print(f"  {naam:27s} {goed / totaal:.2f}  ({goed}/{totaal})")
        for tekst, vraag in fout:
            print(f"      wrong: {vraag!r} in {tekst!r}")
    print(f"  ({time.perf_counter() - begin:.1f} s, dictionaries loaded once)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
