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
