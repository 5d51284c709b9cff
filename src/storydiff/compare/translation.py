"""Quotes across languages: a quote in one language and its translation in another.

Words cannot be compared across languages, so when a story's articles are in different languages
(``Article.language``) its quotes are also compared by multilingual-e5-small sentence vectors
(``storydiff.embeddings.embed_multilingual``, in the default install): a quote whose cosine with a
quote of an article in another language reaches ``CompareSettings.translated_min_cosine`` is the
same statement, labelled ``translated``. The cut is fitted on WMT21 news documents and their
professional Russian translations and reported on WMT22 (Russian and Ukrainian):
``python bench/crosslingual_quotes.py``. A story in one language never loads the model.

What can still be checked across languages is checked: a figure the translation gives that the
original does not (numbers read in each language: ``compare.claims.quantities_in``), and whether
two outlets give the words to different people when their names are spelled in different scripts
("Kaja Kallas" / "Кая Каллас" are one person; ``same_person``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz

from storydiff.lexicon.given_names import GIVEN_NAME_GROUP, given_key
from storydiff.romanisation import (  # used here and importable from here, as before
    MAX_NAME_CHARS,
    alike_by_ear,
    cyrillic_romanisation_key,
    heard_cyrillic,
    heard_latin,
    latin_key,
    name_spelling,
    romanian_key,
    romanised,
    sounds,
    uk_ru_spellings,
)

Embedder = Callable[[Sequence[str]], "np.ndarray | None"]


def _default_embedder(texts: Sequence[str]) -> np.ndarray | None:
    from storydiff.embeddings import embed_multilingual

    # "query:" on both sides: e5's prefix for symmetric similarity (bench/crosslingual_quotes.py
    # measured "passage:" too)
    return embed_multilingual(texts, query=True)


def language_key(language: str | None) -> str | None:
    """"uk-UA" / "UK" -> "uk"; None or empty stays None (unknown: compared as the same language)."""
    if not isinstance(language, str) or not language.strip():
        return None
    return language.strip().lower().replace("_", "-").split("-")[0]


def differ(a: str | None, b: str | None) -> bool:
    """Whether two articles are in different languages (an unknown language differs from none)."""
    return a is not None and b is not None and a != b


def as_said(text: str) -> str:
    """A quote with its first letter capitalised, as it reads on its own: a quote run into its
    attribution ("По словам Олега Синегубова, «враг сознательно целился в жилые дома»") starts
    in lower case, and e5 put it at 0.871 from its Ukrainian original, 0.884 capitalised (QA
    pass 17, 09)."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text if ch.isupper() else text[:i] + ch.upper() + text[i + 1:]
    return text


# Ukrainian and Russian abbreviations the multilingual model reads as letters, spelled out for
# their vectors only: «Без ППО наші міста беззахисні» was 0.862 from „Ohne Flugabwehr sind unsere
# Städte schutzlos“ (under translated_min_cosine), 0.882 spelled out (QA pass 21a, 12). Air
# defence in the genitive, as it is mostly written ("без ППО", "сили ППО", "системы ПВО"): the
# nominative gave 0.875
_SPELLED_OUT = {
    "ППО": "протиповітряної оборони", "ЗСУ": "Збройні сили України", "ОВА": "обласна військова адміністрація",
    "МВА": "міська військова адміністрація", "СБУ": "Служба безпеки України", "ДСНС": "рятувальники",
    "МЗС": "Міністерство закордонних справ", "ЄС": "Євросоюз",
    "ПВО": "противовоздушной обороны", "ВСУ": "Вооруженные силы Украины", "МИД": "Министерство иностранных дел",
    "МЧС": "спасатели", "ЕС": "Евросоюз", "ВС РФ": "Вооруженные силы России",
}
_ABBREVIATION = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, _SPELLED_OUT), key=len, reverse=True)) + r")(?!\w)")


