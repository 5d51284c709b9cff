"""Where reports of one fact disagree in a way a fact-checker must see (QA pass 15): a negation on
one side only, counts swapped between the dead and the injured, one distance in units that do
not convert, different weekdays or clock times; and a bound the other figure satisfies is none.
The view never folds such a sentence into "the same wording" as another outlet's."""

from __future__ import annotations

import pytest

from storydiff.compare.claims import quantities_in
from storydiff.compare.facts import align_facts
from storydiff.records import Article, Story
from storydiff.serve.view import build_view


def _art(aid: str, text: str, outlet: str | None = None, language: str | None = None) -> Article:
    return Article(id=aid, source=aid, outlet=outlet or aid, text=text, language=language)


def _conflicts(x: str, y: str, lang_y: str | None = None) -> list[str]:
    facts = [f for f in align_facts([_art("a", x, "Odesa Wire"), _art("b", y, "Danube News", lang_y)])
             if len(f.article_ids) == 2]
    assert len(facts) == 1, [f.text for f in align_facts([_art("a", x), _art("b", y)])]
    return facts[0].conflicts


HIT = "The Izmail thermal power plant was hit, governor Oleh Kiper said."
NOT_HIT = "The Izmail thermal power plant was not hit, governor Oleh Kiper said."


def test_a_negation_on_one_side_only_is_a_disagreement():
    lines = _conflicts(HIT, NOT_HIT)
    assert len(lines) == 1 and lines[0].startswith("negation differs: ")
    # the words that differ, each side with its outlet
    assert "was hit" in lines[0] and "(Odesa Wire) vs " in lines[0] and "was not hit" in lines[0]
    assert lines[0].endswith("(Danube News)")
    assert _conflicts(HIT, HIT) == [] and _conflicts(NOT_HIT, NOT_HIT) == []
    # "unsafe" / "not safe": an opposite word cancels the negation, as for quotes
    assert _conflicts("The Izmail road bridge is not safe for trucks, the regional governor said.",
                      "The Izmail road bridge is unsafe for trucks, the regional governor said.") == []


K = ", governor Oleh Kiper said."


@pytest.mark.parametrize("en,other,lang", [
    (HIT, "Ізмаїльська теплоелектростанція не постраждала, зазначив губернатор Олег Кіпер.", "uk"),
    ("Two people are still missing after the strike on Odesa" + K,
     "Двох людей після удару по Одесі досі не знайшли, повідомив губернатор Олег Кіпер.", "uk"),
    ("The Russian Defence Ministry declined to comment on the strike on Odesa.",
     "Министерство обороны России не стало комментировать удар по Одессе.", "ru"),
    ("The crew of the ship was unharmed, the Odesa port authority said.",
     "Екіпаж судна не постраждав, повідомили в адміністрації порту Одеси.", "uk"),
    ("The strike cut power to 300 homes in Odesa" + K,
     "Через удар 300 будинків в Одесі залишилися без світла, повідомив губернатор Олег Кіпер.", "uk"),
])
def test_a_negation_across_languages_is_left_to_the_reader(en, other, lang):
    # a faithful translation puts "не" where English has a positive word, and the words cannot be
    # matched to tell it from a denial: no line (the two sentences are shown side by side)
    facts = align_facts([_art("a", en, "Odesa Wire", "en"), _art("b", other, "Одеса Сьогодні", lang)])
    shared = [f for f in facts if len(f.article_ids) == 2]
    if not shared:
        pytest.skip("the multilingual matcher is not installed: the two sentences are not one fact")
    assert not any(c.startswith("negation differs: ") for c in shared[0].conflicts)


@pytest.mark.parametrize("a,b", [
    ("Air defences failed to intercept the missile that hit Odesa port" + K,
     "Air defences did not intercept the missile that hit Odesa port" + K),
    ("Russia denied that its forces struck the Odesa port on Thursday, the Kremlin said.",
     "Russia said its forces did not strike the Odesa port on Thursday, the Kremlin said."),
    ("Kyiv had yet to respond to the Russian proposal on Thursday, officials said.",
     "Kyiv had not responded to the Russian proposal on Thursday, officials said."),
    ("Power was restored only after midnight in Odesa" + K, "Power was not restored until after midnight in Odesa" + K),
    ("The port of Izmail was not left without power after the strike" + K,
     "The port of Izmail kept its power after the strike" + K),
])
def test_a_word_that_carries_a_negation_is_one(a, b):
    assert _conflicts(a, b) == []


