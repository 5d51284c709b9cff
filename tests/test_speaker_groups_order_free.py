"""One speaker in any outlet's spelling, whichever report comes first (QA pass 20a, 12): the Polish
"Maksym Kozycki", the Ukrainian "Максим Козицький" and the English "Maksym Kozytskyi" are one man
through the Ukrainian spelling, also when the Polish report is the first."""

from itertools import permutations

import pytest

from storydiff.compare.quotes import person_keys, speaker_conflict
from storydiff.records import AlignedQuote, QuoteVersion

NAMES = {"pl": "Maksym Kozycki", "uk": "Максим Козицький", "en": "Maksym Kozytskyi"}
OUTLETS = {"pl": "Kurier Wschodni", "uk": "Львівський Вісник", "en": "The Kyiv Ledger"}


@pytest.mark.parametrize("order", list(permutations(NAMES)))
def test_three_spellings_of_one_man_are_one_speaker_in_any_order(order):
    assert len(set(person_keys([(NAMES[lang], lang) for lang in order]))) == 1
    q = AlignedQuote(NAMES[order[0]], [QuoteVersion(lang, "…", "translated", speaker=NAMES[lang]) for lang in order])
    assert speaker_conflict(q, OUTLETS.__getitem__, str) is None


def test_another_person_still_differs_whichever_comes_first():
    named = [("Maksym Kozycki", "pl"), ("Андрій Садовий", "uk"), ("Maksym Kozytskyi", "en"), ("Максим Козицький", "uk")]
    for order in permutations(named):
        keys = dict(zip(order, person_keys(list(order))))
        assert keys[named[0]] == keys[named[2]] == keys[named[3]] != keys[named[1]]


def test_one_language_s_two_spellings_are_two_people_even_through_a_third():
    # "Брель" is like both, but one English report names Brel and another Brehl: two people
    named = [("Anton Brel", "en"), ("Антон Брель", "uk"), ("Anton Brehl", "en")]
    for order in permutations(named):
        keys = dict(zip(order, person_keys(list(order))))
        assert keys[named[0]] != keys[named[2]]
