"""Text helpers shared by search, answer validation and routing: normalise and stem Dutch."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
WORD_PATTERN = _WORD  # a word: letters and digits

# Common Dutch function words; they carry no meaning for search or similarity.
STOPWORDS = frozenset(
    """aan al alle als bij dan dat de deze die dit door een en er geen had heb hebben heeft
    het hier hij hoe hun ik in is je kan kunnen maar me met mij na naar niet nog nu of om
    omdat ons ook op over te ten ter tot u uit van veel voor want was waren wat we wel
    werd wie wij worden wordt zal ze zich zij zijn zo zonder zou""".split()
)


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("dutch")


def fold(text: str) -> str:
    """Lower-case and strip accents (é → e), so 'geëist' and 'geeist' match."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def raw_words(text: str) -> list[str]:
    """The lower-case words of ``text``, in order, accents kept (for dictionary look-ups)."""
    return _WORD.findall(text.lower())


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order."""
    return _WORD.findall(fold(text))


def stems(text: str, *, drop_stopwords: bool = True) -> list[str]:
    """Snowball (Dutch) stems of the words of ``text``."""
    tokens = [w for w in words(text) if not (drop_stopwords and w in STOPWORDS)]
    return _stemmer().stemWords(tokens)


def shingles(text: str, size: int = 3) -> set[tuple[str, ...]]:
    """Word n-grams of the folded text (stopwords kept): the basis of near-duplicate checks."""
    tokens = words(text)
    if len(tokens) < size:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def jaccard(a: set, b: set) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def getal(n: int) -> str:
    """A whole number as Dutch readers write it: thousands separated by points (8.650)."""
    return f"{n:,}".replace(",", ".")


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """``1 signaal``, ``21 signalen``, ``8.650 burgers``: the number with the right form of the noun."""
    return f"{getal(n)} {enkelvoud if n == 1 else meervoud}"
