"""A fact told in one clause of another outlet's sentence (issue 18; QA pass 24a, finding 11)."""

from __future__ import annotations

import numpy as np

from storydiff.compare.claims import Claim
from storydiff.compare.clauses import clause_pieces
from storydiff.compare.facts import group_claims
from storydiff.settings import FactSettings

LEDE = "A car bomb exploded in Baghdad on Friday, killing three people and wounding 12, police said."


def test_a_wire_lede_is_cut_into_the_clauses_that_each_tell_a_fact():
    assert clause_pieces(LEDE) == ("A car bomb exploded in Baghdad on Friday", "killing three people",
                                   "and wounding 12, police said.")


def test_a_piece_too_short_to_say_anything_stays_with_its_neighbour_and_one_clause_is_the_sentence():
    # "he said" has no content key of its own: it stays with the clause before it
    assert clause_pieces("The plant will close in March, he said.") == ("The plant will close in March, he said.",)
    assert clause_pieces("Three people were killed in the blast.") == ("Three people were killed in the blast.",)


def _story(settings: FactSettings) -> dict[str, object]:
    """A's a0 shares no word with B (match 0 everywhere). In e5 meaning it is B's clause "killing
    three people" (cosine 1.0) but far from B's whole lede (0.6) and from B's other sentence (0.0):
    read as whole sentences the lede stands out at 2 x 0.6 - 0 = 1.2, read with its clauses at 2.0."""
    claims = [Claim("A", 0, 0, 1, "Three died in the attack.", frozenset(), ()),
              Claim("B", 0, 0, 1, LEDE, frozenset(), ()),
              Claim("B", 1, 0, 1, "The market reopened in May.", frozenset(), ())]
    vecs = np.array([[1, 0, 0], [0.6, 0.8, 0], [0, 0, 1]], dtype=np.float32)
    asked: list[list[str]] = []

    def pieces(texts: list[str]) -> np.ndarray:
        asked.append(texts)
        return np.array([[1.0, 0, 0] if t == "killing three people" else [0, 1.0, 0] for t in texts], dtype=np.float32)
    groups = group_claims(claims, np.zeros((3, 3), dtype=np.float32), 0.25, ["A", "B"], settings, ["en"] * 3,
                          vectors=lambda: vecs, piece_vectors=pieces)
    return {"facts": {c.text[:5]: g for g in groups for c in g.claims}, "asked": asked}


def test_a_claim_told_in_a_clause_of_another_outlets_sentence_joins_its_fact_when_clauses_are_read():
    on = _story(FactSettings(same_e5=1.5, meaning_clauses=True))
    assert on["facts"]["Three"] is on["facts"]["A car"] and on["facts"]["Three"].match == "same"
    assert on["asked"] == [list(clause_pieces(LEDE))]  # only the sentence with several clauses, once
    off = _story(FactSettings(same_e5=1.5))
    assert off["facts"]["Three"].match == "only" and off["asked"] == []


def test_a_clause_near_enough_for_possibly_shows_the_whole_sentence_beside_the_claim():
    facts = _story(FactSettings(possibly_e5=1.5, meaning_clauses=True))["facts"]
    assert facts["Three"].match == "possibly"
    assert [c.text for c, _ in facts["Three"].candidates] == [LEDE]
    assert _story(FactSettings(possibly_e5=1.5))["facts"]["Three"].match == "only"
