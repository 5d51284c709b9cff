"""The optional semantic tier of the same-story score: MiniLM sentence embeddings.

Rewrites and translations share few words with their source, so the lexical score
(similarity.py) undervalues them; all-MiniLM-L6-v2's cosine does not. It costs ~20-200 texts/s
on 2 cores against thousands for the lexical path, so it is a tier to call on candidate pairs
the lexical path has already found (or on pairs a user asks about), never on the whole stream.
When sentence-transformers or the bundled model is missing it returns None and callers keep the
lexical score.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storydiff.match.doc import MatchDoc
from storydiff.match.similarity import similarity
from storydiff.settings import MatchSettings

MAX_CHARS = 2_000  # MiniLM reads 256 word pieces; the lead of an article is where the story is


def _text(doc: MatchDoc) -> str:
    title = f"{doc.title}. " if isinstance(doc.title, str) and doc.title else ""
    return (title + (doc.text if isinstance(doc.text, str) else ""))[:MAX_CHARS]


def embedding_similarities(pairs: Sequence[tuple[MatchDoc, MatchDoc]]) -> np.ndarray | None:
    """MiniLM cosine of each pair, in [-1, 1]; None when the tier is unavailable."""
    from storydiff.embeddings import embed

    if not pairs:
        return np.zeros(0, dtype=np.float32)
    left = embed([_text(a) for a, _ in pairs])
    right = embed([_text(b) for _, b in pairs])
    if left is None or right is None:
        return None
    return (left * right).sum(axis=1)


def tiered_similarities(
    pairs: Sequence[tuple[MatchDoc, MatchDoc]], settings: MatchSettings | None = None
) -> tuple[np.ndarray, bool]:
    """Lexical score blended with MiniLM cosine for each pair, and whether the MiniLM tier ran
    (False: the lexical scores alone are returned)."""
    settings = settings or MatchSettings()
    lexical = np.array([similarity(a, b) for a, b in pairs], dtype=np.float32)
    emb = embedding_similarities(pairs)
    if emb is None:
        return lexical, False
    w = settings.semantic_lexical_weight
    return w * lexical + (1 - w) * np.clip(emb, 0.0, 1.0), True
