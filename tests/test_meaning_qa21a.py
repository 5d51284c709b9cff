""""kaum" / "hardly" are a "not" as a translation says it (QA pass 21a, 12)."""

import pytest

from storydiff.compare.meaning import meaning_changes
from storydiff.compare.translation import spelled_out


@pytest.mark.parametrize("a, lang_a, b, lang_b", [
    ("Wir haben kaum noch Munition für die Artillerie", "de", "У нас майже не залишилося снарядів для артилерії", "uk"),
    ("Wir haben kaum noch Munition für die Artillerie", "de", "У нас почти не осталось снарядов для артиллерии", "ru"),
    ("We have hardly any shells left for the artillery", "en", "У нас майже не залишилося снарядів для артилерії", "uk"),
    ("Es gibt kaum Strom in der Stadt", "de", "There is hardly any power in the city", "en"),
])
def test_almost_not_is_no_negation_change(a, lang_a, b, lang_b):
    assert "negation" not in meaning_changes(a, b, lang_a, lang_b)


@pytest.mark.parametrize("a, lang_a, b, lang_b", [
    ("Wir haben kaum noch Munition für die Artillerie", "de", "У нас залишилося багато снарядів для артилерії", "uk"),
    ("Wir haben noch viel Munition für die Artillerie", "de", "У нас майже не залишилося снарядів для артилерії", "uk"),
])
def test_almost_not_against_plenty_is_still_a_change(a, lang_a, b, lang_b):
    assert "negation" in meaning_changes(a, b, lang_a, lang_b)


def test_abbreviations_are_spelled_out_for_the_vectors_only():
    assert spelled_out("Без ППО наші міста беззахисні") == "Без протиповітряної оборони наші міста беззахисні"
    assert spelled_out("Система ППОК") == "Система ППОК"  # a word that only starts like one
