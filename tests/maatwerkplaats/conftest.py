import datetime as dt

import pytest

from schakel.maatwerkplaats import services
from schakel.maatwerkplaats.models import Discipline, Grondslag, Reden

# Personal data a professional naturally writes down about one citizen; none of it may leave the team.
PERSOONSGEGEVENS = ["123456782", "NL91ABNA0417164300", "06-12345678", "j.jansen@example.nl", "1234 AB",
                    "Dorpsstraat 12", "12-03-1961"]
INTERN = "Mevrouw J. Jansen-de Vries, klantnummer K-88231"

CASUS = dict(
    titel="Terugvordering WIA-voorschot in één keer",
    artikel="art. 35",
    reden=Reden.TERUGVORDERING,
    wat_de_regel_vraagt="Het voorschot wordt bij toekenning in één keer verrekend met de nabetaling.",
    gevolg_voor_burger=("Mevrouw (BSN 123456782, IBAN NL91ABNA0417164300, tel. 06-12345678, j.jansen@example.nl, "
                        "Dorpsstraat 12, 1234 AB Utrecht, geboren 12-03-1961) houdt deze maand niets over voor de huur "
                        "en raakt in de schulden."),
    bedoeling_van_de_wet="Inkomenszekerheid bij arbeidsongeschiktheid; terugvordering mag niet tot armoede leiden.",
    interne_gegevens=INTERN,
)

CONCLUSIE = ("Het beraad vindt de verrekening in één keer onevenredig: de burger raakt in de schulden terwijl de wet "
             "inkomenszekerheid beoogt. Verreken in termijnen naar draagkracht.")


@pytest.fixture
def team(wereld):
    """UWV's team: two professionals, a legal handler, the board."""
    from schakel.accounts.models import Rol, User

    def user(naam, rol):
        return User.objects.create_user(username=naam, password="geheim-wachtwoord-123", rol=rol,
                                        organisatie=wereld.uwv, first_name=naam.capitalize())

    wereld.jurist_uwv = user("jurist-uwv", Rol.BEHANDELAAR)
    wereld.frontlijn_uwv = user("frontlijn-uwv", Rol.MELDER)
    return wereld


def breng_in(actor, regeling, **kw):
    return services.breng_in(actor=actor, regeling=regeling, **{**CASUS, **kw})


@pytest.fixture
def casus(team):
    return breng_in(team.melder_uwv, team.wia)


def doorloop_beraad(w, casus, *, openbaar=True, fix_aanbevolen=True):
    from schakel.noodrem.models import Beginsel

    beraad = services.plan_beraad(casus, actor=w.melder_uwv, gepland_op=dt.date(2026, 3, 13),
                                  deelnemers=[(w.jurist_uwv, Discipline.JURIDISCH),
                                              (w.frontlijn_uwv, Discipline.FRONTLIJN)])
    services.geef_inbreng(beraad, actor=w.jurist_uwv, standpunt="Awb 3:4 lid 2 laat ruimte: de gevolgen zijn onevenredig.")
    services.geef_inbreng(beraad, actor=w.frontlijn_uwv, standpunt="Aan de balie zien we dit elke week; zij kan de huur niet betalen.")
    return services.stel_conclusie_vast(
        beraad, actor=w.jurist_uwv, tekst=CONCLUSIE + " Contact via 06-12345678.",
        beginselen=Beginsel.objects.filter(code__in=["evenredigheid", "zorgvuldigheid", "gelijkheid"]),
        fix_aanbevolen=fix_aanbevolen, openbaar=openbaar)


def ken_fix_toe(w, casus):
    return services.ken_fix_toe(casus, actor=w.jurist_uwv, wat="Terugbetaling in 24 maandelijkse termijnen.",
                                grondslag=Grondslag.EVENREDIGHEID,
                                onderbouwing="Verrekening in één keer is onevenredig in verhouding tot het doel.")