def test_a_word_that_carries_a_negation_still_disagrees_with_the_positive():
    lines = _conflicts("Air defences failed to intercept the missile that hit Odesa port" + K,
                       "Air defences intercepted the missile that hit Odesa port" + K)
    assert len(lines) == 1 and lines[0].startswith("negation differs: ")
    assert _conflicts("Kyiv had yet to respond to the Russian proposal on Thursday, officials said.",
                      "Kyiv responded to the Russian proposal on Thursday, officials said.") != []


NIGHT = "Russian drones struck the Izmail port {}" + K


@pytest.mark.parametrize("a,b,lang", [
    (NIGHT.format("on Thursday night"),
     "Російські дрони атакували порт Ізмаїла в ніч на п'ятницю, повідомив губернатор Олег Кіпер.", "uk"),
    (NIGHT.format("on Thursday"),
     "Российские дроны атаковали порт Измаила в ночь на пятницу, сообщил губернатор Олег Кипер.", "ru"),
    (NIGHT.format("on Thursday night"), NIGHT.format("early on Friday"), "en"),
    (NIGHT.format("on Thursday night"), NIGHT.format("on Friday"), "en"),
    (NIGHT.format("overnight on Tuesday"), NIGHT.format("overnight into Wednesday"), "en"),
    # across the week's end: Sunday night runs into Monday
    (NIGHT.format("on Sunday night"), NIGHT.format("early on Monday"), "en"),
    (NIGHT.format("on Sunday night"),
     "Російські дрони атакували порт Ізмаїла в ніч на понеділок, повідомив губернатор Олег Кіпер.", "uk"),
])
def test_the_night_before_a_weekday_is_either_day(a, b, lang):
    assert not any(c.startswith("days differ") for c in _conflicts(a, b, lang))


def test_a_night_two_days_off_still_differs():
    assert _conflicts(NIGHT.format("on Thursday night"), NIGHT.format("on Saturday")) != []
    assert _conflicts(NIGHT.format("on Friday night"), NIGHT.format("early on Monday")) != []
    assert _conflicts(NIGHT.format("on Sunday"), NIGHT.format("on Monday")) != []
    uk = "Російські дрони атакували порт Ізмаїла в ніч на середу, повідомив губернатор Олег Кіпер."
    assert any(c.startswith("days differ") for c in _conflicts(NIGHT.format("on Thursday"), uk, "uk"))


BASE = "The Izmail thermal power plant was hit by 3 drones on Thursday, governor Oleh Kiper said."


@pytest.mark.parametrize("other", [
    "The Izmail thermal power plant was not hit by 3 drones on Thursday, governor Oleh Kiper said.",  # a negation
    "The Izmail thermal power plant was hit by 3 drones on Tuesday, governor Oleh Kiper said.",  # a weekday
    "The Izmail thermal power plant was hit by 5 drones on Thursday, governor Oleh Kiper said.",  # a number
    "The Izmail thermal power plant was hit by 3 missiles on Thursday, governor Oleh Kiper said.",  # what it counts
    "The Odesa thermal power plant was hit by 3 drones on Thursday, governor Oleh Kiper said.",  # a name
])
def test_a_sentence_that_differs_in_substance_is_never_shown_as_the_same_wording(other):
    from rapidfuzz import fuzz

    assert fuzz.ratio(BASE, other) >= 90  # as alike in letters as a reprint with a typo
    a, b = _art("a", BASE, "Odesa Wire"), _art("b", other, "Danube News")
    facts = align_facts([a, b])
    view = build_view(Story(id="s", article_ids=["a", "b"], facts=facts), [a, b])
    (fact,) = [f for f in view.shared_facts if "thermal" in f["text"]]
    assert fact["outlets"] == ["Odesa Wire"] and fact["reworded_by"] == ["Danube News"]
    assert [v["text"] for v in fact["versions"]] == [other]
    # a reprint with a typo is still the same wording: the outlet is listed as printing it
    typo = _art("b", BASE.replace("hit by", "hit  by"), "Danube News")
    view = build_view(Story(id="s", article_ids=["a", "b"], facts=align_facts([a, typo])), [a, typo])
    assert [(f["outlets"], f["versions"]) for f in view.shared_facts] == [(["Odesa Wire", "Danube News"], [])]


