"""Which stored speakers a user's ``--speaker`` names, in whatever case and script it was typed.

A Russian or Ukrainian reader types a name as it comes to mind: "Пескова" (the genitive of "по
словам Пескова") found no "Дмитрий Песков", and "Песков" no "Dmitry Peskov" of an English article
(QA pass 25b, 10). Besides the filter's own reading (``search_index.filter_regex``: diacritics and
case folded, from a word's start), a speaker is named when each typed word is one of its words:

- in another case form: the typed word's forms as search words take them
  (``case_forms``, from ``search_index.cyrillic_stems``: Пескова → Песков, Пескову, Песковым);
- in the other language's letters: the Ukrainian and the Russian spelling of one name
  (``romanisation.uk_ru_spellings``: Зеленський / Зеленский);
- in another script: the same key of the romanised word (``romanisation.latin_key``, with g and h
  one letter, as Russian and Ukrainian romanise г: Шойгу / Shoigu); a key is the whole word, so
  "Peskov" names no "Pesko"; or an English or French name's Cyrillic spelling by ear
  (``heard_key``: Blair / Блер).

A surname alone names anyone of that surname, as it always did in one script ("Песков" finds
"Анна Пескова" too: the genitive Пескова and the feminine Пескова are one word).

The speaker column holds few names (one per person quoted), so the stored names are read once
(``SELECT DISTINCT``) and matched here, and the query asks for the matching ones; a quote with no
speaker is matched in its paragraph by a regular expression of the typed word and its case forms.
"""

from __future__ import annotations

import functools
import re

from storydiff.romanisation import (
    MAX_NAME_CHARS,
    heard_cyrillic,
    heard_latin,
    latin_key,
    name_spelling,
    romanised,
    uk_ru_spellings,
)
from storydiff.store.search_index import (
    CASE_ENDINGS,
    WORD_START,
    cyrillic_stems,
    filter_regex,
    fold,
    fold_regex,
)

_PUNCTUATION = "«»„“”\"'’.,;:!?()[]…"
# what follows a case form: no letter or digit (the typed word itself stays a prefix, as before)
_WORD_END = {"postgresql": "(?![[:alnum:]])", "python": r"(?![^\W_])"}
# between two typed words: what parts a name's words (a space, a hyphen: Римский-Корсаков)
_BETWEEN_WORDS = {"postgresql": "[^[:alnum:]]+", "python": r"[\W_]+"}


def _words(name: str) -> list[str]:
    return [w for w in (p.strip(_PUNCTUATION) for p in name.replace("-", " ").split()) if w]


def _cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


@functools.lru_cache(maxsize=4096)
def script_key(word: str) -> str:
    """A word's key across scripts: "Песков" and "Peskov", "Зеленский" and "Zelenskyy" meet."""
    return latin_key(romanised(word)).replace("g", "h")


def case_forms(word: str) -> list[str]:
    """A typed name's case forms: its stems' (``cyrillic_stems``) with every case ending, a
    noun's and an adjective's alike (a surname in -ов takes both: Пескова, Песковым); a search
    word's forms are narrower, as a word of the text may be either."""
    return [stem + e for stem in cyrillic_stems(word) for e in CASE_ENDINGS]


@functools.lru_cache(maxsize=4096)
def heard_key(word: str) -> str:
    """A word's key across scripts by sound: an English or French name and its Cyrillic spelling
    by ear meet ("Blair" and "Блер", "Trudeau" and "Трюдо", "Joly" and "Жолі": QA pass 26c, 6)."""
    heard = heard_cyrillic(word) if _cyrillic(word) else heard_latin(word)
    return latin_key(heard).replace("g", "h")


@functools.lru_cache(maxsize=256)
def _typed(word: str) -> tuple[str, frozenset[str], frozenset[str], bool]:
    """(the word folded, its case forms folded, their keys across scripts (``script_key`` and
    ``heard_key``), whether Cyrillic)."""
    forms = [word, *case_forms(word)]
    keys = frozenset(key(f) for f in forms for key in (script_key, heard_key))
    return fold(word), frozenset(fold(f) for f in forms), keys, _cyrillic(word)


