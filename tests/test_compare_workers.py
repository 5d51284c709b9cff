"""``compare``'s comparison of its stories across worker processes, and the claims of a story of
one article read without their figures: both as fast as they can be, and both the same stories."""

from __future__ import annotations

import os

from storydiff import pipeline
from storydiff.compare.claims import article_claims
from storydiff.compare.facts import align_facts
from storydiff.records import Article, Story

TEXT = ("The storm reached Velmar at 3 p.m. on Monday, 12 November, and cut power to 4,500 homes. "
        "About 200 people spent the night in two schools, the mayor's office said. "
        "Repairs will cost €1.2 million, officials said on Tuesday. "
        "Reporting by Ana Petrova; Editing by Jan Kowalski")


def _article(i: int, text: str = TEXT) -> Article:
    return Article(id=f"a{i}", source=f"s{i}", text=text, outlet=f"outlet{i}.example", title=f"Storm {i}",
                   language="en")


def test_claims_without_figures_are_the_same_claims():
    full = article_claims("a", TEXT, 4, "en")
    bare = article_claims("a", TEXT, 4, "en", figures=False)
    assert [(c.index, c.start, c.end, c.text, c.keys) for c in bare] == [
        (c.index, c.start, c.end, c.text, c.keys) for c in full]
    assert any(c.numbers and c.quantities and c.dates for c in full)  # the fixture holds figures
    assert all(not (c.numbers or c.quantities or c.dates or c.weekdays or c.times) for c in bare)
    assert not any("Reporting by" in c.text for c in full)  # the credit line is no claim


def test_a_story_of_one_article_reads_no_figures_and_lists_every_claim(monkeypatch):
    from storydiff.compare import claims

    asked = []
    real = claims.quantities_in
    monkeypatch.setattr(claims, "quantities_in", lambda *a, **k: asked.append(a[0]) or real(*a, **k))
    facts = align_facts([_article(0)])
    assert not asked
    assert [f.text for f in facts] == [c.text for c in article_claims("a0", TEXT, 4, "en")]
    assert all(f.match == "only" and f.article_ids == ["a0"] and not f.conflicts for f in facts)
    align_facts([_article(0), _article(1, TEXT.replace("4,500", "5,400"))])
    assert asked  # two articles: the figures are compared


def _groups(n_stories: int) -> list[tuple[str, list[Article]]]:
    groups, k = [], 0
    for s in range(n_stories):
        size = 1 + s % 3
        groups.append((f"story{s}", [_article(k + j, TEXT.replace("4,500", f"{4500 + 100 * j:,}")) for j in range(size)]))
        k += size
    return groups


def _compared_where(monkeypatch) -> None:
    """compare_story that says in the story's id which process compared it (a forked worker
    inherits the patch)."""
    real = pipeline.compare_story
    monkeypatch.setattr(pipeline, "compare_story",
                        lambda sid, arts, settings=None: Story(**{**vars(real(sid, arts, settings)),
                                                                  "id": f"{sid}@{os.getpid()}"}))


def test_stories_are_compared_in_workers_in_order_and_the_same(monkeypatch):
    import storydiff.embeddings

    monkeypatch.setattr(storydiff.embeddings, "multilingual_loaded", lambda: False)  # as in `storydiff compare`
    groups = _groups(24)  # 48 articles
    inline = pipeline.compare_stories(groups, workers=0)
    _compared_where(monkeypatch)
    parallel = pipeline.compare_stories(groups, workers=2)
    pids = {s.id.split("@")[1] for s in parallel}
    assert str(os.getpid()) not in pids and len(pids) >= 1
    assert [s.id.split("@")[0] for s in parallel] == [sid for sid, _ in groups]
    assert [{**s.to_dict(), "id": None} for s in parallel] == [{**s.to_dict(), "id": None} for s in inline]


def test_a_few_stories_stay_in_this_process_and_so_do_two_languages_after_the_multilingual_model(monkeypatch):
    import storydiff.embeddings
    from storydiff.settings import FactSettings

    _compared_where(monkeypatch)
    here = str(os.getpid())
    few = pipeline.compare_stories(_groups(4), workers=2)  # 8 articles: a pool costs more than it saves
    assert {s.id.split("@")[1] for s in few} == {here}
    judged = pipeline.compare_stories(_groups(24), FactSettings(scorer="judge"), workers=2)  # a model in each worker
    assert {s.id.split("@")[1] for s in judged} == {here}
    # this process ran the multilingual model: a worker forked from it would hang running it
    monkeypatch.setattr(storydiff.embeddings, "multilingual_loaded", lambda: True)
    groups = _groups(24)
    groups[4][1][1].language = "uk"  # a story of two articles, one of them in Ukrainian
    groups[7][1][0].language = None  # a story whose languages are not all known
    where = {s.id.split("@")[0]: s.id.split("@")[1] for s in pipeline.compare_stories(groups, workers=2)}
    assert where.pop("story4") == here and where.pop("story7") == here
    assert here not in set(where.values())



def test_repeats_found_through_the_key_index_are_those_of_every_pair():
    """_repeats (claims sharing a key, counted through an index) answers as the dice of the new
    claim against each earlier claim, on random key sets around the threshold."""
    import random

    from storydiff.compare.claims import REPEAT_DICE, Claim, _repeats

    rng = random.Random(7)
    vocab = [f"k{i}" for i in range(14)]
    for _ in range(300):
        claims, holding = [], {}
        for i in range(rng.randint(0, 8)):
            keys = frozenset(rng.sample(vocab, rng.randint(0, 6)))
            claims.append(Claim("a", i, 0, 1, "x", keys, ()))
            for k in keys:
                holding.setdefault(k, []).append(i)
        new = frozenset(rng.sample(vocab, rng.randint(0, 6)))
        every = any(new and 2 * len(new & c.keys) >= REPEAT_DICE * (len(new) + len(c.keys)) for c in claims)
        assert _repeats(new, claims, holding) == bool(every)


WARMED_COMPARE = """
import sys
from storydiff.compare import warm_up
from storydiff.records import Article
warm_up([Article(id=str(i), source="s", text="Plain text.") for i in range(int(sys.argv[1]))])
print("scipy.sparse" in sys.modules)
"""


def test_workers_share_scipys_sparse_matrices_when_stories_of_several_articles_are_compared():
    """The facts' key overlap of a story of several articles imports SciPy's sparse matrices (~0.5 s
    of CPU): imported before the workers fork, not in each; in a fresh interpreter."""
    import subprocess
    import sys

    for n, expected in (("2", "True"), ("0", "False")):
        out = subprocess.run([sys.executable, "-c", WARMED_COMPARE, n], capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr[-2000:]
        assert out.stdout.split("\n")[-2] == expected

