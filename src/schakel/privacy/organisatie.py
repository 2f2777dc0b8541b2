"""Is a contact detail an organisation's public one? Then it is not personal data.

Public contact details of organisations (a municipality's 14-number, an 088 number,
``info@`` mailboxes, office addresses, an organisation's Postbus or IBAN) may be
published. They are recognised

* by their form: 088 numbers (reserved for organisations), 14 + area code
  (municipalities), functional mailboxes (``info@``, ``klantcontact@`` ...); or
* by their context: an organisation is named just before or after the value
  (from the reference data, or a generic word such as "gemeente", "kantoor",
  "stichting", "B.V.") and only connecting words stand between the two ("is
  bereikbaar op", "Postbus", "t.n.v."); "maakte de uitkering over op" or "haar" break it.
"""

from __future__ import annotations

import bisect
import functools
import re

from schakel.privacy import lijsten

# Abbreviations count in capitals only ("IND", not "ind").
_AFKORTINGEN = r"UWV|SVB|DUO|CAK|CJIB|IND|CBR|RVO|RDW|GGD|KCC|KvK|KVK|BV|NV|B\.V\.|N\.V\."
_GENERIEK = (
    r"gemeente|gemeentehuis|stadhuis|ministerie|belastingdienst|toeslagen"
    r"|politie|stichting|vereniging|coöperatie|cooperatie"
    r"|woningcorporatie|corporatie|woningbouwvereniging|zorgverzekeraar|verzekeraar|zorgkantoor"
    r"|bank|kantoor|kantoren|vestiging|hoofdkantoor|loket|servicepunt|klantcontactcentrum"
    r"|klantenservice|helpdesk|servicedesk|afdeling|organisatie|instantie|instelling|dienst"
    r"|bureau|rechtbank|gerechtshof|raad|ombudsman|waterschap|provincie|werkplein|wijkteam"
    r"|sociale\s+dienst|schuldhulpverlening|juridisch\s+loket|kamer\s+van\s+koophandel"
    r"|werkgever|bedrijf|onderneming|uitvoerder|uitvoeringsorganisatie|school|hogeschool"
    r"|universiteit|ziekenhuis|huisartsenpraktijk|praktijk|advocatenkantoor|incassobureau"
    r"|deurwaarder\w*|postadres\s+van\s+(?:de|het)|correspondentieadres\s+van\s+(?:de|het)"
)
# Words that may stand between an organisation and its own contact detail:
# "het UWV is telefonisch bereikbaar op", "Belastingdienst, Postbus", "t.n.v. de gemeente".
# Anything else ("maakte de uitkering over op", "haar", "mijn") breaks the link.
_SCHAKELWOORDEN = frozenset(
    """van de het 't is zijn heeft hebben op via aan te in bij naar zit gevestigd staat staan
    bereikbaar telefonisch telefoonnummer telefoonnummers telefoon tel nummer nummers algemene
    algemeen centrale bezoekadres postadres adres adressen correspondentieadres antwoordnummer
    e-mailadres mailadres e-mail mail iban rekeningnummer rekening bankrekening bankrekeningnummer
    kvk-nummer kvk rsin t.n.v ten name onder vermelding en of u kunt contact opnemen met bellen
    bel mailen schrijven schrijf stuur sturen bezwaarschrift bezwaar brief kantoor vestiging
    loket balie hoofdkantoor afdeling klantcontact ook alleen altijd werkdagen nog voor vragen
    over dit deze dat die een wordt worden werd gestort storten overmaken maak over betalen betaal
    betaling postbus als vermeld vermeldt noemt geeft gaf het nr no nummer zijn""".split()
)
_TOKEN = re.compile(r"[^\W\d_][\w.'’-]*|\d+|[^\w\s]")
_AFSTAND = 70  # characters between an organisation and its contact detail at most

