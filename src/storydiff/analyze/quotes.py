"""Direct quotes: the words between quotation marks, with who said them.

Marks are read per paragraph (a line of the text) with a small stack, because news text mixes
every style: curly and straight, double and single, ECB+/PTB ```` `` ... '' ````, quotes nested
inside quotes, and straight marks whose role (open or close) only the neighbouring characters
tell. A quote still open at a paragraph's end runs to that end: news style reopens the next
paragraph with a fresh mark, so each paragraph's run becomes its own Quote (same speaker).
Speakers are found by :mod:`storydiff.analyze.speakers` on the spaCy parse.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from storydiff.analyze.speech_verbs import alternation, verb_forms
from storydiff.records import Quote
from storydiff.settings import QuoteSettings

_OPEN_PUNCT = set("([{—–-/:")
_TRIM = " \t\r\n,"  # a quote's inner text loses surrounding spaces and the comma before "she said"


@dataclass
class Mark:
    pos: int
    length: int
    kind: str  # "d" double, "s" single
    role: str  # "open", "close"


@dataclass
class Span:
    """An outer quote run: inner offsets in the text, and whether a closing mark ended it."""

    start: int
    end: int
    closed: bool
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset just after the closing mark (== end when unclosed)


def _straight_role(text: str, i: int, n: int) -> str | None:
    """Open or close for a straight mark at i of length n, from its neighbours."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + n] if i + n < len(text) else " "
    if prev in "“‘\"'`’":  # right after another mark (vote,'" said): the next char decides
        return "open" if nxt.isalnum() else "close"
    if prev.isspace() or prev in _OPEN_PUNCT:
        if not (nxt.isspace() or nxt in ".,;!?)]"):
            return "open"
        # spaced on both sides: a close only after a nested close (outreach,' " he told)
        before = text[max(0, i - 3) : i].rstrip()
        return "close" if before[-1:] in ("'", "’") else None
    return "close"


# Every character _marks looks at; the rest of a paragraph is skipped in C (a walk over every
# character in Python was most of the cost of finding a text's quotes).
_MARK_CHARS = re.compile("``|''|[„“”«»\"‘’'`]")
_GUILLEMET = re.compile("[«»]")


def _marks(text: str, a: int, b: int) -> list[Mark]:
    """Quotation marks in text[a:b], apostrophes left out."""
    out: list[Mark] = []
    # German closes „ with “ and opens with » what French opens with «: the first of the pair
    # seen decides. (“ after an unclosed „ is a close; otherwise it opens, as in English.)
    low_open = 0
    first = _GUILLEMET.search(text, a, b)
    opens, closes = ("«", "»") if first is None or first[0] == "«" else ("»", "«")
    for found in _MARK_CHARS.finditer(text, a, b):
        i, c = found.start(), found[0]
        if c == "``":
            out.append(Mark(i, 2, "d", "open"))
        elif c == "''":
            out.append(Mark(i, 2, "d", "close"))
        elif c == "„":
            low_open += 1
            out.append(Mark(i, 1, "d", "open"))
        elif c == "“" and low_open:
            low_open -= 1
            out.append(Mark(i, 1, "d", "close"))
        elif c == "“" or c == opens:
            out.append(Mark(i, 1, "d", "open"))
        elif c == "”" or c == closes:
            if c == "”" and low_open:
                low_open -= 1
            out.append(Mark(i, 1, "d", "close"))
        elif c == '"':
            role = _straight_role(text, i, 1)
            if role:
                out.append(Mark(i, 1, "d", role))
        else:  # ‘ ’ ' `
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if prev.isalnum() and nxt.isalnum():
                pass  # apostrophe: don't, Russia’s
            elif c == "‘" or c == "`":
                if not nxt.isspace():
                    out.append(Mark(i, 1, "s", "open"))
            elif prev.isspace() or prev in _OPEN_PUNCT or prev in '“"':
                if nxt.isalnum():
                    out.append(Mark(i, 1, "s", "open"))  # 'quote or ’90s; a close resolves it
            elif not nxt.isalnum():
                out.append(Mark(i, 1, "s", "close"))
    return out


