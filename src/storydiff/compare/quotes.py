"""The same quote across outlets: alignment, fidelity label and a word diff.

Lexical (rapidfuzz word-level Levenshtein + content-word overlap): a story's quotes are
compared pairwise, so this path must stay in microseconds. Thresholds live in
``CompareSettings`` and are justified by ``bench/quote_fidelity.py`` on
``tests/data/quote_pairs.jsonl``. Quotes of articles in different languages are also compared
by multilingual sentence vectors (``compare.translation``): a translation is labelled
``translated``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from storydiff.compare.meaning import meaning_changes
from storydiff.compare.translation import (
    Embedder,
    QuoteVectors,
    _cyrillic,
    differ,
    language_key,
    quote_texts,
    romanisation_key,
    romanised,
    same_given_name,
    same_person,
    sounds,
    translated_changes,
)
from storydiff.records import AlignedQuote, Article, Quote, QuoteVersion
from storydiff.settings import CompareSettings

MAX_QUOTE_CHARS = 20_000  # a "quote" longer than this is an extraction error; compare its start only

_QUOTE_MARKS = str.maketrans({c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"})
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# what a verbatim copy keeps besides words: a currency sign, a percent and a figure's minus ("€5" /
# "$5", "-15" / "15", "50%" / "50" are other figures: review 24a, F2); a minus written as a hyphen,
# an en dash or the minus sign is one
_MARK = re.compile(r"[$€£¥₴₽₹%‰]|(?<![\w.,])[-−–](?=\d)")
_MARK_OR_WORD = re.compile(_MARK.pattern + "|" + _WORD.pattern)
_MINUS = str.maketrans("−–", "--")
# a few contractions a rewrite spells out or contracts ("don't" vs "do not")
_EXPAND = {
    "can't": "can not",
    "cannot": "can not",
    "won't": "will not",
    "n't": " not",
    "it's": "it is",
    "that's": "that is",
    "we're": "we are",
    "they're": "they are",
    "i'm": "i am",
    "let's": "let us",
    "you're": "you are",
    "there's": "there is",
    "we've": "we have",
    "i've": "i have",
}
_EXPAND_RE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in _EXPAND if k != "n't") + r")\b|n't\b")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from storydiff.stopwords import SPACY_STOP_WORDS

    return SPACY_STOP_WORDS - {"not", "no", "never", "nothing", "none"}


def _words(text: str, *, expand: bool = True, marks: bool = False) -> list[str]:
    """Lowercased words, quote marks and punctuation dropped; with ``expand`` common contractions
    are spelled out (for matching; a verbatim check keeps them, "we're" is not what was said); with
    ``marks`` currency signs, percent and a figure's minus are tokens too (``_MARK``)."""
    low = text[:MAX_QUOTE_CHARS].translate(_QUOTE_MARKS).lower()
    if expand:
        low = _EXPAND_RE.sub(lambda m: _EXPAND.get(m.group(0), " not"), low)
    if marks:
        return [t.translate(_MINUS) for t in _MARK_OR_WORD.findall(low)]
    return _WORD.findall(low)


def _stem(word: str) -> str:
    # crude suffix stripping: enough to meet "training"/"trained", "soldiers"/"soldier", "risks"/"risk"
    for suf in ("ingly", "ing", "edly", "ed", "ies", "es", "s", "ally", "ly", "e"):
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            return word[: -len(suf)]
    return word


@dataclass(frozen=True)
class _Prepared:
    exact: tuple[str, ...]  # words as written (verbatim check)
    words: tuple[str, ...]  # contractions expanded (alignment)
    stems: frozenset[str]  # content-word stems (rewording)
    text: str  # the words joined, for rapidfuzz


@lru_cache(maxsize=4096)
def _prepare(text: str) -> _Prepared:
    words = tuple(_words(text))
    stop = _stop_words()
    stems = frozenset(_stem(w) for w in words if w not in stop and not w.isdigit())
    return _Prepared(tuple(_words(text, expand=False, marks=True)), words, stems, " ".join(words))


