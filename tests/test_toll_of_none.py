"""A count of none of the dead or injured is one key however it is worded (issue 18's first
example: "No one was killed" / "No deaths were reported" / "Nobody died in the incident" share no
content word, and each was shown "only in" its outlet)."""

import pytest

from storydiff.compare.claims import claim_keys, content_keys
from storydiff.compare.facts import fact_groups
from storydiff.records import Article


@pytest.mark.parametrize("text, none_of", [
    ("No one was killed, the coast guard said.", {"dead"}),
    ("No deaths were reported.", {"dead"}),
    ("Nobody died in the incident.", {"dead"}),
    ("No-one was injured in the fire.", {"injur"}),
    ("No injuries have been reported.", {"injur"}),
    ("There were no deaths or injuries.", {"dead", "injur"}),
    ("There were no immediate reports of casualties.", {"dead", "injur"}),
    # no count of none: a comparison, a question of how many, people other than the dead
    ("There were no fewer than 12 deaths.", set()),
    ("No one knows how many died.", set()),
    ("The union said nobody had asked for its views before the decision.", set()),
    ("Three people were killed.", set()),
])
def test_a_count_of_none_is_one_key(text, none_of):
    keys = claim_keys(text)
    assert {k[1:] for k in keys if k.startswith("\u2205")} == none_of
    if not none_of:
        assert keys == content_keys(text)


def test_the_words_of_the_count_give_way_to_its_key():
    assert claim_keys("No deaths were reported.") == claim_keys("Nobody died.") == {"\u2205dead"}
    assert {"coast", "guard"} <= claim_keys("No one was killed, the coast guard said.")


def test_two_outlets_saying_no_one_died_in_other_words_share_the_fact():
    a = Article(id="a", source="a", language="en", text="Fire broke out on a passenger ferry near Merin on Saturday. "
                "All 240 passengers were rescued. No deaths were reported.")
    b = Article(id="b", source="b", language="en", text="A ferry with 240 people aboard burned off Merin on Saturday. "
                "Nobody died in the incident. Investigators are looking into the cause.")
    facts = fact_groups([a, b])
    none_dead = [g for g in facts if any(c.text == "No deaths were reported." for c in g.claims)]
    assert none_dead[0].match == "same"
    assert {c.text for c in none_dead[0].claims} == {"No deaths were reported.", "Nobody died in the incident."}


def test_a_sentence_saying_no_one_died_completes_its_outlets_half_of_the_fact():
    # the demo's Marisol quake: Tidewater's lede and its "No one was killed." are Coastal Herald's
    # one sentence; the second sentence was "only in" Tidewater though Coastal Herald says it too
    a = Article(id="a", source="a", language="en", text="MARISOL — A magnitude 5.1 earthquake shook the coastal city of "
                "Marisol on Monday afternoon, cracking walls and sending shoppers into the streets, but no deaths "
                "were reported. Four people suffered minor injuries from falling glass, the city fire service said.")
    b = Article(id="b", source="b", language="en", text="Marisol residents swept up broken glass on Monday evening after "
                "a magnitude 5.1 earthquake rattled the city in the afternoon. No one was killed.\nFour people "
                "suffered minor injuries from falling glass, the fire service said.")
    facts = fact_groups([a, b])
    assert not any(g.match != "same" for g in facts), [(g.match, [c.text for c in g.claims]) for g in facts]
    lede = next(g for g in facts if g.claims[0].shown.startswith("MARISOL"))  # its text is what it says, the dateline apart
    assert lede.claims[1].text.endswith("in the afternoon. No one was killed.")
    # a neighbour that says nothing of a toll stays a fact of its own
    c = Article(id="c", source="c", language="en", text=b.text.replace("No one was killed.", "The city hall was closed."))
    assert any(g.match == "only" and g.claims[0].text == "The city hall was closed." for g in fact_groups([a, c]))
