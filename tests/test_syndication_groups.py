"""Near-copies grouped by their texts' MinHash (compare/independence.syndication_groups): each
text's signature is computed once, not once per pair, and the groups are the pairwise estimate's."""

from itertools import combinations

from storydiff.compare.independence import UnionFind, syndication_groups
from storydiff.match import fingerprint
from storydiff.match.fingerprint import near_duplicate_score
from storydiff.records import Article
from storydiff.settings import IndependenceSettings

WIRE = ("Firefighters contained a blaze at a chemical plant in Ludwigshafen on Tuesday after a tank of solvent "
        "caught fire during maintenance work. Two workers were treated for smoke inhalation, the company said, "
        "and residents were told to keep their windows closed until the evening.")
OTHER = ("The city council approved a new tram line to the university campus on Monday. Construction is due to "
         "start next spring and the line should open in 2028, the mayor told reporters after the vote.")


def _articles() -> list[Article]:
    texts = [WIRE, WIRE + " The cause is under investigation.", OTHER, WIRE.replace("Tuesday", "Tuesday morning"),
             OTHER + " Opponents said the cost was too high.", "", "Short note."]
    return [Article(f"a{i}", "test", t, outlet=f"outlet{i}.example") for i, t in enumerate(texts)]


def test_each_text_is_signed_once_and_the_groups_are_the_pairwise_ones(monkeypatch):
    articles = _articles()
    signed = []
    real = fingerprint.text_signature
    monkeypatch.setattr(fingerprint, "text_signature", lambda text: signed.append(text) or real(text))
    groups = syndication_groups(articles)
    assert len(signed) <= len(articles)  # the pairs' loop asked for 2 signatures a pair (42 here)
    threshold = IndependenceSettings().syndication_jaccard
    expected = UnionFind(range(len(articles)))
    for i, j in combinations(range(len(articles)), 2):
        if near_duplicate_score(articles[i].text, articles[j].text) >= threshold:
            expected.union(i, j)
    assert sorted(map(sorted, groups)) == sorted(map(sorted, expected.groups().values()))
    assert any({0, 1} <= set(g) for g in groups) and not any({0, 2} <= set(g) for g in groups)
