"""Reports of one story that the clusterer split (QA pass 25b, finding 8): round 25.

Two outlets' short reports of one prisoner exchange, 150 against 157 released (the conflict a desk
wants inside one story), share few words: they score over the threshold but under the one-report
story's small-story margin. The pair judgement decides there (MatchSettings.pair_second_opinion).
The judgement is replaced with a recorded answer, so that what is asserted is when it is asked and
what its answer decides, not where e5 puts two texts."""

from __future__ import annotations

from dataclasses import replace

from recorded_judge import RecordedJudge

from storydiff.match import MatchDoc, OnlineClusterer
from storydiff.settings import MatchSettings

AGENCY = MatchDoc(
    "agency",
    "МОСКВА, 7 декабря. /ТАСС/. Россия вернула с подконтрольной Киеву территории 150 военнослужащих. В обмен "
    "украинской стороне переданы 150 военнопленных, сообщили в Министерстве обороны.\n"
    "Посредником в обмене выступил Катар.",
    "Россия вернула из плена 150 военнослужащих", "2026-12-07T15:20:00+03:00", outlet="ТАСС")
EXILE = MatchDoc(
    "exile",
    "Россия и Украина 7 декабря провели обмен военнопленными: каждая сторона вернула по 157 человек, сообщил "
    "президент Украины Владимир Зеленский.\n«Мы возвращаем наших людей домой», — написал Зеленский.\n"
    "Посредником в обмене выступил Катар.",
    "Россия и Украина провели обмен пленными: по 157 человек", "2026-12-07T14:05:00+02:00", outlet="Медуза")


_Judge = RecordedJudge


# off by default (settings.py says why); the bar lowered to where the two reports score since round
# 26's datelines give no terms ("МОСКВА, 7 декабря. /ТАСС/." had lifted them over the default bar):
# what is tested is when the judgement is asked between the bar and the small-story margin
ON = MatchSettings(pair_second_opinion=True, threshold=0.01)


def _placed(docs: list[MatchDoc], judge: _Judge, settings: MatchSettings = ON) -> dict[str, str]:
    c = OnlineClusterer(settings)
    c._pair_score = judge  # the judgement's answer is the test's; when it is asked is the clusterer's
    placed = [(d.id, c.add(d)) for d in docs]
    return {doc_id: c.resolve(sid) for doc_id, sid in placed}


def test_the_pair_judgement_joins_a_report_scoring_under_the_small_story_margin():
    for docs in ([EXILE, AGENCY], [AGENCY, EXILE]):
        judge = _Judge(0.81)
        placed = _placed(docs, judge)
        assert placed["agency"] == placed["exile"]
        assert judge.asked == 1


def test_a_judgement_under_its_threshold_leaves_the_report_apart():
    judge = _Judge(0.40)
    placed = _placed([EXILE, AGENCY], judge)
    assert placed["agency"] != placed["exile"]
    assert judge.asked == 1


def test_the_second_opinion_is_not_asked_off_nor_for_an_undated_report():
    judge = _Judge(0.81)
    placed = _placed([EXILE, AGENCY], judge, MatchSettings())  # the default: off
    assert placed["agency"] != placed["exile"] and judge.asked == 0
    judge = _Judge(0.81)
    placed = _placed([EXILE, AGENCY], judge, MatchSettings(pair_second_opinion=False))
    assert placed["agency"] != placed["exile"] and judge.asked == 0
    judge = _Judge(0.81)
    placed = _placed([EXILE, replace(AGENCY, published=None)], judge)
    assert placed["agency"] != placed["exile"] and judge.asked == 0


def test_nor_for_a_story_past_the_pair_judgement_s_size():
    """A story of more than content_gate_max_size reports is judged by its score alone."""
    judge = _Judge(0.81)
    placed = _placed([EXILE, AGENCY], judge, MatchSettings(content_gate_max_size=0, pair_second_opinion=True))
    assert placed["agency"] != placed["exile"] and judge.asked == 0
