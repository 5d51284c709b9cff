"""QA pass 24a, 12: Ukrinform's bare author line under the date, with its place and font-size
control between it and the lede, and dpa's two-city dateline "Kiew/Moskau (dpa) -"."""

from __future__ import annotations

import pytest

from storydiff.extract import extract_item
from storydiff.extract.metadata import authors_from_lines, dateline, dateline_agency, without_dateline
from storydiff.records import RawItem

TITLE = "Росіяни вночі атакували Зміївську ТЕС: двоє енергетиків поранені"
LEDE = ("У ніч на 6 грудня російські війська завдали комбінованого удару по Зміївській теплоелектростанції "
        "на Харківщині. Двоє працівників станції дістали поранення.")
SECOND = "Про це повідомив начальник Харківської обласної військової адміністрації Олег Синєгубов у Telegram."


def _authors(header: list[str]) -> list[str]:
    lines = ["Укрінформ", TITLE, "06.12.2026 08:45", *header, LEDE, SECOND]
    kept = [False] * (3 + len(header)) + [True, True]
    return authors_from_lines(lines, kept, title=TITLE)


@pytest.mark.parametrize("header, people", [
    (["Олена Коваль", "Харків", "Розмір шрифту"], ["Олена Коваль"]),
    (["Олена Коваль", "Розмір шрифту"], ["Олена Коваль"]),
    (["Олена Коваль"], ["Олена Коваль"]),
    # a line of prose between the name and the body: a caption or a teaser, no header
    (["Олена Коваль", "Енергетики ліквідовують наслідки удару по станції в Зміїві"], []),
    # too far from the body: three header lines between
    (["Олена Коваль", "Харків", "Розмір шрифту", "Поділитися"], []),
    # no name
    (["Читайте також", "Харків"], []),
    (["Українська правда", "Харків"], []),
])
def test_bare_name_under_the_date_line_before_short_header_lines(header, people):
    assert _authors(header) == people


def test_bare_name_not_under_a_date_line_is_still_no_byline():
    lines = ["Укрінформ", TITLE, "Олена Коваль", "Харків", LEDE, SECOND]
    assert authors_from_lines(lines, [False, False, False, False, True, True], title=TITLE) == []


def test_ukrinform_paste_reads_its_author():
    page = "\n".join(["Укрінформ", "Головна", "Війна", "Політика", "Економіка", "Регіони", "Світ", "Пошук",
                      "UA EN DE", TITLE, "06.12.2026 08:45", "Олена Коваль", "Харків", "Розмір шрифту", LEDE, SECOND,
                      "«Ворог знову цілеспрямовано б'є по енергетиці. Двоє енергетиків поранені, їм надають усю "
                      "необхідну допомогу», — написав Синєгубов."])
    article = extract_item(RawItem(source="ukrinform.txt", kind="text", content=page))
    assert article.authors == ["Олена Коваль"]


@pytest.mark.parametrize("lede, place, agency", [
    ("Kiew/Moskau (dpa) - Die Ukraine und Russland haben erneut Kriegsgefangene ausgetauscht.", "Kiew/Moskau", "dpa"),
    ("Brüssel/Kiew (dpa) - Die EU hat ihr 22. Sanktionspaket gegen Russland beschlossen.", "Brüssel/Kiew", "dpa"),
    ("KYIV/MOSCOW, Dec 6 (Reuters) - Russia and Ukraine swapped 150 prisoners each.", "KYIV/MOSCOW", "Reuters"),
    ("Kiew (dpa) - Die Ukraine und Russland haben erneut Kriegsgefangene ausgetauscht.", "Kiew", "dpa"),
])
def test_two_places_filed_from_are_one_dateline(lede, place, agency):
    assert (dateline(lede), dateline_agency(lede)) == (place, agency)
    assert not without_dateline(lede).startswith(place)


@pytest.mark.parametrize("lede", [
    "Kiew/Moskau - Die Ukraine und Russland haben erneut Kriegsgefangene ausgetauscht.",  # no agency, no capitals
    "Und/oder (dpa) - das war nicht klar.",
])
def test_a_lede_opening_on_a_slash_is_no_dateline(lede):
    assert dateline(lede) is None