def spelled_out(text: str) -> str:
    """``text`` with the abbreviations of ``_SPELLED_OUT`` written in words."""
    return _ABBREVIATION.sub(lambda m: _SPELLED_OUT[m.group(0)], text) if _ABBREVIATION.search(text) else text


class QuoteVectors:
    """Multilingual vectors of a story's quotes, embedded in one batch the first time a pair of
    quotes in different languages is compared (a story in one language never asks)."""

    def __init__(self, texts: Iterable[str], embed: Embedder | None = None) -> None:
        self._texts = list(dict.fromkeys(texts))
        self._embed = embed or _default_embedder
        self._rows: dict[str, int] | None = None
        self._vectors: np.ndarray | None = None

    def _load(self) -> None:
        self._rows = {}
        vectors = self._embed([as_said(spelled_out(t)) for t in self._texts]) if self._texts else None
        if vectors is not None and len(vectors) == len(self._texts):
            self._vectors = np.asarray(vectors, dtype=np.float32)
            self._rows = {t: i for i, t in enumerate(self._texts)}

    def part_cosine(self, a: str, b: str) -> tuple[float, str, str] | None:
        """The best cosine of the one-sentence quote among ``a`` and ``b`` with a sentence of the
        other, which holds more than one (a translation of part of a quote: "The enemy targeted
        civilian infrastructure. Three of our people are dead" / «Ворог бив по цивільній
        інфраструктурі»), with the two texts that matched, a's side first; None when neither is
        such a pair or the model is unavailable."""
        parts_a, parts_b = quote_sentences(a), quote_sentences(b)
        if (len(parts_a) > 1) == (len(parts_b) > 1):
            return None  # a part of each is no translation of either quote
        best = None
        for part_a in parts_a:
            for part_b in parts_b:
                cos = self.cosine(part_a, part_b)
                if cos is not None and (best is None or cos > best[0]):
                    best = (cos, part_a, part_b)
        return best

    def cosine(self, a: str, b: str) -> float | None:
        """Cosine of two of the story's quotes; None when the multilingual model is unavailable."""
        if self._rows is None:
            self._load()
        assert self._rows is not None
        if self._vectors is None or a not in self._rows or b not in self._rows:
            return None
        return float(self._vectors[self._rows[a]] @ self._vectors[self._rows[b]])


def translated_changes(reference: str, version: str, reference_language: str | None,
                       version_language: str | None) -> list[str]:
    """What a translation changes in what was said, as far as it can be told across languages:
    "numbers" when the translation gives a figure the original does not allow (dropping one is a
    trim). A count of none ("ни одного дрона", "żadnego drona", "keinen einzigen Soldaten", "not a
    single soldier") is the figure 0 where the other text counts the same thing ("dwa drony"): RIA's
    «не смогли сбить ни одного дрона» for PAP's "Zestrzeliliśmy dwa drony" read as a figure dropped
    (QA pass 18). Negation across languages belongs to the meaning checks (compare.meaning)."""
    from storydiff.compare.claims import allows, quantities_in

    ours = quantities_in(reference, language=reference_language)
    theirs = quantities_in(version, language=version_language)
    ours_none = none_counts(reference, reference_language)
    theirs_none = none_counts(version, version_language)
    # the "one" of "ни одного человека" is the count of none, not a figure 1: a 0 in the unit
    # the figure reader gave it ("injured" where the sentence says hurt)
    ours, ours_none = _none_for_one(ours, ours_none)
    theirs, theirs_none = _none_for_one(theirs, theirs_none)
    # a count of none speaks only beside a figure of the same thing: "no plans" is no count of
    # anything the other text numbers
    ours = (*ours, *(q for q in ours_none if any(t.unit == q.unit for t in (*theirs, *theirs_none))
                     and _none_is_a_figure(q, version, version_language, theirs_none)))
    theirs = (*theirs, *(q for q in theirs_none if any(o.unit == q.unit for o in ours)
                         and _none_is_a_figure(q, reference, reference_language, ours_none)))
    changes = []
    if not allows(theirs, ours):
        changes.append("numbers")
    return changes


