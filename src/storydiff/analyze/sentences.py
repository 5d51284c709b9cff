"""Sentence spans by rule: fast (no model), with character offsets into the article text.

Paragraph breaks always end a sentence. Inside a paragraph a sentence ends at . ! ? or …
(optionally followed by closing quotes/brackets) when whitespace and a capital, digit or
opening quote follow, unless the period belongs to a known abbreviation or an initial.
"""

from __future__ import annotations

import re

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr",
    "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "fig", "est", "approx",
}
# a capital that starts the next sentence: Latin, Cyrillic (uk, ru: Ѐ-Я holds Ё Є І Ї Ў, and Ґ)
# or Greek; without the Cyrillic ones a Ukrainian paragraph was one sentence (one claim), and its
# sentences never met their English translations one to one
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«„(\[]?[A-Z0-9À-ÖØ-ÞЀ-ЯҐΆ-Ω])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in ``text``, stripped of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in re.finditer(r"[^\n]+", text):
        p_start, p_text = para.start(), para.group()
        cut = 0
        for m in _END.finditer(p_text):
            before = p_text[cut:m.start()]
            word = re.search(r"([\w.]+)$", before)
            if m.group().startswith(".") and word:
                w = word.group(1).lower()
                if w in _ABBREV or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", w):
                    continue
            spans.append((p_start + cut, p_start + m.end()))
            cut = m.end()
        spans.append((p_start + cut, p_start + len(p_text)))
        pos = para.end()
    del pos
    out = []
    for a, b in spans:
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if b - trail > a + lead:
            out.append((a + lead, b - trail))
    return out


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]
