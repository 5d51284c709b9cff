"""Related events of the next days kept apart (round 27, both measured and off by default:
settings.py says why): the day-level out-before veto between sides that tell nothing alike
(MatchSettings.out_before_days_unshared), and the pair judgement of a report published days after
a small story whose lede's day lies within the date veto's slack (MatchSettings.pair_judge_days_apart).

Written fixtures of a fictional country: Ina Sorel named harbour master of Kesk on Monday, told by
two outlets, and her rival's appeal against the appointment on Tuesday; a mine collapse at Rudna
on Friday and the next day's mourning, told with the collapse's figure or its headline words; the
river Ossa's flood on Friday and the rebuilding money four days later, whose lede says "on Friday"."""

from __future__ import annotations

import sys
from pathlib import Path

from storydiff.match import MatchDoc
from storydiff.match.clusterer import OnlineClusterer, _tells_the_same
from storydiff.settings import MatchSettings

sys.path.insert(0, str(Path(__file__).parent))
from recorded_judge import RecordedJudge

NAMED_1 = (
    "Ina Sorel named harbour master of Kesk",
    "The city council of Kesk appointed Ina Sorel, a former navy captain, as harbour master on Monday, "
    "mayor Aron Pell said. Sorel takes over a port that handled 3.2 million tonnes of cargo last year and "
    "promised to modernise its cranes. She starts in May.",
)
NAMED_2 = (
    "Former captain Sorel to run Kesk harbour",
    "Ina Sorel, who commanded a navy frigate for nine years, was chosen on Monday to run the harbour of "
    "Kesk, mayor Aron Pell told reporters. Kesk's port moved 3.2 million tonnes of cargo last year; Sorel "
    "said the cranes would be modernised.",
)
APPEAL = (
    "Rival Vahl appeals Sorel appointment in court",
    "Tomm Vahl, the deputy harbour master passed over for the post, asked the administrative court in Kesk "
    "on Tuesday to annul Ina Sorel's appointment, saying the council broke its own hiring rules. Mayor Aron "
    "Pell said the council acted lawfully. Sorel declined to comment.",
)
COLLAPSE_1 = (
    "Rudna mine collapse kills 11 miners",
    "A tunnel collapsed at the Rudna coal mine on Friday, killing 11 miners and trapping 40 more for "
    "hours, the mining authority said. Rescuers brought the 40 to the surface by the evening. Mine director "
    "Ola Brenn said a gas blast may have caused the collapse.",
)
COLLAPSE_2 = (
    "Eleven dead as tunnel caves in at Rudna mine",
    "Eleven miners died on Friday when a tunnel caved in at the Rudna coal mine, the mining authority said. "
    "All 40 miners trapped with them were rescued by the evening, and director Ola Brenn said a gas blast "
    "was the likely cause.",
)
MOURN_FIGURE = (
    "Rudna holds day of mourning",
    "Rudna held a day of mourning on Saturday, flags at half mast over the town hall, governor Eda Noll "
    "said. The 11 dead will be buried on Monday. Mine director Ola Brenn met their families.",
)
MOURN_HEADLINE = (
    "Rudna mourns miners killed in collapse",
    "Rudna held a day of mourning on Saturday, flags at half mast over the town hall, governor Eda Noll "
    "said. The dead will be buried on Monday. Mine director Ola Brenn met their families.",
)
FLOOD_1 = (
    "River Ossa floods Brell, 1,500 people evacuated",
    "The river Ossa burst its banks in Brell overnight, flooding the old town and forcing about 1,500 "
    "people from their homes, governor Lia Tann said on Friday. Two bridges were closed. No deaths were "
    "reported in Brell.",
)
FLOOD_2 = (
    "Brell old town under water as Ossa bursts banks",
    "About 1,500 residents of Brell were evacuated after the Ossa overflowed in the night, governor Lia "
    "Tann said on Friday. Two bridges were shut and no deaths were reported in Brell.",
)
MONEY = (
    "Government sets aside 70 million to rebuild Brell",
    "The government will spend 70 million crowns to rebuild bridges and homes in Brell after the Ossa "
    "flood, governor Lia Tann said on Friday. The first payments to families of Brell will arrive in "
    "autumn, Tann said, and the two bridges will reopen.",
)


def _doc(doc_id: str, report: tuple[str, str], published: str) -> MatchDoc:
    title, text = report
    return MatchDoc(doc_id, text, title, published, language="en")


