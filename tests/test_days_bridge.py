"""Related events of neighbouring days kept apart (round 22): a weekday after "next" is the coming
one only, and an article naming two days does not merge the two days' stories.

Written fixtures of a fictional country: a drone strike on the city of Ravel on Sunday, told by
two outlets, and the president's visit there on Monday, told by two outlets, the second of which
names both days ("on Monday ... where Sunday's strike killed five"); a state airline's job cuts on
Monday and the union's strike called that evening "for next Thursday"."""

from __future__ import annotations

from datetime import date

from storydiff.match import MatchDoc
from storydiff.match.clusterer import OnlineClusterer
from storydiff.match.event_dates import event_days
from storydiff.settings import MatchSettings

STRIKE_1 = (
    "Five killed in drone strike on Ravel",
    "Russian-made drones hit the city of Ravel early on Sunday, killing five people and setting the "
    "central market on fire, governor Milo Ashk said. Air defence shot down 19 of 26 drones, the air "
    "force said. Power was cut in three districts of Ravel.",
)
STRIKE_2 = (
    "Drone attack on Ravel kills five, market burns",
    "Five people died when drones struck Ravel on Sunday morning, governor Milo Ashk said, and the city's "
    "central market burned for hours. The air force said 19 of the 26 drones were downed. Three districts "
    "of Ravel lost power.",
)
VISIT_1 = (
    "President Orel visits Ravel, pledges air defence",
    "President Danu Orel visited Ravel on Monday and promised the city two more air defence systems. "
    "Standing at the burned central market with governor Milo Ashk, Orel said power would be restored "
    "within a week. He laid flowers for the dead.",
)
VISIT_2 = (
    "Orel in Ravel: two air defence systems pledged",
    "Danu Orel travelled to Ravel on Monday, where Sunday's drone strike killed five people, and pledged "
    "two air defence systems for the city. The president toured the burned central market with governor "
    "Milo Ashk and said power would return within a week.",
)
CUTS = (
    "Airline Aerven to cut 900 jobs",
    "State airline Aerven will cut 900 jobs and close its maintenance base in Ravel, chief executive Ida "
    "Smolk said on Monday, after a loss of 240 million crowns in the first half. Most of the posts will go "
    "in ground handling and ticket offices.",
)
CALL = (
    "Pilots' union calls strike over Aerven cuts",
    "The pilots' union called a 24-hour strike for next Thursday in protest at Aerven's plan to cut 900 "
    "jobs, union leader Pavo Grint said on Monday evening. Aerven chief Ida Smolk called the strike "
    "irresponsible and said talks remained open.",
)


def _doc(doc_id: str, report: tuple[str, str], published: str) -> MatchDoc:
    title, text = report
    return MatchDoc(doc_id, text, title, published, language="en")


def _days(text: str, published: str) -> list[str]:
    return [date.fromordinal(lo).isoformat() for lo, _ in event_days(text, "en", published)]


def test_next_weekday_is_the_coming_one_only():
    monday = "2026-06-01T18:00:00+00:00"
    assert _days("The union called a strike for next Thursday, its leader said.", monday) == ["2026-06-04"]
    assert event_days("Профспілка оголосила страйк наступного четверга.", "uk", monday) == event_days(
        "The union called a strike for next Thursday.", "en", monday)
    assert _days("Die Gewerkschaft ruft für kommenden Donnerstag zum Streik auf.", monday) == ["2026-06-04"]
    # without "next" a future sentence keeps both readings, and a past one the last Thursday
    assert _days("Workers will strike from Thursday, the union said.", monday) == ["2026-05-28", "2026-06-04"]
    assert _days("The strike began on Thursday, the union said.", monday) == ["2026-05-28"]


def _place(settings: MatchSettings, docs: list[MatchDoc]) -> dict[str, str]:
    c = OnlineClusterer(settings)
    sids = {d.id: c.add(d) for d in docs}
    return {i: c.resolve(s) for i, s in sids.items()}


def _visit_stream() -> list[MatchDoc]:
    return [
        _doc("strike-1", STRIKE_1, "2026-06-07T06:10:00+00:00"),
        _doc("strike-2", STRIKE_2, "2026-06-07T09:00:00+00:00"),
        _doc("visit-1", VISIT_1, "2026-06-08T12:30:00+00:00"),
        _doc("visit-2", VISIT_2, "2026-06-08T15:00:00+00:00"),
    ]


def test_an_article_naming_both_days_does_not_merge_the_two_days_stories():
    got = _place(MatchSettings(), _visit_stream())
    assert got["strike-1"] == got["strike-2"]
    assert got["visit-1"] == got["visit-2"] != got["strike-1"]
    off = _place(MatchSettings(bridge_shared_days=False), _visit_stream())
    assert off["visit-2"] == off["strike-1"] == off["visit-1"]  # the bridge merged them


def test_a_strike_called_for_next_thursday_stays_out_of_the_cuts_story():
    docs = [_doc("cuts", CUTS, "2026-06-01T07:30:00+00:00"), _doc("call", CALL, "2026-06-01T18:40:00+00:00")]
    got = _place(MatchSettings(), docs)
    assert got["cuts"] != got["call"]
    # read as last Thursday as well (before), the call's day fell in the week its statement covers
    assert event_days(CALL[1], "en", "2026-06-01T18:40:00+00:00") == ((date(2026, 6, 4).toordinal(),) * 2,)


def test_a_later_year_in_the_sentence_keeps_its_weekday():
    tuesday = "2026-09-15T11:00:00+00:00"
    assert _days("Finance Minister Karl Ost presented the 2027 budget to parliament on Tuesday.", tuesday) == ["2026-09-15"]
    # an earlier year is an old event's or an old page's: no day, as before
    assert _days("On Tuesday, March 11, 2013, the minister presented the budget.", tuesday) == []
    assert _days("The minister, who presented the 2025 budget, resigned on Tuesday.", tuesday) == []


def test_a_weekday_in_a_full_date_of_a_later_year_is_that_dates():
    """Review 22d, r4: "on Thursday, June 10, 2027" in a paper of 7 Dec 2026 was read as 3 and 10
    December 2026 (this week's Thursday), and two reports of one announcement split."""
    from storydiff.match.event_dates import event_days

    days = event_days("NATO leaders will meet in Ankara on Thursday, June 10, 2027, the alliance said.", "en",
                      "2026-12-07T09:00:00Z")
    assert not any(d.year == 2026 and d.month == 12 for d in days)
