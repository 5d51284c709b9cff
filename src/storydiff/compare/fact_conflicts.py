"""Disagreements inside one shared fact that its figures alone do not show, and whether two
outlets' sentences are the same wording of it.

- **A negation on one side only**: "the plant was hit" / "the plant was not hit" is one fact the
  outlets report opposite ways: "negation differs: … plant was hit, governor … (Odesa Wire) vs …
  plant was not hit, governor … (Danube News)". The negation check is the quotes'
  (``compare.meaning``: clauses, negative concord, "unsafe" cancelling "not safe"), with words
  that carry a negation ("failed to", "denied", "yet to") read as one; in one language only.
- **One measure in units of one kind that do not convert**: "30 km" / "30 miles" ("units
  differ"), "30 km" / "50 miles" ("numbers differ"); "30 km" / "19 miles" agree.
- **The same wording**: a sentence that differs from another in a negation, a figure or its unit,
  a date, weekday or time, or a name is never the same wording however few letters change
  (``differs_in_substance``), so a report never lists an outlet as printing what it contradicts.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from storydiff.compare.claims import (
    Claim,
    Quantity,
    allows,
    clock_times_in,
    dates_in,
    quantities_conflict,
    quantities_in,
    weekdays_in,
)

# units of one kind (keys as lexicon.numbers / claims.quantities_in write them) in a common unit
UNIT_KINDS = {
    "kilom": ("length", 1000.0), "metre": ("length", 1.0), "mile": ("length", 1609.344), "feet": ("length", 0.3048),
    "foot": ("length", 0.3048), "yard": ("length", 0.9144),
    "kg": ("mass", 1.0), "tonne": ("mass", 1000.0), "gram": ("mass", 0.001),
    "hecta": ("area", 10_000.0), "acre": ("area", 4046.856),
}
# a figure converted from another unit is rounded ("30 km" is "19 miles"): this much either way
CONVERSION_TOLERANCE = 0.05
EXCERPT_CONTEXT = 3  # words either side of where two wordings of a fact part
EXCERPT_MAX_WORDS = 14  # a sentence in another language is shown up to this many words


def more_conflicts(claims: Sequence[Claim], label: Callable[[str], str]) -> list[str]:
    """The lines for one shared fact's claims (each article's first claim speaks for it)."""
    first: dict[str, Claim] = {}
    for c in claims:
        first.setdefault(c.article_id, c)
    if len(first) < 2:
        return []
    return _negation_conflict(list(first.values()), label) + _unit_conflicts(list(first.values()), label)


def _negation_conflict(claims: list[Claim], label: Callable[[str], str]) -> list[str]:
    """One line for each language whose outlets disagree in a negation. Negations are compared in
    one language only (``_negated_clause_has_counterpart``), so an outlet in another language is on
    neither side: counted with the first report, a German "Wir werden ... erhöhen" (will raise)
    stood beside the Polish "Nie podniesiemy" (will not raise) against the Polish "Podniesiemy" (a
    QA finding); its sentence is shown with the fact's other wordings for the reader."""
    from storydiff.compare.meaning import _language_of

    by_language: dict[str, list[Claim]] = {}
    for c in claims:
        by_language.setdefault(_language_of(c.text), []).append(c)
    return [line for group in by_language.values() if len(group) > 1
            for line in _negation_conflict_in_one_language(group, label)]


def _negation_conflict_in_one_language(claims: list[Claim], label: Callable[[str], str]) -> list[str]:
    from storydiff.compare.meaning import meaning_changes

    reference = claims[0]
    plain = {c.article_id: _plain_negations(c.text) for c in claims}
    ref = plain[reference.article_id]
    flipped = [c for c in claims[1:] if _flips(*_lack_as_loss(ref, plain[c.article_id]), meaning_changes)]
    if not flipped:
        return []
    kept = [c for c in claims if c not in flipped]
    mine, theirs = _excerpts(reference.text, flipped[0].text)
    return [f"negation differs: {mine} ({_outlets(kept, label)}) vs {theirs} ({_outlets(flipped, label)})"]


