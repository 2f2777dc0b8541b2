"""Bundling suggestions: which signals look like the same problem, by text similarity.

Dutch stems (Snowball, ``schakel.core.text``) weighted by TF-IDF (scikit-learn), compared
by cosine similarity. Fitted per request on the documents compared; no model to download.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Sequence

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

from schakel.core import text

# Below this cosine similarity two texts share too little to suggest bundling them.
MINIMALE_GELIJKENIS = 0.12
MAX_KANDIDATEN = 2000


@dataclass(frozen=True)
class Suggestie:
    object: Any
    gelijkenis: float  # cosine similarity, 0..1

    @property
    def procent(self) -> int:
        return round(self.gelijkenis * 100)


def signaaltekst(signaal) -> str:
    """The text that says what a signal is about (no names of people, only the content)."""
    return " ".join(p for p in (signaal.titel, signaal.titel, signaal.praktijk, signaal.getroffen_burgers,
                                signaal.artikelen, signaal.verbetervoorstel) if p)


@lru_cache(maxsize=100_000)
def _stam(woord: str) -> str:
    stammen = text.stems(woord, drop_stopwords=False)
    return stammen[0] if stammen else woord


def analyseer(document: str) -> list[str]:
    """The stems of ``schakel.core.text.stems``, with each word's stem cached: Snowball in
    pure Python is otherwise most of the time of a comparison or a prediction."""
    return [_stam(w) for w in text.words(document) if w not in text.STOPWORDS]


def vectoriseerder(analyse: Callable[[str], list[str]] = analyseer) -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=analyse, sublinear_tf=True, min_df=1)


def geheugen() -> Callable[[str], list[str]]:
    """``analyseer`` remembering each document it saw: for ranking many targets against the same
    candidates in one request (``rangschik(..., analyse=...)``), each text is analysed once."""
    gezien: dict[str, list[str]] = {}

    def analyse(document: str) -> list[str]:
        if document not in gezien:
            gezien[document] = analyseer(document)
        return gezien[document]

    return analyse


def rangschik(doel: str, kandidaten: Sequence[tuple[Any, str]], *, minimum: float = MINIMALE_GELIJKENIS,
              limiet: int = 10, analyse: Callable[[str], list[str]] = analyseer) -> list[Suggestie]:
    """The candidates (object, text) most similar to ``doel``, best first, above ``minimum``.

    ``analyse`` turns a text into stems (default ``analyseer``; ``geheugen()`` for many calls
    over the same candidates)."""
    kandidaten = [(obj, tekst) for obj, tekst in kandidaten if tekst.strip()][:MAX_KANDIDATEN]
    if not kandidaten or not text.stems(doel):
        return []
    try:
        matrix = vectoriseerder(analyse).fit_transform([doel, *[t for _, t in kandidaten]])
    except ValueError:  # nothing but stopwords in every document
        return []
    scores = linear_kernel(matrix[0:1], matrix[1:]).ravel()  # rows are L2-normalised: this is the cosine
    volgorde = sorted(range(len(kandidaten)), key=lambda i: (-scores[i], i))
    return [Suggestie(kandidaten[i][0], float(scores[i])) for i in volgorde[:limiet] if scores[i] >= minimum]
