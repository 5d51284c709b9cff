"""Headline tolls as each language writes them (QA pass 20a, 03): "двоє загиблих" after a colon,
"kills 3", "kills 3 in Lviv", "tötet 3", "zabił 3" are counts of the dead, so the headlines'
dispute names every outlet on its side."""

import pytest

from storydiff.compare.claims import quantities_in
from storydiff.compare.facts import align_facts
from storydiff.records import Article


@pytest.mark.parametrize("lang, text, read", [
    ("uk", "Масована атака на Львів: двоє загиблих, восьмеро поранених", [(2, "dead"), (8, "injur")]),
    ("uk", "Масована атака на Львів: троє загиблих", [(3, "dead")]),
    ("uk", "Загинули 3 у Львові", [(3, "dead")]),
    ("ru", "Погибли 3 во Львове", [(3, "dead")]),
    ("en", "Russian attack on Lviv kills 3, injures 8", [(3, "dead"), (8, "injur")]),
    ("en", "Russian strike kills 3 in Lviv", [(3, "dead")]),
    ("en", "Lviv: 3 killed, 8 injured", [(3, "dead"), (8, "injur")]),
    ("en", "Strike on hospital killing 3", [(3, "dead")]),
    ("de", "Angriff tötet 3 in Lwiw", [(3, "dead")]),
    ("pl", "Atak zabił 3 we Lwowie", [(3, "dead")]),
])
def test_headline_tolls_are_counts_of_the_dead(lang, text, read):
    assert [(q.value, q.unit) for q in quantities_in(text, lang)] == read


@pytest.mark.parametrize("lang, text", [
    ("en", "The meeting starts at 10:30 today"),
    ("en", "Sirens sounded at 3:10 p.m."),
    ("uk", "Тривогу оголосили о 10:30"),
    ("de", "Der Alarm begann um 4:52 Uhr"),
])
def test_a_clock_time_s_minutes_are_still_no_count(lang, text):
    assert quantities_in(text, lang) == ()


BODY = ("Уночі російські ракети та дрони атакували Львів, пошкоджено житлові будинки.\n"
        "Про це повідомив міський голова Андрій Садовий.\n"
        "На місці працюють рятувальники, триває розбір завалів.")


def _art(aid: str, title: str, lang: str) -> Article:
    return Article(id=aid, source=aid, outlet=aid, title=title, language=lang, text=BODY)


def test_the_headlines_dispute_names_each_outlet_with_its_toll():
    arts = [_art("uk", "Масована атака на Львів: двоє загиблих, восьмеро поранених", "uk"),
            _art("pl", "Zmasowany atak na Lwów. Nie żyją trzy osoby, osiem rannych", "pl"),
            _art("en", "Russian attack on Lviv kills 3, injures 8", "en"),
            _art("de", "Zwei Tote bei russischem Großangriff auf Lwiw", "de")]
    (line,) = [line for f in align_facts(arts) for line in f.conflicts if "headline" in line]
    assert "поранених" not in line and "rannych" not in line  # the injured agree: 8 in three headlines
    two, three = line.split(" vs ")
    if "trzy" in two:
        two, three = three, two
    assert "(uk, de)" in two and "(pl, en)" in three, line


def _en(aid: str, title: str, toll: str) -> Article:
    text = (f"A magnitude 6.4 earthquake struck the town of Berovac before dawn on Monday, killing {toll} people.\n"
            "Rescue teams from three neighbouring provinces arrived by midday.\n"
            "The old stone houses in the centre of town suffered the worst damage.")
    return Article(id=aid, source=aid, outlet=aid, title=title, language="en", text=text)


def test_a_headline_dispute_the_bodies_already_state_is_said_once():
    # the demo's case once "kills 12 in Berovac" reads as 12 dead: the same outlets, the same figures
    lines = [line for f in align_facts([_en("opa", "Strong earthquake kills 12 in Berovac", "at least 12"),
                                         _en("lantern", "Berovac quake: 14 dead", "at least 14")])
             for line in f.conflicts]
    assert len(lines) == 1 and "headline" not in lines[0], lines
    # other figures in the headlines than in the bodies: a dispute of its own
    lines = [line for f in align_facts([_en("opa", "Strong earthquake kills 12 in Berovac", "at least 12"),
                                         _en("lantern", "Berovac quake: 16 dead", "at least 14")])
             for line in f.conflicts]
    assert len(lines) == 2 and sum("headline" in line for line in lines) == 1, lines


def test_a_headline_counting_the_injured_only_gives_its_lede_s_dead():
    lede = "Уночі російські ракети атакували Львів, загинули двоє людей.\n" + BODY
    arts = [Article(id="uk", source="uk", outlet="uk", title="Атака на Львів: восьмеро поранених", language="uk", text=lede),
            _art("pl", "Zmasowany atak na Lwów. Nie żyją trzy osoby, osiem rannych", "pl"),
            _art("en", "Russian attack on Lviv kills 3, injures 8", "en")]
    (fact,) = [f for f in align_facts(arts) if any("headline" in line for line in f.conflicts)]
    (line,) = fact.conflicts
    assert "загинули двоє" in line or "двоє людей" in line, line
    assert "(uk)" in line and "(pl, en)" in line, line
    assert fact.variants["uk"].startswith("Атака на Львів: восьмеро поранених — ")


def test_a_count_before_a_place_takes_no_casualty_word_from_another_count():
    # "in Tunisia" is no unit, and the 1,400 were infected: the "killed" of the 50 is not theirs
    qs = quantities_in("The disease has killed nearly 50 people and infected more than 1,400 in Tunisia.", "en")
    assert [(q.value, q.unit) for q in qs][0] == (50, "dead") and qs[1].unit not in ("dead", "tuni")
    assert [q.unit for q in quantities_in("Кількість загиблих зросла до 17 у Львові", "uk")] == ["dead"]
