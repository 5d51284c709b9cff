"""Figures QA pass 21a found misread (fixtures written for these tests): drones shot down against
drones launched, the injured who died, German "zwei Dutzend", "minus 12 Grad", "achtundfünfzig",
and "sagte ... zu" (pledged), not the day something was said."""

import pytest

from storydiff.compare.claims import dates_in, quantities_conflict, quantities_in, weekdays_in
from storydiff.compare.facts import align_facts
from storydiff.records import Article


def read(text: str, lang: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in quantities_in(text, lang)]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Russia launched 40 drones overnight, the air force said, adding that 31 drones were shot down.",
     [(40, "drone"), (31, "drone:down")]),
    ("de", "Die Luftwaffe meldete 40 Drohnen, von denen 31 Drohnen abgefangen wurden.", [(40, "drone"), (31, "drone:down")]),
    ("de", "31 Drohnen seien abgeschossen worden.", [(31, "drone:down")]),
    ("uk", "Росіяни випустили 40 дронів, 31 дрон збито.", [(40, "drone"), (31, "drone:down")]),
    ("ru", "Силы ПВО уничтожили 31 беспилотник.", [(31, "drone:down")]),
    ("pl", "Rosja wystrzeliła 12 rakiet, zestrzelono 9 rakiet.", [(12, "missl"), (9, "missl:down")]),
    # launched, and then shot down "most of them": the 40 are the launched
    ("en", "Russia launched 40 drones overnight and air defence shot down most of them.", [(40, "drone")]),
])
def test_drones_shot_down_are_another_count_than_those_launched(lang, text, expected):
    assert read(text, lang) == expected


def test_a_part_shot_down_of_those_launched_stays_a_part():
    assert read("Сили ППО збили 31 дрон з 40.", "uk") == [(31, "drone:part"), (40, "drone")]


def _art(aid: str, lang: str, text: str) -> Article:
    return Article(id=aid, source=aid, outlet=aid, title="", language=lang, text=text)


def test_launched_and_shot_down_in_one_story_are_no_dispute():
    lede = {"en": "Russia attacked the port city of Izmail with drones overnight, the regional governor said.",
            "de": "Russland hat die Hafenstadt Ismajil in der Nacht mit Drohnen angegriffen, teilte der Gouverneur mit."}
    arts = [
        _art("a", "en", lede["en"] + "\nRussia launched 40 drones, the air force said, adding that 31 drones were shot down."),
        _art("b", "de", lede["de"] + "\nDie Luftwaffe meldete 40 Drohnen, von denen 31 Drohnen abgefangen wurden."),
        _art("c", "de", lede["de"] + "\nNach Angaben der Luftwaffe setzte Russland 40 Drohnen ein. 31 Drohnen seien "
                                      "abgefangen worden."),
    ]
    lines = [line for f in align_facts(arts) for line in f.conflicts]
    assert not any("40" in line and "31" in line for line in lines), lines


@pytest.mark.parametrize("lang, text", [
    ("uk", "У лікарні померли двоє поранених, повідомив голова ОВА."),
    ("ru", "Двое раненых скончались в больнице."),
    ("de", "Zwei Verletzte erlagen im Krankenhaus ihren Verletzungen."),
    ("en", "Two injured people died in hospital."),
])
def test_the_injured_who_died_are_no_count_of_the_injured(lang, text):
    assert [u for _, u in read(text, lang)] == ["dead:part"]


@pytest.mark.parametrize("lang, text, expected", [
    ("uk", "Загинули семеро людей, 23 поранені.", [(7, "dead"), (23, "injur")]),
    ("uk", "Семеро загиблих та двоє поранених.", [(7, "dead"), (2, "injur")]),
    ("de", "Sieben Menschen starben und 23 Verletzte wurden behandelt.", [(7, "dead"), (23, "injur")]),
])
def test_the_injured_beside_the_dead_stay_injured(lang, text, expected):
    assert read(text, lang) == expected


def test_a_toll_update_s_died_of_wounds_is_no_headline_dispute_of_the_injured():
    first = _art("first", "uk", "Уночі росіяни атакували Ізмаїл дронами. Загинули семеро людей, 23 поранені.")
    first.title = "Атака на Ізмаїл: загинули семеро людей, 23 поранені"
    update = _art("update", "uk", "Кількість загиблих внаслідок атаки на Ізмаїл зросла до дев'яти. У лікарні померли "
                                  "двоє поранених, повідомив голова ОВА.")
    update.title = "Кількість загиблих внаслідок атаки на Ізмаїл зросла до дев'яти"
    lines = [line for f in align_facts([first, update]) for line in f.conflicts]
    assert not any("двоє поранених" in line for line in lines), lines


@pytest.mark.parametrize("text, value", [
    ("Bei dem Angriff wurden zwei Dutzend Menschen verletzt.", 24),
    ("Wir brauchen ein Dutzend Systeme.", 12),
    ("Ein halbes Dutzend Häuser brannte.", 6),
    ("Russland setzte achtundfünfzig Drohnen ein.", 58),
    ("Es waren einundzwanzig Menschen.", 21),
    ("Es kamen achtzig Menschen.", 80),
])
def test_german_quantities_in_words(text, value):
    assert [v for v, _ in read(text, "de")] == [value]


def test_dozens_are_no_figure():
    assert read("Dutzende Menschen wurden verletzt.", "de") == []


def test_zwei_dutzend_is_24():
    a = quantities_in("Bei dem Angriff wurden zwei Dutzend Menschen verletzt.", "de")
    assert not quantities_conflict(a, quantities_in("Bei dem Angriff wurden 24 Menschen verletzt.", "de"))
    assert quantities_conflict(a, quantities_in("Bei dem Angriff wurden 30 Menschen verletzt.", "de"))


@pytest.mark.parametrize("lang, a, b", [
    ("de", "Die Temperatur lag bei minus 12 Grad.", "Die Temperatur lag bei 12 Grad."),
    ("uk", "У Харкові було мінус 7 градусів.", "У Харкові було 7 градусів."),
    ("en", "It was −7 degrees in Kharkiv.", "It was 7 degrees in Kharkiv."),
])
def test_a_figure_below_zero_is_not_the_figure_above(lang, a, b):
    qa, qb = quantities_in(a, lang), quantities_in(b, lang)
    assert qa[0].value < 0 and quantities_conflict(qa, qb)


def test_a_range_with_a_hyphen_is_not_below_zero():
    assert all(q.value > 0 for q in quantities_in("Zwischen 10-12 Menschen wurden verletzt.", "de"))


@pytest.mark.parametrize("text, date", [
    ("Die Bundesregierung sagte am 6. Dezember Hilfe zu.", "6. Dezember"),
    ("Die Bundesregierung sagte am 6. Dezember das Treffen ab.", "6. Dezember"),
])
def test_zusagen_and_absagen_are_no_saying(text, date):
    assert [q.written for q in dates_in(text, "de")] == [date]


def test_a_weekday_of_zusagen_is_read():
    assert [q.written for q in weekdays_in("Die Bundesregierung sagte am Sonntag Hilfe zu.")] == ["Sonntag"]


@pytest.mark.parametrize("text", [
    "Merz sagte am 6. Dezember in Berlin, die Hilfe komme.",
    "Merz sagte am 6. Dezember, er stehe zu seinem Wort.",
])
def test_the_day_something_was_said_stays_left_out(text):
    assert dates_in(text, "de") == ()
