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
)


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
        """The weighted sum of the standardised features, before the logistic."""
        z = self.intercept
        for v, m, s, c in zip(x, self.mean, self.scale, self.coef):
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
    x: Sequence[Sequence[float]], y: Sequence[int], features: Sequence[str] = FEATURES, c: float = 1.0
) -> LinearScorer:
    """Fit on feature rows (columns named by ``features``); used by bench/train_scorer.py only."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    xa = np.asarray(x, dtype=float)
    mean = xa.mean(axis=0)
    scale = xa.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=2000).fit((xa - mean) / scale, np.asarray(y))
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
