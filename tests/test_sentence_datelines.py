"""QA pass 25a, 01 and 09: the place and day as a sentence of their own ("Харків, 2 грудня.") are
a dateline: read as one (the article's dateline, stripped where a sentence's words are read), and
never taken for the day the event happened on. A correction filed on Wednesday about Tuesday's
attack, its opening "Харків, 2 грудня." read as the event's day, chained Tuesday's attack to
Thursday's evacuation and Friday's visit in one story."""

from __future__ import annotations

from datetime import date

import pytest

from storydiff.extract import extract_item
from storydiff.extract.metadata import dateline, dateline_agency, dateline_match, without_dateline
from storydiff.match.event_dates import days_apart, event_days
from storydiff.records import RawItem

# Wednesday 2 December 2026, Kyiv time; Tuesday is the 1st
FILED = "2026-12-02T09:15:00+02:00"
TUESDAY = date(2026, 12, 1).toordinal()

# a correction filed on the 2nd about the attack "on Tuesday", in each language storydiff reads
CORRECTIONS = {
    "uk": "Харків, 2 грудня. Кількість загиблих унаслідок атаки дронів на Харків у вівторок зросла до чотирьох.",
    "ru": "Харьков, 2 декабря. Число погибших в результате атаки дронов на Харьков во вторник выросло до четырех.",
    "de": "Charkiw, 2. Dezember. Die Zahl der Toten nach dem Drohnenangriff auf Charkiw am Dienstag ist auf vier gestiegen.",
    "pl": "Charków, 2 grudnia. Liczba ofiar ataku dronów na Charków we wtorek wzrosła do czterech.",
    "en": "Kharkiv, December 2. The death toll from Tuesday's drone attack on Kharkiv rose to four.",
}


@pytest.mark.parametrize("language", sorted(CORRECTIONS))
def test_a_dateline_sentence_is_no_event_day(language):
    assert event_days(CORRECTIONS[language], language, FILED) == ((TUESDAY, TUESDAY),)


def test_a_dateline_sentence_under_a_headline_is_skipped_too():
    text = "Кількість загиблих зросла до чотирьох\n" + CORRECTIONS["uk"]
    assert event_days(text, "uk", FILED) == ((TUESDAY, TUESDAY),)


def test_the_correction_stays_apart_from_thursdays_evacuation():
    evacuation = ("Харків, 3 грудня. Голова ОВА Олег Синєгубов у четвер оголосив обов'язкову евакуацію "
                  "сімей з дітьми з п'яти сіл.")
    evacuated = event_days(evacuation, "uk", "2026-12-03T13:20:00+02:00")
    # Tuesday against Thursday: two days, past the date veto's day of slack (the dateline's
    # Wednesday was one day from each)
    assert days_apart(event_days(CORRECTIONS["uk"], "uk", FILED), evacuated) == 2


def test_a_lede_that_names_its_day_after_a_dateline_sentence_keeps_it():
    text = "Харків, 2 грудня. Уночі 2 грудня російські дрони атакували Харків, загинули двоє людей."
    day = date(2026, 12, 2).toordinal()
    assert (day - 1, day) in event_days(text, "uk", FILED) or (day, day) in event_days(text, "uk", FILED)


@pytest.mark.parametrize("line, place, rest", [
    ("Харків, 1 грудня. Російські ударні дрони атакували місто.", "Харків", "Російські ударні дрони атакували місто."),
    ("Харьков, 2 декабря. Число погибших выросло.", "Харьков", "Число погибших выросло."),
    ("Charkiw, 2. Dezember. Die Zahl der Toten stieg.", "Charkiw", "Die Zahl der Toten stieg."),
    ("Charków, 2 grudnia. Liczba ofiar wzrosła.", "Charków", "Liczba ofiar wzrosła."),
    ("Харків, 14 березня 2025 року. Текст новини.", "Харків", "Текст новини."),
    ("Харків, 2 грудня.", "Харків", ""),
    ("Frankfurt am Main, 5. Dezember. Die Polizei ermittelt.", "Frankfurt am Main", "Die Polizei ermittelt."),
])
def test_sentence_datelines_are_read_and_stripped(line, place, rest):
    assert dateline(line) == place
    assert without_dateline(line) == rest
    assert dateline_agency(line) is None


def test_an_agency_in_brackets_signs_a_sentence_dateline():
    line = "Київ, 2 грудня (Укрінформ). Уряд ухвалив рішення."
    assert dateline_agency(line) == "Укрінформ"
    assert without_dateline(line) == "Уряд ухвалив рішення."


@pytest.mark.parametrize("line", [
    "Харків, 5 поранених. Текст.",  # no month's name
    "Сьогодні, 2 грудня. Уряд ухвалив рішення.",  # a day word, no place
    "Вівторок, 2 грудня. Уряд ухвалив рішення.",  # a weekday
    "харків, 2 грудня. Уряд ухвалив рішення.",  # no capital
    "Харків, 2 грудня. у місті тихо.",  # what follows is no new sentence
    "Or fastest delivery Tuesday, March 17. Order within 4 hrs 31 mins",  # a shop's line (wcxb-dev)
])
def test_what_is_no_sentence_dateline(line):
    assert dateline_match(line) is None
    assert without_dateline(line) == line


def test_a_ukrainian_page_reports_its_dateline():
    page = ("Слобідський вісник\nГоловна\nНовини\nКількість загиблих зросла до чотирьох\n2 грудня 2026, 09:15\n"
            f"{CORRECTIONS['uk']}\nУ лікарні помер 67-річний чоловік, якого врятувальники дістали з-під завалів, "
            "уточнили в ОВА.\n© 2026 Слобідський вісник\n")
    article = extract_item(RawItem(source="a5.txt", kind="text", content=page))
    assert article.dateline == "Харків"
