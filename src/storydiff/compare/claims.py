"""Claims: the units facts are compared in, and the lexical keys they are compared by.

A claim is a sentence, except that a quotation running over several sentences stays one
claim (splitting "I can't imagine… It's not automatic… So these fears are not well-founded"
into three would make one statement look like three facts).
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from storydiff.analyze.sentences import sentence_spans
from storydiff.analyze.speech_verbs import ALL_LANGUAGES, reporting_forms, verbs_pattern
from storydiff.extract.metadata import credit_line, without_dateline
from storydiff.lexicon.numbers import (
    AGE_AFTER,
    CODE_CURRENCIES,
    COUNTED_AT_PLACE,
    DOTTED_DATE,
    ENGLISH_ALIASES,
    ENGLISH_SCALES,
    ENGLISH_UNITS,
    ONE_PERSON,
    PLACE_PREPOSITIONS,
    SYMBOLS,
    UNIT_KEYS,
    clock_minutes,
    contact_spans,
    currency_before,
    currency_key,
    dollar_issuer,
    is_place_word,
    number_language,
    starts_like,
    vague_counts,
)

STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "into", "onto", "about", "over", "under", "after", "before", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "that", "this", "these", "those", "it", "its", "it's", "they", "them", "their", "there", "here", "he", "she", "him", "her", "his", "hers", "we", "us", "our", "you", "your", "i", "me", "my", "not", "no", "nor", "also", "just", "only", "very", "more", "most", "such", "than", "too", "own", "same", "other", "others", "some", "any", "all", "each", "both", "few", "many", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "while", "said", "says", "say", "told", "tells", "according", "reported", "reports", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "per", "cent", "percent", "mr", "mrs", "ms", "dr"]
)
STEM_LEN = 6  # prefix stemming: "parliamentary"/"parliament", "escalating"/"escalatory" meet; cheap and language-blind
log = logging.getLogger(__name__)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,.]*(?:\s?(?:%|percent|million|billion|thousand))?")
# spelled-out counts, so "five people" and "5 people" share a key and "five" vs "seven" is a
# conflict; "one" is left out: "no one", "one of the" are not counts
NUMBER_WORDS = {
    w: str(k) for k, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])
    if k >= 2
}
NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80",
                     "ninety": "90", "hundred": "100", "dozen": "12"})  # sixty to ninety: QA pass 18 ("Sixty firefighters")
# One figure spelled out in words: "thirty-five", "Twenty two", "two hundred and fifty", "three
# thousand", "two dozen" (QA pass 22a: "thirty-five drones" was read as 30 and 5, "forty-one
# people" as 40). Words join only as one number does: tens then ones, a scale after a smaller
# figure, "and" only after a scale ("between ten and twenty" stays two figures).
_EN_SMALL = {w: k for k, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
_EN_TENS = {w: 10 * k for k, w in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2)}
_EN_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
_EN_WORD = re.compile(r"\b(?:" + "|".join(sorted([*_EN_SMALL, *_EN_TENS, *_EN_SCALES], key=len, reverse=True))
                      + r")\b", re.IGNORECASE)
_EN_JOIN = re.compile(r"[-\u2010\u2011]|\s+(?:and\s+)?")


def _english_word_figures(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, value) of each figure spelled out in English words. A lone "one" or "zero"
    is no figure ("no one", "one of the"): it counts only before a scale ("one hundred")."""
    pos = 0
    while (m := _EN_WORD.search(text, pos)) is not None:
        start, total, current, big = m.start(), 0, 0, math.inf  # big: the last scale of thousands
        word, count = m, 0
        while True:
            w, count = word.group().lower(), count + 1
            if w in _EN_SCALES and _EN_SCALES[w] >= 1000:
                total, current, big = total + (current or 1) * _EN_SCALES[w], 0, _EN_SCALES[w]
            elif w in _EN_SCALES:
                current = (current or 1) * _EN_SCALES[w]
            else:
                current += _EN_SMALL.get(w, 0) + _EN_TENS.get(w, 0)
            join = _EN_JOIN.match(text, word.end())
            nxt = _EN_WORD.match(text, join.end()) if join else None
            if nxt is None or not _joins(w, nxt.group().lower(), "and" in join.group().lower(), current, big):
                break
            word = nxt
        pos = word.end()
        if count == 1 and (w in ("one", "zero") or _EN_SCALES.get(w, 0) >= 1000):
            continue  # nor a lone "thousand" or "million" ("a million-strong", as before)
        yield start, word.end(), total + current


def _spelled_as_digits(text: str) -> Iterator[str]:
    """``text`` in pieces, each English figure in words under a thousand as its digits ("two
    million" stays as written: the figure "2 million" keys as "2" and "millio" too)."""
    pos = 0
    for start, end, value in _english_word_figures(text):
        if value >= 1000:
            continue
        yield text[pos:start]
        yield str(value)
        pos = end
    yield text[pos:]


def _joins(last: str, word: str, said_and: bool, current: int, big: float) -> bool:
    """Whether ``word`` goes on the number that ``last`` ends: "twenty-five", "two hundred (and)
    fifty", "three thousand", "two dozen"; not "five six", "ten and twenty", "dozen five"."""
    if word in _EN_SCALES:
        if said_and or last == "dozen":
            return False
        if _EN_SCALES[word] >= 1000:  # "two hundred thousand", not "a million thousand"
            return _EN_SCALES[word] < big and current > 0
        return last not in _EN_SCALES and current < 100  # "two hundred", "two dozen"
    small = _EN_SMALL.get(word, 0)
    if last in _EN_TENS:
        return 0 < small < 10 and not said_and  # "thirty-five", "Twenty two"
    return last in _EN_SCALES and last != "dozen" and (word in _EN_TENS or small > 0)  # "hundred and fifty"


@dataclass
class Claim:
    article_id: str
    index: int
    start: int
    end: int
    text: str
    keys: frozenset[str]
    numbers: tuple[str, ...]
    # each number with its unit: two reports' numbers contradict in one unit
    quantities: tuple[Quantity, ...] = ()
    # the days and months it names ("on 12 November", "in October"): two reports' dates contradict
    dates: tuple[Quantity, ...] = ()
    # the weekdays and times of day it names ("on Thursday", "at 3 p.m."): two reports' contradict
    weekdays: tuple[Quantity, ...] = ()
    times: tuple[Quantity, ...] = ()
    # the wire's dateline the sentence opens with ("KYIV, Nov 24 (Reuters) - "), cut from ``text`` and
    # ``start``: what the pairing reads is what the sentence says, what a reader is shown is the
    # sentence as written (``shown``)
    dateline: str = ""

    @property
    def shown(self) -> str:
        """The sentence as the article writes it, its dateline included."""
        return self.dateline + self.text


_QUOTE_MARK = re.compile('[„“”«»"]')


def _quote_balance(s: str) -> int:
    """1 when the span leaves a quotation open. A straight quote opens when it follows a space
    or the start and precedes a word, and closes otherwise, so a nested straight quote that the
    writer never closed keeps the outer quotation open instead of flipping the parity. German and
    Polish open with a low mark („) and close with “, ” or a straight quote: after a „, a “
    closes it (QA pass 18: the first sentence of a German two-sentence quote was a claim of its
    own, "only in" the outlet that carried the whole quote)."""
    return _QuoteScan(s, 0).balance(len(s))


class _QuoteScan:
    """The quote marks of text[start:end] counted as _quote_balance counts them, for an end that
    grows sentence by sentence: each call scans only the text added since the last one, so
    claim_spans stays linear on a paragraph of quotes that never close (review 18b: rescanning
    the merged span per sentence took 9.1 s on 168 KB of unclosed „ quotes)."""

    def __init__(self, text: str, start: int) -> None:
        self.text, self.start, self.pos = text, start, start
        self.state = (0, 0, 0)  # opened, closed, open low marks

    def _step(self, state: tuple[int, int, int], i: int, end: int) -> tuple[int, int, int]:
        opened, closed, low = state
        text, ch = self.text, self.text[i]
        if ch == "„":
            return opened + 1, closed, low + 1
        if ch == "“" and low:
            return opened, closed + 1, low - 1
        if ch in "“«":
            return opened + 1, closed, low
        if ch in "”»":
            return opened, closed + 1, max(0, low - 1)
        prev = text[i - 1] if i > self.start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if (prev.isspace() or prev in "([{:—–") and not nxt.isspace():
            return opened + 1, closed, low
        return opened, closed + 1, max(0, low - 1)

    def balance(self, end: int) -> int:
        """_quote_balance(text[start:end]). The mark just before end is read as the span's last
        character (nothing after it) and counted for good only once the span grows past it."""
        state = self.state
        for m in _QUOTE_MARK.finditer(self.text, self.pos, end - 1):
            state = self._step(state, m.start(), end)
        self.state, self.pos = state, max(self.pos, end - 1)
        if end - 1 >= self.pos and end > self.start and _QUOTE_MARK.match(self.text, end - 1):
            state = self._step(state, end - 1, end)
        return 1 if state[0] > state[1] else 0


def claim_spans(text: str) -> list[tuple[int, int]]:
    spans = sentence_spans(text)
    merged: list[tuple[int, int]] = []
    open_from: int | None = None
    merged_end = para_checked = 0
    scan = _QuoteScan(text, 0)
    for a, b in spans:
        if open_from is not None:
            # the merged span so far has no line break: look only at the text added
            same_para = "\n" not in text[para_checked:b]
            para_checked = b
            if same_para:
                merged_end = b
                if scan.balance(b) == 0:
                    merged.append((open_from, b))
                    open_from = None
                continue
            merged.append((open_from, merged_end))
            open_from = None
        scan = _QuoteScan(text, a)
        if scan.balance(b):
            open_from, merged_end, para_checked = a, b, a
        else:
            merged.append((a, b))
    if open_from is not None:
        merged.append((open_from, spans[-1][1]))
    return merged


def content_keys(text: str) -> frozenset[str]:
    if _EN_WORD.search(text):  # "thirty-five" is the key "35", as the figure "35" is
        text = "".join(_spelled_as_digits(text))
    words = (w.lower().replace("’", "'") for w in _WORD.findall(text))
    words = (NUMBER_WORDS.get(w, w) for w in words)
    return frozenset(w[:STEM_LEN] for w in words if w not in STOPWORDS and (len(w) > 2 or w.isdigit()))


