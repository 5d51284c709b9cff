"""Counted things of power-cut and relief reports across languages, QA pass 26c, 5: "42 тисячі
абонентів" beside "About 24,000 customers" kept their own units ("абоне" / "custo") and the
figures were never compared; households were the buildings' key by English's first letters."""

from __future__ import annotations

import pytest

from storydiff.compare.claims import quantities_in
from storydiff.compare.same_fact import figures_disagree


def _units(text: str, lang: str) -> set[str]:
    return {q.unit for q in quantities_in(text, lang)}


@pytest.mark.parametrize(
    "a, la, b, lb",
    [("42 тисячі абонентів", "uk", "42,000 customers", "en"),
     ("42 тысячи абонентов", "ru", "42,000 subscribers", "en"),
     ("42 тисячі споживачів", "uk", "42 tys. odbiorców", "pl"),
     ("42.000 Stromkunden", "de", "42,000 consumers", "en"),
     ("42 тисячі домогосподарств", "uk", "42,000 households", "en"),
     ("42.000 Haushalte", "de", "42 tys. gospodarstw domowych", "pl"),
     ("42 тысячи домохозяйств", "ru", "42 000 foyers", "fr"),
     ("12 областей", "uk", "12 regions", "en"),
     ("30 країн", "uk", "30 countries", "en"),
     ("10 квартир", "uk", "10 flats", "en"),
     ("16 Wohnungen", "de", "16 mieszkań", "pl"),
     ("40 лікарів", "uk", "40 doctors", "en"),
     ("300 учнів", "uk", "300 pupils", "en"),
     ("20 підстанцій", "uk", "20 substations", "en"),
     ("200 волонтерів", "uk", "200 volunteers", "en")],
)
def test_one_counted_thing_is_one_unit_across_languages(a, la, b, lb):
    assert _units(a, la) == _units(b, lb)


@pytest.mark.parametrize(
    "a, la, b, lb",
    # households are no buildings, customers no one in custody, hospitals no doctors
    [("42 тисячі будинків", "uk", "42,000 households", "en"),
     ("12 customers", "en", "12 in custody", "en"),
     ("3 лікарні", "uk", "3 doctors", "en"),
     ("16 mieszkańców", "pl", "16 flats", "en")],
)
def test_different_counted_things_stay_apart(a, la, b, lb):
    assert _units(a, la) != _units(b, lb)


def test_same_fact_flags_a_customer_count_that_differs():
    a = "Без електропостачання залишилися 42 тисячі абонентів у двох районах міста."
    b = "About 24,000 customers in two districts of the city were left without electricity."
    assert figures_disagree(a, b, "uk", "en") == 1.0
    assert figures_disagree(a, b.replace("24,000", "42,000"), "uk", "en") == 0.0
