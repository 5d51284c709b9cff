"""The optional MiniLM tier of the same-story score."""

from __future__ import annotations

import pytest

from storydiff import embeddings
from storydiff.match import MatchDoc, similarity
from storydiff.match.semantic import tiered_similarities

ORIGINAL = MatchDoc("a", "Estonia's prime minister said NATO allies training Ukrainian soldiers inside Ukraine would not escalate the war with Russia.")
REWRITE = MatchDoc("b", "Training Kyiv's troops on Ukrainian soil carries no risk of a wider conflict with Moscow, the Estonian premier argued.")
UNRELATED = MatchDoc("c", "The city council approved a new budget for road repairs and froze hiring in the planning office.")


def test_without_the_model_the_lexical_score_is_returned(monkeypatch):
    monkeypatch.setattr(embeddings, "embed", lambda texts: None)
    scores, used = tiered_similarities([(ORIGINAL, REWRITE)])
    assert used is False
    assert scores[0] == pytest.approx(similarity(ORIGINAL, REWRITE))


@pytest.mark.skipif(not embeddings.embeddings_available(), reason="MiniLM tier not installed (optional extra)")
def test_minilm_lifts_a_rewrite_above_an_unrelated_story():
    (rewrite, unrelated), used = tiered_similarities([(ORIGINAL, REWRITE), (ORIGINAL, UNRELATED)])
    assert used is True
    assert rewrite > unrelated + 0.2
    assert rewrite > similarity(ORIGINAL, REWRITE)  # the words differ; the meaning does not
