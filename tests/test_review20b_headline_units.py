"""Review 20b: a headline's toll dispute is not hidden by a body dispute of the same figures
counting something else (the injured), and still is by one counting the same (the dead)."""

import pytest

from storydiff.compare.facts import align_facts
from storydiff.records import Article

BODY = {
    "en": ("A magnitude 6.4 earthquake struck the town of Berovac before dawn on Monday, {what} {n} people.\n"
           "Rescue teams from three neighbouring provinces arrived by midday.\n"
           "The old stone houses in the centre of town suffered the worst damage."),
    "uk": ("Землетрус магнітудою 6,4 стався в місті Беровац у понеділок, {what} {n} людей.\n"
           "Рятувальники з трьох сусідніх областей прибули до полудня.\n"
           "Найбільше постраждали старі кам'яні будинки в центрі міста."),
}
TITLES = {"en": ("Strong earthquake kills {n} in Berovac", "Berovac quake: {n} dead"),
          "uk": ("Землетрус у Бероваці вбив {n} людей", "Землетрус у Бероваці: {n} загиблих")}
HURT = {"en": "injuring", "uk": "поранено"}
KILLED = {"en": "killing", "uk": "загинули"}


def _conflicts(language, what):
    arts = [Article(id=aid, source=aid, outlet=aid, title=TITLES[language][i].format(n=n), language=language,
                    text=BODY[language].format(what=what[language], n=n))
            for i, (aid, n) in enumerate((("opa", 12), ("lantern", 14)))]
    return [line for f in align_facts(arts) for line in f.conflicts]


@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_headline_toll_dispute_is_not_hidden_by_a_dispute_of_the_injured(language):
    lines = _conflicts(language, HURT)
    assert any(line.startswith("numbers differ in the headlines") for line in lines), lines


@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_headline_toll_dispute_the_body_already_gives_is_said_once(language):
    lines = _conflicts(language, KILLED)
    assert any(line.startswith("numbers differ:") for line in lines), lines
    assert not any(line.startswith("numbers differ in the headlines") for line in lines), lines
