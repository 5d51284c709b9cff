"""An outlet named by the last word of another outlet's name is that other outlet (review 24a, F4):
Ukrainska Pravda retelling the Slovak daily Pravda cites Pravda, the Kyiv Independent retelling The
Independent cites The Independent, and one outlet citing Ukrainska Pravda beside another citing the
Slovak Pravda rests on two origins. A paper's own generic masthead word stays the paper itself
("told the Courier" in the Dunmere Courier)."""

import pytest

from storydiff.analyze.origins import find_origins, is_outlet_of
from storydiff.compare.independence import independent_sources, names_outlet
from storydiff.records import Article


def _article(aid, outlet, text, lang="en"):
    return Article(id=aid, source=aid, text=text, outlet=outlet, language=lang,
                   origins=find_origins(text, outlet=outlet))


@pytest.mark.parametrize("outlet, text, cited", [
    ("Українська правда", "Уряд Словаччини не передаватиме Україні МіГ-29, пише словацьке видання Pravda.", "Pravda"),
    ("Комсомольская правда", "Как пишет газета «Правда», решение приняли в воскресенье.", "Правда"),
    ("Kyiv Independent", "Britain is preparing to send instructors, The Independent reported on Sunday.", "The Independent"),
    ("Kyiv Independent", "Britain is preparing to send instructors, the Independent reported on Sunday.", "The Independent"),
])
def test_a_name_that_ends_the_outlets_name_is_another_outlet_it_cites(outlet, text, cited):
    assert [o.name for o in find_origins(text, outlet=outlet)] == [cited]


def test_a_papers_generic_masthead_word_is_the_paper_itself():
    said = "Chief Oskar Lind told the Courier that 60 firefighters came."
    assert find_origins(said, outlet="Dunmere Courier") == []
    assert find_origins("Lind said in an interview with the Morning Sentinel that 60 came.",
                        outlet="Dunmere Morning Sentinel") == []
    assert [o.name for o in find_origins(said, outlet="Valley Radio")] == ["Courier"]


def test_another_outlets_citation_by_a_last_word_does_not_name_the_outlet():
    # what another outlet's text calls "Pravda" or "The Independent" is not Ukrainska Pravda or the
    # Kyiv Independent; an agency's initials and its name are still one outlet
    up = Article(id="up", source="up", text="x", outlet="Ukrainska Pravda")
    ki = Article(id="ki", source="ki", text="x", outlet="Kyiv Independent")
    assert not names_outlet("Pravda", up) and not names_outlet("The Independent", ki)
    assert not is_outlet_of("Pravda", "Ukrainska Pravda") and not is_outlet_of("Правда", "Комсомольская правда")
    assert not is_outlet_of("Independent", "Irish Independent") and not is_outlet_of("Welt", "Die Welt")
    assert is_outlet_of("OPA", "Ostrania Press Agency") and names_outlet("Ukrainska Pravda", up)


def test_a_retelling_of_the_namesake_is_no_own_report():
    up = _article("up", "Українська правда",
                  "Уряд Словаччини не передаватиме Україні решту винищувачів МіГ-29, пише словацьке видання Pravda "
                  "з посиланням на джерела в уряді. Рішення ухвалили на засіданні уряду в неділю.", "uk")
    sus = _article("sus", "Суспільне",
                   "Словаччина не передаватиме Україні винищувачі МіГ-29, повідомляє словацька газета Pravda "
                   "з посиланням на урядові джерела. Рішення ухвалили в неділю.", "uk")
    assert [o.name for o in up.origins] == ["Pravda"]
    n, groups = independent_sources([up, sus])
    assert n == 1 and groups[0].origin == "Pravda"
    assert "own report" not in groups[0].reason and "Українська правда" in groups[0].reason

    ki = _article("ki", "Kyiv Independent", "Britain is preparing to send military instructors to western Ukraine, "
                  "The Independent reported on Sunday, citing two government sources.")
    ed = _article("ed", "Euro Daily", "The British government is considering sending instructors to Ukraine, "
                  "The Independent reported on Sunday, citing government sources.")
    n, groups = independent_sources([ki, ed])
    assert n == 1 and "own report" not in groups[0].reason
    assert groups[0].reason.startswith("Kyiv Independent") and "Euro Daily cites The Independent" in groups[0].reason


def test_ukrainska_pravda_and_the_slovak_pravda_are_two_origins():
    ed = _article("ed", "Euro Daily", "Slovakia will not hand over its remaining MiG-29 jets to Ukraine, "
                  "Ukrainska Pravda reported on Sunday, citing sources in the Defence Ministry.")
    kp = _article("kp", "Kyiv Post", "The Slovak government has decided not to transfer its last MiG-29 jets to "
                  "Ukraine, the Slovak daily Pravda reported on Sunday, citing government sources.")
    n, groups = independent_sources([ed, kp])
    assert n == 2
    assert {g.origin for g in groups} == {"Ukrainska Pravda", "Pravda"}
    assert not any("Kyiv Post cites Ukrainska Pravda" in g.reason for g in groups)
