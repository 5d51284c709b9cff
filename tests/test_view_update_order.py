"""QA pass 26c, 14: "numbers differ (killed): п'ятеро (Укрінформ) vs Three (Ukrinform)" did not say
that the English report was published (08:25 UTC) before Ukrinform updated its Ukrainian one (12:35
UTC): the summary line now says so, where one side's reports all predate an update on the other."""

from __future__ import annotations

from storydiff.records import Article
from storydiff.serve.view import _with_update_order

LINE = "numbers differ (killed): п'ятеро людей (Укрінформ, Kyiv Post) vs Three people (Ukrinform)"


def _article(aid: str, published: str, modified: str | None = None) -> Article:
    return Article(id=aid, source=f"{aid}.html", text="…", published=published, modified=modified)


def _said(uk_modified: str | None, en_published: str = "2026-12-05T10:25:00+02:00") -> str:
    by_label = {"Укрінформ": _article("uk", "2026-12-05T09:10:00+02:00", uk_modified),
                "Kyiv Post": _article("kp", "2026-12-05T16:40:00+02:00"),
                "Ukrinform": _article("en", en_published)}
    return _with_update_order(LINE, [LINE], by_label)


def test_a_report_published_before_the_other_sides_update_is_said_to_predate_it():
    assert _said("2026-12-05T14:35:00+02:00") == (
        f"{LINE} — Ukrinform published 2026-12-05 08:25 UTC, before Укрінформ's update at 2026-12-05 12:35 UTC")


def test_no_update_or_one_before_the_report_says_nothing():
    assert _said(None) == LINE
    assert _said("2026-12-05T10:00:00+02:00") == LINE  # updated before the English report was published
    assert _said("2026-12-05T14:35:00+02:00", en_published="2026-12-05T15:00:00+02:00") == LINE


def test_a_label_inside_another_is_not_read_as_it():
    # "Укрінформ #2" on a side is not "Укрінформ"
    line = "numbers differ: 35 (Укрінформ #2) vs 38 (Ukrinform)"
    by_label = {"Укрінформ": _article("uk", "2026-12-05T09:10:00+02:00", "2026-12-05T14:35:00+02:00"),
                "Ukrinform": _article("en", "2026-12-05T10:25:00+02:00")}
    assert _with_update_order(line, [line], by_label) == line
