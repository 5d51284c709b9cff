"""A page whose `article:published_time` lies in the future is stored undated, as before, but now
says so in `warnings` and the log, as a JSONL record's or an API item's future date is (QA pass
27a, 11: dropped with `warnings: []`)."""

from __future__ import annotations

import logging

from storydiff.extract import extract_item
from storydiff.records import RawItem

PARAS = "".join(f"<p>{p}</p>" for p in [
    "Agriculture ministers from the 27 member states agreed late on Monday on a reform of aid to young "
    "farmers after twelve hours of talks in Brussels, diplomats said.",
    "The reform still needs the approval of the European Parliament, which is expected to vote in the "
    "spring, according to several officials who attended the meeting.",
])


def _page(published_time: str) -> str:
    return ("<html lang='en'><head><title>Ministers agree farm aid reform</title>"
            f"<meta property='article:published_time' content='{published_time}'></head>"
            f"<body><article><h1>Ministers agree farm aid reform</h1>{PARAS}</article></body></html>")


def test_future_tag_is_said(caplog):
    with caplog.at_level(logging.WARNING):
        article = extract_item(RawItem(source="farm.html", kind="html", content=_page("2099-03-02T21:40:00+01:00"),
                                       url="https://desk.example/farm-aid"))
    assert article.published is None
    assert len(article.warnings) == 1 and "2099-03-02T21:40:00+01:00" in article.warnings[0]
    assert "in the future" in article.warnings[0] and "stored undated" in article.warnings[0]
    assert any("2099-03-02" in r.getMessage() for r in caplog.records)


def test_past_tag_says_nothing():
    article = extract_item(RawItem(source="farm.html", kind="html", content=_page("2026-03-02T21:40:00+01:00"),
                                   url="https://desk.example/farm-aid"))
    assert article.published.startswith("2026-03-02") and article.warnings == []


def test_record_date_wins_without_a_word_about_the_tag():
    # a record that gives its own date: the page's tag is not what is stored, nothing to say of it
    article = extract_item(RawItem(source="farm.html", kind="html", content=_page("2099-03-02T21:40:00+01:00"),
                                   url="https://desk.example/farm-aid", meta={"published": "2026-03-02"}))
    assert article.published.startswith("2026-03-02") and article.warnings == []
