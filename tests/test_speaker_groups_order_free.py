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


def _grouping(named):
    """The groups person_keys makes of the names, as a set of sets (independent of the keys)."""
    groups: dict[str, set] = {}
    for item, key in zip(named, person_keys(list(named))):
        groups.setdefault(key, set()).add(item)
    return frozenset(frozenset(g) for g in groups.values())


# review 20b, 5: "Брель" is like both English spellings; which one it joined went by the order
BREL = [("Oleh Brel", "en"), ("Олег Брель", "uk"), ("Oleh Brehl", "en"), ("Олег Брэль", "ru")]


def test_every_order_of_names_gives_one_grouping():
    groupings = {_grouping(order) for order in permutations(BREL)}
    assert len(groupings) == 1
    (grouping,) = groupings
    # the spelling that is Брель letter for letter goes with it, whichever report came first
    assert frozenset({BREL[0], BREL[1], BREL[3]}) in grouping
    assert frozenset({BREL[2]}) in grouping


@pytest.mark.parametrize("named", [
    # two Latin spellings in two languages that same_person calls two surnames, tied by a third
    [("Oleh Brel", "en"), ("Олег Брель", "uk"), ("Oleh Brehl", "pl")],
    [("Oleh Brel", "en"), ("Олег Брель", "uk"), ("Oleh Brehl", "de"), ("Олег Брэль", "ru")],
    # two Ukrainian surnames, each romanised alike to one English spelling
    [("Ihor Klymenko", "en"), ("Ігор Клименко", "uk"), ("Ihor Klimenko", "de"), ("Ігор Кліменко", "uk")],
])
def test_names_of_one_script_that_are_two_surnames_never_share_a_group(named):
    from storydiff.compare.translation import _cyrillic, same_person

    for order in permutations(named):
        keys = dict(zip(order, person_keys(list(order))))
        for a, b in permutations(named, 2):
            if _cyrillic(a[0]) == _cyrillic(b[0]) and a[0] != b[0] and not same_person(a[0], b[0], a[1], b[1]):
                assert keys[a] != keys[b], (order, a, b)
    assert len({_grouping(order) for order in permutations(named)}) == 1


@pytest.mark.parametrize("named", [
    # one name in the German, English and Polish conventions (s for з, j for й, ł, ż, ie): one man
    [("Wolodymyr Selenskyj", "de"), ("Volodymyr Zelensky", "en"), ("Володимир Зеленський", "uk")],
    [("Mychajło Podolak", "pl"), ("Mykhailo Podoliak", "en"), ("Михайло Подоляк", "uk")],
    [("Rustem Umierow", "pl"), ("Rustem Umjerow", "de"), ("Rustem Umerov", "en"), ("Рустем Умєров", "uk")],
])
def test_two_languages_romanisations_of_one_name_still_join_through_it(named):
    for order in permutations(named):
        assert len(set(person_keys(list(order)))) == 1, order