# "No one was killed" / "No deaths were reported" / "Nobody died in the incident": one fact in three
# wordings with no content word in common (issue 18's first example, each "only in" its outlet). A
# count of none of the dead or of the injured is a key of its own, the same in each wording
# (English: other languages' sentences meet through the multilingual judge, not through keys)
# "no one" then at most auxiliaries and adverbs before the verb ("No one knows how many died" is no toll)
_NO_ONE = (r"\b(?:nobody|no[\s-]?one)(?:\s+(?:was|were|is|are|has|have|had|been|being|be|got|reportedly|else"
           r"|seriously|badly|believed|thought|appears?|appeared|seems?|seemed|to))*\s+")
# "no" then up to three words ("no reported deaths", "no immediate reports of casualties"), none a
# figure or a comparison ("no fewer than 12 deaths" counts twelve)
_NONE_OF = r"\bno\s+(?:(?!(?:fewer|less|more|than|longer)\b)[^\W\d_][\w']*\s+){0,3}?"
_TOLL_OF_NONE = (
    ("\u2205dead", re.compile(rf"{_NO_ONE}(?:killed|died|dead|perished)\b|{_NONE_OF}(?:deaths?|fatalit(?:y|ies)|casualties"
                            r"|loss\s+of\s+life)\b", re.IGNORECASE)),
    ("\u2205injur", re.compile(rf"{_NO_ONE}(?:injured|hurt|wounded|harmed)\b|{_NONE_OF}(?:injur(?:y|ies)|casualties)\b",
                             re.IGNORECASE)),
)


NONE_OF_KEYS = frozenset(key for key, _ in _TOLL_OF_NONE)  # the keys of no dead, no injured


def claim_keys(text: str) -> frozenset[str]:
    """A claim's content keys, a count of none of the dead or injured read as one key: the words
    that say it ("No one was killed", "No deaths were reported") give way to the key of no dead,
    as "five" gives way to "5"."""
    spans = [(key, m.span()) for key, pattern in _TOLL_OF_NONE for m in pattern.finditer(text)]
    if not spans:
        return content_keys(text)
    words = list(text)
    for _, (a, b) in spans:  # found on the whole text first: "no deaths or injuries" says both
        words[a:b] = " " * (b - a)
    return content_keys("".join(words)) | frozenset(key for key, _ in spans)


# durations in hours (units cut to 5 letters, plural "s" dropped), so "48 hours" and "two days"
# are one quantity
_HOURS = {"minut": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0, "month": 720.0}
_UNIT_WORD = re.compile(r"\s*(?:-\s*)?([^\W\d_]+)")
# "3 a.m.", "3:10 a.m.", "15:30", "11:09 GMT", and "26 September" / "July 21": times and dates
# are when, not how many; reports round them ("about 3 a.m.") and datelines differ by outlet.
_CLOCK = re.compile(r"\s*(?:[:.]\s?\d\d\b|(?:a\.?m\.?|p\.?m\.?)(?![^\W\d_])|(?:gmt|utc|ist|est|edt|cet|cest|bst|pst|pdt)\b)",
                    re.IGNORECASE)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
_MONTH_AFTER = re.compile(r"\s*(?:of\s+)?" + _MONTH, re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"\b" + _MONTH + r"\.?\s*$", re.IGNORECASE)
# Words between a count and what it counts, or between a noun and its count, that name nothing:
# "rose to 17 on Wednesday", "the toll climbed to 17". Looking past them finds the unit.
_NOT_UNITS = STOPWORDS | {"least", "around", "nearly", "almost", "rose", "risen", "climbed", "reached", "stood",
                          "stands", "increased", "jumped", "hit", "totalled", "totaled", "now", "up",
                          "approximately", "roughly", "monday", "tuesday", "wednesday", "thursday", "friday",
                          "saturday", "sunday", "minus"}
# English words before the noun a figure counts: "100 apartment buildings", "20 residential blocks"
_MODIFIERS = frozenset({"apartment", "residential", "private", "multi-storey", "high-rise", "administrative",
                        "industrial", "commercial", "additional", "more", "new", "other", "further"})
# Words after a count that only say when or where: "17 on Wednesday", "9 in the capital".
_SKIP_AFTER = frozenset({"on", "in", "at", "by", "this", "last", "late", "early", "monday", "tuesday", "wednesday",
                         "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening", "night",
                         "today", "yesterday", "tonight", "overnight"})
# One name for each count that casualty reports word differently: "killing 14 people", "leaving
# 17 dead", "the death toll rose to 17", "9 remain missing" are counts of the same few things.
# ("kill", "killi": "kills 3, injures 8", "killing 3", the verb before a bare count; QA pass 20)
_CASUALTY_UNITS = {"dead": "dead", "death": "dead", "toll": "dead", "kille": "dead", "kill": "dead", "killi": "dead", "fatal": "dead",
                   "victi": "dead", "bodie": "dead", "live": "dead", "injur": "injur", "wound": "injur",
                   "hurt": "injur", "missi": "missi", "died": "dead"}
_KILL_VERBS = frozenset({"kill", "kills", "killing"})
# words between a verb and its figure: "killing at least 4", "kills nearly 50", "kills up to 12"
_BOUND_WORDS = frozenset({"at", "least", "most", "nearly", "almost", "about", "around", "some", "over", "more",
                          "than", "up", "to", "roughly", "approximately", "an", "estimated", "as", "many"})
_KILL_WORDS = re.compile(r"\b(?:kill|dead|death|died|die|toll|fatal)", re.IGNORECASE)
_HURT_WORDS = re.compile(r"\b(?:injur|wound|hurt)", re.IGNORECASE)
_PEOPLE = {"peopl", "perso", "resid", "passe", "worke", "civil"}


