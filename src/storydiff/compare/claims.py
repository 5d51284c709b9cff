"""Claims: the units facts are compared in, and the lexical keys they are compared by.

A claim is a sentence, except that a quotation running over several sentences stays one
claim (splitting "I can't imagine… It's not automatic… So these fears are not well-founded"
into three would make one statement look like three facts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storydiff.analyze.sentences import sentence_spans

STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "into", "onto", "about", "over", "under", "after", "before", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "that", "this", "these", "those", "it", "its", "it's", "they", "them", "their", "there", "here", "he", "she", "him", "her", "his", "hers", "we", "us", "our", "you", "your", "i", "me", "my", "not", "no", "nor", "also", "just", "only", "very", "more", "most", "such", "than", "too", "own", "same", "other", "others", "some", "any", "all", "each", "both", "few", "many", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "while", "said", "says", "say", "told", "tells", "according", "reported", "reports", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "per", "cent", "percent", "mr", "mrs", "ms", "dr"]
)
STEM_LEN = 6  # prefix stemming: "parliamentary"/"parliament", "escalating"/"escalatory" meet; cheap and language-blind
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,.]*(?:\s?(?:%|percent|million|billion|thousand))?")
# spelled-out counts, so "five people" and "5 people" share a key and "five" vs "seven" is a
# conflict; "one" is left out: "no one", "one of the" are not counts
NUMBER_WORDS = {
    w: str(k) for k, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])
    if k >= 2
}
NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "dozen": "12"})
_NUMBER_OR_WORD = re.compile(_NUMBER.pattern + r"|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


@dataclass
class Claim:
    article_id: str
    index: int
    start: int
    end: int
    text: str
    keys: frozenset[str]
    numbers: tuple[str, ...]
    # (value, unit) of each number: what two reports' numbers must share to contradict each other
    quantities: tuple[tuple[float, str], ...] = ()


def _quote_balance(s: str) -> int:
    """1 when the span leaves a quotation open. A straight quote opens when it follows a space
    or the start and precedes a word, and closes otherwise, so a nested straight quote that the
    writer never closed keeps the outer quotation open instead of flipping the parity."""
    opened = s.count("“") + s.count("«")
    closed = s.count("”") + s.count("»")
    for m in re.finditer('"', s):
        i = m.start()
        prev = s[i - 1] if i else " "
        nxt = s[i + 1] if i + 1 < len(s) else " "
        if (prev.isspace() or prev in "([{:—–") and not nxt.isspace():
            opened += 1
        else:
            closed += 1
    return 1 if opened > closed else 0


def claim_spans(text: str) -> list[tuple[int, int]]:
    spans = sentence_spans(text)
    merged: list[tuple[int, int]] = []
    open_from: int | None = None
    merged_end = 0
    for a, b in spans:
        if open_from is not None:
            same_para = "\n" not in text[open_from:b]
            if same_para:
                merged_end = b
                if _quote_balance(text[open_from:b]) == 0:
                    merged.append((open_from, b))
                    open_from = None
                continue
            merged.append((open_from, merged_end))
            open_from = None
        if _quote_balance(text[a:b]):
            open_from, merged_end = a, b
        else:
            merged.append((a, b))
    if open_from is not None:
        merged.append((open_from, spans[-1][1]))
    return merged


def content_keys(text: str) -> frozenset[str]:
    words = (w.lower().replace("’", "'") for w in _WORD.findall(text))
    words = (NUMBER_WORDS.get(w, w) for w in words)
    return frozenset(w[:STEM_LEN] for w in words if w not in STOPWORDS and (len(w) > 2 or w.isdigit()))


# durations in hours (units cut to 5 letters, plural "s" dropped), so "48 hours" and "two days"
# are one quantity
_HOURS = {"minut": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0, "month": 720.0}
_UNIT_WORD = re.compile(r"\s*(?:-\s*)?([^\W\d_]+)")


def _numbers(text: str):
    """(match, the number as written) for each number: "1,200" -> "1200", "five" -> "5"."""
    for m in _NUMBER_OR_WORD.finditer(text):
        g = m.group()
        yield m, NUMBER_WORDS.get(g.lower()) or g.replace(",", "").rstrip(".")


def quantities_in(text: str) -> tuple[tuple[float, str], ...]:
    """Each number with its unit, the word after it ("12 people" -> (12, "peopl"); "48 hours" and
    "two days" -> (48, "hour")); a number with no word after it has unit ""."""
    out = []
    for m, raw in _numbers(text):
        try:
            value = float(raw.split()[0].rstrip("%"))
        except ValueError:
            continue
        unit_match = _UNIT_WORD.match(text, m.end())
        unit = unit_match.group(1).lower()[:5].rstrip("s") if unit_match else ""
        if "%" in raw or "percent" in raw:
            unit = "%"
        elif unit in _HOURS:
            value, unit = value * _HOURS[unit], "hour"
        out.append((value, unit))
    return tuple(out)


def numbers_in(text: str) -> tuple[str, ...]:
    """Numbers as written ("1,200" -> "1200", "35 percent"), spelled-out counts as digits."""
    return tuple(raw for _, raw in _numbers(text))


REPEAT_DICE = 0.85  # a claim this close to an earlier one of the same article is a repeat


def article_claims(article_id: str, text: str, min_words: int) -> list[Claim]:
    """The article's claims, without repeats: a standfirst restated as the first paragraph, or a
    pull quote printed twice, says nothing new and would otherwise show up as two facts."""
    claims: list[Claim] = []
    for a, b in claim_spans(text):
        s = text[a:b]
        if len(_WORD.findall(s)) < min_words:
            continue
        keys = content_keys(s)
        if any(keys and 2 * len(keys & c.keys) >= REPEAT_DICE * (len(keys) + len(c.keys)) for c in claims):
            continue
        claims.append(Claim(article_id, len(claims), a, b, s, keys, numbers_in(s), quantities_in(s)))
    return claims
