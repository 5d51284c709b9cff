"""Names as seven languages write them: is a word a country, city, region or body, and do two
words spell one name?

- **Named in another language**: a bundled table of countries (the Unicode CLDR's names in en,
  uk, ru, de, pl, fr, es), their short forms and adjectives, major cities and organisations
  (``names_table.json``, built by ``bench/build_names_table.py``): "Germany" / "Німеччина" /
  "Deutschland", "the US" / "США", "EU" / "ЄС" / "UE", "Moscow" / "Москва" / "Moskau", in any
  case ending (``mentions``, ``table_names``, ``names_no_person``).
- **Spelled in another script**: romanised and compared by sound ("Kallas" / "Каллас", "Scholz" /
  "Шольцом"), an inflected ending allowed ("Blinken" / "Блінкену", "Macron" / "Macrona"): ``alike``.

Speakers and origins (``analyze``) and the quote and fact comparison (``compare``) read it; what a
quote's version names that its original does not is ``compare.quote_names.new_names``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from storydiff.romanisation import romanian_key, romanised, sounds

TABLE = Path(__file__).with_name("names_table.json")
# cross-script spellings as alike as Zelensky / Зеленський (romanised: zelenskyi): ratio of the
# romanised sounds; within one script only an inflected ending is allowed (Scholz / Schulz differ)
CROSS_SCRIPT_RATIO = 75
_TABLE_LANGUAGES = ("en", "uk", "ru", "de", "pl", "fr", "es")
MAX_ENDING = 4  # letters an inflection adds to a stem: Шольц-ом, Blinken-u, Ukrain-ian

_VOWELS = "aeiouyаеєиіїоуюяыэёьй"
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# "U.S." / "EE.UU." / "U.N." -> "US" / "EEUU" / "UN"
_DOTTED = re.compile(r"\b((?:[^\W\d_]{1,2}\.){2,})")
_APOSTROPHES = str.maketrans({c: "'" for c in "‘’‚‛′`´ʼ"})
# what may open a sentence (a capital after it is no name)
_SENTENCE_OPENERS = set(".!?…:;«“„\"(—–")
CURRENCY_WORDS = ("dollar", "долар", "доллар", "dolar", "dólar", "euro", "євро", "евро")
_CLAUSE_MARK = re.compile(r"[.,;:!?…()\u2014\u2013]")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# capitalised words that are no names: titles, weekdays and months (English), polite pronouns,
NOT_NAMES = _words(
    "i mr mrs ms dr sir madam lady lord president prime minister ministers chancellor secretary general "
    "ministry government parliament foreign defence defense state army navy forces armed god allah "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december christmas easter ok tv пан пані пана панові ви вас вам "
    "вами ваш ваша ваше ваші бог бога господь президент вы ваши господин госпожа того pan pani panie pana "
    "panu państwo państwa bóg boga monsieur madame dieu président señor señora usted dios presidente "
    # institutions Spanish and French capitalise ("el Estado", "este Gobierno", "l'État")
    "estado gobierno ministerio ejército état gouvernement ministère république república "
    # titles other languages capitalise, and the Rada's adjective (a review of round 14)
    "pope papst papstes papież papieża papieżowi papieżem kanzler kanzlerin bundeskanzler bundeskanzlerin "
    "kanclerz kanclerza kanclerzowi kanclerzem premier premiera premierowi верховна верховної верховній "
    "верховна верховную")


def fold(word: str) -> str:
    return unicodedata.normalize("NFC", word.lower()).replace("ё", "е").replace("'", "")


# one word of a table form: (stem, letters an ending may add, fewest letters a match has, written
# in capitals only, one word of a phrase: its adjective may decline)
_FormWord = tuple[str, int, int, bool, bool]


@lru_cache(maxsize=16)
def _table(lang: str | None) -> dict[str, list[tuple[str, tuple[_FormWord, ...]]]]:
    """First three letters of a form's first word -> [(name, (form word, ...))], for text in
    ``lang``: the forms of that language and those of any language (all of them for a language
    the table does not have). A form word marked "*" is a stem; any other inflects: its last vowel
    may change (Росія -> Росією, Україна -> Україну, Китай -> Китаю, not Кита) or an ending be
    added (Poland -> Poland's); in a phrase an adjective declines (Новая Зеландия -> Новой
    Зеландии). An acronym of up to three letters matches only in capitals ("WHO", not "Who")."""
    index: dict[str, list[tuple[str, tuple[_FormWord, ...]]]] = {}
    for name, by_lang in json.loads(TABLE.read_text(encoding="utf-8"))["names"].items():
        forms = [f for k, fs in by_lang.items() if lang not in _TABLE_LANGUAGES or k in (lang, "*") for f in fs]
        for form in forms:
            parts = [p for p in re.split(r"[\s-]+", form.replace(".", "")) if p]
            phrase = len(parts) > 1
            words: list[_FormWord] = []
            for part in parts:
                w = fold(part.translate(_APOSTROPHES))
                upper = part.isupper() and len(part) <= 3
                if w.endswith("*"):
                    words.append((w[:-1], MAX_ENDING, len(w) - 1, upper, phrase))
                elif len(w) >= 5 and w[-1] in _VOWELS:
                    words.append((w[:-1], 1 if len(w) == 5 else 2, len(w), upper, phrase))
                elif len(w) >= 4:
                    words.append((w, 1 if len(w) == 4 else 2, len(w), upper, phrase))
                else:
                    words.append((w, 0, len(w), upper, phrase))
            if words and words[0][0]:
                index.setdefault(words[0][0][:3], []).append((name, tuple(words)))
    return index


def _common_prefix(x: str, y: str) -> int:
    return next((k for k, (c, d) in enumerate(zip(x, y)) if c != d), min(len(x), len(y)))


def _matches(token: str, written: str, word: _FormWord, lenient: bool = False) -> bool:
    """Whether ``token`` (``written`` so in the text) is the form word ``word``; with ``lenient``
    also with its last two letters changed and an adjective's ending added (Египет / Египте,
    Австралия / австралийский)."""
    stem, ending, shortest, upper, phrase = word
    if upper and not written.isupper():
        return False
    if len(token) >= shortest and token.startswith(stem) and len(token) - len(stem) <= ending:
        return True
    if phrase and len(stem) >= 3:
        prefix = _common_prefix(token, stem)
        return prefix >= max(3, len(stem) - 1) and len(token) - prefix <= MAX_ENDING
    if not lenient or len(stem) < 5:
        return False
    prefix = _common_prefix(token, stem)
    return prefix >= len(stem) - 2 and len(token) - prefix <= MAX_ENDING + 2


_ELIDED = re.compile(r"^(?:qu|[ldjnsctm])'(?=\w)", re.IGNORECASE)


def tokens(text: str) -> tuple[list[tuple[str, bool]], list[int]]:
    """(word as written, opens a sentence) for each word, hyphenated words split; and the clause
    (a stretch between punctuation marks) each is in."""
    text = _DOTTED.sub(lambda m: m.group(1).replace(".", "") + " ", text.translate(_APOSTROPHES))
    out: list[tuple[str, bool]] = []
    clauses: list[int] = []
    clause, end = 0, 0
    for m in _WORD.finditer(text):
        if _CLAUSE_MARK.search(text, end, m.start()):
            clause += 1
        end = m.end()
        j = m.start() - 1
        while j >= 0 and text[j].isspace():  # the last mark before the word (no slicing: long texts)
            j -= 1
        opens = j < 0 or text[j] in _SENTENCE_OPENERS
        word = re.sub(r"'s?$", "", m.group(0))  # "CNN's" is CNN
        word = _ELIDED.sub("", word)  # "L'OTAN" is OTAN, "d'Ukraine" Ukraine
        for k, part in enumerate(word.split("-")):
            out.append((part, opens and k == 0))
            clauses.append(clause)
    return out, clauses


def mentions(folded: list[str], written: list[str], lang: str | None, lenient: bool = False) -> list[set[str]]:
    """For each word, the table's names a form covering it stands for (``lenient``: see _matches)."""
    covered: list[set[str]] = [set() for _ in folded]
    index = _table(lang)
    for i, tok in enumerate(folded):
        for name, words in index.get(tok[:3], ()):
            if i + len(words) <= len(folded) and all(_matches(folded[i + k], written[i + k], w, lenient)
                                                     for k, w in enumerate(words)):
                for k in range(len(words)):
                    covered[i + k].add(name)
    return covered