def _numbers(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, the number as written, its figure) for each number: "1,200" -> "1200",
    "five" -> "5", "thirty-five" -> "35"."""
    found = [(m.start(), m.end(), m.group(), m.group().replace(",", "").rstrip(".")) for m in _NUMBER.finditer(text)]
    found += [(s, e, text[s:e], str(v)) for s, e, v in _english_word_figures(text)
              if not any(a < e and s < b for a, b, *_ in found)]
    return sorted(found)


# modifiers after which the noun counts dwellings whatever it is ("apartment blocks")
_HOUSING_MODIFIERS = frozenset({"apartment", "residential", "multi-storey"})


def _named_before_noun(text: str, word: re.Match[str], lang) -> bool:
    """A capitalised word between a figure and the lowercase noun it modifies ("10 Patriot
    systems"), when the noun is one the other languages' unit tables name (systems, drones,
    soldiers): the noun, not the name, is what the figure counts. Other nouns keep the name as
    the unit ("100 RBI season" stays RBIs: read as seasons it disputed "five seasons")."""
    if not word.group(1)[:1].isupper():
        return False
    noun = _UNIT_WORD.match(text, word.end())
    if not noun or text[word.end() : noun.start(1)].strip() or not noun.group(1).islower():
        return False
    return noun.group(1) not in lang.not_units and lang.unit_key(noun.group(1)) in UNIT_KEYS


_LETTERS = re.compile(r"[^\W\d_]+")
# words that make a unit another one: "150 nautical miles" are no miles, "20 square kilometres" no kilometres
_OTHER_MEASURE = frozenset({"nautical", "square", "cubic", "sq"})
# A model's designation: a capitalised name of up to 8 letters, a hyphen and its number ("F-16",
# "Su-25SM", "MiG-29s", "T-72B3", "S-300", "Shahed-136", "Kh-101", "Су-25", "Ту-95МС",
# "COVID-19"), an acronym and its number ("12 AK 47 guns"), or an aircraft maker's name and its
# number ("Boeing 737-800", "Airbus A320"): a name, not a count (QA pass 18: "four F-16 fighter
# jets" printed "numbers differ: 16 vs four F"). A lower-case word before the hyphen is no name
# ("mid-2024" stays a year).
_DESIGNATION = re.compile(
    r"(?<![\w-])(?:(?P<name>[A-ZА-ЯІЇЄҐ][^\W\d_]{0,7})-(?P<number>\d{1,4})"
    r"|(?P<maker>Boeing|Airbus|Embraer|Bombardier|Cessna|Antonov|Ilyushin|Tupolev|Sukhoi)\s+(?P<model>[A-Z]?\d{2,4})"
    r"|(?P<acronym>[A-ZА-ЯІЇЄҐ]{2,3}) (?P<anumber>\d{2,3})(?![.,]\d|\s*%))"
    r"(?:-\d{1,4})*(?:[^\W_]{0,4})(?![\w])")
_DESIGNATION_AT = re.compile(r"\s*(?:-\s*)?" + _DESIGNATION.pattern)


def _designation_key(m: re.Match[str]) -> str:
    """One key for a designation in any script: "F-16" and "F-16s" -> "f16", "Су-25" -> "su25"."""
    from storydiff.compare.translation import romanised

    name = m.group("name") or m.group("maker") or m.group("acronym")
    number = m.group("number") or m.group("anumber") or re.sub(r"\D", "", m.group("model"))
    return romanised(name)[:5] + number


def _is_model(m: re.Match[str] | None) -> bool:
    """A designation, unless the capitals before a figure are a country's ("US 100 jobs") or a
    word a headline writes in capitals ("IN 2024", "AND 40")."""
    if not m:
        return False
    acronym = m.group("acronym")
    # "CAD 200 million" is a sum in a currency's code, not a model "CAD 200"
    return not (acronym and (is_place_word(acronym) or acronym.lower() in STOPWORDS or acronym in CODE_CURRENCIES))


def _designations(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _DESIGNATION.finditer(text) if _is_model(m)]


_ENGLISH_STARTS = tuple(sorted(ENGLISH_UNITS.items(), key=lambda kv: -len(kv[0])))


def _currency_after(text: str, end: int) -> bool:
    """Whether a currency's word follows ``end``: the capitalised word before it says whose
    ("200 million Australian dollars", as "Canadian dollars" by the places' table: QA pass 26c, 9)."""
    nxt = _UNIT_WORD.match(text, end)
    return bool(nxt) and currency_key(nxt.group(1)) is not None


def _lower_word_after(text: str, end: int) -> bool:
    """Whether a lower-case word follows ``end`` (after spaces only): a noun the word before modifies."""
    nxt = _UNIT_WORD.match(text, end)
    return bool(nxt) and not text[end : nxt.start(1)].strip() and nxt.group(1).islower()


# counts of people are of people whatever name follows ("4 людини Reuters" is no kind of person)
_COUNTS_OF_PEOPLE = frozenset({"peopl", "dead", "injur", "missi", "civil", "resid", "worke", "passe", "soldi", "child"})


# units a figure keeps beside a model's name: people and what happened to them, and time
_NOT_MODELS = frozenset({"peopl", "dead", "injur", "missi", "civil", "resid", "worke", "passe", "soldi", "child",
                         "death", "kille", "fatal", "victi", "wound", "hurt", "died", "%", "hour", "minut", "day",
                         "week", "month", "year"})


def _model_after_noun(text: str, end: int) -> str:
    """The key of a model's designation right after the noun a figure counts ("cztery myśliwce
    F-16", "два літаки Су-25")."""
    noun = _UNIT_WORD.match(text, end)
    model = _DESIGNATION.match(text, noun.end() + 1) if noun and text[noun.end() : noun.end() + 1] == " " else None
    return _designation_key(model) if _is_model(model) else ""


def _name_after_noun(text: str, end: int, lang) -> str:
    """The key of a capitalised Latin name right after the noun a figure counts ("2 системы
    Patriot", "5 дронів Shahed"): which things are counted, as English names them before the noun.
    A counted noun or a country's word is no name, and German capitalises every noun: there only
    an acronym is one ("Acht russische Drohnen" counts drones, not "Drohnen" of some kind)."""
    noun = _UNIT_WORD.match(text, end)
    name = _UNIT_WORD.match(text, noun.end()) if noun else None
    if name is None or text[noun.end():name.start(1)].strip() or not name.group(1)[:1].isupper():
        return ""
    word = name.group(1)
    if (not word.isascii() or (lang.code == "de" and not word.isupper()) or is_place_word(word)
            or lang.unit_key(word) in UNIT_KEYS):
        return ""
    return _unit_key(word)


def _unit_key(word: str) -> str:
    return word.lower()[:5].rstrip("s")


class Quantity(NamedTuple):
    value: float
    unit: str
    written: str  # as the reader saw it: "48 hours", "about 200"
    low: float  # the values it allows: itself, or around a rounded figure, or a range's ends
    high: float
    # whose currency a sum of a currency several countries name is in, where the text says it
    # ("ca" for "200 мільйонів канадських доларів", "us" for "US$200 million"); "" may be any
    issuer: str = ""


def overlap(a: Quantity, b: Quantity) -> bool:
    """Whether two figures can be the same: equal, or within a rounded figure's or a range's span."""
    if a.unit == "weekday" == b.unit:
        # the week wraps: "Sunday night" (7-8) may be "early Monday" (0-1)
        return any(a.low <= b.high + k and b.low + k <= a.high for k in (-7, 0, 7))
    return a.low <= b.high + 1e-9 and b.low <= a.high + 1e-9


def allows(xs: Sequence[Quantity], ys: Sequence[Quantity]) -> bool:
    """Whether every figure in xs is one that ys allows (xs says less than ys, or the same)."""
    return all(any(overlap(x, y) for y in ys) for x in xs)


def quantities_conflict(xs: Sequence[Quantity], ys: Sequence[Quantity]) -> bool:
    """Whether two statements' figures of one kind cannot be the same ("seven dead" / "девять
    погибших"); a figure of a kind the other does not give ("and injured 21") is more detail."""
    for unit in {q.unit for q in xs} & {q.unit for q in ys}:
        a, b = [q for q in xs if q.unit == unit], [q for q in ys if q.unit == unit]
        if not (allows(a, b) or allows(b, a)):
            return True
    return False


# A rounded figure allows this much either way: "about 200" is no contradiction of "213".
APPROX_TOLERANCE = 0.1
# A bound at a multiple of this ("more than 30", "over 100") is a rounding that allows any figure
# beyond it; "at least 14" keeps its figure (a toll as counted so far: 17 is a newer count)
ROUND_BOUND = 10
# "31 were killed", "four people died", "12 others were wounded": a bare count whose fate follows it
# ("23 are seriously wounded": how badly may come between)
_FATE_AFTER = re.compile(r"\s+(?:(?:people|others|more|persons)\s+)?(?:(?:were|was|have\s+been|had\s+been|are)\s+)?"
                         r"(?:(?:seriously|severely|critically|badly|gravely|lightly|slightly)\s+)?"
                         r"(killed|died|dead|injured|wounded|hurt|missing)\b", re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"\b(?:in|since|by|from|of|until)\s+$", re.IGNORECASE)
_APPROX_BEFORE = re.compile(r"\b(about|around|nearly|almost|roughly|approximately|some|an estimated|close to)\s+$")
_RANGE = re.compile(r"\bbetween\s+(\S+)\s+and\s+(\S+)", re.IGNORECASE)  # groups start at the two numbers


_UP_TO_NEXT_FIGURE = re.compile(r"[^\d.;:!?\n]{0,60}")


# "the death of" right before a count: it names what happened to those counted, and to them alone
# ("о гибели одиннадцати человек"; "после гибели двух человек ... 300 жителей" counts 300 residents)
_DEATH_OF = re.compile(r"(?:(?<!\w)(?:за)?гибел\w*|\bdeaths?\s+of)\s+$", re.IGNORECASE)


_WORD_REST = re.compile(r"\w*")


def _fate(text: str, start: int, end: int, lang) -> str | None:
    """"dead", "injur" or "missi" for people counted at text[start:end], by the nearest casualty word."""
    if _DEATH_OF.search(text[max(0, start - 30) : start]):
        return "dead"
    after = _UP_TO_NEXT_FIGURE.match(text, end).group(0)
    clause = re.split(r"[,.;:\d]", text[max(0, start - 80) : start])[-1]
    best: tuple[int, str] | None = None
    for key, rx in (("dead", lang.kill), ("injur", lang.hurt), ("missi", lang.missing)):
        for m in rx.finditer(after):
            best = min(best or (m.start(), key), (m.start(), key))
        for m in rx.finditer(clause):
            # from the end of the word the cue starts: "killing at least four people and wounding
            # 23" counts four dead ("kill" alone put it farther than "wounding": QA pass 22a)
            gap = len(clause) - m.end() - len(_WORD_REST.match(clause, m.end()).group())
            best = min(best or (gap, key), (gap, key))
    if best is not None:
        return best[1]
    return ("dead" if lang.kill.search(text) else "injur" if lang.hurt.search(text)
            else "missi" if lang.missing.search(text) else None)


# Drones and missiles shot down are another count than those launched: "Russia launched 85 drones
# ..., 62 drones were shot down" gives both, and an outlet giving only the 62 ("62 Drohnen seien
# abgefangen worden") contradicts none giving the 85. The nearest of these words in the figure's
# clause, right after it or before it, says which: a word of downing, or one of launching ("85
# drones were launched, and air defence shot down most of them" launched its 85).
_WEAPONS = frozenset({"drone", "missl"})
_DOWNED_WORDS = re.compile(
    r"(?<!\w)(?:intercept|shot\s+down|(?:were|was|been)\s+downed|destroy|neutrali[sz]|abgefangen|abgeschossen|abgewehrt|"
    r"zerstört|unschädlich|збит|збил|збив|знешкод|знищ|сбит|сбил|уничтож|перехва|zestrzel|strąc|zniszcz|neutraliz|"
    r"abattu|derriba|abbatt)", re.IGNORECASE)
_LAUNCHED_WORDS = re.compile(
    r"(?<!\w)(?:launch|fired|attack|eingesetzt|setzte|abgefeuert|gestartet|angegriffen|griff|випуст|запуст|атакув|"
    r"застосува|выпуст|запусти|атакова|применил|wystrzel|odpali|wysłał|zaatakowa|lanc|lanz)", re.IGNORECASE)
_UP_TO_CLAUSE_END = re.compile(r"[^\d.,;:!?\n]{0,60}")


# a verb of dying in the clause of a count of the injured: those of them who died ("двоє
# поранених померли", "two of the injured died"); verbs only: a noun of the dead ("семеро
# загиблих та двоє поранених") counts others
_DIED_VERBS = re.compile(
    r"(?<!\w)(?:died|die|dies|succumbed|erlagen|erlag|starben|starb|gestorben|verstarben|verstarb|verstorben|"
    r"помер|померла|померли|помирають|скончал(?:ся|ась|ись)|умер|умерла|умерли|zmarł|zmarła|zmarli|zmarły|zmarło)(?!\w)",
    re.IGNORECASE)


def _died_of_wounds(text: str, start: int, end: int) -> bool:
    """Whether the injured counted at text[start:end] are the subject of a verb of dying: one
    after the count in its clause, up to a conjunction ("23 Verletzte und ... starben" is another
    subject's), or among the three words right before it ("Sieben Menschen starben und 23
    Verletzte ..." is the seven's)."""
    after = _AND.split(_UP_TO_CLAUSE_END.match(text, end).group(0), 1)[0]
    before = " ".join(re.split(r"[,.;:\d]", text[max(0, start - 80) : start])[-1].split()[-3:])
    return bool(_DIED_VERBS.search(after) or _DIED_VERBS.search(before)) and not _AND.search(" " + before + " ")


_AND = re.compile(r"\s(?:and|und|і|й|та|и|i|oraz|et|y|e)\s", re.IGNORECASE)


def _downed(text: str, start: int, end: int) -> bool:
    """Whether the drones or missiles counted at text[start:end] are those shot down or destroyed."""
    after = _UP_TO_CLAUSE_END.match(text, end).group(0)
    clause = re.split(r"[,.;:\d]", text[max(0, start - 80) : start])[-1]
    best: tuple[int, bool] | None = None
    for downed, rx in ((True, _DOWNED_WORDS), (False, _LAUNCHED_WORDS)):
        for m in rx.finditer(after):
            best = min(best or (m.start(), downed), (m.start(), downed))
        for m in rx.finditer(clause):
            best = min(best or (len(clause) - m.end(), downed), (len(clause) - m.end(), downed))
    return bool(best and best[1])


class _English:
    """English figures, units and the words around them: the rules ``quantities_in`` has always
    used (``lexicon.numbers.NumberLanguage`` is the same for the other languages)."""

    code = "en"
    not_units = _NOT_UNITS
    skip_after = _SKIP_AFTER
    approx = _APPROX_BEFORE
    at_least = re.compile(r"\b(more than|over|at least|upwards of|in excess of|no fewer than|no less than)\s+$")
    at_most = re.compile(r"\b(fewer than|less than|up to|at most|no more than|as many as)\s+$")
    part_of = re.compile(r"\s*(?:[^\W\d_]+\s+)?(?:out\s+of|of)\s+(?:the\s+|all\s+)?", re.IGNORECASE)
    range = _RANGE
    join = re.compile(r"\s*(?:to|-|–|against)\s*")
    kill = _KILL_WORDS
    hurt = _HURT_WORDS
    missing = re.compile("missing", re.IGNORECASE)

    @staticmethod
    def read(text: str):
        for start, end, written, raw in _numbers(text):
            try:
                value = float(raw.split()[0].rstrip("%"))
            except ValueError:
                continue
            scale = raw.split()[-1].lower() if " " in raw else ""
            value *= ENGLISH_SCALES.get(scale, 1)  # "3.5 million": the value, so "3,5 млн" is the same
            yield start, end, value, written, "%" if "%" in raw or "percent" in raw else ""

    @staticmethod
    def unit_key(word: str) -> str:
        if currency := currency_key(word):  # "złoty" and "zlotys" alike
            return currency
        w = word.lower()
        for start, key in _ENGLISH_STARTS:  # "missiles" is no "missing" (QA pass 18)
            if starts_like(w, start):
                return key
        key = _unit_key(word)
        return ENGLISH_ALIASES.get(key, key)

    @staticmethod
    def known_unit_after(text: str, pos: int) -> str | None:
        """The first word after the figure is its unit, unless the other languages' tables do
        not name it and nouns they name follow within three lower-case words joined by no other
        function word than "and"/"or": the last of them is what is counted ("300 interceptor
        drones", "16 radar and launcher batteries": QA pass 18); "five seasons" stays seasons."""
        words = list(_LETTERS.finditer(text, pos, min(len(text), pos + 60)))[:4]
        head = None  # the phrase's last noun the tables name: "radar and launcher batteries"
        for k, word in enumerate(words):
            gap = text[words[k - 1].end() if k else pos : word.start()]
            w = word.group(0)
            if gap.strip() or not w.islower():  # a comma, a figure, a name: another phrase
                break
            if k == 0:
                if _English.unit_key(w) in UNIT_KEYS or w in _NOT_UNITS or w in _OTHER_MEASURE:
                    return None
                continue
            if w in ("and", "or"):
                continue
            if w in _NOT_UNITS or w in NUMBER_WORDS:
                break
            if (key := _English.unit_key(w)) in UNIT_KEYS:
                head = key
        return head

    @staticmethod
    def before_key(word: str) -> str:
        return _English.unit_key(word[:-1] if word.endswith("ed") else word)  # "voted 78 to 61": votes

    @staticmethod
    def is_year(value: float, written: str, unit: str) -> bool:
        return False  # English reports keep their years as figures (as they always have)

    @staticmethod
    def is_when(text: str, start: int, end: int, value: float, written: str) -> bool:
        return bool(_CLOCK.match(text, end) or clock_minutes(text, start, end)
                    or DOTTED_DATE.match(text, start)
                    or _MONTH_AFTER.match(text, end) or _MONTH_BEFORE.search(text[max(0, start - 12) : start]))


# "She was 91." / "He is 40.": an obituary's or a profile's age, stated as the sentence's last word
# after a person's pronoun (ECB+ 4 and 28: "She was 91." in two outlets had no unit, so the
# three-word sentence was no claim and the shared age was "only in" each)
_AGE_STATED_BEFORE = re.compile(r"(?:^|[\s\"“(])(?:he|she)\s+(?:was|is|would\s+have\s+been)\s+$", re.IGNORECASE)
_SENTENCE_CLOSES = re.compile(r"\s*[.!]?[\"”’)]?\s*")


def _stated_age(text: str, start: int, end: int, value: float) -> bool:
    """Whether the figure at ``start``..``end`` is an age stated as "she was 91." (a whole number a
    person may be, closing its sentence)."""
    return (value == int(value) and 0 < value < 130 and _SENTENCE_CLOSES.fullmatch(text, end) is not None
            and _AGE_STATED_BEFORE.search(text, 0, start) is not None)


def quantities_in(text: str, language: str | None = None) -> tuple[Quantity, ...]:
    """Each number with its unit: the first word after it that names something ("12 people" ->
    (12, "peopl"); "48 hours" and "two days" -> (48, "hour")), else the one before it ("the toll
    rose to 17" -> (17, "dead")); casualty words share one unit, and so do people in a sentence
    about deaths or injuries. Times of day are left out; a number with no unit has unit "".
    Each carries the number as written (with its unit word when that follows it) and the
    values it allows: a rounded figure ("about 200") 10% either way, a range ("between 10 and
    15") its ends. ``language`` (an ISO code) picks how figures are written and what the unit
    words are (``lexicon.numbers``: uk, ru, de, pl, lt, fr, es, ro; unknown Cyrillic text is read as
    Ukrainian or Russian; anything else by the English rules); units are one key across languages."""
    lang = number_language(language, text) or _English
    out: list[Quantity] = []
    at: dict[int, int] = {}  # where each number starts -> its place in out (for ranges)
    spans: list[tuple[int, int]] = []  # where each figure of out starts and ends, as read
    previous_unit, previous_end = "", -1
    contacts = contact_spans(text)
    several = vague_counts(text, lang.code)  # "several dozen", "kilkadziesiąt": a range, no figure
    vague = {s: (low, high) for s, _, low, high in several}
    for start, end, value, g, pct in _figures(text, lang, several):
        if lang.is_when(text, start, end, value, g) or any(s <= start < e for s, e in contacts):
            continue
        if lang.code != "en" and g[:1].isupper() and _GROUP_ARTICLE.search(text[max(0, start - 5):start]):
            continue  # "les Vingt-Sept", "die Siebenundzwanzig": the EU's members by name, not a count
        trail = len(g) - len(g.rstrip(",."))  # "to 62, clearing": the comma ends it
        if trail and g.rstrip(",").split()[-1].lower() in getattr(lang, "scales", ()):
            trail = 0  # "3 Mrd. Złoty", "2 tys. mieszkańców": the dot ends the scale's abbreviation, not the clause
        unit, pos = "", end - trail
        written = g[: len(g) - trail]
        age = AGE_AFTER.match(text, pos) or (lang is _English and _stated_age(text, start, pos, value))
        sign = currency_before(text, start)
        after = None if sign or age else _SIGN_AFTER.match(text, pos)
        if age:  # "a 7-year-old girl" and "9-летняя девочка": ages, in every language one unit
            unit, written = "age", written + (age.group(0).rstrip() if age is not True else "")
            pos = len(text)  # nothing after it is its unit
        elif sign:  # "$1.2 billion loan": the sign says what it counts, not "loan"
            unit, written = sign[0], sign[1].strip() + (" " if sign[1].strip().isalpha() else "") + written
            scale = _MONEY_SCALE.match(text, pos)  # "$1.5bn", "£300m": after a sign, m is million, not metres
            if scale:
                value *= _MONEY_SCALES[scale.group(1).lower()]
                written += scale.group(0)
            pos = len(text)
        elif after:  # "90 Mrd. €", "90 млрд €", "90 Md€", "300 M€": the sign after the figure says what it counts
            unit, written = SYMBOLS[after.group("sign")], written + after.group(0)
            value *= _SCALES_BEFORE_SIGN.get((after.group("scale") or "").lower(), 1)
            pos = len(text)
        modified = housing = designated = at_place = stopped_at_place = False
        named = ""  # the name a count of things is of: "Patriot" in "10 Patriot systems"
        for step in range(3):  # "17 on Wednesday" looks past "on Wednesday"; "14 people" stops at once
            model = _DESIGNATION_AT.match(text, pos) if (step == 0 or modified) and not designated else None
            if _is_model(model):  # "four F-16 fighter jets", "vier F-16-Kampfjets": which model, then what
                written += " " + model.group(0).strip(" -")
                named, designated, modified = _designation_key(model), True, True
                pos = model.end()
                continue
            word = _UNIT_WORD.match(text, pos)
            if not word:
                break
            w = word.group(1).lower()
            if w in lang.skip_after:
                # "kills 3 in Lviv", "загинули 3 у Львові": the noun after a preposition of place
                # says where, not what is counted (QA pass 20: unit "lviv"); but see COUNTED_AT_PLACE
                at_place = w in PLACE_PREPOSITIONS.get(lang.code, ())
                pos = word.end()
                continue
            if at_place:
                if lang.unit_key(w) in COUNTED_AT_PLACE:  # "40 in hospital", "12 у лікарні"
                    unit = lang.unit_key(w)
                else:
                    stopped_at_place = True
                break
            if w in _MODIFIERS and step == 0:  # "100 apartment buildings" count buildings
                written += " " + word.group(1)
                pos = word.end()
                modified = True
                housing = housing or w in _HOUSING_MODIFIERS
                continue
            if (lang.code == "en" and (step == 0 or modified) and word.group(1)[:1].isupper()
                    and (is_place_word(word.group(1)) or _currency_after(text, word.end()))
                    and _lower_word_after(text, word.end())):
                # "Eight Russian drones", "40 Polish firefighters": whose, not which kind (QA
                # pass 18: read as a name, "drone:russi" never met "Siedem rosyjskich dronów")
                written += " " + word.group(1)
                pos = word.end()
                modified = True
                continue
            if lang.code == "en" and (step == 0 or modified) and _named_before_noun(text, word, lang):
                # "10 more Patriot systems", "5 Shahed drones": the name says which, the noun what
                # is counted ("еще 2 системы Patriot" counts systems too: QA pass 17), and both
                # which ones: "40 Gepard systems" are no other count of "2 Patriot systems"
                written += " " + word.group(1)
                named = _unit_key(word.group(1))
                pos = word.end()
                modified = True
                continue
            if w not in lang.not_units:
                # "12 apartment blocks", "residential towers": dwellings, as "12 будинків" and
                # "12 багатоповерхівок" count them (QA pass 17: "12 apartment blocks" met nothing)
                unit = "house" if housing else lang.unit_key(w)
                if step == 0 or modified:
                    written += " " + word.group(1)  # "48 hours", "two days": as the reader saw it
            break
        of_them = None if age or sign else _fate_of_them(text, end, lang)
        if not (age or sign):
            unit = of_them or lang.known_unit_after(text, end) or unit
            if unit and not named and lang.code != "en":
                named = _model_after_noun(text, end)
                designated = bool(named)
                named = named or _name_after_noun(text, end, lang)
            if designated and unit not in _NOT_MODELS:
                # the model is the kind, whatever noun a language puts with it: "four F-16s",
                # "four F-16 fighter jets", "cztery myśliwce F-16", "vier F-16-Kampfjets" are one
                # count; "two F-35s" another ("1,000 COVID-19 deaths" stay deaths)
                unit = named
            elif unit and named and unit in UNIT_KEYS and unit not in _COUNTS_OF_PEOPLE:
                unit = f"{unit}:{named}"  # "10 систем Patriot" and "10 Patriot systems" alike
        if lang.is_year(value, g, unit):
            continue
        if not unit and previous_end >= 0 and lang.join.fullmatch(text[previous_end:start]):
            unit = previous_unit  # "78 votes to 62": both count votes
        if not unit and lang.code == "en":  # "31 were killed", "four died": what happened to them, right after
            fate = _FATE_AFTER.match(text, end)
            # "those mobilised in 2022 were killed": a year, not a count
            if fate and not (1900 <= value <= 2100 and _YEAR_BEFORE.search(text[max(0, start - 8) : start])):
                unit, written = _unit_key(fate.group(1)), written + " " + fate.group(1)  # "31 killed"
        if not unit:  # "the death toll from the sinking rose to 17": "toll", else the nearest noun-like word
            # words of the figure's clause ("12 died; 40 in Lviv": "died" is the 12's)
            before = [re.sub(r"[^\w]", "", w).lower() for w in text[max(0, start - 100) : start].rsplit(";", 1)[-1].split()]
            # a kill verb counts the figure right after it ("kills 1", "killing at least 4"), not
            # a later verb's ("kills 1, traps 5", "killing two, displaced 300": review 20b)
            own = len(before) - next((i for i, w in enumerate(reversed(before)) if w not in _BOUND_WORDS), len(before)) - 1
            casualty = [w for i, w in enumerate(before[-12:], len(before) - len(before[-12:]))
                        if lang.unit_key(w) in _CASUALTY_UNITS and (w not in _KILL_VERBS or i == own)]
            nearest = [w for w in before[-3:] if w and w not in lang.not_units and not w.isdigit()]
            if stopped_at_place:
                # "kills 3 in Lviv", "загиблих зросла до 17 у Львові": a casualty word right before;
                # "killed nearly 50 people and infected more than 1,400 in Tunisia": the 1,400 were
                # infected, not killed (the sentence's earlier casualty word is another count's)
                # and not one of another figure ("Вибух вбив 2, ще 7 у реанімації": the 7 are not
                # the killed), and no filler word ("ещё 12 в больнице", "a 7 w prowincji": review
                # 20b); the figure's verb will do ("evacuated 300 in Kharkiv")
                near = before[-3:]
                near = near[max((i + 1 for i, w in enumerate(near) if w.isdigit()), default=0):]
                casualty = [w for w in casualty if w in near]
                clause = len(text[max(0, start - 100) : start].rsplit(",", 1)[-1].split())  # "5 osób, a 7 w"
                places = PLACE_PREPOSITIONS.get(lang.code, ())
                # a word of the clause, four letters or more, not itself a place ("80,000 cases in
                # China and 80,000 in Italy": no "china")
                clause_words = [before[i] for i in range(len(before) - min(len(near), clause), len(before))
                       if len(before[i]) > 3 and not (i and before[i - 1] in places)]
                nearest = [w for w in nearest if w in clause_words]
            if casualty or nearest:
                unit = lang.before_key(casualty[-1] if casualty else nearest[-1])
        if pct or unit == "%":
            unit = "%"
        elif unit in _HOURS:
            value, unit = value * _HOURS[unit], "hour"
        elif unit in _CASUALTY_UNITS:
            unit = _CASUALTY_UNITS[unit]
        elif unit in _PEOPLE:
            # what happened to them: the nearest word saying so, right after the figure or earlier
            # in its clause ("15 человек ранены", "killed 14 people and injured 20 people",
            # "пропавшими без вести считаются восемь человек"), else anywhere in the sentence
            unit = _fate(text, start, end, lang) or unit
        if unit == "injur" and _died_of_wounds(text, start, end):
            # "У лікарні померли двоє поранених", "Zwei Verletzte erlagen ihren Verletzungen": of
            # the injured, those who died: a part of the dead, no count of the injured (QA pass 21a)
            unit = "dead:part"
        elif unit.split(":")[0] in _WEAPONS and _downed(text, start, end):
            unit += ":down"  # "62 drones were shot down" is no count of the 85 launched (QA pass 21a)
        if unit and not unit.endswith(":part") and not of_them and _PART_OF_UNNAMED.match(text, end):
            unit += ":part"
        minus = _MINUS_BEFORE.search(text[max(0, start - 8) : start])
        if minus and value > 0:  # "minus 12 Grad", "мінус 12 градусів", "−12 °C": no 12 degrees (QA pass 21a)
            value, written = -value, minus.group(0) + written
        lo = hi = value
        before = text[max(0, start - 25) : start].lower()
        approx = lang.approx.search(before)
        at_least, at_most = lang.at_least.search(before), lang.at_most.search(before)
        if start in vague:  # "several dozen": 24-108, as written
            lo, hi = vague[start]
        elif approx:  # "about 200", "nearly 2,700": a rounded figure
            lo, hi = sorted((value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)))
            written = approx.group(1) + " " + written
        elif at_least or at_most:
            # "at least 14" / "more than 10" / "понад 10" keep their figure: a toll given as "at
            # least 14" by one outlet and "17" by another is two counts a reader should see side
            # by side; the bound is shown with it, as the outlet wrote it. A bound at a round
            # figure ("more than 30", "понад 30", "fewer than 100") is a rounding, not a count:
            # it allows every figure beyond it, so "more than 30" and "31" agree (QA pass 15)
            written = (at_least or at_most).group(1) + " " + written
            if value and value % ROUND_BOUND == 0:
                lo, hi = (value, math.inf) if at_least else (0.0, value)
        at[start] = len(out)
        issuer = dollar_issuer(text, start, end) if unit == "dolla" else ""
        out.append(Quantity(value, unit, written, lo, hi, issuer))
        spans.append((start, end))
        previous_unit, previous_end = unit, end
    _join_ranges_and_parts(text, out, spans, lang)
    # "between 10 and 15 people": one figure given as a range; both ends allow 10-15, in the unit
    # the second end names
    for r in lang.range.finditer(text):
        if r.start(1) in at and r.start(2) in at:
            first, second = out[at[r.start(1)]], out[at[r.start(2)]]
            lo, hi = sorted((first.value, second.value))
            unit = second.unit or first.unit
            written = " ".join(text[r.start() : r.start(2)].split()) + " " + second.written  # "between 10 and 12 people"
            out[at[r.start(1)]] = first._replace(unit=unit, low=lo, high=hi, written=written)
            out[at[r.start(2)]] = second._replace(unit=unit, low=lo, high=hi, written=written)
    return tuple(out)


