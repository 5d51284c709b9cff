"""Same-story grouping, QA pass 27 (written fixtures of a fictional region).

A: two drone attacks on Dorniv two days apart, the later one's lede naming only its night
("Уночі ... знову атакували"), were one story: a day from the first by the date veto's slack.
"""

from __future__ import annotations

from storydiff.match import MatchDoc
from storydiff.match.clusterer import OnlineClusterer
from storydiff.settings import MatchSettings

ATTACK_4 = (
    "Атака на Дорнів: одна людина загинула, семеро поранених",
    "Уночі 4 грудня російські війська атакували Дорнів ударними безпілотниками. Внаслідок атаки одна "
    "людина загинула, ще семеро дістали поранення, повідомив начальник обласної військової адміністрації "
    "Петро Гранчук.\nУламки дрона влучили у житловий будинок у Заводському районі міста, пошкоджено 30 "
    "квартир та автомобілі.\n«Ворог знову бив по житлових кварталах», – написав Гранчук.",
)
ATTACK_6 = (
    "Нова атака дронів на Дорнів: п'ятеро поранених",
    "Уночі російські війська знову атакували Дорнів ударними безпілотниками, п'ятеро людей поранені, "
    "повідомив Петро Гранчук.\nУ Заводському районі уламки пошкодили дев'ятиповерхівку, без вікон лишилися 25 "
    "квартир, згоріли автомобілі.\nМіський голова Дорнова Іван Сорока сказав, що пункт незламності знову "
    "працює.\n«Ворог знову бив по житлових кварталах», – написав Гранчук.",
)


def _stories(docs: list[MatchDoc], **settings) -> list[str]:
    c = OnlineClusterer(MatchSettings(**settings))
    sids = [c.add(d) for d in docs]
    return [c.resolve(s) for s in sids]


def _attacks() -> list[MatchDoc]:
    return [
        MatchDoc("att-4", ATTACK_4[1], ATTACK_4[0], "2026-12-04T06:10:00+02:00", language="uk"),
        MatchDoc("att-6", ATTACK_6[1], ATTACK_6[0], "2026-12-06T06:20:00+02:00", language="uk"),
    ]


def test_a_night_two_days_on_is_no_update_of_the_first_attack():
    off = _stories(_attacks(), out_before_event=False)
    assert off[0] == off[1]  # the lexical score and the date veto's day of slack join them
    on = _stories(_attacks())
    assert on[0] != on[1]
    # whichever arrives first
    assert len(set(_stories(_attacks()[::-1]))) == 2


def test_a_night_reported_the_next_morning_stays_with_its_story():
    # the same night told again the next day ("Уночі" in a report of the 5th, the night into the
    # 5th): out after that night began, so no veto
    late = MatchDoc("att-4b", ATTACK_6[1].replace(" знову", ""), ATTACK_6[0], "2026-12-04T09:30:00+02:00", language="uk")
    sids = _stories([_attacks()[0], late])
    assert sids[0] == sids[1]
