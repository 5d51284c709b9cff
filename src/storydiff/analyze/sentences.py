"""Sentence spans by rule: fast (no model), with character offsets into the article text.

Paragraph breaks always end a sentence. Inside a paragraph a sentence ends at . ! ? or …
(optionally followed by closing quotes/brackets) when whitespace and a capital, digit or
opening quote follow, unless the period belongs to a known abbreviation (English, German, Polish,
Ukrainian, Russian), an initial, or an ordinal day before its month ("am 12. November").
Every sentence rule of the project is here: claims (``compare.claims.claim_spans``) and
revisions read their sentences from ``sentence_spans``.
"""

from __future__ import annotations

import re

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr",
    "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "fig", "est", "approx",
    # German: scale words and the abbreviations a figure or a name comes after ("4 Mrd. Złoty",
    # "Nr. 7", "bzw. 5"); "z.B.", "u.a." are caught as initials below
    "mrd", "mio", "tsd", "nr", "bzw", "usw", "vgl", "ggf", "evtl", "inkl", "zzgl", "rd", "sog", "str", "jh",
    "okt", "dez",
    # Polish: scale and unit words, "godz. 7.45", "ul. Mostowej", ranks before a name ("płk.")
    "godz", "proc", "tys", "mln", "mld", "tzw", "np", "pkt", "woj", "pow", "płk", "mjr", "kpt", "ks", "św",
    # Ukrainian and Russian: "млн.", "тис. грн.", "ст. 115", "вул. Хрещатик", "проф.", "ім."
    "млн", "млрд", "тис", "тыс", "грн", "руб", "коп", "ст", "вул", "ул", "пл", "просп", "обл", "див", "проф",
    "ім", "им", "тел", "см",
}
# abbreviations only as written in lower case: Polish "ok. 30" (około), "ul.", "im." (imienia) and
# German "ca."; "OK." ends an English sentence
_ABBREV_LOWER = {"ok", "ul", "im", "ca"}
# "am 12. November", "den 18. Dezember", "12. listopada", "im 19. Jahrhundert": the day's (or
# century's) number is an ordinal, written with a period, and the month goes on the sentence
_ORDINAL_NOUN = re.compile(
    r"\s+(?:(?:januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember"
    r"|jahrhunderts?|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października"
    r"|listopada|grudnia)(?!\w)|(?:jan|feb|mär|apr|jun|jul|aug|sept?|okt|nov|dez)\.)",
    re.IGNORECASE,
)
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
            if m.group().startswith(".") and word and _no_end_after(word.group(1), p_text, m.end()):
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


def _no_end_after(word: str, text: str, after: int) -> bool:
    """Whether the period after ``word`` belongs to it (an abbreviation, an initial, an ordinal
    day before its month) rather than ending the sentence; ``after``: where the text goes on."""
    w = word.lower()
    if w in _ABBREV or word in _ABBREV_LOWER or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", w):
        return True
    return len(w) <= 2 and w.isdigit() and _ORDINAL_NOUN.match(text, after) is not None


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]
