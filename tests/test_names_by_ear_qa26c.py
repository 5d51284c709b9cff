"""English and French names written in Cyrillic by their sound, QA pass 26c, 6 (a Toronto
diaspora editor): "speaker differs: Білл Блер vs Bill Blair" beside the English version, and
``--speaker Blair`` found none of the Ukrainian quotes. Блер, Жолі and Трюдо spell what an
English or French reader hears (ai is е, eau о, J ж or дж), not the letters."""

from __future__ import annotations

import pytest

from storydiff.compare.translation import same_person
from storydiff.store.speaker_filter import names_speaker


@pytest.mark.parametrize(
    "cyrillic, latin",
    [("Білл Блер", "Bill Blair"), ("Тоні Блер", "Tony Blair"), ("Мелані Жолі", "Melanie Joly"),
     ("Джастін Трюдо", "Justin Trudeau"), ("Блэр", "Blair"), ("Борис Джонсон", "Boris Johnson"),
     ("Мур", "Moore"), ("Марк Карні", "Mark Carney"), ("Кіпер", "Kiper"), ("Христя Фріланд", "Chrystia Freeland"),
     ("Джонсона", "Johnson"), ("П'єр Пуальєвр", "Pierre Poilievre")],
)
def test_a_name_spelled_by_ear_is_one_person(cyrillic, latin):
    assert same_person(cyrillic, latin, "uk", "en")
    assert same_person(latin, cyrillic, "en", "ru")


@pytest.mark.parametrize(
    "cyrillic, latin",
    # two names whose sounds are close, not one, stay two people; a case ending is one of a
    # case's, not any letters (Клерк is no Clair)
    [("Білл Блант", "Bill Blair"), ("Сквайр", "Square"), ("Пітер", "Pierre"), ("Сен", "Spain"),
     ("Мелані Жолі", "Melanie Jolin"), ("Клерк", "Clair"), ("Карлос", "Carl"), ("Кори", "Korea")],
)
def test_near_names_by_ear_stay_two_people(cyrillic, latin):
    assert not same_person(cyrillic, latin, "uk", "en")


def test_a_german_j_is_no_english_one():
    # German Jung is Юнг; read as English it would be Жунг
    assert same_person("Жолі", "Joly", "uk", "fr")
    assert not same_person("Жолі", "Joly", "uk", "de")


@pytest.mark.parametrize(
    "typed, speaker",
    [("Blair", "Білл Блер"), ("Блер", "Tony Blair"), ("Trudeau", "Джастін Трюдо"), ("Joly", "Мелані Жолі"),
     ("Bill Blair", "Білл Блер")],
)
def test_the_speaker_filter_finds_a_name_spelled_by_ear(typed, speaker):
    assert names_speaker(typed, speaker)


@pytest.mark.parametrize("typed, speaker", [("Blair", "Білл Блант"), ("Trudeau", "Джастін Трамп")])
def test_the_speaker_filter_keeps_other_names_apart(typed, speaker):
    assert not names_speaker(typed, speaker)
