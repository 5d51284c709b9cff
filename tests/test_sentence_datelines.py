"""QA pass 25a, 09: the place and day as a sentence of their own ("Харків, 2 грудня.") are a
dateline: read as one (the article's dateline, stripped where a sentence's words are read)."""

from __future__ import annotations

import pytest

from storydiff.extract import extract_item
from storydiff.extract.metadata import dateline, dateline_agency, dateline_match, without_dateline
from storydiff.records import RawItem

# a correction filed on the 2nd about the attack "on Tuesday", in each language storydiff reads
CORRECTIONS = {
    "uk": "Харків, 2 грудня. Кількість загиблих унаслідок атаки дронів на Харків у вівторок зросла до чотирьох.",
    "ru": "Харьков, 2 декабря. Число погибших в результате атаки дронов на Харьков во вторник выросло до четырех.",
    "de": "Charkiw, 2. Dezember. Die Zahl der Toten nach dem Drohnenangriff auf Charkiw am Dienstag ist auf vier gestiegen.",
    "pl": "Charków, 2 grudnia. Liczba ofiar ataku dronów na Charków we wtorek wzrosła do czterech.",
    "en": "Kharkiv, December 2. The death toll from Tuesday's drone attack on Kharkiv rose to four.",
}


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
