"""City spellings as one term (match.features.city_spellings) are names: a lowercase word that is
spelled like one ("vienne", "thorn", "colonia") is the word, not the city."""

from __future__ import annotations

import pytest

from storydiff.match.features import extract_terms


@pytest.mark.parametrize(("text", "word"), [
    ("Le gouvernement attend qu'il vienne à Bruxelles avant la fin de la semaine.", "vienne"),  # French "come"
    ("A thorn in the side of the coalition, the party voted against the budget.", "thorn"),
    ("Los vecinos de la colonia protestaron contra el alza del transporte.", "colonia"),  # Spanish "neighbourhood"
])
def test_a_lowercase_word_is_no_city_spelling(text, word):
    words = extract_terms(text).words
    assert word in words and not ({"vienna", "torun", "cologne"} & set(words))


def test_a_capitalised_city_spelling_is_the_city():
    terms = extract_terms("Shelling hit Kharkov Region overnight, the governor said.", title="Strike on Kharkov")
    assert "kharkiv" in terms.words and "kharkiv" in terms.title