def _flips(a: str, b: str, meaning_changes: Callable[[str, str], Sequence[str]]) -> bool:
    return _negated_clause_has_counterpart(a, b) and "negation" in meaning_changes(a, b)


def negation_flips(a: str, b: str) -> bool:
    """Whether one of two sentences in one language negates what the other says: the check behind
    a fact's "negation differs" line, for a caller with two sentences (``storydiff same-fact``)."""
    from storydiff.compare.meaning import meaning_changes

    return _flips(*_lack_as_loss(_plain_negations(a), _plain_negations(b)), meaning_changes)


# "without" as what something lacks ("left 70,000 customers without power", "залишилися без
# світла", "ohne Strom"), and the words that say it was taken ("cut power to 70,000 customers",
# "lost power", "знеструмлено", "Stromausfall"): the two say one thing, no negation differs (QA
# pass 22a: "cut power to about 70,000" / "left about 70,000 customers without power" was flagged)
_PRIVATIVE = re.compile(r"(?<!\w)(?:without|ohne|bez|без|sans|sin)(?!\w)", re.IGNORECASE)
_REMOVAL = re.compile(
    r"(?<!\w)(?:cut|cuts|cutting|lost|lose|loses|losing|knock(?:s|ed|ing)?\s+out|shut\s+off|switch(?:es|ed|ing)?\s+off"
    r"|disconnect\w*|outages?|blackouts?|depriv\w*|severed|severing|de-?energi[sz]\w*"
    r"|abgeschnitten|ausgefallen|\w*ausf[aä]ll\w*|unterbrochen|verloren|abgeschaltet"
    r"|odcię\w*|odłącz\w*|pozbaw\w*|stracił\w*|stracil\w*|przerw\w*"
    r"|знеструм\w*|відключ\w*|вимкн\w*|втрати\w*|позбав\w*|обесточ\w*|отключ\w*|лиши\w*|потеря\w*"
    r"|coupé\w*|coupure\w*|privé\w*|perdu\w*|cortad\w*|cortes?\s+de|apag\w*)(?!\w)", re.IGNORECASE)


def _lack_as_loss(a: str, b: str) -> tuple[str, str]:
    """The two sentences with a privative "without" left out where the other says what was taken
    and lacks none itself: "without power" then negates nothing the other asserts."""
    if _PRIVATIVE.search(a) and not _PRIVATIVE.search(b) and _REMOVAL.search(b):
        return _PRIVATIVE.sub(" ", a), b
    if _PRIVATIVE.search(b) and not _PRIVATIVE.search(a) and _REMOVAL.search(a):
        return a, _PRIVATIVE.sub(" ", b)
    return a, b


# two clauses say one thing when this share of their content words (Jaccard, the negation left
# out) is common: "the plant was not hit" / "the plant was hit"; not "the dollar amount was
# unspecified" / "Regains didn't reveal the dollar amounts", nor "the fire was not yet under
# control" / "the fire was still out of control" (the fact gold's rewrites, bench/conflict_lines.py)
CLAUSE_COUNTERPART_SHARE = 0.6
_NOT_A_NEGATION = re.compile(r"\bnot\s+only\b|\bnicht\s+nur\b|\bne\s+seulement\b|\bне\s+тільки\b|\bне\s+только\b",
                             re.IGNORECASE)  # "not only IE 7 but also IE 6" denies nothing


# Words that carry a negation without a cue ("failed to intercept" is "did not intercept",
# "denied that its forces struck" "said its forces did not strike", "had yet to respond" "had
# not responded") read as "not"; "not until after midnight" is "only after midnight", no
# negation; "not left without power" is "left with power" (review 15b)
_IMPLICIT_NEGATION = re.compile(
    r"\b(?:fail(?:s|ed|ing)?\s+to|den(?:y|ies|ied|ying)(?:\s+that)?|refus(?:e|es|ed|ing)(?:\s+to)?"
    r"|declin(?:e|es|ed|ing)\s+to|yet\s+to|unable\s+to|no\s+longer)\b", re.IGNORECASE)
