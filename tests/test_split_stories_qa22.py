"""Reports of one story that the clusterer split (QA passes 22a and 22b): round 22.

Written fixtures of fictional places: a farmers' blockade of the Brodnik border crossing reported
in Polish and Ukrainian; a wire and a paper's rewrite of one overnight strike that slips a weekday. The mechanism tests replace the cross-language scorer with a constant and the pair
judgement with a recorded answer, so that what is asserted is when each is asked and what its
answer decides, not where e5 puts two texts."""

from __future__ import annotations

from storydiff.match import MatchDoc, OnlineClusterer
from storydiff.match import multilingual as ml
from storydiff.match.event_dates import event_days, nights, nights_apart, other_days, publication_day
from storydiff.match.same_story import dated_apart
from storydiff.match.scorer import LinearScorer
from storydiff.settings import MatchSettings


def _constant(p: float) -> LinearScorer:
    """A cross-language scorer that answers ``p`` whatever the pair."""
    import math

    return LinearScorer(ml.FEATURES, (0.0, 0.0, 0.0), (1.0, 1.0, 1.0), (0.0, 0.0, 0.0), math.log(p / (1 - p)))


WEDNESDAY, THURSDAY = "2026-12-02T18:00:00+01:00", "2026-12-03T11:20:00+01:00"

BLOCKADE_PL = MatchDoc(
    "pl",
    "W środę rano rolnicy z powiatu brodnickiego zablokowali dojazd do przejścia granicznego w Brodniku. "
    "Protestujący przepuszczają jedną ciężarówkę na godzinę. W kolejce stoi ok. 1800 ciężarówek, a czas "
    "oczekiwania sięga 70 godzin – poinformowała Krajowa Administracja Skarbowa. Organizator protestu Marek "
    "Zieliński zapowiedział, że blokada potrwa do 20 grudnia. Przewoźnicy szacują straty na 2 mln zł dziennie.",
    "Rolnicy zablokowali przejście w Brodniku. W kolejce 1800 ciężarówek",
    THURSDAY,
    language="pl",
)
# The same blockade from the other side of the border, naming no day in its lede, with its own
# border guards' queue count.
BLOCKADE_UK = MatchDoc(
    "uk",
    "Через блокаду польськими фермерами пункту пропуску «Бродник» у черзі на виїзд з Польщі стоять близько "
    "1,5 тисячі вантажівок, повідомили у Державній прикордонній службі. Протестувальники пропускають одну "
    "вантажівку на годину. Організатор протесту Марек Зелінський заявив, що блокада триватиме до 20 грудня. "
    "Польські перевізники оцінюють збитки у 2 млн злотих щодня.",
    "На кордоні з Польщею у черзі через блокаду фермерів – 1,5 тисячі вантажівок",
    THURSDAY,
    language="uk",
)


class _Judge:
    """A recorded pair judgement: the mean score it answers, and how often it was asked."""

    def __init__(self, score: float, threshold: float = 0.57):
        self.score, self.threshold, self.asked = score, threshold, 0

    def __call__(self, d, s):
        self.asked += 1
        return self.score, self.threshold


def _clusterer(cross_p: float, judge: _Judge, **settings) -> OnlineClusterer:
    c = OnlineClusterer(MatchSettings(**settings), cross_scorer=_constant(cross_p))
    c._pair_score = judge  # the judgement's answer is the test's; when it is asked is the clusterer's
    return c


def test_a_report_of_no_day_published_beside_the_storys_reports_is_not_judged_a_next_days():
    # QA 22b, 01: the Polish report names Wednesday (its event); the Ukrainian one names no day and
    # was published on Thursday, as the Polish one was: no day from the story, not judged.
    assert event_days(BLOCKADE_PL.text, "pl", THURSDAY) and not event_days(BLOCKADE_UK.text, "uk", THURSDAY)
    judge = _Judge(0.0)  # a judgement that would keep it out
    c = _clusterer(0.9, judge)
    story = c.add(BLOCKADE_PL)
    assert c.add(BLOCKADE_UK) == story and c.last_cross
    assert judge.asked == 0
    # the story's report published on Wednesday evening: the one of no day published on Thursday
    # is a day from its reports too, judged, and kept out
    judge = _Judge(0.0)
    c = _clusterer(0.9, judge)
    story = c.add(MatchDoc("pl-wednesday", BLOCKADE_PL.text, BLOCKADE_PL.title, WEDNESDAY, language="pl"))
    assert c.add(BLOCKADE_UK) != story
    assert judge.asked == 1


