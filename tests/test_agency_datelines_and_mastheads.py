"""Russian and Ukrainian agencies' datelines, copyright lines and mastheads in page text (QA pass 19b)."""

from __future__ import annotations

import pytest

from storydiff.extract import extract_item
from storydiff.extract.metadata import dateline, dateline_agency, outlet_from_text, without_dateline
from storydiff.records import RawItem


@pytest.mark.parametrize("sentence, place, agency, rest", [
    ("МОСКВА, 6 декабря. /ТАСС/. Вооруженные силы России нанесли удар.", "МОСКВА", "ТАСС",
     "Вооруженные силы России нанесли удар."),
    ("МОСКВА, 6 декабря. /ТАСС/.", "МОСКВА", "ТАСС", ""),  # the dateline split off as a sentence
    ("МОСКВА, 6 декабря. /ИНТЕРФАКС/ - Российские войска нанесли удар.", "МОСКВА", "ИНТЕРФАКС",
     "Российские войска нанесли удар."),
    ("КИЇВ, 6 грудня. /Укрінформ/. Росія вночі атакувала Одесу.", "КИЇВ", "Укрінформ", "Росія вночі атакувала Одесу."),
    ("МОСКВА, 6 декабря — ТАСС. Вооруженные силы России нанесли удар.", "МОСКВА", "ТАСС",
     "Вооруженные силы России нанесли удар."),
    ("KYIV, Dec 6 (Reuters) - Russia struck Kharkiv overnight.", "KYIV", "Reuters", "Russia struck Kharkiv overnight."),
    # QA pass 26a, 12: a Russian dateline, the month cut short, signed in Latin letters ("Sputnik." was a fact)
    ("КИШИНЕВ, 1 дек - Sputnik. Власти утвердили новый тариф.", "КИШИНЕВ", "Sputnik", "Власти утвердили новый тариф."),
    ("КИШИНЕВ, 5 дек - РИА Новости. Обломки нашли у села.", "КИШИНЕВ", "РИА Новости", "Обломки нашли у села."),
])
def test_an_agencys_dateline_is_place_and_agency_not_a_sentence(sentence, place, agency, rest):
    assert dateline(sentence) == place
    assert dateline_agency(sentence) == agency
    assert without_dateline(sentence) == rest


def test_a_latin_title_cut_short_after_a_russian_dateline_is_no_agency():
    assert dateline_agency("МОСКВА, 5 дек — Dr. Иванов выступил.") is None
    assert without_dateline("МОСКВА, 5 дек — Dr. Иванов выступил.") == "Dr. Иванов выступил."


@pytest.mark.parametrize("sentence", [
    "Москва/Київ: переговори відкладено.",  # a slash between names is no agency tag
    "Харків зазнав нового удару вночі, повідомив мер.",
])
def test_prose_has_no_agency_dateline(sentence):
    assert dateline_agency(sentence) is None
    assert without_dateline(sentence) == sentence


@pytest.mark.parametrize("foot, outlet", [
    ("© ТАСС 2026. Все права защищены.", "ТАСС"),
    ("© 2026 ТАСС", "ТАСС"),
    ("© 1991-2026 Интерфакс. Все права защищены.", "Интерфакс"),
    ("© АО «Коммерсантъ». 123112, Москва, Пресненская наб.", "Коммерсантъ"),
    ("© Copyright 2025 Craft Music", "Craft Music"),
    ("Landesspiegel - Alle Rechte vorbehalten", None),  # no sign: no holder read from it
])
def test_a_copyright_holder_in_cyrillic_or_after_a_year(foot, outlet):
    text = "Заголовок новости\nПервый абзац новости о событии.\n" + foot
    assert outlet_from_text(text) == outlet


CREDIT_BODY = ("Власти области сообщили о повреждении двух жилых домов в результате атаки беспилотников. "
               "По словам губернатора, пострадавших нет.\n")


@pytest.mark.parametrize("credit", [
    "Фото: © РИА Новости / Рамиль Ситдиков",
    "Фото: © Укрінформ",
    "Photo: © AP",
    "© ТАСС / Сергей Бобылев",  # agency / photographer
    "© Фото: Getty Images",
])
def test_a_photo_credit_is_not_the_pages_outlet(credit):
    # review 19: "Фото" or the credited agency was read as the page's outlet
    text = "Атака беспилотников на Белгород\n" + CREDIT_BODY + credit + "\n" + CREDIT_BODY
    assert outlet_from_text(text) is None


