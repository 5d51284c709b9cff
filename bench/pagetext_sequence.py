"""Experiment: a bidirectional GRU over a page's lines beside the page-text stage-one trees.

    python bench/pagetext_sequence.py                 # ~15 min on 2 cores (5 GRU fits)
    python bench/pagetext_sequence.py --seed 1 --epochs 20

Not a shipped model: this measures whether a sequence model that reads the whole page at once
adds to the boosted trees of extract/line_train.py, which see each line and its three neighbours
on either side. Same data (aeb-lines), same 140 line features (with same-outlet siblings), same
5-fold cross-validation BY DOMAIN; the table gives AUC and the best-threshold line F1 of the
out-of-fold scores of stage one alone, the GRU alone and their average. These are stage-one
scores: the shipped pipeline then adds stage two, the body's first/last-line models and span
decoding (bench/extraction.py --only pagetext). Needs torch (the [embeddings] extra).
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

from storydiff.extract import line_train


def make_net(n_features: int, hidden: int):
    import torch

    class LineGRU(torch.nn.Module):
        """Line features -> a linear layer -> a BiGRU over the page; the output layer reads the
        GRU state and the line's own projection."""

        def __init__(self) -> None:
            super().__init__()
            self.inp = torch.nn.Linear(n_features, hidden)
            self.gru = torch.nn.GRU(hidden, hidden, batch_first=True, bidirectional=True)
            self.out = torch.nn.Linear(3 * hidden, 1)
            self.drop = torch.nn.Dropout(0.2)

        def forward(self, x):
            h = self.drop(torch.relu(self.inp(x)))
            g, _ = self.gru(h)
            return self.out(torch.cat([g, h], -1)).squeeze(-1)

    return LineGRU()


def fit_gru(xs: list[np.ndarray], ys: list[np.ndarray], epochs: int, hidden: int, seed: int):
    """One page per update (batching pages lowered F1 by 0.005-0.025 at the same epochs)."""
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    net = make_net(xs[0].shape[1], hidden)
    opt = torch.optim.Adam(net.parameters(), lr=3e-3, weight_decay=1e-4)
    data = [(torch.tensor(x[None]), torch.tensor(y[None].astype(np.float32))) for x, y in zip(xs, ys)]
    for _ in range(epochs):
        net.train()
        for k in rng.permutation(len(data)):
            x, t = data[k]
            loss = torch.nn.functional.binary_cross_entropy_with_logits(net(x), t)
            opt.zero_grad()
            loss.backward()
            opt.step()
    net.eval()
    return net


def standardiser(pages: list[dict], mean: np.ndarray, scale: np.ndarray):
    """Page index -> its features scaled by the training fold's statistics, clipped to +-5."""
    return lambda i: np.clip((pages[i]["X"] - mean) / scale, -5, 5).astype(np.float32)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--hidden", type=int, default=32)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    import torch

    torch.set_num_threads(2)
    pages = line_train.load_pages()
    groups = [p["group"] for p in pages]
    gb: list = [None] * len(pages)
    gru: list = [None] * len(pages)
    t0 = time.time()
    for fold, (train, test) in enumerate(GroupKFold(args.folds).split(pages, groups=groups)):
        X = np.vstack([pages[i]["X"] for i in train])
        standard = standardiser(pages, X.mean(0), X.std(0) + 1e-6)
        net = fit_gru([standard(i) for i in train], [pages[i]["y"] for i in train], args.epochs, args.hidden, args.seed)
        trees = HistGradientBoostingClassifier(**line_train.GB_PARAMS).fit(
            X, np.concatenate([pages[i]["y"] for i in train])
        )
        with torch.no_grad():
            for i in test:
                gru[i] = torch.sigmoid(net(torch.tensor(standard(i)[None])))[0].numpy()
                gb[i] = trees.predict_proba(pages[i]["X"])[:, 1]
        print(f"fold {fold}: {time.time() - t0:.0f} s", flush=True)
    y = np.concatenate([p["y"] for p in pages]) == 1
    print(f"\naeb-lines, {len(pages)} pages, {len(y):,} lines; {args.folds}-fold CV by domain; "
          f"GRU: {args.epochs} epochs, {args.hidden} units, seed {args.seed}\n")
    print("| stage-one scores | AUC | best-threshold line F1 | threshold |")
    print("|---|---:|---:|---:|")
    for name, scores in (
        ("boosted trees (shipped stage one)", gb),
        ("BiGRU over the page's lines", gru),
        ("average of the two", [(a + b) / 2 for a, b in zip(gb, gru)]),
    ):
        p = np.concatenate(scores)
        f1, t = max((line_train.prf(y, p > t)[2], t) for t in np.arange(0.05, 0.9, 0.05))
        print(f"| {name} | {roc_auc_score(y, p):.4f} | {f1:.3f} | {t:.2f} |")


if __name__ == "__main__":
    main()
