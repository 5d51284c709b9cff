"""A story's growth bounded as a whole, not pair by pair (QA pass 23a, 01): a month of daily reports
of one kind of event, told with one template, chained into a few month-long stories because each
next day's report needed to match only the story's latest days (the date veto reads a story's days
as one union).

Written fixtures of a fictional country: an agency reports the night's drone attack on the city of
Ravel every morning for a week, each with its own figures and its date in the lede, and a second
outlet copies each report word for word but for its headline; the next morning's report of the same
night is the update a story must still take."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from storydiff.match import MatchDoc
from storydiff.match.clusterer import OnlineClusterer
from storydiff.match.event_dates import publication_day
from storydiff.settings import MatchSettings

_FIGURES = [(3, 12, 41), (5, 9, 37), (2, 17, 52), (6, 8, 29), (4, 21, 46), (7, 11, 33), (1, 14, 58)]


def _report(day: date, killed: int, injured: int, drones: int) -> tuple[str, str]:
    when = f"{day.day} {day:%B}"  # the C locale's English month name
    title = f"{killed} killed, {injured} injured in overnight drone attack on Ravel"
    text = (
        f"Russian drones attacked Ravel overnight on {when}, killing {killed} people and injuring {injured} "
        f"others, governor Milo Ashk said on Telegram. Air defence shot down {drones - 3} of {drones} drones "
        "over the region, the air force said. A residential building and an infrastructure facility were "
        "damaged and rescuers are working at the scene, the governor wrote."
    )
    return title, text


def _week() -> list[MatchDoc]:
    docs = []
    for i, figures in enumerate(_FIGURES):
        day = date(2026, 11, 10) + timedelta(days=i)
        title, text = _report(day, *figures)
        docs.append(MatchDoc(f"agency-{i}", text, title, f"{day.isoformat()}T07:00:00+00:00", language="en"))
        docs.append(MatchDoc(f"copy-{i}", text, f"Ravel: {title}", f"{day.isoformat()}T09:30:00+00:00", language="en"))
    return docs


def _place(docs: list[MatchDoc], settings: MatchSettings | None = None) -> dict[str, str]:
    c = OnlineClusterer(settings)
    placed = [(d, c.add(d)) for d in docs]
    return {d.id: c.resolve(sid) for d, sid in placed}


def _spans(docs: list[MatchDoc], story_of: dict[str, str]) -> dict[str, int]:
    days: dict[str, list[int]] = defaultdict(list)
    for d in docs:
        days[story_of[d.id]].append(publication_day(d.published))
    return {sid: max(v) - min(v) for sid, v in days.items()}


def test_a_week_of_daily_reports_does_not_chain_into_one_story():
    docs = _week()
    story_of = _place(docs)
    bound = MatchSettings().event_story_span_days
    assert max(_spans(docs, story_of).values()) <= bound
    assert story_of["agency-0"] != story_of["agency-6"]


def test_a_copy_joins_its_source_and_the_bound_keeps_reprints_of_later_days_out():
    docs = _week()
    story_of = _place(docs)
    # each copy joins its own day's report (a reprint) ...
    assert all(story_of[f"copy-{i}"] == story_of[f"agency-{i}"] for i in range(len(_FIGURES)))
    # ... and no copy of a later day's report reaches the first day's story
    assert {story_of[f"copy-{i}"] for i in range(4, len(_FIGURES))}.isdisjoint({story_of["agency-0"]})


def test_the_next_mornings_update_still_joins():
    day = date(2026, 11, 10)
    title, text = _report(day, 3, 12, 41)
    update = (
        "Death toll in Ravel drone attack rises to 4",
        f"The number of people killed in the overnight drone attack on Ravel on {day.day} November has risen "
        "to 4, governor Milo Ashk said on Telegram, and 12 people remain in hospital. Air defence shot down "
        "38 of 41 drones over the region, the air force said.",
    )
    docs = [
        MatchDoc("first", text, title, "2026-11-10T07:00:00+00:00", language="en"),
        MatchDoc("update", update[1], update[0], "2026-11-11T08:00:00+00:00", language="en"),
    ]
    story_of = _place(docs)
    assert story_of["first"] == story_of["update"]


def test_the_bound_off_restores_the_union_reading():
    """-1 turns the bound off (the setting is read, not ignored): the bound is what keeps the week apart here."""
    docs = _week()
    off = _place(docs, MatchSettings(event_story_span_days=-1))
    on = _place(docs)
    assert max(_spans(docs, on).values()) <= MatchSettings().event_story_span_days
    assert len(set(on.values())) >= len(set(off.values()))


def test_a_later_report_naming_the_storys_event_day_joins_it_past_the_bound():
    # review 23c, F3: the bound counted publication days only, so the fifth day's toll update of
    # one earthquake, its lede naming the quake's day, was split from the story
    def doc(doc_id: str, toll: int, published: str, opening: str) -> MatchDoc:
        text = (f"{opening} the magnitude 6.8 earthquake that struck Berovac on 9 November rose to {toll}, "
                "governor Milo Ashk said, as rescuers searched collapsed buildings. The army sent 300 soldiers "
                "to help clear the rubble in Berovac, the defence ministry said.")
        return MatchDoc(doc_id, text, f"Berovac earthquake death toll rises to {toll}", published, language="en")

    docs = [doc("first", 14, "2026-11-09T08:00:00+00:00", "The death toll from"),
            doc("next-day", 31, "2026-11-10T08:00:00+00:00", "The death toll from"),
            doc("day-5", 58, "2026-11-14T08:00:00+00:00", "The death toll from")]
    story = _place(docs)
    assert story["first"] == story["next-day"] == story["day-5"]
