"""htmldate's page-wide date patterns searched from digit runs: the same matches as re.findall."""

import random
import re

import htmldate.core as core
import pytest

from storydiff.extract import htmldate_patterns as hp

# htmldate's patterns that open with \D then a digit, as htmldate 1.11 writes them (the test
# does not depend on the installed htmldate holding them)
HTMLDATE_STYLE = [
    r"\D([0-9]{4}[/.-][0-9]{2}[/.-][0-9]{2})\D",
    r"\D([0-3]?[0-9][/.-][0-1]?[0-9][/.-][0-9]{4})\D",
    r"(\D19[0-9]{2}[01][0-9][0-3][0-9]\D|\D20[0-9]{2}[01][0-9][0-3][0-9]\D)",
    r"\D([0-3]?[0-9]/[0-1]?[0-9]/[0129][0-9]|[0-3][0-9]\.[01][0-9]\.[0129][0-9])\D",
    r"\D([12][0-9]{3}[/.-](?:1[0-2]|0[1-9]))\D",
    r"\D([0-1]?[0-9][/.-][12][0-9]{3})\D",
    r"(?<!w3.org)\D((?:199[0-9]|20[0-3][0-9]))\D",
]
# the same shape with other group layouts (findall lists the match, or a tuple of groups)
OTHER_GROUPS = [r"\D[0-9]{2}[/.-][0-9]{2}", r"\D([0-9]{2})([/.-])?([0-9]{2})?\D", r"\D(?:([0-9])|([0-9]{3}))\D"]


@pytest.mark.parametrize("pattern", HTMLDATE_STYLE + OTHER_GROUPS)
def test_accepted(pattern):
    assert hp.anchored_on_digit_runs(re.compile(pattern))


@pytest.mark.parametrize("pattern", [
    r"([0-9]{4})\D",  # starts on the digit itself
    r"\D?([0-9]{4})\D",  # may start on the digit
    r"\W([0-9]{4})",  # reads no digit either, but only \D is taken for "no digit" (kept narrow)
    r"\D\d{4}",  # \d: any decimal digit, not only [0-9]
    r"\D[0-9a]{4}",  # a letter may come second
    r"\D(?:[0-9]|x)",
    r"\D",  # one character only
    r"(?:\D|^)[0-9]",  # may start on the digit at the string's start
    r"\D[^a][0-9]",
    r"(?=\D)[0-9]",
])
def test_refused(pattern):
    assert not hp.anchored_on_digit_runs(re.compile(pattern))


ALPHABET = list("0123456789012345678901234567890123456789/.-  aZ\n<>©_") + ["w3.org", "\u0663", "\u00b2", "2020", "19", "/"]


def _random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(n))


@pytest.mark.parametrize("pattern", HTMLDATE_STYLE + OTHER_GROUPS)
def test_findall_the_same(pattern):
    compiled = re.compile(pattern)
    fast = hp.DigitAnchoredPattern(compiled)
    rng = random.Random(pattern)
    texts = [_random_text(rng, rng.randrange(0, 200)) for _ in range(1500)] + [
        "",
        "2020-01-02",  # at the string's start: no \D before it
        "x2020-01-02",  # at the end: no \D after it
        "x2020-01-02-2021-03-04x",  # a match's last character is the next one's first: taken once
        "x1/2/2020-3/4/2021x 05.06.2022 x 12/2019 x",
        "\u06632020-01-02x",  # an Arabic-Indic digit is no \D
        "w3.org2020x a2020x",
        "©2019 x19991231x x20200101x",
    ]
    for text in texts:
        assert fast.findall(text) == compiled.findall(text), (pattern, text)
    # pos / endpos go to the pattern itself
    assert fast.findall("x2020-01-02x 2021-02-03x", 1, 20) == compiled.findall("x2020-01-02x 2021-02-03x", 1, 20)


def test_installed_over_htmldates_own():
    hp.install()
    try:
        wrapped = [v for v in vars(core).values() if isinstance(v, hp.DigitAnchoredPattern)]
        assert wrapped, "htmldate's \\D-then-digit patterns are wrapped"
        for w in wrapped:
            assert hp.anchored_on_digit_runs(w.compiled)
            assert w.pattern == w.compiled.pattern  # everything but findall is the pattern's own
        assert hp.install() == []  # idempotent
        hp.uninstall()
        assert not any(isinstance(v, hp.DigitAnchoredPattern) for v in vars(core).values())
        assert all(not isinstance(p, hp.DigitAnchoredPattern) for p in core.THREE_COMP_PATTERNS)
    finally:
        hp.install()