def _kept_in_order(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Words of ``a`` and ``b`` that line up, in order (the equal blocks of a word-level edit script)."""
    return sum(op.src_end - op.src_start for op in Levenshtein.opcodes(a, b) if op.tag == "equal")


def _features(pa: _Prepared, pb: _Prepared) -> tuple[float, float, int, int]:
    """(kept: share of the shorter quote's words found in order in the other; same: how much the two
    say the same thing, the mean of content-stem overlap and rapidfuzz token_set_ratio; shared
    content stems; length of the shorter quote in words)."""
    short = min(len(pa.words), len(pb.words))
    kept = _kept_in_order(pa.words, pb.words) / short if short else 0.0
    shared = len(pa.stems & pb.stems)
    smaller = min(len(pa.stems), len(pb.stems))
    overlap = shared / smaller if smaller else 0.0
    same = (overlap + fuzz.token_set_ratio(pa.text, pb.text) / 100) / 2
    return kept, same, shared, short


def quote_fidelity(a: str, b: str, settings: CompareSettings | None = None) -> tuple[str | None, float]:
    """Label of ``b`` relative to ``a``: "verbatim", "edited", "reworded" or None (not the same
    quote), and a score in [0, 1]: 1.0 only for verbatim, else the better of the in-order word
    share (edits) and the same-statement score (rewordings)."""
    if not isinstance(a, str) or not isinstance(b, str):
        return None, 0.0
    s = settings or CompareSettings()
    pa, pb = _prepare(a), _prepare(b)
    if not pa.words or not pb.words:
        return None, 0.0
    if pa.exact == pb.exact:
        return "verbatim", 1.0
    kept, same, shared, short = _features(pa, pb)
    score = min(max(kept, same), 0.99)  # 1.0 is kept for verbatim
    if short < s.min_match_words:
        return None, score
    if kept >= s.edited_min_kept:
        return "edited", score
    if same >= s.reworded_min_same and shared >= s.reworded_min_shared:
        return "reworded", score
    return None, score


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Word-level diff of ``b`` against ``a``: ("=", words), ("-", words only in a), ("+", words only in b).

    Words are compared without case, punctuation or quote-mark differences, but with their
    currency signs, percent and minus ("€5" / "$5" differ); the text shown is the original words,
    the version's own for "=" runs (what it printed: review 24a, F2, showed "$5 billion" as "€5")."""
    if not isinstance(a, str) or not isinstance(b, str):
        return []
    wa = [w for w in a[:MAX_QUOTE_CHARS].split() if _words(w, marks=True)]
    wb = [w for w in b[:MAX_QUOTE_CHARS].split() if _words(w, marks=True)]
    ka = [" ".join(_words(w, marks=True)) for w in wa]
    kb = [" ".join(_words(w, marks=True)) for w in wb]
    out: list[tuple[str, str]] = []

    def emit(op: str, words: list[str]) -> None:
        if not words:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + " " + " ".join(words))
        else:
            out.append((op, " ".join(words)))

    for op in Levenshtein.opcodes(ka, kb):
        if op.tag == "equal":
            emit("=", wb[op.dest_start : op.dest_end])
        else:
            emit("-", wa[op.src_start : op.src_end])
            emit("+", wb[op.dest_start : op.dest_end])
    return out


_RANK = {"verbatim": 3, "edited": 2, "reworded": 1, "translated": 0}


