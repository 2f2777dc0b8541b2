"""The authorisation matrix: every page and API endpoint × every role × own/other organisation.

One table, ``MATRIX``, says for each (method, route) what each principal gets (columns:
``KOLOMMEN`` in matrix_basis.py). A test per row checks it; ``test_every_route_has_a_row``
enumerates the project's URL patterns, so a new page or endpoint without a row fails.

Subjects: a NON-public signal filed by UWV and owned by SZW, still open (signal routes), and
a second one answered with a commitment (commitment routes). POSTs send an empty body: an
allowed principal gets a validation error (400, or 200 with the form again), never a change;
the others get 401/403/404 or the login page (302).

The later apps have real subjects too (``matrix_basis._maak_domeinobjecten``): a proposal of
SZW with a uitvoeringstoets asked of UWV, a post-implementation review with UWV's report, a
knelpunt of SZW, a brake against SZW pulled by UWV's melder, a return sticker to UWV and a
Maatwerkplaats case of UWV's team; so each row exercises the access decision on an object of
the principal's own or another organisation, not only the login check. Only the agendering
detail still uses an unknown UUID (an agendering exists only once a threshold is crossed).

Read-only pages answer 405 to POST for everyone (``schakel.web.methoden``); their POST rows
are left out here and checked in tests/web/test_methoden.py.

Cells are HTTP status codes, or ``L``: a redirect to the login page (the web app's, or the
admin's for /beheer/).

Regenerate a draft after a deliberate change with
``SCHAKEL_MATRIX_AFDRUKKEN=1 pytest tests/beveiliging/test_autorisatiematrix.py -k druk -s``
and review every changed cell before pasting it in.
"""

from __future__ import annotations

import os

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from .matrix_basis import KOLOMMEN, ONBEKEND, gebruikers, objecten, url_namen

# kwargs per route, from the subjects
SIGNAAL = lambda o: {"uuid": o.signaal.uuid}  # noqa: E731
TOEZEGGING = lambda o: {"uuid": o.toezegging.uuid}  # noqa: E731
VOORSTEL = lambda o: {"uuid": o.voorstel.uuid}  # noqa: E731
TOETS = lambda o: {"uuid": o.voorstel.uuid, "toets": o.toets.uuid}  # noqa: E731
KNELPUNT = lambda o: {"uuid": o.knelpunt.uuid}  # noqa: E731
CASUS = lambda o: {"uuid": o.casus.uuid}  # noqa: E731
ARGS = {
    "web:signaal": SIGNAAL, "web:reageren": SIGNAAL, "web:doorsturen": SIGNAAL, "web:trieren": SIGNAAL,
    "web:niet-ontvankelijk": SIGNAAL, "api:signaal-niet-ontvankelijk": SIGNAAL,
    "web:toezegging-nakomen": TOEZEGGING,
    "web:organisatie": lambda o: {"afkorting": "szw"},
    "web:regeling": lambda o: {"bwb_id": "BWBR0019057"},
    "termijnen:termijn": SIGNAAL, "termijnen:verlengen": SIGNAAL,
    "toetsen:voorstel": VOORSTEL, "toetsen:voorstel-wijzigen": VOORSTEL,
    "toetsen:toets-invullen": TOETS, "toetsen:toets-beantwoorden": TOETS,
    "toetsen:invoeringstoets": lambda o: {"uuid": o.invoeringstoets.uuid},
    "toetsen:rapporteren": lambda o: {"uuid": o.invoeringstoets.uuid, "rapportage": o.rapportage.uuid},
    "noodrem:berichten": lambda o: {"uuid": o.noodrem.uuid},
    "noodrem:contact": lambda o: {"uuid": o.retoursticker.uuid},
    "accounts:oidc-start": lambda o: {"slug": "geen-aanbieder"},  # none configured: 404 for everyone
    "knelpunten:knelpunt": KNELPUNT, "knelpunten:toevoegen": KNELPUNT, "knelpunten:splitsen": KNELPUNT,
    "knelpunten:wijzigen": KNELPUNT, "knelpunten:knelpunt-nieuw": lambda o: {"signaal": o.signaal.uuid},
    "knelpunten:agenda": lambda o: {"afkorting": "cie-szw"},
    "knelpunten:abonneren": lambda o: {"bwb_id": "BWBR0019057"},
    "knelpunten:abonneren-organisatie": lambda o: {"afkorting": "uwv"},
    "knelpunten:csv": lambda o: {"naam": "knelpunten"},
    "maatwerkplaats:casus": CASUS, "maatwerkplaats:beraad-plannen": CASUS, "maatwerkplaats:beraad": CASUS,
    "maatwerkplaats:fix": CASUS, "maatwerkplaats:solve": CASUS,
    "api:voorstel-detail": VOORSTEL, "api:voorstel-uitvoeringstoetsen": VOORSTEL,
    "api:uitvoeringstoets-antwoord": TOETS,
    "api:invoeringstoets-detail": lambda o: {"uuid": o.invoeringstoets.uuid},
    "api:knelpunt-detail": KNELPUNT, "api:casus-detail": CASUS,
    "noodrem:retourstickers": lambda o: {"afkorting": "uwv"},
    "api:signaal-detail": SIGNAAL, "api:signaal-reacties": SIGNAAL, "api:signaal-doorverwijzingen": SIGNAAL,
    "api:signaal-tijdlijn": SIGNAAL, "api:signaal-toewijzing": SIGNAAL,
    "api:toezegging-detail": TOEZEGGING, "api:toezegging-nakoming": TOEZEGGING,
    "api:organisatie-detail": lambda o: {"afkorting": "szw"},
    "api:organisatie-retourstickers": lambda o: {"afkorting": "uwv"},  # UWV: SZW is its principal
    "api:regeling-detail": lambda o: {"bwbId": "BWBR0019057"},
    "api:casus-beraad": CASUS, "api:casus-beraad-inbreng": CASUS, "api:casus-beraad-conclusie": CASUS,
    "api:casus-fix": CASUS,
}