_NOT_UNTIL = re.compile(r"\bnot\s+((?:[\w'’-]+\s+){0,3}?until)\b", re.IGNORECASE)
_DOUBLE_NEGATIVE = re.compile(r"\b(?:not|never)\s+((?:[\w'’-]+\s+){0,3}?)without\b", re.IGNORECASE)


def _plain_negations(text: str) -> str:
    """The sentence with its negations written as cues: what carries one reads "not", what only
    looks like one ("not only", "not until") or cancels one ("not ... without") is gone."""
    text = _NOT_A_NEGATION.sub(" ", text)
    text = _NOT_UNTIL.sub(r"\1", text)
    text = _DOUBLE_NEGATIVE.sub(r"\1with", text)
    return _IMPLICIT_NEGATION.sub("not", text)


def _negated_clause_has_counterpart(a: str, b: str) -> bool:
    """Whether the negation the two differ in is about something both say: a clause negated on one
    side whose counterpart on the other (most of its content words) is not. Two rewrites of a fact
    negate different clauses ("does not risk escalating" / "will not escalate ... and will not
    trigger Article 5") and one adds a clause of its own ("..., but no deaths were reported"):
    neither is a disagreement. Never across languages (below)."""
    from storydiff.compare.meaning import _language_of

    lang_a, lang_b = _language_of(a), _language_of(b)
    if lang_a != lang_b:
        # never across languages: a faithful translation puts "не" where English has a positive
        # word ("still missing" / "досі не знайшли", "unharmed" / "не постраждав", "declined
        # to comment" / "не стало комментировать"), and the words cannot be matched to tell; the
        # two sentences are shown side by side for the reader (review 15b)
        return False
    clauses_a, clauses_b = _clauses(a, lang_a), _clauses(b, lang_b)
    for mine, other in ((clauses_a, clauses_b), (clauses_b, clauses_a)):
        for words, negated in mine:
            if not negated or len(words) < 2:
                continue
            best = max(other, key=lambda c: _jaccard(words, c[0]), default=None)
            if best and not best[1] and _jaccard(words, best[0]) >= CLAUSE_COUNTERPART_SHARE:
                return True
    return False


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / len(x | y) if x | y else 0.0


@lru_cache(maxsize=4096)
def _clauses(text: str, lang: str) -> tuple[tuple[frozenset[str], bool], ...]:
    """Each clause's content words (stemmed as claims' keys are) and whether it holds a negation
    (kept per text: a fact's first claim is read against each of the others)."""
    from storydiff.compare.claims import STEM_LEN, STOPWORDS
    from storydiff.compare.meaning import NEGATION_CUES, _tokens, _words_and_clauses

    cues = NEGATION_CUES.get(lang, NEGATION_CUES["en"])
    words, clause_of = _words_and_clauses(_tokens(_NOT_A_NEGATION.sub(" ", text), lang))
    by_clause: dict[int, tuple[set[str], list[bool]]] = {}
    for w, c in zip(words, clause_of):
        content, negated = by_clause.setdefault(c, (set(), [False]))
        if w in cues:
            negated[0] = True
        elif w not in STOPWORDS and len(w) > 2:
            content.add(w[:STEM_LEN])
    return tuple((frozenset(content), negated[0]) for content, negated in by_clause.values() if content)


def _outlets(claims: list[Claim], label: Callable[[str], str]) -> str:
    return ", ".join(dict.fromkeys(label(c.article_id) for c in claims))


_WORDS = re.compile(r"\S+")


