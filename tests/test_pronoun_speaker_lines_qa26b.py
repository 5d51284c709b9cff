"""A pronoun after a quote stands for the person named a few lines before it, where a site sets each
sentence on a line of its own (QA pass 26b: «...», – наголосив він two lines after Іван Рудницький
had no speaker)."""

from storydiff.analyze import analyze_articles
from storydiff.records import Article

LINES = ["Голова Волинської ОВА Іван Рудницький приїхав на пошкоджену підстанцію в Ковелі вранці 12 листопада.",
         "Без світла залишилися 38 тисяч домогосподарств, двоє працівників підстанції травмовані.",
         "«Ми відновимо електропостачання в кожному домі протягом двох днів», – наголосив він.",
         "Мер Ковеля Ігор Чайка закликав мешканців економити воду."]


def _speakers(lines):
    a = Article("k", "https://lutsk.example/kovel", "\n".join(lines), outlet="Луцьк Онлайн", language="uk",
                published="2026-11-12T12:10:00Z")
    return [q.speaker for q in next(iter(analyze_articles([a]))).quotes]


def test_a_pronoun_two_lines_after_the_name_is_that_person():
    assert _speakers(LINES) == ["Іван Рудницький"]


def test_the_person_named_last_wins_over_one_named_before():
    lines = [LINES[0], "Мер Ковеля Ігор Чайка також приїхав на підстанцію.", LINES[1], LINES[2]]
    assert _speakers(lines) == ["Ігор Чайка"]
