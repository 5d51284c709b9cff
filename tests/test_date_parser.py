"""Dates are read in the page's language (or the languages storydiff is for), never by a
dateparser that tries all of its ~200 locales: that search compiled every locale's patterns in
each process (~9 s of CPU) for strings it could not read anyway."""

from __future__ import annotations

import htmldate.extractors

from storydiff.extract import date_parser


def test_languages_are_the_pages_and_english_or_the_default_set():
    assert date_parser.languages_for("uk") == ("uk", "en")
    assert date_parser.languages_for("de-AT") == ("de", "en")
    assert date_parser.languages_for("en-GB") == ("en",)
    assert date_parser.languages_for(None) == date_parser.DEFAULT_LANGUAGES
    assert date_parser.languages_for("xx-made-up") == date_parser.DEFAULT_LANGUAGES


def test_htmldate_external_parser_is_held_to_the_page_language():
    with date_parser.page_languages("pl"):
        parser = htmldate.extractors.get_external_parser()
        assert parser.languages == ["pl", "en"]
    assert htmldate.extractors.get_external_parser().languages == list(date_parser.DEFAULT_LANGUAGES)


def test_held_parser_still_reads_dates_in_the_page_language():
    assert date_parser.parse("12 березня 2021", "uk").date().isoformat() == "2021-03-12"
    assert date_parser.parse("3. Mai 2022", None).date().isoformat() == "2022-05-03"
    assert date_parser.parse("Published whenever", "en") is None


def _page_with_date(lang: str) -> str:
    body = " ".join(["Text of the article goes on for a while here."] * 5)
    return (f'<html lang="{lang}"><head><title>T</title></head><body><article><h1>Head</h1><p>{body}</p>'
            '<p class="date">12 березня 2021</p></article></body></html>')


def test_a_pages_date_does_not_depend_on_the_page_read_before_it():
    """htmldate keeps each date string's reading: an English page that cannot read "12 березня
    2021" must not leave a Ukrainian page after it without its date."""
    from storydiff.extract.html import find_published, parse_html

    assert find_published(parse_html(_page_with_date("en"))) is None  # not read in English
    assert find_published(parse_html(_page_with_date("uk"))) == "2021-03-12"
    assert find_published(parse_html(_page_with_date("en"))) is None
