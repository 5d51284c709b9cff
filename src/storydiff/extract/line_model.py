"""A boosted-tree ensemble stored as plain JSON (no pickle), scored with numpy.

The weights are learned by ``line_train.py`` from sklearn's HistGradientBoostingClassifier (older
weights: GradientBoostingClassifier) and hold only split features, thresholds and leaf values:
numbers, no text from the training pages.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).with_name("line_weights.json")


class TreeEnsemble:
    def __init__(self, spec: dict):
        self.init = float(spec["init"])
        self.rate = float(spec["learning_rate"])
        # GradientBoosting compares float32 features, HistGradientBoosting float64: match the trainer.
        self.dtype = np.float64 if spec.get("dtype") == "float64" else np.float32
        self.trees = [_self_looping(t) for t in spec["trees"]]
        # Every tree in one table (rows padded), walked together: one numpy step per level for
        # all trees, not one per tree and level (a page of a few lines paid ~10,000 tiny numpy
        # calls per model: JSON Lines ingest spent half its time here).
        width = max(len(t[0]) for t in self.trees)
        self._depth = max(t[5] for t in self.trees)
        self._table = [np.zeros((len(self.trees), width), dtype=dt) for dt in (np.intp, float, np.intp, np.intp, float)]
        for k, tree in enumerate(self.trees):
            for column, values in zip(self._table, tree[:5]):
                column[k, : len(values)] = values

    def decision(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=self.dtype)
        feature, threshold, left, right, value = self._table
        trees = np.arange(len(self.trees))[:, None]
        rows = np.arange(len(X))[None, :]
        node = np.zeros((len(self.trees), len(X)), dtype=np.intp)
        # Every row takes as many steps as the deepest tree; a leaf steps to itself (no masking
        # per step: clean_page_text 20 -> 32 pages/s over following only the rows still at inner
        # nodes).
        for _ in range(self._depth):
            node = np.where(X[rows, feature[trees, node]] <= threshold[trees, node], left[trees, node], right[trees, node])
        leaves = value[trees, node]
        raw = np.full(len(X), self.init)
        for leaf in leaves:  # tree by tree, as the trainer sums them: the same floats
            raw += self.rate * leaf
        return raw

    def proba(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.decision(X)))


def _self_looping(tree: dict) -> tuple:
    """(feature, threshold, left, right, value, depth) arrays where a leaf's children are itself."""
    feature = np.asarray(tree["feature"], dtype=np.intp)
    threshold = np.asarray(tree["threshold"], dtype=float)
    left = np.asarray(tree["left"], dtype=np.intp)
    right = np.asarray(tree["right"], dtype=np.intp)
    leaf = left < 0
    nodes = np.arange(len(left))
    feature = np.where(leaf, 0, feature)
    threshold = np.where(leaf, np.inf, threshold)
    left = np.where(leaf, nodes, left)
    right = np.where(leaf, nodes, right)
    max_depth, stack = 0, [(0, 0)]
    while stack:
        node, depth = stack.pop()
        max_depth = max(max_depth, depth)
        if not leaf[node]:
            stack += [(left[node], depth + 1), (right[node], depth + 1)]
    return feature, threshold, left, right, np.asarray(tree["value"], dtype=float), max_depth


def export_gb(model) -> dict:
    """sklearn GradientBoostingClassifier (binary, log-loss) to the JSON spec above."""
    prior = model.init_.class_prior_[1]
    trees = []
    for (estimator,) in model.estimators_:
        t = estimator.tree_
        trees.append({
            "feature": t.feature.tolist(),
            "threshold": t.threshold.tolist(),
            "left": t.children_left.tolist(),
            "right": t.children_right.tolist(),
            "value": [round(v[0][0], 6) for v in t.value.tolist()],
        })
    return {"init": float(np.log(prior / (1 - prior))), "learning_rate": model.learning_rate, "trees": trees}


def export_hgb(model) -> dict:
    """sklearn HistGradientBoostingClassifier (binary, numeric features, no NaN) to the same spec.

    Its leaf values already include the learning rate, so the spec's rate is 1.
    """
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append({
            "feature": nodes["feature_idx"].tolist(),
            "threshold": nodes["num_threshold"].tolist(),  # exact: HGB splits sit on data values
            "left": np.where(leaf, -1, nodes["left"].astype(np.int64)).tolist(),
            "right": np.where(leaf, -1, nodes["right"].astype(np.int64)).tolist(),
            "value": [round(float(v), 6) for v in nodes["value"]],
        })
    init = float(np.ravel(model._baseline_prediction)[0])
    return {"init": init, "learning_rate": 1.0, "dtype": "float64", "trees": trees}


@lru_cache(maxsize=1)
def load_models() -> dict[str, TreeEnsemble] | None:
    """The stage models by name, or None when the weights file is missing (rules are used then)."""
    if not WEIGHTS.exists():
        return None
    spec = json.loads(WEIGHTS.read_text())
    return {name: TreeEnsemble(model) for name, model in spec["models"].items()} | {"_meta": spec["meta"]}