# a figure below zero: the word, or the minus sign (not a hyphen: "10-12" is a range)
_MINUS_BEFORE = re.compile(r"(?:(?<!\w)(?:minus|мінус|минус)\s+|(?<![\w\d])\u2212\s?)$", re.IGNORECASE)
# a definite article before a capitalised number word: a group's name ("les Vingt-Sept" are the
# EU's members; QA pass 27a, 5: "numbers differ: Vingt-Sept doivent vs two diplomats"). Not in
# English, whose headlines capitalise every word ("The Three Killed Were Volunteers")
_GROUP_ARTICLE = re.compile(r"\b(?:les|des|aux|die|der|den|los|las|gli|le|la)\s+$", re.IGNORECASE)
# a currency's sign after the figure, the French and German way, with a scale's abbreviation
# written against it: "90 Md€", "1,5 Mrd. €", "300 M€", "50 k€" (QA pass 27a, 12: "90 Md€" was a
# count of "md" and "90 Mrd. €" one of "gibt"); a sign a figure follows is that figure's ("3 $5 tickets")
_SCALES_BEFORE_SIGN = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9,
                       "bn": 1e9}
_SIGN_AFTER = re.compile(r"\s?(?:(?P<scale>Mds?|Mrds?|M|mln|mn|bn|k)\.?\s?)?(?P<sign>[€$£₴₽])(?!\s?\d)")
_MONEY_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}
_MONEY_SCALE = re.compile(r"\s?(k|mn|mln|m|bn|b|tn)\b", re.IGNORECASE)
# "П'ятеро з поранених", "Пятеро из раненых", "five of the wounded": a part of a count the sentence
# does not give, not a count of its own
_PART_OF_UNNAMED = re.compile(r"\s+(?:з|із|зі|из|of(?:\s+the)?|von\s+den|z|spośród)\s+(?=[^\W\d_])", re.IGNORECASE)
# "23 of them are seriously wounded", "23 з них тяжко поранені", "23 из них тяжело ранены", "23 z
# nich jest ciężko rannych", "23 von ihnen sind schwer verletzt", "23 of those freed are wounded":
# the count of what befell them (a part of a group named before), as "32 Schwerverletzte" counts
# it (QA pass 24a, 03: unit "" or "из", so "23 … wounded" never met "32 Schwerverletzte"). After a
# pronoun the fate may follow at once; after "those"/"the" a word naming the group comes first, and
# when that word is itself a fate ("three of those killed were children", "five of the wounded
# died") the figure is a part of that count, not the fate's
_OF_THEM = re.compile(
    r"\s+(?:(?:out\s+)?of\s+(?:(?P<pron>them|whom)|(?P<dem>those|these|the))"
    r"|(?:з|із|зі|серед|из|среди|z|spośród|wśród)\s+(?P<pron2>них|яких|которых|nich|których)"
    r"|(?:von|unter)\s+(?P<pron3>ihnen|denen)|(?P<pron4>davon))(?![^\W\d_])", re.IGNORECASE)