def _paragraph_spans(text: str, a: int, b: int, singles: bool = True) -> list[Span]:
    marks = _marks(text, a, b)
    if not singles:
        # single marks only nest inside doubles here; drop those before any double opens
        first_d = next((m.pos for m in marks if m.kind == "d"), b)
        marks = [m for m in marks if m.kind == "d" or m.pos > first_d]
    spans: list[Span] = []
    stack: list[Mark] = []
    for k, m in enumerate(marks):
        if not stack:
            if m.role == "open":
                stack.append(m)
            continue
        top = stack[-1]
        if m.kind == "d":
            if m.role == "close":
                # a double close ends the innermost double quote, and any unclosed single inside it
                while stack and stack[-1].kind != "d":
                    stack.pop()
                if stack:
                    opener = stack.pop()
                    if not stack:
                        spans.append(
                            Span(opener.pos + opener.length, m.pos, True, opener.pos, m.pos + m.length)
                        )
            else:
                # an opener inside a quote is nested only if enough closers follow to close both;
                # otherwise (the UNN seed's `will say: "This is Article 5...`) it is text
                later = sum(1 for x in marks[k + 1 :] if x.kind == "d" and x.role == "close")
                depth = sum(1 for x in stack if x.kind == "d")
                if later >= depth + 1:
                    stack.append(m)
        else:
            if m.role == "open":
                stack.append(m)
            elif top.kind == "s":
                stack.pop()
                if not stack:
                    spans.append(Span(top.pos + 1, m.pos, True, top.pos, m.pos + 1))
            # a single close with a double on top is an apostrophe (Ukrainians’ forces)
    if stack:
        opener = stack[0]
        if opener.kind == "d" or len(stack) == 1:
            spans.append(Span(opener.pos + opener.length, b, False, opener.pos, b))
    return spans


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


_WORD = re.compile(r"\w+")


_DOUBLES = re.compile(r'[“”"]|``')
_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "is",
        "are",
        "as",
        "vs",
    ]
)


def _is_title(words: list[str], settings: QuoteSettings) -> bool:
    """Every word capitalised (small words aside) in a short run: a title or a name."""
    if len(words) > settings.max_title_words:
        return False
    big = [w for w in words if w.lower() not in _SMALL or w is words[0]]
    return all(w[:1].isupper() or w[:1].isdigit() for w in big)


# A law's or document's title in quote marks is no one's words: «Про внесення змін до Податкового
# кодексу…», «О внесении изменений…», „o zmianie ustawy…”, "On Amendments to the Tax Code…",
# „über die Stärkung…“ (review 24a, F8: the title was a quote of whoever reported the vote). It
# follows the noun at once (with its number: "№12360", "No. 12360", "nr 1234") and opens on the
# language's "on / about"; speech about a law is set off from the noun by punctuation.
_DOCUMENT_NOUN = re.compile(
    r"(?<!\w)(?:законопро[еє]кт\w*|закон\w{0,3}|постанов(?:а|и|у|ою|і|лени[еяюи]|лением)|указ(?:у|ом|і|е|а|ы)?"
    r"|розпорядженн\w*|распоряжени\w*|кодекс\w{0,3}|про[еє]кт\w{0,3}|документ\w{0,3}|ustaw\w{0,3}|projekt\w{0,3}"
    r"|rozporządzeni\w*|uchwał\w{0,3}|dekret\w{0,3}|gesetz\w*|verordnung\w*|erlass\w*|entwurf\w*"
    r"|bill|law|decree|resolution|draft|legislation|ordinance)"
    r"(?:\s+(?:№|no\.|nr\.?|n°)?\s*\d[\w/.-]*)?[ \t\u00a0]*$",
    re.IGNORECASE,
)
_TITLE_OPENS = frozenset(["про", "щодо", "о", "об", "обо", "o", "on", "über", "zur", "zum"])


def _names_a_document(text: str, open_mark: int, words: list[str]) -> bool:
    """Whether the run opening at ``open_mark`` is the title of the law or document named before it."""
    return bool(words) and words[0].lower() in _TITLE_OPENS and bool(
        _DOCUMENT_NOUN.search(text, max(0, open_mark - 60), open_mark))


