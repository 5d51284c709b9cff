"""Bylines joined by "and" in the languages storydiff reads (QA pass 19a, 13: "Автори: Марія
Петренко та Олег Сидоренко" gave no author in page text, one joined "author" elsewhere)."""

import pytest

from storydiff.extract.metadata import split_authors


@pytest.mark.parametrize("raw, names", [
    ("Марія Петренко та Олег Сидоренко", ["Марія Петренко", "Олег Сидоренко"]),
    ("Олена Коваль і Петро Іванів", ["Олена Коваль", "Петро Іванів"]),
    ("Иван Петров и Анна Смирнова", ["Иван Петров", "Анна Смирнова"]),
    ("Jan Kowalski oraz Anna Nowak", ["Jan Kowalski", "Anna Nowak"]),
    ("Jan Kowalski i Anna Nowak", ["Jan Kowalski", "Anna Nowak"]),
    ("Anna Müller und Hans Meier", ["Anna Müller", "Hans Meier"]),
    ("Marie Curie et Pierre Curie", ["Marie Curie", "Pierre Curie"]),
    ("Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
])
def test_two_names_joined_by_and_are_two_authors(raw, names):
    assert split_authors(raw) == names


def test_an_initial_or_a_name_holding_the_letters_is_not_cut():
    assert split_authors("I. Ivanov") == ["I. Ivanov"]  # "I" is an initial, not Polish "i"
    assert split_authors("Etienne Undset") == ["Etienne Undset"]
