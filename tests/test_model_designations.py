"""A model's designation is a name, not a count (QA pass 18, finding 9: "cztery myśliwce F-16" /
"four F-16 fighter jets" printed "numbers differ: 16 vs four F")."""

import pytest

from storydiff.compare.claims import article_claims, quantities_in
from storydiff.compare.facts import _conflicts

LABEL = {"a": "A", "b": "B"}.__getitem__


def _lines(a: str, la: str, b: str, lb: str) -> list[str]:
    return _conflicts([article_claims("a", a, 3, la)[0], article_claims("b", b, 3, lb)[0]], LABEL)


@pytest.mark.parametrize("lang, text, model", [
    ("en", "Poland scrambled F-16 jets.", 16),
    ("en", "Russia used Su-25 attack aircraft.", 25),
    ("en", "Iran supplied Shahed-136 drones.", 136),
    ("en", "A MiG-29 crashed.", 29),
    ("en", "They destroyed a T-72 tank.", 72),
    ("en", "An S-300 battery fired.", 300),
    ("en", "The HIMARS M142 launcher was hit.", 142),
    ("en", "A Boeing 737 landed in Rzeszów.", 737),
    ("en", "An Airbus A320 was diverted.", 320),
    ("en", "Russia fired Kh-101 cruise missiles.", 101),
    ("en", "The commandos recovered AK 47 guns.", 47),
    ("pl", "W powietrze poderwano myśliwce F-16.", 16),
    ("de", "Polen schickte F-16-Kampfjets.", 16),
    ("uk", "Росія застосувала літаки Су-25.", 25),
    ("ru", "Россия применила самолеты Су-25 и комплексы С-300.", 25),
])
def test_a_model_number_is_no_figure(lang, text, model):
    assert model not in [q.value for q in quantities_in(text, lang)]


@pytest.mark.parametrize("a, la, b, lb", [
    ("W powietrze poderwano cztery myśliwce F-16, a dwa drony zostały zestrzelone nad powiatem tomaszowskim.", "pl",
     "Poland scrambled four F-16 fighter jets and shot down two drones over Tomaszow county.", "en"),
    ("W powietrze poderwano cztery myśliwce F-16, a dwa drony zostały zestrzelone nad powiatem tomaszowskim.", "pl",
     "Polen schickte vier F-16-Kampfjets in die Luft, zwei Drohnen wurden abgeschossen.", "de"),
    ("Poland scrambled four F-16 fighter jets.", "en", "Poland scrambled four F-16s.", "en"),
])
def test_the_same_count_of_a_model_is_no_conflict(a, la, b, lb):
    assert not _lines(a, la, b, lb)


def test_a_changed_count_of_a_model_is_a_conflict():
    lines = _lines("W powietrze poderwano sześć myśliwców F-16.", "pl", "Poland scrambled four F-16 fighter jets.", "en")
    assert any(line.startswith("numbers differ") for line in lines), lines
    # the model is what is counted, whatever noun each language puts with it
    lines = _lines("Poland scrambled six F-16s.", "en", "Polen schickte vier F-16-Kampfjets.", "de")
    assert any(line.startswith("numbers differ") for line in lines), lines
    # two models are two kinds: four F-16s and two F-35s do not dispute each other
    assert not _lines("Poland scrambled four F-16 jets.", "en", "Poland scrambled two F-35 jets.", "en")


def test_a_lowercase_word_before_a_year_is_no_model():
    # "mid-2024" is a year, as before (no model name starts in lower case)
    assert 2024 in [q.value for q in quantities_in("The system arrives in mid-2024.", "en")]


def test_the_model_written_with_a_space_is_the_same_model():
    # the fact gold's ECB+ 12: "7 AK-47 rifles" / "12 AK 47 guns" (and no "47 guns" of its own)
    lines = _lines("They had 7 AK-47 rifles.", "en", "The commandos also recovered 12 AK 47 guns.", "en")
    assert lines == ["numbers differ: 7 AK-47 rifles (A) vs 12 AK 47 guns (B)"], lines
    assert [q.unit for q in quantities_in("The US 100 jobs", "en")] != []  # a country's acronym is no model


def test_an_article_or_a_headline_word_before_a_figure_is_no_model():
    # "A 61-year-old man": the article, not a model "A 61" (the fact gold's ECB+ 18 and 32)
    assert [(q.value, q.unit) for q in quantities_in("A 61-year-old man was charged.", "en")] == [(61, "age")]
    assert 96 in [q.value for q in quantities_in("IN 2024 POLAND BOUGHT 96 TANKS", "en")]


def test_deaths_beside_a_model_s_name_stay_deaths():
    assert [q.unit for q in quantities_in("The country recorded 1,000 COVID-19 deaths.", "en")] == ["dead"]
