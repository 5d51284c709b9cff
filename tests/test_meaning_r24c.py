"""Review 24c: a compare.meaning false flag on faithful quotes.

H2: a percent written as the language's own abbreviation ("50 proc." in Polish and Lithuanian,
"50 відс." in Ukrainian, "50 проц." in Russian) is the percent "50%" says; a real change of the
figure is still "numbers"."""

import pytest

from storydiff.compare.meaning import meaning_changes


@pytest.mark.parametrize("a, b, lang", [
    ("Poparcie wzrosło o 50 proc.", "Poparcie wzrosło o 50%", "pl"),
    ("Inflacja wynosi 5 proc., a nie 7 proc.", "Inflacja wynosi 5 procent, a nie 7 procent", "pl"),
    ("Nedarbas siekė 7 proc.", "Nedarbas siekė 7 %.", "lt"),
    ("Підтримка зросла на 50 відс.", "Підтримка зросла на 50%", "uk"),
    ("Поддержка выросла на 50 проц.", "Поддержка выросла на 50%", "ru"),
])
def test_a_percent_abbreviation_is_a_percent(a, b, lang):
    assert "numbers" not in meaning_changes(a, b, lang, lang)
    assert "numbers" not in meaning_changes(b, a, lang, lang)


@pytest.mark.parametrize("a, b, lang", [
    ("Poparcie wzrosło o 50 proc.", "Poparcie wzrosło o 40%", "pl"),
    ("Підтримка зросла на 50 відс.", "Підтримка зросла на 50 тисяч", "uk"),
    ("Поддержка выросла на 50 проц.", "Поддержка выросла на 50", "ru"),
])
def test_another_figure_is_still_numbers(a, b, lang):
    assert "numbers" in meaning_changes(a, b, lang, lang)


# M2: cross-language opposites read only the words that say the concept: Ukrainian «програма» is a
# programme (not «програти», to lose), one raises an issue ("raised the issue of troop cuts" is
# «поднял вопрос о сокращении»), and "won" after a figure is Korea's currency
@pytest.mark.parametrize("a, b, la, lb", [
    ("The new programme won approval.", "Нова програма отримала схвалення.", "en", "uk"),
    ("The government won support for the programme.", "Уряд здобув підтримку для програми.", "en", "uk"),
    ("He raised the issue of troop cuts.", "Он поднял вопрос о сокращении войск.", "en", "ru"),
    ("The deal is worth 5 billion won.", "Угода коштує 5 мільярдів вон, це програма.", "en", "uk"),
])
def test_no_false_cross_language_antonym(a, b, la, lb):
    assert "antonym" not in meaning_changes(a, b, la, lb)
    assert "antonym" not in meaning_changes(b, a, lb, la)


@pytest.mark.parametrize("a, b, la, lb", [
    ("Ukraine will win this war.", "Україна програє цю війну.", "en", "uk"),
    ("We won the vote.", "Ми програли голосування.", "en", "uk"),
    ("Prices will rise.", "Цены сократятся.", "en", "ru"),
    ("Ukraine won the match.", "Україна зазнала поразки в матчі.", "en", "uk"),
])
def test_real_cross_language_opposites_stay_antonym(a, b, la, lb):
    assert "antonym" in meaning_changes(a, b, la, lb)


# M4: Lithuanian words that begin "ne"/"nė" and deny nothing: nešti (carry), neigti (deny), "neto",
# places and brands; a real prefixed "not" ("nešaudė", did not shoot; "neturime") still negates
@pytest.mark.parametrize("word", ["nešė", "neša", "nešiojo", "neigia", "neigė", "neigti", "neto", "neringa",
                                  "netflix", "nepalas", "neonacių", "nėščia"])
def test_lithuanian_words_that_start_ne_deny_nothing(word):
    from storydiff.compare.meaning import _prefix_negates

    assert not _prefix_negates(word, "lt")


@pytest.mark.parametrize("word", ["nešaudė", "neturime", "nėra", "nebus", "neįgyvendino"])
def test_lithuanian_prefixed_not_still_negates(word):
    from storydiff.compare.meaning import _prefix_negates

    assert _prefix_negates(word, "lt")


@pytest.mark.parametrize("a, b, la, lb", [
    ("Kariai nešė vėliavas.", "Soldiers carried flags.", "lt", "en"),
    ("Rusija neigė kaltę.", "Россия отрицала вину.", "lt", "ru"),
    ("Kariai nešė vėliavas.", "Kariai laikė vėliavas.", "lt", "lt"),
])
def test_lithuanian_faithful_pairs_are_no_negation(a, b, la, lb):
    assert "negation" not in meaning_changes(a, b, la, lb)