def test_the_pair_judgement_is_a_second_opinion_under_the_cross_language_threshold():
    # QA 22b, 01 and 02: the cross-language score (the lede, shared names and figures) falls under
    # cross_threshold for a report with other figures; the pair judgement decides.
    for said, joins in ((0.7, True), (0.4, False)):
        judge = _Judge(said)
        c = _clusterer(0.3, judge)
        story = c.add(BLOCKADE_PL)
        assert (c.add(BLOCKADE_UK) == story) is joins
        assert c.last_cross is joins and judge.asked == 1
    # off, or undated (no texts kept to judge): the cross-language score alone
    judge = _Judge(0.9)
    c = _clusterer(0.3, judge, cross_pair_second_opinion=False)
    story = c.add(BLOCKADE_PL)
    assert c.add(BLOCKADE_UK) != story and judge.asked == 0
    judge = _Judge(0.9)
    c = _clusterer(0.3, judge)
    story = c.add(MatchDoc("pl-undated", BLOCKADE_PL.text, BLOCKADE_PL.title, None, language="pl"))
    assert c.add(MatchDoc("uk-undated", BLOCKADE_UK.text, BLOCKADE_UK.title, None, language="uk")) != story
    assert judge.asked == 0


def test_a_judgement_under_the_threshold_is_not_asked_for_an_article_placed_in_its_own_language():
    judge = _Judge(0.9)
    c = _clusterer(0.3, judge)
    c.add(BLOCKADE_UK)
    pl_story = c.add(BLOCKADE_PL)  # asked once: the Polish report meets the Ukrainian story
    asked = judge.asked
    rewrite = MatchDoc("pl-2", BLOCKADE_PL.text.replace("W środę rano", "Od środy rano"), BLOCKADE_PL.title,
                       THURSDAY, language="pl")
    assert c.add(rewrite) == pl_story  # joins its own language's story: no second opinion needed
    assert judge.asked == asked


WIRE_SUNDAY = (
    "A Russian missile struck an energy facility in Velmar early on Sunday, regional governor Oksana Dral said. "
    "The strike cut power to about 40,000 customers, Dral said on Telegram. Repairs are expected to be completed by "
    "Dec. 9, the grid operator said."
)
PAPER_SATURDAY = (
    "A Russian missile struck an energy facility in Velmar early on Saturday, the regional governor, Oksana Dral, "
    "said. The strike left about 40,000 customers without power, Dral said. Repairs should be finished by 9 "
    "December, according to the grid operator."
)


def test_a_weekday_slip_between_same_day_reports_is_no_night_apart():
    # QA 22a, 15: both published on Sunday; "early on Saturday" against the wire's "early on Sunday"
    a_days, b_days = event_days(WIRE_SUNDAY, "en", "2026-12-06T10:00:00Z"), event_days(PAPER_SATURDAY, "en", "2026-12-06T11:30:00Z")
    a_nights, b_nights = nights(a_days), nights(b_days)
    assert a_nights and b_nights and a_nights.isdisjoint(b_nights)
    sunday = publication_day("2026-12-06T10:00:00Z")
    monday = sunday + 1
    assert not nights_apart(a_nights, b_nights, other_days(a_days), other_days(b_days), (sunday, sunday), (sunday, sunday))
    # published on two days (the next night's attack, reported the next day), or not known: apart
    assert nights_apart(a_nights, b_nights, other_days(a_days), other_days(b_days), (sunday, sunday), (monday, monday))
    assert nights_apart(a_nights, b_nights, other_days(a_days), other_days(b_days))
    wire = MatchDoc("wire", WIRE_SUNDAY, "Russian strike hits Velmar energy facility", "2026-12-06T10:00:00Z", language="en")
    paper = MatchDoc("paper", PAPER_SATURDAY, "Russian missile hits Velmar power plant", "2026-12-06T11:30:00Z", language="en")
    assert not dated_apart(wire, paper)
    assert dated_apart(wire, MatchDoc("paper-monday", PAPER_SATURDAY.replace("Saturday", "Monday"), None,
                                      "2026-12-07T09:00:00Z", language="en"))
    c = OnlineClusterer()
    assert c.add(wire) == c.add(paper)
