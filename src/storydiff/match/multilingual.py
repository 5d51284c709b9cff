"""Same story across languages: what survives translation, and a multilingual model for the rest.

A Ukrainian report of an English story shares almost no word with it, so the lexical score
(similarity.py, the learned scorer) never sees them as one story. Two things cross the language:

- **keys that survive translation** (``cross_keys``): figures written with digits (normalised:
  "1,2 млрд" and "1.2 billion" are both 1.2; "5 000" is 5000), and names reduced to a
  script-independent skeleton (``name_skeleton``: "Джонсон" and "Johnson" are both "jnsn",
  "Каллас" and "Kallas" "kls", "Україна" and "Ukraine" "akrn"). Cheap, computed in the feature
  workers for every article, and kept per story in an inverted index: they find the candidate
  stories in other languages.
- **multilingual-e5-small** (storydiff.embeddings.embed_multilingual) on what carries the story:
  the headline and the opening words (``lede``). It costs ~1-2 ms of CPU per word piece, ~30-60 ms
  a lede, so it runs only for an article that the lexical path did not place, while the window
  holds a story in another language, and only against the few candidates the keys found; a
  story's vector is the mean of its first members' lede vectors, computed when first asked for.

``CrossScorer`` turns (e5 cosine, share of the smaller side's key weight the two share, shared keys)
into a probability: a logistic model fitted on WMT news translations (bench/crosslingual.py
--fit; weights in crosslingual_scorer.json, a few numbers).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from storydiff.match.scorer import LinearScorer

WEIGHTS = Path(__file__).with_name("crosslingual_scorer.json")
FEATURES = ("cos_e5", "key_cover", "key_shared")

LEDE_CHARS = 120  # headline + opening words: ~30-40 word pieces (wmt-dev P@1 1.0 at 80 characters)
MAX_KEYS = 48  # per article: the most repeated names first, then figures
MIN_NAME_CHARS = 3

# Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian, Serbian) and Greek letters in Latin.
_TRANSLIT = {
    **dict(zip("абвгґдеёжзийклмнопрстуфхцчшщъыьэюяіїєўђјљњћџ", [
        "a", "b", "v", "g", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r",
        "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia", "i", "i", "ie",
        "u", "dj", "j", "lj", "nj", "c", "dz",
    ])),
    **dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω", [
        "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s",
        "t", "i", "f", "kh", "ps", "o",
    ])),
    "ß": "ss", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe",
}
# Spellings of one sound across transliteration conventions, longest first.
_DIGRAPHS = (
    ("shch", "s"), ("tsch", "c"), ("sch", "s"), ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("ch", "c"),
    ("sh", "s"), ("ts", "s"), ("tz", "s"), ("ph", "f"), ("th", "t"), ("ck", "k"),
)
_LETTERS = str.maketrans({"c": "k", "q": "k", "w": "v", "z": "s", "x": "ks", "h": None})
_VOWELS = frozenset("aeiouy")
# Case endings of Slavic names ending in a consonant ("Джонсоном", "Путиным"): vowels drop by
# themselves; these keep a consonant the nominative lacks. The stem is a second key, not a
# replacement ("Иванов" ends in -ов and is a name).
_SLAVIC_ENDINGS = ("ом", "ем", "ым", "им", "ой", "ей", "ою", "ею", "ах", "ях", "ам", "ям", "ов", "ев", "ів", "ми")
# ... and of adjectives, which name places and offices ("у Салтівському районі", "Одесского
# порта"): three letters, tried before the two above ("Салтівському" is "Saltivskyi" once its
# -ому goes, not once its -му does).
_SLAVIC_ADJ_ENDINGS = ("ому", "ему", "ого", "его", "ими", "ыми")
# Ukrainian г is an h (the national romanisation: Syniehubov, Ihor, Hlukhiv); transliterated as
# Russian г, g, it gave every such name a skeleton its English spelling lacks (QA pass 17: the
# governor "Синєгубов" was no "Syniehubov", and the English report of a strike stayed a story of
# its own). ґ stays g.
_UK_H = str.maketrans({"г": "х", "Г": "Х"})
# German and Polish write a Slavic name's х as "ch" and its й as "j" ("Charkiw", "Charków" for
# Харків / Kharkiv; "Smijiw", "Synjehubow", "Kyjiw", "Jermak" for Zmiiv, Syniehubov, Kyiv,
# Yermak): read as the other spellings' kh and y, they give the skeleton English and Cyrillic
# spellings have (QA pass 24a, 01: DW's German report of a Kharkiv strike shared three keys with
# a Russian one and was never a candidate for its story). A second key, as the Slavic stems are:
# a German name ("Jürgen", "Michael") keeps the skeleton its other spellings share.
_CH_AS_KH = re.compile(r"(?<!s)ch")
_LATIN_SLAVIC_LANGUAGES = frozenset({"de", "pl"})
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)*")


def transliterate(word: str) -> str:
    """Lower-case Latin letters of ``word`` (Cyrillic and Greek transliterated, accents dropped)."""
    out = []
    for ch in word.lower():
        t = _TRANSLIT.get(ch)
        if t is not None:
            out.append(t)
            continue
        for c in unicodedata.normalize("NFKD", ch):
            if "a" <= c <= "z":
                out.append(c)
    return "".join(out)


# Every article's names pass through here and a stream repeats them (a story's people, places and
# outlets): kept, the call costs a lookup (cross_keys was a quarter of a same-language article's
# features before).
@lru_cache(maxsize=1 << 16)
def name_skeleton(word: str) -> str | None:
    """A name's consonant skeleton, the same in every script and most transliterations: the
    first letter (any vowel as 'a') and the consonants after it, doubled letters once. None
    for a word too short to say anything."""
    latin = transliterate(word)
    if len(latin) > 4 and latin[-1] == "j" and latin[-2] in _VOWELS:
        # Polish, German and Czech write the ending -ий / -ій / -ей as -yj / -ij / -ej, which English
        # and Cyrillic write with a vowel ("Kosyzkyj", "Kozytskyi", "Козицький"; "Andrij", "Andrii"):
        # kept, the j gave such names a skeleton no other spelling has (QA pass 20a)
        latin = latin[:-1]
    for a, b in _DIGRAPHS:
        if a in latin:
            latin = latin.replace(a, b)
    latin = latin.translate(_LETTERS)
    if len(latin) < MIN_NAME_CHARS - 1:
        return None
    head = "a" if latin[0] in _VOWELS else latin[0]
    tail = [c for c in latin[1:] if c not in _VOWELS]
    skel = _collapse(head + "".join(tail))
    if len(skel) < MIN_NAME_CHARS:  # "Raab", "Рааб": keep the vowels, all as 'a'
        skel = _collapse(head + "".join("a" if c in _VOWELS else c for c in latin[1:]))
    return skel if len(skel) >= MIN_NAME_CHARS else None


def _collapse(s: str) -> str:
    out = []
    for c in s:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def normalize_number(raw: str) -> str | None:
    """A figure as digits with '.' for the decimal point: '1,2' and '1.2' -> '1.2'; '1,200',
    '1.200' and '1 200' -> '1200'. Whole numbers under 10 are too common to say anything: None."""
    groups = re.split(r"[.,\u00a0\u202f ]", raw)
    if len(groups) == 1:
        digits = raw
    elif len(groups[-1]) == 3 and all(len(g) == 3 for g in groups[1:]):
        digits = "".join(groups)  # thousands separators
    else:
        digits = "".join(groups[:-1]) + "." + groups[-1]
    digits = digits.lstrip("0") or "0"
    if "." not in digits and len(digits) < 2:
        return None
    return digits


# German writes every noun with a capital: "den Hafen", "in der Nacht", "am Freitag", "die Luftwaffe"
# read as names, so a German report's keys were mostly common nouns its English original does
# not share, under cross_min_cover: the translation opened a story of its own (QA pass). A
# capitalised word after an article or a contraction (up to two lower-case adjectives between)
# is a noun; weekdays and months are dates, as in English.
_DE_NOUN = re.compile(
    r"(?<!\w)(?i:der|die|das|den|dem|des|ein|eine|einer|einem|einen|eines|kein|keine|keinen|keinem|keiner|"
    r"im|am|zum|zur|vom|beim|ins)\s+"
    # adjectives between take an ending; a preposition ("die von Russland besetzte Stadt") is none
    r"(?:(?!(?:gegen|unter|hinter|wegen|zwischen|neben|oder|aber|sowie|über|wider)\s)[a-zäöüß][\w-]*(?:e|en|er|es|em)\s+){0,2}"
    r"([A-ZÄÖÜ][\w-]+)"
)
# (a place the text names with its article, "die Ukraine", "der Kreml", is read as a noun too: the
# report's other names and its figures still carry it across)
_DE_CALENDAR = frozenset([
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
    "dezember",
])


# ... and a capitalised word after a count is a noun too ("zwei Menschen", "60 Drohnen", "40.000
# Haushalte"): a dpa report's counted things were most of its keys, none shared with its Polish
# and English counterparts (QA pass 20a)
_DE_COUNTED = re.compile(
    r"(?<![\w.,])(?:\d[\d.,]*|(?i:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|"
    r"hundert|hunderte|tausend|tausende|mehrere|einige|viele))\s+([A-ZÄÖÜ][\w-]+)"
)


def common_nouns(text: str, language: str | None) -> frozenset[str]:
    """Lower-cased words of ``text`` that its language capitalises as common nouns (German)."""
    if language not in ("de", "lb"):
        return frozenset()
    text = text[:20_000]
    return (frozenset(m.group(1).lower() for m in _DE_NOUN.finditer(text))
            | frozenset(m.group(1).lower() for m in _DE_COUNTED.finditer(text)) | _DE_CALENDAR)


def cross_keys(text: str, title: str | None, entities: Iterable[tuple[str, int]],
               language: str | None = None) -> tuple[str, ...]:
    """The article's language-independent keys: '@' + name skeletons (its most repeated names
    first) and '#' + figures; at most MAX_KEYS. ``language``: a German text's nouns are no names."""
    names: dict[str, int] = {}
    nouns = common_nouns(text, language)
    for name, count in entities:
        if "_" in name or len(name) < MIN_NAME_CHARS or not name.isalpha() or name in nouns:
            continue
        if language == "uk":
            name = name.translate(_UK_H)
        forms = [name]
        if language in _LATIN_SLAVIC_LANGUAGES:
            read = _CH_AS_KH.sub("kh", name.lower()).replace("j", "y")
            if read != name.lower():
                forms.append(read)
        if name[-3:] in _SLAVIC_ADJ_ENDINGS and len(name) > 5:
            forms.append(name[:-3])
        elif name[-2:] in _SLAVIC_ENDINGS and len(name) > 4:
            forms.append(name[:-2])
        for form in forms:
            skel = name_skeleton(form)
            if skel is not None:
                names["@" + skel] = names.get("@" + skel, 0) + count
    numbers: dict[str, int] = {}
    for source in (title or "", text[:20_000]):
        for m in _NUMBER.finditer(source):
            n = normalize_number(m.group())
            if n is not None:
                numbers["#" + n] = numbers.get("#" + n, 0) + 1
    ranked = sorted(names.items(), key=lambda kv: -kv[1]) + sorted(numbers.items(), key=lambda kv: -kv[1])
    return tuple(k for k, _ in ranked[:MAX_KEYS])


