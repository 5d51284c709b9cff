"""Number words the desk's languages write alike (QA pass 20a, 04 and 05): "półtora tysiąca" is
1,500 as "півтори тисячі" and "1,5 tys." are, and the collective numerals from eleven up
("jedenaścioro", "одинадцятеро") are counts as "troje" and "троє" are."""

import pytest

from storydiff.compare.claims import quantities_conflict, quantities_in
from storydiff.compare.facts import align_facts
from storydiff.records import Article


@pytest.mark.parametrize("lang, text, value, unit", [
    ("pl", "Ewakuowano ponad półtora tysiąca mieszkańców.", 1500, "resid"),
    ("pl", "Ewakuowano półtora tysiąca osób.", 1500, "peopl"),
    ("pl", "Straty sięgają półtora miliona złotych.", 1.5e6, "zloty"),
    ("pl", "Budowa kosztowała półtora miliarda złotych.", 1.5e9, "zloty"),
    ("pl", "Akcja trwała półtorej godziny.", 1.5, "hour"),
    ("uk", "Евакуювали тисячу мешканців.", 1000, "resid"),
    ("uk", "Збитки сягають півтора мільйона гривень.", 1.5e6, "hryvn"),
    ("ru", "Эвакуировали тысячу жителей.", 1000, "resid"),
    ("de", "Der Schaden liegt bei eineinhalb Millionen Euro.", 1.5e6, "euro"),
])
def test_one_and_a_half_takes_the_scale_after_it_in_its_case(lang, text, value, unit):
    assert [(q.value, q.unit) for q in quantities_in(text, lang)] == [(value, unit)]


def test_poltora_tysiaca_and_1_5_tys_are_one_figure_and_2_tys_another():
    spelled = quantities_in("Ewakuowano ponad półtora tysiąca mieszkańców.", "pl")
    assert not quantities_conflict(spelled, quantities_in("Ewakuowano ok. 1,5 tys. mieszkańców.", "pl"))
    assert not quantities_conflict(spelled, quantities_in("Евакуйовано понад півтори тисячі мешканців.", "uk"))
    assert quantities_conflict(quantities_in("Ewakuowano półtora tysiąca mieszkańców.", "pl"),
                               quantities_in("Ewakuowano 3 tys. mieszkańców.", "pl"))


@pytest.mark.parametrize("lang, text, value, unit", [
    ("pl", "Rannych jest jedenaścioro dzieci.", 11, "child"),
    ("pl", "Rannych zostało dwanaścioro dzieci.", 12, "child"),
    ("pl", "W autobusie jechało dwadzieścioro dzieci.", 20, "child"),
    ("pl", "W autobusie jechało sześcioro dzieci.", 6, "child"),
    ("pl", "Opiekę nad pięciorgiem dzieci przejęła gmina.", 5, "child"),
    ("pl", "W katastrofie zginęło piętnastu pasażerów.", 15, "dead"),
    ("uk", "Поранено дванадцятеро людей.", 12, "injur"),
    ("uk", "Поранено двадцятеро людей.", 20, "injur"),
    ("uk", "Серед поранених одинадцятеро дітей.", 11, "child"),
    ("ru", "Ранены одиннадцатеро детей.", 11, "child"),
])
def test_collective_numerals_are_counts_in_every_number(lang, text, value, unit):
    assert [(q.value, q.unit) for q in quantities_in(text, lang)] == [(value, unit)]


def test_collective_numerals_after_a_count_keep_each_its_own():
    assert [(q.value, q.unit) for q in quantities_in("Загинули троє людей, ще одинадцятеро поранені.", "uk")] == [
        (3, "dead"), (11, "injur")]


def _art(aid: str, text: str) -> Article:
    return Article(id=aid, source=aid, outlet=aid, title="", language="pl", text=text)


BODY = ("W czwartek rano w kamienicy przy ulicy Piotrkowskiej w Łodzi wybuchł gaz.\n"
        "{evacuated}\n{injured}\n"
        "Przyczyny wybuchu ustala prokuratura.")


def _conflicts(evacuated_a, injured_a, evacuated_b, injured_b):
    a = _art("rmf", BODY.format(evacuated=evacuated_a, injured=injured_a))
    b = _art("pap", BODY.format(evacuated=evacuated_b, injured=injured_b))
    return [line for f in align_facts([a, b]) for line in f.conflicts]


def test_a_polish_pair_disputes_the_injured_children_and_not_the_evacuated():
    lines = _conflicts("Ewakuowano ok. 1,5 tys. mieszkańców okolicznych budynków.",
                       "Rannych zostało 12 dzieci i troje dorosłych.",
                       "Z okolicznych budynków ewakuowano ponad półtora tysiąca mieszkańców.",
                       "Rannych zostało jedenaścioro dzieci i troje dorosłych.")
    assert len(lines) == 1 and "12 dzieci" in lines[0] and "jedenaścioro dzieci" in lines[0], lines


@pytest.mark.parametrize("lang, text, read", [
    ("pl", "Zginął jeden strażak, a dwóch zostało rannych.", [(1, "firef"), (2, "injur")]),
    ("pl", "Zginął jeden żołnierz.", [(1, "soldi")]),
    ("uk", "Загинув один рятувальник.", [(1, "firef")]),
    ("en", "One firefighter was killed.", [(1, "firef")]),
])
def test_one_of_a_counted_trade_is_a_count(lang, text, read):
    assert [(q.value, q.unit) for q in quantities_in(text, lang)] == read


def test_one_firefighter_and_two_disagree():
    assert quantities_conflict(quantities_in("Zginął jeden strażak.", "pl"), quantities_in("Zginęło dwóch strażaków.", "pl"))
