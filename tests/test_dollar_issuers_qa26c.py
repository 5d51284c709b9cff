"""Canadian and US dollars are two currencies, QA pass 26c, 9: "200 мільйонів канадських доларів"
beside "200 million US dollars" gave no "currency differs". The dollar's country is read where
the text writes it (a sign's or a code's letters, the country's adjective or name beside the
currency word); a bare "$" or "dollars" may be any country's."""

from __future__ import annotations

import pytest

from storydiff.compare.claims import quantities_in
from storydiff.compare.facts import align_facts
from storydiff.records import Article


@pytest.mark.parametrize(
    "text, lang, issuer",
    [("Канада виділить 200 мільйонів канадських доларів.", "uk", "ca"),
     ("Канада выделит 200 миллионов канадских долларов.", "ru", "ca"),
     ("Kanada przekaże 200 mln dolarów kanadyjskich.", "pl", "ca"),
     ("Kanada gibt 200 Millionen kanadische Dollar.", "de", "ca"),
     ("Le Canada versera 200 millions de dollars canadiens.", "fr", "ca"),
     ("Canada will give C$200 million.", "en", "ca"),
     ("Canada will give 200 million CAD.", "en", "ca"),
     ("Canada will give 200 million US dollars.", "en", "us"),
     ("Canada will give US$200 million.", "en", "us"),
     ("США нададуть 200 млн доларів США.", "uk", "us"),
     ("США дадут 200 млн долл. США.", "ru", "us"),
     ("Die USA geben 200 Millionen US-Dollar.", "de", "us"),
     ("Australia will give 200 million Australian dollars.", "en", "au"),
     ("Canada will give $200 million.", "en", ""),
     ("Канада надасть 200 млн доларів.", "uk", ""),
     # a country later in the sentence is not the dollar's
     ("Canada will give 200 million dollars, the US said.", "en", ""),
     ("He gave us 200 dollars to us.", "en", ""),
     # an article before a sign is no country's letter (WMT22: "A $100 investment")
     ("A $100 investment at launch would be worth more today.", "en", "")],
)
def test_the_dollars_country_is_read_where_written(text, lang, issuer):
    (q,) = [q for q in quantities_in(text, lang) if q.unit == "dolla"]
    assert q.issuer == issuer


def _conflicts(a: str, b: str) -> list[str]:
    facts = align_facts([Article(id="a", source="a", text=a), Article(id="b", source="b", text=b)])
    return [line for f in facts for line in f.conflicts]


def test_canadian_and_us_dollars_differ_and_a_bare_dollar_meets_either():
    text = "Canada will allocate 200 million {} to Ukraine to purchase air defense equipment, officials said."
    assert _conflicts(text.format("Canadian dollars"), text.format("US dollars")) == [
        "currency differs: 200 million Canadian dollars (a) vs 200 million US dollars (b)"]
    assert _conflicts(text.format("Canadian dollars"), text.format("dollars")) == []
    assert _conflicts(text.format("US dollars"), "Canada will allocate $200 million to Ukraine to purchase "
                      "air defense equipment, officials said.") == []
    assert _conflicts(text.format("Canadian dollars"), text.format("euros")) == [
        "currency differs: 200 million Canadian dollars (a) vs 200 million euros (b)"]


@pytest.mark.parametrize(
    "text, lang, unit, value, issuer",
    [("Ottawa pledged CAD 200 million for Ukraine.", "en", "dolla", 2e8, "ca"),
     ("Kanada przekaże CAD 200 mln na drony.", "pl", "dolla", 2e8, "ca"),
     ("The EU approved EUR 90 billion for Kyiv.", "en", "euro", 9e10, ""),
     ("The bank lent UAH 1.2 billion to farmers.", "en", "hryvn", 1.2e9, "")],
)
def test_a_sum_after_its_currency_code_is_read(text, lang, unit, value, issuer):
    # "CAD 200 million" read no figure at all: "CAD 200" was taken for a model's designation
    (q,) = quantities_in(text, lang)
    assert (q.unit, q.value, q.issuer) == (unit, value, issuer)


def test_capitals_before_a_figure_that_are_no_currency_code_stay_a_designation():
    assert [q.unit for q in quantities_in("Russia launched 12 Su 200 items.", "en")][0] == "su"


@pytest.mark.parametrize(
    "text, lang, value",
    [("L'UE prêtera 90 Md€ à l'Ukraine.", "fr", 9e10), ("Le plan de 300 M€ est prêt.", "fr", 3e8),
     ("Die EU gibt 90 Mrd. € aus.", "de", 9e10), ("ЄС дасть 90 млрд € Україні.", "uk", 9e10),
     ("Die Karte kostet 15,50 €.", "de", 15.5)],
)
def test_a_sum_before_its_currency_sign_is_in_that_currency(text, lang, value):
    # QA pass 27a, 12: "90 Md€" counted "md", "90 Mrd. €" counted "gibt": never the euros they are
    (q,) = quantities_in(text, lang)
    assert (q.unit, q.value) == ("euro", value)


def test_the_eu_members_named_by_their_number_are_no_count():
    # QA pass 27a, 5: "numbers differ: Vingt-Sept doivent vs two diplomats"
    qs = quantities_in("Les Vingt-Sept doivent encore approuver le paquet, selon deux diplomates.", "fr")
    assert [q.value for q in qs] == [2]
    assert [q.value for q in quantities_in("Vingt-sept pays ont voté.", "fr")] == [27]


def test_a_count_before_a_priced_thing_is_no_sum():
    # "3 $5 tickets": the sign is the next figure's ("$5"), not the sign after "3"
    qs = quantities_in("He bought 3 $5 tickets at the fair.", "en")
    assert [(q.value, q.unit) for q in qs if q.unit == "dolla"] == [(5.0, "dolla")]
