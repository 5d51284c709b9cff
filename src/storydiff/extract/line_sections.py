"""Line features for what follows an article: comment threads, teaser lists and near-template lines.

Comment threads are long, sentence-like lines, as body is; what gives them away is the short
timestamp and rating lines between them ("2 days ago at 07:52 am", "Rating: 36 Votes") and a
"comments" heading before them. Teaser lists end in a cut-off "..." and near-template lines
differ from a sibling page's only in their numbers ("167 comments"). bench/extraction.py, nested
5-fold CV by domain, line F1 over line_features' features alone: 0.875 -> 0.887 with siblings,
0.856 -> 0.879 single page. Line-shape features (runs of same-shaped lines, for list bodies)
were measured too and cost F1: related-link lists share the shape of list bodies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

_TIMESTAMP = re.compile(
    r"\b\d+\s*(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b"
    r"|\b\d{1,2}:\d\d\s*([ap]\.?m\.?)?\b|\brating:\s*\d+|\b\d+\s+(votes?|likes?|replies|points)\b"
    r"|^\s*(reply|like|report|flag|share|permalink|quote)\s*$",
    re.I,
)
_COMMENTS = re.compile(
    r"\b(comments?|responses?|replies|discussion|leave a reply|join the conversation|conversation|disqus)\b", re.I
)
_TRUNCATED = re.compile(r"(\.\.\.|…)\s*$")
_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")
# A timestamp or comments line is a short one: a paragraph that mentions "3 days ago" is not.
_MAX_MARK_WORDS = {"timestamp": 12, "comments": 6}

SECTION_FEATURE_NAMES = [
    "timestamp", "comments_heading", "truncated", "words_to_page_median", "log_pipes", "all_caps_ratio",
    "sibling_rep_digits", "timestamp_w3", "timestamp_w10", "comments_headings_before", "log_timestamps_before",
    "log_timestamps_after", "truncated_w5", "sibling_rep_digits_w2",
    "timestamp_+1", "timestamp_+2", "timestamp_-1", "timestamp_-2",
]


def section_features(
    lines: Sequence[str], norms: Sequence[str], sibling_norms: Sequence[Sequence[str]]
) -> np.ndarray:
    """A (len(lines), len(SECTION_FEATURE_NAMES)) matrix. ``norms`` are the lines and
    ``sibling_norms`` the sibling pages' lines as line_features already normalised them."""
    from storydiff.extract.line_features import _shift, _window_mean  # one windowing for both modules

    n = len(lines)
    n_words = np.array([len(line.split()) for line in lines], dtype=float)
    timestamp = np.array([bool(_TIMESTAMP.search(line)) for line in lines]) & (n_words <= _MAX_MARK_WORDS["timestamp"])
    comments = np.array([bool(_COMMENTS.search(line)) for line in lines]) & (n_words <= _MAX_MARK_WORDS["comments"])
    timestamp, comments = timestamp.astype(float), comments.astype(float)
    truncated = np.array([bool(_TRUNCATED.search(line)) for line in lines], dtype=float)
    median = np.median(n_words[n_words > 0]) if (n_words > 0).any() else 1.0
    pipes = np.array([line.count("|") for line in lines], dtype=float)
    caps = np.array([_all_caps_ratio(line) for line in lines])
    if sibling_norms:
        sets = [{_DIGITS.sub("0", s) for s in sibling} for sibling in sibling_norms]
        keys = [_DIGITS.sub("0", norm) for norm in norms]
        near_template = np.array([sum(k in s for s in sets) / len(sets) for k in keys])
    else:
        near_template = np.zeros(n)

    def window(values: np.ndarray, w: int) -> np.ndarray:
        return _window_mean(values.reshape(-1, 1), w)[:, 0]

    def shift(values: np.ndarray, k: int) -> np.ndarray:
        return _shift(values.reshape(-1, 1), k)[:, 0]

    return np.column_stack([
        timestamp, comments, truncated, n_words / median, np.log1p(pipes), caps, near_template,
        window(timestamp, 3), window(timestamp, 10), np.minimum(np.cumsum(comments), 3),
        np.log1p(np.cumsum(timestamp)), np.log1p(timestamp.sum() - np.cumsum(timestamp)), window(truncated, 5),
        window(near_template, 2), shift(timestamp, 1), shift(timestamp, 2), shift(timestamp, -1), shift(timestamp, -2),
    ]).astype(float)


def _all_caps_ratio(line: str) -> float:
    words = _WORD.findall(line)
    return sum(w.isupper() and len(w) > 1 for w in words) / len(words) if words else 0.0