def _stories(docs: list[MatchDoc], judge: RecordedJudge | None = None, **settings) -> dict[str, str]:
    c = OnlineClusterer(MatchSettings(**settings))
    if judge is not None:
        c._pair_score = judge  # the judgement's answer is the test's; when it is asked is the clusterer's
    placed = [(d.id, c.add(d)) for d in docs]
    return {doc_id: c.resolve(sid) for doc_id, sid in placed}


def _appointment() -> list[MatchDoc]:
    return [_doc("named-1", NAMED_1, "2026-04-06T09:00:00+00:00"), _doc("named-2", NAMED_2, "2026-04-06T13:30:00+00:00"),
            _doc("appeal", APPEAL, "2026-04-07T16:00:00+00:00")]


def _collapse(mourn: tuple[str, str]) -> list[MatchDoc]:
    return [_doc("collapse-1", COLLAPSE_1, "2026-10-09T11:00:00+00:00"),
            _doc("collapse-2", COLLAPSE_2, "2026-10-09T15:00:00+00:00"),
            _doc("mourn", mourn, "2026-10-10T10:00:00+00:00")]


UNSHARED = {"out_before_days_unshared": True}


def test_the_next_days_act_that_tells_nothing_alike_stays_apart():
    got = _stories(_appointment(), **UNSHARED)
    assert got["named-1"] == got["named-2"] != got["appeal"]
    # by default (off) the date veto's day of slack lets the appeal join the appointment's story
    off = _stories(_appointment(), out_before_days_unshared=False)
    assert off["named-1"] == off["named-2"] == off["appeal"]


def test_the_next_days_update_restating_a_figure_or_a_headline_word_joins():
    for mourn in (MOURN_FIGURE, MOURN_HEADLINE):
        got = _stories(_collapse(mourn), **UNSHARED)
        assert got["collapse-1"] == got["collapse-2"] == got["mourn"]
    # the same update telling neither (no figure, no headline word of the story's) is kept apart
    # as the next event would be: the rule's cost, shown
    bare = ("Rudna holds day of mourning",
            "Rudna held a day of mourning on Saturday for the miners killed when a tunnel collapsed at the Rudna "
            "coal mine, governor Eda Noll said. Mine director Ola Brenn met their families and said a gas blast "
            "was the likely cause of the collapse.")
    got = _stories(_collapse(bare), **UNSHARED)
    assert got["collapse-1"] == got["collapse-2"] != got["mourn"]
    assert len(set(_stories(_collapse(bare), out_before_days_unshared=False).values())) == 1


def test_tells_the_same_reads_figures_and_headline_words_that_name_nothing():
    def bag(**channels):
        return lambda ch: channels.get(ch, ())

    assert _tells_the_same(bag(numbers=("11", "sat")), bag(numbers=("11", "40", "fri")))
    assert not _tells_the_same(bag(numbers=("sat",)), bag(numbers=("sat", "40")))  # a weekday is no figure
    assert _tells_the_same(bag(title=("rudna", "mourns", "miners")), bag(title=("rudna", "kills", "miners")),)
    # a headline word that is a name of either side tells nothing alike
    assert not _tells_the_same(bag(title=("sorel", "appeal"), entities=("sorel",)), bag(title=("sorel", "named")))
    assert not _tells_the_same(bag(title=("vahl", "appeals")), bag(title=("vahl", "named"), entities=("vahl",)))


def _flood() -> list[MatchDoc]:
    return [_doc("flood-1", FLOOD_1, "2026-09-04T06:30:00+00:00"), _doc("flood-2", FLOOD_2, "2026-09-04T09:45:00+00:00"),
            _doc("money", MONEY, "2026-09-08T14:00:00+00:00")]


def test_a_report_days_after_a_small_story_is_judged_only_with_pair_judge_days_apart():
    # the money's lede says "on Friday", the flood's day: within the date veto's slack, while it
    # was published four days on, past the next-day judgement's day; off by default (settings.py)
    unasked = RecordedJudge(0.40)
    got = _stories(_flood(), unasked, pair_judge_days_apart=False)
    assert got["flood-1"] == got["flood-2"] == got["money"] and unasked.asked == 0
    low = RecordedJudge(0.40)
    got = _stories(_flood(), low, pair_judge_days_apart=True)
    assert got["flood-1"] == got["flood-2"] != got["money"]
    assert low.asked >= 1
    high = RecordedJudge(0.80)
    got = _stories(_flood(), high, pair_judge_days_apart=True)
    assert got["flood-1"] == got["flood-2"] == got["money"]
