"""Routing by text: suggest the owner (the organisation that must answer) and the TCU causes
from a signal's text, with a confidence.

Trained on the signals in the database (``schakel train-router``): features are TF-IDF
weights of Snowball (Dutch) stems of the text; labels are the signal's owner *after* any
reroute (a handler's forward is a correction, so forwarded signals also weigh double) and
its TCU causes. Linear models trained by stochastic gradient descent keep training on 100k
signals within minutes on two cores and a prediction within milliseconds. The model is
stored as a versioned joblib file with a JSON metadata file next to it, under
``DATA_DIR/modellen/``; the newest version is used. Nothing is downloaded.
"""

from __future__ import annotations

import json
import logging
import random
import statistics
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import joblib
import numpy as np
import sklearn
from django.conf import settings
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer

from schakel.audit.models import Gebeurtenis
from schakel.core import clock
from schakel.signalen.models import Signaal

from .gelijkenis import analyseer

logger = logging.getLogger(__name__)

PREFIX = "router-"
FORMAAT = 2  # bump when the stored structure changes; older files are then ignored
MIN_SIGNALEN = 20
GEWICHT_DOORGESTUURD = 2.0
CORRECTIES = ("doorgestuurd", "getrieerd")  # audit actions where a person chose the owner


@dataclass(frozen=True)
class Voorbeeld:
    tekst: str
    eigenaar: str  # afkorting
    oorzaken: tuple[str, ...]  # codes
    gewicht: float = 1.0


@dataclass(frozen=True)
class Kans:
    label: str
    kans: float  # 0..1

    @property
    def procent(self) -> int:
        return round(self.kans * 100)


@dataclass(frozen=True)
class Advies:
    eigenaren: list[Kans]  # best first
    oorzaken: list[Kans]  # causes with probability >= 0.5, best first
    versie: str
    beste_oorzaak: Kans | None = None  # the most likely cause, whatever its probability


def tekst_van(titel: str, praktijk: str, getroffen_burgers: str = "", verbetervoorstel: str = "") -> str:
    return " ".join(p for p in (titel, titel, praktijk, getroffen_burgers, verbetervoorstel) if p)


def voorbeelden(queryset=None) -> list[Voorbeeld]:
    """Training examples from the database: every signal with an owner that a person wrote.

    A signal made from the counts of retourstickers is left out: its text is generated and its
    owner follows from the letter, not from what a filer wrote."""
    queryset = queryset if queryset is not None else Signaal.objects.all()
    qs = queryset.filter(eigenaar__isnull=False).exclude(retourstickers__isnull=False).select_related("eigenaar").prefetch_related("oorzaken").order_by("id")
    # A handler's reroute (a forward, or the choice made in the triage queue) is a correction.
    doorgestuurd = set(Gebeurtenis.objects.filter(actie__in=CORRECTIES, signaal__isnull=False)
                       .values_list("signaal_id", flat=True))
    return [Voorbeeld(tekst_van(s.titel, s.praktijk, s.getroffen_burgers, s.verbetervoorstel), s.eigenaar.afkorting,
                      tuple(sorted(o.code for o in s.oorzaken.all())),
                      GEWICHT_DOORGESTUURD if s.pk in doorgestuurd else 1.0)
            for s in qs.iterator(chunk_size=2000)]


class Router:
    """The fitted model: vectoriser, owner classifier, causes classifier."""

    def __init__(self, *, seed: int = 0):
        self.seed = seed
        self.vectoriseerder = TfidfVectorizer(analyzer=analyseer, sublinear_tf=True, min_df=1, max_features=200_000)
        self.eigenaar_model = None
        self.enige_eigenaar: str | None = None
        self.oorzaken_model = None
        self.oorzaken_labels = MultiLabelBinarizer()
        self.versie = ""
        self.metadata: dict = {}
        self.aantal_voorbeelden = 0  # training examples (weighs the model against recognition)

    def _sgd(self) -> SGDClassifier:
        return SGDClassifier(loss="log_loss", alpha=1e-5, max_iter=100, tol=1e-3, random_state=self.seed)

    def train(self, voorbeelden: Sequence[Voorbeeld]) -> "Router":
        if len(voorbeelden) < MIN_SIGNALEN:
            raise ValueError(f"Te weinig signalen om te trainen: {len(voorbeelden)} (minimaal {MIN_SIGNALEN}).")
        self.aantal_voorbeelden = len(voorbeelden)
        X = self.vectoriseerder.fit_transform([v.tekst for v in voorbeelden])
        gewichten = np.array([v.gewicht for v in voorbeelden])
        y = [v.eigenaar for v in voorbeelden]
        if len(set(y)) == 1:
            self.enige_eigenaar = y[0]
        else:
            self.eigenaar_model = self._sgd().fit(X, y, sample_weight=gewichten)
        Y = self.oorzaken_labels.fit_transform([v.oorzaken for v in voorbeelden])
        kolommen = Y.sum(axis=0) if Y.size else np.array([])
        if Y.shape[1] and all(0 < k < len(voorbeelden) for k in kolommen):
            self.oorzaken_model = OneVsRestClassifier(self._sgd(), n_jobs=1).fit(X, Y)
        return self

    def adviseer(self, tekst: str, *, top: int = 3, alle_oorzaken: bool = False) -> Advies:
        """Owners best first (``top``) and the causes with probability >= 0.5 (all causes, best
        first, with ``alle_oorzaken``)."""
        X = self.vectoriseerder.transform([tekst])
        if self.eigenaar_model is None:
            eigenaren = [Kans(self.enige_eigenaar, 1.0)] if self.enige_eigenaar else []
        else:
            kansen = self.eigenaar_model.predict_proba(X)[0]
            volgorde = np.argsort(-kansen)[:top]
            eigenaren = [Kans(str(self.eigenaar_model.classes_[i]), float(kansen[i])) for i in volgorde]
        oorzaken, beste = [], None
        if self.oorzaken_model is not None:
            kansen = self.oorzaken_model.predict_proba(X)[0]
            alle = [Kans(str(self.oorzaken_labels.classes_[i]), float(kansen[i])) for i in np.argsort(-kansen)]
            oorzaken, beste = (alle if alle_oorzaken else [k for k in alle if k.kans >= 0.5]), alle[0]
        return Advies(eigenaren, oorzaken, self.versie, beste)

    # --- storage ---------------------------------------------------------------------------

    def bewaar(self, map_: Path | None = None, *, extra: dict | None = None) -> Path:
        map_ = map_ or modelmap()
        map_.mkdir(parents=True, exist_ok=True)
        self.versie = clock.now().strftime("%Y%m%dT%H%M%S%fZ")
        pad = map_ / f"{PREFIX}{self.versie}.joblib"
        self.metadata = {"versie": self.versie, "formaat": FORMAAT, "getraind_op": clock.now().isoformat(),
                         "sklearn": sklearn.__version__, **(extra or {})}
        tijdelijk = pad.with_suffix(".tmp")
        joblib.dump(self, tijdelijk, compress=3)
        tijdelijk.replace(pad)  # atomic: a reader never sees half a model
        pad.with_suffix(".json").write_text(json.dumps(self.metadata, indent=2, ensure_ascii=False))
        return pad