def lede(text: str, title: str | None, chars: int = LEDE_CHARS) -> str:
    """Headline and opening words, cut at a word boundary near ``chars``: what e5 reads.

    One text reads the same whether its headline came as ``title`` or as its own first line:
    `compare` and `ingest` extract a JSONL row's first line as the title, `cluster` and
    `same-story` read the row as it is. The headline is joined to the body as a line break
    joins them (a space: what the cross-language scorer and the pair model were fitted on, WMT's
    and SemEval's texts with their headlines in them), and not written twice where the text's
    first line is the headline (extraction drops that line from the text; a headline that is only
    the first sentence of the first paragraph stays, there as here). Written "title. text", a
    Guardian report and its Russian translation read 0.852 (e5 cosine) in `compare` against 0.874
    in `cluster`, and the scorer's 0.84 fell to 0.566, under cross_threshold: one story in
    `cluster`, two in `compare` (round 20)."""
    from storydiff.extract.metadata import without_dateline

    head = " ".join(title.split()) if isinstance(title, str) else ""
    # where it was filed is not what it says: "KHARKIV, June 10 (Harbor Wire) -" took a fifth of the
    # characters e5 reads and kept a Ukrainian translation out of its story (second QA pass); it
    # opens the body's first line, which a text whose headline is its own first line has second
    lines = (text or "")[: chars * 3].lstrip().split("\n")
    if head and _same_line(lines[0], head):
        lines = lines[1:]
    body = " ".join(" ".join(without_dateline(line.lstrip()) for line in lines)[: chars * 2].split())
    if head:
        body = f"{head} {body}" if body else head
    s = body[: chars + 1]
    if len(s) > chars:
        cut = s.rfind(" ", 0, chars)
        s = s[: cut if cut > chars // 2 else chars]
    return s


def _same_line(line: str, head: str) -> bool:
    """Whether a text's first ``line`` is the headline ``head`` (whitespace-normalised; case and a
    closing full stop aside): a row whose text repeats its title as its own first line."""
    return " ".join(line.split()).rstrip(".").casefold() == head.rstrip(".").casefold()


def embed_ledes(texts: Sequence[str]) -> np.ndarray | None:
    from storydiff.embeddings import embed_multilingual

    return embed_multilingual(list(texts))


@dataclass(slots=True)
class CrossStory:
    """What the cross-language path keeps per story: its keys, and its first members' ledes
    (cross_lede_members of them, more after a merge) with their e5 vectors once embedded."""

    keys: set[str] = field(default_factory=set)
    ledes: list[str] = field(default_factory=list)
    vecs: list[np.ndarray | None] = field(default_factory=list)  # aligned with ledes; None: not embedded yet

    @property
    def n_vec(self) -> int:
        return len(self.ledes)

    def add_member(self, lede: str, vec: np.ndarray | None) -> None:
        self.ledes.append(lede)
        self.vecs.append(vec)

    def extend(self, other: CrossStory) -> None:
        self.ledes.extend(other.ledes)
        self.vecs.extend(other.vecs)

    def waiting(self) -> list[str]:
        """The ledes not embedded yet, in order (``fill`` takes their vectors)."""
        return [t for t, v in zip(self.ledes, self.vecs) if v is None]

    def fill(self, vecs: Sequence[np.ndarray]) -> None:
        it = iter(vecs)
        self.vecs = [next(it) if v is None else v for v in self.vecs]

    def vector(self) -> np.ndarray | None:
        """Unit mean of the member lede vectors (embedding what waits first); None without e5."""
        waiting = self.waiting()
        if waiting:
            vecs = embed_ledes(waiting)
            if vecs is None:
                return None
            self.fill(vecs)
        if not self.vecs:
            return None
        total = np.sum(self.vecs, axis=0)
        norm = float(np.linalg.norm(total))
        return total / norm if norm else None


class CrossIndex:
    """Key -> the live stories that carry it (newest last, capped), by the stories' language, and
    how many stories carry it (any language).

    The postings are kept apart by language so that a lookup reads only the stories in the other
    languages it asks for: an English article placed while a few Russian stories live touches
    their postings, not the English window's (the order-free bridge looks up every article placed
    in its own language; over one posting list per key it took ~30% of the clusterer's time on
    the English 10k stream, round 18). The idf counts every story, whatever its language."""

    def __init__(self, max_postings: int):
        self.max_postings = max_postings
        self.postings: dict[str | None, dict[str, dict[int, None]]] = {}
        self.story_freq: dict[str, int] = {}
        self.stories = 0  # live stories with any key

    def idf(self, key: str) -> float:
        return math.log((self.stories + 1) / (self.story_freq.get(key, 0) + 1)) + 1.0

    def idf_besides(self, key: str, held: bool) -> float:
        """The key's idf over the live stories other than one candidate story (``held``: whether
        the candidate carries it): what tells the candidate from the rest of the window. Counted
        over all stories, a key the candidate shares with the article weighed less than one no
        story carries only because the candidate carries it, by a factor that depends on how many
        stories live (1.69 with one story, 1.15 with a hundred): the same two reports scored a
        lower key cover in a small archive than in a large one, and an unrelated story stored
        beside them moved it (QA pass 20a: a dpa report joined or not by what else was stored).
        Without it the cover depends on the other stories only through the keys they carry."""
        return math.log(max(self.stories, 1)) - math.log(self.story_freq.get(key, 0) - held + 1) + 1.0

    def add(self, story_key: int, new_keys: Iterable[str], first: bool, lang: str | None = None) -> None:
        """``new_keys``: keys the story (in language ``lang``) did not have yet (``first``: its
        first keys)."""
        if first:
            self.stories += 1
        cap, freq = self.max_postings, self.story_freq
        postings = self.postings.setdefault(lang, {})
        for k in new_keys:
            freq[k] = freq.get(k, 0) + 1
            post = postings.get(k)
            if post is None:
                postings[k] = {story_key: None}
            else:
                post[story_key] = None
                if len(post) > cap:
                    del post[next(iter(post))]

    def remove(self, story_key: int, keys: Iterable[str], lang: str | None = None) -> None:
        if not keys:
            return
        self.stories -= 1
        freq = self.story_freq
        for k in keys:
            n = freq.get(k, 0) - 1
            if n > 0:
                freq[k] = n
            else:
                freq.pop(k, None)
        self._unpost(story_key, keys, lang)

    def _unpost(self, story_key: int, keys: Iterable[str], lang: str | None) -> None:
        postings = self.postings.get(lang)
        if postings is None:
            return
        for k in keys:
            post = postings.get(k)
            if post is not None:
                post.pop(story_key, None)
                if not post:
                    del postings[k]
        if not postings:
            del self.postings[lang]

    def relabel(self, story_key: int, keys: Iterable[str], old: str | None, new: str | None) -> None:
        """The story's language became ``new``: its postings move there (its counts stay)."""
        if old == new or not keys:
            return
        keys = list(keys)
        self._unpost(story_key, keys, old)
        postings = self.postings.setdefault(new, {})
        cap = self.max_postings
        for k in keys:
            post = postings.setdefault(k, {})
            post[story_key] = None
            if len(post) > cap:
                del post[next(iter(post))]

    def candidates(self, keys: Sequence[str], besides: str | None = None) -> dict[int, tuple[float, int]]:
        """Story key -> (summed idf_besides of the shared keys, number shared), over the stories in
        a known language other than ``besides``."""
        acc: dict[int, list] = {}
        idf = self.idf_besides
        for lang, postings in self.postings.items():
            if lang is None or lang == besides:
                continue
            for k in keys:
                post = postings.get(k)
                if not post:
                    continue
                w = idf(k, True)
                for sk in post:
                    a = acc.get(sk)
                    if a is None:
                        acc[sk] = [w, 1]
                    else:
                        a[0] += w
                        a[1] += 1
        return {sk: (a[0], a[1]) for sk, a in acc.items()}


def features(cos_e5: float, shared_idf: float, shared: int, base_idf: float) -> list[float]:
    """CrossScorer's features, in FEATURES order. ``base_idf``: the key weight of the side with
    less of it (the article's or the story's), so that an article and a one-report story score
    the same whichever came first."""
    cover = shared_idf / base_idf if base_idf > 0 else 0.0
    return [cos_e5, min(1.0, cover), math.log1p(shared)]


@lru_cache(maxsize=2)
def load_scorer(path: Path = WEIGHTS) -> LinearScorer | None:
    try:
        scorer = LinearScorer.from_dict(json.loads(Path(path).read_text()))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return scorer if tuple(scorer.features) == FEATURES else None