# Polish, Ukrainian and Russian dialogue: a paragraph that opens on a dash is speech when a dash
# and a speech verb follow the words ("– Nie podniesiemy podatków – zapewnił Wróblewski.", "— Ми
# не підвищимо податки, — запевнив Врублевський."). Without the verb a dash paragraph is a list
# item or a bullet ("– 12 osób rannych"), not a quote (QA pass 16). A hyphen stands for the dash
# only with spaces on both sides.
_DASH_VERBS = alternation(sorted({v for lang in ("pl", "uk", "ru") for v in verb_forms(lang)}))
# The body ends on a non-space and the space runs are possessive (Python 3.11): "\S.*?[ ]*,?[ ]+"
# split a run of spaces in every way before giving up at each of its positions, cubic in the run's
# length (5,000 spaces: over 100 s; review, session 16); now each run is read once from the word
# before it. The same matches: the lazy body ends after a non-space in either pattern.
_DASH_QUOTE = re.compile(
    rf"[ \t\u00a0]*+(?P<dash>[–—―-])[ \t\u00a0]++(?P<body>\S(?:.*?\S)??)(?:[ \t\u00a0]*+,)?[ \t\u00a0]++[–—―-]"
    rf"[ \t\u00a0]++(?=(?:{_DASH_VERBS})(?!\w))",
    re.IGNORECASE,
)
# A quote of two words is speech when a dash and a speech verb attribute it right after its closing
# mark, as Lithuanian, Polish, Ukrainian and Russian write it ("„Skolinamės neatsakingai“, – teigė
# Valdas Rimkus"; QA pass 24b, 07: not a quote); a shorter quoted run without one is a nickname or
# a scare quote. (Lithuanian verbs are read here only, after a short quote: in _DASH_VERBS, which every
# line is scanned with, their ~40 forms slowed find_quotes' spans by a third on PolNeAR dev.)
SHORT_QUOTE_MIN_WORDS = 2
_DASH_ATTRIBUTED = re.compile(
    rf"[ \t\u00a0]*+,?[ \t\u00a0]*+[–—―-][ \t\u00a0]*+"
    rf"(?:{alternation(sorted({v for lang in ('pl', 'uk', 'ru', 'lt') for v in verb_forms(lang)}))})(?!\w)",
    re.IGNORECASE)
# ... or when the paragraph before ends on a speech verb's colon ("Powiedział dziennikarzom:\n– Nie ...")
_DASH_OPENS = re.compile(r"[ \t\u00a0]*(?P<dash>[–—―-])[ \t\u00a0]+(?=\S)")
_VERB_COLON = re.compile(rf"(?<!\w)(?:{_DASH_VERBS})(?!\w)[^.!?\n]*:\s*$", re.IGNORECASE)
# the same speaker goes on after the attribution: "– ... – zapewnił Wróblewski. – I nie obniżymy ..."
_DASH_GOES_ON = re.compile(r"[.!?…][ \t\u00a0]+(?P<dash>[–—―-])[ \t\u00a0]+(?=\S)")
_QUOTE_MARKS = re.compile(r"[«»„“”\"]")
_DASH_QUOTE_REACH = 800  # characters: a statement and its attribution (hostile input: bounded work)
# a sentence's end inside a paragraph, a dash next: where a further statement may open; and a dash
# that a speech verb follows: where one closes
_DASH_BEFORE_VERB = re.compile(rf"[–—―-][ \t\u00a0]++(?=(?:{_DASH_VERBS})(?!\w))")
_SENTENCE_END_BEFORE_DASH = re.compile(r"[.!?…](?=[ \t\u00a0]+[–—―-][ \t\u00a0])")


_SENTENCE_END = re.compile(r"[.!?…](?=\s)")
_LAST_WORD = re.compile(r"([^\W\d_]+)[ \t\u00a0]+$")
_SUBJECT_PRONOUNS = frozenset(["on", "ona", "oni", "one", "він", "вона", "вони", "он", "она", "они"])


