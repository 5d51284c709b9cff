"""The learned same-story scorer's undefined features: a side with no names, an article that
repeats no name or figure (match/scorer.py INDICATOR_OF)."""

import math

import pytest

from storydiff.match import MatchDoc
from storydiff.match.clusterer import OnlineClusterer, prepare
from storydiff.match.scorer import FEATURES, INDICATOR_OF, LinearScorer, fit
from storydiff.settings import MatchSettings

NAMED = (
    "Mayor Ivana Kolar of Berovac said the Kolar family home was damaged when the quake struck "
    "Berovac on Tuesday. Rescue teams from Skopje reached Berovac by noon, Kolar said."
)
# No capitalised word but sentence starts that the text also writes in lower case: no names.
NAMELESS = (
    "Rescue teams said the quake damaged homes and roads. teams worked through the night, and "
    "rescue crews said more homes were damaged than first thought. roads stayed closed."
)


def _features(scorer: LinearScorer, story_text: str, text: str) -> dict[str, float]:
    c = OnlineClusterer(MatchSettings(), scorer=scorer)
    c.add(MatchDoc("story", story_text, "Quake"))
    d = c._new_doc(prepare(MatchDoc("new", text, "Quake")))
    (s,) = c._stories.values()
    return dict(zip(scorer.features, c._story_features(d, s)))


def _zero_scorer(features) -> LinearScorer:
    n = len(features)
    return LinearScorer(tuple(features), (0.0,) * n, (1.0,) * n, (0.0,) * n, 0.0)


def test_an_undefined_feature_reads_as_its_training_mean():
    scorer = LinearScorer(("a", "b"), (0.5, 0.2), (0.1, 1.0), (2.0, 3.0), -1.0)
    assert scorer.linear([math.nan, 0.7]) == pytest.approx(scorer.linear([0.5, 0.7]))
    assert scorer.linear([math.nan, 0.7]) != pytest.approx(scorer.linear([0.0, 0.7]))


def test_fit_fills_undefined_rows_with_the_mean_of_the_defined_ones():
    x = [[0.2, 1.0], [math.nan, 0.0], [0.6, 1.0], [0.4, 0.0]] * 5
    y = [1, 0, 1, 0] * 5
    scorer = fit(x, y, ("share", "flag"))
    assert scorer.mean[0] == pytest.approx(0.4)  # of 0.2, 0.6, 0.4: the undefined rows left out
    assert all(math.isfinite(v) for v in (*scorer.coef, scorer.intercept))


def test_a_nameless_article_is_neither_a_name_match_nor_a_mismatch():
    """Before, a side without names read 0 for both name shares: "every name present", the
    best value the scorer knew, so a nameless page looked like a perfect name match."""
    f = _features(_zero_scorer(FEATURES), NAMED, NAMELESS)
    assert f["names_absent"] == 1.0
    assert math.isnan(f["miss_doc_names"])  # the article has no names to miss
    assert f["miss_story_names"] == 1.0  # every name of the story is missing from it
    assert f["no_salient_names"] == 1.0 and math.isnan(f["miss_doc_salient_names"])
    # the reverse: the story is the nameless side
    f = _features(_zero_scorer(FEATURES), NAMELESS, NAMED)
    assert f["names_absent"] == 1.0 and f["miss_doc_names"] == 1.0 and math.isnan(f["miss_story_names"])
    assert f["no_salient_names"] == 0.0 and f["miss_doc_salient_names"] == 1.0


def test_weights_without_the_indicators_read_the_shares_as_before():
    old = tuple(f for f in FEATURES if f not in set(INDICATOR_OF.values()))
    f = _features(_zero_scorer(old), NAMED, NAMELESS)
    assert f["miss_doc_names"] == f["miss_story_names"] == f["miss_doc_salient_names"] == 0.0
    f = _features(_zero_scorer(old), NAMED, NAMED.replace("Tuesday", "Wednesday"))
    assert f["miss_doc_names"] == 0.0 and f["miss_story_names"] == 0.0


def test_a_site_s_own_name_is_not_one_of_its_names():
    """A site names itself on every page: its outlet name and host leave the names and the
    headline words; other names stay, and an article without outlet or address keeps them all."""
    from storydiff.match.clusterer import _own_names

    assert _own_names("Musikhaus Thomann", "https://www.thomann.de/intl/mics.html") == {"musikhaus_thomann", "thomann"}
    # an outlet's single words stay names of its reports: New York in the Times', Kyiv in the Independent's
    assert _own_names("The New York Times", "https://www.nytimes.com/2024/x.html") == {"new_york_times", "nytimes"}
    assert _own_names("The Kyiv Independent", None) == {"kyiv_independent"}
    assert _own_names("ifixit.com", None) == {"ifixit"}
    assert _own_names(None, "https://news.bbc.co.uk/x") == {"bbc"}
    assert _own_names(None, "not a url") == frozenset()
    text = "Thomann stocks the Fender Stratocaster. Thomann ships it from Treppendorf, Thomann said."
    own = prepare(MatchDoc("a", text, "Guitars | Thomann", outlet="Musikhaus Thomann", url="https://www.thomann.de/g.html"))
    plain = prepare(MatchDoc("b", text, "Guitars | Thomann"))
    names = own.terms[own.bounds[1] : own.bounds[2]]  # the entities channel
    assert "thomann" not in names and "treppendorf" in names and "fender" in names
    assert "thomann" in plain.terms[plain.bounds[1] : plain.bounds[2]]
    title = own.terms[own.bounds[3] : own.bounds[4]]
    assert "guitars" in title and "thomann" not in title


def test_two_pages_of_one_shop_that_share_only_its_name_are_two_stories():
    from storydiff.match import cluster

    mics = ("Microphones at Thomann. Thomann has sold condenser and dynamic microphones for singers and "
            "podcasters since 1954. Every Thomann microphone is tested in Treppendorf before it ships.")
    guitars = ("Electric guitars at Thomann: solid body, hollow body and baritone models for beginners and "
               "touring players. Thomann keeps 4,000 guitars in stock, and Thomann technicians set up each one.")

    def stories(outlet, site=None):
        docs = [MatchDoc("a", mics, "Thomann Buy Microphones at Thomann", outlet=outlet, url=site and f"{site}/mics"),
                MatchDoc("b", guitars, "Thomann Buy Electric Guitars at Thomann", outlet=outlet, url=site and f"{site}/guitars")]
        return len({sid for _, sid in cluster(docs)})

    assert stories("Musikhaus Thomann", "https://www.thomann.de") == 2
    assert stories(None) == 1  # without the outlet the shop's name is a shared name, as before
