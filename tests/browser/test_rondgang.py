"""A tour of every page for every demo role, as a new user meets Schakel.

On the demo data set, each role follows every link it is shown (one page of each kind) and
sends every form empty once. Every page and every error state must pass axe-core (WCAG 2.1
A/AA) without serious or critical violations; every page is photographed full-page at 1280
and at 400 px and may not be wider than the window. Screenshots and all axe findings land in
var/rondgang/ (a CI artefact, not in git).
"""

from __future__ import annotations

import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from .conftest import nieuw_tabblad
from .rondgang import BREEDTES, UITVOER, Verslag, axe_bron, bestandsnaam, volgen, vorm

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Every role of the demo (behandelaar.bzk has the triage permission), anonymous first; the
# administrator also tours /beheer/ (axe only: Django's admin is not made for phones).
ROLLEN = [None, "melder.uwv", "behandelaar.szw", "behandelaar.bzk", "bestuur.uwv", "minister.szw", "griffie.szw",
          "beheer"]
# Pages that only a shape would hide: the long names and words the outside audit found overflowing.
BEGIN = ["/", "/organisaties/uwv", "/regelingen/BWBR0008657", "/termijnen"]
MAX_PAGINAS = 60


def _aanmelden(context, live_server, gebruikersnaam):
    """Log in by session cookie (the administrator's second step included): the login form itself
    is toured as the anonymous visitor."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from schakel.accounts.models import User

    user = User.objects.get(username=gebruikersnaam)
    client = Client()
    client.force_login(user)
    apparaat = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if apparaat:
        sessie = client.session
        sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
        sessie.save()
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])


def _bezoek(page, pad, verslag, rol, axe, gezien) -> bool:
    """Check one page; False when it is no page or was checked before. A page whose main content
    another role already saw (the public pages) is not checked again."""
    wat = pad
    try:
        antwoord = page.goto(pad)
    except Exception as fout:  # a download, not a page
        if "Download is starting" in str(fout):
            return False
        raise
    if antwoord is None or "text/html" not in (antwoord.headers.get("content-type") or ""):
        return False
    if antwoord.status >= 400 and antwoord.status != 403:
        verslag.problemen.append(f"{rol} {wat}: HTTP {antwoord.status}")
    inhoud = page.evaluate(_INHOUD)
    if inhoud in gezien:
        return True
    gezien.add(inhoud)
    verslag.bezocht += 1
    t0 = time.monotonic()
    verslag.axe(page, rol, wat, axe)
    verslag.tijd["axe"] += time.monotonic() - t0
    if pad.startswith("/beheer/"):
        # Django's admin sets inline styles that the CSP blocks (harmless: its widgets still work);
        # kept in the findings, not counted as the tour's problems.
        verslag.bevindingen.extend({"rol": rol, "pagina": wat, "console": p} for p in page.problemen)
        page.problemen.clear()
        return True
    t0 = time.monotonic()
    for breedte in BREEDTES:
        page.set_viewport_size({"width": breedte, "height": 800})
        verslag.overloop(page, rol, wat, breedte)
        pad_png = UITVOER / rol / str(breedte) / f"{bestandsnaam(wat)}.jpg"
        pad_png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(pad_png), full_page=True, type="jpeg", quality=70)
    page.set_viewport_size({"width": BREEDTES[0], "height": 800})
    verslag.tijd["screenshots"] += time.monotonic() - t0
    return True


# The main content without its CSRF tokens: the same for every role on a public page.
_INHOUD = """() => { const main = document.querySelector('main');
    return main ? main.innerHTML.replace(/name="csrfmiddlewaretoken" value="[^"]*"/g, '') : location.pathname; }"""

# Forms that are not sent empty: logging out, and one-click actions without fields to fill.
_FORMULIEREN = """() => [...document.querySelectorAll('main form')].map((f, i) => [i, f])
    .filter(([i, f]) => f.method === 'post' && !/uitloggen/.test(f.action)
        && f.querySelector('input[type=text], input[type=number], input[type=date], input[type=password], textarea, select'))
    .map(([i, f]) => [i, f.action])"""

_LEEG_VERSTUREN = """(index) => {
    const form = document.querySelectorAll('main form')[index];
    form.noValidate = true;
    form.querySelectorAll('input[type=text], input[type=number], input[type=date], input[type=password], textarea')
        .forEach(e => { e.value = ''; });
    form.querySelectorAll('select').forEach(e => { e.selectedIndex = e.options[0] && e.options[0].value === '' ? 0 : e.selectedIndex; });
    form.querySelectorAll('input[type=checkbox], input[type=radio]').forEach(e => { e.checked = false; });
    const knop = form.querySelector('button[type=submit], button:not([type]), input[type=submit]');
    knop ? knop.click() : form.requestSubmit();
}"""


def _foutstaten(page, paden, verslag, rol, axe, gezien):
    for pad in paden:
        if pad.startswith("/beheer/"):
            continue
        page.goto(pad)
        for index, actie in page.evaluate(_FORMULIEREN):
            sleutel = vorm(actie.split("?")[0])
            if sleutel in gezien:
                continue
            gezien.add(sleutel)
            page.goto(pad)
            with page.expect_navigation():
                page.evaluate(_LEEG_VERSTUREN, index)
            wat = f"{pad} (leeg verstuurd naar {vorm(actie.split('://', 1)[-1].split('/', 1)[-1])})"
            verslag.axe(page, rol, wat, axe)
            verslag.overloop(page, rol, wat, BREEDTES[0])


def test_every_page_and_error_state_is_accessible_and_fits_a_phone(browser, live_server):
    axe = axe_bron()
    begin = time.monotonic()
    call_command("laad_demodata", aantal=24, stdout=StringIO(), stderr=StringIO())
    verslag = Verslag()
    formulieren_gezien: set[str] = set()
    inhoud_gezien: set[str] = set()
    for gebruikersnaam in ROLLEN:
        rol = gebruikersnaam or "anoniem"
        rol_begin = time.monotonic()
        context, page = nieuw_tabblad(browser, live_server.url)
        if gebruikersnaam:
            _aanmelden(context, live_server, gebruikersnaam)
        te_doen = list(BEGIN) + (["/beheer/"] if gebruikersnaam == "beheer" else [])
        vormen: set[str] = set()
        bezocht: list[str] = []
        while te_doen and len(bezocht) < MAX_PAGINAS:
            pad = te_doen.pop(0)
            if vorm(pad.split("?")[0]) in vormen:
                continue
            vormen.add(vorm(pad.split("?")[0]))
            if not _bezoek(page, pad, verslag, rol, axe, inhoud_gezien):
                continue
            bezocht.append(pad)
            for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
                volgend = volgen(href.split("#")[0], live_server.url, beheer=gebruikersnaam == "beheer")
                if volgend and vorm(volgend.split("?")[0]) not in vormen:
                    te_doen.append(volgend)
        _foutstaten(page, bezocht, verslag, rol, axe, formulieren_gezien)
        context.close()
        verslag.problemen.extend(f"{rol}: {p}" for p in page.problemen)
        print(f"{rol}: {len(bezocht)} pagina's in {time.monotonic() - rol_begin:.0f} s")
        verslag.bewaar()
    verslag.bewaar()
    duur = time.monotonic() - begin
    print(f"rondgang: {verslag.bezocht} pagina's, {len(formulieren_gezien)} foutstaten in {duur:.0f} s; "
          + ", ".join(f"{k} {v:.0f} s" for k, v in verslag.tijd.items()))
    assert verslag.bezocht > 100
    assert verslag.problemen == [], "\n".join(verslag.problemen)
