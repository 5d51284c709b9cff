"""Two denials in one quote, QA pass 27c, 1: the meaning check kept only the parity of a quote's
negated clauses, so «Склад не пострадал и не горел» reported as "The depot was damaged and
burned" (both denials dropped) was a faithful translation, and a faithful "There have been and
there are no secret negotiations" for «…не было и нет» (one denial said in two clauses) was
flagged "not" changed."""

import pytest

from storydiff.compare.meaning import meaning_changes


@pytest.mark.parametrize("a, b, lang_a, lang_b", [
    ("Склад не пострадал и не горел", "The depot was damaged and burned", "ru", "en"),
    ("Россия не нападала и не собирается нападать на страны НАТО",
     "Росія нападала і збирається нападати на країни НАТО", "ru", "uk"),
    ("Никаких секретных переговоров в Абу-Даби не было и нет", "Секретные переговоры в Абу-Даби были и идут", "ru", "ru"),
    ("The depot was not damaged and did not catch fire", "The depot was damaged and caught fire", "en", "en"),
    # one of the two denials dropped, within a language, where the clauses align
    ("The depot was not damaged and did not catch fire", "The depot was not damaged and caught fire", "en", "en"),
])
def test_both_denials_dropped_is_a_negation_change(a, b, lang_a, lang_b):
    assert "negation" in meaning_changes(a, b, lang_a, lang_b)


@pytest.mark.parametrize("a, b, lang_a, lang_b", [
    ("Никаких секретных переговоров в Абу-Даби не было и нет",
     "There have been and there are no secret negotiations in Abu Dhabi", "ru", "en"),
    ("Никаких секретных переговоров в Абу-Даби не было и нет", "No secret negotiations have taken place in Abu Dhabi",
     "ru", "en"),
    ("Нефтебаза не пострадала и не горела", "The oil depot was neither damaged nor on fire", "ru", "en"),
    ("The depot was not damaged and did not catch fire", "The depot was not damaged and did not catch fire", "en", "en"),
])
def test_a_denial_worded_in_more_or_fewer_clauses_is_kept(a, b, lang_a, lang_b):
    assert "negation" not in meaning_changes(a, b, lang_a, lang_b)
