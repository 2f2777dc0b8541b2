"""Bundling suggestions: which signals look like the same problem, by text similarity.

Dutch stems (Snowball, ``schakel.core.text``) weighted by TF-IDF (scikit-learn), compared
by cosine similarity. Fitted per request on the documents compared; no model to download.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

import numpy as np
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


def vectoriseerder() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=analyseer, sublinear_tf=True, min_df=1)


def rangschik(doel: str, kandidaten: Sequence[tuple[Any, str]], *, minimum: float = MINIMALE_GELIJKENIS,
              limiet: int = 10) -> list[Suggestie]:
    """The candidates (object, text) most similar to ``doel``, best first, above ``minimum``."""
    kandidaten = [(obj, tekst) for obj, tekst in kandidaten if tekst.strip()][:MAX_KANDIDATEN]
    if not kandidaten or not text.stems(doel):
        return []
    try:
        matrix = vectoriseerder().fit_transform([doel, *[t for _, t in kandidaten]])
    except ValueError:  # nothing but stopwords in every document
        return []
    scores = linear_kernel(matrix[0:1], matrix[1:]).ravel()  # rows are L2-normalised: this is the cosine
    volgorde = sorted(range(len(kandidaten)), key=lambda i: (-scores[i], i))
    return [Suggestie(kandidaten[i][0], float(scores[i])) for i in volgorde[:limiet] if scores[i] >= minimum]


def rangschik_elk(vragen: Sequence[tuple[str, Sequence[tuple[Any, str]]]], *, minimum: float = MINIMALE_GELIJKENIS,
                  limiet: int = 10) -> list[list[Suggestie]]:
    """``[rangschik(doel, kandidaten) for doel, kandidaten in vragen]``, with every distinct text
    analysed and counted once.

    Many targets ranked against overlapping candidates (the knelpunten list: 25 signals, each
    against up to 200 knelpunten whose texts join up to 50 signals) spent seconds counting the
    same long texts again for every target. The TF-IDF of each question is computed from the
    shared counts as ``TfidfVectorizer(sublinear_tf=True)`` would on that question's documents
    alone (smoothed idf over those documents, 1 + ln(tf), rows L2-normalised); the tests check
    that it ranks as ``rangschik`` does.
    """
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.preprocessing import normalize

    vragen = [(doel, [(obj, tekst) for obj, tekst in kandidaten if tekst.strip()][:MAX_KANDIDATEN])
              for doel, kandidaten in vragen]
    rij: dict[str, int] = {}
    for doel, kandidaten in vragen:
        for tekst in (doel, *(t for _, t in kandidaten)):
            rij.setdefault(tekst, len(rij))
    if not rij:
        return [[] for _ in vragen]
    try:
        tellingen = CountVectorizer(analyzer=analyseer).fit_transform(list(rij)).tocsr().astype(float)
    except ValueError:  # nothing but stopwords in every document
        return [[] for _ in vragen]
    uit = []
    for doel, kandidaten in vragen:
        if not kandidaten or not text.stems(doel):
            uit.append([])
            continue
        deel = tellingen[[rij[doel], *(rij[t] for _, t in kandidaten)]]
        df = (deel > 0).sum(axis=0).A1
        kolommen = df.nonzero()[0]
        deel = deel[:, kolommen].tocsr()
        deel.data = 1 + np.log(deel.data)  # sublinear tf
        idf = np.log((1 + deel.shape[0]) / (1 + df[kolommen])) + 1
        matrix = normalize(deel.multiply(idf).tocsr())
        scores = (matrix[1:] @ matrix[0].T).toarray().ravel()
        volgorde = sorted(range(len(kandidaten)), key=lambda i: (-scores[i], i))
        uit.append([Suggestie(kandidaten[i][0], float(scores[i])) for i in volgorde[:limiet] if scores[i] >= minimum])
    return uit