_FATES = frozenset({"dead", "injur", "missi"})
OF_THEM_WORDS = 5  # words after "of them" the fate is looked for in ("of those freed are seriously wounded")


def _fate_of_them(text: str, end: int, lang) -> str | None:
    """The fate ("dead", "injur", "missi") a figure right before ``end`` counts when "of them"
    follows it (``_OF_THEM``), else None."""
    m = _OF_THEM.match(text, end)
    if not m:
        return None
    pos = m.end()
    for k, word in enumerate(_LETTERS.finditer(text, pos, min(len(text), pos + 80))):
        if k == OF_THEM_WORDS or any(ch in ",.;:!?" or ch.isdigit() for ch in text[pos : word.start()]):
            return None
        key = lang.unit_key(word.group(0))
        key = _CASUALTY_UNITS.get(key, key)
        if key in _FATES:
            return None if k == 0 and m.group("dem") else key
        pos = word.end()
    return None


def _figures(text: str, lang, vague: Sequence[tuple[int, int, float, float]] = ()) -> list[tuple[int, int, float, str, str]]:
    """The language's figures, and "one" where it counts a person ("killed one person", "погиб
    один человек": the bare word is left out elsewhere, "no one" and "one of" count nothing).
    ``vague``: counts given as vague multiples (``numbers.vague_counts``), each one figure (its
    lowest value) in place of what it holds ("dozen" of "several dozen" is no 12)."""
    models = _designations(text)
    found = [f for f in lang.read(text) if not any(s <= f[0] < e for s, e in models)  # "F-16" counts nothing
             and not any(s < f[1] and f[0] < e for s, e, *_ in vague)]
    found += [(s, e, low, text[s:e], "") for s, e, low, _ in vague]
    taken = [(s, e) for s, e, *_ in found]
    for m in ONE_PERSON.finditer(text):
        if _one_of_a_trade_counts(text, m) and not any(s < m.end() and m.start() < e for s, e in taken):
            found.append((m.start(), m.end(), 1.0, m.group(), ""))
    return sorted(found, key=lambda f: f[0])


