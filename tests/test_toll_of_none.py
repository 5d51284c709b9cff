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
