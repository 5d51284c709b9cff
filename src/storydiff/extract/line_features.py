"""Per-line features of a page's visible text, for the body/boilerplate line classifier.

A body line is long, ends a sentence, is mostly function words, and sits among other such
lines; boilerplate is short, link-like, repeated (within the page or across pages of the same
outlet) and sits among menus. Window features and the exact features of the three lines above
and below carry the "sits among" part; the best-scoring contiguous run of lines (a max-subarray
over line scores), the share of the page's sentence text before and after a line and its distance
to the headline mark where the article most likely is. ``line_sections`` adds what marks comment
threads, teaser lists and near-template lines after the article.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from storydiff.extract.line_sections import SECTION_FEATURE_NAMES, section_features
from storydiff.stopwords import SPACY_STOP_WORDS as STOP_WORDS

_WORD = re.compile(r"\w+", re.UNICODE)
_TERMINAL = re.compile(r"[.!?…:;\"'”’»)\]]\s*$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]?\s*$")
# Phrases that mark navigation, legal, sharing and promotion lines in many languages' English-ish templates.
_BOILERPLATE_WORDS = re.compile(
    r"\b(cookies?|privacy|terms of (use|service)|copyright|all rights reserved|subscribe|subscription|"
    r"newsletter|sign (in|up)|log ?in|register|advertis\w*|sponsored|share|tweet|facebook|twitter|"
    r"instagram|whatsapp|linkedin|pinterest|follow us|read (more|also|next)|related|recommended|"
    r"comments?|reply|click|download|javascript|browser|ad ?blocker|donat\w*|patron|menu|home|"
    r"contact us|about us|loading|trending|most (read|popular)|newsletter|email|photo|image|credit|"
    r"getty|shutterstock|reuters|ap photo|updated|published)\b|©|»|\|",
    re.I,
)
# Headings that open what follows an article (related links, tags, comments, footers): the body's
# end is usually the line before the first of them; a list-style body (deals, recipes, event dates)
# looks like boilerplate line by line, and this is what tells where it stops.
_STARTS_BODY_END = re.compile(
    r"^\s*(read (also|more|next)|related|more (from|on|in|stories)|recommended|comments?|view comments|"
    r"leave a (comment|reply)|share this|you (may|might) (also )?like|tags?\b|topics?:|most (read|popular)|"
    r"advertisement|in this article|trending|editors'? picks|have a tip|want more|join our newsletter|"
    r"about the author|top deals|materials? on the topic|материалы по теме|читайте также|похожие)\b",
    re.I,
)
_DATE_OR_BYLINE = re.compile(
    r"^\s*(by\s+[A-Z]|updated|published|posted)\b|\b(19|20)\d\d\b.{0,20}\d{1,2}:\d\d|\b\d{1,2}:\d\d\s*(am|pm)\b",
    re.I,
)

FEATURE_NAMES = [
    "log_chars", "words", "log_words", "terminal", "sentence_end", "stopword_ratio", "upper_start_ratio",
    "digit_ratio", "punct_ratio", "boiler_words", "starts_body_end", "date_or_byline", "dup_in_page",
    "first_dup_near_top", "rel_pos", "sibling_rep", "has_siblings", "in_best_run", "dist_best_run",
    "after_best_run", "before_best_run", "long_sent", "c4_keep", "is_title_like", "after_body_end_marker",
    "n_sentences", "comma_ratio", "title_repeat", "to_next_end_marker",
]
_WINDOWS = (1, 2, 5)
_WINDOWED = ["log_chars", "sentence_end", "stopword_ratio", "boiler_words", "long_sent", "upper_start_ratio"]
# Each of the three lines above and below, feature by feature: a window mean blurs a one-line
# heading between paragraphs into the paragraphs; the trees see it exactly here.
_SHIFTS = (1, 2, 3, -1, -2, -3)
_SHIFTED = ["log_chars", "sentence_end", "stopword_ratio", "boiler_words", "upper_start_ratio", "starts_body_end",
            "dup_in_page", "sibling_rep", "digit_ratio", "long_sent"]
# Where the line sits relative to the article's mass of sentences, its longest line and its headline
# (bench/extraction.py ablation: +0.01 line F1 out of fold).
PAGE_FEATURE_NAMES = [
    "body_mass_before_frac", "body_mass_after_frac", "log_body_mass_before", "log_body_mass_after",
    "lines_to_next_sentence", "lines_since_sentence", "from_longest_line", "from_headline", "bullet",
    "log_page_lines", "log_page_body_mass",
]
_BULLET = re.compile(r"^\s*([•·▪►■\-–—*+]|\d{1,3}[.)]\s)")


def feature_names() -> list[str]:
    names = list(FEATURE_NAMES)
    for w in _WINDOWS:
        names += [f"{name}_w{w}" for name in _WINDOWED]
    names += [f"{name}_prev" for name in ("log_chars", "sentence_end")]
    names += [f"{name}_next" for name in ("log_chars", "sentence_end")]
    names += [f"{name}_{k:+d}" for k in _SHIFTS for name in _SHIFTED]
    names += SECTION_FEATURE_NAMES
    names += PAGE_FEATURE_NAMES  # last: boundary_features reads them from the end
    return names


def normalise_line(line: str) -> str:
    return " ".join(_WORD.findall(line.lower()))


def line_features(lines: Sequence[str], siblings: Sequence[Sequence[str]] = ()) -> np.ndarray:
    """A (len(lines), n_features) matrix; ``siblings`` are other pages of the same outlet, as lines."""
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(feature_names())))
    norms = [normalise_line(line) for line in lines]
    counts = Counter(norms)
    sibling_norms = [[normalise_line(s) for s in sib] for sib in siblings]
    sibling_sets = [set(sib) for sib in sibling_norms]
    first_seen: dict[str, int] = {}
    base = np.zeros((n, len(FEATURE_NAMES)))
    col = {name: i for i, name in enumerate(FEATURE_NAMES)}
    title_norm = norms[0] if norms else ""
    for i, (line, norm) in enumerate(zip(lines, norms)):
        words = _WORD.findall(line)
        n_words = len(words)
        stripped = line.strip()
        chars = len(stripped)
        lower_words = [w.lower() for w in words]
        stop = sum(w in STOP_WORDS for w in lower_words)
        sentences = len(re.findall(r"[.!?…](\s|$)", stripped))
        f = base[i]
        f[col["log_chars"]] = math.log1p(chars)
        f[col["words"]] = min(n_words, 200)
        f[col["log_words"]] = math.log1p(n_words)
        f[col["terminal"]] = bool(_TERMINAL.search(stripped))
        f[col["sentence_end"]] = bool(_SENTENCE_END.search(stripped))
        f[col["stopword_ratio"]] = stop / n_words if n_words else 0.0
        f[col["upper_start_ratio"]] = sum(w[:1].isupper() for w in words) / n_words if n_words else 0.0
        # counted by str methods mapped in C (a character is never both alnum and space)
        f[col["digit_ratio"]] = sum(map(str.isdigit, stripped)) / chars if chars else 0.0
        f[col["punct_ratio"]] = (
            (chars - sum(map(str.isalnum, stripped)) - sum(map(str.isspace, stripped))) / chars if chars else 0.0
        )
        f[col["comma_ratio"]] = stripped.count(",") / n_words if n_words else 0.0
        f[col["boiler_words"]] = min(len(_BOILERPLATE_WORDS.findall(stripped)), 5)
        f[col["starts_body_end"]] = bool(_STARTS_BODY_END.match(stripped)) and n_words <= 12
        f[col["date_or_byline"]] = bool(_DATE_OR_BYLINE.search(stripped)) and n_words <= 25
        f[col["dup_in_page"]] = min(counts[norm], 5) if norm else 5
        if norm in first_seen:
            f[col["first_dup_near_top"]] = i - first_seen[norm] < 30
        else:
            first_seen[norm] = i
        f[col["title_repeat"]] = bool(title_norm) and i > 0 and (
            norm == title_norm or (len(norm) > 20 and norm in title_norm)
        )
        f[col["rel_pos"]] = i / n
        if sibling_sets:
            f[col["sibling_rep"]] = sum(norm in s for s in sibling_sets) / len(sibling_sets) if norm else 1.0
            f[col["has_siblings"]] = 1.0
        f[col["long_sent"]] = n_words >= 15 and f[col["terminal"]] and f[col["stopword_ratio"]] > 0.2
        f[col["c4_keep"]] = c4_keep(stripped)
        f[col["is_title_like"]] = 3 <= n_words <= 20 and not f[col["terminal"]] and f[col["upper_start_ratio"]] > 0.6
        f[col["n_sentences"]] = min(sentences, 10)
    # The article's most likely place: the max-sum contiguous run of "long sentence" scores.
    score = np.where(base[:, col["long_sent"]] > 0, 1.0, np.where(base[:, col["words"]] >= 8, 0.2, -0.6))
    score -= 0.5 * (base[:, col["sibling_rep"]] > 0.5)
    start, end = best_run(score)
    idx = np.arange(n)
    base[:, col["in_best_run"]] = (idx >= start) & (idx <= end)
    dist = np.where(idx < start, start - idx, np.where(idx > end, idx - end, 0))
    base[:, col["dist_best_run"]] = np.log1p(dist)
    base[:, col["after_best_run"]] = idx > end
    base[:, col["before_best_run"]] = idx < start
    marker = np.cumsum(base[:, col["starts_body_end"]] * (idx > start))
    base[:, col["after_body_end_marker"]] = np.minimum(marker, 3)
    # How far the next body-end heading is: list items of a body run up to it, template after it.
    markers = np.flatnonzero(base[:, col["starts_body_end"]] * (idx > start))
    markers = np.append(markers, 2 * n)  # a sentinel: no heading ahead reads as "far away"
    gap = markers[np.searchsorted(markers, idx, side="left")] - idx
    base[:, col["to_next_end_marker"]] = np.log1p(gap)
    parts = [base]
    windowed = base[:, [col[name] for name in _WINDOWED]]
    for w in _WINDOWS:
        parts.append(_window_mean(windowed, w))
    pn = base[:, [col["log_chars"], col["sentence_end"]]]
    parts.append(np.vstack([np.zeros((1, 2)), pn[:-1]]))
    parts.append(np.vstack([pn[1:], np.zeros((1, 2))]))
    shifted = base[:, [col[name] for name in _SHIFTED]]
    parts += [_shift(shifted, k) for k in _SHIFTS]
    parts.append(section_features(lines, norms, sibling_norms))
    parts.append(_page_features(lines, norms, base, col))
    return np.hstack(parts)


def _shift(values: np.ndarray, k: int) -> np.ndarray:
    """Row i holds row i-k (zeros past the page's edges)."""
    out = np.zeros_like(values)
    if k > 0:
        out[k:] = values[:-k]
    elif k < 0:
        out[:k] = values[-k:]
    return out


def _page_features(lines: Sequence[str], norms: list[str], base: np.ndarray, col: dict[str, int]) -> np.ndarray:
    """PAGE_FEATURE_NAMES: the line's place in the page, measured from where the article likely is."""
    n = len(lines)
    idx = np.arange(n)
    chars = np.expm1(base[:, col["log_chars"]])
    mass = chars * (base[:, col["long_sent"]] > 0)  # characters of sentence-like lines
    total = mass.sum() + 1
    before = np.concatenate([[0.0], np.cumsum(mass)[:-1]])
    after = total - 1 - np.cumsum(mass)
    sentence_rows = np.flatnonzero(mass > 0)
    if len(sentence_rows):
        pos = np.searchsorted(sentence_rows, idx)
        to_next = np.where(pos < len(sentence_rows), sentence_rows[np.minimum(pos, len(sentence_rows) - 1)] - idx, 2 * n)
        since = np.where(pos > 0, idx - sentence_rows[np.maximum(pos - 1, 0)], 2 * n)
    else:
        to_next = since = np.full(n, 2 * n)
    longest = int(np.argmax(chars))
    from_longest = np.sign(idx - longest) * np.log1p(np.abs(idx - longest))
    # The headline: a 3-30 word line printed twice near the top (<title> and <h1>); its last copy.
    top = max(40, n // 2)
    counts = Counter(x for x in norms[:top] if 3 <= len(x.split()) <= 30)
    repeated = [i for i, x in enumerate(norms[:top]) if counts.get(x, 0) > 1]
    if repeated:
        headline = norms[repeated[-1]]
        head = max(i for i, x in enumerate(norms[:top]) if x == headline)
        from_headline = np.sign(idx - head) * np.log1p(np.abs(idx - head))
    else:
        from_headline = np.full(n, -10.0)
    return np.column_stack([
        before / total, after / total, np.log1p(before), np.log1p(after), np.log1p(np.maximum(to_next, 0)),
        np.log1p(since), from_longest, from_headline, [bool(_BULLET.match(line)) for line in lines],
        np.full(n, math.log1p(n)), np.full(n, math.log1p(total)),
    ]).astype(float)


def _window_mean(values: np.ndarray, w: int) -> np.ndarray:
    """Mean over lines i-w..i+w excluding i itself (zero-padded at the page's edges)."""
    n = len(values)
    padded = np.vstack([np.zeros((w, values.shape[1])), values, np.zeros((w, values.shape[1]))])
    csum = np.vstack([np.zeros((1, values.shape[1])), np.cumsum(padded, axis=0)])
    total = csum[2 * w + 1 : 2 * w + 1 + n] - csum[:n]
    return (total - values) / (2 * w)


def best_run(score: np.ndarray) -> tuple[int, int]:
    best, best_span = -math.inf, (0, -1)
    current, start = 0.0, 0
    for i, s in enumerate(score):
        if current <= 0:
            current, start = s, i
        else:
            current += s
        if current > best:
            best, best_span = current, (start, i)
    return best_span


_C4_POLICY = re.compile(r"terms of use|privacy policy|cookie policy|uses cookies|use of cookies|use cookies", re.I)


def c4_keep(line: str) -> bool:
    """C4's line rules: ends in terminal punctuation, >= 3 words, no JavaScript/policy/curly-brace lines."""
    stripped = line.strip()
    return (
        stripped.endswith((".", "!", "?", '"'))
        and len(stripped.split()) >= 3
        and "javascript" not in stripped.lower()
        and "{" not in stripped
        and "lorem ipsum" not in stripped.lower()
        and not _C4_POLICY.search(stripped)
    )


def context_features(prob: np.ndarray) -> np.ndarray:
    """Second-stage features: how body-like the lines around each line were judged.

    A short list item or subheading between two confident body paragraphs is body; the same
    line among menus is not. Stage one cannot see that; these windows over its output can.
    """
    n = len(prob)
    if n == 0:
        return np.zeros((0, 14))
    p = prob.reshape(-1, 1)
    cols = [prob]
    for w in (1, 2, 5, 10):
        cols.append(_window_mean(p, w)[:, 0])
    cols.append(_window_mean(p, 1)[:, 0] - _window_mean(p, 10)[:, 0])
    for k in (3, 10):
        padded = np.concatenate([np.zeros(k), prob, np.zeros(k)])
        windows = np.lib.stride_tricks.sliding_window_view(padded, k)
        before = windows[:n].max(axis=1)  # lines i-k .. i-1
        after = windows[k + 1 : k + 1 + n].max(axis=1)  # lines i+1 .. i+k
        cols += [before, after, np.minimum(before, after)]
    confident = prob > 0.5
    seen_before = np.concatenate([[0], np.cumsum(confident)[:-1]])
    seen_after = confident.sum() - np.cumsum(confident)
    cols.append((seen_before > 0) & (seen_after > 0))
    cols.append(np.full(n, prob.max()))
    return np.column_stack(cols).astype(float)


def boundary_features(prob: np.ndarray, X: np.ndarray) -> np.ndarray:
    """Features for "is this the article's first / last body line" from line scores and features.

    The body's end is where the score mass ahead runs out (what follows is a related-links list or
    comments) and its start where the mass behind is nil; the line's own features and its
    neighbours' say whether it is a heading, a list item or a sentence.
    """
    n = len(prob)
    if n == 0:
        return np.zeros((0, 17 + 3 * len(FEATURE_NAMES) + len(PAGE_FEATURE_NAMES)))
    cs = np.cumsum(prob)
    total = cs[-1] + 1e-9
    confident = np.cumsum(prob > 0.5)
    cols = [prob, _shift(prob[:, None], 1)[:, 0], _shift(prob[:, None], -1)[:, 0],
            _shift(prob[:, None], 2)[:, 0], _shift(prob[:, None], -2)[:, 0]]
    for k in (3, 10, 30):
        cols += [_range_mean(cs, 1, k), _range_mean(cs, -k, -1)]
    cols += [cs / total, (total - cs) / total, np.log1p(np.maximum(total - cs, 0)), np.log1p(cs - prob),
             confident, confident[-1] - confident]
    own = X[:, : len(FEATURE_NAMES)]
    return np.hstack([np.column_stack(cols), own, _shift(own, -1), _shift(own, 1), X[:, -len(PAGE_FEATURE_NAMES):]])


def _range_mean(cs: np.ndarray, a: int, b: int) -> np.ndarray:
    """Mean of the scores over lines i+a..i+b (zeros past the page's edges), from their cumsum."""
    n = len(cs)
    padded = np.concatenate([[0.0], cs])
    lo = np.clip(np.arange(n) + a, 0, n)
    hi = np.clip(np.arange(n) + b + 1, 0, n)
    return (padded[hi] - padded[lo]) / (b - a + 1)