# "none of a thing", by language: the word after it is what is counted (its unit)
_NONE = {
    "ru": r"ни\s+(?:одного|одной|одна|один|одно|одну|единого|единой|единый|единая|единое)",
    "uk": r"(?:жодного|жодної|жоден|жодна|жодне|жодну|жодних|ні\s+одного|ні\s+однієї|ні\s+один|ні\s+одна"
          r"|ані\s+одного|ані\s+однієї)",
    "pl": r"(?:żadnego|żadnej|żaden|żadna|żadne|żadnych|ani\s+jednego|ani\s+jednej|ani\s+jeden|ani\s+jedna)",
    "de": r"(?:kein|keine|keinen|keinem|keiner|keines)(?:\s+einzige[nmrs]?)?",
    "en": r"(?:no|zero|not\s+one|not\s+(?:[^\W\d_]+\s+){0,2}?a\s+single)(?:\s+single)?",
}
_NONE_RE = {lang: re.compile(rf"(?<!\w){p}\s+([^\W\d_]+)", re.IGNORECASE) for lang, p in _NONE.items()}


# words that say "none" without naming what: of people ("nobody", "никто", "nikt", "niemand"), or
# of anything ("none", "keiner", "żaden")
_NOBODY = {
    "en": frozenset({"nobody", "noone"}), "de": frozenset({"niemand", "niemanden", "niemandem"}),
    "pl": frozenset({"nikt", "nikogo", "nikomu", "nikim"}), "ru": frozenset({"никто", "никого", "никому", "никем"}),
    "uk": frozenset({"ніхто", "нікого", "нікому", "ніким"}),
}
_NONE_OF_ANY = {
    "en": frozenset({"none", "neither"}), "de": frozenset({"keiner", "keines", "keins"}),
    "pl": frozenset({"żaden", "żadna", "żadne", "żadnych"}), "ru": frozenset({"ни", "никакой", "никаких"}),
    "uk": frozenset({"жоден", "жодна", "жодне", "жодних", "ні"}),
}


def _none_for_one(figures: tuple, nones: tuple) -> tuple[tuple, tuple]:
    inside = [q for q in figures if q.value == 1 and any(q.written.lower() in n.written.lower() for n in nones)]
    return (tuple(q for q in figures if q not in inside),
            (*nones, *(q._replace(value=0, low=0, high=0) for q in inside)))


def _none_is_a_figure(none, other: str, other_language: str | None, other_none: tuple) -> bool:
    """Whether a count of none is the figure 0 against ``other`` (the other text, which numbers
    the same thing): where the other text counts none of it too, or its sentences that number it
    deny nothing ("Zestrzeliliśmy dwa drony" against «ни одного дрона»). A "nobody" or "none" in
    the other text is its own count of none, worded without a figure: "Nobody was hurt; 3 people
    were detained" is no 0 against 3 for «Ни одного человека не пострадало, задержаны 3 человека»
    (review 18b)."""
    from storydiff.analyze.sentences import sentence_spans
    from storydiff.compare.claims import _COUNTS_OF_PEOPLE, quantities_in
    from storydiff.compare.meaning import NEGATION_CUES, _tokens

    if any(q.unit == none.unit for q in other_none):
        return True
    lang = language_key(other_language) or "en"
    if lang not in NEGATION_CUES:
        return False
    words = set(_tokens(other, lang))
    if lang == "en" and re.search(r"(?<!\w)no[\s-]+one(?!\w)", other, re.IGNORECASE):
        words.add("noone")
    if words & _NONE_OF_ANY.get(lang, frozenset()):
        return False
    if none.unit in _COUNTS_OF_PEOPLE and words & _NOBODY.get(lang, frozenset()):
        return False
    for a, b in sentence_spans(other):
        sentence = other[a:b]
        numbers_it = any(q.unit == none.unit for q in quantities_in(sentence, language=other_language))
        if numbers_it and set(_tokens(sentence, lang)) & NEGATION_CUES[lang]:
            return False
    return True


