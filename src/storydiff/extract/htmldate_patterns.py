"""htmldate's page-wide date patterns searched from the page's digit runs, to the same matches.

When a page's tags, JSON-LD and text elements give no date, htmldate's extensive search
(``search_page``) runs up to nine ``findall`` calls over the whole serialised page. Most of those
patterns open with ``\\D`` and then a digit (``\\D([0-9]{4}[/.-][0-9]{2}[/.-][0-9]{2})\\D``): a
pattern whose first character is "anything but a digit" gives Python's regex engine nothing to
skip ahead with, so it starts a match at every character of the page. On 300 pages of the wcxb +
fundus mix those ``findall`` calls were 60% of htmldate's time and 7% of ``ingest``'s CPU.

Such a match can only start one character before a run of ASCII digits (its first character is
no digit, its second is one). ``DigitAnchoredPattern.findall`` lists the page's digit runs once
(in C: ``[0-9]+`` lets the engine skip to the next digit) and tries the pattern only there, left
to right, a match's end barring the runs inside it: the matches ``re.findall`` finds, in order.
A pattern is wrapped only when its parsed form proves that every match reads a ``\\D`` then a
character of ``[0-9]`` (``anchored_on_digit_runs``); any other pattern, a call with ``pos`` or
``endpos``, or bytes go to the pattern itself.

The search's last resort, ``regex_parse``, looks for a written date ("March 5, 2021", "5th of
March 2021") over the whole page with ``LONG_TEXT_PATTERN``, a pattern that opens with a word or a
digit: again every character is a start, and on most pages there is no match at all. Every match
ends with a space and a year of 1990-2039, and holds no other such year: ``YearEndedPattern.search``
finds those years first (a literal space to skip to) and searches only the 64 characters before
each, in order; the first window with a match holds the leftmost match of the whole string (a
match ending at a later year starts after an earlier year). A match can reach further back only
through a month name longer than the window: where the window's letters run on, the whole string
is searched as before. It is installed only over the pattern text it was proved for.

tests/test_htmldate_patterns.py compares both with the patterns' own answers on random and
hand-written strings.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from re import _constants as sre
from re import _parser as sre_parse

_DIGIT_RUN = re.compile(r"[0-9]+")
_ASCII_DIGITS = range(ord("0"), ord("9") + 1)
_NON_DIGIT = (sre.IN, [(sre.CATEGORY, sre.CATEGORY_NOT_DIGIT)])
_MAX_DEPTH = 64


def _first_chars(items: list, k: int, depth: int = 0) -> list[tuple] | None:
    """Every way a match of ``items`` (a parsed pattern) can read its first ``k`` characters,
    as tuples of the one-character items that read them (shorter where a match can end sooner);
    None for anything this does not follow."""
    if k == 0 or not items:
        return [()]
    if depth > _MAX_DEPTH:
        return None
    op, av = items[0]
    rest = list(items[1:])
    if op in (sre.ASSERT, sre.ASSERT_NOT):  # zero-width: reads no character of the match
        return _first_chars(rest, k, depth + 1)
    if op is sre.SUBPATTERN:
        return _first_chars(list(av[3]) + rest, k, depth + 1)
    if op is sre.BRANCH:
        out: list[tuple] = []
        for alternative in av[1]:
            paths = _first_chars(list(alternative) + rest, k, depth + 1)
            if paths is None:
                return None
            out += paths
        return out
    if op in (sre.IN, sre.LITERAL, sre.NOT_LITERAL, sre.ANY):
        tails = _first_chars(rest, k - 1, depth + 1)
        return None if tails is None else [((op, av),) + t for t in tails]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = av
        out = []
        if low == 0:
            skipped = _first_chars(rest, k, depth + 1)
            if skipped is None:
                return None
            out += skipped
        if high != 0:
            again = (op, (max(low - 1, 0), high if high == sre.MAXREPEAT else high - 1, body))
            once = _first_chars(list(body) + [again] + rest, k, depth + 1)
            if once is None:
                return None
            out += once
        return out
    return None


def _is_ascii_digit(item: tuple) -> bool:
    """Whether a one-character item reads only characters of [0-9]."""
    op, av = item
    if op is sre.LITERAL:
        return av in _ASCII_DIGITS
    if op is not sre.IN:
        return False
    for kind, value in av:
        if kind is sre.LITERAL and value in _ASCII_DIGITS:
            continue
        if kind is sre.RANGE and value[0] in _ASCII_DIGITS and value[1] in _ASCII_DIGITS:
            continue
        return False  # a negation, a category, any other character
    return True


def anchored_on_digit_runs(pattern: re.Pattern) -> bool:
    """Whether every match of ``pattern`` reads ``\\D`` then a character of [0-9]: it starts one
    character before a maximal run of ASCII digits (the first reads no ASCII digit, the second
    is one)."""
    if not isinstance(pattern.pattern, str):
        return False
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):
        return False
    paths = _first_chars(list(parsed), 2)
    return bool(paths) and all(
        len(p) == 2 and p[0] == _NON_DIGIT and _is_ascii_digit(p[1]) for p in paths
    )


class _StartsInLastString:
    """Where ``pattern`` matches in a string, kept for the last string asked about: htmldate
    searches one page with several patterns in turn, each asking the same."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        self.kept: tuple[str | None, list[int]] = (None, [])

    def __call__(self, string: str) -> list[int]:
        kept = self.kept  # read once: another thread may keep another page meanwhile
        if kept[0] is string:
            return kept[1]
        starts = [m.start() for m in self.pattern.finditer(string)]
        self.kept = (string, starts)
        return starts