def _a_person_speaks(head: str, line: str, verb: int) -> bool:
    """Whether the speech verb at line[verb] (before a colon ending the paragraph) has a person
    for its subject: a name ("Jan Nowak powiedział:", "Nowak dodał:" once named in full), a
    pronoun ("Ona dodała:"), or, the verb opening its sentence, a person named in the paragraph
    ("... Powiedział dziennikarzom:") or after the verb. A dash list after "Pod Wrocławiem
    policja poinformowała:" is the police's list, not a quote of "Wrocławiem" (review, session 16)."""
    from storydiff.analyze.speakers_multilingual import _is_cap, _runs

    ends = [m.end() for m in _SENTENCE_END.finditer(line, 0, verb)]
    clause = line[ends[-1] if ends else 0:verb]
    words = clause.split()
    if not words:
        return any(len(run) >= 2 for _, run in _runs(line[:verb]) + _runs(line[verb:]))
    last = words[-1].strip(",;()\"'„”“«»")
    if last.lower() in _SUBJECT_PRONOUNS:
        return True
    if not _is_cap(last):
        return False  # "policja poinformowała:", "rzecznik dodał:"
    runs = [run for _, run in _runs(clause) if run[-1] == last.rstrip(".")]
    if not runs:
        return False
    if len(runs[-1]) >= 2:
        return True
    # a surname alone: a person's when the article named them in full before ("Jan Nowak"), read
    # at its first mentions (not the runs of the whole text: quadratic in an article of many such
    # paragraphs, 479 kB 43 s)
    surname = last.rstrip(".")
    at, looked = head.find(surname), 0
    while at >= 0 and looked < 20:  # an article names a person in full early
        looked += 1
        end = at + len(surname)
        if not (at and head[at - 1].isalnum()) and not (end < len(head) and head[end].isalnum()):
            before = _LAST_WORD.search(head, max(0, at - 40), at)
            if before is not None and _is_cap(before.group(1)):
                return True
        at = head.find(surname, end)
    return False


def _dash_spans(text: str, a: int, b: int) -> list[Span]:
    """The dialogue-dash quotes of the paragraph text[a:b]: the words between the opening dash
    and the dash before a speech verb (closed), and the words after a further dash once the
    attribution's sentence ends (run to the paragraph's end); or the whole paragraph after its
    dash when the paragraph before ends on a speech verb and a colon."""
    m = _DASH_QUOTE.match(text, a, b)
    if m is None:
        opens = _DASH_OPENS.match(text, a, b)
        if opens is None:
            return []
        before = text[max(0, a - 300):a].rstrip()
        line = before[before.rfind("\n") + 1:]
        verb = _VERB_COLON.search(line)
        if verb is None or not _a_person_speaks(text[:a], line, verb.start()):
            return []
        return [Span(opens.end(), b, False, opens.start("dash"), b)]
    return _closed_dash_spans(m, text, b)


def _closed_dash_spans(m: re.Match, text: str, b: int, *, open_tail: bool = True) -> list[Span]:
    """The quote ``_DASH_QUOTE`` matched (its words up to the dash before the speech verb) and, when
    a dash opens the words right after the attribution's own sentence ends, the speaker going on:
    closed by its own dash and verb, else (``open_tail``) running to the paragraph's end b."""
    spans = []
    while m is not None:
        close_mark = m.end()
        spans.append(Span(m.start("body"), m.end("body"), True, m.start("dash"), close_mark))
        end = _SENTENCE_END.search(text, close_mark, b)
        goes_on = _DASH_GOES_ON.match(text, end.start(), b) if end is not None else None
        if goes_on is None:
            break
        # a further statement closed by its own dash and verb ("– I będą – zapewnił.")
        m = _DASH_QUOTE.match(text, goes_on.start("dash"), min(b, goes_on.start("dash") + _DASH_QUOTE_REACH))
        if m is None and open_tail:
            spans.append(Span(goes_on.end(), b, False, goes_on.start("dash"), b))
    return spans


def _inner_dash_spans(text: str, a: int, b: int) -> list[Span]:
    """Dialogue-dash quotes that open after a sentence of the paragraph text[a:b] ends: PAP writes
    a speaker's second statement in the paragraph of the first ("„Nie ma zagrożenia” – zapewnił
    minister. – Nasze siły są w gotowości – dodał."; QA pass 20a, 09). A dash and a speech verb must
    close the words, as for a paragraph that opens on a dash. Each closing dash is tried from the
    last sentence end before it only (a long paragraph of dashes and no verbs costs one pass)."""
    closers = [m.start() for m in _DASH_BEFORE_VERB.finditer(text, a, b)]
    if not closers:
        return []
    openers = [m.end() for m in _SENTENCE_END_BEFORE_DASH.finditer(text, a, closers[-1])]
    spans: list[Span] = []
    done = a
    for close in closers:
        k = bisect.bisect_left(openers, close) - 1
        if k < 0 or openers[k] < done or close - openers[k] > _DASH_QUOTE_REACH:
            continue
        m = _DASH_QUOTE.match(text, openers[k], min(b, close + _DASH_QUOTE_REACH))
        if m is None or _QUOTE_MARKS.search(text, m.start("body"), m.end("body")):
            continue  # words holding a quotation of their own are narration between two quotes
        # only statements closed by a dash and a verb: an open one would run across the narration
        # to the paragraph's end, which may be the article's (review 20, 1)
        spans.extend(_closed_dash_spans(m, text, b, open_tail=False))
        done = spans[-1].close_mark
    return spans


