"""The principals and objects of the authorisation matrix (see test_autorisatiematrix.py)."""

from __future__ import annotations

import datetime as dt
import uuid
from types import SimpleNamespace

from django.urls import URLPattern, URLResolver, get_resolver

from schakel.accounts.models import Rol, User
from schakel.signalen import services
from schakel.signalen.models import Toezegging

from ..conftest import GOEDE_UITLEG

# Column order of every matrix row: anonymous, then per role a user of an organisation
# involved in the signal ("+": the filer's organisation for a melder, the owner for the
# others, the owner's committee for the griffie) and one of an uninvolved organisation ("-").
KOLOMMEN = ("anoniem", "melder+", "melder-", "behandelaar+", "behandelaar-", "bestuur+", "bestuur-",
            "bewindspersoon+", "bewindspersoon-", "griffie+", "griffie-")

ONBEKEND = uuid.UUID("00000000-0000-4000-8000-000000000000")


def gebruikers(wereld) -> dict[str, User | None]:
    def maak(naam, rol, organisatie):
        return User.objects.create_user(username=naam, password="geheim-wachtwoord-123", rol=rol,
                                        organisatie=organisatie)

    return {
        "anoniem": None,
        "melder+": wereld.melder_uwv, "melder-": wereld.melder_cbr,
        "behandelaar+": wereld.behandelaar_szw, "behandelaar-": wereld.behandelaar_ienw,
        "bestuur+": maak("bestuur-szw", Rol.BESTUUR, wereld.szw), "bestuur-": maak("bestuur-cbr", Rol.BESTUUR, wereld.cbr),
        "bewindspersoon+": wereld.minister_szw,
        "bewindspersoon-": maak("minister-ienw", Rol.BEWINDSPERSOON, wereld.ienw),
        "griffie+": wereld.griffie_szw, "griffie-": maak("griffie-ienw", Rol.GRIFFIE, wereld.cie_ienw),
    }


def objecten(wereld) -> SimpleNamespace:
    """A non-public signal of UWV owned by SZW, still open; and a second one answered with a commitment."""
    def dien_in(titel):
        s = services.dien_in(
            indiener=wereld.melder_uwv, titel=titel, regeling=wereld.wia, artikelen="art. 35",
            praktijk="Mensen met schulden moeten een voorschot in één keer terugbetalen en raken verder in de "
                     "problemen.", getroffen_burgers="WIA-aanvragers met schulden", aantal_getroffen=100)
        type(s).objects.filter(pk=s.pk).update(openbaar=False)
        s.refresh_from_db()
        return s

    open_signaal = dien_in("Terugvordering voorschot WIA treft mensen met schulden")
    beantwoord = dien_in("Beslagvrije voet wordt te laat herberekend")
    services.reageer(beantwoord, actor=wereld.behandelaar_szw, besluit="overnemen", toelichting_tekst=GOEDE_UITLEG,
                     toezeggingen=[services.NieuweToezegging("Regel aanpassen", "Directie WI", dt.date(2026, 6, 30))])
    o = SimpleNamespace(signaal=open_signaal, beantwoord=beantwoord,
                        toezegging=Toezegging.objects.get(signaal=beantwoord), wereld=wereld)
    _maak_domeinobjecten(o, wereld)
    return o


def _maak_domeinobjecten(o: SimpleNamespace, wereld) -> None:
    """Real objects for the routes of the later apps, each involving the "+" organisations (UWV, SZW).

    * a proposal of SZW (committee cie-szw) with a uitvoeringstoets asked of UWV, and a post-implementation
      review of the WIA with UWV's report asked;
    * a knelpunt of SZW bundling the open (non-public) signal;
    * a professional's brake against an instruction of SZW pulled by UWV's melder (not anonymous), and a citizen's
      return sticker to UWV;
    * a Maatwerkplaats case of UWV's team (brought in by UWV's melder).
    """
    from schakel.knelpunten import services as knelpunten
    from schakel.maatwerkplaats import services as maatwerkplaats
    from schakel.noodrem import professional as noodremprofessional, retourstickers as noodremretour
    from schakel.noodrem.models import Beginsel
    from schakel.toetsen import services as toetsen
    from schakel.toetsen.models import VoorstelSoort
    from schakel.toetsen.termijnen import run_toets_sweep

    from ..knelpunten.conftest import BETEKENIS
    from ..maatwerkplaats.conftest import CASUS

    o.voorstel = toetsen.registreer(
        actor=wereld.behandelaar_szw, soort=VoorstelSoort.AMENDEMENT, kamerstuk="36 123, nr. 5",
        titel="Amendement: WIA-voorschot in termijnen terugbetalen",
        omschrijving="Het voorschot op de WIA-uitkering wordt in termijnen terugbetaald, naar draagkracht.",
        ministerie=wereld.szw, kamercommissie=wereld.cie_szw, regelingen=[wereld.wia], uitvoerders=[wereld.uwv])
    o.toets = o.voorstel.uitvoeringstoetsen.get(organisatie=wereld.uwv)
    o.invoeringstoets, _ = toetsen.plan_invoeringstoets(actor=wereld.behandelaar_szw, regeling=wereld.wia,
                                                        inwerkingtreding=dt.date(2025, 3, 1))
    run_toets_sweep()
    o.rapportage = o.invoeringstoets.rapportages.get(organisatie=wereld.uwv)
    o.knelpunt = knelpunten.maak(actor=wereld.behandelaar_szw, signalen=[o.signaal],
                                 titel="Terugvordering WIA-voorschot ineens", beleidsbetekenis=BETEKENIS)
    o.noodrem, _ = noodremprofessional.trek_professional(
        gebruiker=wereld.melder_uwv, anoniem=False, praktijk_van=wereld.szw, regeling=wereld.wia,
        indienende_organisatie=wereld.uwv, titel="Uitkeringen worden stopgezet zonder hoor en wederhoor",
        praktijk="Bij een vermoeden van fraude zet het team de WIA-uitkering direct stop, zonder de burger te "
                 "horen. Mensen staan daardoor weken zonder inkomen.",
        moet_stoppen="Het direct stopzetten zonder dat de burger is gehoord.",
        getroffen_burgers="WIA-gerechtigden bij wie een fraudesignaal binnenkomt",
        beginselen=list(Beginsel.objects.filter(code__in=["evenredigheid", "zorgvuldigheid"])), artikelen="art. 27")
    o.retoursticker, _ = noodremretour.stuur_retoursticker(
        organisatie=wereld.uwv, brief="Besluit herbeoordeling WIA", reden="onbegrijpelijk",
        toelichting="Ik snap niet waarom mijn uitkering lager wordt.", contactgegevens="mevrouw De Vries, 06-12345678")
    o.casus = maatwerkplaats.breng_in(actor=wereld.melder_uwv, regeling=wereld.wia, **CASUS)


def url_namen() -> dict[str, URLPattern]:
    """Every named route of the project, as 'namespace:name' (the admin as one route, 'admin:index')."""
    namen: dict[str, URLPattern] = {}

    def loop(patronen, namespace):
        for p in patronen:
            if isinstance(p, URLResolver):
                if p.namespace == "admin":
                    continue
                ns = f"{namespace}:{p.namespace}" if namespace and p.namespace else (p.namespace or namespace)
                loop(p.url_patterns, ns)
            elif isinstance(p, URLPattern) and p.name:
                namen[f"{namespace}:{p.name}" if namespace else p.name] = p

    loop(get_resolver().url_patterns, "")
    namen["admin:index"] = None
    return namen
