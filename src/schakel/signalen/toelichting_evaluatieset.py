"""A labelled set of explanations (explain / niet overnemen): substantive or evasive.

Method (see docs/toelichting.md): two pools of sentences written for this purpose, in other
words than the tests and the demo data. Evasive sentences say nothing about the case in
ever different wording (hedging, "huidige beleid", "betrokken partijen", promises to
keep watching). Substantive sentences give a reason or a fact that belongs to one case
(a rule, a cost, who is affected, what already exists). An explanation is composed by
a seeded random generator: evasive = two or three evasive sentences; substantive = one
or two substantive sentences, often with one polite or hedging sentence around them,
as real answers have. Sentences are split in a ``dev`` half (used while writing the
rule) and a held-out ``toets`` half; only the latter's figures are reported.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Uitleg:
    tekst: str
    ontwijkend: bool
    deel: str


_ONTWIJKEND = {
    "dev": [
        "Wij hebben het signaal met belangstelling gelezen en besproken in het managementoverleg.",
        "Na zorgvuldige afweging van alle belangen kiezen wij ervoor de huidige werkwijze te handhaven.",
        "Het ministerie ziet vooralsnog geen noodzaak om de regels op dit punt te wijzigen.",
        "Wij blijven in gesprek met de betrokken partijen en houden de situatie goed in de gaten.",
        "Het onderwerp heeft onze volle aandacht en wordt meegenomen in lopende trajecten.",
        "De staatssecretaris acht een aanpassing van het beleid op dit moment niet opportuun.",
        "Er wordt conform de geldende kaders gehandeld, zodat er geen aanleiding is voor wijziging.",
        "Wij begrijpen dat de situatie als vervelend wordt ervaren, maar het beleid blijft ongewijzigd.",
        "Dit is een complex vraagstuk dat een bredere afweging vraagt dan binnen dit signaal mogelijk is.",
        "Te zijner tijd zal worden bezien of nadere stappen wenselijk zijn.",
        "Het kabinet hecht eraan de ingezette koers voort te zetten.",
        "In overleg met de ketenpartners is besloten de bestaande aanpak voorlopig niet te veranderen.",
        "Uw punt is herkenbaar en wij nemen het ter harte bij toekomstige beleidsontwikkeling.",
        "Wij monitoren de ontwikkelingen kritisch en komen hier zo nodig op terug.",
        "Gezien de huidige stand van zaken zien wij geen reden het voorstel over te nemen.",
        "Het beleid is in lijn met de afspraken in het coalitieakkoord en blijft daarom staan.",
        "De verantwoordelijkheid voor dit onderwerp ligt bij de uitvoeringsorganisatie zelf.",
        "Wij danken de indiener voor de betrokkenheid en waarderen het meedenken zeer.",
        "Het voorstel past niet binnen de huidige beleidsmatige kaders.",
        "Op basis van de beschikbare informatie is er geen aanleiding om af te wijken van de bestaande lijn.",
        "Wij verwachten dat de ingezette maatregelen op termijn hun effect zullen hebben.",
        "Het is een politieke keuze om vast te houden aan het stelsel zoals het nu is.",
        "De signalen worden serieus genomen en zorgvuldig gewogen.",
        "Het ministerie blijft alert op mogelijke knelpunten in de praktijk.",
        "Een aanpassing is op dit moment niet aan de orde.",
    ],
    "toets": [
        "Het signaal is in goede orde ontvangen en met aandacht bestudeerd.",
        "Alles overwegende houden wij vast aan de gekozen lijn.",
        "Er bestaat momenteel onvoldoende grond om de wet- en regelgeving aan te passen.",
        "Wij zullen de situatie samen met relevante stakeholders blijven volgen.",
        "Dit punt krijgt een plek in de bredere verkenning die nog loopt.",
        "De minister vindt het niet wenselijk om nu van koers te veranderen.",
        "Omdat het huidige beleid helder is, zien wij geen ruimte voor een andere benadering.",
        "Wij snappen de zorgen, maar de bestaande systematiek blijft voorlopig van kracht.",
        "Het betreft een breed onderwerp dat niet los van andere ontwikkelingen kan worden bezien.",
        "Indien nodig wordt op een later moment opnieuw naar dit onderwerp gekeken.",
        "Het kabinet staat achter de gemaakte keuzes en ziet geen reden tot bijsturing.",
        "Samen met de betrokken organisaties is geconcludeerd dat de huidige praktijk volstaat.",
        "Wij nemen uw suggestie mee in de verdere gedachtevorming.",
        "De effecten worden nauwgezet gevolgd en waar mogelijk wordt bijgestuurd.",
        "Alles bij elkaar genomen is er geen aanleiding voor een wijziging.",
        "Het staande beleid sluit aan bij de politieke afspraken en wordt daarom gehandhaafd.",
        "Het is aan de uitvoerder om binnen de kaders een passende oplossing te vinden.",
        "Wij zijn de melder erkentelijk voor het delen van deze ervaring.",
        "De gevraagde verandering valt buiten de gestelde beleidskaders.",
        "Gelet op het voorgaande zien wij geen mogelijkheid om anders te besluiten.",
        "De reeds genomen maatregelen moeten eerst de tijd krijgen om te werken.",
        "Het blijft een bestuurlijke afweging die wij op dit moment niet anders maken.",
        "Het ministerie onderkent het belang van het signaal en zal het betrekken bij de afwegingen.",
        "Wij blijven uiteraard betrokken en alert.",
        "Voor nu wordt geen verandering doorgevoerd.",
    ],
}

_INHOUDELIJK = {
    "dev": [
        "Een vrijstelling voor giften tot 1.200 euro per jaar zou alle bijstandsgerechtigden raken en kost naar schatting 40 miljoen euro, waarvoor in de begroting van 2026 geen dekking is.",
        "De termijn van acht weken staat in artikel 4:13 van de Awb; verlengen per signaal zou de rechtszekerheid van andere aanvragers aantasten.",
        "Automatisch kwijtschelden kan pas als gemeenten inzage krijgen in het vermogen bij de Belastingdienst, en daarvoor ontbreekt nu een wettelijke grondslag.",
        "Omdat de toeslag per maand wordt berekend, zou een jaarlijkse afrekening juist huishoudens met wisselend inkomen grotere terugvorderingen bezorgen.",
        "De drempel van 15 uur per week volgt uit een afspraak met werkgevers in de Stichting van de Arbeid; verlaging zou parttimers in de zorg uitsluiten van het vangnet.",
        "Het CBR kan de keuringen niet versnellen zonder extra artsen, en de opleiding van keuringsartsen duurt minimaal twee jaar.",
        "Een uitzondering voor studenten met een beperking bestaat al via de prestatiebeurs; verlenging met een jaar kan bij DUO worden aangevraagd met een verklaring van de decaan.",
        "Doordat de gegevens uit de Basisregistratie Personen een dag vertraging hebben, kan de SVB de kinderbijslag niet eerder stopzetten of starten.",
        "Het boetebedrag is wettelijk vastgelegd in de Wet Mulder; het CJIB heeft geen bevoegdheid om het te matigen, alleen de officier van justitie kan dat.",
        "Een landelijk loket zou de taak van gemeenten onder de Wmo 2015 doorkruisen, die juist maatwerk per huishouden moeten leveren.",
        "Verhoging van de vermogensgrens naar 50.000 euro betekent dat ongeveer 90.000 extra huishoudens zorgtoeslag krijgen, wat jaarlijks 120 miljoen euro kost.",
        "De inburgeringsplicht geldt vanaf de dag van vestiging in de gemeente; een latere start zou statushouders maanden zonder taalles laten.",
        "Pensioenfondsen mogen volgens de Pensioenwet geen individuele uitzonderingen maken op de indexatie, omdat dat de andere deelnemers benadeelt.",
        "Wie in het buitenland woont, valt onder het woonlandbeginsel; een verhoging van het kindgebonden budget voor die groep is in strijd met de EU-verordening 883/2004.",
        "Het meldpunt is bewust bij de GGD ondergebracht, zodat meldingen over verward gedrag door zorgprofessionals en niet door de politie worden opgepakt.",
        "De vergoeding van 0,23 euro per kilometer sluit aan bij de fiscale onbelaste reiskostenvergoeding; een hoger bedrag zou belast moeten worden.",
        "Voor de huurtoeslag telt de rekenhuur, inclusief servicekosten tot 48 euro; het schrappen van die grens maakt de toeslag afhankelijk van afspraken tussen huurder en verhuurder.",
        "Een digitale handtekening via DigiD Machtigen is al mogelijk voor bewindvoerders; een apart papieren kanaal kost de IND jaarlijks circa 3 miljoen euro.",
        "De wachttijd van vier weken in de Participatiewet is bedoeld om jongeren eerst zelf werk of scholing te laten zoeken; in de praktijk kan de gemeente al een voorschot geven.",
        "Uit de evaluatie van 2024 blijkt dat 70 procent van de terugvorderingen onder de 250 euro ligt; een bagatelgrens zou dus het grootste deel van de gevallen treffen.",
    ],
    "toets": [
        "Een hogere bijverdiengrens in de Wajong maakt werken lonender, maar verhoogt de uitgaven met 60 miljoen euro per jaar, terwijl de evaluatie van 2023 geen extra uitstroom liet zien.",
        "De verjaringstermijn van vijf jaar volgt uit artikel 3:309 BW; een kortere termijn voor overheidsvorderingen vraagt een wetswijziging die eerst langs de Raad van State moet.",
        "Omdat het UWV de WW-uitkering baseert op het dagloon van het afgelopen jaar, zou een herberekening per maand leiden tot wisselende uitkeringen en meer terugvorderingen.",
        "De kostendelersnorm in de AOW is in 2022 afgeschaft; een gelijke stap in de bijstand kost circa 350 miljoen euro en vraagt een aanpassing van de Participatiewet.",
        "Het loket van de RDW is alleen in Veendam, omdat de kentekenregistratie daar centraal is ingericht; wie niet kan reizen, kan het formulier per post indienen.",
        "Doordat de Belastingdienst de aanslag pas na afloop van het jaar vaststelt, kan de voorlopige aanslag niet eerder worden gecorrigeerd dan na de aangifte.",
        "Een verlenging van de bezwaartermijn naar twaalf weken geldt dan voor alle besluiten van alle bestuursorganen, wat de afhandeling van bouwvergunningen met maanden vertraagt.",
        "Het persoonsgebonden budget wordt door het zorgkantoor uitbetaald via de SVB, zodat zorgverleners niet rechtstreeks door budgethouders worden betaald en fraude moeilijker wordt.",
        "De IND moet bij gezinshereniging de identiteit vaststellen met officiële documenten; een uitzondering voor mensen uit Eritrea bestaat al sinds 2020 via een DNA-onderzoek dat de staat betaalt.",
        "Schuldeisers mogen volgens de Wsnp pas na drie jaar een schone lei geven; een kortere termijn van achttien maanden bestaat al in het minnelijk traject van de gemeente.",
        "Voor de studiefinanciering geldt de leeftijdsgrens van 30 jaar omdat het stelsel uitgaat van een eerste opleiding; herintreders kunnen het levenlanglerenkrediet gebruiken.",
        "Verplichte medische keuring na het 75e jaar staat in de Wegenverkeerswet; het CBR kan de leeftijd niet zelf verhogen, dat vraagt een besluit van de Tweede Kamer.",
        "Doordat de energietoeslag via de gemeente liep, konden huishoudens net boven 120 procent van het sociaal minimum niets krijgen; een glijdende schaal vraagt inkomensgegevens die gemeenten niet hebben.",
        "Het CAK berekent de eigen bijdrage op het inkomen van twee jaar terug, omdat dat het laatst vastgestelde inkomen is; een actueel inkomen zou achteraf tot correcties leiden.",
        "Een tweede beoordeling door een andere verzekeringsarts verdubbelt de wachttijd bij het UWV, die nu al gemiddeld 19 weken bedraagt.",
        "Het uitbetalen van de AOW op de eerste van de maand vraagt een wijziging van het betaalsysteem van de SVB, die pas na de vervanging in 2027 kan.",
        "De huurgrens van 879 euro is gekoppeld aan de liberalisatiegrens; het loslaten ervan zou de huurtoeslag ook openstellen voor de vrije sector, met 200 miljoen euro extra uitgaven.",
        "Gemeenten mogen de bijzondere bijstand niet categoraal verstrekken, omdat artikel 35 van de Participatiewet een individuele afweging vraagt; de collectieve aanvullende verzekering is daarop de uitzondering.",
        "Het CJIB stuurt de aanmaning naar het adres uit de Basisregistratie Personen; wie een briefadres heeft, krijgt de post daar, zodat een tweede kanaal dubbele verhogingen zou geven.",
        "De vrijlating van inkomsten uit vrijwilligerswerk is 1.900 euro per jaar; een hogere grens maakt het mogelijk loon als vergoeding te verpakken, wat de Belastingdienst bij controles al zag.",
    ],
}


def bouw(aantal_per_soort: int = 60, seed: int = 4) -> list[Uitleg]:
    """Per half (dev, toets): ``aantal_per_soort`` evasive and as many substantive explanations."""
    uit: list[Uitleg] = []
    for deel in ("dev", "toets"):
        rng = random.Random(f"{seed}-{deel}")
        ontwijkend, inhoud = _ONTWIJKEND[deel], _INHOUDELIJK[deel]
        for _ in range(aantal_per_soort):
            zinnen = rng.sample(ontwijkend, rng.choice([2, 2, 3]))
            uit.append(Uitleg(" ".join(zinnen), True, deel))
        for _ in range(aantal_per_soort):
            zinnen = rng.sample(inhoud, rng.choice([1, 1, 2]))
            if rng.random() < 0.6:  # a polite or hedging sentence around the reason
                zinnen.insert(rng.choice([0, len(zinnen)]), rng.choice(ontwijkend))
            uit.append(Uitleg(" ".join(zinnen), False, deel))
    return uit