_run_starts = _StartsInLastString(_DIGIT_RUN)  # where each maximal run of ASCII digits starts


class DigitAnchoredPattern:
    """A compiled pattern (``anchored_on_digit_runs``) whose ``findall`` tries it only where a
    match can start; everything else is the pattern's own."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.compiled = pattern

    def findall(self, string, pos: int = 0, endpos: int = sys.maxsize) -> list:
        if pos != 0 or endpos != sys.maxsize or not isinstance(string, str):
            return self.compiled.findall(string, pos, endpos)
        match, groups = self.compiled.match, self.compiled.groups
        out: list = []
        end = 0  # re.findall goes on after each match's end
        for run in _run_starts(string):
            start = run - 1
            if start < end:  # the string's first character, or a run inside the last match
                continue
            m = match(string, start)
            if m is None:
                continue
            # what re.findall lists: the match, its one group, or all groups ("" for one not taking part)
            out.append(m.group() if groups == 0 else m.groups("")[0] if groups == 1 else m.groups(""))
            end = m.end()
        return out

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"DigitAnchoredPattern({self.compiled!r})"


# htmldate 1.11's LONG_TEXT_PATTERN (extractors.py), the pattern YearEndedPattern was proved for:
# branch 1, "month day[st|nd|rd|th][,] year": a letter run (the month), one whitespace, 1-2 digits,
# at most 2 letters and a comma, a space, the year; branch 2, "day[st|nd|rd|th|.] [of ]month[,.] year":
# 1-2 digits, at most 2 characters, a space, "of ", a letter run, at most one of ",.", a space, the year.
_LONG_TEXT = (
    r"(?P<month>(?<![^\W\d_])[^\W\d_]{3,})\s(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?,? (?P<year>(?:199[0-9]|20[0-3][0-9]))"
    r"|(?P<day2>[0-3]?[0-9])(?:st|nd|rd|th|\.)? (?:of )?(?P<month2>(?<![^\W\d_])[^\W\d_]{3,})[,.]? (?P<year2>"
    r"(?:199[0-9]|20[0-3][0-9]))"
)
_YEAR_TOKEN = re.compile(r" (?:199[0-9]|20[0-3][0-9])")  # how every match of _LONG_TEXT ends
_WINDOW = 64  # characters searched before a year
# the characters of a match outside its month name: branch 2's before it ("12th of "), branch 1's
# after it ("\n12th,")
_BEFORE_MONTH, _AFTER_MONTH = 8, 6
_SHORT = 2_000  # shorter strings (a date string, an element's text) are searched as they are

_year_tokens = _StartsInLastString(_YEAR_TOKEN)  # where each " YYYY" (1990-2039) starts


class YearEndedPattern:
    """htmldate's LONG_TEXT_PATTERN whose ``search`` looks only before each year (module docstring)."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.compiled = pattern
        # the month name's letters, as the pattern reads them (its class, its flags)
        self._letters = re.compile(r"[^\W\d_]*", pattern.flags)

    def search(self, string, pos: int = 0, endpos: int = sys.maxsize):
        if endpos != sys.maxsize or not isinstance(string, str) or len(string) < _SHORT or pos < 0:
            return self.compiled.search(string, pos, endpos)
        tokens = _year_tokens(string)
        search = self.compiled.search
        for t in tokens[bisect_left(tokens, pos):]:
            start = max(pos, t - _WINDOW)
            if start > pos:
                # a match ending at this year and starting before the window has a month name
                # covering [start + _BEFORE_MONTH, t - _AFTER_MONTH): unless a character there is
                # no letter, search the whole string
                inside = self._letters.match(string, start + _BEFORE_MONTH, t - _AFTER_MONTH)
                if inside.end() == t - _AFTER_MONTH:
                    return search(string, pos)
            m = search(string, start, t + 5)
            if m is not None:
                return m
        return None

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"YearEndedPattern({self.compiled!r})"


