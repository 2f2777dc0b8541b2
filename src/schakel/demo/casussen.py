"""Templates for the demo signals, written from the cases in the source documents.

Each :class:`Casus` is a recurring problem at the counter (the WIA advance that must be
repaid, the over-75s waiting for a medical check at CBR, the Wajong bonus that is
offset, the digital-only police report…). The generator picks a case, an organisation
that implements the regulation and a set of variables (place, amount, numbers, period)
and fills in the texts, so that a few hundred signals are distinct but believable.

Placeholders available in every text: ``{plaats}``, ``{org}`` (the filing organisation),
``{eigenaar}`` (the organisation that answers), ``{stad}`` (the town; ``{plaats}`` may be a
district of it), ``{aantal}``, ``{bedrag}``, ``{weken}``,
``{maanden}``, ``{procent}``, ``{periode}``, ``{collega}``, ``{jaar}`` (next year).
"""

from __future__ import annotations

from dataclasses import dataclass

GEMEENTEN = ("amsterdam", "rotterdam", "utrecht", "groningen", "eindhoven", "zwolle")


@dataclass(frozen=True)
class Casus:
    sleutel: str
    regeling: str  # BWB id
    indieners: tuple[str, ...]  # organisations that file this kind of signal
    titels: tuple[str, ...]
    praktijk: tuple[str, ...]
    getroffen: tuple[str, ...]
    voorstellen: tuple[str, ...]
    kern: str  # the proposal in a few words: "... om {kern}"
    uitleg: tuple[str, ...]  # substantive reasons for an explain (niet overnemen)
    toezeggingen: tuple[tuple[str, str], ...]  # (what, who) for a comply (overnemen)
    oorzaken: tuple[str, ...] = ()
    artikelen: tuple[str, ...] = ("",)
    aantal: tuple[int, int] = (40, 2500)
    bedragen: tuple[int, int] = (250, 4000)
    doorsturen: tuple[str, str] | None = None  # (to, public reason), by the owner
    noodrem: float = 0.0  # share filed as an emergency brake
    gewicht: int = 2


