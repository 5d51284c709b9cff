"""The same-fact judge's checks (QA pass 19b, 17): another count on another night is another fact,
the same words from another person are not "same", and a pair a check rules out still ranks."""

import pytest

from storydiff.compare.cross_encoder import MODEL_FILE
from storydiff.compare.same_fact import calibration, judge_pairs, when_differs


def test_two_nights_written_alike_differ_and_a_night_beside_its_evening_does_not():
    assert when_differs("У ніч на суботу дрони атакували Суми.", "У ніч на неділю дрони атакували Суми.", "uk", "uk")
    assert when_differs("В ночь на субботу дроны атаковали Сумы.", "В ночь на вторник дроны атаковали Сумы.", "ru", "ru")
    assert not when_differs("У ніч на неділю дрони атакували Суми.", "В ночь на воскресенье дроны атаковали Сумы.",
                            "uk", "ru")
    # Saturday night and the night onto Sunday are one night
    assert not when_differs("Drones hit Sumy on Saturday night.", "У ніч на неділю дрони атакували Суми.", "en", "uk")


def test_another_toll_on_another_night_is_another_fact():
    j, = judge_pairs([("У ніч на суботу російські дрони атакували Суми, загинули двоє людей.",
                       "У ніч на неділю російські дрони атакували Суми, загинули п'ятеро людей.")], [("uk", "uk")])
    assert j.figures_differ and not j.same and j.tier == "different"


def test_pairs_a_check_rules_out_still_rank_by_the_judge():
    a, b = judge_pairs([("Польща закриє кордон з Білоруссю в понеділок.", "Польща не закриє кордон з Білоруссю в понеділок."),
                        ("Угорщина підтримає санкції.", "Угорщина ніколи не підтримає санкції.")],
                       [("uk", "uk")] * 2)
    assert a.negation_differs and b.negation_differs and a.tier == b.tier == "different"
    assert a.score != b.score and a.score < calibration()[a.judge]["possibly"]


@pytest.mark.skipif(not MODEL_FILE.exists(), reason="the judge's model file is not built")
def test_the_same_words_from_another_person_are_not_the_same_fact():
    same_words = "said the city would not accept the new budget."
    j, k = judge_pairs([(f"Mayor Anna Koval {same_words}", f"Governor Petro Lysak {same_words}"),
                        (f"Mayor Anna Koval {same_words}", f"Mayor Koval {same_words}")], [("en", "en")] * 2)
    assert not j.same and k.same