# "one journalist said", "Jeden policjant powiedział", "один журналіст повідомив", "one police
# source": a trade is the usual anonymous source, and "one" before it an article (review 20b: a
# "numbers differ" line of "One journalist" vs "Five journalists"). It counts only in a sentence
# that says what befell someone, and not with a word of speech or source right after it.
_CASUALTY_PREDICATE = re.compile(
    r"kill|dead|died|death|injur|wound|hurt|missing|загин|вбит|убит|погиб|поранен|ранен|травмов|зник|пропал|"
    r"zgin|zabit|zmarł|rann|poszkodowan|zagin|getötet|tot\b|starb|verletzt|verwundet|vermisst", re.IGNORECASE)
_SPEECH_AFTER = re.compile(
    rf"(?:\W+\w+){{0,2}}?\W+(?:{verbs_pattern(ALL_LANGUAGES, forms=reporting_forms)}|told|tells|sources?|spokes\w*|"
    r"джерел\w*|источник\w*|źródł\w*|quelle\w*)\b", re.IGNORECASE)


def _one_of_a_trade_counts(text: str, m: re.Match) -> bool:
    """Whether ONE_PERSON's match ``m`` of a trade ("one firefighter") in ``text`` is a count."""
    if not m.group("trade"):
        return True
    sentence_start = max(text.rfind(ch, 0, m.start()) for ch in ".!?;") + 1
    ends = [i for i in (text.find(ch, m.end()) for ch in ".!?;") if i >= 0]
    sentence = text[sentence_start : min(ends) if ends else len(text)]
    return bool(_CASUALTY_PREDICATE.search(sentence)) and not _SPEECH_AFTER.match(text, m.end())


_HYPHEN_RANGE = re.compile(r"\s?[-–]\s?")


def _join_ranges_and_parts(text: str, out: list[Quantity], spans: list[tuple[int, int]], lang) -> None:
    """Two figures read as one in place: "10-12 people" / "10–12 людей" is a range, both ends
    counting what the second does; "28 of the 35 drones" / "28 drones out of 35" / "28 з 35
    дронів" is a part of a whole, so "35" and "30" launched conflict and "28" shot down of either
    does not conflict with the whole. A range needs its first end to be the lower and to name no
    unit of its own ("won 3-1" is a score; "78 votes to 62" a tally)."""
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = text[spans[i][1] : spans[i + 1][0]]
        exact = a.low == a.high and b.low == b.high
        # and a unit after the second: "lost 1-3", "rejected 48-52" are scores and tallies (a review)
        if _HYPHEN_RANGE.fullmatch(gap) and a.value < b.value and exact and " " not in a.written and " " in b.written:
            written = a.written + gap.strip() + b.written  # "10-12 people", as a report shows it
            out[i] = a._replace(unit=b.unit, low=a.value, high=b.value, written=written)
            out[i + 1] = b._replace(low=a.value, high=b.value, written=written)
        elif lang.part_of.fullmatch(gap) and a.value <= b.value and exact and not (
                " " in a.written and " " in b.written and a.unit != b.unit):  # "5 людей з 10 сіл": from, not of
            # the whole counts what its own unit word says, else what the part's does
            whole = b.unit if " " in b.written else (a.unit if " " in a.written else b.unit)
            whole = whole.removesuffix(":down")  # "збили 62 дрони з 85": the 85 were launched
            out[i] = a._replace(unit=whole + ":part")
            out[i + 1] = b._replace(unit=whole)


_MONTH_NUMBER = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_ENGLISH_DATE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s?[-–]\s?(?P<d1b>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<m1>{_MONTH})"
    rf"|\b(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s?[-–]\s?(?P<d2b>\d{{1,2}})\b)?\b"
    # a month alone: "in October", any day of it; "by December 15" is the 15th, read by m2 (QA pass
    # 22a: the month alone was taken at "by", "15" never read, and "by December 25" agreed with it)
    r"|\b(?:in|since|until|by|from|during)\s+(?P<m3>(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\b"
    r"(?!\.?\s+\d{1,2}(?:st|nd|rd|th)?\b)",
    re.IGNORECASE)
# a date that says when something was said, not when it happened ("the governor said on 4 March",
# "повідомив губернатор 4 березня"), and a dateline's ("KYIV, March 4 (Reuters) -"): outlets
# reporting one fact on different days give them different dates (a review's finding)
_SAID_BEFORE = re.compile(rf"\b(?:{verbs_pattern(ALL_LANGUAGES, forms=reporting_forms)})\b[^.;:!?]{{0,40}}$",
                          re.IGNORECASE)
# (a place in capitals of any of the languages read: "KIJÓW, 5 grudnia (PAP)", "MÜNCHEN, 5. Dezember";
# QA pass 26c, 01: "KIJÓW," was no dateline, its date read as the event's day and its "w nocy" left unread)
_DATELINE_CAPITALS = "A-ZÀ-ÖØ-ÞА-ЯІЇЄҐЎĄĆĘŁŃŚŹŻŠŽČŘĎŤŇĚŮĖĮŲŪĒĢĶĻŅĂȘȚŞŢ"  # (CHIȘINĂU,)
_DATELINE_BEFORE = re.compile(rf"^\s*[{_DATELINE_CAPITALS}][{_DATELINE_CAPITALS} .'’-]{{1,40}},(?:\s*[A-Z][\w.]*,)?\s*$")


_NIGHT_OF = re.compile(r"\bnight\s+of\s+$", re.IGNORECASE)
# ... and Romanian "în noaptea de 5 spre 6 decembrie", "noaptea spre marți", "în noaptea de luni spre marți"
_NIGHT_ONTO = re.compile(r"\b(?:ніч|ночі|ночь|ночи|noc|nocy)\s+(?:на|проти|z)\s+$|\bNacht\s+(?:zum|auf\s+den)\s+$"
                         r"|\bnoaptea\s+(?:de\s+\w+\s+)?spre\s+$", re.IGNORECASE)


def _reported_when(text: str, start: int, said_too: bool = True) -> bool:
    """Whether the date at ``start`` is a dateline's, or (``said_too``) the day a statement was made on."""
    said = _SAID_BEFORE.search(text[max(0, start - 80) : start]) if said_too else None
    if said is not None and said.group(0)[:3].lower() == "sag" and _SEPARATED_PARTICLE.match(text, start):
        said = None  # "sagte am 6. Dezember Hilfe zu": pledged (zusagen) or cancelled (absagen) then (QA pass 21a)
    return bool(said or _DATELINE_BEFORE.match(text[:start]))


# the particle that makes German "sagen" another verb, closing the clause: "sagte ... zu" (zusagen,
# to pledge), "sagte ... ab" (absagen, to cancel)
_SEPARATED_PARTICLE = re.compile(r"(?:\d{1,2}\.|[^.,;:!?\n]){0,80}?\s(?:zu|ab)(?=\s*(?:[.;:!?\n,]|$))")


def _date(value_from: int, value_to: int, written: str) -> Quantity:
    return Quantity(value_from, "date", " ".join(written.split()), value_from, value_to)


