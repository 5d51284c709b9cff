"""Cheap per-article features for same-story matching (no parser: this is the hot path).

An article becomes five bags of terms, each compared on its own because they fail differently:
``words`` (content words: topic), ``entities`` (capitalised tokens and runs of them: who/where),
``numbers`` (figures, years, months, weekdays: two earthquakes of the same kind differ here),
``title`` (headline words) and ``years`` (1900-2099 only: two events of one kind years apart,
"the 2008 patch" vs "September 18, 2013", share every other word). spaCy NER runs at ~8
docs/s; capitalisation gets most of the way at thousands per second.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

# scikit-learn's list, not spaCy's: importing spacy pulls torch (+230 MB RSS, seconds of
# start-up); and a copy, not an import of scikit-learn, which costs a second of start-up itself.
from storydiff.stopwords import ENGLISH_STOP_WORDS

STOPWORDS: frozenset[str] = frozenset(
    ENGLISH_STOP_WORDS | {"said", "says", "say", "told", "just", "did", "does", "doing", "ca", "n't", "s"}
)

_TOKEN = re.compile(r"\w+(?:['.]\w+)*", re.UNICODE)
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
# Capitalised words that start sentences or headlines and name nothing.
_NOT_ENTITY = STOPWORDS | _WEEKDAYS | {"mr", "mrs", "ms", "dr", "new", "news", "update", "breaking"}

MAX_CHARS = 200_000  # longer input is cut: a story is decided by its first pages, not a dump


@dataclass
class DocTerms:
    """Term counts per channel; the clusterer turns them into weighted vectors."""

    words: Counter
    entities: Counter
    numbers: Counter
    title: Counter
    tokens: list[str]  # lowercased token sequence, for shingles
    years: Counter = field(default_factory=Counter)  # 4-digit years, also counted in numbers
    # the names the title writes, as the text's first line would give them (none where the text
    # opens with its title): the keys across languages count them (multilingual.cross_keys)
    title_names: Counter = field(default_factory=Counter)


def identity_terms(terms: DocTerms) -> list[str]:
    """Who, where and how many: the names and the figures (digits: a month or weekday is no
    figure). A copy keeps them; a template filled in for another town or person changes them."""
    return [*terms.entities, *(n for n in terms.numbers if n[:1].isdigit())]


def named(terms: DocTerms) -> Counter:
    """The article's names with its title's (DocTerms.title_names): what the keys across
    languages count, the same whether the headline came as the title or as the text's first line."""
    return terms.entities + terms.title_names if terms.title_names else terms.entities


def tokenize(text: str) -> list[str]:
    """Word tokens, every apostrophe read as ASCII's: outlets write one word with ', ’ or ʼ
    (U+02BC, the Ukrainian orthography's), and "з'їзд" / "зʼїзд" or "don't" / "don’t" must be one
    term for a reprint and its source to share it."""
    if not text:
        return []
    text = text[:MAX_CHARS]
    if "\u2019" in text:
        text = text.replace("\u2019", "'")
    if "\u02bc" in text:
        text = text.replace("\u02bc", "'")
    return _TOKEN.findall(text)


_DIGIT = re.compile(r"\d")
# An identifier whose number is glued to its letters by a hyphen ("COVID-19", "F-16", "MH-17",
# "G-7") is one name, not a figure: as a figure, "19" made every Covid report share its only
# number with every other (wmt-dev: unrelated Covid stories merged on the numbers channel).
_GLUED = re.compile(r"(?<=[^\W\d_])-(?=\d)")


