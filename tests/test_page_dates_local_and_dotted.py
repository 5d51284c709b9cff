"""Dates as Russian, Ukrainian and English outlets print them (QA pass 19b): a dotted date is day
first in every language, and a page's local day east of UTC is no future day."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storydiff.extract import html as html_extract
from storydiff.extract import metadata


def _page_date(date_line: str, body_first: str) -> str | None:
    lines = ["UNN", "Russian strike on Kharkiv: 3 killed, 21 injured", date_line, body_first,
             "According to him, the missiles hit a residential building in the Kyivskyi district."]
    kept = [False, False, False, True, True]
    return metadata.page_text_metadata(lines, kept, "\n".join(lines[3:]), title=lines[1],
                                       now=datetime(2026, 12, 7, 12, tzinfo=UTC))[0]


ENGLISH = "Three people were killed and 21 injured as a result of a Russian missile attack on Kharkiv overnight."


@pytest.mark.parametrize("date_line, expected", [
    ("06.12.2026 10:40", "2026-12-06T10:40:00"),
    ("06.12.2026", "2026-12-06"),
    ("6.12.2026, 10:40", "2026-12-06T10:40:00"),
    # a slash date stays month first in English (its order is the writer's, not fixed)
    ("12/06/2026", "2026-12-06"),
])
def test_a_dotted_date_in_english_page_text_is_day_first(date_line, expected):
    assert _page_date(date_line, ENGLISH) == expected


MIDNIGHT_MSK = """<!doctype html><html lang="ru"><head><meta charset="utf-8">
<title>Взрывы прогремели в Белгороде - Интерфакс</title>
<meta property="og:site_name" content="Интерфакс">
<meta property="article:published_time" content="2026-12-08T00:30:00+03:00">
</head><body><article><h1>Взрывы прогремели в Белгороде</h1>
<time datetime="2026-12-08T00:30:00+03:00">8 декабря 2026, 00:30</time>
<p>Несколько взрывов прогремели в Белгороде в воскресенье вечером, сообщил губернатор Белгородской области
Вячеслав Гладков. Информация о последствиях уточняется, работают экстренные службы города.</p>
<p>"В Белгороде работает ПВО. Информация о последствиях уточняется", - написал Гладков в своем канале.</p>
</article><footer>© 1991-2026 Интерфакс. Все права защищены.</footer></body></html>"""


@pytest.mark.parametrize("now, expected", [
    # ten minutes after publication: 8 December in Moscow, the 7th in UTC
    (datetime(2026, 12, 7, 21, 40, tzinfo=UTC), "2026-12-08T00:30:00+03:00"),
    (datetime(2026, 12, 9, 9, 0, tzinfo=UTC), "2026-12-08T00:30:00+03:00"),
    # before its moment: a future date, undated (never another day of the month)
    (datetime(2026, 12, 7, 21, 0, tzinfo=UTC), None),
])
def test_a_page_dated_after_local_midnight_east_of_utc_keeps_its_moment(monkeypatch, now, expected):
    monkeypatch.setattr(html_extract, "_now", lambda: now)
    page = html_extract.extract_html(MIDNIGHT_MSK, "https://www.interfax.ru/russia/1")
    assert page.published == expected


KYIV_LOCAL = MIDNIGHT_MSK.replace("2026-12-08T00:30:00+03:00", "2026-12-07T14:00:00")  # no offset: a CMS's local time


@pytest.mark.parametrize("now, expected", [
    # 30 and 90 minutes after a Kyiv 14:00 (12:00 UTC): later than 11:00 UTC, earlier than 14:00 UTC
    (datetime(2026, 12, 7, 12, 30, tzinfo=UTC), "2026-12-07T14:00:00"),
    (datetime(2026, 12, 7, 13, 30, tzinfo=UTC), "2026-12-07T14:00:00"),
    # its day has not begun anywhere: future, undated
    (datetime(2026, 12, 6, 9, 0, tzinfo=UTC), None),
])
def test_a_fresh_page_with_a_local_time_without_offset_keeps_its_date(monkeypatch, now, expected):
    # review 19: the offset-less time was compared with now as UTC, so a page under 2-3 hours old
    # was "future" and stored undated; only its day can be compared
    monkeypatch.setattr(html_extract, "_now", lambda: now)
    page = html_extract.extract_html(KYIV_LOCAL, "https://www.interfax.ru/russia/1")
    assert page.published == expected


RUSSIAN = ("Российские военные в ночь на воскресенье поразили пункт временной дислокации украинских "
           "подразделений и склад боеприпасов в Харькове, сообщили в Минобороны России.")
UKRAINIAN = "Російські війська в ніч на неділю атакували Харків ударними дронами, повідомив голова ОВА."


@pytest.mark.parametrize("date_line, body, expected", [
    ("06.12.2026 14:30 МСК", RUSSIAN, "2026-12-06T14:30:00+03:00"),
    ("06.12.2026, 14:30 (МСК)", RUSSIAN, "2026-12-06T14:30:00+03:00"),
    ("6 декабря 2026, 14:30 (мск)", RUSSIAN, "2026-12-06T14:30:00+03:00"),
    ("6 декабря 2026, 14:30 по московскому времени", RUSSIAN, "2026-12-06T14:30:00+03:00"),
    ("6 грудня 2026, 14:30 за київським часом", UKRAINIAN, "2026-12-06T14:30:00+02:00"),
    ("6 December 2026, 14:30 Kyiv time", ENGLISH, "2026-12-06T14:30:00+02:00"),
    # no zone named: as before (UTC unless one is assumed)
    ("06.12.2026 14:30", RUSSIAN, "2026-12-06T14:30:00"),
])
def test_moscow_and_kyiv_time_named_in_words_is_that_zones(date_line, body, expected):
    assert _page_date(date_line, body) == expected


@pytest.mark.parametrize("value, expected", [
    ("06.12.2026 14:30 МСК", "2026-12-06T14:30:00+03:00"),
    ("06.12.2026 14:30 (мск)", "2026-12-06T14:30:00+03:00"),
    ("2026-12-06 14:30 за київським часом", "2026-12-06T14:30:00+02:00"),
])
def test_a_records_date_with_moscow_or_kyiv_time_in_words_is_read(monkeypatch, value, expected):
    from storydiff.extract import normalize_date

    monkeypatch.setenv("STORYDIFF_ASSUME_TZ", "Europe/Warsaw")  # the named zone wins over the assumed one
    assert normalize_date(value, now=datetime(2026, 12, 7, tzinfo=UTC)) == expected


def test_a_word_that_holds_msk_is_no_zone():
    from storydiff.extract.zone_words import zone_in_words

    assert zone_in_words("Мскаленко 14:30") == ("Мскаленко 14:30", None)


UNN_UK = ("Російські війська в ніч на понеділок атакували Харків ударними дронами, загинув один чоловік, "
          "ще дев'ятеро людей поранені.\nЗа його словами, дрони влучили у складські приміщення та житловий сектор.\n")


def _captured_page(date_line: str, captured: str | None):
    from storydiff.extract import extract_item
    from storydiff.records import RawItem

    meta = {"crawled": captured} if captured else {}
    page = f"УНН\nРосія знову атакувала Харків дронами\n{date_line}\n{UNN_UK}"
    return extract_item(RawItem(source="unn.txt", kind="text", content=page, meta=meta)).published


@pytest.mark.parametrize("date_line, expected", [
    ("сьогодні, 09:30", "2026-12-07T09:30:00"),
    ("Сьогодні 09:30", "2026-12-07T09:30:00"),
    ("вчора, 22:15", "2026-12-06T22:15:00"),
    ("Today, 09:30", "2026-12-07T09:30:00"),
    ("2 години тому", "2026-12-07T08:00:00"),
    ("7 грудня, 09:30", "2026-12-07T09:30:00"),
    ("25 грудня, 09:30", "2025-12-25T09:30:00"),  # a day after the capture is last year's
])
def test_relative_and_yearless_dates_are_read_against_the_capture_time(date_line, expected):
    assert _captured_page(date_line, "2026-12-07T10:00:00+00:00") == expected


@pytest.mark.parametrize("date_line", ["сьогодні, 09:30", "вчора, 22:15", "2 години тому", "7 грудня, 09:30"])
def test_relative_dates_without_a_capture_time_stay_undated(date_line):
    # never the time of the run: an archive read a year later would be dated today
    assert _captured_page(date_line, None) is None


def test_a_russian_relative_date_line_and_a_duration():
    lines = ["Лента", "Удар по Харькову", "вчера в 22:15", RUSSIAN, "Второй абзац новости о событии в городе."]
    kept = [False, False, False, True, True]
    captured = datetime(2026, 12, 7, 10, tzinfo=UTC)
    assert metadata.published_from_lines(lines, kept, title=lines[1], now=captured, language="ru") == "2026-12-06T22:15:00"
    lines[2] = "2 часа"  # a duration, not a date
    assert metadata.published_from_lines(lines, kept, title=lines[1], now=captured, language="ru") is None


# -- an HTML page dated only by its visible date line (QA pass 20b, 02) --------------------------

def _captured_html(date_line: str, captured: str | None = "2026-12-07T10:00:00+00:00", tags: str = ""):
    from storydiff.extract import extract_item
    from storydiff.records import RawItem

    body = "".join(f"<p>{p}</p>" for p in UNN_UK.strip().split("\n"))
    html = (f"<html lang='uk'><head><title>Росія знову атакувала Харків дронами</title>{tags}</head><body>"
            f"<nav>Новини | Політика</nav><article><h1>Росія знову атакувала Харків дронами</h1>"
            f"<div class='meta'><span class='date'>{date_line}</span></div>{body}</article>"
            f"<footer>© 2026 УНН</footer></body></html>")
    meta = {"crawled": captured} if captured else {}
    return extract_item(RawItem(source="crawl.warc#unn", kind="html", content=html, meta=meta,
                                url="https://unn.example.ua/news/1")).published


@pytest.mark.parametrize("date_line, expected", [
    ("07.12.2026 09:30", "2026-12-07T09:30:00"),  # htmldate reads the day; the line gives its time
    ("7 грудня 2026, 09:30", "2026-12-07T09:30:00"),
    ("сьогодні, 09:30", "2026-12-07T09:30:00"),  # against the capture time, as page text is
    ("вчора, 22:15", "2026-12-06T22:15:00"),
])
def test_an_html_page_dated_only_by_its_visible_line_keeps_its_time(date_line, expected):
    assert _captured_html(date_line) == expected


def test_an_html_pages_time_tag_still_wins_over_its_visible_line():
    tags = "<meta property='article:published_time' content='2026-12-07T06:10:00+02:00'>"
    assert _captured_html("07.12.2026 09:30", tags=tags) == "2026-12-07T06:10:00+02:00"
    # without a capture time a relative line dates nothing
    assert _captured_html("сьогодні, 09:30", captured=None) is None
