"""Which HTTP methods each web page accepts.

A page that only shows something answers ``405 Method Not Allowed`` (with ``Allow``) to POST, PUT,
PATCH and DELETE, instead of rendering itself as if the request were a GET. Function views
cannot declare that themselves without a decorator in every app, so the classification lives
here, in one place, and ``AlleenLezenMiddleware`` enforces it for every route it names.

Every web route (not ``/api/``, not ``/beheer/``) must be in exactly one of the two sets:
``tests/web/test_methoden.py`` enumerates the URL patterns and fails for a new route that is in
neither, so a new page is classified when it is added.
"""

from __future__ import annotations

from django.http import HttpResponseNotAllowed

VEILIGE_METHODEN = frozenset({"GET", "HEAD", "OPTIONS"})

# Pages that only show: GET, HEAD and OPTIONS.
ALLEEN_LEZEN = frozenset({
    "web:start", "web:signalen", "web:signaal", "web:organisatie", "web:regeling", "web:triage",
    "termijnen:overzicht", "termijnen:termijn", "noodrem:ontvangen",
    "notificaties:inbox",
    "rapportage:staat", "rapportage:staat-pdf", "rapportage:staat-csv", "rapportage:staat-json",
    "toetsen:voorstellen", "toetsen:voorstel", "toetsen:invoeringstoetsen", "toetsen:invoeringstoets",
    "noodrem:start", "noodrem:retourstickers",
    "maatwerkplaats:overzicht", "maatwerkplaats:casus", "maatwerkplaats:casusprudentie",
    "knelpunten:knelpunten", "knelpunten:knelpunt", "knelpunten:mijn-agenda", "knelpunten:agenda",
    "knelpunten:wetgevingsagenda", "knelpunten:open-data", "knelpunten:csv", "knelpunten:feed-agenda",
    "knelpunten:feed-knelpunten", "knelpunten:feed-signalen", "knelpunten:feed-reacties",
    "knelpunten:abonnementen",
    "accounts:account", "accounts:oidc-start", "accounts:oidc-terug",  # sign-in through a provider: GET only
})

# Pages with a form (or a button) that POSTs to them.
FORMULIEREN = frozenset({
    "web:inloggen", "web:uitloggen", "web:signaal-nieuw", "web:reageren", "web:doorsturen", "web:trieren",
    "web:toezegging-nakomen", "web:niet-ontvankelijk",
    "termijnen:verlengen",
    "notificaties:gelezen", "notificaties:voorkeur",
    "toetsen:voorstel-nieuw", "toetsen:voorstel-wijzigen", "toetsen:toets-invullen",
    "toetsen:toets-beantwoorden", "toetsen:invoeringstoets-nieuw", "toetsen:rapporteren",
    "noodrem:professional", "noodrem:organisatie", "noodrem:ontvangstcode", "noodrem:inzage",
    "noodrem:inzage-sluiten", "noodrem:retoursticker", "noodrem:berichten", "noodrem:contact",
    "maatwerkplaats:casus-nieuw", "maatwerkplaats:beraad-plannen", "maatwerkplaats:beraad",
    "maatwerkplaats:fix", "maatwerkplaats:solve",
    "knelpunten:knelpunt-nieuw", "knelpunten:toevoegen", "knelpunten:splitsen", "knelpunten:wijzigen",
    "knelpunten:abonneren", "knelpunten:abonneren-organisatie",
    "accounts:tweestap", "accounts:tweestap-herstelcode", "accounts:totp-instellen", "accounts:totp-uitzetten",
    "accounts:herstelcodes", "accounts:api-tokens",
})


class AlleenLezenMiddleware:
    """405 for a non-safe method on a page in ``ALLEEN_LEZEN``, before the view (and its login check) runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in VEILIGE_METHODEN:
            return None
        match = getattr(request, "resolver_match", None)
        if match is not None and match.view_name in ALLEEN_LEZEN:
            return HttpResponseNotAllowed(sorted(VEILIGE_METHODEN))
        return None
