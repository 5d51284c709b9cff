"""Across languages a fact cites the sentence of an outlet that carries the fact's figures, not
its figure-less neighbour that scored a little higher (QA pass 16, 09)."""

import numpy as np
import pytest

from storydiff.compare.claims import article_claims
from storydiff.compare.facts import group_claims
from storydiff.settings import FactSettings

EN = "Four people were killed and 17 injured when a road bridge collapsed in Kepno Dolne on Tuesday morning."
PL = "Cztery osoby zginęły, a 17 zostało rannych w wyniku zawalenia się mostu w Kępnie Dolnym we wtorek rano."
UK_LEAD = "У польському місті Кемпно-Дольне у вівторок вранці обвалився автомобільний міст через Віслу."
UK_TOLL = "Загинули четверо людей, ще 17 дістали поранення, повідомляє Reuters з посиланням на пожежну службу."


def _groups(uk_toll: str = UK_TOLL, toll_score: float = 0.22, uk_language: str = "uk"):
    claims = (article_claims("en", EN, 3, "en") + article_claims("pl", PL, 3, "pl")
              + article_claims("uk", f"{UK_LEAD} {uk_toll}", 3, uk_language))
    assert [c.article_id for c in claims] == ["en", "pl", "uk", "uk"]
    sim = np.zeros((4, 4), dtype=np.float32)
    for i, j, p in [(0, 1, 0.9), (2, 1, 0.3), (2, 0, 0.1), (3, 1, toll_score), (3, 0, 0.1)]:
        sim[i, j] = sim[j, i] = p
    languages = ["en", "pl", uk_language, uk_language]
    groups = group_claims(claims, sim, 0.25, ["en", "pl", "uk"], FactSettings(), languages)
    return {g.match: g for g in groups}, claims


def test_the_sentence_with_the_fact_s_figures_is_the_outlet_s_evidence():
    groups, claims = _groups()
    shared = groups["same"]
    assert [c.text for c in shared.claims if c.article_id == "uk"] == [UK_TOLL]
    # the figure-less lead is left alone, shown as possibly the same fact
    assert [c.text for c in groups["possibly"].claims] == [UK_LEAD]


@pytest.mark.parametrize("toll, score", [
    ("Загинули п'ятеро людей, ще 30 дістали поранення.", 0.22),  # figures no outlet gives
    (UK_TOLL, 0.1),  # the scorer rules it out
])
def test_a_sentence_whose_figures_disagree_or_that_does_not_match_stays_alone(toll, score):
    groups, _ = _groups(toll, score)
    assert [c.text for c in groups["same"].claims if c.article_id == "uk"] == [UK_LEAD]