KILLED_9 = "A Russian glide bomb attack on Kharkiv killed nine people and injured 31, regional governor Oleh Syniehubov said."


@pytest.mark.parametrize("swapped", [
    "A Russian glide bomb attack on Kharkiv killed 31 people and injured nine, regional governor Oleh Syniehubov said.",
    "Nine people were injured and 31 were killed when Russian glide bombs struck Kharkiv, Governor Oleh Syniehubov reported.",
])
def test_counts_swapped_between_the_dead_and_the_injured_conflict(swapped):
    lines = _conflicts(KILLED_9, swapped)
    # each line says which count it is: the figures alone ("nine people" vs "31 people") do not
    assert len(lines) == 2 and lines[0].startswith("numbers differ (killed): nine people (Odesa Wire) vs 31")
    assert lines[1].startswith("numbers differ (injured): 31 (Odesa Wire) vs ")
    # the same counts, each said of the same people, are none
    assert _conflicts(KILLED_9, "Nine people were killed and 31 were injured when Russian glide bombs struck "
                                "Kharkiv, Governor Oleh Syniehubov reported.") == []


def test_a_count_followed_by_what_happened_to_it():
    assert [q.unit for q in quantities_in("Nine people were injured and 31 were killed in Kharkiv.")] == ["injur", "dead"]
    assert [q.unit for q in quantities_in("Four people died and 12 were wounded in Kharkiv.")] == ["dead", "injur"]


def test_one_distance_in_units_that_do_not_convert_conflicts():
    km = "The city of Kharkiv lies about 30 km from the Russian border, officials said."
    assert _conflicts(km, "The city of Kharkiv lies about 30 miles from the Russian border, officials said.") == [
        "units differ: about 30 km (Odesa Wire) vs about 30 miles (Danube News)"]
    # the same distance converted (and rounded) is none
    assert _conflicts(km, "The city of Kharkiv lies about 19 miles from the Russian border, officials said.") == []
    assert _conflicts(km, "The city of Kharkiv lies about 30 kilometres from the Russian border, officials said.") == []
    assert _conflicts("The city of Kharkiv lies 30 km from the Russian border, officials said.",
                      "The city of Kharkiv lies 50 miles from the Russian border, officials said.") == [
        "numbers differ: 30 km (Odesa Wire) vs 50 miles (Danube News)"]
    # across languages: a mile is "миля" / "миля" / "Meile" / "milla"
    assert [q.unit for q in quantities_in("Місто розташоване за 30 миль від кордону.", "uk")] == ["mile"]
    assert [q.unit for q in quantities_in("Город находится в 30 милях от границы.", "ru")] == ["mile"]
    assert [q.unit for q in quantities_in("Die Stadt liegt 30 Meilen von der Grenze entfernt.", "de")] == ["mile"]


def test_different_weekdays_and_clock_times_conflict():
    assert _conflicts("A Russian glide bomb attack on Kharkiv on Thursday destroyed a printing house, police said.",
                      "A Russian glide bomb attack on Kharkiv on Wednesday destroyed a printing house, police said.") == [
        "days differ: Thursday (Odesa Wire) vs Wednesday (Danube News)"]
    assert _conflicts("The glide bomb attack on the Kharkiv printing house came at about 3 p.m. local time.",
                      "The glide bomb attack on the Kharkiv printing house came at around 11 a.m. local time.") == [
        "times differ: about 3 p.m. (Odesa Wire) vs around 11 a.m. (Danube News)"]
    _the_day_or_time_a_statement_was_made_is_no_conflict()
    # across languages: "у середу" is Wednesday, "у четвер" Thursday
    en = "A Russian glide bomb attack on Kharkiv on Thursday killed nine people, governor Oleh Syniehubov said."
    uk = "Російська атака керованими авіабомбами на Харків у {} вбила дев'ятьох людей, заявив губернатор Олег Синєгубов."
    assert _conflicts(en, uk.format("середу"), "uk") == ["days differ: Thursday (Odesa Wire) vs середу (Danube News)"]
    assert _conflicts(en, uk.format("четвер"), "uk") == []
    # 15:00 is 3 p.m.; a rounded time allows the minutes around it
    assert _conflicts("The glide bomb attack on the Kharkiv printing house came at 15:00 local time.",
                      "The glide bomb attack on the Kharkiv printing house came at 3 p.m. local time.") == []
    assert _conflicts("The glide bomb attack on the Kharkiv printing house came at about 3 p.m. local time.",
                      "The glide bomb attack on the Kharkiv printing house came at 3:10 p.m. local time.") == []