# "no fewer than 12", "no longer", "no more than": comparisons, not counts of none
_NO_COUNT_AFTER = frozenset({"fewer", "less", "more", "longer", "later", "sooner"})


def none_counts(text: str, language: str | None) -> tuple:
    """Each count of none in ``text`` as a Quantity of 0 in the unit ``compare.claims`` keys the
    counted word by ("ни одного дрона" -> (0, "drone"), as "dwa drony" is (2, "drone"))."""
    from storydiff.compare.claims import _WEAPONS, Quantity, _downed, _English
    from storydiff.lexicon.numbers import number_language

    lang = language_key(language) or "en"
    pattern = _NONE_RE.get(lang)
    if pattern is None:
        return ()
    reader = number_language(lang, text) or _English
    out = []
    for m in pattern.finditer(text[:20_000]):
        word = m.group(1).lower()
        # "no people's militia" counts no people
        if word in reader.not_units or word in _NO_COUNT_AFTER or text[m.end() : m.end() + 2] in ("'s", "’s"):
            continue
        unit = reader.unit_key(word)
        if unit.split(":")[0] in _WEAPONS and _downed(text, m.start(), m.end()):
            unit += ":down"  # "не сбили ни одного дрона" counts the drones shot down, as quantities_in keys them
        out.append(Quantity(0, unit, m.group(0), 0, 0))
    return tuple(out)


# -- names across scripts --------------------------------------------------------------------

SAME_PERSON_RATIO = 70  # rapidfuzz ratio of romanised surnames: Scholz / Шольц (sholz / sholts) is 73
# languages whose spellings ``romanisation.heard_latin`` reads (a German or Polish j is й, a Spanish one х); None:
# an article of unknown language
HEARD_LANGUAGES = frozenset({"en", "fr", None})


def _cyrillic(name: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in name)


def _same_cyrillic_surname(a: str, b: str, language_a: str | None, language_b: str | None) -> bool:
    sa, sb = name_spelling(a), name_spelling(b)
    if sa == sb:
        return True
    pair = (language_key(language_a), language_key(language_b))
    if pair not in (("uk", "ru"), ("ru", "uk")) or max(len(sa), len(sb)) > MAX_NAME_CHARS:
        return False
    uk, ru = (a, sb) if pair[0] == "uk" else (b, sa)
    return uk_ru_spellings(uk).fullmatch(ru) is not None


# Latin spellings of one Cyrillic name in two languages' conventions, read alike only to tell such
# a pair from two surnames: Polish c and German z are ts and their ch is kh (Kozycki / Kozytskyi,
# Terechow / Terekhov); a soft vowel is ia, ja or ya, ie or je (Podolak / Podoliak, Umierow / Umjerow
# / Umerov); z, s and zh are one where German writes s for з and Polish ż for ж (Selenskyj /
# Zelensky, Załużny / Zaluzhnyi); an adjective surname ends -ski, -skyi, -skyj or -sky.
_ROMANISATION_SOUNDS = {"pl": (("(?<![cs])ch", "h"), ("c(?![zh])", "ts")),
                        "de": (("(?<![ts])ch", "h"), ("z", "ts"))}


def romanisation_key(surname: str, language: str | None) -> str:
    low = romanised(surname)
    for spelled, sound in _ROMANISATION_SOUNDS.get(language_key(language) or "", ()):
        low = re.sub(spelled, sound, low)
    return latin_key(low)


# below this rapidfuzz ratio of their keys two given names outside the table are two names
# ("Joe" / "Hunter" 25; "Jake" / "Джейк" 50, "Pete" / "Піт" 57 are one)
DIFFERENT_GIVEN_NAME_RATIO = 40


