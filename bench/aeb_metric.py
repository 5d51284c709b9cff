"""The article-extraction-benchmark (AEB) metric, as its ``evaluate.py`` defines it.

Tokens are ``\\w+`` matches (case kept); each page compares the multisets of 4-token shingles
of prediction and truth, normalises tp/fp/fn by their sum so every page weighs the same, and
precision/recall are averaged over the pages where they are defined. F1 comes from the means.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    # A text shorter than n tokens is one shingle of all its tokens (or none when empty).
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def page_counts(truth: str, prediction: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) for one page."""
    gold, pred = shingles(truth), shingles(prediction)
    tp = fp = fn = 0
    for key in gold.keys() | pred.keys():
        g, p = gold.get(key, 0), pred.get(key, 0)
        tp += min(g, p)
        fp += max(0, p - g)
        fn += max(0, g - p)
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def score(truth: Mapping[str, str], predictions: Mapping[str, str]) -> dict[str, float]:
    """precision / recall / F1 over the pages of ``truth`` (a missing prediction counts as empty)."""
    return score_counts([page_counts(gold, predictions.get(page_id) or "") for page_id, gold in truth.items()])


def score_counts(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """precision / recall / F1 from each page's normalised (tp, fp, fn), as ``score`` computes them."""
    precisions, recalls = [], []
    for tp, fp, fn in counts:
        if fp == 0 and fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def body_line_labels(lines: list[str], body: str, share: float = 0.5) -> list[int]:
    """1 for each line of page text of which at least ``share`` of the words align with ``body``.

    This is aeb-lines' own labelling rule (its README), so any extractor's output can be scored on
    the same lines as the gold: run with the gold ``articleBody`` it gives back aeb-lines' labels
    for 99.9% of the lines (19 extra, 7 missed of 31,149). Words are aligned by the longest common
    subsequence of the page's and the body's ``\\w+`` tokens, so a word counts once, in order.
    """
    from rapidfuzz.distance import LCSseq

    page_tokens, owner = [], []
    for index, line in enumerate(lines):
        for token in _TOKEN.findall(line):
            page_tokens.append(token)
            owner.append(index)
    body_tokens = _TOKEN.findall(body or "")
    aligned = [0] * len(lines)
    if page_tokens and body_tokens:
        ids: dict[str, int] = {}
        page_ids = [ids.setdefault(t, len(ids)) for t in page_tokens]
        body_ids = [ids.setdefault(t, len(ids)) for t in body_tokens]
        for block in LCSseq.editops(page_ids, body_ids).as_matching_blocks():
            for k in range(block.a, block.a + block.size):
                aligned[owner[k]] += 1
    sizes = [len(_TOKEN.findall(line)) for line in lines]
    return [1 if size and done / size >= share else 0 for done, size in zip(aligned, sizes)]


def word_scores(truth: str, prediction: str) -> tuple[float, float, float]:
    """WCXB's per-page word precision, recall and F1: bags of lower-cased ``\\w+`` tokens; an empty
    reference scores 1 only for an empty prediction."""
    ref = Counter(_TOKEN.findall((truth or "").lower()))
    pred = Counter(_TOKEN.findall((prediction or "").lower()))
    if not ref or not pred:
        return (1.0, 1.0, 1.0) if not ref and not pred else (0.0, 0.0, 0.0)
    overlap = sum((ref & pred).values())
    p, r = overlap / sum(pred.values()), overlap / sum(ref.values())
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def word_score(truth: Mapping[str, str], predictions: Mapping[str, str]) -> dict[str, float]:
    """WCXB's metric over pages: the means of the per-page word precision, recall and F1."""
    rows = [word_scores(gold, predictions.get(page_id) or "") for page_id, gold in truth.items()]
    n = max(len(rows), 1)
    return {"precision": sum(r[0] for r in rows) / n, "recall": sum(r[1] for r in rows) / n,
            "f1": sum(r[2] for r in rows) / n}


def lost_share(truth: Mapping[str, str], predictions: Mapping[str, str], below: float = 0.5) -> tuple[float, int]:
    """(share, count) of the pages with a gold body whose recall (AEB shingles) is below ``below``:
    the pages whose body went missing."""
    lost = with_body = 0
    for page_id, gold in truth.items():
        tp, _, fn = page_counts(gold, predictions.get(page_id) or "")
        if tp + fn > 0:
            with_body += 1
            lost += tp / (tp + fn) < below
    return lost / max(with_body, 1), lost