def align_quotes(
    quotes_by_article: dict[str, list[Quote]],
    order: Sequence[str] | None = None,
    settings: CompareSettings | None = None,
    languages: Mapping[str, str | None] | None = None,
    embed: Embedder | None = None,
) -> list[AlignedQuote]:
    """Group the same quote across articles, at most one version per article.

    Articles are taken in ``order`` (the first is the reference of every group it is in; articles
    missing from ``order`` follow in dict order). A quote joins the group whose versions it
    matches best (verbatim > edited > reworded > translated, then score); a quote matching nothing
    stays alone with fidelity "only_here". Groups come out in the order their first quote appeared.

    ``languages`` maps an article id to its language: quotes of articles in different languages
    that share no wording are compared by multilingual vectors (``embed``, by default
    multilingual-e5-small), computed only when the story has two languages."""
    s = settings or CompareSettings()
    ids = [a for a in (order or []) if a in quotes_by_article]
    ids += [a for a in quotes_by_article if a not in ids]
    lang = {a: language_key((languages or {}).get(a)) for a in ids}
    position = {a: k for k, a in enumerate(ids)}
    several = len({v for v in lang.values() if v}) > 1
    vectors = QuoteVectors(quote_texts(quotes_by_article), embed) if several else None
    groups: list[list[tuple[str, Quote]]] = []
    by_stem: dict[str, set[int]] = {}  # content stem -> groups holding it: only those are compared

    def fidelity(other_art: str, other: Quote, art: str, q: Quote) -> tuple[str | None, float]:
        label, score = quote_fidelity(other.text, q.text, s)
        if label is None and vectors is not None and differ(lang[other_art], lang[art]):
            cos = vectors.cosine(other.text, q.text)
            if cos is not None and cos >= s.translated_min_cosine:
                return "translated", cos
            # one outlet translated part of the other's quote: a sentence of the longer one is the
            # translation of the shorter (QA round 14 showed the Ukrainian version "only here")
            part = vectors.part_cosine(other.text, q.text)
            if part is not None and part[0] >= s.translated_min_cosine:
                return "translated", part[0]
        return label, score

    for art in ids:
        quotes, seen = [], set()
        for q in quotes_by_article.get(art) or []:
            if not isinstance(q, Quote) or not isinstance(q.text, str):
                continue
            p = _prepare(q.text)
            if p.words and p.words not in seen:  # the same words twice in one article are one quote
                seen.add(p.words)
                quotes.append((q, p))
        candidates = []
        for qi, (q, p) in enumerate(quotes):
            near = set().union(*(by_stem.get(st, set()) for st in p.stems)) if p.stems else set()
            if vectors is not None:  # a translation shares no stems: every group in another language
                near |= {gi for gi, g in enumerate(groups) if any(differ(lang[a], lang[art]) for a, _ in g)}
            for gi in near:
                best = None
                unlike_in_its_language = False
                for other_art, other in groups[gi]:
                    label, score = fidelity(other_art, other, art, q)
                    if label and (best is None or (_RANK[label], score) > best):
                        best = (_RANK[label], score)
                    unlike_in_its_language |= label is None and lang[art] is not None and lang[other_art] == lang[art]
                # a group is one statement, and quotes in one language are compared by their words:
                # a version in the quote's own language whose words it does not share says it is
                # another statement, whatever a translation's vector says (a later statement of the
                # same speaker, "Загалом загинули четверо людей, 21 людина поранена", joined the
                # first one's group at 0.875 through its Russian version, beside that quote's own
                # Ukrainian version, as a translation with its "figure changed": QA pass 25a, 06)
                if best and not (best[0] == _RANK["translated"] and unlike_in_its_language):
                    candidates.append((best, qi, gi))
        candidates.sort(reverse=True)
        placed_q, taken_g = set(), set()
        joined: dict[int, int] = {}  # quote -> the group it joined
        joined_rank: dict[int, int] = {}  # and how (_RANK)
        for (how, _), qi, gi in candidates:
            if qi in placed_q or gi in taken_g:
                continue
            placed_q.add(qi)
            taken_g.add(gi)
            joined[qi] = gi
            joined_rank[qi] = how
            groups[gi].append((art, quotes[qi][0]))
            for st in quotes[qi][1].stems:
                by_stem.setdefault(st, set()).add(gi)
        # A translation that matches two groups in two other languages is the link between them:
        # the Russian version of a quote matched the English (0.898) and the Ukrainian (0.906),
        # which had just missed each other (0.873), and joined the Ukrainian alone, leaving the
        # English "only here" (QA pass). The groups merge when both links are translations, the
        # groups share no article, and their first versions nearly match each other
        # (translated_bridge_cosine): a quote holding two others' words links nothing (review).
        for (rank_j, _), qi, gj in candidates:
            gi = joined.get(qi)
            if gi is None or gj == gi or gj in taken_g or not groups[gj] or not groups[gi]:
                continue
            if rank_j != _RANK["translated"] or joined_rank.get(qi) != _RANK["translated"]:
                continue
            if {a for a, _ in groups[gi]} & {a for a, _ in groups[gj]}:
                continue
            (ref_i_art, ref_i), (ref_j_art, ref_j) = groups[gi][0], groups[gj][0]
            if vectors is None or not differ(lang[ref_i_art], lang[ref_j_art]):
                continue
            cos = vectors.cosine(ref_i.text, ref_j.text)
            if cos is None or cos < s.translated_bridge_cosine:
                continue
            keep, drop = min(gi, gj), max(gi, gj)  # groups stay in the order their first quote came
            groups[keep] = sorted(groups[keep] + groups[drop], key=lambda m: position[m[0]])
            groups[drop] = []
            for held in by_stem.values():
                if drop in held:
                    held.discard(drop)
                    held.add(keep)
            joined = {q: (keep if g == drop else g) for q, g in joined.items()}
            taken_g.add(keep)
        for qi, (q, p) in enumerate(quotes):
            if qi not in placed_q:
                groups.append([(art, q)])
                for st in p.stems:
                    by_stem.setdefault(st, set()).add(len(groups) - 1)

    return [_aligned(g, s, lang, vectors) for g in groups if g]