def _the_day_or_time_a_statement_was_made_is_no_conflict():
    assert _conflicts("A Russian glide bomb attack on Kharkiv on Thursday destroyed a printing house, police said.",
                      "A Russian glide bomb attack on Kharkiv destroyed a printing house, police said on Friday.") == []
    # two weekdays on a side: which one the event is on is not read
    assert _conflicts("A glide bomb attack on Kharkiv on Thursday destroyed the printing house hit on Monday.",
                      "A glide bomb attack on Kharkiv on Wednesday destroyed the printing house hit on Monday.") == []
    # times in different zones are not compared
    assert _conflicts("The glide bomb attack on the Kharkiv printing house came at 13:00 GMT, officials said.",
                      "The glide bomb attack on the Kharkiv printing house came at 15:00 local time, officials said.") == []


def test_a_round_bound_the_other_figure_satisfies_is_no_conflict():
    reuters = "A Russian missile strike on Zaporizhzhia killed nine people and wounded 31, governor Ivan Fedorov said."
    assert _conflicts(reuters, "A Russian missile strike on Zaporizhzhia killed nine people and wounded more than 30, "
                               "governor Ivan Fedorov said.") == []
    assert _conflicts(reuters, "A Russian missile strike on Zaporizhzhia killed nine people and wounded over 40, "
                               "governor Ivan Fedorov said.") == ["numbers differ (injured): 31 (Odesa Wire) vs over 40 (Danube News)"]
    assert _conflicts(reuters, "A Russian missile strike on Zaporizhzhia killed nine people and wounded fewer than 30, "
                               "governor Ivan Fedorov said.") != []
    uk = "Російський ракетний удар по Запоріжжю вбив дев'ятьох людей і поранив понад 30, заявив губернатор Іван Федоров."
    facts = align_facts([_art("a", reuters, language="en"), _art("b", uk, language="uk")])
    assert all(not c.startswith("numbers differ") for f in facts for c in f.conflicts)


def test_same_fact_figures_differ_agrees_with_the_facts_rule():
    from storydiff.compare.same_fact import figures_differ

    over = "The strike killed nine people and injured more than 30, Governor Ivan Fedorov said."
    assert not figures_differ(over, "The strike killed nine people and injured 31, Governor Ivan Fedorov said.", "en", "en")
    assert not figures_differ("Загинули дев'ятеро людей, понад 30 поранені.", "Nine people were killed and 31 wounded.",
                              "uk", "en")
    assert figures_differ(over, "The strike killed nine people and injured 25, Governor Ivan Fedorov said.", "en", "en")


def test_figures_that_agree_stand_on_one_side_of_a_dispute():
    text = "A Russian missile strike on Zaporizhzhia killed nine people and wounded {}, governor Ivan Fedorov said."
    arts = [_art("a", text.format("31"), "Reuters"), _art("b", text.format("more than 30"), "Kyiv Independent"),
            _art("c", text.format("12"), "Suspilne")]
    (fact,) = [f for f in align_facts(arts) if len(f.article_ids) == 3]
    # "more than 30" agrees with "31": the two stand together against "12"
    assert fact.conflicts == ["numbers differ (injured): 31 (Reuters), more than 30 (Kyiv Independent) vs 12 (Suspilne)"]