#                                               anon  mld+ mld- beh+ beh- bst+ bst- bwp+ bwp- grf+ grf-
MATRIX: dict[tuple[str, str], str] = {
    ("GET", "accounts:account"):                     "   L  200  200  200  200  200  200  200  200  200  200",
    ("GET", "accounts:api-tokens"):                  "   L  200  200  200  200  200  200  200  200  200  200",
    ("POST", "accounts:api-tokens"):                 "   L  200  200  200  200  200  200  200  200  200  200",
    ("GET", "accounts:totp-instellen"):              "   L  200  200  200  200  200  200  200  200  200  200",
    ("POST", "accounts:totp-instellen"):             "   L  200  200  200  200  200  200  200  200  200  200",
    ("GET", "accounts:totp-uitzetten"):              "   L  302  302  302  302  302  302  302  302  302  302",
    ("POST", "accounts:totp-uitzetten"):             "   L  302  302  302  302  302  302  302  302  302  302",
    ("GET", "accounts:oidc-start"):                  " 404  404  404  404  404  404  404  404  404  404  404",
    ("GET", "accounts:oidc-terug"):                  " 404  404  404  404  404  404  404  404  404  404  404",
    ("GET", "accounts:tweestap"):                    "   L  302  302  302  302  302  302  302  302  302  302",
    ("POST", "accounts:tweestap"):                   "   L  302  302  302  302  302  302  302  302  302  302",
    ("GET", "accounts:tweestap-herstelcode"):        "   L  302  302  302  302  302  302  302  302  302  302",
    ("POST", "accounts:tweestap-herstelcode"):       "   L  302  302  302  302  302  302  302  302  302  302",
    ("GET", "accounts:herstelcodes"):                "   L  302  302  302  302  302  302  302  302  302  302",
    ("POST", "accounts:herstelcodes"):               "   L  302  302  302  302  302  302  302  302  302  302",
    ("GET", "admin:index"):                          "   L    L    L    L    L    L    L    L    L    L    L",
    ("POST", "admin:index"):                         "   L    L    L    L    L    L    L    L    L    L    L",
    ("GET", "api:agendering-detail"):                " 404  404  404  404  404  404  404  404  404  404  404",
    ("GET", "api:agendering-list"):                  " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:beginsel-list"):                    " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:casus-beraad"):                     " 401  404  404  404  404  404  404  404  404  404  404",
    ("POST", "api:casus-beraad"):                    " 401  400  404  404  404  404  404  404  404  404  404",
    ("GET", "api:casus-beraad-conclusie"):           " 405  405  405  405  405  405  405  405  405  405  405",
    ("POST", "api:casus-beraad-conclusie"):          " 401  409  404  404  404  404  404  404  404  404  404",
    ("GET", "api:casus-beraad-inbreng"):             " 405  405  405  405  405  405  405  405  405  405  405",
    ("POST", "api:casus-beraad-inbreng"):            " 401  409  404  404  404  404  404  404  404  404  404",
    ("GET", "api:casus-fix"):                        " 401  404  404  404  404  404  404  404  404  404  404",
    ("POST", "api:casus-fix"):                       " 401  403  404  404  404  404  404  404  404  404  404",
    ("GET", "api:casus-detail"):                     " 401  200  404  404  404  404  404  404  404  404  404",
    ("GET", "api:casus-list"):                       " 401  200  200  200  200  200  200  200  200  200  200",
    ("POST", "api:casus-list"):                      " 401  400  400  400  400  400  400  403  403  403  403",
    ("GET", "api:casusprudentie"):                   " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:invoeringstoets-detail"):           " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:invoeringstoets-list"):             " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:knelpunt-detail"):                  " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:knelpunt-list"):                    " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:noodrem-inzage"):                   " 405  405  405  405  405  405  405  405  405  405  405",
    ("POST", "api:noodrem-inzage"):                  " 400  400  400  400  400  400  400  400  400  400  400",
    ("GET", "api:noodrem-inzage-berichten"):         " 405  405  405  405  405  405  405  405  405  405  405",
    ("POST", "api:noodrem-inzage-berichten"):        " 400  400  400  400  400  400  400  400  400  400  400",
    ("GET", "api:noodrem-list"):                     " 405  405  405  405  405  405  405  405  405  405  405",
    ("POST", "api:noodrem-list"):                    " 400  400  400  400  400  400  400  400  400  400  400",
    ("GET", "api:oorzaak-list"):                     " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:organisatie-detail"):               " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:organisatie-retourstickers"):       " 401  403  403  200  403  200  403  200  403  403  403",
    ("GET", "api:organisatie-list"):                 " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:regeling-detail"):                  " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:regeling-list"):                    " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:schema-json"):                      " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:schema-yaml"):                      " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:signaal-detail"):                   " 404  200  404  200  404  200  404  200  404  200  404",
    ("GET", "api:signaal-doorverwijzingen"):         " 405  405  405  405  405  405  405  405  405  405  405",
    ("POST", "api:signaal-doorverwijzingen"):        " 401  403  404  400  404  400  404  400  404  403  404",
    ("GET", "api:signaal-niet-ontvankelijk"):        " 405  405  405  405  405  405  405  405  405  405  405",
    ("POST", "api:signaal-niet-ontvankelijk"):       " 401  403  404  400  404  400  404  400  404  403  404",
    ("GET", "api:signaal-list"):                     " 200  200  200  200  200  200  200  200  200  200  200",
    ("POST", "api:signaal-list"):                    " 401  400  400  400  400  400  400  400  400  400  400",
    ("GET", "api:signaal-reacties"):                 " 404  200  404  200  404  200  404  200  404  200  404",
    ("POST", "api:signaal-reacties"):                " 401  403  404  400  404  400  404  400  404  403  404",
    ("GET", "api:signaal-tijdlijn"):                 " 404  200  404  200  404  200  404  200  404  200  404",
    ("GET", "api:solve-detail"):                     " 401  404  404  404  404  404  404  404  404  404  404",
    ("GET", "api:solve-list"):                       " 401  200  200  200  200  200  200  200  200  200  200",
    ("POST", "api:solve-list"):                      " 401  400  400  400  400  400  400  403  403  403  403",
    ("GET", "api:staat-van-de-uitvoering"):          " 400  400  400  400  400  400  400  400  400  400  400",
    ("GET", "api:teamlid-list"):                     " 401  200  200  200  200  200  200  403  403  403  403",
    ("GET", "api:toezegging-detail"):                " 404  200  404  200  404  200  404  200  404  200  404",
    ("GET", "api:toezegging-list"):                  " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:toezegging-nakoming"):              " 405  405  405  405  405  405  405  405  405  405  405",
    ("POST", "api:toezegging-nakoming"):             " 401  403  404  400  404  400  404  400  404  403  404",
    ("GET", "api:uitvoeringstoets-antwoord"):        " 405  405  405  405  405  405  405  405  405  405  405",
    ("POST", "api:uitvoeringstoets-antwoord"):       " 401  403  403  403  403  403  403  403  403  403  403",
    ("GET", "api:voorstel-detail"):                  " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "api:voorstel-list"):                    " 200  200  200  200  200  200  200  200  200  200  200",
    ("POST", "api:voorstel-list"):                   " 401  403  403  400  400  400  403  400  400  400  400",
    ("GET", "api:voorstel-uitvoeringstoetsen"):      " 200  200  200  200  200  200  200  200  200  200  200",
    ("POST", "api:voorstel-uitvoeringstoetsen"):     " 401  403  403  403  403  403  403  403  403  403  403",
    ("GET", "api:abonnement-detail"):                " 401  404  404  404  404  404  404  404  404  404  404",
    ("GET", "api:abonnement-list"):                  " 401  200  200  200  200  200  200  200  200  200  200",
    ("POST", "api:abonnement-list"):                 " 401  400  400  400  400  400  400  400  400  400  400",
    ("GET", "api:routeringsadvies"):                 " 405  405  405  405  405  405  405  405  405  405  405",
    ("POST", "api:routeringsadvies"):                " 401  400  400  400  400  400  400  403  403  403  403",
    ("GET", "api:signaal-toewijzing"):               " 405  405  405  405  405  405  405  405  405  405  405",
    ("POST", "api:signaal-toewijzing"):              " 401  403  404  403  404  403  404  403  404  403  404",
    ("GET", "knelpunten:abonnementen"):              "   L  200  200  200  200  200  200  200  200  200  200",
    ("GET", "knelpunten:abonneren-organisatie"):     "   L  405  405  405  405  405  405  405  405  405  405",
    ("POST", "knelpunten:abonneren-organisatie"):    "   L  302  302  302  302  302  302  302  302  302  302",
    ("GET", "web:triage"):                           "   L  403  403  403  403  403  403  403  403  403  403",
    ("GET", "web:trieren"):                          "   L  403  404  403  404  403  404  403  404  403  404",
    ("POST", "web:trieren"):                         "   L  403  404  403  404  403  404  403  404  403  404",
    ("GET", "knelpunten:abonneren"):                 "   L  405  405  405  405  405  405  405  405  405  405",
    ("POST", "knelpunten:abonneren"):                "   L  302  302  302  302  302  302  302  302  302  302",
    ("GET", "knelpunten:agenda"):                    " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "knelpunten:csv"):                       " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "knelpunten:feed-agenda"):               " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "knelpunten:feed-knelpunten"):           " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "knelpunten:feed-reacties"):             " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "knelpunten:feed-signalen"):             " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "knelpunten:knelpunt"):                  " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "knelpunten:knelpunt-nieuw"):            "   L  403  404  200  404  200  404  403  404  403  404",
    ("POST", "knelpunten:knelpunt-nieuw"):           "   L  403  404  200  404  200  404  403  404  403  404",
    ("GET", "knelpunten:knelpunten"):                " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "knelpunten:mijn-agenda"):               " 302  302  302  302  302  302  302  302  302  302  302",
    ("GET", "knelpunten:open-data"):                 " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "knelpunten:splitsen"):                  "   L  403  403  200  403  200  403  403  403  403  403",
    ("POST", "knelpunten:splitsen"):                 "   L  403  403  200  403  200  403  403  403  403  403",
    ("GET", "knelpunten:toevoegen"):                 "   L  405  405  405  405  405  405  405  405  405  405",
    ("POST", "knelpunten:toevoegen"):                "   L  404  404  404  404  404  404  404  404  404  404",
    ("GET", "knelpunten:wetgevingsagenda"):          " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "knelpunten:wijzigen"):                  "   L  403  403  200  403  200  403  403  403  403  403",
    ("POST", "knelpunten:wijzigen"):                 "   L  403  403  200  403  200  403  403  403  403  403",
    ("GET", "maatwerkplaats:beraad"):                "   L  302  404  404  404  404  404  404  404  404  404",
    ("POST", "maatwerkplaats:beraad"):               "   L  302  404  404  404  404  404  404  404  404  404",
    ("GET", "maatwerkplaats:beraad-plannen"):        "   L  200  404  404  404  404  404  404  404  404  404",
    ("POST", "maatwerkplaats:beraad-plannen"):       "   L  200  404  404  404  404  404  404  404  404  404",
    ("GET", "maatwerkplaats:casus"):                 "   L  200  404  404  404  404  404  404  404  404  404",
    ("GET", "maatwerkplaats:casus-nieuw"):           "   L  200  200  200  200  200  200  403  403  403  403",
    ("POST", "maatwerkplaats:casus-nieuw"):          "   L  200  200  200  200  200  200  403  403  403  403",
    ("GET", "maatwerkplaats:casusprudentie"):        " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "maatwerkplaats:fix"):                   "   L  403  404  404  404  404  404  404  404  404  404",
    ("POST", "maatwerkplaats:fix"):                  "   L  403  404  404  404  404  404  404  404  404  404",
    ("GET", "maatwerkplaats:overzicht"):             "   L  200  200  200  200  200  200  403  403  403  403",
    ("GET", "maatwerkplaats:solve"):                 "   L  200  404  404  404  404  404  404  404  404  404",
    ("POST", "maatwerkplaats:solve"):                "   L  200  404  404  404  404  404  404  404  404  404",
    ("GET", "noodrem:ontvangen"):                    " 302  302  302  302  302  302  302  302  302  302  302",
    ("GET", "noodrem:berichten"):                    "   L  403  403  200  403  200  403  200  403  403  403",
    ("POST", "noodrem:berichten"):                   "   L  403  403  200  403  200  403  200  403  403  403",
    ("GET", "noodrem:contact"):                      "   L  403  403  403  403  403  403  403  403  403  403",
    ("POST", "noodrem:contact"):                     "   L  403  403  403  403  403  403  403  403  403  403",
    ("GET", "noodrem:inzage"):                       " 302  302  302  302  302  302  302  302  302  302  302",
    ("POST", "noodrem:inzage"):                      " 302  302  302  302  302  302  302  302  302  302  302",
    ("GET", "noodrem:inzage-sluiten"):               " 302  302  302  302  302  302  302  302  302  302  302",
    ("POST", "noodrem:inzage-sluiten"):              " 302  302  302  302  302  302  302  302  302  302  302",
    ("GET", "noodrem:ontvangstcode"):                " 200  200  200  200  200  200  200  200  200  200  200",
    ("POST", "noodrem:ontvangstcode"):               " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "noodrem:organisatie"):                  "   L  403  403  403  403  403  200  403  403  403  403",
    ("POST", "noodrem:organisatie"):                 "   L  403  403  403  403  403  200  403  403  403  403",
    ("GET", "noodrem:professional"):                 " 200  200  200  200  200  200  200  200  200  200  200",
    ("POST", "noodrem:professional"):                " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "noodrem:retoursticker"):                " 200  200  200  200  200  200  200  200  200  200  200",
    ("POST", "noodrem:retoursticker"):               " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "noodrem:retourstickers"):               " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "noodrem:start"):                        " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "notificaties:gelezen"):                 "   L  405  405  405  405  405  405  405  405  405  405",
    ("POST", "notificaties:gelezen"):                "   L  302  302  302  302  302  302  302  302  302  302",
    ("GET", "notificaties:inbox"):                   "   L  200  200  200  200  200  200  200  200  200  200",
    ("GET", "notificaties:voorkeur"):                "   L  405  405  405  405  405  405  405  405  405  405",
    ("POST", "notificaties:voorkeur"):               "   L  302  302  302  302  302  302  302  302  302  302",
    ("GET", "rapportage:staat"):                     " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "rapportage:staat-csv"):                 " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "rapportage:staat-json"):                " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "rapportage:staat-pdf"):                 " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "termijnen:overzicht"):                  " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "termijnen:termijn"):                    " 404  200  404  200  404  200  404  200  404  200  404",
    ("GET", "termijnen:verlengen"):                  "   L  403  404  200  404  200  404  200  404  403  404",
    ("POST", "termijnen:verlengen"):                 "   L  403  404  200  404  200  404  200  404  403  404",
    ("GET", "toetsen:invoeringstoets"):              " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "toetsen:invoeringstoets-nieuw"):        "   L  403  403  200  200  200  403  200  200  403  403",
    ("POST", "toetsen:invoeringstoets-nieuw"):       "   L  403  403  200  200  200  403  200  200  403  403",
    ("GET", "toetsen:invoeringstoetsen"):            " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "toetsen:rapporteren"):                  "   L  403  403  403  403  403  403  403  403  403  403",
    ("POST", "toetsen:rapporteren"):                 "   L  403  403  403  403  403  403  403  403  403  403",
    ("GET", "toetsen:toets-beantwoorden"):           "   L  403  403  403  403  403  403  403  403  403  403",
    ("POST", "toetsen:toets-beantwoorden"):          "   L  403  403  403  403  403  403  403  403  403  403",
    ("GET", "toetsen:toets-invullen"):               "   L  403  403  403  403  403  403  403  403  403  403",
    ("POST", "toetsen:toets-invullen"):              "   L  403  403  403  403  403  403  403  403  403  403",
    ("GET", "toetsen:voorstel"):                     " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "toetsen:voorstel-nieuw"):               "   L  403  403  200  200  200  403  200  200  200  200",
    ("POST", "toetsen:voorstel-nieuw"):              "   L  403  403  200  200  200  403  200  200  200  200",
    ("GET", "toetsen:voorstel-wijzigen"):            "   L  403  403  200  403  200  403  200  403  200  403",
    ("POST", "toetsen:voorstel-wijzigen"):           "   L  403  403  200  403  200  403  200  403  200  403",
    ("GET", "toetsen:voorstellen"):                  " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "web:doorsturen"):                       "   L  403  404  200  404  200  404  200  404  403  404",
    ("POST", "web:doorsturen"):                      "   L  403  404  200  404  200  404  200  404  403  404",
    ("GET", "web:niet-ontvankelijk"):                "   L  403  404  200  404  200  404  200  404  403  404",
    ("POST", "web:niet-ontvankelijk"):               "   L  403  404  200  404  200  404  200  404  403  404",
    ("GET", "web:inloggen"):                         " 200  302  302  302  302  302  302  302  302  302  302",
    ("POST", "web:inloggen"):                        " 200  302  302  302  302  302  302  302  302  302  302",
    ("GET", "web:organisatie"):                      " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "web:reageren"):                         "   L  403  404  200  404  200  404  200  404  403  404",
    ("POST", "web:reageren"):                        "   L  403  404  200  404  200  404  200  404  403  404",
    ("GET", "web:regeling"):                         " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "web:signaal"):                          " 404  200  404  200  404  200  404  200  404  200  404",
    ("GET", "web:signaal-nieuw"):                    "   L  200  200  200  200  200  200  403  403  403  403",
    ("POST", "web:signaal-nieuw"):                   "   L  200  200  200  200  200  200  403  403  403  403",
    ("GET", "web:signalen"):                         " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "web:start"):                            " 200  200  200  200  200  200  200  200  200  200  200",
    ("GET", "web:toezegging-nakomen"):               "   L  403  404  200  404  200  404  200  404  403  404",
    ("POST", "web:toezegging-nakomen"):              "   L  403  404  200  404  200  404  200  404  403  404",
    ("GET", "web:uitloggen"):                        " 200  200  200  200  200  200  200  200  200  200  200",
    ("POST", "web:uitloggen"):                       " 302  302  302  302  302  302  302  302  302  302  302",
}