def quote_spans(text: str, settings: QuoteSettings | None = None) -> list[Span]:
    """Outer quote runs in text (inner offsets, trimmed), before any speaker work."""
    settings = settings or QuoteSettings()
    out: list[Span] = []
    # an outlet quotes with doubles or with singles: where doubles are used, a top-level
    # single-quoted run is a headline's or a show's title, not speech
    singles = not _DOUBLES.search(text)
    pos = 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        if not line.strip():
            continue
        found = _paragraph_spans(text, a, b, singles)
        dashed = _dash_spans(text, a, b) if line.lstrip()[:1] in "–—―-" else _inner_dash_spans(text, a, b)
        if dashed:
            # marks inside a dash quote ("– Ustawa „o podatkach” nie przejdzie – dodał") are its words
            outside = [sp for sp in found if not any(d.open_mark <= sp.open_mark < d.close_mark for d in dashed)]
            found = sorted(dashed + outside, key=lambda sp: sp.start)
        for sp in found:
            s, e = _trimmed(text, sp.start, sp.end)
            words = _WORD.findall(text[s:e])
            if len(words) < settings.min_quote_words and not (
                    len(words) >= SHORT_QUOTE_MIN_WORDS and sp.closed and _DASH_ATTRIBUTED.match(text, sp.close_mark)):
                continue  # nicknames and scare quotes, not someone's words
            if _is_title(words, settings) or _names_a_document(text, sp.open_mark, words):
                continue  # “Face the Nation”, “Contract with America.”, закон «Про мобілізацію…»
            out.append(Span(s, e, sp.closed, sp.open_mark, sp.close_mark))
    return out


def find_quotes(
    text: str,
    *,
    doc=None,
    with_speakers: bool = True,
    settings: QuoteSettings | None = None,
    language: str | None = None,
    spans: list[Span] | None = None,
    parse: bool = True,
) -> list[Quote]:
    """Direct quotes of text in order, each with its speaker's full name and cue when found.

    ``doc`` is an optional spaCy Doc of ``text`` (or of its start, up to at least
    ``speakers.speaker_parse_end``) the caller already parsed. ``language`` (an ISO
    code) picks how speakers are found: the English parse, or for uk, ru, de, pl, fr, es and it the
    attribution rules of ``analyze.speakers_multilingual`` (no parse needed). ``spans``: the
    text's ``quote_spans`` under the same ``settings``, when the caller already has them.
    ``parse`` False: no parse is made, and English (or a language no rules read) is read by the
    English attribution rules instead (PolNeAR dev end-to-end F1 0.78 against the parse's 0.89).
    """
    if not isinstance(text, str):
        # ValueError, as every stage reports bad input (preamble), not TypeError
        raise ValueError(f"find_quotes needs str text, got {type(text).__name__}")
    settings = settings or QuoteSettings()
    if not text.strip():
        return []
    spans = quote_spans(text, settings) if spans is None else spans
    quotes = [Quote(text=text[s.start : s.end], start=s.start, end=s.end) for s in spans]
    if not with_speakers or not quotes:
        return quotes
    from storydiff.analyze.speakers_multilingual import attribute_other_language, language_rules

    rules = language_rules(language) or (None if parse or doc is not None else "en")
    if rules is not None:
        attribute_other_language(text, spans, quotes, rules, settings.max_inherit_paragraphs)
        return quotes
    from storydiff.analyze.speakers import _doc_text, attribute, other_language_speaker, speaker_parse_end

    end = speaker_parse_end(text, spans)
    if doc is not None and not (len(_doc_text(doc)) >= end and text.startswith(_doc_text(doc))):
        doc = None  # a parse of some other text, or of too little of this one
    if end > settings.max_parse_chars and doc is None:
        return quotes  # too long to parse here; spans are still useful
    if doc is None:
        from storydiff.analyze.nlp import SPEAKER_COMPONENTS, parse

        doc = next(parse([text[:end]], SPEAKER_COMPONENTS))
    attribute(text, spans, quotes, doc=doc, settings=settings)
    for span, quote in zip(spans, quotes):
        if quote.speaker is None and span.closed:
            quote.speaker = other_language_speaker(text, span.close_mark)
    return quotes
