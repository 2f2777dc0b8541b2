"""Dutch word analysis for search: lemmas and the parts of compounds.

Search must match the forms readers type with the forms writers use: *schulden* and
*schuld*, *kinderen* and *kind*, and the parts of compounds, so that *toeslag* finds
*kinderopvangtoeslag* and *schuld* finds *studieschuld*. Snowball stems do neither well
(schulden → schul, toeslagen → toeslaag). So each word is analysed into:

* its **forms**: the folded word itself and its lemma (simplemma's Dutch dictionary). A
  lemmatiser is a lookup, and lookups are not always symmetric (simplemma gives
  *werkgevers* → *werkgever* but *werkgever* → *werkgeefster*), so a record stores both
  forms and a query word matches when any of its forms is stored;
* the forms of its **compound parts**, split with a frequency list (wordfreq's Dutch
  list): a word is split into a modifier and a head that are both known Dutch words, with
  the linking sounds *s*, *e* and *en* (bijstand-s-uitkering), recursively. Particles and
  prefixes (*aan*, *toe*, *bij*, *voor*, *her*, …) are never parts, and everyday words are
  never split, so *toeslag* is not *toe* + *slag* and *voorschot* does not match *schot*.

A record's search document is the space-padded list of all these tokens (see
:func:`zoekdocument`); a query is, per word, the set of its forms (:func:`zoektermen`):
every word must match one of its forms. Both sides use the same functions, so SQLite and
PostgreSQL find the same records. The evaluation that chose the thresholds is
``benchmarks/zoeken_nl.py`` (docs/architecture.md, "Search").
"""

from __future__ import annotations

from functools import lru_cache

from .text import STOPWORDS
from .text import fold as _fold

# A part of a compound must be at least this long (modifier; the head a bit longer) ...
MIN_MODIFIER = 3
MIN_HEAD = 4
# ... a known word (Zipf scale: 3 is about once per million words): in the lemma dictionary
# and not rare, or frequent and not short (simplemma lacks e.g. 'bijstand'), or long and
# attested (arbeidsongeschiktheid): accidental strings are short or unattested ...
MIN_PART_ZIPF = 3.0
MIN_DICTIONARY_ZIPF = 2.5
MIN_FREQUENT_ZIPF, MIN_FREQUENT_LENGTH = 3.5, 5
MIN_LONG_ZIPF, MIN_LONG_LENGTH = 2.0, 10
# ... and a word this frequent is an everyday word of its own, never split.
EVERYDAY_ZIPF = 4.5
LINKS = ("", "s", "e", "en")
# Particles and prefixes that form lexicalised words (toeslag, bijstand, voorschot,
# aanvraag, herbeoordeling); as parts they would make unrelated words match.
PARTICLES = frozenset(
    """aan af achter al be bij binnen boven buiten door er ge her in mee mis na om onder ont op
    over tegen terug toe uit ver voor weder weer weg""".split()
)
MAX_WORD = 60  # longer "words" (hashes, URLs) are kept as they are, not analysed


def fold(text: str) -> str:
    """Folded (lower case, no accents) and letters and digits only: '¼' folds to '1⁄4', whose
    fraction slash may not reach a tsquery or a LIKE pattern."""
    return "".join(ch for ch in _fold(text) if ch.isalnum())


@lru_cache(maxsize=1)
def _lemmatiser():
    import simplemma

    return simplemma