def is_title_word(word: str) -> bool:
    """``analyze.speakers.is_title_word``: a title or a role before a surname, not a given name."""
    from storydiff.analyze.speakers import is_title_word as title_word

    return title_word(word)


def given_name(name: str) -> str | None:
    """The given name of a speaker's name: its first capitalised word before the surname that is
    no initial ("Joe R. Biden" -> "Joe"), no acronym, no place or people ("Ukrainian Zelensky", a
    title's leftover) and no title or role (``is_title_word``: "Präsident Selenskyj", "Kanzler Merz");
    None for a bare surname or one given by initials."""
    from storydiff.lexicon.numbers import is_place_word

    for word in name.split()[:-1]:
        bare = word.strip(".,")
        # (nor an acronym: "ОВА Олег Синєгубов", the regional administration's)
        if (len(bare) > 1 and bare[0].isupper() and not bare.isupper() and not is_place_word(bare)
                and not is_title_word(bare)):
            return bare
    return None


def same_given_name(a: str, b: str) -> bool:
    """Whether two speakers' names give one given name, or one gives none (a bare surname, an
    initial): "Vitali" / "Віталій" and "Volodymyr" / "Владимир" do, "Vitali" / "Wladimir" and
    "Olena" / "Володимир" do not. A name of ``lexicon.given_names.GIVEN_NAME_GROUPS`` against another is its group;
    two others differ when neither starts the other ("Alex" / "Alexander") and their keys are far
    apart (``DIFFERENT_GIVEN_NAME_RATIO``)."""
    ga, gb = given_name(a), given_name(b)
    if ga is None or gb is None:
        return True
    ka, kb = given_key(ga), given_key(gb)
    if ka == kb:
        return True
    group_a, group_b = GIVEN_NAME_GROUP.get(ka), GIVEN_NAME_GROUP.get(kb)
    if group_a is not None and group_b is not None:
        return group_a == group_b
    if ka.startswith(kb) or kb.startswith(ka):
        return True
    return fuzz.ratio(ka, kb) >= DIFFERENT_GIVEN_NAME_RATIO


