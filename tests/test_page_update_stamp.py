"""QA pass 25a, 10: a page's printed update stamp ("Оновлено: 1 грудня 2026, 18:05") is its
modified time, as HTML's dateModified is, even where a publication line dates the page (the
revision of an updated report had "no time recorded")."""

from __future__ import annotations

import pytest

from storydiff.extract import extract_item, metadata
from storydiff.records import RawItem

TITLE = "Російські дрони вбили чотирьох людей у Харкові"
BODY = ("Російські ударні дрони рано вранці у вівторок атакували житловий масив Київського району Харкова: загинули "
        "четверо людей, ще 21 поранений, серед них двоє дітей, повідомив голова ОВА Олег Синєгубов.")
SECOND = "П'ятиповерховий житловий будинок частково зруйновано, пошкоджено 40 квартир, повідомив міський голова."


# the lede in each language a stamp is tested in (the date is read in the body's language)
LEDES = {
    "uk": BODY,
    "ru": ("Российские ударные дроны рано утром во вторник атаковали жилой массив Киевского района Харькова: погибли "
           "четыре человека, еще 21 ранен, среди них двое детей, сообщил глава ОВА Олег Синегубов."),
    "en": ("Russian attack drones struck a residential area of Kharkiv's Kyivskyi district early on Tuesday, killing "
           "four people and injuring 21, including two children, regional governor Oleh Syniehubov said."),
    "de": ("Russische Kampfdrohnen haben am frühen Dienstagmorgen ein Wohnviertel im Kyjiwskyj-Bezirk von Charkiw "
           "angegriffen und vier Menschen getötet, 21 wurden verletzt, teilte Gouverneur Oleh Synjehubow mit."),
    "pl": ("Rosyjskie drony uderzyły we wtorek rano w osiedle mieszkaniowe w dzielnicy Kijowskiej Charkowa, zginęły "
           "cztery osoby, a 21 zostało rannych, w tym dwoje dzieci, poinformował gubernator Ołeh Syniehubow."),
}


def _metadata(*date_lines: str, language: str = "uk") -> tuple[str | None, str | None]:
    """(published, modified) of a page text with ``date_lines`` under its headline."""
    lines = ["Слобідський вісник", TITLE, *date_lines, LEDES[language], LEDES[language]]
    kept = [False] * (2 + len(date_lines)) + [True, True]
    published, _, _, modified = metadata.page_text_metadata(lines, kept, "\n".join(lines[-2:]), title=TITLE)
    return published, modified


@pytest.mark.parametrize("language, published, stamp", [
    ("uk", "1 грудня 2026, 10:40", "Оновлено: 1 грудня 2026, 18:05"),
    ("ru", "1 декабря 2026, 10:40", "Обновлено: 1 декабря 2026, 18:05"),
    ("en", "December 1, 2026, 10:40 AM", "Updated: December 1, 2026, 6:05 PM"),
    ("de", "1. Dezember 2026, 10:40 Uhr", "Aktualisiert: 1. Dezember 2026, 18:05 Uhr"),
    ("pl", "1 grudnia 2026, 10:40", "Aktualizacja: 1 grudnia 2026, 18:05"),
])
def test_an_update_stamp_beside_the_publication_line_is_the_modified_time(language, published, stamp):
    assert _metadata(published, stamp, language=language) == ("2026-12-01T10:40:00", "2026-12-01T18:05:00")


def test_a_page_without_an_update_stamp_has_no_modified_time():
    assert _metadata("1 грудня 2026, 10:40") == ("2026-12-01T10:40:00", None)


def test_an_update_stamp_without_its_time_of_day_orders_nothing():
    # as the HTML tag's: a bare day orders no two versions of one day's page
    assert _metadata("1 грудня 2026, 10:40", "Оновлено: 1 грудня 2026") == ("2026-12-01T10:40:00", None)


def test_an_update_stamp_alone_is_publication_and_modified_time_as_before():
    assert _metadata("Оновлено: 1 грудня 2026, 18:05") == ("2026-12-01T18:05:00", "2026-12-01T18:05:00")


def test_an_html_page_s_printed_update_stamp_is_its_modified_time_without_a_tag():
    page = (f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
            "<p>1 грудня 2026, 10:40</p><p>Оновлено: 1 грудня 2026, 18:05</p>"
            f"<p>{BODY}</p><p>{SECOND}</p><p>{SECOND.replace('40', '41')}</p></article></body></html>")
    article = extract_item(RawItem(source="a3.html", kind="html", content=page))
    assert article.modified == "2026-12-01T18:05:00"


