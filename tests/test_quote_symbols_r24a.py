"""Review 24a, F2: a quote whose currency, sign or percent an outlet changed was "verbatim (the
same text)" with no warning, and the copy was printed with the first report's characters: symbols
were no words to the verbatim check, the word diff showed "=" runs in the reference's words, and
the figure reader took "€5" and "$5", "-15" and "15", "50%" and "50" for one figure."""

import pytest

from storydiff.compare.meaning import meaning_changes
from storydiff.compare.quotes import align_quotes, quote_fidelity, word_diff
from storydiff.records import Quote


@pytest.mark.parametrize("lang, a, b", [
    ("en", "We need €5 billion to rebuild the grid this winter", "We need $5 billion to rebuild the grid this winter"),
    ("en", "Temperatures will drop to -15 degrees at night", "Temperatures will drop to 15 degrees at night"),
    ("en", "Russia lost 50% of its armour near Avdiivka", "Russia lost 50 of its armour near Avdiivka"),
    ("uk", "Україні потрібно 5 млрд € на відновлення мережі", "Україні потрібно 5 млрд $ на відновлення мережі"),
    ("ru", "Ночью температура опустится до −15 градусов", "Ночью температура опустится до 15 градусов"),
    ("de", "Wir brauchen 5 Milliarden € für das Netz", "Wir brauchen 5 Milliarden £ für das Netz"),
    ("pl", "Straciliśmy 30% sprzętu pod Pokrowskiem", "Straciliśmy 30 sprzętu pod Pokrowskiem"),
])
def test_a_changed_symbol_is_no_verbatim_copy_and_changes_the_figure(lang, a, b):
    label, score = quote_fidelity(a, b)
    assert label != "verbatim" and score < 1.0
    assert "numbers" in meaning_changes(a, b, lang, lang)
    assert "numbers" in meaning_changes(b, a, lang, lang)


@pytest.mark.parametrize("lang, a, b", [
    ("en", "We need €5 billion to rebuild the grid", "We need 5 billion euros to rebuild the grid"),
    ("en", "Prices rose by 12% this year", "Prices rose by 12 percent this year"),
    ("en", "Prices rose by 12% this year", "Prices rose by 12 per cent this year"),
    ("de", "Die Preise stiegen um 12 % in diesem Jahr", "Die Preise stiegen um 12 Prozent in diesem Jahr"),
    ("uk", "Ціни зросли на 12% цього року", "Ціни зросли на 12 відсотків цього року"),
    ("ru", "Ночью до −15 градусов", "Ночью до -15 градусов"),
    ("en", "We need $5 billion to rebuild the grid", "We need 5 billion to rebuild the grid"),  # a unit left out
    ("en", "The 2022-2023 heating season was hard", "The 2022-2023 heating season was hard, very hard"),
])
def test_one_figure_written_two_ways_is_no_change(lang, a, b):
    assert "numbers" not in meaning_changes(a, b, lang, lang)


def test_the_version_is_shown_in_its_own_characters():
    a = "Ukraine needs €5 billion to rebuild its power grid before the winter"
    b = "Ukraine needs $5 billion to rebuild its power grid before the winter"
    diff = word_diff(a, b)
    assert ("-", "€5") in diff and ("+", "$5") in diff
    assert "".join(t for op, t in diff if op != "-").count("€") == 0
    # the same words in other quote marks and case: "=" runs are the version's words
    assert word_diff("We will WIN", "we will win") == [("=", "we will win")]
    (group,) = align_quotes({"ki": [Quote(a, 0, len(a), "Denys Shmyhal")], "ed": [Quote(b, 0, len(b), "Denys Shmyhal")]}, ["ki", "ed"],
                            languages={"ki": "en", "ed": "en"})
    version = group.versions[1]
    assert version.fidelity == "edited" and "numbers" in version.changes