def _translated_parts(ref: str, version: str, s: CompareSettings, vectors: QuoteVectors | None) -> tuple[str, str]:
    """The parts of a quote and its translation that say the same: both, unless only a sentence
    of one translates the other (the meaning checks must not read the rest of the longer one)."""
    if vectors is None:
        return ref, version
    cos = vectors.cosine(ref, version)
    part = vectors.part_cosine(ref, version) if cos is None or cos < s.translated_min_cosine else None
    return (part[1], part[2]) if part is not None else (ref, version)


def _aligned(group: list[tuple[str, Quote]], s: CompareSettings, lang: Mapping[str, str | None],
             vectors: QuoteVectors | None = None) -> AlignedQuote:
    # the person most outlets name (one person in any spelling: "Ігор Терехов" and "Ihor Terekhov"
    # are two votes for one man, as speaker_conflict reads them), shown as most of them spell the
    # name; a tie goes to the one named first
    people: dict[str, list[str]] = {}
    named = [(q.speaker, lang.get(art)) for art, q in group if q.speaker]
    for (speaker, _), key in zip(named, person_keys(named)):
        people.setdefault(key, []).append(speaker)
    speaker = None
    if people:
        top = max(len(names) for names in people.values())
        names = next(names for names in people.values() if len(names) == top)
        speaker = max(names, key=names.count)
    ref_art, ref = group[0]
    if len(group) == 1:
        return AlignedQuote(speaker, [QuoteVersion(ref_art, ref.text, "only_here", speaker=ref.speaker)])
    versions = [QuoteVersion(ref_art, ref.text, "verbatim", speaker=ref.speaker)]
    for art, q in group[1:]:
        label, _ = quote_fidelity(ref.text, q.text, s)
        if label is None and differ(lang.get(ref_art), lang.get(art)):
            # another language's words: no word diff to show; the meaning checks that work across
            # languages instead of the word-level ones
            # (a negation, an opposite word, and a name the original does not give: multilingual
            # vectors put "prices will rise" and «ціни знизяться» above the cut, and "Russia
            # must pay" and «Україна має заплатити» at 0.92, a translation by the cut); of a
            # translation of one sentence of a longer quote, only that sentence is read
            ours, theirs = _translated_parts(ref.text, q.text, s, vectors)
            meaning = meaning_changes(ours, theirs, lang.get(ref_art), lang.get(art))
            changes = ([c for c in meaning if c == "negation"]
                       + translated_changes(ours, theirs, lang.get(ref_art), lang.get(art))
                       + [c for c in meaning if c in ("antonym", "names")])
            versions.append(QuoteVersion(art, q.text, "translated", [], q.speaker, changes))
            continue
        # a version joined through another version (not the reference) is at least a rewording
        diff = word_diff(ref.text, q.text)
        versions.append(QuoteVersion(art, q.text, label or "reworded", diff, q.speaker,
                                     meaning_changes(ref.text, q.text, lang.get(ref_art), lang.get(art))))
    return AlignedQuote(speaker, versions)