def modelmap() -> Path:
    return Path(settings.DATA_DIR) / "modellen"


def laad(map_: Path | None = None) -> Router | None:
    """The newest stored model, or None when none was trained (or it is of an older format)."""
    map_ = map_ or modelmap()
    for pad in sorted(map_.glob(f"{PREFIX}*.joblib"), reverse=True):
        meta = pad.with_suffix(".json")
        if not meta.exists() or json.loads(meta.read_text()).get("formaat") != FORMAAT:
            continue
        router = joblib.load(pad)
        return router if isinstance(router, Router) else None
    return None


_cache: dict[str, tuple[float, Router | None]] = {}


def actueel() -> Router | None:
    """The newest model, loaded once per file version (checked at most every minute)."""
    nu = time.monotonic()
    sleutel = str(modelmap())
    if sleutel in _cache and nu - _cache[sleutel][0] < 60:
        return _cache[sleutel][1]
    try:
        router = laad()
    except Exception:  # noqa: BLE001 — a broken model file must not break a page: no advice then
        logger.exception("Het routeringsmodel in %s kon niet worden geladen.", sleutel)
        router = None
    _cache[sleutel] = (nu, router)
    return router


def adviseer_signaal(signaal) -> Advies | None:
    router = actueel()
    if router is None:
        return None
    return router.adviseer(tekst_van(signaal.titel, signaal.praktijk, signaal.getroffen_burgers,
                                     signaal.verbetervoorstel))


# --- evaluation ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Evaluatie:
    trainen: int
    toetsen: int
    top1: float
    top3: float
    basislijn: float  # accuracy of always predicting the most common owner
    oorzaak_top1: float  # share of test signals whose most likely cause is one of their causes
    oorzaak_basislijn: float
    ms_per_voorspelling: float  # median
    trainseconden: float


def splits(voorbeelden: Sequence[Voorbeeld], *, toetsdeel: float = 0.2, seed: int = 0):
    volgorde = list(range(len(voorbeelden)))
    random.Random(seed).shuffle(volgorde)
    n = max(1, int(len(volgorde) * toetsdeel))
    return [voorbeelden[i] for i in volgorde[n:]], [voorbeelden[i] for i in volgorde[:n]]


def evalueer(voorbeelden: Sequence[Voorbeeld], *, toetsdeel: float = 0.2, seed: int = 0) -> Evaluatie:
    """Train on a random part, measure on the held-out rest against the majority baseline."""
    train, toets = splits(voorbeelden, toetsdeel=toetsdeel, seed=seed)
    begin = time.perf_counter()
    router = Router(seed=seed).train(train)
    trainseconden = time.perf_counter() - begin
    meeste = Counter(v.eigenaar for v in train).most_common(1)[0][0]
    oorzaken_train = Counter(c for v in train for c in v.oorzaken)
    meeste_oorzaak = oorzaken_train.most_common(1)[0][0] if oorzaken_train else None
    top1 = top3 = oorzaak_raak = oorzaak_basis = met_oorzaak = 0
    duren = []
    for v in toets:
        begin = time.perf_counter()
        advies = router.adviseer(v.tekst)
        duren.append(time.perf_counter() - begin)
        labels = [k.label for k in advies.eigenaren]
        top1 += bool(labels) and labels[0] == v.eigenaar
        top3 += v.eigenaar in labels[:3]
        if v.oorzaken:
            met_oorzaak += 1
            oorzaak_raak += bool(advies.beste_oorzaak) and advies.beste_oorzaak.label in v.oorzaken
            oorzaak_basis += meeste_oorzaak in v.oorzaken
    ms = statistics.median(duren) * 1000  # the median: robust to a busy machine's hiccups
    return Evaluatie(
        trainen=len(train), toetsen=len(toets), top1=top1 / len(toets), top3=top3 / len(toets),
        basislijn=sum(v.eigenaar == meeste for v in toets) / len(toets),
        oorzaak_top1=oorzaak_raak / met_oorzaak if met_oorzaak else 0.0,
        oorzaak_basislijn=oorzaak_basis / met_oorzaak if met_oorzaak else 0.0,
        ms_per_voorspelling=ms, trainseconden=trainseconden,
    )
