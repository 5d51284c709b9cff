"""``compare``'s comparison of its stories across worker processes, and the claims of a story of
one article read without their figures: both as fast as they can be, and both the same stories."""

from __future__ import annotations

from storydiff.compare.claims import article_claims
from storydiff.compare.facts import align_facts
from storydiff.records import Article

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