def person_keys(named: Sequence[tuple[str, str | None]]) -> list[str]:
    """The key of the person each (speaker, language of the article naming them) names: one key
    per person, the lower-cased surname of the first that names them (its whole name when another
    person of that surname is named too). Two names are one person
    when their surnames are alike (``same_person``: a name in another script or another
    language's romanisation) or through a third, whatever order the names come in: "Maksym
    Kozycki" (pl) and "Maksym Kozytskyi" (en) are each "Максим Козицький" (uk), so one man
    (QA pass 20: with the Polish report first, the English spelling was compared only with the
    Polish and made a second speaker). A group never holds two names of one script that are two
    surnames (complete link): Brel / Brehl are two people, in one language or two, whatever a
    third spelling is like; two languages' romanisations of one name (Kozycki / Kozytskyi) are not
    two surnames. The pairs are joined in an order of their own, not the names' (a spelling alike
    before one alike by fuzzy ratio, then by name), so the grouping does not depend on which
    report comes first (review 20b: "Брель" went to Brel or to Brehl by order). Names are
    compared whole: a double surname's hyphen may be left out ("Wladyslaw Kosiniak Kamysz" is
    "Władysław Kosiniak-Kamysz": QA pass 18). Two full names of one surname are two people when
    their given names differ (``same_given_name``: Vitali / Wladimir Klitschko, Joe / Hunter Biden,
    "Olena Zelenska" / "Володимир Зеленський": review 24a, F1); a bare surname goes with either,
    but never joins the two."""
    surnames = [speaker.split()[-1].lower() for speaker, _ in named]

    def same(i: int, j: int) -> bool:
        if surnames[i] == surnames[j]:
            return same_given_name(named[i][0], named[j][0])
        return same_person(named[i][0], named[j][0], named[i][1], named[j][1])

    def two_surnames(i: int, j: int) -> bool:  # one script, not one name, or two given names: two people
        if not same_given_name(named[i][0], named[j][0]):
            return True
        if _cyrillic(named[i][0]) != _cyrillic(named[j][0]) or same(i, j):
            return False
        if named[i][1] == named[j][1] or _cyrillic(named[i][0]):
            return True
        return romanisation_key(surnames[i], named[i][1]) != romanisation_key(surnames[j], named[j][1])

    def strength(i: int, j: int) -> int:  # 0 one spelling, 1 one sound, 2 alike by ratio
        if surnames[i] == surnames[j]:
            return 0
        return 1 if _cyrillic(named[i][0]) == _cyrillic(named[j][0]) or sounds(romanised(surnames[i])) == sounds(romanised(surnames[j])) else 2

    def name(i: int) -> tuple[str, str]:
        return named[i][0], named[i][1] or ""

    pairs = sorted(((strength(i, j), *sorted((name(i), name(j))), i, j)
                    for i in range(len(named)) for j in range(i) if same(i, j)), key=lambda p: p[:3])
    group = list(range(len(named)))  # each name's group, as the first name of its group
    for *_, i, j in pairs:
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        members_i = [k for k in range(len(named)) if group[k] == gi]
        members_j = [k for k in range(len(named)) if group[k] == gj]
        if any(two_surnames(a, b) for a in members_i for b in members_j):
            continue
        first, other = min(gi, gj), max(gi, gj)
        group = [first if g == other else g for g in group]
    # two people of one surname (Vitali / Wladimir Klitschko) are told apart by the whole name
    heads = set(group)
    shared = {surnames[g] for g in heads if sum(surnames[h] == surnames[g] for h in heads) > 1}
    return [named[g][0].lower() if surnames[g] in shared else surnames[g] for g in group]


