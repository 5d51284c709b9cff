"""Headlines' counts of people compared across outlets (QA pass 19a, headline): the same body under
"троє загиблих" and "семеро загиблих" is a disagreement the report names."""

from storydiff.compare.facts import align_facts
from storydiff.records import Article

BODY = ("Увечері в суботу російські дрони атакували Черкаси, пошкоджено склад.\n"
        "Про це повідомив голова обласної адміністрації Ігор Табурець.\n"
        "На місці працюють рятувальники, триває ліквідація наслідків.")


def _art(aid: str, title: str, text: str = BODY, lang: str = "uk") -> Article:
    return Article(id=aid, source=aid, outlet=aid, title=title, language=lang, text=text)


def _headline_lines(arts):
    return [line for f in align_facts(arts) for line in f.conflicts if "headline" in line]


def test_headlines_that_count_the_dead_differently_disagree():
    lines = _headline_lines([_art("a", "Атака на Черкаси: загинули двоє людей"),
                             _art("b", "Атака на Черкаси: загинули п'ятеро людей")])
    assert len(lines) == 1 and "двоє" in lines[0] and "п'ятеро" in lines[0] and "(a)" in lines[0]


def test_a_headline_is_read_against_a_lede_where_the_other_headline_counts_none():
    lede = "Увечері в суботу російські дрони атакували Черкаси, загинули четверо людей.\n" + BODY
    lines = _headline_lines([_art("a", "Атака на Черкаси: загинули двоє людей"),
                             _art("b", "Атака на Черкаси", lede)])
    assert len(lines) == 1 and "четверо" in lines[0]


def test_agreeing_headlines_and_figures_of_other_things_say_nothing():
    assert not _headline_lines([_art("a", "Атака на Черкаси: загинули двоє людей"),
                                _art("b", "Двоє загиблих у Черкасах")])
    assert not _headline_lines([_art("a", "Атака на Черкаси: 12 дронів", lang="uk"),
                                _art("b", "Атака на Черкаси: 15 дронів", lang="uk")])