def test_the_sites_footer_wins_over_an_agency_photo_credit_in_the_body():
    text = ("Атака беспилотников на Белгород\n© ТАСС / Сергей Бобылев\n" + CREDIT_BODY * 2
            + "© 1999–2026 АО «Газета.Ру»\n")
    assert outlet_from_text(text) == "Газета.Ру"


@pytest.mark.parametrize("foot, outlet", [
    ("© 2024 CBC/Radio-Canada. All rights reserved.", "CBC"),  # a company's second name, no photographer
    ("© ARD-aktuell / tagesschau.de", "ARD-aktuell"),
])
def test_a_slash_in_a_holders_name_is_no_credit(foot, outlet):
    assert outlet_from_text("Headline\nFirst paragraph of the story.\n" + foot) == outlet


BODY = ("Российская армия в ночь на 6 декабря нанесла ракетный удар по Харькову, сообщил глава области.\n"
        "Ракеты попали в жилую многоэтажку и предприятие в Киевском районе города.\n")


@pytest.mark.parametrize("first, outlet", [
    ("Meduza", "Meduza"),
    ("Українська правда", "Українська правда"),
    ("УНН", "УНН"),
    ("Интерфакс", "Интерфакс"),
    ("Лента.ру", "Лента.ру"),
    ("Суспільне Одеса", "Суспільне Одеса"),  # a regional edition of a known outlet
    ("Новости", None),  # a section's name is no outlet
    ("Удар по Харькову", None),  # nor a headline
])
def test_a_known_outlets_name_as_the_first_line_is_the_outlet(first, outlet):
    assert outlet_from_text(f"{first}\nУдар по Харькову\n6 декабря 2026, 10:15\n{BODY}") == outlet


def test_tass_own_page_without_url_is_tass():
    page = ("Главная\nНовости\nВС России нанесли удар по Харькову\n6 декабря 2026, 14:05\n"
            "МОСКВА, 6 декабря. /ТАСС/. Вооруженные силы России в ночь на воскресенье нанесли удар высокоточным "
            "оружием по объектам военной инфраструктуры в Харькове. Об этом сообщили в Министерстве обороны РФ.\n"
            "По данным Минобороны, за сутки средства ПВО сбили 41 беспилотник над Белгородской областью.\n")
    article = extract_item(RawItem(source="tass.txt", kind="text", content=page))
    assert (article.outlet, article.dateline) == ("ТАСС", "МОСКВА")
    # with a URL the site names the outlet (a reprint of TASS copy is the reprinting site's page)
    reprint = extract_item(RawItem(source="r.txt", kind="text", content=page, url="https://region.example/news/1"))
    assert reprint.outlet == "region.example"


@pytest.mark.parametrize("name_line, people", [
    ("Олена Коваленко", ["Олена Коваленко"]),
    ("Иван Петров", ["Иван Петров"]),
    ("Анна-Марія Іванів", ["Анна-Марія Іванів"]),
    ("Share Tweet", []),  # a button row under the date, in Latin letters: not read
    ("НОВОСТИ УКРАИНЫ", []),  # a section in capitals
    ("Читайте также", []),
    ("Українська правда", []),  # an outlet's name
])
def test_a_bare_name_between_the_date_line_and_the_body_is_the_byline(name_line, people):
    from storydiff.extract.metadata import authors_from_lines

    lines = ["Новая газета Европа", "Прокуратура требует 12 лет для журналиста", "6 декабря 2026, 11:00", name_line,
             "Государственный обвинитель потребовал приговорить журналиста к 12 годам колонии.",
             "Сам журналист вину не признал и назвал дело политическим."]
    kept = [False, False, False, False, True, True]
    assert authors_from_lines(lines, kept, title=lines[1]) == people


def test_a_bare_name_not_under_a_date_line_is_no_byline():
    from storydiff.extract.metadata import authors_from_lines

    lines = ["Новая газета Европа", "Прокуратура требует 12 лет для журналиста", "Иван Петров",
             "Государственный обвинитель потребовал приговорить журналиста к 12 годам колонии."]
    assert authors_from_lines(lines, [False, False, False, True], title=lines[1]) == []