def dates_in(text: str, language: str | None = None, said_on: bool = False) -> tuple[Quantity, ...]:
    """The days and months a sentence names, as figures a report can contradict: "12 November"
    is 1112 (month × 100 + day), "in October" allows any day of October (1001-1031), "3-5 March"
    its three days. Years and weekdays are left out (an outlet writing "on Tuesday" and another
    "on 12 November" say the same), and so are the dates a statement was made on and datelines'.
    English month names (capitalised: "march 10 kilometres" is no date), day + month in the
    other languages ``lexicon.numbers`` reads, and day-first dates in figures ("12.11.2026").
    ``said_on``: keep the dates statements were made on (the day of the news, for
    match.event_dates), datelines' still left out."""
    out: list[Quantity] = []
    for m in DOTTED_DATE.finditer(text):  # "12.11.2026": day first, in every language
        day, month = int(m.group("day")), int(m.group("month"))
        if 1 <= day <= 31 and 1 <= month <= 12 and not _reported_when(text, m.start(), not said_on):
            out.append(_date(month * 100 + day, month * 100 + day, m.group(0)))
    lang = number_language(language, text)
    if lang is None:
        for m in _ENGLISH_DATE.finditer(text):
            name = m.group("m1") or m.group("m2") or m.group("m3")
            month = _MONTH_NUMBER.get(name[:3].lower())
            if not month or not name[0].isupper() or _reported_when(text, m.start(), not said_on):
                continue
            if m.group("m3"):
                if name.lower() in _FULL_MONTHS or len(name) == 3:
                    out.append(_date(month * 100 + 1, month * 100 + 31, name))
                continue
            first = int(m.group("d1") or m.group("d2"))
            last = int(m.group("d1b") or m.group("d2b") or first)
            if _NIGHT_OF.search(text[max(0, m.start() - 20) : m.start()]):
                last = first + 1  # "the night of March 3" runs into the 4th
            if 1 <= first <= last <= 31:
                out.append(_date(month * 100 + first, month * 100 + last, m.group(0)))
        return tuple(out)
    for m in lang.number.finditer(text):
        month_m = lang.month_after.match(text, m.end())
        if not month_m or m.group("num") is None or not m.group("num").isdigit() or not 1 <= int(m.group("num")) <= 31:
            continue
        name = month_m.group(0).strip(" .").split()[-1].lower()
        if name in lang.month_names and not _reported_when(text, m.start(), not said_on):
            v = (lang.month_names.index(name) + 1) * 100 + int(m.group("num"))
            # "в ніч на 4 березня", "в ночь на 4 марта": the night from the 3rd into the 4th
            night = _NIGHT_ONTO.search(text[max(0, m.start() - 20) : m.start()])
            out.append(_date(v - 1 if night else v, v, text[m.start() : month_m.end()]))
    return tuple(out)


# weekdays in English, Ukrainian, Russian, Polish, German, French, Spanish and Romanian (the forms a date
# takes: "on Thursday", "у четвер", "в среду", "we wtorek", "w środę", "am Mittwochmorgen",
# "mardi soir", "el miércoles"), Monday = 1; case-sensitive: "Domingo" is a name, "domingo" Sunday.
# Polish lists its forms whole: "środek", "środków" (means) are no Wednesday (a review)
_DE_PART = r"(?:s|früh|morgen|vormittag|mittag|nachmittag|abend|nacht)?"  # "Montagabend", "Freitagfrüh"
_WEEKDAYS = [(r"Monday", r"понеділ(?:ок|ка)", r"понедельник[а]?", r"poniedział(?:ek|ku)", r"Montag" + _DE_PART,
              r"lundi", r"lunes", r"[Ll]uni"),
             (r"Tuesday", r"вівтор(?:ок|ка)", r"вторник[а]?", r"wtor(?:ek|ku)", r"Dienstag" + _DE_PART, r"mardi",
              r"martes", r"[Mm]ar[țţ]i"),
             (r"Wednesday", r"серед[аиу]", r"сред[аыу]", r"środ(?:a|ę|y|zie)", r"Mittwoch" + _DE_PART,
              r"mercredi", r"miércoles", r"[Mm]iercuri"),
             (r"Thursday", r"четвер(?:га)?", r"четверг[а]?", r"czwart(?:ek|ku)", r"Donnerstag" + _DE_PART,
              r"jeudi", r"jueves", r"[Jj]oi"),
             (r"Friday", r"п[’'ʼ]?ятниц[яіюі]", r"пятниц[аыу]", r"piąt(?:ek|ku)", r"Freitag" + _DE_PART,
              r"vendredi", r"viernes", r"[Vv]ineri"),
             (r"Saturday", r"субот[аиу]", r"суббот[аыу]", r"sobo(?:t[aęy]|cie)", r"(?:Samstag|Sonnabend)" + _DE_PART,
              r"samedi", r"sábado", r"[Ss][âî]mb[ăa]t[ăa]"),
             (r"Sunday", r"неділ[яіюі]", r"воскресень[ея]", r"niedziel[aęi]", r"Sonntag" + _DE_PART,
              r"dimanche", r"domingo", r"[Dd]uminic[ăa]")]
_WEEKDAY = re.compile(r"(?<![^\W\d_])(?:" + "|".join(f"(?P<d{k}>{'|'.join(forms)})" for k, forms in enumerate(_WEEKDAYS, 1))
                      + r")(?![^\W\d_])")
# a weekday after these is the night before it or its small hours ("overnight into Wednesday",
# "early on Friday", "in der Nacht zum Mittwoch", "w nocy z wtorku na środę"); a weekday before
# "night" runs into the next day ("Thursday night", "Dienstagnacht")
_OVERNIGHT_BEFORE = re.compile(r"\b(?:overnight(?:\s+(?:on|into|to))?|into|early(?:\s+hours\s+of|\s+on)?|night\s+(?:on|into|to)"
                               r"|nacht\s+(?:zum|zu|auf)(?:\s+den)?|nocy\s+z\s+\w+\s+na)\s+$", re.IGNORECASE)
_NIGHT_AFTER = re.compile(r"\s+(?:night|overnight)\b|(?<=nacht)", re.IGNORECASE)
_COUNT_BEFORE = re.compile(r"(?:\d|\b(?:două|doua|trei|patru|cinci|șase|şase|șapte|şapte|opt|nouă|zece|câteva|cîteva"
                           r"|multe|ultimele|ultimii|următoarele)\s*)\s$", re.IGNORECASE)
_NAME_AFTER = re.compile(r"\s+[A-Z]")
_WEEKDAY_ONLY = re.compile(r"^(?:[Oo]n\s+|[Уу]\s+|[Вв]о?\s+)?$")  # "серед поранених" is "among", not Wednesday


def weekdays_in(text: str, said_on: bool = False) -> tuple[Quantity, ...]:
    """The weekdays a sentence names as when something happened (1 = Monday): English and German
    names capitalised; in Ukrainian and Russian the middle-of-week forms only after "у"/"в" ("серед
    поранених" is "among the injured"). The day a statement was made on ("the governor said on
    Thursday", "sagte am Mittwoch", "powiedział w środę") is left out, as for dates, unless
    ``said_on``."""
    out = []
    for m in _WEEKDAY.finditer(text):
        day = next(int(k[1:]) for k, v in m.groupdict().items() if v)
        word = m.group(0)
        before = text[max(0, m.start() - 30) : m.start()]
        onto = bool(_NIGHT_ONTO.search(before) or _OVERNIGHT_BEFORE.search(before))
        if word.startswith(("серед", "сред")) and not onto and not _WEEKDAY_ONLY.match(before[-3:].lstrip()):
            continue
        if word.lower() == "luni" and _COUNT_BEFORE.search(before):
            continue  # "3 luni", "câteva luni": months, not Monday
        if word in ("Joi", "Luni") and _NAME_AFTER.match(text, m.end()):
            continue  # "Joi Ito": a given name (a Romanian weekday is followed by a comma or lower case)
        if not _reported_when(text, m.start(), not said_on):
            # "в ніч на п'ятницю", "overnight into Friday", "early on Friday" may be Thursday
            # night; "Thursday night" may be the small hours of Friday: either day is no conflict
            low = day - 1 if onto else day
            high = day + 1 if _NIGHT_AFTER.match(text, m.end()) else day
            out.append(Quantity(day, "weekday", word, low, high))
    return tuple(out)


_CLOCK_TIME = re.compile(
    r"(?<![\w:.,])(?<!:\s)(?P<h>\d{1,2})(?:[:.]\s?(?P<m>[0-5]\d))?\s?(?P<half>[ap])\.?\s?m\b\.?"
    r"|(?<![\w:.,])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
    # the 24-hour clock with a dot, named by its word: "gegen 7.45 Uhr", "um 8 Uhr", "o godz. 7.45",
    # "o godzinie 8" (a dot alone is a decimal: "7.45" is no time)
    r"|(?<![\w:.,])(?P<hu>[01]?\d|2[0-3])(?:[.:](?P<mu>[0-5]\d))?\s?Uhr\b"
    r"|\bgodz(?:\.|iny|inie|ina)\s*(?P<hg>[01]?\d|2[0-3])(?:[.:](?P<mg>[0-5]\d))?(?![\d.,]\d)", re.IGNORECASE)
_TIME_ZONE = re.compile(r"\s*\(?(gmt|utc|cet|cest|eet|eest|msk|bst|est|edt|pst|pdt|kyiv time|київським часом)\b",
                        re.IGNORECASE)
_APPROX_TIME = re.compile(r"(?<!\w)(about|around|approximately|roughly|near|close to|близько|приблизно|около|примерно"
                          r"|gegen|etwa|ungefähr|około|ok\.)\s+(?:at\s+|о\s+|в\s+|um\s+|o\s+)?$", re.IGNORECASE)
ROUND_HOUR_MINUTES = 30  # "about 3 p.m." and "3 p.m." allow half an hour either way; "3:10 p.m." is exact


def clock_times_in(text: str) -> tuple[Quantity, ...]:
    """Times of day as minutes after midnight ("3 p.m.", "15:00", "15 Uhr", "godz. 15" are 900), with the time zone
    the sentence names as the unit ("time", "time:gmt": times in two zones are never compared).
    A whole hour, or a time after "about", allows half an hour either way. The time a statement
    was made at is left out, as for dates."""
    out = []
    for m in _CLOCK_TIME.finditer(text):
        if _reported_when(text, m.start()):
            continue
        if m.group("h") is not None:
            hour = int(m.group("h"))
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if m.group("half").lower() == "p" else 0)
            minute = int(m.group("m") or 0)
            whole = m.group("m") is None
        else:
            hour_g, minute_g = next((m.group(h), m.group(mm)) for h, mm in (("h24", "m24"), ("hu", "mu"), ("hg", "mg"))
                                    if m.group(h) is not None)
            hour, minute = int(hour_g), int(minute_g or 0)
            whole = minute == 0  # "15:00", as "3 p.m.", is a whole hour
        zone = _TIME_ZONE.match(text, m.end())
        value = hour * 60 + minute
        approx = _APPROX_TIME.search(text[max(0, m.start() - 20) : m.start()])
        span = ROUND_HOUR_MINUTES if whole or approx else 0
        written = (approx.group(1) + " " if approx else "") + m.group(0).strip()
        out.append(Quantity(value, "time" + (":" + zone.group(1).lower() if zone else ""), written,
                            value - span, value + span))
    return tuple(out)