_FUNCTIONEEL = re.compile(
    r"(?:info|informatie|contact|klantcontact|klantenservice|klantcontactcentrum|kcc|service"
    r"|servicedesk|servicepunt|helpdesk|support|secretariaat|post|postbus|mail|e-?mail|noreply"
    r"|no-reply|vragen|vraag|bezwaar|bezwaren|beroep|klacht|klachten|loket|administratie|receptie"
    r"|redactie|webredactie|pers|persvoorlichting|communicatie|privacy|fg|avg|meldpunt|melding"
    r"|meldingen|office|algemeen|aanvragen|aanvraag|team\w*|afdeling\w*|wmo|jeugd|zorg|werk"
    r"|inkomen|schuldhulp\w*|toeslagen|belastingen|subsidie\w*|facturen|financien|debiteuren"
    r"|crediteuren|inkoop|hr|personeelszaken|vacatures|juridisch\w*|signalen|burgerzaken"
    r"|gemeente|balie|publiekszaken|ondersteuning|bestuurssecretariaat|griffie|stadsloket"
    r"|wijkteam\w*|sociaalteam|sociaal\w*|frontoffice|backoffice)"
    r"(?:[._-]?[a-z0-9]+)?",
    re.IGNORECASE,
)


@functools.cache
def _organisatie_re() -> re.Pattern[str]:
    namen = "|".join(re.escape(n) for n in lijsten.organisatienamen())
    afkortingen = "|".join(re.escape(a) for a in lijsten.organisatie_afkortingen())
    hoofdletters = "|".join(d for d in (afkortingen, _AFKORTINGEN) if d)
    alternatieven = "|".join(d for d in (namen, f"(?-i:{hoofdletters})", _GENERIEK) if d)
    return re.compile(rf"(?<![\w.-])(?:{alternatieven})(?![\w-])", re.IGNORECASE)


def _alleen_schakelwoorden(stuk: str) -> bool:
    for token in _TOKEN.findall(stuk):
        if not token[0].isalnum():
            if token in "()[]{}/&":  # brackets and '/' may hold the organisation's name parts
                continue
            if token in ",:-–'’\"":
                continue
            return False  # a full stop or semicolon ends the sentence
        if token[0].isupper() and not token.isupper() and token.casefold() not in _SCHAKELWOORDEN:
            continue  # part of a name: "gemeente Zwolle", "Belastingdienst Utrecht"
        if token.casefold().rstrip(".") not in _SCHAKELWOORDEN:
            return False
    return True


@functools.lru_cache(maxsize=16)
def _vermeldingen(tekst: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Start and end of every organisation named in ``tekst`` (one pass per text)."""
    treffers = [m.span() for m in _organisatie_re().finditer(tekst)]
    return tuple(a for a, _ in treffers), tuple(b for _, b in treffers)


def in_organisatiecontext(tekst: str, start: int, eind: int) -> bool:
    """The value is tied to an organisation named just before or after it.

    Only connecting words may stand between the two ("het UWV is bereikbaar op",
    "Belastingdienst, Postbus", "NL86 INGB 0002 4455 88 t.n.v. de Belastingdienst").
    """
    begins, eindes = _vermeldingen(tekst)
    # The last organisation that ends before the value, within reach.
    i = bisect.bisect_right(eindes, start) - 1
    if i >= 0 and start - eindes[i] <= _AFSTAND and _alleen_schakelwoorden(tekst[eindes[i] : start]):
        return True
    # The first organisation that starts after the value, within reach.
    j = bisect.bisect_left(begins, eind)
    return j < len(begins) and begins[j] - eind <= _AFSTAND and _alleen_schakelwoorden(tekst[eind : begins[j]])


def is_functioneel_mailadres(adres: str) -> bool:
    """``info@…``, ``klantcontact@…``: a mailbox of an organisation, not of a person."""
    lokaal = re.split(r"@|\s*[\[(]at[\])]\s*", adres, maxsplit=1, flags=re.IGNORECASE)[0]
    return _FUNCTIONEEL.fullmatch(lokaal) is not None


def is_organisatienummer(cijfers: str) -> bool:
    """088 numbers are issued to organisations only; 14 + area code is a municipality."""
    return cijfers.startswith("088") or (cijfers.startswith("14") and 5 <= len(cijfers) <= 6)
