"""Demo knelpunten: the demo signals of one case bundled by the owner's handler, each with
what it means for policy in plain Dutch, made through ``schakel.knelpunten.services`` so the
agenda thresholds are evaluated as in real use (some cross them, some do not).

Deterministic: the signals of a case are taken in filing order, and each knelpunt is made
one hour after the last signal it bundles (the handler's working day), never in the future.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from schakel.accounts.models import Rol, User
from schakel.core import clock
from schakel.signalen import rechten as signaalrechten
from schakel.signalen.models import Signaal


@dataclass(frozen=True)
class DemoKnelpunt:
    casus: str  # Casus.sleutel whose signals it bundles
    titel: str
    beleidsbetekenis: str
    dilemma: str = ""
    max_signalen: int = 40  # a small cap keeps some knelpunten below the thresholds


DEMO_KNELPUNTEN: tuple[DemoKnelpunt, ...] = (
    DemoKnelpunt(
        "wia-voorschot", "Terugvordering WIA-voorschot na een te laat besluit",
        "Wie te lang op een WIA-besluit wacht, krijgt een voorschot en moet het verschil later in één keer "
        "terugbetalen. De vertraging ligt bij de uitvoering, maar de schuld komt bij mensen die al ziek zijn en "
        "vaak weinig geld hebben. Zolang de wet verrekening voorschrijft, kan UWV daar niets aan doen: de Kamer "
        "moet kiezen of een te laat besluit nog tot terugvordering mag leiden.",
        "Afzien van terugvordering kost geld en kan mensen belonen die te veel voorschot kregen; vasthouden "
        "aan de regel laat mensen opdraaien voor een vertraging die zij niet veroorzaakten.",
    ),
    DemoKnelpunt(
        "cbr-75plus", "Ouderen verliezen hun rijbewijs door wachttijd bij de keuring",
        "Mensen van 75 jaar en ouder moeten voor een nieuw rijbewijs gekeurd worden. Omdat het CBR de "
        "keuringen niet op tijd beoordeelt, verloopt het rijbewijs terwijl de aanvraag nog loopt. Ouderen "
        "kunnen dan niet meer naar de dokter, hun familie of vrijwilligerswerk. Het probleem zit in de regel "
        "dat het oude rijbewijs niet geldig blijft zolang de aanvraag loopt.",
        "Het rijbewijs langer geldig laten is goed voor de mobiliteit van ouderen, maar betekent dat iemand "
        "soms rijdt terwijl nog niet vaststaat dat hij dat veilig kan.",
    ),
    DemoKnelpunt(
        "pw-kostendelersnorm", "Kostendelersnorm ontmoedigt tijdelijke opvang van familie",
        "Wie in de bijstand een familielid tijdelijk in huis neemt, krijgt een lagere uitkering door de "
        "kostendelersnorm. Gemeenten zien dat mensen daardoor dakloze kinderen of broers niet meer opvangen, of "
        "de opvang verzwijgen. De wet geeft gemeenten geen ruimte om bij tijdelijke opvang van de norm af te "
        "wijken; dat kan alleen de wetgever veranderen.",
        "Een uitzondering voor opvang voorkomt dakloosheid, maar maakt de bijstand ingewikkelder en vraagt "
        "controle op wat 'tijdelijk' is.",
    ),
    DemoKnelpunt(
        "toeslagen-terugvordering", "Terugvordering van kleine toeslagbedragen zet mensen klem",
        "De Dienst Toeslagen moet ook kleine bedragen terugvorderen en kan betalingsregelingen maar beperkt "
        "aanpassen aan wat iemand kan betalen. Mensen met een laag inkomen krijgen zo steeds nieuwe schulden bij "
        "de overheid, terwijl het innen vaak meer kost dan het oplevert. De Kamer moet bepalen of er een "
        "ondergrens komt en of de regeling meer maatwerk mag bieden.",
        "Een ondergrens scheelt mensen en de uitvoering veel werk, maar betekent dat te veel betaalde toeslag "
        "soms niet terugkomt.",
    ),
    DemoKnelpunt(
        "invordering-beslagvrije-voet", "Verrekening onder de beslagvrije voet",
        "Bij verrekening van belastingschulden blijft er soms minder over dan het bestaansminimum, omdat de "
        "beslagvrije voet bij verrekening niet geldt. Mensen kunnen dan hun huur of boodschappen niet betalen "
        "en raken dieper in de schulden. Dit volgt uit de Invorderingswet zelf; de Belastingdienst kan er in "
        "de uitvoering maar beperkt van afwijken.",
        max_signalen=6,
    ),
    DemoKnelpunt(
        "wajong-extraatje", "Eenmalige extraatjes van de werkgever gekort op de Wajong",
        "Jonggehandicapten die werken en van hun werkgever een eenmalige bonus of cadeaubon krijgen, zien dat "
        "bedrag direct gekort op hun Wajong-uitkering. Werken moet lonen, maar voor deze groep voelt een "
        "beloning als straf. De regels voor verrekening maken geen onderscheid tussen loon en een eenmalig "
        "extraatje.",
        max_signalen=4,
    ),
    DemoKnelpunt(
        "jeugd-wachttijden", "Lange wachttijden voor specialistische jeugdhulp",
        "Kinderen die specialistische jeugdhulp nodig hebben, wachten in veel gemeenten maanden. Gemeenten "
        "kopen die hulp elk apart in en er is te weinig aanbod; problemen worden intussen groter. De Jeugdwet "
        "legt de verantwoordelijkheid bij elke gemeente afzonderlijk, terwijl deze zorg alleen regionaal of "
        "landelijk goed te organiseren is.",
        "Regionale inkoop met gegarandeerde capaciteit geeft kinderen sneller hulp, maar neemt gemeenten een "
        "deel van hun zeggenschap af.",
    ),
    DemoKnelpunt(
        "aow-opvang", "Lagere AOW bij tijdelijke opvang van een familielid",
        "Een AOW'er die een kind of kleinkind tijdelijk in huis neemt, bijvoorbeeld na een scheiding of "
        "huisuitzetting, kan als samenwonend worden gezien en krijgt dan een lagere AOW. Ouderen zeggen "
        "daardoor nee tegen familie die nergens anders terecht kan. De regels over een gezamenlijke huishouding "
        "maken geen uitzondering voor tijdelijke opvang.",
        max_signalen=3,
    ),
)


def _behandelaar(organisatie_id: int) -> User | None:
    return (User.objects.filter(organisatie_id=organisatie_id, rol=Rol.BEHANDELAAR, is_active=True)
            .order_by("id").first())


def maak_demo_knelpunten(signalen_per_casus: dict[str, list[Signaal]], *, nu: dt.datetime) -> list:
    """Bundle the demo signals of the cases in DEMO_KNELPUNTEN; returns the knelpunten made."""
    from schakel.knelpunten import services

    gemaakt = []
    for definitie in DEMO_KNELPUNTEN:
        signalen = sorted((s for s in signalen_per_casus.get(definitie.casus, ()) if s.eigenaar_id is not None),
                          key=lambda s: (s.ingediend_op, s.pk))
        if not signalen:
            continue
        eigenaar_id = signalen[0].eigenaar_id
        actor = _behandelaar(eigenaar_id)
        if actor is None:
            continue
        # The owner's handler bundles what it handles or may see (a forwarded, closed signal stays out).
        leden = [s for s in signalen if s.eigenaar_id == eigenaar_id or signaalrechten.mag_inzien(actor, s)]
        leden = leden[:definitie.max_signalen]
        moment = min(max(s.ingediend_op for s in leden) + dt.timedelta(hours=1), nu - dt.timedelta(minutes=1))
        with clock.travel(moment):
            gemaakt.append(services.maak(actor=actor, signalen=leden, titel=definitie.titel,
                                         beleidsbetekenis=definitie.beleidsbetekenis, dilemma=definitie.dilemma))
    return gemaakt