CASUSSEN: tuple[Casus, ...] = (
    Casus(
        sleutel="wia-voorschot",
        regeling="BWBR0019057",
        indieners=("uwv",),
        titels=(
            "Terugvordering WIA-voorschot van {bedrag} duwt cliënten in de schulden",
            "WIA-voorschot in één keer terugbetalen onhaalbaar voor cliënten in {plaats}",
            "Te laat WIA-besluit leidt tot terugvordering voorschot ({plaats})",
        ),
        praktijk=(
            "Zolang er geen besluit is over de WIA-aanvraag, krijgen cliënten een voorschot ter hoogte van hun "
            "Ziektewet-uitkering. Als het besluit maanden te laat komt en de uitkering lager uitvalt, vorderen we "
            "het verschil terug: in de regio {plaats} gemiddeld {bedrag} per cliënt. Volgens {collega} openen "
            "cliënten hun post niet meer en stokt de re-integratie. De vertraging ligt bij ons, maar de rekening "
            "ligt bij de cliënt.",
            "In {periode} zagen we in {plaats} {aantal} terugvorderingen van WIA-voorschotten, vaak van duizenden "
            "euro's. Het voorschot is bedoeld om schulden te voorkomen, maar de terugvordering veroorzaakt ze juist. "
            "In de Maatwerkplaats schelden we nu per persoon kwijt op grond van het evenredigheidsbeginsel; dat "
            "is niet vol te houden en leidt tot rechtsongelijkheid.",
        ),
        getroffen=(
            "WIA-aanvragers bij wie het besluit later kwam dan de wettelijke termijn en de uitkering lager uitviel "
            "dan het voorschot.",
            "Mensen met een lage WIA-uitkering, vaak met bestaande schulden, die een voorschot kregen.",
        ),
        voorstellen=(
            "Zie af van terugvordering als het besluit later kwam dan de wettelijke beslistermijn, en sta anders "
            "terugbetaling in termijnen toe die rekening houden met de beslagvrije voet.",
            "Maak structureel mogelijk dat UWV afziet van terugvordering wanneer de vertraging aan UWV te wijten is.",
        ),
        kern="af te zien van terugvordering van WIA-voorschotten als het besluit te laat kwam",
        uitleg=(
            "Volledig afzien van terugvordering betekent dat mensen met een voorschot meer krijgen dan mensen "
            "bij wie UWV op tijd besliste; dat raakt de gelijke behandeling en kost naar schatting {bedrag} "
            "per geval. De wet kent al de bevoegdheid om in dringende gevallen af te zien van terugvordering, "
            "en die ruimte is nog niet volledig benut.",
            "De oorzaak ligt bij de achterstand in de sociaal-medische beoordelingen, niet bij de regel over het "
            "voorschot. Een uitzondering in de wet zou het probleem verplaatsen: het voorschot zou dan lager moeten "
            "worden vastgesteld, wat juist de mensen raakt die het voorschot het hardst nodig hebben.",
        ),
        toezeggingen=(
            ("UWV krijgt mandaat om af te zien van terugvordering als het WIA-besluit na de wettelijke termijn "
             "is genomen; de werkinstructie wordt aangepast.", "Directie Uitvoering, {eigenaar}"),
            ("Terugbetalingsregelingen worden standaard afgestemd op de beslagvrije voet.",
             "Afdeling Handhaving, UWV"),
            ("Cliënten die sinds {periode} een terugvordering kregen, worden actief benaderd voor herbeoordeling.",
             "Herstelteam UWV, regio {plaats}"),
        ),
        oorzaken=("complexe-regels", "kennis-professionals-onbenut", "uitvoering-verwaarloosd"),
        bedragen=(1500, 9000),
        aantal=(30, 1800),
        noodrem=0.05,
        gewicht=4,
    ),
    Casus(
        sleutel="wia-wachttijd",
        regeling="BWBR0019057",
        indieners=("uwv",),
        titels=(
            "Wachttijd sociaal-medische beoordeling WIA loopt op tot {weken} weken in {plaats}",
            "Cliënten zonder inkomen door achterstand WIA-keuringen ({plaats})",
        ),
        praktijk=(
            "De wachttijd voor een WIA-beoordeling door een verzekeringsarts is in {plaats} opgelopen tot "
            "{weken} weken. Werkgevers weten niet waar ze aan toe zijn, werknemers zitten in onzekerheid en "
            "{collega} ziet dat re-integratie stilvalt omdat iedereen op de keuring wacht.",
            "Door het tekort aan verzekeringsartsen nemen we in {plaats} {procent} procent van de WIA-besluiten "
            "te laat. Het voorschot vangt het inkomen op, maar leidt later vaak tot terugvorderingen. Het "
            "probleem groeit: in {periode} kwamen er {aantal} dossiers bij.",
        ),
        getroffen=(
            "Werknemers die na twee jaar ziekte een WIA-uitkering aanvragen, en hun werkgevers.",
            "Zieke werknemers in de regio {plaats} die wachten op een sociaal-medische beoordeling.",
        ),
        voorstellen=(
            "Laat de beoordeling in eenvoudige gevallen op basis van het dossier doen, zonder spreekuur, en "
            "vergroot de inzet van arbeidsdeskundigen onder supervisie van een verzekeringsarts.",
            "Pas de beoordelingsregels tijdelijk aan zodat taakdelegatie breder mogelijk wordt.",
        ),
        kern="de sociaal-medische beoordeling in eenvoudige gevallen op dossierbasis te laten doen",
        uitleg=(
            "Een beoordeling zonder gesprek vergroot de kans op fouten en bezwaren; de Kamer heeft eerder juist "
            "gevraagd om meer persoonlijk contact met de verzekeringsarts. Taakdelegatie is al verruimd, en de "
            "effecten daarvan zijn nog niet zichtbaar in de cijfers.",
        ),
        toezeggingen=(
            ("Een tijdelijk team van arbeidsdeskundigen neemt voorbereidend werk over van verzekeringsartsen.",
             "UWV, divisie Sociaal Medische Zaken"),
            ("Werkgevers en werknemers krijgen binnen twee weken na aanvraag een verwachte beslisdatum.",
             "UWV, klantcontact regio {plaats}"),
        ),
        oorzaken=("uitvoering-verwaarloosd", "signalen-niet-afgehandeld"),
        aantal=(200, 6000),
        doorsturen=("uwv", "De wachttijd is een kwestie van capaciteit en planning bij UWV zelf; de wet staat "
                           "de voorgestelde werkwijze al toe. UWV beantwoordt dit signaal."),
    ),
    Casus(
        sleutel="wajong-extraatje",
        regeling="BWBR0008657",
        indieners=("uwv",),
        titels=(
            "Wajongers moeten eindejaarsbonus van werkgever inleveren ({plaats})",
            "Extraatje van {bedrag} van de werkgever wordt verrekend met Wajong",
            "Wajong-verrekening maakt werken minder lonend voor jongeren in {plaats}",
        ),
        praktijk=(
            "Jongeren met een gedeeltelijke Wajong-uitkering die van hun werkgever een extraatje krijgen, zoals "
            "een eindejaarsuitkering of een bonus van {bedrag}, zien dat bedrag grotendeels terug in een lagere "
            "uitkering. {collega} in {plaats} krijgt boze en verdrietige reacties: werken voelt als straf.",
            "Inkomsten uit werk worden per maand verrekend met de Wajong. Een eenmalige uitkering van de werkgever "
            "leidt daardoor tot een forse korting in één maand. In {periode} ging het in onze regio om {aantal} "
            "jongeren.",
        ),
        getroffen=(
            "Jonggehandicapten met een gedeeltelijke Wajong-uitkering die werken.",
            "Werkende Wajongers die een eenmalige uitkering van hun werkgever krijgen.",
        ),
        voorstellen=(
            "Stel eenmalige extra's van de werkgever tot een jaarbedrag vrij van verrekening met de Wajong.",
            "Verreken eenmalige uitkeringen gespreid over twaalf maanden in plaats van in één maand.",
        ),
        kern="eenmalige extra's van de werkgever vrij te laten bij de Wajong-verrekening",
        uitleg=(
            "Een vrijlating alleen voor Wajongers maakt het verschil met andere uitkeringen groter, terwijl de "
            "harmonisatie van de Wajong juist bedoeld was om de regels eenvoudiger te maken. Het kabinet kiest "
            "voor een algemene vereenvoudiging van de verrekening van inkomsten in de sociale zekerheid.",
            "De kosten van een vrijlating lopen op tot {bedrag} per persoon per jaar, terwijl het gespreid "
            "verrekenen van eenmalige uitkeringen hetzelfde doel grotendeels bereikt; dat deel wordt wel "
            "uitgewerkt in de lopende herziening van de Wajong.",
        ),
        toezeggingen=(
            ("Eenmalige uitkeringen van de werkgever worden voortaan gespreid over twaalf maanden verrekend.",
             "Directie Participatie en Decentrale Voorzieningen, {eigenaar}"),
            ("Wajongers krijgen vooraf een rekenvoorbeeld wanneer hun werkgever een extraatje meldt.",
             "UWV, team Wajong {plaats}"),
        ),
        oorzaken=("complexe-regels", "geen-evaluatie"),
        bedragen=(150, 1200),
        aantal=(50, 3000),
        gewicht=3,
    ),
    Casus(
        sleutel="ww-inkomsten",
        regeling="BWBR0004045",
        indieners=("uwv",),
        titels=(
            "WW-gerechtigden met wisselende uren krijgen steeds terugvorderingen ({plaats})",
            "Inkomstenverrekening WW bij oproepwerk leidt tot schulden",
        ),
        praktijk=(
            "Mensen met een WW-uitkering die oproepwerk doen, moeten hun uren per maand opgeven. Loon wordt vaak "
            "pas later uitbetaald, waardoor de opgave niet klopt en er een terugvordering volgt, gemiddeld "
            "{bedrag}. In {periode} ging het in {plaats} om {aantal} mensen; {collega} ziet dat sommigen daarom "
            "werk weigeren.",
        ),
        getroffen=("WW-gerechtigden met oproepwerk of wisselende uren.",),
        voorstellen=(
            "Verreken op basis van het loon dat werkelijk is uitbetaald volgens de polisadministratie, en niet op "
            "de vooraf opgegeven uren.",
        ),
        kern="de WW-verrekening te baseren op het uitbetaalde loon uit de polisadministratie",
        uitleg=(
            "Verrekenen op uitbetaald loon vraagt een wetswijziging en een nieuwe koppeling met de "
            "polisadministratie die pas over enkele jaren beschikbaar is; tot die tijd zou de uitkering maanden "
            "achterlopen en krijgen mensen juist minder zekerheid over hun inkomen in de maand zelf.",
        ),
        toezeggingen=(
            ("Kleine verschillen tussen opgave en loon worden niet langer teruggevorderd maar in de volgende "
             "maand verrekend.", "Directie Werknemersregelingen, {eigenaar}"),
            ("De uitvoerbaarheid van verrekening op basis van de polisadministratie wordt getoetst.",
             "UWV, directie Strategie en Beleid"),
        ),
        oorzaken=("complexe-regels", "geen-evaluatie"),
        bedragen=(200, 2500),
    ),
    Casus(
        sleutel="aow-opvang",
        regeling="BWBR0002221",
        indieners=("svb",),
        titels=(
            "AOW'ers die een familielid opvangen verliezen alleenstaandenpensioen ({plaats})",
            "Tijdelijke opvang van kleinkind kost AOW-gerechtigde {bedrag} per maand",
        ),
        praktijk=(
            "AOW-gerechtigden die tijdelijk een dakloos kind of kleinkind in huis nemen, worden als gezamenlijke "
            "huishouding gezien en gaan terug naar de AOW voor samenwonenden: {bedrag} per maand minder. "
            "{collega} in {plaats} ziet dat ouderen opvang weigeren of het verzwijgen uit angst voor een boete.",
        ),
        getroffen=("Alleenstaande AOW-gerechtigden die een familielid tijdelijk onderdak bieden.",),
        voorstellen=(
            "Laat tijdelijke opvang van een familielid tot een jaar buiten de beoordeling van de gezamenlijke "
            "huishouding.",
        ),
        kern="tijdelijke opvang van een familielid buiten de toets op gezamenlijke huishouding te laten",
        uitleg=(
            "Voor mantelzorg bestaat al een uitzondering, en de SVB kan bij opvang van korte duur afwijken. Een "
            "algemene uitzondering van een jaar zou ook gelden voor situaties die geen opvang zijn, en is lastig "
            "te controleren zonder huisbezoeken die het vertrouwen juist schaden.",
        ),
        toezeggingen=(
            ("De SVB krijgt een beleidsregel die opvang van een familielid tot zes maanden buiten beschouwing laat.",
             "Directie Uitvoering, {eigenaar}"),
            ("Voorlichting aan AOW-gerechtigden over opvang en de gevolgen voor de AOW wordt herschreven.",
             "SVB, communicatie"),
        ),
        oorzaken=("complexe-regels", "geen-evaluatie"),
        bedragen=(300, 500),
        aantal=(20, 900),
    ),
    Casus(
        sleutel="akw-co-ouderschap",
        regeling="BWBR0002368",
        indieners=("svb",),
        titels=(
            "Kinderbijslag bij co-ouderschap gaat maar naar één ouder ({plaats})",
            "Conflicten tussen gescheiden ouders over kinderbijslag lopen vast bij SVB",
        ),
        praktijk=(
            "Bij co-ouderschap mag de kinderbijslag maar aan één ouder worden betaald. Ouders moeten samen "
            "kiezen; lukt dat niet, dan wijzen wij toe. {collega} in {plaats} behandelde in {periode} {aantal} "
            "bezwaren waarin de andere ouder de kinderbijslag niet doorbetaalt.",
        ),
        getroffen=("Gescheiden ouders met co-ouderschap en hun kinderen.",),
        voorstellen=("Maak het mogelijk de kinderbijslag bij co-ouderschap over beide ouders te verdelen.",),
        kern="de kinderbijslag bij co-ouderschap over beide ouders te verdelen",
        uitleg=(
            "Een verdeling over twee ouders betekent dat de SVB de zorgverdeling van elk gezin moet vaststellen "
            "en bijhouden; bij conflicten wordt de SVB dan partij in de scheiding. Het kabinet onderzoekt eerst "
            "of een verdeling via het kindgebonden budget eenvoudiger is.",
        ),
        toezeggingen=(
            ("Een verkenning naar verdeling van de kinderbijslag bij co-ouderschap wordt aan de Kamer gestuurd.",
             "Directie Kinderopvang en Kindregelingen, {eigenaar}"),
        ),
        oorzaken=("complexe-regels", "blinde-vlek-kamer"),
        aantal=(100, 4000),
        gewicht=1,
    ),
    Casus(
        sleutel="pw-kostendelersnorm",
        regeling="BWBR0015703",
        indieners=GEMEENTEN,
        titels=(
            "Kostendelersnorm houdt dakloze jongeren in {plaats} op straat",
            "Ouders in de bijstand durven meerderjarig kind niet in huis te nemen ({plaats})",
            "Kostendelersnorm kost mantelzorgers in {plaats} {bedrag} per maand",
        ),
        praktijk=(
            "Als een meerderjarig kind of een familielid intrekt, daalt de bijstand door de kostendelersnorm. "
            "{collega} in {plaats} ziet dat ouders daarom hun dakloze kind niet opvangen. In {periode} kwamen "
            "{aantal} van zulke situaties bij ons wijkteam.",
            "Een moeder in de bijstand die haar zieke broer opvangt, gaat er {bedrag} per maand op achteruit. "
            "Volgens de regel moeten wij de norm toepassen, ook als iedereen ziet dat dit de opvang onmogelijk "
            "maakt. In {plaats} gaat het om {aantal} huishoudens.",
        ),
        getroffen=(
            "Bijstandsgerechtigden die een familielid of meerderjarig kind onderdak bieden.",
            "Jongeren en volwassenen die dakloos dreigen te raken omdat familie hen niet kan opvangen.",
        ),
        voorstellen=(
            "Geef gemeenten de bevoegdheid de kostendelersnorm tijdelijk niet toe te passen bij opvang van "
            "dakloze familieleden.",
            "Schaf de kostendelersnorm af voor inwonende kinderen tot 27 jaar.",
        ),
        kern="gemeenten ruimte te geven de kostendelersnorm bij opvang niet toe te passen",
        artikelen=("art. 22a", "art. 22a; art. 18 lid 1"),
        uitleg=(
            "Afschaffen van de kostendelersnorm voor inwonende kinderen kost structureel enkele honderden "
            "miljoenen euro's en raakt het uitgangspunt dat bijstand aansluit bij de werkelijke kosten van een "
            "huishouden. Gemeenten hebben via artikel 18 al ruimte om de bijstand in individuele gevallen af te "
            "stemmen; de handreiking daarover wordt verduidelijkt.",
            "In het wetsvoorstel Participatiewet in balans krijgen gemeenten al meer ruimte voor maatwerk. Een "
            "aparte uitzondering voor opvang zou de wet weer ingewikkelder maken; het kabinet wacht de "
            "invoering van die bredere ruimte af en evalueert daarna het effect op opvang.",
        ),
        toezeggingen=(
            ("Gemeenten krijgen expliciete ruimte om de kostendelersnorm zes maanden niet toe te passen bij "
             "opvang van een dakloos familielid.", "Directie Participatie en Decentrale Voorzieningen, {eigenaar}"),
            ("De handreiking over afstemming van de bijstand in individuele gevallen wordt herzien.",
             "Directie Participatie en Decentrale Voorzieningen, {eigenaar}"),
        ),
        oorzaken=("complexe-regels", "kennis-professionals-onbenut", "geen-evaluatie"),
        bedragen=(250, 450),
        aantal=(15, 700),
        noodrem=0.04,
        gewicht=4,
    ),
Casus(
        sleutel="pw-boodschappen",
        regeling="BWBR0015703",
        indieners=GEMEENTEN,
        titels=(
            "Boodschappen van familie geteld als inkomen in de bijstand ({plaats})",
            "Terugvordering van {bedrag} na giften in natura aan bijstandsgerechtigde",
            "Kleine giften van kerk en familie leiden tot terugvordering bijstand in {plaats}",
        ),
        praktijk=(
            "Bij een heronderzoek bleek dat een bijstandsgerechtigde in {plaats} wekelijks boodschappen kreeg van "
            "haar moeder. Volgens de wet zijn dat middelen; de terugvordering liep op tot {bedrag}. {collega} "
            "vindt dit onrechtvaardig, maar ziet geen ruimte in de regels.",
            "Giften van familie, buren of de kerk moeten worden gemeld en kunnen worden gekort. Mensen melden "
            "ze niet, omdat het om kleine bedragen gaat, en krijgen later een terugvordering met boete. In "
            "{periode} ging het in {plaats} om {aantal} zaken.",
        ),
        getroffen=("Bijstandsgerechtigden die hulp krijgen van familie, buren of kerk.",),
        voorstellen=(
            "Stel giften tot een vast jaarbedrag vrij, zonder meldplicht, en laat boodschappen in natura altijd "
            "buiten beschouwing.",
        ),
        kern="giften tot een vast jaarbedrag vrij te laten in de bijstand",
        artikelen=("art. 31", "art. 31 lid 2", "art. 31; art. 58"),
        uitleg=(
            "Een vaste vrijlating zonder meldplicht maakt het onmogelijk om onderscheid te maken tussen incidentele "
            "hulp en structurele ondersteuning van het levensonderhoud. Het wetsvoorstel Participatiewet in balans "
            "regelt al een vrijlating van giften tot een jaarbedrag; een hogere grens weegt het kabinet af bij de "
            "evaluatie na invoering.",
        ),
        toezeggingen=(
            ("Giften tot een jaarbedrag worden vrijgelaten; gemeenten krijgen daarover een handreiking.",
             "Directie Participatie en Decentrale Voorzieningen, {eigenaar}"),
            ("Lopende terugvorderingen wegens kleine giften worden door gemeenten heroverwogen.",
             "Afdeling Werk en Inkomen, gemeente {stad}"),
        ),
        oorzaken=("complexe-regels", "kennis-professionals-onbenut"),
        bedragen=(800, 7500),
        aantal=(10, 400),
        gewicht=4,
    ),
    Casus(
        sleutel="pw-jongeren",
        regeling="BWBR0015703",
        indieners=GEMEENTEN,
        titels=(
            "Kwetsbare jongeren van 18 tot 21 vallen tussen wal en schip in {plaats}",
            "Zoektermijn van vier weken drijft dakloze jongeren in {plaats} verder weg",
        ),
        praktijk=(
            "Jongeren van 18 tot 21 zonder thuis, met schulden of psychische problemen, komen niet in aanmerking "
            "voor jeugdhulp en krijgen in de bijstand een lage jongerennorm na een zoektermijn van vier weken. "
            "{collega} in {plaats} ziet dat juist deze jongeren in die weken uit beeld raken. Met een aanpak naar "
            "het voorbeeld van het Bouwdepot willen we hen een jaar een vast bedrag geven, maar het Rijk noemt "
            "dat in strijd met de wet.",
        ),
        getroffen=("Jongeren van 18 tot 21 jaar in een kwetsbare positie: dakloos, met schulden of zonder netwerk.",),
        voorstellen=(
            "Sta gemeenten toe kwetsbare jongeren een jaar lang een vast maandbedrag te geven, los van de "
            "jongerennorm en de zoektermijn, onder begeleiding.",
        ),
        kern="gemeenten een aanpak als het Bouwdepot toe te staan naast de bijstand",
        uitleg=(
            "Gemeenten voeren de bijstand uit in medebewind en mogen geen eigen inkomensbeleid voeren dat de "
            "landelijke normen doorkruist; dat beginsel beschermt de rechtsgelijkheid tussen inwoners van "
            "verschillende gemeenten. De zoektermijn kan al worden overgeslagen bij jongeren die niet in staat "
            "zijn werk te zoeken, en het kabinet verduidelijkt die uitzondering.",
        ),
        toezeggingen=(
            ("Een experimenteerbepaling wordt voorbereid waarmee gemeenten het Bouwdepot drie jaar kunnen "
             "beproeven.", "Directie Participatie en Decentrale Voorzieningen, {eigenaar}"),
            ("De uitzondering op de zoektermijn voor kwetsbare jongeren wordt in een circulaire toegelicht.",
             "Directie Participatie en Decentrale Voorzieningen, {eigenaar}"),
        ),
        oorzaken=("departementen-domineren", "kennis-professionals-onbenut"),
        aantal=(20, 600),
        noodrem=0.06,
    ),
    Casus(
        sleutel="pw-bijverdienen",
        regeling="BWBR0015703",
        indieners=GEMEENTEN,
        titels=(
            "Parttime werken naast de bijstand levert in {plaats} vooral schulden op",
            "Maandelijkse verrekening van inkomsten ontmoedigt werk in de bijstand ({plaats})",
        ),
        praktijk=(
            "Inwoners van {plaats} die naast de bijstand een paar uur werken, moeten elke maand hun loonstrook "
            "inleveren. De verrekening loopt een maand achter, waardoor ze in sommige maanden te veel krijgen en "
            "het later terug moeten betalen, gemiddeld {bedrag}. {collega} ziet dat mensen stoppen met werken.",
        ),
        getroffen=("Bijstandsgerechtigden met parttime of flexibel werk.",),
        voorstellen=(
            "Verreken inkomsten per kwartaal en laat kleine verschillen onder een drempel buiten beschouwing.",
        ),
        kern="inkomsten in de bijstand per kwartaal te verrekenen",
        uitleg=(
            "Kwartaalverrekening betekent dat mensen met een dalend inkomen drie maanden te weinig bijstand "
            "krijgen; de bijstand moet juist in de maand zelf voorzien in het bestaansminimum. Het kabinet "
            "werkt wel aan een drempel waaronder verschillen niet worden teruggevorderd.",
        ),
        toezeggingen=(
            ("Verschillen tot een vast bedrag per maand worden niet meer teruggevorderd.",
             "Directie Participatie en Decentrale Voorzieningen, {eigenaar}"),
            ("Gemeente en werkgevers leveren loongegevens voortaan automatisch aan.",
             "Afdeling Werk en Inkomen, gemeente {stad}"),
        ),
        oorzaken=("complexe-regels", "geen-evaluatie"),
        bedragen=(150, 1800),
    ),
    Casus(
        sleutel="toeslagen-terugvordering",
        regeling="BWBR0018472",
        indieners=("toeslagen",),
        titels=(
            "Terugvordering toeslagen na inkomensstijging van een paar honderd euro ({plaats})",
            "Huishoudens met wisselend inkomen krijgen jaarlijks toeslagschuld van {bedrag}",
            "Toeslagschuld na definitieve berekening treft gezinnen in de regio {plaats}",
        ),
        praktijk=(
            "Bij de definitieve berekening blijkt het inkomen vaak iets hoger dan geschat. Huishoudens met "
            "flexwerk krijgen dan een terugvordering van gemiddeld {bedrag}. In {periode} gingen in de regio "
            "{plaats} {aantal} gezinnen daardoor een betalingsregeling aan; {collega} ziet dat een deel al "
            "schulden had.",
            "Mensen geven een inkomensschatting op die ze niet kunnen weten. Wie een paar maanden extra werkt, "
            "moet achteraf honderden tot duizenden euro's terugbetalen. Het stelsel van voorschotten werkt "
            "voor stabiele inkomens, niet voor de {aantal} huishoudens met wisselende uren die wij zien.",
        ),
        getroffen=(
            "Huishoudens met toeslagen en een wisselend inkomen, zoals flexwerkers en zzp'ers.",
            "Gezinnen met huur-, zorg- of kinderopvangtoeslag en een inkomen rond de grens.",
        ),
        voorstellen=(
            "Vorder kleine bedragen niet terug en bied standaard een betalingsregeling aan die past bij de "
            "beslagvrije voet.",
            "Verhoog de drempel waaronder niet wordt teruggevorderd en schel terugvorderingen kwijt bij "
            "huishoudens in de schuldhulpverlening.",
        ),
        kern=("kleine toeslagschulden niet terug te vorderen en betalingsregelingen af te stemmen op de "
              "beslagvrije voet"),
        artikelen=("art. 26", ""),
        uitleg=(
            "Een hogere drempel geldt voor iedereen, ook voor huishoudens die de terugvordering gemakkelijk "
            "kunnen betalen, en kost jaarlijks een bedrag dat elders in de begroting moet worden gevonden. Het "
            "kabinet kiest ervoor het toeslagenstelsel te vervangen; tot die tijd worden betalingsregelingen "
            "ruimer toegepast.",
            "De terugvordering volgt uit de keuze voor voorschotten op basis van een schatting. Zolang dat "
            "stelsel bestaat, is een uitzondering voor wisselende inkomens niet te onderscheiden van andere "
            "inkomensstijgingen zonder de uitvoering verder te belasten, wat de Dienst Toeslagen nu niet kan dragen.",
        ),
        toezeggingen=(
            ("Betalingsregelingen worden standaard berekend met de beslagvrije voet als ondergrens.",
             "Dienst Toeslagen, directie Invordering"),
            ("Bij een sterke inkomensstijging krijgen huishoudens een signaal om hun schatting aan te passen.",
             "Dienst Toeslagen, team Dienstverlening {plaats}"),
            ("De drempel voor terugvordering wordt verhoogd in de eerstvolgende verzamelwet.",
             "Directie Algemene Fiscale Politiek, {eigenaar}"),
        ),
        oorzaken=("complexe-regels", "uitvoering-verwaarloosd", "geen-evaluatie"),
        bedragen=(300, 5000),
        aantal=(200, 9000),
        noodrem=0.05,
        gewicht=4,
    ),
    Casus(
        sleutel="kinderopvangtoeslag",
        regeling="BWBR0017017",
        indieners=("toeslagen",),
        titels=(
            "Hele kinderopvangtoeslag terug door fout van opvanglocatie ({plaats})",
            "Ouders betalen {bedrag} terug omdat opvang niet goed geregistreerd stond",
        ),
        praktijk=(
            "Als een kinderopvanglocatie niet of onjuist in het landelijk register staat, vervalt het recht "
            "op kinderopvangtoeslag over de hele periode. Ouders in {plaats} kregen terugvorderingen tot "
            "{bedrag}, terwijl zij de fout niet konden zien. {collega} behandelde in {periode} {aantal} van "
            "zulke bezwaren.",
        ),
        getroffen=("Ouders met kinderopvangtoeslag bij een opvanglocatie met een registratiefout.",),
        voorstellen=(
            "Laat het recht op toeslag niet vervallen door een registratiefout die de ouder niet kon kennen; "
            "spreek de opvangorganisatie aan.",
        ),
        kern="ouders niet te laten opdraaien voor registratiefouten van de opvang",
        uitleg=(
            "De registratie-eis beschermt de kwaliteit en veiligheid van de opvang. Een uitzondering voor "
            "ouders te goeder trouw vraagt een beoordeling per geval die de uitvoering niet aankan. De "
            "terugvorderingsregels zelf vallen onder de Awir, waarover het ministerie van Financiën gaat.",
        ),
        toezeggingen=(
            ("Ouders met een terugvordering door een registratiefout krijgen de toeslag terug als zij te goeder "
             "trouw waren.", "Directie Kinderopvang, {eigenaar}"),
            ("Het landelijk register toont ouders voortaan direct of hun opvanglocatie geregistreerd is.",
             "Directie Kinderopvang, {eigenaar}"),
        ),
        oorzaken=("complexe-regels", "signalen-niet-afgehandeld"),
        bedragen=(1200, 14000),
        aantal=(20, 1500),
        doorsturen=("fin", "De terugvordering volgt uit de Awir; het ministerie van Financiën is eigenaar van die "
                           "regels en beantwoordt dit signaal."),
    ),
    Casus(
        sleutel="zorgtoeslag-vermogen",
        regeling="BWBR0018451",
        indieners=("toeslagen",),
        titels=(
            "Zorgtoeslag vervalt volledig bij vermogen net boven de grens ({plaats})",
            "Spaargeld voor uitvaart kost ouderen hun zorgtoeslag",
        ),
        praktijk=(
            "Wie op de peildatum een paar euro meer vermogen heeft dan de grens, verliest de hele zorgtoeslag "
            "over dat jaar, ruim {bedrag}. {collega} in {plaats} spreekt vooral ouderen die spaarden voor hun "
            "uitvaart. In {periode} ging het om {aantal} terugvorderingen.",
        ),
        getroffen=("Huishoudens met een laag inkomen en een klein vermogen rond de vermogensgrens.",),
        voorstellen=("Vervang de harde vermogensgrens door een geleidelijke afbouw van de toeslag.",),
        kern="de harde vermogensgrens van de zorgtoeslag te vervangen door een geleidelijke afbouw",
        uitleg=(
            "Een geleidelijke afbouw maakt de berekening voor iedereen ingewikkelder en vraagt gegevens over "
            "vermogen die pas laat beschikbaar zijn, waardoor voorschotten minder nauwkeurig worden. De "
            "vermogensgrens is per 2024 al flink verhoogd; het effect daarvan wordt eerst gemeten.",
        ),
        toezeggingen=(
            ("Het effect van de verhoogde vermogensgrens op terugvorderingen wordt onderzocht en met de Kamer "
             "gedeeld.", "Directie Zorgverzekeringen, {eigenaar}"),
        ),
        oorzaken=("complexe-regels", "geen-evaluatie"),
        bedragen=(1200, 1600),
        aantal=(100, 5000),
        gewicht=1,
        doorsturen=("fin", "De vermogenstoets volgt uit de Awir, waarvoor het ministerie van Financiën "
                           "verantwoordelijk is; Financiën beantwoordt dit signaal."),
    ),
    Casus(
        sleutel="kgb-alleenstaande",
        regeling="BWBR0022751",
        indieners=("toeslagen",),
        titels=(
            "Alleenstaande ouders verliezen kindgebonden budget bij tijdelijke inwoning ({plaats})",
        ),
        praktijk=(
            "Een alleenstaande ouder die tijdelijk een broer of vriend laat inwonen, kan als partner worden "
            "aangemerkt en verliest de verhoging voor alleenstaande ouders, tot {bedrag} per jaar. {collega} "
            "in {plaats} ziet dat ouders daarom geen hulp in huis durven te nemen.",
        ),
        getroffen=("Alleenstaande ouders met kindgebonden budget.",),
        voorstellen=("Tel een inwonende die geen partner is niet mee voor de alleenstaande-ouderkop.",),
        kern="een inwonende die geen partner is niet mee te tellen voor de alleenstaande-ouderkop",
        uitleg=(
            "Het partnerbegrip is voor alle toeslagen gelijk en komt uit de Awir en de fiscaliteit; een eigen "
            "definitie voor het kindgebonden budget zou het stelsel verder versnipperen. De inwoning telt alleen "
            "mee bij een gezamenlijke inschrijving met een kind, en die uitleg wordt verduidelijkt.",
        ),
        toezeggingen=(
            ("Ouders krijgen bij een nieuwe inschrijving op hun adres eerst uitleg en gelegenheid tot reactie.",
             "Dienst Toeslagen, team Dienstverlening {plaats}"),
        ),
        oorzaken=("complexe-regels",),
        bedragen=(1500, 3500),
        gewicht=1,
    ),
    Casus(
        sleutel="invordering-beslagvrije-voet",
        regeling="BWBR0004770",
        indieners=("belastingdienst",),
        titels=(
            "Verrekening van belastingteruggaaf duwt mensen onder beslagvrije voet ({plaats})",
            "Betalingsregeling van twaalf maanden te kort voor mensen met schulden",
        ),
        praktijk=(
            "Teruggaven van inkomstenbelasting worden verrekend met openstaande schulden, ook als iemand al "
            "onder de beslagvrije voet leeft. {collega} in {plaats} ziet mensen die rekenden op {bedrag} en "
            "daarmee hun huur wilden betalen. Een betalingsregeling mag bovendien maximaal twaalf maanden duren.",
        ),
        getroffen=("Belastingplichtigen met meerdere schulden en een inkomen rond het sociaal minimum.",),
        voorstellen=(
            "Verreken niet als de schuldenaar onder de beslagvrije voet zou zakken, en sta betalingsregelingen "
            "tot 36 maanden toe.",
        ),
        kern="niet te verrekenen onder de beslagvrije voet en langere betalingsregelingen toe te staan",
        uitleg=(
            "Verrekening is voor de Belastingdienst een eenvoudige manier om schulden te innen zonder extra "
            "kosten voor de burger. Betalingsregelingen tot 24 maanden zijn al mogelijk in schrijnende "
            "gevallen; langer maakt de inning onzeker en botst met de regels voor gelijke behandeling van "
            "schuldeisers.",
        ),
        toezeggingen=(
            ("Bij verrekening wordt eerst getoetst of de beslagvrije voet wordt gerespecteerd.",
             "Belastingdienst, directie Invordering"),
            ("Betalingsregelingen tot 24 maanden worden het uitgangspunt bij mensen met meerdere schulden.",
             "Directie Algemene Fiscale Politiek, {eigenaar}"),
        ),
        oorzaken=("complexe-regels", "signalen-niet-afgehandeld"),
        bedragen=(200, 2500),
    ),
    Casus(
        sleutel="duo-draagkracht",
        regeling="BWBR0011453",
        indieners=("duo",),
        titels=(
            "Partnerinkomen telt mee bij aflossing studieschuld ({plaats})",
            "Oud-studenten met chronische ziekte lopen vast op terugbetaling studieschuld",
        ),
        praktijk=(
            "Bij de berekening van het maandbedrag voor de studieschuld telt het inkomen van de partner mee. "
            "{collega} in {plaats} spreekt oud-studenten die daardoor {bedrag} per maand moeten aflossen terwijl "
            "zij zelf nauwelijks inkomen hebben. In {periode} ging het om {aantal} verzoeken.",
            "Oud-studenten die door een chronische ziekte niet kunnen werken, moeten elk jaar opnieuw bewijzen "
            "dat zij geen draagkracht hebben. De formulieren zijn ingewikkeld en {collega} ziet dat "
            "achterstanden snel oplopen tot {bedrag}.",
        ),
        getroffen=("Oud-studenten met een studieschuld en een laag eigen inkomen.",),
        voorstellen=(
            "Laat het partnerinkomen buiten de draagkrachtberekening, en verleng de draagkrachtbeslissing voor "
            "chronisch zieken automatisch.",
        ),
        kern="het partnerinkomen buiten de draagkrachtberekening van de studieschuld te laten",
        artikelen=("hoofdstuk 6",),
        uitleg=(
            "Het meetellen van het partnerinkomen sluit aan bij andere inkomensafhankelijke regelingen en "
            "voorkomt dat huishoudens met een hoog gezamenlijk inkomen niet hoeven af te lossen. De afschaffing "
            "zou de opbrengst van de terugbetalingen met tientallen miljoenen per jaar verlagen.",
        ),
        toezeggingen=(
            ("Oud-studenten met een langdurige arbeidsbeperking krijgen een draagkrachtbeslissing van vijf jaar.",
             "DUO, afdeling Terugbetalen"),
            ("Het formulier voor draagkrachtmeting wordt met ervaringsdeskundigen vereenvoudigd.",
             "DUO, afdeling Dienstverlening {plaats}"),
        ),
        oorzaken=("complexe-regels", "kennis-professionals-onbenut"),
        bedragen=(80, 400),
        doorsturen=("duo", "De werkwijze bij draagkrachtmeting is uitvoeringsbeleid van DUO; DUO beantwoordt "
                           "dit signaal en betrekt OCW bij een wetswijziging."),
    ),
    Casus(
        sleutel="cbr-75plus",
        regeling="BWBR0008074",
        indieners=("cbr",),
        titels=(
            "75-plussers verliezen rijbewijs door wachttijd medische beoordeling ({plaats})",
            "Verlenging rijbewijs 75+ duurt {weken} weken; ouderen in {plaats} raken mobiliteit kwijt",
            "Eigen verklaring 75-plussers vastgelopen bij CBR in regio {plaats}",
        ),
        praktijk=(
            "75-plussers moeten voor verlenging van hun rijbewijs een eigen verklaring en vaak een medische "
            "keuring indienen. De behandeling duurt nu {weken} weken, waardoor het rijbewijs verloopt. "
            "{collega} spreekt ouderen in {plaats} die daardoor niet meer naar de dokter of de supermarkt kunnen.",
            "Het aantal eigen verklaringen is sterk gestegen en de medische beoordeling loopt achter. In "
            "{periode} verliepen in de regio {plaats} {aantal} rijbewijzen van 75-plussers terwijl hun "
            "aanvraag nog liep.",
        ),
        getroffen=(
            "Automobilisten van 75 jaar en ouder die hun rijbewijs willen verlengen.",
            "Ouderen op het platteland die afhankelijk zijn van hun auto.",
        ),
        voorstellen=(
            "Laat het rijbewijs geldig blijven zolang de aanvraag in behandeling is, en schaf de verplichte "
            "keuring op 75 jaar af zonder medische aanleiding.",
            "Verleng de geldigheid van het rijbewijs automatisch met een jaar als het CBR niet tijdig beslist.",
        ),
        kern="het rijbewijs geldig te laten blijven zolang de aanvraag bij het CBR loopt",
        uitleg=(
            "Een rijbewijs dat geldig blijft zonder beoordeling, betekent dat mensen blijven rijden van wie "
            "niet vaststaat dat zij rijgeschikt zijn; dat raakt de verkeersveiligheid en ook de Europese "
            "rijbewijsrichtlijn. Het probleem is de doorlooptijd, en daarvoor is een apart verbeterplan met "
            "het CBR afgesproken.",
            "De verplichte keuring op 75 jaar afschaffen vraagt een wijziging die pas na een onderzoek naar "
            "verkeersveiligheid kan worden afgewogen. Een tijdelijke verlenging van de geldigheid is in het "
            "verleden al ingezet en heeft de achterstand toen niet weggewerkt.",
        ),
        toezeggingen=(
            ("Het rijbewijs van 75-plussers blijft tijdelijk een jaar langer geldig als de aanvraag tijdig is "
             "ingediend.", "Directie Wegen en Verkeersveiligheid, {eigenaar}"),
            ("Het CBR zet extra artsen in en publiceert maandelijks de doorlooptijd van eigen verklaringen.",
             "CBR, divisie Rijgeschiktheid"),
            ("Aanvragers krijgen een bevestiging met de verwachte beslisdatum.", "CBR, klantenservice"),
        ),
        oorzaken=("uitvoering-verwaarloosd", "signalen-niet-afgehandeld", "blinde-vlek-kamer"),
        aantal=(300, 12000),
        noodrem=0.06,
        gewicht=4,
    ),
    Casus(
        sleutel="cbr-vordering",
        regeling="BWBR0006622",
        indieners=("cbr",),
        titels=(
            "Onderzoek rijgeschiktheid na vordering politie duurt {weken} weken ({plaats})",
            "Beroepschauffeurs in {plaats} maanden zonder werk door wachttijd CBR-onderzoek",
        ),
        praktijk=(
            "Na een vordering van de politie moet iemand zijn rijbewijs inleveren in afwachting van een "
            "onderzoek. De wachttijd is opgelopen tot {weken} weken. {collega} ziet beroepschauffeurs in "
            "{plaats} die hun baan verliezen, ook als het onderzoek later uitwijst dat zij wel mochten rijden.",
        ),
        getroffen=("Bestuurders bij wie de politie een onderzoek naar rijvaardigheid of geschiktheid vorderde.",),
        voorstellen=(
            "Stel een wettelijke maximale termijn voor het onderzoek en geef voorrang aan beroepschauffeurs.",
        ),
        kern="een maximale termijn voor het onderzoek naar rijgeschiktheid vast te leggen",
        artikelen=("art. 130; art. 131", "art. 131"),
        uitleg=(
            "Een wettelijke maximale termijn lost het tekort aan keuringsartsen niet op, en voorrang voor "
            "beroepschauffeurs gaat ten koste van andere aanvragers die evengoed afhankelijk zijn van hun "
            "rijbewijs. De oplossing ligt in de capaciteit van het CBR, waarvoor extra middelen zijn vrijgemaakt.",
        ),
        toezeggingen=(
            ("Het CBR plant onderzoeken na een vordering binnen zes weken in.", "CBR, divisie Vorderingen"),
        ),
        oorzaken=("uitvoering-verwaarloosd",),
        aantal=(50, 3000),
        doorsturen=("cbr", "De doorlooptijd van het onderzoek is een zaak van planning en capaciteit bij het "
                           "CBR; het CBR beantwoordt dit signaal."),
        gewicht=1,
    ),
    Casus(
        sleutel="ind-gezinshereniging",
        regeling="BWBR0011823",
        indieners=("ind",),
        titels=(
            "Beslistermijn gezinshereniging ruim overschreden; gezinnen maanden gescheiden ({plaats})",
            "Dwangsommen bij IND lopen op terwijl gezinnen wachten op nareis",
        ),
        praktijk=(
            "De beslistermijn voor aanvragen voor gezinshereniging wordt in {procent} procent van de zaken "
            "overschreden, gemiddeld met {maanden} maanden. Kinderen blijven al die tijd in onveilige "
            "situaties. {collega} ziet dat de dwangsommen de capaciteit verder belasten in plaats van helpen.",
        ),
        getroffen=("Statushouders en hun gezinsleden die in het buitenland wachten op nareis.",),
        voorstellen=(
            "Behandel aanvragen voor nareis van minderjarige kinderen met voorrang, en zet de dwangsommen "
            "om in extra capaciteit.",
        ),
        kern="nareisaanvragen van minderjarige kinderen met voorrang te behandelen",
        uitleg=(
            "Voorrang voor één groep betekent langere wachttijden voor andere aanvragers, onder wie asielzoekers "
            "die al jaren op een besluit wachten. De dwangsommen zijn een wettelijke waarborg voor tijdig beslissen "
            "die het kabinet niet eenzijdig kan omzetten.",
        ),
        toezeggingen=(
            ("Aanvragen voor nareis van kinderen jonger dan twaalf jaar krijgen voorrang in de planning.",
             "IND, directie Asiel en Bescherming"),
            ("De Kamer krijgt elk kwartaal de doorlooptijden van nareisaanvragen.",
             "Directoraat-generaal Migratie, {eigenaar}"),
        ),
        oorzaken=("uitvoering-verwaarloosd", "departementen-domineren"),
        aantal=(300, 8000),
        noodrem=0.08,
    ),
    Casus(
        sleutel="cjib-verhogingen",
        regeling="BWBR0004581",
        indieners=("cjib",),
        titels=(
            "Verkeersboete van {bedrag} verdubbelt voor mensen in de schuldhulpverlening",
            "Automatische verhogingen Wahv stapelen zich op bij mensen met schulden ({plaats})",
        ),
        praktijk=(
            "Wie een verkeersboete niet op tijd betaalt, krijgt automatisch een eerste en een tweede verhoging. "
            "Voor mensen met schulden loopt een boete van {bedrag} zo snel op. {collega} ziet in {plaats} mensen "
            "die al in een schuldregeling zitten en toch verhogingen krijgen omdat de post hen niet bereikt.",
        ),
        getroffen=("Mensen met problematische schulden en een openstaande verkeersboete.",),
        voorstellen=(
            "Zie af van verhogingen zodra iemand is aangemeld bij de schuldhulpverlening, en bel eerst voor een "
            "verhoging wordt opgelegd.",
        ),
        kern="verhogingen achterwege te laten bij mensen in de schuldhulpverlening",
        artikelen=("art. 23",),
        uitleg=(
            "De verhogingen zijn een prikkel om op tijd te betalen; zonder die prikkel daalt de betaalmoraal "
            "juist in een groep die al vaak niet betaalt. Het CJIB kan al een betalingsregeling en uitstel "
            "geven; de aanmelding bij schuldhulpverlening wordt daarvoor als grond erkend.",
        ),
        toezeggingen=(
            ("Het CJIB stopt de verhogingen zodra een schuldhulpverlener zich meldt.", "CJIB, afdeling Incasso"),
            ("Mensen met meerdere boetes worden gebeld voordat een verhoging wordt opgelegd.",
             "CJIB, Klantcontactcentrum"),
        ),
        oorzaken=("complexe-regels", "signalen-niet-afgehandeld"),
        bedragen=(40, 400),
        aantal=(500, 20000),
        noodrem=0.06,
        gewicht=3,
    ),
    Casus(
        sleutel="politie-digitale-aangifte",
        regeling="BWBR0001903",
        indieners=("politie",),
        titels=(
            "Senioren in {plaats} kunnen geen aangifte doen nu het vooral digitaal moet",
            "Agenten vullen digitale aangifte in namens ouderen ({plaats})",
        ),
        praktijk=(
            "Aangifte doen gaat steeds vaker alleen digitaal. Vooral senioren hebben daar moeite mee. Agenten "
            "in {plaats} werken om de regels heen: ze nodigen ouderen uit voor een gesprek en vullen het "
            "formulier namens hen in. Daar is geen capaciteit voor, en het gebeurt niet overal.",
            "{collega} in {plaats} ziet dat mensen zonder computer of DigiD afzien van aangifte van "
            "oplichting en inbraak. In {periode} belden {aantal} mensen die niet digitaal aangifte konden doen.",
        ),
        getroffen=(
            "Senioren en mensen zonder computer of digitale vaardigheden die aangifte willen doen.",
            "Burgers die laaggeletterd zijn of geen DigiD hebben.",
        ),
        voorstellen=(
            "Leg vast dat er voor senioren en andere groepen altijd een mogelijkheid is om analoog aangifte te "
            "doen, en maak daar capaciteit voor vrij.",
        ),
        kern="vast te leggen dat aangifte altijd ook analoog kan",
        artikelen=("art. 163",),
        uitleg=(
            "Aangifte op het bureau is altijd mogelijk gebleven; digitale aangifte is een extra kanaal voor "
            "eenvoudige delicten. Een wettelijke plicht om per groep een apart kanaal te bieden past niet in het "
            "Wetboek van Strafvordering, dat de vorm van de aangifte bewust open laat.",
        ),
        toezeggingen=(
            ("Elke basisteam biedt wekelijks een aangiftespreekuur op afspraak voor wie niet digitaal kan.",
             "Nationale Politie, eenheid {plaats}"),
            ("De telefonische aangifte wordt uitgebreid naar oplichting en woninginbraak.",
             "Directoraat-generaal Politie en Veiligheidsregio's, {eigenaar}"),
        ),
        oorzaken=("kennis-professionals-onbenut", "signalen-niet-afgehandeld"),
        aantal=(100, 5000),
        doorsturen=("politie", "De inrichting van het aangifteproces is een zaak van de korpschef; de politie "
                               "beantwoordt dit signaal."),
        gewicht=3,
    ),
    Casus(
        sleutel="cak-peiljaar",
        regeling="BWBR0035917",
        indieners=("cak",),
        titels=(
            "Eigen bijdrage Wlz gebaseerd op inkomen van twee jaar geleden ({plaats})",
            "Eigen bijdrage van {bedrag} per maand na pensionering niet meer te betalen",
        ),
        praktijk=(
            "De eigen bijdrage voor de Wlz wordt berekend op het inkomen van twee jaar eerder. Mensen die "
            "sindsdien met pensioen gingen of hun partner verloren, betalen {bedrag} per maand terwijl hun "
            "inkomen sterk is gedaald. {collega} ziet in {plaats} dat familie bijspringt of dat er schulden ontstaan.",
        ),
        getroffen=("Cliënten in de langdurige zorg van wie het inkomen sterk is gedaald.",),
        voorstellen=(
            "Bereken de eigen bijdrage op het actuele inkomen als dat ten minste {procent} procent lager is dan "
            "het peiljaar.",
        ),
        kern="de eigen bijdrage te baseren op het actuele inkomen bij een sterke inkomensdaling",
        uitleg=(
            "Er bestaat al een verzoek om een later peiljaar als het inkomen met meer dan 5.000 euro is gedaald; "
            "verlaging van die drempel vraagt een nieuwe gegevensuitwisseling met de Belastingdienst die pas "
            "over enkele jaren mogelijk is.",
        ),
        toezeggingen=(
            ("Cliënten krijgen bij de eerste factuur een brief over het verzoek om een later peiljaar.",
             "CAK, afdeling Klantcontact"),
            ("De drempel voor een later peiljaar wordt verlaagd.", "Directie Langdurige Zorg, {eigenaar}"),
        ),
        oorzaken=("complexe-regels",),
        bedragen=(300, 2400),
        aantal=(100, 4000),
    ),
    Casus(
        sleutel="cak-wanbetalers",
        regeling="BWBR0018450",
        indieners=("cak",),
        titels=(
            "Bestuursrechtelijke premie van 130 procent verergert schulden ({plaats})",
            "Wanbetalersregeling zorgverzekering duwt gezinnen in {plaats} dieper in de schulden",
        ),
        praktijk=(
            "Wie zes maanden zorgpremie niet betaalt, komt in de wanbetalersregeling en betaalt een hogere "
            "bestuursrechtelijke premie die via loonbeslag wordt geïnd. Voor de {aantal} mensen die wij in "
            "{plaats} in de regeling hebben, maakt dat de schuld alleen groter.",
        ),
        getroffen=("Verzekerden met een premieachterstand van zes maanden of meer.",),
        voorstellen=(
            "Verlaag de bestuursrechtelijke premie tot de gewone premie voor mensen in de schuldhulpverlening.",
        ),
        kern="de bestuursrechtelijke premie te verlagen tot de gewone premie",
        artikelen=("art. 18a tot en met 18f",),
        uitleg=(
            "De hogere premie is bedoeld om te voorkomen dat wanbetalen loont ten opzichte van betalen. Wie in "
            "de schuldhulpverlening zit, kan de regeling al verlaten; de aansluiting met gemeenten wordt "
            "verbeterd zodat dat sneller gebeurt.",
        ),
        toezeggingen=(
            ("Mensen die zich bij schuldhulpverlening melden, verlaten de regeling binnen een maand.",
             "Directie Zorgverzekeringen, {eigenaar}"),
        ),
        oorzaken=("complexe-regels", "geen-evaluatie"),
        aantal=(200, 9000),
        gewicht=1,
    ),
    Casus(
        sleutel="wmo-huishoudelijke-hulp",
        regeling="BWBR0035362",
        indieners=GEMEENTEN,
        titels=(
            "Wachtlijst huishoudelijke hulp in {plaats} loopt op tot {weken} weken",
            "Abonnementstarief Wmo trekt vraag aan en verdringt kwetsbare inwoners ({plaats})",
        ),
        praktijk=(
            "Sinds het abonnementstarief vragen veel meer inwoners huishoudelijke hulp aan, ook met een hoog "
            "inkomen. In {plaats} staan {aantal} mensen op de wachtlijst; kwetsbare ouderen wachten {weken} "
            "weken. {collega} in het wijkteam moet kiezen wie eerst gaat.",
        ),
        getroffen=("Kwetsbare inwoners die huishoudelijke hulp nodig hebben.",),
        voorstellen=("Maak de eigen bijdrage voor huishoudelijke hulp weer inkomensafhankelijk.",),
        kern="de eigen bijdrage voor huishoudelijke hulp weer inkomensafhankelijk te maken",
        artikelen=("art. 2.3.5", ""),
        uitleg=(
            "Het kabinet bereidt al een inkomensafhankelijke eigen bijdrage voor; die vraagt een wetswijziging en "
            "aanpassing van de systemen bij het CAK. Een snellere invoering zou gemeenten en het CAK dwingen "
            "halfbakken systemen in gebruik te nemen, met foute facturen als gevolg.",
        ),
        toezeggingen=(
            ("Het wetsvoorstel voor een inkomensafhankelijke eigen bijdrage wordt aan de Kamer gestuurd.",
             "Directie Maatschappelijke Ondersteuning, {eigenaar}"),
            ("De gemeente geeft voorrang aan inwoners met een hoge zorgbehoefte.", "Wijkteams {plaats}"),
        ),
        oorzaken=("geen-evaluatie", "blinde-vlek-kamer"),
        aantal=(100, 2500),
    ),
    Casus(
        sleutel="jeugd-wachttijden",
        regeling="BWBR0034925",
        indieners=GEMEENTEN,
        titels=(
            "Wachttijd specialistische jeugdhulp in {plaats} {weken} weken",
            "Jongeren in crisis wachten maanden op jeugd-ggz ({plaats})",
        ),
        praktijk=(
            "De wachttijd voor specialistische jeugd-ggz is in {plaats} opgelopen tot {weken} weken. Het "
            "wijkteam overbrugt met lichte hulp, maar {collega} ziet jongeren die intussen uitvallen op school "
            "of in een crisis belanden.",
        ),
        getroffen=("Kinderen en jongeren met ernstige psychische problemen en hun ouders.",),
        voorstellen=("Organiseer specialistische jeugdhulp regionaal met landelijk gegarandeerde capaciteit.",),
        kern="specialistische jeugdhulp regionaal te organiseren met gegarandeerde capaciteit",
        uitleg=(
            "De Hervormingsagenda Jeugd regelt al dat specialistische jeugdhulp regionaal wordt ingekocht; een "
            "landelijke capaciteitsgarantie zou gemeenten hun verantwoordelijkheid ontnemen zonder dat er meer "
            "behandelaars komen.",
        ),
        toezeggingen=(
            ("De regio's rapporteren elk half jaar over wachttijden in de specialistische jeugdhulp.",
             "Directie Jeugd, {eigenaar}"),
        ),
        oorzaken=("uitvoering-verwaarloosd", "geen-evaluatie"),
        aantal=(50, 1500),
        noodrem=0.08,
    ),
    Casus(
        sleutel="awb-bezwaartermijn",
        regeling="BWBR0005537",
        indieners=("uwv", "toeslagen", "duo", "cjib", "svb") + GEMEENTEN,
        titels=(
            "Bezwaartermijn van zes weken te kort voor laaggeletterden ({plaats})",
            "Geen persoonlijk contact voor besluit: bezwaren stapelen zich op in {plaats}",
        ),
        praktijk=(
            "Veel mensen begrijpen onze brieven niet en maken pas bezwaar als de termijn van zes weken voorbij "
            "is. {collega} in {plaats} moet hun bezwaar dan niet-ontvankelijk verklaren, ook als het besluit "
            "aantoonbaar fout is. In {periode} ging het om {aantal} te late bezwaren.",
            "Als we een burger bellen voordat we een nadelig besluit nemen, voorkomen we veel bezwaren. Dat "
            "contact is nergens geregeld en gebeurt in {plaats} alleen als er tijd over is. Het aantal "
            "bezwaren groeide in {periode} met {procent} procent.",
        ),
        getroffen=("Burgers die laaggeletterd zijn of de Nederlandse taal niet goed beheersen.",),
        voorstellen=(
            "Geef bestuursorganen de plicht om te bellen voor een nadelig besluit, en behandel een te laat "
            "bezwaar inhoudelijk als het besluit kennelijk onjuist is.",
        ),
        kern="een recht op persoonlijk contact voor een nadelig besluit in de Awb op te nemen",
        artikelen=("art. 6:7", "art. 6:11", "art. 3:4; art. 6:7"),
        uitleg=(
            "Het wetsvoorstel versterking waarborgfunctie Awb regelt al een recht op persoonlijk contact en "
            "meer ruimte om een te laat bezwaar te behandelen. Een aparte plicht om voor elk nadelig besluit "
            "te bellen, zou bestuursorganen met miljoenen besluiten per jaar vastzetten.",
        ),
        toezeggingen=(
            ("De memorie van toelichting bij de versterking van de waarborgfunctie werkt uit wanneer een te "
             "laat bezwaar toch inhoudelijk wordt behandeld.", "Directie Wetgeving en Juridische Zaken, {eigenaar}"),
            ("Het bestuursorgaan belt voortaan bij nadelige besluiten boven een drempelbedrag.",
             "Afdeling Bezwaar, {org}"),
        ),
        oorzaken=("complexe-regels", "blinde-vlek-kamer"),
        aantal=(100, 6000),
        doorsturen=("bzk", "Dienstverlening en het recht op persoonlijk contact vallen onder het programma "
                           "Werk aan Uitvoering van BZK; BZK beantwoordt dit signaal."),
        gewicht=3,
    ),
)