def mark_speaker_conflicts(quotes: Sequence[AlignedQuote], articles: Sequence[Article]) -> None:
    """Set each shared quote's ``speaker_conflict`` (``speaker_conflict``, outlets by their labels in
    the story): the terminal and HTML reports flagged it, the JSON and the API said nothing (QA pass
    26b, 4). A quote one outlet alone carries disagrees with no one."""
    from storydiff.compare.labels import article_labels

    label = article_labels(articles)
    language = {a.id: a.language for a in articles}
    for q in quotes:
        if len(q.versions) >= 2 and any(v.fidelity != "only_here" for v in q.versions):
            q.speaker_conflict = speaker_conflict(q, lambda i: label.get(i, i), language.get)


# the lowercase words inside a name ("Ursula von der Leyen", "Урсула фон дер Ляєн")
_CYRILLIC_PARTICLES = frozenset(["фон", "дер", "ван", "ден", "де", "да", "ді", "ди", "дю"])


def names_a_person(speaker: str) -> bool:
    """Whether a speaker is a person's name, a given name and a surname at least, each word
    capitalised but a name's particles: not a description of someone ("представитель Кремля",
    "a Kremlin spokesman", "an EU official"), which is no other person than a name beside it
    (QA pass 27c, 5: "speaker differs: Дмитрий Песков vs представитель Кремля")."""
    from storydiff.analyze.speakers import NAME_PARTICLES

    words = speaker.split()
    return len(words) >= 2 and _name_word(words[0]) and _name_word(words[-1]) and all(
        _name_word(w) or w in NAME_PARTICLES or w in _CYRILLIC_PARTICLES or w in _ARABIC_PARTICLES for w in words)


_ARABIC_PARTICLES = frozenset(["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "abu", "bint"])
# a family name opening on a lowercase article or particle: "al-Sharaa", "el-Sisi", "d'Estaing"
_PARTICLE_PREFIX = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|d|l|o)[-'’](?=\w)")


def _name_word(word: str) -> bool:
    """A word a name is made of: capitalised, in a script without capitals ("محمد", "李"), or a
    capitalised word after a lowercase particle ("al-Sharaa", "d'Estaing")."""
    first = word[:1]
    if first.isupper() or (first.isalpha() and not first.islower()):  # "Kallas"; "محمد" has no case
        return True
    prefix = _PARTICLE_PREFIX.match(word)
    return prefix is not None and word[prefix.end():][:1].isupper()


def speaker_conflict(quote: AlignedQuote, label: Callable[[str], str],
                     language: Callable[[str], str | None] | None = None) -> str | None:
    """"speaker differs: Anton Brel (Harbor Wire) vs Karin Velt (Veyra Post)" when outlets give
    the same words to different people (an unnamed speaker disagrees with no one). ``language``
    gives an article's language: a Ukrainian and a Russian spelling of one name are one person
    only when the articles are in those two languages."""
    # one person per surname ("Prime Minister Kaja Kallas", "Kaja Kallas"), shown by the longest
    # name; only full names count (``names_a_person``): a one-word speaker is often a title's
    # leftover ("the Estonian prime minister" read as "Estonian"), a lowercase one a description
    # ("представитель Кремля"); a name in another script is the same person when its
    # romanised surname is alike ("Кая Каллас" is Kaja Kallas)
    names: dict[str, str] = {}
    outlets: dict[str, list[str]] = {}
    named = [v for v in quote.versions if v.speaker and names_a_person(v.speaker)]
    keys = person_keys([(v.speaker, language_key(language(v.article_id)) if language else None) for v in named])
    for v, key in zip(named, keys):
        names[key] = max(names.get(key, ""), v.speaker, key=len)
        outlets.setdefault(key, []).append(label(v.article_id))
    if len(names) < 2:
        return None
    return "speaker differs: " + " vs ".join(f"{names[k]} ({', '.join(dict.fromkeys(o))})" for k, o in outlets.items())
