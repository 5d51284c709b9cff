"""Two facts of several outlets each merge only when most pairs across them match (QA pass 26a, 2):
ТАСС's and Sputnik's "Руснак утверждал, что рост тарифов не превысит 15%" met NewsMaker's "Руснак
напомнил, что семьи ... получат компенсации" through their frame alone (0.41, 0.43), while Agora's
and Reuters's translations of NewsMaker's sentence matched neither, and the tariffs claim was
listed as reported by all five."""

import numpy as np

from storydiff.compare.claims import Claim
from storydiff.compare.facts import _merge

OUTLETS = ["tass", "sputnik", "newsmaker", "agora", "reuters"]


def _groups(cross: float, weak: float) -> list[set[str]]:
    claims = [Claim(a, 0, 0, 1, a, frozenset(), ()) for a in OUTLETS]
    sim = np.full((5, 5), weak, dtype=np.float32)
    sim[0, 1] = sim[1, 0] = 1.0  # the tariffs claim, ТАСС and Sputnik
    for i in (2, 3, 4):
        for j in (2, 3, 4):
            sim[i, j] = 0.95  # the compensations, three outlets
        sim[i, 0] = sim[0, i] = sim[i, 1] = sim[1, i] = weak
    sim[2, 0] = sim[0, 2] = cross - 0.02
    sim[2, 1] = sim[1, 2] = cross
    np.fill_diagonal(sim, 0.0)
    uf = _merge(claims, sim, 0.25)
    return sorted(({OUTLETS[k] for k in g} for g in uf.groups().values()), key=len)


def test_one_outlets_frame_alone_does_not_merge_two_facts():
    assert _groups(cross=0.43, weak=0.1) == [{"tass", "sputnik"}, {"newsmaker", "agora", "reuters"}]


def test_two_facts_most_of_whose_pairs_match_merge():
    assert _groups(cross=0.43, weak=0.3) == [set(OUTLETS)]