def install() -> list[str]:
    """Wrap htmldate's page-wide patterns (``htmldate.core``'s compiled patterns, alone or in a
    tuple of them) that ``anchored_on_digit_runs`` accepts, and ``extractors.LONG_TEXT_PATTERN``
    when it is the pattern ``YearEndedPattern`` was proved for; the names wrapped. Idempotent."""
    import htmldate.core as core
    import htmldate.extractors as extractors

    wrapped: dict[int, DigitAnchoredPattern] = {}

    def wrap(value):
        if isinstance(value, re.Pattern) and anchored_on_digit_runs(value):
            return wrapped.setdefault(id(value), DigitAnchoredPattern(value))
        return value

    names = []
    for name, value in list(vars(core).items()):
        if name.startswith("__"):
            continue
        if isinstance(value, re.Pattern):
            new = wrap(value)
        elif isinstance(value, tuple) and value and all(isinstance(v, (re.Pattern, DigitAnchoredPattern)) for v in value):
            new = tuple(wrap(v) for v in value)
        else:
            continue
        if new is not value and not (isinstance(value, tuple) and all(a is b for a, b in zip(new, value))):
            setattr(core, name, new)
            names.append(name)
    long_text = getattr(extractors, "LONG_TEXT_PATTERN", None)
    if isinstance(long_text, re.Pattern) and long_text.pattern == _LONG_TEXT and long_text.flags == re.I | re.U:
        extractors.LONG_TEXT_PATTERN = YearEndedPattern(long_text)
        names.append("LONG_TEXT_PATTERN")
    return names


def uninstall() -> None:
    """htmldate's own patterns back (for comparisons)."""
    import htmldate.core as core
    import htmldate.extractors as extractors

    if isinstance(getattr(extractors, "LONG_TEXT_PATTERN", None), YearEndedPattern):
        extractors.LONG_TEXT_PATTERN = extractors.LONG_TEXT_PATTERN.compiled

    for name, value in list(vars(core).items()):
        if isinstance(value, DigitAnchoredPattern):
            setattr(core, name, value.compiled)
        elif isinstance(value, tuple) and any(isinstance(v, DigitAnchoredPattern) for v in value):
            setattr(core, name, tuple(v.compiled if isinstance(v, DigitAnchoredPattern) else v for v in value))
