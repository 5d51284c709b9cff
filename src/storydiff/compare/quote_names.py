"""Does a version of a quote name someone or something the original does not?

``new_names(a, b, lang_a, lang_b)`` -> the names in ``b`` (people, places, countries,
organisations) that have no counterpart in ``a``: "Russia must pay" / "Ukraine must pay", or
«Україна має заплатити» as a "translation" of "Russia must pay" (multilingual vectors put the two
at cosine 0.92: they cannot tell a swapped name from a translated one). A name spelled in another
script or language is the same name (``lexicon.names``):

- **Spelled in another script**: romanised and compared by sound ("Kallas" / "Каллас", "Scholz" /
  "Шольцом"), an inflected ending allowed ("Blinken" / "Блінкену", "Macron" / "Macrona").
- **Named in another language**: a bundled table of countries (the Unicode CLDR's names in en,
  uk, ru, de, pl, fr, es), their short forms and adjectives, major cities and organisations
  (``names_table.json``, built by ``bench/build_names_table.py``): "Germany" / "Німеччина" /
  "Deutschland", "the US" / "США", "EU" / "ЄС" / "UE", "Moscow" / "Москва" / "Moskau".

What counts as a name: an acronym ("NATO", "США"), a word the table knows, and a capitalised word
that does not open a sentence ("Ми ..." and "Wir ..." are not names) and is no title, weekday or
polite pronoun. German capitalises every noun, so in German only the first two count.
Measured on tests/data/quote_meaning.jsonl (names-dev / names-heldout) by bench/quote_meaning.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

from storydiff.lexicon.names import (
    CROSS_SCRIPT_RATIO,
    CURRENCY_WORDS,
    MAX_ENDING,
    NOT_NAMES,
    alike,
    alike_sounds,
    fold,
    is_cyrillic,
    mentions,
    name_sound,
    tokens,
)

_EDITORS_BRACKETS = re.compile(r"\[[^\[\]\n]{1,60}\]")


class _Text:
    def __init__(self, text: str, lang: str | None) -> None:
        self.words, self.clauses = tokens(text[:20_000])
        self.folded = [fold(w) for w, _ in self.words]
        self.covered = mentions(self.folded, [w for w, _ in self.words], lang)
        self.named = set().union(*self.covered) if self.covered else set()
        self.lang = lang
        self.script = is_cyrillic(text[:2_000])
        self._lenient: set[str] | None = None
        self._spellings: dict[bool, _Spellings] = {}
        self._alike: dict[tuple[str, bool], bool] = {}
        self._lengths: dict[str, set[int]] | None = None

    def names(self, keep: Iterable[str] | None = None, script: bool | None = None,
              nouns: bool = False, loose: bool = True) -> list[tuple[int, str, set[str]]]:
        """(index, word, the table's names it stands for) for each word that is a name. ``script``: the
        other text's (Cyrillic or not) when it is in another language. Across scripts a name the
        table does not know is counted only with ``loose`` (a capitalised word there is as often a
        headline's or an organisation's word as a name: "Champions League" / «Лига чемпионов»), and
        an acronym only in its own script ("ППО", air defence, is no name to check against English).
        ``nouns``: German nouns too."""
        kept = None if keep is None else {p for w in keep for p in w.replace("'", "").split("-")}
        out = []
        for i, ((word, opens), low, named) in enumerate(zip(self.words, self.folded, self.covered)):
            if len(word) < 2 or not word[0].isupper() or low in NOT_NAMES or (kept is not None and low not in kept):
                continue
            if i and self.folded[i - 1].startswith(CURRENCY_WORDS):
                continue  # "20 мільярдів доларів США" is "$20 billion": a currency, no country named
            if named:
                out.append((i, word, named))
                continue
            if script is not None and (script != is_cyrillic(word) or self.script != script) and not loose:
                continue  # across scripts, or a word in the other text's script ("Twitter" in Russian)
            acronym = word.upper() == word and any(c.isalpha() for c in word)
            if acronym and script not in (None, is_cyrillic(word)):
                continue
            if acronym or not (opens or (self.lang == "de" and not nouns)):
                out.append((i, word, named))
        return out

    def said_alongside(self, i: int, other: _Text) -> bool:
        """Whether the clause of word ``i`` shares a content word with ``other`` (an inflected
        form too): whether it is a version of something the other text says."""
        function = function_words()
        if other._lengths is None:  # the other text's words by their first five letters
            other._lengths = {}
            for x in other.folded:
                other._lengths.setdefault(x[:5], set()).add(len(x))
        return any(len(w) >= 4 and w not in function and not self.covered[k]
                   and any(abs(n - len(w)) <= MAX_ENDING for n in other._lengths.get(w[:5], ()))
                   for k, w in enumerate(self.folded) if self.clauses[k] == self.clauses[i] and k != i)

    def has(self, word: str, named: set[str], spelled_apart: bool = False) -> bool:
        """Whether this text names what ``word`` names: the same table entry, or a word alike.
        ``spelled_apart``: the two texts are in different languages of one script, where one name
        is spelled its own way ("Selenskyj", "Pieskow", "Chodorkowski"): a close spelling counts."""
        if named & self.named:
            return True
        if named:  # the original's words read leniently: a name is not told apart by its case ending
            if self._lenient is None:
                self._lenient = set().union(*mentions(self.folded, [w for w, _ in self.words], self.lang, lenient=True))
            if named & self._lenient:
                return True
        key = (word, bool(named), spelled_apart)
        if key not in self._alike:
            index = self._spelling_index(bool(named))
            self._alike[key] = (index.holds(name_sound(word), is_cyrillic(word))
                                or (spelled_apart and index.holds(name_sound(word), not is_cyrillic(word))))
        return self._alike[key]

    def _spelling_index(self, skip_table_words: bool) -> _Spellings:
        if skip_table_words not in self._spellings:
            self._spellings[skip_table_words] = _Spellings(
                (name_sound(w), is_cyrillic(w)) for (w, _), cov in zip(self.words, self.covered)
                if not (skip_table_words and cov))
        return self._spellings[skip_table_words]


class _Spellings:
    """A text's words as sounds, indexed for ``alike``: the same sounds, a shared beginning of four
    letters (an inflected ending), a close spelling in the other script (rapidfuzz over those
    only). A long text costs a lookup per name, not a comparison with each of its words."""

    def __init__(self, words: Iterable[tuple[str, bool]]) -> None:
        self.exact: set[str] = set()
        self.by_start: dict[str, set[str]] = {}
        self.by_script: dict[bool, set[str]] = {True: set(), False: set()}
        for sound, cyrillic in words:
            self.exact.add(sound)
            if len(sound) >= 4:
                self.by_start.setdefault(sound[:4], set()).add(sound)
                self.by_script[cyrillic].add(sound)

    def holds(self, sound: str, cyrillic: bool) -> bool:
        if sound in self.exact:
            return True
        if len(sound) < 4:
            return False
        if any(alike_sounds(sound, other, False) for other in self.by_start.get(sound[:4], ())):
            return True
        others = self.by_script[not cyrillic]
        return bool(others) and process.extractOne(sound, others, scorer=fuzz.ratio,
                                                   score_cutoff=CROSS_SCRIPT_RATIO) is not None


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Words a sentence may open with that are no subject's name: stop words, and the words the
    other meaning checks read (negations, figures, opposites: "Nobody" / "Everybody", "Twelve" /
    "Nine", "More" / "Fewer", "About" / "Nearly" are theirs)."""
    from storydiff.compare import meaning
    from storydiff.stopwords import ENGLISH_STOP_WORDS, SPACY_STOP_WORDS

    cues = set().union(*meaning.NEGATION_CUES.values())
    figures = set(meaning._UNITS) | set(meaning._TENS) | set(meaning._SCALES) | meaning._APPROXIMATE
    return frozenset(NOT_NAMES | ENGLISH_STOP_WORDS | SPACY_STOP_WORDS | cues | figures | set(meaning._SIDE)
                     | {"everybody", "everyone", "everything", "nearly", "fewer"})


@lru_cache(maxsize=4096)
def _text(text: str, lang: str | None) -> _Text:
    """A story's quotes are compared pairwise: each is read once."""
    return _Text(text, lang)


def _subject_swapped(ta: _Text, tb: _Text) -> list[tuple[int, str]]:
    """A capital opening a sentence is no sign of a name, but one word swapped for another at the
    opening of the same sentence, each found nowhere in the other version, is a swapped subject:
    "Macron said the talks would resume" / "Scholz said...", "Зеленський підписав закон" /
    "Шмигаль підписав закон". (Within one language only: across two the following words differ.)"""
    if len(ta.words) < 3 or len(tb.words) < 3 or ta.folded[1:3] != tb.folded[1:3]:
        return []
    (x, _), (y, _) = ta.words[0], tb.words[0]
    if not (x[:1].isupper() and y[:1].isupper()) or min(len(x), len(y)) < 3:
        return []
    fx, fy = ta.folded[0], tb.folded[0]
    function = function_words()
    if fx in function or fy in function or fy in ta.folded or fx in tb.folded or alike(x, y):
        return []
    if tb.covered[0] & ta.covered[0]:
        return []  # one place or body spelled two ways: "Kyiv" / "Kiev", "Odesa" / "Odessa" (QA pass 19b)
    return [(0, y)]


def _beside_a_kept_name(tb: _Text, ta: _Text, i: int, apart: bool) -> bool:
    """Whether word ``i`` of ``tb`` stands next to a name (no function word, no sentence's first
    word unless the table knows it) that ``ta`` has too."""
    function = function_words()
    for j in (i - 1, i + 1):
        if 0 <= j < len(tb.words):
            (word, opens), low = tb.words[j], tb.folded[j]
            if (word[:1].isupper() and low not in NOT_NAMES and low not in function and (tb.covered[j] or not opens)
                    and ta.has(word, tb.covered[j], apart)):
                return True
    return False


def new_names(a: str, b: str, lang_a: str | None = None, lang_b: str | None = None,
              keep_b: Iterable[str] | None = None) -> list[str]:
    """The names ``b`` gives that ``a`` does not (in ``b``'s spelling), in order. ``keep_b``:
    the lowercased words of ``b`` that count (a trim's cut words name nothing new)."""
    if not isinstance(a, str) or not isinstance(b, str):
        return []
    # an editor's words in square brackets are not the speaker's ("He [Putin] lied")
    ta, tb = _text(a, lang_a), _text(_EDITORS_BRACKETS.sub(" ", b), lang_b)
    script_a = is_cyrillic(a) if lang_a != lang_b else None
    script_b = is_cyrillic(b) if lang_a != lang_b else None
    apart = lang_a != lang_b and is_cyrillic(a[:2_000]) == is_cyrillic(b[:2_000])
    new = [(i, w) for i, w, named in tb.names(keep_b, script_a, loose=False) if not ta.has(w, named, apart)]
    # a first name or a title's name given beside a name the original has ("Zelensky" / "Volodymyr
    # Zelensky") names no one new
    new = [(i, w) for i, w in new if not _beside_a_kept_name(tb, ta, i, apart)]
    if new and lang_a == lang_b and all(tb.has(w, named) for _, w, named in ta.names()):
        # a name added, none swapped: it counts when said in a clause the original has a version
        # of ("every school" / "every school in Mariupol"), not in context the original left out
        # ("if you send your people to help Ukrainians ... you know the country is at war")
        new = [(i, w) for i, w in new if tb.said_alongside(i, ta)]
    if not new and lang_a == lang_b:
        new = _subject_swapped(ta, tb)
    # German capitalises its nouns, so a name in German is told by the original's name gone
    # missing: "Chancellor Merz" / "Präsident Macron". An acronym the table does not know is as
    # often a common noun's, translated as a word ("VAT" / "Mehrwertsteuer", "PKB" / "BIP": a QA
    # finding), and tells nothing gone
    if (not new and lang_b == "de" and lang_a != "de"
            and any(not tb.has(w, named, apart) for _, w, named in ta.names(None, script_b)
                    if named or w.upper() != w)):
        new = [(i, w) for i, w, named in tb.names(keep_b, script_a, nouns=True) if not ta.has(w, named, apart)]
    return list(dict.fromkeys(w for _, w in new))
