"""Whole-text passage alignment for the same-story judgement (match/same_story.py).

The pair model's e5 channels read the opening passage and the lede only; two reports can open
alike and go on to tell different things (the next event of the same people), or open
differently and tell one story. Here each text is cut into passages of whole sentences
(about PASSAGE_CHARS each, at most MAX_PASSAGES spread over the text), each passage is embedded
with multilingual-e5, and the two texts' passages are aligned: every passage is matched to its
most alike passage of the other text (cosine). Across languages as in one.

The first passage is the opening passage the pair model already embeds (``first``), so a text
costs one e5 pass for each further passage: ``len(passages(...)) - 1``.
"""

from __future__ import annotations

import numpy as np

PASSAGE_CHARS = 400  # ~100 word pieces: the opening passage's size (same_story.PASSAGE_CHARS)
MAX_PASSAGES = 4  # the opening and up to 3 further passages, spread from it to the end (SemEval texts have 4 at most)
MIN_PASSAGE_CHARS = 80  # a shorter tail (a text cut mid-sentence) is joined to the passage before it
# A passage "has a partner" in the other text at this cosine: about the mean opening-passage
# cosine of SemEval's pairs (same_story.json's mean for cos_passage, 0.846; a statistic of the
# feature, no label read), set before any fit.
PARTNER_COSINE = 0.85

FEATURES = ("align_best", "align_share", "align_centroid", "align_rest")


def passages(text: str, first: str, chars: int = PASSAGE_CHARS, most: int = MAX_PASSAGES) -> list[str]:
    """``first`` (the opening passage, headline and opening words, as the caller embeds it),
    then the rest of ``text`` after what ``first`` took of it, in passages of whole sentences of
    about ``chars`` (a longer sentence is cut at a space), at most ``most`` in all, spread evenly
    over the text when there are more (the last one kept: how a report ends is part of it)."""
    from storydiff.analyze.sentences import sentences
    from storydiff.extract.metadata import without_dateline

    body = " ".join(without_dateline((text or "").lstrip()).split())
    rest = body[_taken(body, first):].strip()
    chunks: list[str] = []
    current = ""
    for sentence in sentences(rest):
        for piece in _pieces(sentence, chars):
            if current and len(current) + 1 + len(piece) > chars:
                chunks.append(current)
                current = piece
            else:
                current = f"{current} {piece}" if current else piece
    if current:
        chunks.append(current)
    if chunks and len(chunks[-1]) < MIN_PASSAGE_CHARS:  # a text cut mid-sentence, a sign-off
        tail = chunks.pop()
        if chunks:
            chunks[-1] = f"{chunks[-1]} {tail}"
    if len(chunks) > most - 1 > 0:
        picks = np.linspace(0, len(chunks) - 1, most - 1).round().astype(int)
        chunks = [chunks[i] for i in dict.fromkeys(picks.tolist())]
    return [first, *chunks[: max(0, most - 1)]]


def _taken(body: str, first: str) -> int:
    """How many characters of ``body`` the opening passage holds: the longest end of ``first``
    that opens ``body`` (the headline before it is not in the body)."""
    words = first.split()
    for start in range(len(words)):
        tail = " ".join(words[start:])
        if tail and body.startswith(tail):
            return len(tail)
    return 0


def _pieces(sentence: str, chars: int) -> list[str]:
    out = []
    while len(sentence) > chars:
        cut = sentence.rfind(" ", 0, chars)
        cut = cut if cut > chars // 2 else chars
        out.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    return [*out, sentence] if sentence else out


def alignment(a: np.ndarray, b: np.ndarray) -> list[float]:
    """FEATURES of two texts' passage vectors (unit rows, the opening passage first):
    ``align_best``, the mean over both texts' passages of the cosine to the most alike passage of
    the other text; ``align_share``, the share of passages whose most alike passage reaches
    PARTNER_COSINE; ``align_centroid``, the cosine of the two texts' mean passage vectors;
    ``align_rest``, ``align_best`` over the passages after the opening ones (what the opening
    passage's cosine does not see; that cosine when neither text goes on)."""
    sim = a @ b.T
    best_a, best_b = sim.max(axis=1), sim.max(axis=0)
    best = np.concatenate([best_a, best_b])
    ca, cb = a.mean(axis=0), b.mean(axis=0)
    norm = float(np.linalg.norm(ca) * np.linalg.norm(cb))
    rest = np.concatenate([best_a[1:], best_b[1:]])
    return [
        float(best.mean()),
        float((best >= PARTNER_COSINE).mean()),
        float(ca @ cb) / norm if norm > 0 else 0.0,
        float(rest.mean()) if rest.size else float(sim[0, 0]),
    ]
