"""Whole-text passage alignment for the same-story judgement (match/passage_alignment.py)."""

from __future__ import annotations

import numpy as np
import pytest

from storydiff.match import passage_alignment as pa

_OPENING = "Harbor strike ends. Dock workers in Port Veyra voted on Monday to end a nine-day strike."
_BODY = ("Dock workers in Port Veyra voted on Monday to end a nine-day strike. The union said members backed "
         "the deal by 812 votes to 301. Ships queued outside the harbour for a week. The port authority expects "
         "to clear the backlog by Friday. Exporters lost about 40 million crowns, the chamber of commerce "
         "estimated. The deal raises wages by 6 percent over two years. Night shifts will be paid at a higher "
         "rate from March. The harbour master thanked crews for their patience")


def test_passages_start_with_the_opening_and_go_on_after_it_in_whole_sentences():
    ps = pa.passages(_BODY, _OPENING, chars=120, most=20)
    assert ps[0] == _OPENING
    # what the opening passage took of the body is not read twice
    assert not any("voted on Monday" in p for p in ps[1:])
    assert ps[1].startswith("The union said")
    # whole sentences, none past the size unless one sentence alone is longer
    for p in ps[1:-1]:
        assert len(p) <= 120 and p.endswith(".")
    # every sentence after the opening is in one passage, in order
    rest = " ".join(ps[1:])
    assert rest == _BODY[len("Dock workers in Port Veyra voted on Monday to end a nine-day strike. "):]


def test_a_short_tail_joins_the_passage_before_it():
    # "The harbour master thanked crews for their patience" (51 characters) is under MIN_PASSAGE_CHARS
    ps = pa.passages(_BODY, _OPENING, chars=120)
    assert ps[-1].endswith("for their patience")
    assert len(ps[-1]) > len("The harbour master thanked crews for their patience")


def test_passages_are_capped_and_keep_the_end():
    long_text = " ".join(f"Sentence number {i} tells one more detail of the long report." for i in range(60))
    ps = pa.passages(long_text, "Long report. Sentence number 0 tells one more detail", chars=130, most=4)
    assert len(ps) == 4
    assert "number 59" in ps[-1]  # the last passage is kept
    assert "number 1 " in ps[1]  # and the one after the opening


def test_a_text_no_longer_than_its_opening_has_one_passage():
    assert pa.passages("Dock workers in Port Veyra voted to end a strike.",
                       "Strike ends. Dock workers in Port Veyra voted to end a strike.") == [
        "Strike ends. Dock workers in Port Veyra voted to end a strike."]


def _unit(*rows):
    m = np.array(rows, dtype=float)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_alignment_matches_each_passage_to_its_best_partner_in_any_order():
    a = _unit([1, 0, 0], [0, 1, 0], [0, 0, 1])
    shuffled = a[[0, 2, 1]]
    best, share, centroid, rest = pa.alignment(a, shuffled)
    assert best == pytest.approx(1.0) and share == 1.0 and centroid == pytest.approx(1.0) and rest == pytest.approx(1.0)
    # the same opening, then another story: the later passages find no partner
    other = _unit([1, 0, 0], [0, -1, 0.2], [0, 0.2, -1])
    best, share, centroid, rest = pa.alignment(a, other)
    assert share == pytest.approx(2 / 6)  # the two openings only
    assert rest < 0.3 < best < 1.0
    assert centroid < 0.5


def test_alignment_rest_is_the_opening_cosine_when_neither_text_goes_on():
    a, b = _unit([1, 0]), _unit([0.6, 0.8])
    best, share, centroid, rest = pa.alignment(a, b)
    assert best == pytest.approx(0.6) and rest == pytest.approx(0.6) and centroid == pytest.approx(0.6)
    assert share == 0.0


def _word_embed(texts):
    """A stand-in for e5: a text's vector is its bag of (lower-cased) words, hashed into 64 slots."""
    out = np.zeros((len(texts), 64))
    for i, t in enumerate(texts):
        for w in t.lower().replace(".", " ").split():
            out[i, sum(map(ord, w)) % 64] += 1.0
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_pair_features_see_past_the_opening_passage():
    from storydiff.match import MatchDoc
    from storydiff.match import same_story as ss

    opening = ("Dock workers in Port Veyra voted on Monday to end a nine-day strike that had closed the country's "
               "largest harbour, the union said in a statement after the count. ") * 3
    same = ("The deal raises wages by six percent over two years and pays night shifts more. Ships queued outside "
            "the harbour for a week while the talks went on. The port expects the backlog cleared by Friday.")
    other = ("Separately, the football club of Port Veyra signed a striker from Lorn for a record fee. The player "
             "arrives on Thursday for a medical. Fans gathered outside the stadium to celebrate the transfer.")
    a = MatchDoc("a", opening + same, language="en")
    b = MatchDoc("b", opening + same, language="en")
    c = MatchDoc("c", opening + other, language="en")
    x = ss.pair_features([(a, b), (a, c)], embed=_word_embed, align=True)
    assert x.shape == (2, len(ss.ALIGNED_FEATURES))
    col = {f: ss.ALIGNED_FEATURES.index(f) for f in ss.ALIGNED_FEATURES}
    # the opening passages are the same in both pairs: the base model's e5 channel cannot tell them apart
    assert x[0, col["cos_passage"]] == pytest.approx(x[1, col["cos_passage"]])
    # the passages after it can
    assert x[0, col["align_best"]] > x[1, col["align_best"]] + 0.1
    assert x[0, col["align_rest"]] > x[1, col["align_rest"]] + 0.2
    assert x[0, col["align_share"]] == 1.0 > x[1, col["align_share"]]
    # without the alignment: the base features only, the same values
    base = ss.pair_features([(a, b), (a, c)], embed=_word_embed)
    assert base.shape == (2, len(ss.FEATURES))
    assert np.allclose(base, x[:, : len(ss.FEATURES)])


def test_the_weights_file_decides_whether_the_alignment_is_read(tmp_path):
    import json

    from storydiff.match import same_story as ss

    def weights(features):
        n = len(features)
        path = tmp_path / f"w{n}.json"
        path.write_text(json.dumps({"features": list(features), "mean": [0.0] * n, "scale": [1.0] * n,
                                    "coef": [0.1] * n, "intercept": 0.2, "threshold": 0.5}))
        return path

    assert ss.load(weights(ss.FEATURES)).linear.features == ss.FEATURES
    assert ss.load(weights(ss.ALIGNED_FEATURES)).linear.features == ss.ALIGNED_FEATURES
    assert ss.load(weights(ss.FEATURES + ("align_best",))) is None  # a set no code computes: refused