def names_no_person(word: str, lang: str | None) -> bool:
    """Whether the table knows ``word`` (one word, any case ending) as a country, city, region or
    organisation: "Кремля", "МИД", "Києва" name no one who speaks."""
    written = word.translate(_APOSTROPHES)
    return bool(mentions([fold(written)], [written], lang)[0])


def table_names(text: str, lang: str | None) -> set[str]:
    """The table's names a phrase gives, in any of their forms and languages ("org:Foreign Ministry"
    for "МЗС", "the Foreign Ministry", "Auswärtiges Amt"): who said something, named in two languages."""
    if not isinstance(text, str):
        return set()
    words, _ = tokens(text)
    written = [w for w, _ in words]
    return set().union(*mentions([fold(w) for w in written], written, lang)) if written else set()


def is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


def alike(x: str, y: str) -> bool:
    """Whether two words spell one name: the same sounds romanised, or one the other with an
    inflected ending; across scripts also a close spelling (ratio >= CROSS_SCRIPT_RATIO)."""
    across = is_cyrillic(x) != is_cyrillic(y)
    # a Romanian name in Cyrillic: "Кожокару" / "Cojocaru", "Чебан" / "Ceban" (QA pass 26a)
    return alike_sounds(name_sound(x), name_sound(y), across) or (
        across and alike_sounds(romanian_key(x), romanian_key(y), False))


@lru_cache(maxsize=65536)
def name_sound(word: str) -> str:
    return sounds(romanised(word))


def alike_sounds(rx: str, ry: str, across: bool) -> bool:
    if rx == ry:
        return True
    short, long_ = sorted((rx, ry), key=len)
    prefix = _common_prefix(short, long_)
    if prefix >= 4 and prefix >= len(short) - 2 and len(long_) - prefix <= MAX_ENDING:
        return True
    return across and min(len(rx), len(ry)) >= 4 and fuzz.ratio(rx, ry) >= CROSS_SCRIPT_RATIO
