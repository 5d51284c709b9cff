"""Figures changed in translation, QA pass 24a finding 03 (fixtures written for these tests): the
counted things a war desk reads are one unit in uk/ru/de/pl/en (ships, vessels and tankers;
the wounded, "23 of them are seriously wounded" included; money in each language's currency
words), so that figures of one thing given in two languages can conflict."""

import pytest

from storydiff.compare.claims import quantities_conflict, quantities_in


def read(text: str, lang: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in quantities_in(text, lang)]


@pytest.mark.parametrize("text, lang, expected", [
    ("В санкционный список внесены 128 судов теневого флота.", "ru", [(128, "ship")]),
    ("Под санкции попали 2 судна и 40 танкеров.", "ru", [(2, "ship"), (40, "ship")]),
    ("До списку внесли 118 суден тіньового флоту.", "uk", [(118, "ship")]),
    ("До списку внесли 118 танкерів.", "uk", [(118, "ship")]),
    ("Auf die Liste kommen 118 Schiffe.", "de", [(118, "ship")]),
    ("Auf die Liste kommen 118 Öltanker.", "de", [(118, "ship")]),
    ("Na liście znalazło się 118 tankowców.", "pl", [(118, "ship")]),
    ("The EU added 118 vessels to the list.", "en", [(118, "ship")]),
    ("The package includes 118 tankers.", "en", [(118, "ship")]),
])
def test_ships_vessels_and_tankers_are_one_count_in_every_language(text, lang, expected):
    assert read(text, lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("Most had been in captivity since 2022, and 23 of them are seriously wounded.", "en", [(2022, "since"), (23, "injur")]),
    ("23 of those freed are seriously wounded.", "en", [(23, "injur")]),
    ("23 of the prisoners were seriously wounded.", "en", [(23, "injur")]),
    ("Two of them died in hospital.", "en", [(2, "dead")]),
    ("23 are seriously wounded.", "en", [(23, "injur")]),
    ("Серед звільнених 23 з них тяжко поранені.", "uk", [(23, "injur")]),
    ("Серед звільнених 23 важкопоранених.", "uk", [(23, "injur")]),
    ("23 из них тяжело ранены.", "ru", [(23, "injur")]),
    ("Среди освобожденных 23 тяжелораненых.", "ru", [(23, "injur")]),
    ("23 z nich jest ciężko rannych.", "pl", [(23, "injur")]),
    ("32 von ihnen sind schwer verletzt.", "de", [(32, "injur")]),
    ("Unter ihnen seien 32 Schwerverwundete.", "de", [(32, "injur")]),
])
def test_the_seriously_wounded_are_counted_as_wounded(text, lang, expected):
    assert read(text, lang) == expected


@pytest.mark.parametrize("text", [
    "Three of those killed were children.",  # a part of the dead, no count of them
    "Five of the wounded died in hospital.",  # a part of the wounded
    "Three of them were children.",  # no fate at all
])
def test_a_part_of_a_count_named_after_of_is_not_that_count(text):
    assert [u for _, u in read(text, "en")] == [""]


@pytest.mark.parametrize("a, lang_a, b, lang_b", [
    ("Суд назначил штраф в 300 тыс. руб.", "ru", "Er muss eine Geldstrafe von 500.000 Rubel zahlen.", "de"),
    ("Экспорт на 5 млн долл. запрещен.", "ru", "Exports worth $7 million are banned.", "en"),
    ("Waren im Wert von 540 Millionen Euro pro Jahr.", "de", "goods worth 450 million euros a year", "en"),
])
def test_money_in_each_languages_currency_words_conflicts(a, lang_a, b, lang_b):
    assert quantities_conflict(quantities_in(a, lang_a), quantities_in(b, lang_b))
