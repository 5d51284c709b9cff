"""Pages of one outlet recognised from their text alone: the template lines they share.

Page text pasted from five pages of one site (no URL, no outlet name) shares that site's menus,
footers and notices, line for line; two sites rarely share more than a few generic lines. Each
page's template candidates are its lines that are not sentences (a menu item, a heading, a
notice); two pages are siblings when the Jaccard similarity of those sets reaches
``ExtractSettings.sibling_min_jaccard`` (chosen in bench/extraction.py on two corpora and
checked on the third). A page that shares most of its *sentences* with another is a copy or a
reprint of the same article, not a template sibling: its lines would all look like template.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storydiff.extract.line_features import _TERMINAL, normalise_line
from storydiff.settings import ExtractSettings

# A sentence line: this many words and terminal punctuation. The same rule as the line model's
# prose lines, so that what is compared here is what the model treats as template evidence.
_SENTENCE_WORDS = 10
# Two pages sharing this share of the smaller page's sentence text carry the same article.
_SAME_ARTICLE = 0.5
_MAX_LINES = 50_000
# Up to this many pages, pairs are counted by set intersections rather than sparse products.
_FEW_PAGES = 24


def line_sets(text: str) -> tuple[set[str], set[str]]:
    """(template candidates, sentence lines) of a page's text, normalised."""
    template, sentences = set(), set()
    for line in text.splitlines()[:_MAX_LINES]:
        norm = normalise_line(line[:2000])
        if not norm:
            continue
        if len(norm.split()) >= _SENTENCE_WORDS and _TERMINAL.search(line.strip()):
            sentences.add(norm)
        else:
            template.add(norm)
    return template, sentences


def _incidence(sets: list[set[str]], by_length: bool = False):
    """Pages x distinct lines, 1 (or the line's length) where the page holds the line."""
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    rows, cols, data = [], [], []
    for i, s in enumerate(sets):
        for line in s:
            rows.append(i)
            cols.append(vocab.setdefault(line, len(vocab)))
            data.append(len(line) if by_length else 1)
    return csr_matrix((np.asarray(data, dtype=np.int64), (rows, cols)), shape=(len(sets), max(len(vocab), 1)))


def _shared_counts(parsed: list[tuple[set[str], set[str]]]) -> tuple[np.ndarray, np.ndarray]:
    """(template lines shared, sentence characters shared) for every pair of pages: by sparse
    products over a large batch, by set intersections over a few pages (where importing SciPy,
    ~0.4 s, would cost more than the whole comparison: a `compare` of two pasted pages)."""
    n = len(parsed)
    if n > _FEW_PAGES:
        template = _incidence([p[0] for p in parsed])
        sentences = _incidence([p[1] for p in parsed])
        shared = (template @ template.T).toarray().astype(float)
        common = (sentences @ _incidence([p[1] for p in parsed], by_length=True).T).toarray().astype(float)
        return shared, common
    shared, common = np.zeros((n, n)), np.zeros((n, n))
    for i in range(n):
        for j in range(i, n):
            shared[i, j] = shared[j, i] = len(parsed[i][0] & parsed[j][0])
            common[i, j] = common[j, i] = sum(map(len, parsed[i][1] & parsed[j][1]))
    return shared, common


def template_similarity(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(Jaccard of template lines, share of the smaller page's sentence text shared) for every pair."""
    parsed = [line_sets(t) if isinstance(t, str) else (set(), set()) for t in texts]
    # Sentence text in common is counted in characters: a shared footer sentence or two is a small
    # part of an article's sentences, a reprint most of them.
    shared, common = _shared_counts(parsed)
    sizes = np.array([len(p[0]) for p in parsed], dtype=float)
    union = sizes[:, None] + sizes[None, :] - shared
    jaccard = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    mass = np.array([sum(map(len, p[1])) for p in parsed], dtype=float)
    smaller = np.minimum(mass[:, None], mass[None, :])
    same_article = np.divide(common, smaller, out=np.zeros_like(common), where=smaller > 0)
    return jaccard, same_article


def sibling_pages(
    texts: Sequence[str], outlets: Sequence[str | None] | None = None, settings: ExtractSettings | None = None
) -> list[list[int]]:
    """For each text, the indexes of the others that share its outlet's template lines, or that
    ``outlets`` (known outlet keys, None where unknown) puts under the same outlet."""
    settings = settings or ExtractSettings()
    n = len(texts)
    if n < 2:
        return [[] for _ in range(n)]
    jaccard, same_article = template_similarity(texts)
    linked = jaccard >= settings.sibling_min_jaccard
    if outlets is not None:
        keys = np.array([k or "" for k in outlets], dtype=object)
        linked |= (keys[:, None] == keys[None, :]) & (keys[:, None] != "")
    linked &= same_article < _SAME_ARTICLE
    np.fill_diagonal(linked, False)
    return [np.flatnonzero(row).tolist() for row in linked]