def _excerpts(a: str, b: str) -> tuple[str, str]:
    """Where two wordings part, a few words either side ("… plant was hit, governor …"); each
    sentence's opening words when they share too little to say where (another language)."""
    wa, wb = _WORDS.findall(a), _WORDS.findall(b)
    matcher = difflib.SequenceMatcher(a=[w.lower() for w in wa], b=[w.lower() for w in wb], autojunk=False)
    changed = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if matcher.ratio() < 0.5 or not changed:
        return _cut(wa, 0, EXCERPT_MAX_WORDS), _cut(wb, 0, EXCERPT_MAX_WORDS)
    i1, i2 = changed[0][1], changed[-1][2]
    j1, j2 = changed[0][3], changed[-1][4]
    return (_cut(wa, i1 - EXCERPT_CONTEXT, i2 + EXCERPT_CONTEXT),
            _cut(wb, j1 - EXCERPT_CONTEXT, j2 + EXCERPT_CONTEXT))


def _cut(words: list[str], start: int, end: int) -> str:
    start, end = max(0, start), min(len(words), end)
    return ("… " if start else "") + " ".join(words[start:end]) + (" …" if end < len(words) else "")


def _in_kind(qs: Sequence[Quantity]) -> dict[str, list[Quantity]]:
    """A claim's measures by kind, each in the kind's common unit."""
    out: dict[str, list[Quantity]] = {}
    for q in qs:
        if q.unit in UNIT_KINDS:
            kind, factor = UNIT_KINDS[q.unit]
            out.setdefault(kind, []).append(q._replace(value=q.value * factor, low=q.low * factor, high=q.high * factor))
    return out


def _unit_conflicts(claims: list[Claim], label: Callable[[str], str]) -> list[str]:
    """A measure two outlets give in different units of one kind that cannot be the same: its
    figures in each unit, converted, allow a rounded conversion either way."""
    measures = {c.article_id: _in_kind(c.quantities) for c in claims}
    lines: list[str] = []
    kinds = dict.fromkeys(kind for by_kind in measures.values() for kind in by_kind)
    for kind in kinds:
        given = {aid: by_kind[kind] for aid, by_kind in measures.items() if kind in by_kind}
        ids = list(given)
        disputed = set()
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                if {q.unit for q in given[a]} & {q.unit for q in given[b]}:
                    continue  # figures in a unit both give are the numbers rule's (facts._disputes)
                xa, xb = _widened(given[a]), _widened(given[b])
                if not (allows(xa, xb) or allows(xb, xa)):
                    disputed.update((a, b))
        if not disputed:
            continue
        wording: dict[str, list[str]] = {}  # one outlet's figures as written -> the outlets giving them
        values = set()
        for aid in ids:
            if aid in disputed:
                written = ", ".join(dict.fromkeys(q.written for q in given[aid]))
                outlets = wording.setdefault(written, [])
                if label(aid) not in outlets:
                    outlets.append(label(aid))
                values.add(tuple(sorted(_figure(q) for q in given[aid])))
        what = "units differ" if len(values) == 1 else "numbers differ"
        lines.append(f"{what}: " + " vs ".join(f"{w} ({', '.join(o)})" for w, o in wording.items()))
    return lines


def _figure(q: Quantity) -> float:
    """The figure as written, before conversion to the kind's common unit."""
    return round(q.value / UNIT_KINDS[q.unit][1], 6)


def _widened(qs: list[Quantity]) -> list[Quantity]:
    return [q._replace(low=q.low * (1 - CONVERSION_TOLERANCE), high=q.high * (1 + CONVERSION_TOLERANCE)) for q in qs]


# a unit a figure may have that every language reads alike: the tables' counted nouns, currencies,
# casualties, ages, durations, percentages and measures; any other unit is the counted word's own
# letters, which only meet the same word
LONE_COUNT = "counted"  # the unit two lone counts of unnamed things share across languages
_YEARS = (1900, 2100)