def _args(route: str, o) -> dict | None:
    """The route's kwargs: from ARGS, else an unknown object for every UUID in the path."""
    if route in ARGS:
        return ARGS[route](o)
    patroon = url_namen()[route]
    converters = getattr(patroon.pattern, "converters", {}) if patroon is not None else {}
    if not converters:
        return None
    from django.urls.converters import UUIDConverter

    return {naam: ONBEKEND if isinstance(c, UUIDConverter) else "onbekend" for naam, c in converters.items()}


def _verstuur(client: Client, methode: str, url: str, api: bool):
    if methode == "GET":
        return client.get(url)
    if api:
        return client.post(url, {}, content_type="application/json")
    return client.post(url, {})


def _meet(wereld, methode: str, route: str) -> list[str]:
    o = objecten(wereld)
    wie = gebruikers(wereld)
    url = reverse(route, kwargs=_args(route, o))
    api = route.startswith("api:")
    inloggen = (reverse("admin:login"), reverse("web:inloggen"))
    uitkomst = []
    for kolom in KOLOMMEN:
        cache.clear()  # rate limits count per client address: every cell starts fresh
        client = Client(raise_request_exception=False)
        if wie[kolom] is not None:
            client.force_login(wie[kolom])
        antwoord = _verstuur(client, methode, url, api)
        if antwoord.status_code == 302 and antwoord["Location"].startswith(inloggen):
            uitkomst.append("L")
        else:
            uitkomst.append(str(antwoord.status_code))
    return uitkomst