@pytest.mark.parametrize("sentence", [
    "Графік оновлено 1 грудня 2025, 18:05, і відтоді він не змінювався, нагадали в Укрзалізниці.",
    "The timetable was updated on December 1, 2025, 18:05, and has not changed since, the company said.",
])
def test_a_date_in_a_body_sentence_is_no_update_stamp(sentence):
    # review 25b: a body sentence saying when something was updated was read as the page's own
    # update stamp (a modified time a year before the page was published)
    lines = ["Слобідський вісник", TITLE, "2 грудня 2026, 09:15", LEDES["uk"], sentence, LEDES["uk"]]
    kept = [False, False, False, True, True, True]
    published, _, _, modified = metadata.page_text_metadata(lines, kept, "\n".join(lines[3:]), title=TITLE)
    assert (published, modified) == ("2026-12-02T09:15:00", None)


def test_a_date_in_an_html_body_sentence_is_no_update_stamp():
    sentence = "Графік оновлено 1 грудня 2025, 18:05, і відтоді він не змінювався, нагадали в Укрзалізниці."
    page = (f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
            f"<p>2 грудня 2026, 09:15</p><p>{BODY}</p><p>{sentence}</p><p>{SECOND}</p></article></body></html>")
    assert extract_item(RawItem(source="a4.html", kind="html", content=page)).modified is None


def test_an_update_stamp_before_the_publication_is_another_articles():
    # review 25b: a sidebar teaser's "Оновлено: 30 листопада" above the headline was read as the
    # page's modified time, two days before the page was published
    assert _metadata("Оновлено: 30 листопада 2026, 18:05", "1 грудня 2026, 10:40") == ("2026-12-01T10:40:00", None)


def test_an_html_pages_update_stamp_before_its_publication_is_none():
    page = (f"<html><head><title>{TITLE}</title></head><body><aside><p>Світло вимикатимуть за графіком</p>"
            f"<p>Оновлено: 30 листопада 2026, 18:05</p></aside><article><h1>{TITLE}</h1>"
            f"<p>1 грудня 2026, 10:40</p><p>{BODY}</p><p>{SECOND}</p><p>{SECOND.replace('40', '41')}</p></article></body></html>")
    assert extract_item(RawItem(source="a5.html", kind="html", content=page)).modified is None


def _tagged_page(stamp: str, *, modified_tag: str = "") -> str:
    """A page whose tags give its publication time (with its offset), and ``stamp`` printed under it."""
    return (f"<html><head><title>{TITLE}</title>"
            '<meta property="article:published_time" content="2026-12-01T10:40:00+02:00">'
            f"{modified_tag}</head><body><article><h1>{TITLE}</h1>"
            f'<time datetime="2026-12-01T10:40:00+02:00">1 грудня 2026, 10:40</time> <span>{stamp}</span>'
            f"<p>{BODY}</p><p>{SECOND}</p><p>{SECOND.replace('40', '41')}</p></article></body></html>")


def test_a_tagged_html_pages_printed_update_stamp_is_its_modified_time_in_the_tags_zone():
    # QA pass 26c, 2: the tags gave the publication time to the minute and no modified time; the
    # visible "Оновлено: ..., 14:35" was read for page text but not for HTML, so a saved update
    # had no time and was ordered by its file name (page-v10 before page-v2), its edit reversed
    article = extract_item(RawItem(source="v10.html", kind="html", content=_tagged_page("Оновлено: 1 грудня 2026, 18:05")))
    assert (article.published, article.modified) == ("2026-12-01T10:40:00+02:00", "2026-12-01T18:05:00+02:00")


def test_a_modified_tag_wins_over_the_printed_stamp_and_the_tags_time_stands():
    tag = '<meta property="article:modified_time" content="2026-12-01T17:00:00+02:00">'
    article = extract_item(RawItem(source="v11.html", kind="html",
                                   content=_tagged_page("Оновлено: 1 грудня 2026, 18:05", modified_tag=tag)))
    assert (article.published, article.modified) == ("2026-12-01T10:40:00+02:00", "2026-12-01T17:00:00+02:00")


def test_a_tagged_html_page_without_an_update_stamp_has_no_modified_time():
    article = extract_item(RawItem(source="v12.html", kind="html", content=_tagged_page("Київ")))
    assert (article.published, article.modified) == ("2026-12-01T10:40:00+02:00", None)