def same_person(a: str, b: str, language_a: str | None = None, language_b: str | None = None) -> bool:
    """Whether two speaker names (full or surname only, in any script) name one person: their
    surnames, romanised, are alike ("Kaja Kallas" / "Каллас", "Vitali Klitschko" / "Віталій Кличко").
    Two Cyrillic surnames are one when spelled alike, or when one is the Ukrainian and the other the
    Russian spelling of one name (``language_a`` "uk" and ``language_b`` "ru", or the other way:
    "Синєгубов" / "Синегубов"); the languages are the articles' that give the names. A double
    surname written without its hyphen is the same ("Kosiniak-Kamysz" / "Wladyslaw Kosiniak
    Kamysz"): each of its parts against the other name's words in that place. Two full names
    with different given names are two people (``same_given_name``: Vitali / Wladimir Klitschko)."""
    if not same_given_name(a, b):
        return False
    parts = max(len(a.split()[-1].split("-")), len(b.split()[-1].split("-"))) if a.split() and b.split() else 1
    if parts > 1:
        ta, tb = a.replace("-", " ").split()[-parts:], b.replace("-", " ").split()[-parts:]
        return len(ta) == len(tb) == parts and all(
            same_person(x, y, language_a, language_b) for x, y in zip(ta, tb))
    sa, sb = a.split()[-1], b.split()[-1]
    cyrillic = (_cyrillic(a), _cyrillic(b))
    if cyrillic == (True, True):
        # uk and ru share a script, so the romanised likeness below would take Лисенко / Лісенко
        # (lysenko / lisenko) for one name
        return _same_cyrillic_surname(sa, sb, language_a, language_b)
    ka, kb = sounds(romanised(sa)), sounds(romanised(sb))
    if ka == kb or (cyrillic[0] != cyrillic[1] and romanian_key(sa) == romanian_key(sb)):
        return True  # (a Romanian name in Cyrillic: "Кожокару" / "Cojocaru", QA pass 26a)
    one_language = language_key(language_a) == language_key(language_b)
    if (cyrillic_romanisation_key(sa) == cyrillic_romanisation_key(sb) if one_language
            else romanisation_key(sa, language_a) == romanisation_key(sb, language_b)):
        # German z and ch are ts and kh: "Merz" is "Мерц", too short for the ratio below. Two Latin
        # spellings alike but for the ways one Cyrillic name is romanised (a final -yy, -iy, -yi,
        # -yj or -y; ie / e; kh / h / ch; z / s / zh / ż / sch) are one name in any two languages'
        # or outlets' styles: AP's "Zelenskyy", the Guardian's "Zelensky", Reuters' "Zelenskiy",
        # the German "Selenskyj" (review 24a, F5: "speaker differs" between them)
        return True
    # otherwise, within one script a different spelling is a different surname (Brel / Brehl are
    # two people: "eh" is no romanisation of a letter)
    if cyrillic[0] == cyrillic[1]:
        return False
    if fuzz.ratio(ka, kb) >= SAME_PERSON_RATIO:
        return True
    # an English or French name written in Cyrillic by its sound, not its letters (Blair / Блер,
    # Joly / Жолі, Trudeau / Трюдо: QA pass 26c, 6)
    (latin, latin_language), cyr = ((sb, language_b), sa) if cyrillic[0] else ((sa, language_a), sb)
    if _particles(a) and _particles(a) == _particles(b) and given_name(a) and given_name(b) and (
            fuzz.ratio(heard_latin(latin), heard_cyrillic(cyr)) >= SAME_PERSON_RATIO):
        # one given name and one family name's particles ("Ursula von der Leyen" / "Урсула фон дер
        # Ляєн"): the surname is heard as its own language says it (German "ey" is Ukrainian "яй",
        # "яє"), which no rule above reads (QA pass 27a, 2: "speaker differs" between them)
        return True
    return (language_key(latin_language) in HEARD_LANGUAGES
            and alike_by_ear(latin, cyr))


# a family name's particles as the Latin and the Cyrillic script write them
_PARTICLE_KEYS = {"фон": "von", "ван": "van", "дер": "der", "ден": "den", "де": "de", "да": "da", "ді": "di",
                  "ди": "di", "дю": "du", "дос": "dos", "дель": "del"}
_PARTICLES = frozenset(_PARTICLE_KEYS.values()) | {"della", "la", "le", "ter", "ten", "bin", "ibn"}


def _particles(name: str) -> tuple[str, ...]:
    """The particles between a name's given name and its surname, in the Latin script: ("von",
    "der") for "Ursula von der Leyen" and "Урсула фон дер Ляєн"; () for a name without them."""
    words = [_PARTICLE_KEYS.get(w.lower(), w.lower()) for w in name.split()[1:-1]]
    return tuple(words) if words and all(w in _PARTICLES for w in words) else ()


def quote_sentences(text: str) -> list[str]:
    """A quote's sentences (the quote itself when it is one sentence), each without the full stop
    that ends it, as a quote of that one sentence is written ('"...," he said'): with it, e5 put
    the first sentence of "The enemy deliberately targeted civilian infrastructure. Three of our
    people are dead" at 0.853 from its Ukrainian translation, without it at 0.876."""
    from storydiff.analyze.sentences import sentences

    parts = [part.rstrip(".").rstrip() for part in sentences(text)]
    parts = [part for part in parts if part]
    return parts if len(parts) > 1 else [text]


def quote_texts(quotes_by_article: Mapping[str, Sequence]) -> list[str]:
    """Every quote text of a story, and each sentence of a quote of several, for one batch of vectors."""
    texts = [q.text for qs in quotes_by_article.values() for q in (qs or []) if isinstance(getattr(q, "text", None), str)]
    return texts + [part for text in texts for part in quote_sentences(text) if part != text]