# pages whose only date is in markup (a link, an image's name) or a bare year: htmldate's page-wide
# search finds it, each with the next of its patterns
PAGES_WITHOUT_DATE_TAGS = [
    '<p>Item 4589 of the list.</p><p><a href="/list?from=2021-04-03&amp;n=2">More</a></p>',  # Y-M-D
    '<p>Item 4589 of the list.</p><p><a href="/list?from=03.04.2021&amp;n=2">More</a></p>',  # D.M.Y
    '<p>Item 4589 of the list.</p><p><img src="/img/x-20210403-y.jpg" alt="x"></p>',  # YYYYMMDD
    '<p>Item 4589 of the list.</p><p><img src="/img/2019-07-big.jpg" alt="x"></p>',  # Y-M
    '<p>Item 4589 of the list.</p><p><img src="/img/big-07-2019.jpg" alt="x"></p>',  # M-Y
    "<p>Item 4589.</p><p>The 2019 report, page 12, by the 2018 board.</p>",  # a year alone
]


@pytest.mark.parametrize("body", PAGES_WITHOUT_DATE_TAGS)
def test_same_date_found_on_a_page_without_date_tags(body, monkeypatch):
    """htmldate's extensive search over a page whose only date is in its text: the same answer
    with htmldate's own patterns and with the wrapped ones, which it asked."""
    import htmldate

    page = f"<html><head><title>Council meets</title></head><body><article><h1>Council</h1>{body}</article></body></html>"
    hp.uninstall()
    try:
        own = htmldate.find_date(page, extensive_search=True, original_date=True, max_date="2026-01-01")
    finally:
        hp.install()
    asked = []
    findall = hp.DigitAnchoredPattern.findall
    monkeypatch.setattr(hp.DigitAnchoredPattern, "findall", lambda self, *a: asked.append(1) or findall(self, *a))
    assert own is not None
    assert htmldate.find_date(page, extensive_search=True, original_date=True, max_date="2026-01-01") == own
    assert asked


LONG_TEXT_PIECES = ["March", "mai", "Березня", "of ", "th", "st", "nd", ".", ",", " ", " ", " ", "\n", "\t", "_", "x",
                    "5", "12", "31", "7", "٣", " 2020", " 1999", " 2039", " 2040", " 1989", "2021", "é", "<p>", "a" * 70,
                    "Septembermonthwithaverylongnamethatrunsonforeverandeverandeverandmore", "0"]


def _long_text_strings(rng: random.Random, n: int, pieces: int) -> list[str]:
    return ["".join(rng.choice(LONG_TEXT_PIECES) for _ in range(rng.randrange(1, pieces))) for _ in range(n)]


def test_long_text_search_the_same(monkeypatch):
    """htmldate's written-date pattern searched before each year: the same match (span and groups)
    as the pattern's own search from every start, also where a month name runs past the window."""
    import htmldate.extractors as extractors

    hp.install()
    wrapped = extractors.LONG_TEXT_PATTERN
    assert isinstance(wrapped, hp.YearEndedPattern), "installed over htmldate 1.11's pattern"
    compiled = wrapped.compiled
    monkeypatch.setattr(hp, "_SHORT", 0)  # short strings too, to test many
    rng = random.Random(11)
    texts = _long_text_strings(rng, 1500, 60) + [
        "March 5, 2021",
        "x" * 200 + " 5th of March 2021 and 6 May 2022",
        "Septembermonthwithaverylongnamethatrunsonforeverandeverandeverandmore 5, 2021",  # past the window
        "é" * 100 + "mber 5, 2021",
        "12 2019 March 2020",  # a year's digits as the next match's day
        " 2020" * 30 + " 5th of March 2021",
    ]
    for text in texts:
        for pos in {0, 1, len(text) // 3, len(text) // 2, max(0, len(text) - 20), len(text)}:
            ours, theirs = wrapped.search(text, pos), compiled.search(text, pos)
            assert (ours is None) == (theirs is None), (text, pos)
            if ours is not None:
                assert (ours.span(), ours.groupdict()) == (theirs.span(), theirs.groupdict()), (text, pos)


def test_regex_parse_the_same_on_long_pages():
    """htmldate's regex_parse (a loop of searches, each from the last match) over page-sized strings."""
    import htmldate.extractors as extractors

    hp.install()
    rng = random.Random(5)
    pages = ["".join(rng.choice(LONG_TEXT_PIECES) for _ in range(rng.randrange(400, 1200))) for _ in range(60)]
    pages += ["<div>" + "Published by the 2020 team, item 7 " * 100 + "on the 3rd of Mai 2021</div>"]
    ours = [extractors.regex_parse(p) for p in pages]
    hp.uninstall()
    try:
        theirs = [extractors.regex_parse(p) for p in pages]
    finally:
        hp.install()
    assert ours == theirs
    assert any(ours) and not all(ours)