def _names_word(typed: str, word: str) -> bool:
    prefix, forms, keys, cyrillic = _typed(typed)
    folded = fold(word)
    if folded.startswith(prefix) or folded in forms:
        return True
    if _cyrillic(word) != cyrillic:
        return script_key(word) in keys or heard_key(word) in keys
    if script_key(word) not in keys:
        return False
    # both Cyrillic: one the Ukrainian, the other the Russian spelling of one name (Зеленський /
    # Зеленский), not any two words romanised alike
    return cyrillic and len(word) <= MAX_NAME_CHARS and any(_uk_ru(word, form) for form in forms)


def _uk_ru(a: str, b: str) -> bool:
    sa, sb = name_spelling(a), name_spelling(b)
    return bool(_uk_as_ru(sa).fullmatch(sb) or _uk_as_ru(sb).fullmatch(sa))


@functools.lru_cache(maxsize=4096)
def _uk_as_ru(spelling: str) -> re.Pattern:
    return uk_ru_spellings(spelling)


def names_speaker(typed: str, speaker: str) -> bool:
    """Whether every word of ``typed`` is one of ``speaker``'s words: from its start, in another
    case form or in another script ("Пескова" and "Peskov" name "Дмитрий Песков")."""
    wanted, words = _words(typed), _words(speaker)
    return bool(wanted) and all(any(_names_word(t, w) for w in words) for t in wanted)


def speakers_named(typed: str, speakers: list[str]) -> list[str]:
    """The stored speaker names among ``speakers`` that ``typed`` names."""
    return [s for s in speakers if isinstance(s, str) and names_speaker(typed, s)]


def context_regex(typed: str, dialect: str = "postgresql") -> str:
    """A regular expression finding ``typed`` in a quote's paragraph (``filter_regex`` of it, for
    a name with no Cyrillic word): its words in a row, from a word's start, each as typed (the
    last one as a word's start, as ``filter_regex``) or in one of its case forms ("слова Пескова"
    for "Песков"). One alternative: ``filter_regex``'s beside it cost PostgreSQL twice the time.
    A stem's endings are one group after it: a flat list of its forms cost PostgreSQL 3x and
    Python's ``re`` 5x the time on each paragraph (each form tried at each letter)."""
    words = _words(typed)
    stems = [cyrillic_stems(w) for w in words]
    if not any(stems):
        return filter_regex(typed, dialect)
    by_length = sorted(CASE_ENDINGS, key=len, reverse=True)
    endings = "(?:" + "|".join(dict.fromkeys(fold_regex(e) for e in by_length if e)) + ")?"
    parts = []
    for i, (word, its_stems) in enumerate(zip(words, stems)):
        as_typed = fold_regex(word) + ("" if i == len(words) - 1 else _WORD_END[dialect])
        forms = [fold_regex(stem) + endings + _WORD_END[dialect] for stem in dict.fromkeys(map(fold, its_stems))]
        parts.append("(?:" + "|".join([as_typed, *forms]) + ")")
    return WORD_START[dialect] + _BETWEEN_WORDS[dialect].join(parts)


def context_near(typed: str, dialect: str = "postgresql") -> str:
    """A short regular expression that every paragraph ``context_regex`` finds also matches: a
    word starting as the first typed word or one of its stems. Asked first: PostgreSQL took 10x
    the time on ``context_regex``'s endings (316 ms over 12,000 paragraphs against 29 ms)."""
    words = _words(typed)
    if not words:
        return filter_regex(typed, dialect)
    starts = dict.fromkeys(fold_regex(w) for w in [words[0], *cyrillic_stems(words[0])])
    return WORD_START[dialect] + "(?:" + "|".join(starts) + ")"


@functools.lru_cache(maxsize=64)
def compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)
