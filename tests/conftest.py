"""Shared fixtures: a small world of organisations, regulations and users."""

from __future__ import annotations

import datetime as dt

import pytest

from schakel.core import clock

# The text router fixtures (``model``, ``geen_model``, ``modellen``) and their training texts.
pytest_plugins = ["tests.routermodel"]

# A Wednesday in an ordinary week, far from holidays.
VANDAAG = dt.datetime(2026, 3, 11, 10, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(autouse=True)
def lege_cache():
    """Each test starts with an empty cache: rate-limit counters and cached feeds never leak."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def vaste_klok():
    """Every test runs at a known moment; tests move it with clock.travel()/freeze()."""
    clock.freeze(VANDAAG)
    yield VANDAAG
    clock.freeze(None)


def herstel_referentiedata():
    """Re-create the rows that migrations made (TCU causes, principles of good administration,
    content types and permissions).

    The flush that ends a transactional test empties every table, and serialized rollback
    does not bring the rows back for tests that start a live server; loading is idempotent.
    """
    from importlib import import_module

    from django.apps import apps as django_apps

    import_module("schakel.signalen.migrations.0002_oorzaken_en_zoekindex").laad_oorzaken(django_apps, None)
    import_module("schakel.noodrem.migrations.0002_beginselen").laad(django_apps, None)
    herstel_rechten()


def herstel_rechten():
    """Re-create content types and permissions (post_migrate's rows) when a flush took them, so
    that a live-server test can grant e.g. ``signalen.trieren``. One query when they are there."""
    from django.apps import apps as django_apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.management import create_contenttypes

    if Permission.objects.filter(codename="trieren", content_type__app_label="signalen").exists():
        return
    for app_config in django_apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)


@pytest.fixture
def wereld(db):
    """Organisations, regulations and one user per role, as a namespace."""
    herstel_referentiedata()
    from types import SimpleNamespace

    from schakel.accounts.models import Rol, User
    from schakel.organisaties.models import Kamer, Organisatie, OrganisatieSoort
    from schakel.regelingen.models import Regeling

    def org(afkorting, naam, soort, **kw):
        return Organisatie.objects.create(afkorting=afkorting, naam=naam, soort=soort, **kw)

    w = SimpleNamespace()
    w.cie_szw = org("cie-szw", "Vaste commissie voor Sociale Zaken en Werkgelegenheid",
                    OrganisatieSoort.KAMERCOMMISSIE, kamer=Kamer.TWEEDE_KAMER)
    w.cie_ienw = org("cie-ienw", "Vaste commissie voor Infrastructuur en Waterstaat",
                     OrganisatieSoort.KAMERCOMMISSIE, kamer=Kamer.TWEEDE_KAMER)
    w.szw = org("szw", "Ministerie van Sociale Zaken en Werkgelegenheid", OrganisatieSoort.MINISTERIE,
                kamercommissie=w.cie_szw)
    w.ienw = org("ienw", "Ministerie van Infrastructuur en Waterstaat", OrganisatieSoort.MINISTERIE,
                 kamercommissie=w.cie_ienw)
    w.uwv = org("uwv", "Uitvoeringsinstituut Werknemersverzekeringen", OrganisatieSoort.UITVOERINGSORGANISATIE,
                opdrachtgever=w.szw)
    w.svb = org("svb", "Sociale Verzekeringsbank", OrganisatieSoort.UITVOERINGSORGANISATIE, opdrachtgever=w.szw)
    w.cbr = org("cbr", "Centraal Bureau Rijvaardigheidsbewijzen", OrganisatieSoort.UITVOERINGSORGANISATIE,
                opdrachtgever=w.ienw)
    w.wia = Regeling.objects.create(bwb_id="BWBR0019057", titel="Wet werk en inkomen naar arbeidsvermogen",
                                    citeertitel="Wet WIA", eigenaar=w.szw, kamercommissie=w.cie_szw)
    w.wia.uitvoerders.add(w.uwv)
    w.wvw = Regeling.objects.create(bwb_id="BWBR0006622", titel="Wegenverkeerswet 1994",
                                    citeertitel="Wegenverkeerswet 1994", eigenaar=w.ienw, kamercommissie=w.cie_ienw)
    w.wvw.uitvoerders.add(w.cbr)

    def user(naam, rol, organisatie):
        return User.objects.create_user(username=naam, password="geheim-wachtwoord-123", rol=rol,
                                        organisatie=organisatie, first_name=naam.capitalize())

    w.melder_uwv = user("melder-uwv", Rol.MELDER, w.uwv)
    w.melder_cbr = user("melder-cbr", Rol.MELDER, w.cbr)
    w.behandelaar_szw = user("behandelaar-szw", Rol.BEHANDELAAR, w.szw)
    w.behandelaar_ienw = user("behandelaar-ienw", Rol.BEHANDELAAR, w.ienw)
    w.behandelaar_svb = user("behandelaar-svb", Rol.BEHANDELAAR, w.svb)
    w.bestuur_uwv = user("bestuur-uwv", Rol.BESTUUR, w.uwv)
    w.minister_szw = user("minister-szw", Rol.BEWINDSPERSOON, w.szw)
    w.griffie_szw = user("griffie-szw", Rol.GRIFFIE, w.cie_szw)
    return w


GOEDE_UITLEG = (
    "Het voorstel vraagt om de terugvorderingsregel in artikel 35 te schrappen. Dat kan niet bij "
    "ministeriële regeling: de wet zelf schrijft verrekening voor. Wij nemen het mee in de "
    "wetswijziging van 2027 en melden de voortgang in de voortgangsbrief aan de commissie."
)


@pytest.fixture
def signaal(wereld):
    """An unanswered signal of UWV about the WIA, owned by SZW."""
    from schakel.signalen import services

    return services.dien_in(
        indiener=wereld.melder_uwv,
        titel="Terugvordering voorschot WIA treft mensen met schulden",
        praktijk="Mensen die een voorschot op hun WIA-uitkering kregen, moeten dat in één keer terugbetalen "
                 "zodra de uitkering wordt toegekend. Wie schulden heeft, raakt verder in de problemen.",
        getroffen_burgers="WIA-aanvragers met een voorschot en schulden",
        aantal_getroffen=1200,
        regeling=wereld.wia,
        artikelen="art. 35",
        verbetervoorstel="Sta terugbetaling in termijnen toe, afgestemd op de beslagvrije voet.",
    )


def _serialize_transactional_tests(items):
    """Give every transactional test ``serialized_rollback``.

    A transactional test ends with a flush that empties every table, including the rows
    data migrations made (TCU causes, principles). With serialized rollback Django restores
    them at the start of the next such test and skips re-creating content types on flush;
    mixing serialized and plain transactional tests breaks that (duplicate content types),
    so all of them serialize.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            item.add_marker(pytest.mark.django_db(*marker.args, **{**marker.kwargs, "serialized_rollback": True}),
                            append=False)


def pytest_collection_modifyitems(config, items):
    """Serialize transactional tests; skip ``postgres_only`` tests unless on PostgreSQL.

    ``scripts/test.sh`` runs the suite on both databases (and fails if these are skipped
    on PostgreSQL); locally: ``SCHAKEL_DB_ENGINE=postgresql``, see docs/development.md.
    """
    from django.conf import settings

    _serialize_transactional_tests(items)
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (SCHAKEL_DB_ENGINE=postgresql)")
    for item in items:
        if item.get_closest_marker("postgres_only"):
            item.add_marker(skip)