def _read_alike(unit: str) -> bool:
    from storydiff.lexicon.numbers import CURRENCIES, UNIT_KEYS

    base = unit.split(":")[0]
    return (base in UNIT_KEYS or base in CURRENCIES or base in UNIT_KINDS
            or base in {"%", "age", "hour", "dead", "injur", "missi", "date", "weekday", "time"})


def _unnamed_counts(c: Claim) -> list[Quantity]:
    """The claim's figures of a counted word no unit table names ("12 ciężarówek", "15 Lastwagen"),
    leaving out what reads as a year. The unit must be the word written after the figure: a unit
    taken from a word before it ("topped 60,000" -> "toppe") names no counted thing."""
    return [q for q in c.quantities if q.unit and not _read_alike(q.unit)
            and not (q.value == int(q.value) and _YEARS[0] <= q.value <= _YEARS[1])
            and len(q.written.split()) > 1 and q.written.split()[-1].lower().startswith(q.unit)]


def with_lone_counts(claims: Sequence[Claim], language_of: Callable[[Claim], str] | None = None
                     ) -> Callable[[Claim], Sequence[Quantity]]:
    """The figures of each claim, where two matched sentences in different languages each count
    exactly one thing no unit table names and agree on every other figure (or give none): that
    one count of each is one unit (``LONE_COUNT``), so "12 ciężarówek" / "15 Lastwagen" is a
    conflict although no table knows trucks (QA pass 18: the tables can never name every noun).
    Left alone: one language's two words ("12 ciężarówek" / "15 autobusów" are two things), a
    sentence counting two unnamed things (which one the other counts cannot be told), parts of a
    whole, and sentences whose other figures differ in kind or value (not one statement of the
    same count)."""
    from storydiff.compare.meaning import _language_of

    read_language = language_of or (lambda c: _language_of(c.text))
    first: dict[str, Claim] = {}
    for c in claims:
        if c.quantities:
            first.setdefault(c.article_id, c)
    lone: dict[str, Quantity] = {}
    words_by_language: dict[str, set[str]] = {}
    for aid, c in first.items():
        unnamed = _unnamed_counts(c)
        if any(q.unit.endswith(":part") for q in c.quantities) or len(unnamed) != 1:
            continue
        lone[aid] = unnamed[0]
        words_by_language.setdefault(read_language(c), set()).add(unnamed[0].unit)
    if len(words_by_language) < 2 or any(len(units) > 1 for units in words_by_language.values()):
        return lambda c: c.quantities
    others = {aid: [q for q in first[aid].quantities if q is not lone[aid]] for aid in lone}
    ids = list(lone)
    # every other figure of one is of a kind the other gives, and agrees: the lone counts are what
    # is left on each side (WMT21: "seven homes" / "21 000 акров" were each side's one unnamed
    # count, of two things, where each language's table names the other's)
    if any(sorted({q.unit for q in others[a]}) != sorted({q.unit for q in others[b]})
           or quantities_conflict(others[a], others[b]) for i, a in enumerate(ids) for b in ids[i + 1:]):
        return lambda c: c.quantities
    renamed = {id(first[aid]): tuple(q._replace(unit=LONE_COUNT) if q is lone[aid] else q
                                     for q in first[aid].quantities) for aid in lone}
    return lambda c: renamed.get(id(c), c.quantities)


def differs_in_substance(a: str, b: str) -> bool:
    """Whether ``b`` says something other than ``a`` however alike their letters: a negation on
    one side only, another figure or unit, date, weekday or time of day, or a name one has and
    the other does not (``compare.meaning``'s checks, both ways, and ``compare.claims``' figures)."""
    from storydiff.compare.meaning import meaning_changes

    if a == b:
        return False
    for read in (quantities_in, dates_in, weekdays_in, clock_times_in):
        if sorted(_key(q) for q in read(a)) != sorted(_key(q) for q in read(b)):
            return True
    return bool(meaning_changes(a, b)) or bool(meaning_changes(b, a))


def _key(q: Quantity) -> tuple[float, str, float, float]:
    return q.value, q.unit, q.low, q.high


