"""A page's clock printed before its date on the 24-hour clock (QA pass 24a, 06): Meduza's
"21:40, 4 декабря 2026" was read as a bare day, so the page sorted before every timed report of
that day and became the story's first report."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storydiff.extract import extract_item, metadata
from storydiff.records import RawItem

BODY_RU = ("Страны ЕС в пятницу утвердили 22-й пакет санкций против России. Об этом сообщает Reuters "
           "со ссылкой на заявление Евросоюза.")
BODY_UK = "Країни ЄС у п'ятницю ухвалили 22-й пакет санкцій проти Росії. Про це повідомляє Reuters з посиланням на ЄС."
BODY_PL = "Państwa UE zatwierdziły w piątek 22. pakiet sankcji wobec Rosji. Poinformowała o tym agencja Reuters."
BODY_EN = "EU states on Friday adopted a 22nd package of sanctions against Russia, the bloc's council said in a statement."
BODY_DE = "Die EU-Staaten haben am Freitag das 22. Sanktionspaket gegen Russland beschlossen. Das teilte der Rat mit."


def _page_date(date_line: str, body_first: str = BODY_RU) -> str | None:
    lines = ["Meduza", "Евросоюз утвердил 22-й пакет санкций против России", date_line, body_first, body_first]
    kept = [False, False, False, True, True]
    return metadata.page_text_metadata(lines, kept, "\n".join(lines[3:]), title=lines[1],
                                       now=datetime(2026, 12, 7, 12, tzinfo=UTC))[0]


@pytest.mark.parametrize("date_line, body, expected", [
    ("21:40, 4 декабря 2026", BODY_RU, "2026-12-04T21:40:00"),
    ("21:40 4 декабря 2026", BODY_RU, "2026-12-04T21:40:00"),
    ("13:05 | 06.12.2026", BODY_RU, "2026-12-06T13:05:00"),
    ("09:10, 4 грудня 2026", BODY_UK, "2026-12-04T09:10:00"),
    ("7:05 • 4 grudnia 2026", BODY_PL, "2026-12-04T07:05:00"),
    ("14:32, 4. Dezember 2026", BODY_DE, "2026-12-04T14:32:00"),
    # the orders already read stay as they were
    ("4 декабря 2026, 21:40", BODY_RU, "2026-12-04T21:40:00"),
    ("04.12.2026 21:40", BODY_RU, "2026-12-04T21:40:00"),
])
def test_clock_before_the_date_is_read(date_line, body, expected):
    assert _page_date(date_line, body) == expected


def test_no_clock_is_no_time():
    assert _page_date("4 декабря 2026") == "2026-12-04"


def test_pasted_page_gets_its_time():
    page = "\n".join(["Meduza", "Новости", "Евросоюз утвердил 22-й пакет санкций против России",
                      "21:40, 4 декабря 2026", "Источник: Meduza", BODY_RU,
                      "В черный список внесены 118 судов так называемого теневого флота. Кроме того, ЕС заморозит "
                      "активы еще на 2,1 млрд евро.",
                      "Меры вступят в силу 15 января 2027 года, сообщили в Брюсселе представители Евросоюза."])
    article = extract_item(RawItem(source="meduza.txt", kind="text", content=page))
    assert article.published is not None and article.published.startswith("2026-12-04T")
    assert "21:40" in article.published or "18:40" in article.published


@pytest.mark.parametrize("date_line, body, expected", [
    # a word after the clock is no time zone unless written in capitals: "Get" was read as Georgia (+04:00)
    ("4 декабря 2026, 21:40 Get short URL", BODY_RU, "2026-12-04T21:40:00"),
    ("21:17 18.11.2019 Get short URL", BODY_RU, "2019-11-18T21:17:00"),
    ("6 декабря 2026, 10:15 MSK", BODY_RU, "2026-12-06T10:15:00+03:00"),
    # "on" between the clock and the date, any case (it was read as a zone before: the time kept)
    ("3:21pm On Mar 09, 2023", BODY_EN, "2023-03-09T15:21:00"),
    ("10:30 am on December 6, 2026", BODY_EN, "2026-12-06T10:30:00"),
])
def test_a_zone_is_an_abbreviation_in_capitals(date_line, body, expected):
    assert _page_date(date_line, body) == expected
