"""A later event of the same people: the clusterer's later-event veto (issue 17, related events).

Reports of related events share their actors and their weeks: a flood and, days later, the
finance minister's money to rebuild; a budget and the rating agency's downgrade the next day.
Their words and names overlap enough for the lexical score, and the date veto leaves a day of
slack for updates. The later report often says in its lede that its event came after the other:
it dates its own event against it ("cut Veyra's rating on Wednesday, a day after Finance Minister
Karl Ost presented a budget", "to rebuild Dunmere after last week's flood", "через день після",
"на следующий день после", "einen Tag nach", "dzień po"). A report of the flood itself does not
date the flood against the flood.

So a report published on a later calendar day than every report of a small story, whose lede
dates its event against what that story's ledes tell, tells a later event, and joins no such
story (a report that dates its event against something else, "injured ... days after his
debut", is not read against a story of the injury); unless it
tells an update of an event under way (a toll counted again, survivors pulled out:
``lede_keys.tells_an_update``: "a day after the quake, rescuers pulled two more survivors out").

``leads_with_newcomer`` is a second cue, measured and off (MatchSettings.later_event_newcomer):
the later lede names someone the earlier reports never write ("Special counsel Miriam Holt
questioned ..."). It splits the written related events but not real reports: same-story pairs
of SemEval-2022 show such a newcomer as often as related ones (BENCHMARKS, round 25).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storydiff.match.lede_keys import names_missing

_HOW_MANY = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a[ \t]+few|several|\d+"
             r"|два|дві|три|чотири|кілька|пару|четыре|несколько|einen|ein|eine|zwei|drei|vier|fünf|wenige"
             r"|jeden|dwa|trzy|cztery|pięć|kilka)")
# The later event dated against an earlier one, in en/uk/ru/de/pl: "a day after", "two weeks
# after", "the day after", "days after", "last week's", "через день після", "через два дні після",
# "наступного дня після", "на следующий день после", "спустя неделю после", "einen Tag nach",
# "zwei Wochen nach", "am Tag nach", "dzień po" (not "dzień po dniu": day by day), "tydzień po",
# "następnego dnia po".
_ANCHOR = re.compile(
    r"\b(?:(?:" + _HOW_MANY + r"[ \t]+)?(?:days?|weeks?)[ \t]+after\b(?![ \t]+(?:day|week)\b)|the[ \t]+(?:next[ \t]+)?day[ \t]+after"
    r"|last[ \t]+(?:week|month)['’]s"
    r"|(?:через|спустя)[ \t]+(?:" + _HOW_MANY + r"[ \t]+)?(?:день|дні|днів|дня|дней|тиждень|тижні|тижнів|неделю|недели|недель)"
    r"[ \t]+(?:після|после)"
    r"|(?:наступного|следующий)[ \t]+(?:дня|день)[ \t]+(?:після|после)|на[ \t]+следующий[ \t]+день[ \t]+после"
    r"|минулотижнев\w+|прошлонедельн\w+"
    r"|(?:" + _HOW_MANY + r"[ \t]+)?(?:Tag|Tage|Tagen|Woche|Wochen)[ \t]+nach\b(?![ \t]+(?:Tag|Woche)\b)|am[ \t]+Tag[ \t]+nach"
    r"|(?:" + _HOW_MANY + r"[ \t]+)?(?:dzień|dni|tydzień|tygodnie|tygodni)[ \t]+po\b(?![ \t]+dniu)"
    r"|następnego[ \t]+dnia[ \t]+po|zeszłotygodniow\w+)",
    re.IGNORECASE,
)


_WORD = re.compile(r"[^\W\d_]{4,}")
_ANCHORED_WORDS = 8  # words after the anchor that name the earlier event ("a budget with a 4.8 percent deficit")
_STEM = 5  # letters a word and its forms share ("flood", "floods", "flooding"; "budget", "budgets")
# words of four letters or more that tell no event (function words, days, the reporting verb)
_NO_EVENT_WORDS = (
    "with", "from", "that", "this", "these", "those", "their", "there", "which", "when", "where", "while", "after",
    "before", "into", "over", "under", "about", "than", "then", "they", "them", "were", "have", "been", "being",
    "said", "says", "also", "more", "most", "only", "last", "next", "week", "weeks", "days", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "після", "перед", "який", "яка", "яке", "які", "його",
    "було", "були", "буде", "того", "цього", "також", "понеділ", "вівтор", "серед", "четвер", "п'ятни", "субот",
    "неділ", "после", "перед", "который", "которая", "которое", "были", "было", "будет", "того", "этого", "также",
    "понедел", "вторни", "среду", "четвер", "пятни", "суббот", "воскрес", "nach", "dass", "einer", "eines", "einem",
    "einen", "über", "wurde", "wurden", "sagte", "diese", "dieser", "montag", "dienstag", "mittwoch", "donnerstag",
    "freitag", "samstag", "sonntag", "przez", "który", "która", "które", "była", "było", "były", "oraz", "także",
    "poniedział", "wtorek", "środę", "czwartek", "piątek", "sobotę", "niedzielę",
)
_NO_EVENT = frozenset(w[:_STEM] for w in _NO_EVENT_WORDS)


def event_stems(text: str, names: Iterable[str] = ()) -> frozenset[str]:
    """The first letters (_STEM) of ``text``'s words that may tell an event: four letters or more,
    no function word or day, none of ``names`` (the same actors tell nothing of which event)."""
    skip = {part[:_STEM] for n in names for part in n.split("_")}  # a run of names ("karl_ost") holds each
    return frozenset(w[:_STEM] for w in (m.group().lower() for m in _WORD.finditer(text))
                     if w[:_STEM] not in _NO_EVENT and w[:_STEM] not in skip)


def anchored_stems(lede: str, names: Iterable[str] = ()) -> frozenset[str]:
    """The event stems (event_stems) of the words right after each place where a lede
    (lede_keys.lede_text) dates its event against an earlier one ("a day after", "after last
    week's flood", "через день після", "einen Tag nach", "dzień po"): what that earlier event was.
    Empty where it dates it against none."""
    out: set[str] = set()
    for m in _ANCHOR.finditer(lede):
        after = " ".join(re.split(r"[.;:!?\n]", lede[m.end():m.end() + 200], maxsplit=1)[0].split()[:_ANCHORED_WORDS])
        out |= event_stems(after, names)
    return frozenset(out)


def leads_with_newcomer(lede: Iterable[str], names: Iterable[str]) -> bool:
    """Whether one of the names a lede leads with (``lede``: lede_keys.lede_names) is, in no form,
    among ``names`` (every name the other side's reports write)."""
    lede = tuple(lede)
    return bool(lede) and names_missing(lede, names)


def dates_against(anchored: Iterable[str], earlier_lede: Iterable[str]) -> bool:
    """Whether the earlier event a lede dates its own against (``anchored``: anchored_stems) is
    what the other side's ledes tell (their event_stems): "a day after ... presented a budget"
    against "presented the 2027 budget"; "days after his debut" against a story of his knee
    injury is not (the injury reports' own background)."""
    mine = set(anchored)
    return bool(mine) and not mine.isdisjoint(earlier_lede)


def later_event(later_days: tuple[int, int], later_updates: bool, earlier_days: tuple[int, int], cue: bool) -> bool:
    """Whether a side published on the calendar days ``later_days`` (first, last) tells a later
    event than a side published on ``earlier_days``: every report of it came out a day or more
    after every report of the other, none tells an update (``later_updates``), and its lede says
    so (``cue``: dates_against, or leads_with_newcomer where that cue is on)."""
    return cue and not later_updates and later_days[0] > earlier_days[1]