@lru_cache(maxsize=1)
def _frequency():
    from wordfreq import zipf_frequency

    return zipf_frequency


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The folded lemma of a lower-case word. A word the dictionary does not know gets the
    lemma of its head when it is a compound (huurtoeslagen → huurtoeslag), or its singular
    when it looks like a plural of a more frequent word (herbeoordelingen → herbeoordeling)."""
    if len(word) > MAX_WORD or not word.isalpha():
        return fold(word)
    gevonden = _lemmatiser().lemmatize(word, lang="nl")
    if gevonden != word or _lemmatiser().is_known(word, lang="nl"):
        return fold(gevonden)
    if (basis := _basis(word)) != word:
        return fold(basis)
    if _splittable(word) and (split := splits(word)) is not None:
        head = split[1]
        return fold(word[: len(word) - len(head)]) + lemma(head)
    for enkelvoud in _singulars(word):
        if _lemmatiser().is_known(enkelvoud, lang="nl") or _zipf(enkelvoud) > _zipf(word):
            return fold(enkelvoud)
    return fold(word)


@lru_cache(maxsize=200_000)
def _basis(word: str) -> str:
    """The singular of a plural the dictionary lacks when the singular is in it, else the word."""
    if not word.isalpha() or _lemmatiser().is_known(word, lang="nl"):
        return word
    return next((e for e in _singulars(word) if _lemmatiser().is_known(e, lang="nl")), word)


def _singulars(word: str) -> list[str]:
    """Candidate singulars of a regular Dutch plural: -en (with a doubled consonant
    undone: dwangsommen → dwangsom) and -s."""
    uit = []
    if word.endswith("en") and len(word) > 5:
        stam = word[:-2]
        if len(stam) > 2 and stam[-1] == stam[-2] and stam[-1] not in "aeiou":
            uit.append(stam[:-1])
        uit.append(stam)
    if word.endswith("s") and len(word) > 4:
        uit.append(word[:-1])
    return uit


@lru_cache(maxsize=200_000)
def _zipf(word: str) -> float:
    return _frequency()(word, "nl")


@lru_cache(maxsize=200_000)
def _known_part(word: str) -> bool:
    if word in PARTICLES or word in STOPWORDS or not word.isalpha():
        return False
    zipf = max(_zipf(word), _zipf(lemma(word)))
    if _lemmatiser().is_known(word, lang="nl") and zipf >= MIN_DICTIONARY_ZIPF:
        return True
    return ((zipf >= MIN_FREQUENT_ZIPF and len(word) >= MIN_FREQUENT_LENGTH)
            or (zipf >= MIN_LONG_ZIPF and len(word) >= MIN_LONG_LENGTH))


@lru_cache(maxsize=200_000)
def splits(word: str) -> tuple[str, str] | None:
    """The best (modifier, head) split of a compound, or None. The head may itself be a
    compound; the split whose weaker part is the most frequent word wins."""
    best = None
    for i in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):
        modifier = word[:i]
        if not _known_part(modifier):
            continue
        for link in LINKS:
            if not word.startswith(link, i):
                continue
            head = word[i + len(link):]
            if len(head) < MIN_HEAD:
                continue
            head_known = _known_part(head)
            if not head_known and (_zipf(head) >= EVERYDAY_ZIPF or splits(head) is None):
                continue
            score = min(_zipf(modifier), _zipf(head) if head_known else MIN_PART_ZIPF) - 0.3 * len(link)
            if best is None or score > best[0]:
                best = (score, modifier, head)
    return (best[1], best[2]) if best else None


def _splittable(word: str) -> bool:
    return (word.isalpha() and len(word) >= MIN_MODIFIER + MIN_HEAD and len(word) <= MAX_WORD
            and _zipf(word) < EVERYDAY_ZIPF)


@lru_cache(maxsize=200_000)
def vormen(word: str) -> tuple[str, ...]:
    """The forms a lower-case word is found by: itself (folded) and its lemma."""
    return tuple(v for v in dict.fromkeys((fold(word), lemma(word))) if v)


def _delen(word: str, begin: int = 0) -> list[tuple[int, int]]:
    """Where the parts of a compound start and end in it (linking sounds left out)."""
    if not _splittable(word) or (split := splits(word)) is None:
        return [(begin, begin + len(word))]
    modifier, head = split
    return _delen(modifier, begin) + _delen(head, begin + len(word) - len(head))


@lru_cache(maxsize=200_000)
def tokens(word: str) -> tuple[str, ...]:
    """Everything a lower-case word is indexed under: its forms and those of every run of
    its parts (schuldhulpverlening: schuld, schuldhulp, hulp, hulpverlening, verlening)."""
    if not fold(word):
        return ()
    basis = _basis(word)
    delen = _delen(basis)
    uit = list(vormen(word))
    for i, (begin, _) in enumerate(delen):
        for _, einde in delen[i:]:
            uit.extend(vormen(basis[begin:einde]))
    return tuple(dict.fromkeys(uit))


def laad() -> None:
    """Load the dictionaries now (about 3 s and 100 MB), not in the first search of a process."""
    tokens("kinderopvangtoeslagen")


def woorden(text: str) -> list[str]:
    """The lower-case words of ``text`` that carry meaning (no stopwords), accents kept."""
    from .text import raw_words

    return [w for w in raw_words(text) if fold(w) not in STOPWORDS]


def zoekdocument(*parts: str) -> str:
    """The search document of a record: its tokens, space-separated and padded with spaces
    so that a plain ``LIKE '% token %'`` matches whole tokens on any database."""
    uit: list[str] = []
    for word in woorden(" ".join(p for p in parts if p)):
        uit.extend(tokens(word))
    return " " + " ".join(uit) + " " if uit else ""


def treffers(text: str, zoekvraag: str) -> list[tuple[int, int]]:
    """Where the words of ``text`` that a query finds are: (start, end) character spans of
    every word one of whose tokens is a form of a query word. For highlighting."""
    from .text import WORD_PATTERN

    gezocht = {vorm for vormen in zoektermen(zoekvraag) for vorm in vormen}
    if not gezocht:
        return []
    return [(m.start(), m.end()) for m in WORD_PATTERN.finditer(text or "")
            if not gezocht.isdisjoint(tokens(m.group().lower()))]


def zoektermen(zoekvraag: str, *, maximum: int = 12) -> list[tuple[str, ...]]:
    """A query as a list of words, each the tuple of forms of which one must match."""
    termen = list(dict.fromkeys(vormen(w) for w in woorden(zoekvraag or "")))
    return termen[:maximum]
