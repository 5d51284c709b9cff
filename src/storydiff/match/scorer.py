"""Learned same-story scorer: logistic regression over article-vs-story features.

The clusterer (``OnlineClusterer._story_features``) describes an article against a story with a
few numbers: average-link cosines per channel (words, names, numbers, title, years), how much of
each side's top names the other lacks, how many of the story's articles carry a year, and the
story's size. A linear model over them, fitted on ECB+ dev with the stories built from the gold
labels (bench/train_scorer.py), turns them into a probability. The weights ship as a small JSON
file of numbers beside this module; nothing here needs scikit-learn at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

WEIGHTS = Path(__file__).with_name("story_scorer.json")

# Every feature the clusterer can compute, in this order; a weights file names the subset it uses
# (bench/train_scorer.py --drop measures each one's worth).
FEATURES = (
    "cos_words",
    "cos_entities",
    "cos_numbers",
    "cos_title",
    "cos_years",
    "years_both",  # article has a year x share of the story's articles with one
    "year_gap",  # |latest year named by the article - latest named in the story|, capped at 5, / 5
    "same_year",  # both name years and the latest agree
    "miss_doc_names",  # share of the article's top-name weight absent from the story
    "miss_story_names",  # share of the story's top-name weight absent from the article
    "miss_doc_salient_names",  # share of the names the article repeats that the story lacks
    "miss_doc_salient_numbers",  # the same for figures the article repeats
    "inv_size",  # 1 / story size: one article's match is a single noisy pairwise score
    # What the four shares above cannot say: a side without names, an article that repeats no name
    # or no figure. The share is then undefined (NaN: it contributes nothing, see ``linear``), and
    # these say how much the absence itself weighs. Before them an undefined share read 0, "every
    # name present": a nameless page (a how-to, a shop's page) looked like a perfect name match.
    "names_absent",  # the article or the story names no one
    "no_salient_names",  # the article repeats no name
    "no_salient_numbers",  # the article repeats no figure
)
# Each share that may be undefined, and the indicator that says when: weights that use the
# indicator read the share as undefined (NaN) there, weights without it (older ones) as 0.
INDICATOR_OF = {
    "miss_doc_names": "names_absent",
    "miss_story_names": "names_absent",
    "miss_doc_salient_names": "no_salient_names",
    "miss_doc_salient_numbers": "no_salient_numbers",
}


@dataclass(frozen=True)
class LinearScorer:
    """Standardised features -> logistic probability."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def __post_init__(self) -> None:
        n = len(self.features)
        if not (len(self.mean) == len(self.scale) == len(self.coef) == n):
            raise ValueError("scorer weights do not match its feature list")

    def linear(self, x: Sequence[float]) -> float:
        """The weighted sum of the standardised features, before the logistic. An undefined
        feature (NaN) reads as its training mean: it adds nothing either way."""
        z = self.intercept
        for v, m, s, c in zip(x, self.mean, self.scale, self.coef):
            if v == v:  # not NaN
                z += c * (v - m) / s
        return z

    def probability(self, x: Sequence[float]) -> float:
        z = self.linear(x)
        if z < -30.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self, **meta: object) -> str:
        return json.dumps({**asdict(self), "meta": meta}, indent=1)

    @classmethod
    def from_dict(cls, d: dict) -> LinearScorer:
        return cls(
            tuple(d["features"]),
            tuple(float(v) for v in d["mean"]),
            tuple(float(v) or 1.0 for v in d["scale"]),
            tuple(float(v) for v in d["coef"]),
            float(d["intercept"]),
        )


def fit(
    x: Sequence[Sequence[float]],
    y: Sequence[int],
    features: Sequence[str] = FEATURES,
    c: float = 1.0,
    sample_weight: Sequence[float] | None = None,
) -> LinearScorer:
    """Fit on feature rows (columns named by ``features``); used by bench/train_scorer.py only."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    xa = np.array(x, dtype=float)
    undefined = np.isnan(xa)
    mean = np.nanmean(np.where(undefined.all(axis=0), 0.0, xa), axis=0)
    xa[undefined] = np.broadcast_to(mean, xa.shape)[undefined]  # as ``linear`` reads them
    scale = xa.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=2000).fit((xa - mean) / scale, np.asarray(y), sample_weight=sample_weight)
    return LinearScorer(
        tuple(features),
        tuple(mean.tolist()),
        tuple(scale.tolist()),
        tuple(lr.coef_[0].tolist()),
        float(lr.intercept_[0]),
    )


@lru_cache(maxsize=4)
def load(path: Path = WEIGHTS) -> LinearScorer | None:
    """The shipped weights, or None when the file is missing or names a feature we do not compute."""
    try:
        scorer = LinearScorer.from_dict(json.loads(Path(path).read_text()))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return scorer if scorer.features and set(scorer.features) <= set(FEATURES) else None
