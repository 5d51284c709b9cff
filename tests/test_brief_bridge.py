"""A one-line brief never merges two stories (QA pass 19a, f_grouping).

Written fixtures of fictional towns: a missile strike on a port and a drone attack on a
substation the same night, each already a story of its own (seeded, as `ingest` restores stored
stories), then an undated one-line brief of explosions in a third town that the scorer reads as
close to both (their shared date and "said on Telegram" are most of its words)."""

from storydiff.match import MatchDoc
from storydiff.match.clusterer import OnlineClusterer

PORT = (
    "A ballistic missile hit the grain port of Marenport on 6 December, killing two dock workers and wounding five, "
    "regional head Ostap Kelm said on Telegram. The strike set a grain terminal on fire and damaged two civilian cargo "
    "ships moored at the pier. Firefighters fought the blaze for six hours before containing it, and divers inspected the "
    "hulls for leaks. Kelm said the port would stay closed until the fire was out and the berths were checked for "
    "unexploded fragments. Shipping agents said exporters expected delays of several weeks, with wheat and barley "
    "cargoes stuck in silos while insurers reviewed premiums for vessels calling at the harbour."
)
DRONES = (
    "Drones attacked a power substation in Vessna overnight on 6 December, leaving half of the town without electricity "
    "and heating, mayor Taras Olm said on Telegram. Two residents of a nearby apartment block were hurt by falling "
    "debris and taken to hospital. Engineers hoped to restore heating to schools and hospitals by the evening, Olm "
    "added, urging residents to save water because pumping stations had stopped. Mobile generators were brought from "
    "neighbouring districts, and shelters with tea, blankets and phone chargers opened in libraries and gyms across "
    "the town while repair crews replaced burnt transformers."
)
BRIEF = "Explosions were heard in Kirsk on 6 December, the regional head said on Telegram."


def _seeded() -> OnlineClusterer:
    clusterer = OnlineClusterer()
    clusterer.seed(MatchDoc("port", PORT, None, "2026-12-06T10:00:00+02:00", language="en"), "s-port")
    clusterer.seed(MatchDoc("drones", DRONES, None, "2026-12-06T07:00:00+02:00", language="en"), "s-drones")
    return clusterer


def test_brief_scoring_high_against_two_stories_merges_neither():
    clusterer = _seeded()
    scored = []
    score_candidates = clusterer._score_candidates

    def spy(d):
        out = score_candidates(d)
        scored.extend(score for score, _ in out)
        return out

    clusterer._score_candidates = spy
    joined = clusterer.add(MatchDoc("brief", BRIEF, None, None, language="en"))
    # the fixture is what QA saw: the brief reads as both stories' (over the bridge's 0.9)
    assert len(scored) == 2 and min(scored) >= clusterer.settings.merge_threshold
    assert clusterer.resolve("s-port") != clusterer.resolve("s-drones")
    assert clusterer.resolve(joined) in {"s-port", "s-drones"}  # it still joins its best story
    assert clusterer.live_stories == 2


def test_long_article_still_judged_by_the_score():
    # the rule reads the brief's length, not the undated article: a full report of the port
    # strike joins the port story as before
    clusterer = _seeded()
    report = PORT.replace("regional head Ostap Kelm said on Telegram", "Ostap Kelm, the region's head, wrote")
    joined = clusterer.add(MatchDoc("port-2", report, None, None, language="en"))
    assert clusterer.resolve(joined) == "s-port"
    assert clusterer.resolve("s-port") != clusterer.resolve("s-drones")


def test_undated_stories_are_left_to_the_score():
    # where nothing is dated (ECB+-like archives) a brief's bridge stands: there it is more often
    # right than wrong (ECB+ B3-F1 0.926 with it, 0.924 without)
    clusterer = OnlineClusterer()
    clusterer.seed(MatchDoc("port", PORT, None, None, language="en"), "s-port")
    clusterer.seed(MatchDoc("drones", DRONES, None, None, language="en"), "s-drones")
    clusterer.add(MatchDoc("brief", BRIEF, None, None, language="en"))
    assert clusterer.resolve("s-port") == clusterer.resolve("s-drones")