_FULL_MONTHS = frozenset(["january", "february", "march", "april", "june", "july", "august", "september",
                          "october", "november", "december", "sept"])


def numbers_in(text: str) -> tuple[str, ...]:
    """Numbers as written ("1,200" -> "1200", "35 percent"), spelled-out counts as digits."""
    return tuple(raw for *_, raw in _numbers(text))


def figures_written(text: str, language: str | None = None, context: str = "") -> list[tuple[float, str]]:
    """(value, the figure as written) of each figure in ``text``, read as ``language`` writes
    figures ("3,5 млрд" is 3.5 in Ukrainian, "1,200" 1200 in English); ``context``: the text
    whose script tells an unknown language (a few words of a diff tell nothing)."""
    lang = number_language(language, context or text) or _English
    return [(value, g.rstrip(",.")) for _, _, value, g, _ in _figures(text, lang, vague_counts(text, lang.code))]


REPEAT_DICE = 0.85  # a claim this close to an earlier one of the same article is a repeat
# An editor's note about the article is not a fact of the story.
_EDITORS_NOTE = re.compile(
    r"^\W*(?:this (?:article|story|report|post) (?:has been|was|is being) updated|editor['’]s note|correction\s*:)",
    re.IGNORECASE)
# An outlet's edit stamp standing alone: "Оновлено о 02:15.", "Обновлено в 03:40", "UPD 03:40.",
# "Updated at 2:15 a.m.", "Aktualisiert um 02:15 Uhr", "Aktualizacja: 7.12.2026, 02:15". It dates an
# edit (the revision history shows it), it reports nothing: it was a story fact, "shared" with
# another outlet's view counter (QA pass 23b, 10). A stamp opening a sentence with more in it
# ("UPD 03:40. Кількість загиблих зросла ...") is another sentence and stays.
_UPDATE_WORD = re.compile(
    r"\W*(?:оновлено|обновлено|змінено|изменено|upd|update[d]?|last\s+updated|aktualisiert|aktualizacja|"
    r"zaktualizowano|mis\s+à\s+jour|actualizado)\b", re.IGNORECASE)
# what may follow the word in a stamp: times, dates and these words (a preposition, a clock's
# a.m./Uhr/год., a zone); a word outside them makes it a sentence ("Updated figures show ...")
_STAMP_WORDS = frozenset(
    ["о", "об", "в", "во", "at", "um", "o", "à", "a", "las", "on", "am", "pm", "m", "uhr", "год", "ч", "utc", "gmt", "cet", "eet", "kyiv", "kiev", "київ", "киев", "time", "за", "часом", "київським", "киевскому", "local"])
_STAMP_MAX_REST = 60  # characters after the word: a stamp is short (and no long text is scanned)


def _update_stamp(sentence: str) -> bool:
    """Whether a sentence is an edit stamp alone ("Оновлено о 02:15.")."""
    m = _UPDATE_WORD.match(sentence)
    if m is None:
        return False
    rest = sentence[m.end():]
    return len(rest) <= _STAMP_MAX_REST and all(w.lower() in _STAMP_WORDS for w in _LETTERS.findall(rest))


def _repeats(keys: frozenset[str], claims: list[Claim], holding: dict[str, list[int]]) -> bool:
    """Whether a claim of content ``keys`` repeats one of ``claims`` (a dice of REPEAT_DICE or
    more), ``holding`` listing the claims that hold each key. A repeat shares at least
    t|A|/(2-t) of the claim's |A| keys (t: REPEAT_DICE; its own keys are at least that many), so
    it misses at most the rest and holds one of any that many + 1 keys: only the claims holding
    the rarest of them are read (every claim sharing a word was: 2,500 sentences of one wording
    and a number, "Ten people were injured in town {i}.", took 2.5 s per thousand, review 26)."""
    if not keys:
        return False
    may_miss = math.floor(len(keys) - REPEAT_DICE * len(keys) / (2 - REPEAT_DICE) + 1e-9)
    rarest = sorted((holding.get(key, ()) for key in keys), key=len)[:may_miss + 1]
    candidates = set().union(*rarest)
    return any(2 * len(keys & claims[i].keys) >= REPEAT_DICE * (len(keys) + len(claims[i].keys))
               for i in candidates)


# "nobody was harmed" as the languages without articles say it in three words or fewer: "Ніхто не
# постраждав.", "Никто не пострадал.", "Nikt nie zginął.", "Niemand wurde verletzt.", "Жертв немає.",
# "Обійшлося без жертв.", "Nie ma ofiar." (QA pass 26b, 5: the Ukrainian sentence was no claim, and the
# English "Nobody was hurt in the attack" read "only in" the wire)
_HARMED = (r"(?:постражд|загин|поранен|травмов|травмув|пострада|погиб|ранен|zgin|ucierpia|rann|poszkodowan|"
           r"verletzt|getötet|hurt|injured|killed|died|harmed|wounded)")
_VICTIMS = r"(?:постраждал|загибл|жертв|пострадавш|погибш|раненых|поранених|ofiar|rannych|verletzt|tote)"
_NO_HARM = re.compile(
    rf"(?<!\w)(?:ніхто|никто|nikt|niemand|nobody|no\s+one)\s+(?:не\s+|nie\s+|wurde\s+|was\s+|were\s+)?{_HARMED}"
    rf"|(?<!\w){_VICTIMS}\w*\s+(?:немає|нема|нет|не\s+було|не\s+было|gab\s+es\s+keine|gibt\s+es\s+keine)(?!\w)"
    rf"|(?<!\w)(?:без|bez|keine)\s+{_VICTIMS}|(?<!\w)nie\s+ma\s+{_VICTIMS}|{_HARMED}\w*\s+wurde\s+niemand",
    re.IGNORECASE)


def _terse_fact(sentence: str, missing: int, language: str | None) -> bool:
    """Whether a sentence ``missing`` words short of a claim still states a fact, as Ukrainian,
    Russian and Polish do in three words, with no articles. One word short: it counts something
    ("Загинули дві людини.", "Пошкоджено 7 будинків."; QA pass 19a: the disputed figure left the
    comparison), says nobody was harmed (``_NO_HARM``), or names a person or place the names table
    knows beside a verb ("Sikorski odwiedził Kijów."). Two words short: only that nobody was harmed
    ("Жертв немає."). A slogan ("Слава героям України!"), a label ("Фото: Укрінформ") or a call to
    subscribe ("Підписуйтесь на Telegram.") states nothing."""
    if missing > 2 or missing == 2 and not _NO_HARM.search(sentence):
        return False
    if missing == 1 and any(q.unit for q in quantities_in(sentence, language)):
        return True
    body = sentence.strip()
    if not body.endswith(".") or ":" in body:
        return False
    if _NO_HARM.search(body):
        return True
    from storydiff.lexicon.given_names import is_given_name
    from storydiff.lexicon.names import table_names

    words = _WORD.findall(body)
    named = any(w[:1].isupper() and (is_given_name(w) or table_names(w, language)) for w in words[1:])
    return named and any(w[:1].islower() for w in words)


def article_claims(article_id: str, text: str, min_words: int, language: str | None = None, *,
                   figures: bool = True, max_claims: int | None = None) -> list[Claim]:
    """The article's claims, without repeats: a standfirst restated as the first paragraph, or a
    pull quote printed twice, says nothing new and would otherwise show up as two facts. Figures
    are read as ``language`` writes them (``quantities_in``). An editor's note and a credit line
    (``credit_line``: the unit alone, or the paragraph it is in) start no claim. ``figures`` False:
    the same claims with no numbers, quantities, dates, weekdays or times read (for a caller that
    compares none, as a story of one article: reading them was half of its claims' time).
    ``max_claims``: the first that many claims, the rest of the text unread
    (``FactSettings.max_article_claims``)."""
    claims: list[Claim] = []
    # the claims kept so far by content key: only a claim sharing a key can be a repeat (at no
    # shared key the dice is 0), and a long article's claims each tried against every earlier one
    # were a third of its claims' time
    holding: dict[str, list[int]] = {}
    for a, b in claim_spans(text):
        if max_claims is not None and len(claims) >= max_claims:
            # said, not silent: a reader must know the facts of the rest were never compared
            log.warning("%s: facts read from its first %d claims only; its text from character %d of %d "
                        "was not compared", article_id, max_claims, a, len(text))
            break
        # a wire's dateline ("KYIV, Nov 24 (Baltic Wire) - ") is where and who, not what: the claim
        # starts after it, or its words pair it with no other language's lead (QA pass 26b, 1)
        said_from = b - len(without_dateline(text[a:b]).lstrip())
        a, dateline = said_from, text[a:said_from]
        s = text[a:b]
        words = len(_WORD.findall(s))
        short = words < min_words and not _terse_fact(s, min_words - words, language)
        if short or _EDITORS_NOTE.match(s) or _update_stamp(s) or credit_line(s):
            continue
        line_end = text.find("\n", b)
        if credit_line(text[text.rfind("\n", 0, a) + 1:line_end if line_end >= 0 else len(text)]):
            continue  # "Oprac. Jan Kowalski": the sentence rule cut the credit after "Oprac."
        if not s.strip():  # "ХАРЬКОВ, 5 декабря – РИА Вести." says where, not what
            continue
        keys = claim_keys(s)
        if _repeats(keys, claims, holding):
            continue
        for key in keys:
            holding.setdefault(key, []).append(len(claims))
        if not figures:
            claims.append(Claim(article_id, len(claims), a, b, s, keys, (), dateline=dateline))
            continue
        claims.append(Claim(article_id, len(claims), a, b, s, keys, numbers_in(s), quantities_in(s, language),
                            dates_in(s, language), weekdays_in(s), clock_times_in(s), dateline=dateline))
    return claims