# A figure an outlet gives in a clause of a sentence the alignment put under another fact: "Według
# najnowszych ustaleń uszkodzone zostały trzy budynki gospodarcze, a straty oszacowano na 250 tys.
# zł." is one sentence, two facts, and its outlet's version of only one of them (QA pass 22b, 03:
# "150 tys. zł vs 250 tys. zł" was never shown, or "dwa vs trzy budynki", by which other reports the
# story held). A clause sharing this many of its content words (the figure's own left out), and
# this share of the smaller clause's, with a clause of the fact that gives a figure of the same kind
# is that outlet's figure for the fact ("a straty oszacowano na 250 tys. zł" / "Straty wstępnie
# oszacowano na 150 tys. zł": 2 of 2; "Ukraine's air force said 112 drones" / "Air defense downed
# 96 drones": 1 of 3, no evidence).
CLAUSE_EVIDENCE_MIN_WORDS = 2
CLAUSE_EVIDENCE_SHARE = 0.6
_CLAUSE_BREAK = re.compile(r"[,;:–—]|\s(?:and|und|і|й|та|и|i|oraz|et|y|e|a)\s", re.IGNORECASE)


def _clause_keys(text: str, q: Quantity) -> frozenset[str]:
    """The content words (no figures) of the clause of ``text`` where ``q`` is written."""
    from storydiff.compare.claims import content_keys

    at = text.find(q.written.split(" ")[0])
    if at < 0:
        return frozenset()
    starts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text) if m.end() <= at]
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(text, at + len(q.written))] + [len(text)]
    own = content_keys(q.written) | content_keys(q.unit.replace(":", " ").replace("_", " "))
    clause = text[starts[-1] : ends[0]]
    if _OWN_TIME.search(clause):
        return frozenset()  # "a week after a strike in which 10 were injured": another event's figure
    # the count's own words ("injured", "killed": its unit) say what is counted, not of what
    return frozenset(k for k in content_keys(clause) if not k[:1].isdigit() and k not in own
                     and not any(k.startswith(c) or c.startswith(k) for c in _CASUALTY_STEMS))


# a clause that dates itself apart from the story: another event's (review 22d, r1)
_OWN_TIME = re.compile(r"(?:a|one|two|three|last|previous|earlier)\s+(?:week|month|year|day)s?\s+(?:after|before|ago|earlier)"
                       r"|(?:last|previous)\s+(?:week|month|year|spring|summer|autumn|winter)|in\s+(?:19|20)\d\d",
                       re.IGNORECASE)
_CASUALTY_STEMS = ("injur", "wound", "kill", "dead", "die", "hurt", "поранен", "загин", "ранен", "погиб", "rann",
                   "zgin", "verletz", "getötet", "tot")


def clause_evidence(members: Sequence[Claim], others: Sequence[Claim]) -> list[Claim]:
    """Of ``others`` (sentences of outlets the fact holds none of), each figure whose clause says
    what a clause of ``members`` with a figure of its kind says: a copy of its sentence holding
    that figure alone, to be read with the fact's for disputes."""
    from dataclasses import replace

    held = {c.article_id for c in members}
    given = [(q.unit, _clause_keys(c.text, q)) for c in members for q in c.quantities if q.unit]
    out: list[Claim] = []
    seen: set[tuple[str, str]] = set()
    for c in others:
        if c.article_id in held:
            continue
        for q in c.quantities:
            if not q.unit or (c.article_id, q.unit) in seen:
                continue
            mine = _clause_keys(c.text, q)
            if any(unit == q.unit and len(mine & keys) >= CLAUSE_EVIDENCE_MIN_WORDS
                   and len(mine & keys) >= CLAUSE_EVIDENCE_SHARE * max(len(mine), len(keys)) for unit, keys in given):
                seen.add((c.article_id, q.unit))
                out.append(replace(c, quantities=(q,), dates=(), weekdays=(), times=()))
    return out