@pytest.mark.parametrize(("methode", "route"), sorted(MATRIX))
def test_matrix(wereld, methode, route):
    verwacht = MATRIX[(methode, route)].split()
    assert len(verwacht) == len(KOLOMMEN) and not any(c.startswith("5") for c in verwacht), "a row may not expect 5xx"
    gemeten = _meet(wereld, methode, route)
    verschil = {k: (v, g) for k, v, g in zip(KOLOMMEN, verwacht, gemeten) if v != g}
    assert not verschil, f"{methode} {route}: column: (expected, got) {verschil}"


def test_every_route_has_a_row():
    routes = set(url_namen())
    zonder = sorted(routes - {r for _, r in MATRIX})
    assert not zonder, f"routes without a row in the authorisation matrix: {zonder}"
    onbekend = sorted({r for _, r in MATRIX} - routes)
    assert not onbekend, f"rows for routes that no longer exist: {onbekend}"


def test_every_api_post_has_a_row():
    for route, patroon in url_namen().items():
        if not route.startswith("api:") or patroon is None:
            continue
        cls = getattr(patroon.callback, "cls", None)
        acties = getattr(patroon.callback, "actions", None) or {}
        if "post" in acties or (not acties and cls is not None and hasattr(cls, "post")):
            assert ("POST", route) in MATRIX, f"POST {route} has no row"


@pytest.mark.skipif(not os.environ.get("SCHAKEL_MATRIX_AFDRUKKEN"), reason="only to draft rows")
def test_druk_matrix_af(wereld):  # pragma: no cover - a tool, not a check
    from django.db import transaction

    rijen = []
    for route in sorted(url_namen()):
        methoden = ["GET", "POST"]
        for methode in methoden:
            with transaction.atomic():
                gemeten = _meet(wereld, methode, route)
                transaction.set_rollback(True)
            if methode == "POST" and all(s == "405" for s in gemeten[1:]):
                continue
            rijen.append(f'    ("{methode}", "{route}"):' + " " * max(1, 40 - len(route) - len(methode))
                         + '"' + " ".join(f"{s:>4}" for s in gemeten) + '",')
    print("\n".join(rijen))