def extract_terms(text: str, title: str | None = None) -> DocTerms:
    """Split one article into the four term bags. Never raises on odd text.

    Its dateline and credit lines are no terms: "CHISINAU, Dec 6 (Reuters) -" is where, when and by
    whom it was filed, "Reporting by ...; editing by ..." who wrote it, and every report of that
    desk and day shares them (QA pass 26a: one wire's unrelated briefs of a day were one story on
    "chisinau", "dec", "6" and their editors' names; a dateline's "3 декабря" matched a "3 километрах")."""
    # extract's own readers, loaded when used
    from storydiff.extract.metadata import text_without_dateline, without_credit_lines

    if not isinstance(text, str):
        text = "" if text is None else str(text)
    raw = tokenize(_GLUED.sub("", without_credit_lines(text_without_dateline(text[:MAX_CHARS]))))
    words: Counter = Counter()
    entities: Counter = Counter()
    numbers: Counter = Counter()
    years: Counter = Counter()
    lowered: list[str] = []
    run: list[str] = []  # current run of capitalised tokens, for multi-word names

    def close_run() -> None:
        if len(run) >= 2:
            entities["_".join(run)] += 1
        run.clear()

    # A capitalised word that the article also writes in lower case is a sentence start or a
    # title-cased headline word ("Police", "Hire", "Coach"), not a name.
    lower_seen = {t for t in raw if t.islower()}
    has_digit = _DIGIT.search
    spelling = city_spellings()
    for tok in raw:
        low = tok.lower()
        lowered.append(low)
        if low.endswith("'s"):  # "Nixon's" is Nixon: possessives would split a name's count
            low = low[:-2]
            tok = tok[:-2]
        # a city's spelling is a name: "vienne" (French "come"), "thorn", "colonia" are words
        as_written, low = low, (spelling.get(low, low) if tok[:1].isupper() else low)
        if low in STOPWORDS:  # most tokens: checked first
            if run:
                close_run()
            continue
        if not tok.isalpha() and has_digit(tok) and not tok[0].isalpha():  # "covid19" is a name
            if run:
                close_run()
            num = low.replace(",", "")
            numbers[num] += 1
            if len(num) == 4 and num[:2] in ("19", "20") and num.isdigit():
                years[num] += 1
            continue
        if low in _MONTHS or low in _WEEKDAYS:
            if run:
                close_run()
            numbers[low[:3]] += 1
            continue
        if len(low) < 2:
            if run:
                close_run()
            continue
        words[low] += 1
        if tok[0].isupper() and low not in _NOT_ENTITY and as_written not in lower_seen:
            entities[low] += 1
            run.append(low)
        elif run:
            close_run()
    close_run()
    title_terms: Counter = Counter()
    if title:
        for tok in tokenize(str(title)):
            low = tok.lower()
            low = spelling.get(low, low) if tok[:1].isupper() else low
            if low not in STOPWORDS and len(low) >= 2:
                title_terms[low] += 1
    names = _title_names(str(title), text, lower_seen) if title else Counter()
    return DocTerms(words, entities, numbers, title_terms, lowered, years, names)


@lru_cache(maxsize=1)
def city_spellings() -> dict[str, str]:
    """A city's spellings in the Latin script, lower case, each to one of them (the names table's,
    lexicon/names_table.json: "kharkov", "charkiw" -> "kharkiv"; "kiev" -> "kyiv"): one report
    writes "Kharkov Region" after TASS, the next "Kharkiv Oblast", and the claim and its denial
    shared no name of their place (QA pass 27c, 06). Whole words only, as written (a table stem
    with "*", declined, is left out: the hot path does one lookup a word), and a spelling two
    cities share is neither's."""
    import json
    from pathlib import Path

    table = json.loads((Path(__file__).parents[1] / "lexicon" / "names_table.json").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    shared: set[str] = set()
    for key, forms in table["names"].items():
        kind, _, name = key.partition(":")
        if kind != "city" or " " in name:
            continue
        for written in (w for ws in forms.values() for w in ws):
            low = written.lower()
            if "*" in low or " " in low or not low.isascii() and not _latin(low):
                continue
            if out.get(low, name.lower()) != name.lower():
                shared.add(low)
            out[low] = name.lower()
    return {w: c for w, c in out.items() if w not in shared and w != c}


def _latin(word: str) -> bool:
    """Whether ``word`` is written in the Latin script ("charków", "léopol"), not Cyrillic."""
    return all("a" <= ch <= "z" or "\u00c0" <= ch <= "\u024f" for ch in word if ch.isalpha())


def _title_names(title: str, text: str, lower_seen: set[str]) -> Counter:
    """The names in ``title`` by the text's rule (capitalised, never written in lower case by the
    text or the title), so that a headline given as the title names what it names as the text's
    first line: `compare` extracts a row's first line as its title, `cluster` reads it in the
    text (round 20). None where the text already opens with the title."""
    if " ".join(text[: 2 * len(title) + 16].split()).casefold().startswith(" ".join(title.split()).casefold()):
        return Counter()
    raw = tokenize(_GLUED.sub("", title))
    lower_seen = lower_seen | {t for t in raw if t.islower()}
    names: Counter = Counter()
    for tok in raw:
        low = tok.lower()
        if low.endswith("'s"):
            low, tok = low[:-2], tok[:-2]
        if (len(low) >= 2 and tok[:1].isupper() and low not in _NOT_ENTITY and low not in lower_seen
                and low not in _MONTHS):
            names[low] += 1
    return names
