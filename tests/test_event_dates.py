"""The date veto (match/event_dates.py, MatchSettings.event_days_apart): two events of the same
people in one city a few days apart stay two stories, in every language; the next day's update of
one story, and reports of one event in two languages, are left to the score."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from storydiff.match import MatchDoc, OnlineClusterer
from storydiff.match.event_dates import days_apart, event_days, merged_days
from storydiff.settings import MatchSettings

# QA pass 15 (notes/qa15/06-different-events-merged): a missile strike on 20 November (a Friday)
# and a drone attack on the 24th (a Tuesday) on one city, the same governor quoted, in English
# and Ukrainian; every language merged them into one story.
_STRIKE_EN = (
    "Russian missile strike on Ukraine's Zaporizhzhia kills nine, governor says", "2026-11-20T07:30:00+00:00",
    "ZAPORIZHZHIA, Ukraine, Nov 20 (Reuters) - A Russian missile strike on the southeastern Ukrainian city of "
    "Zaporizhzhia early on Friday killed nine people and wounded 31, including four children, regional governor "
    "Ivan Fedorov said.\nThe missiles hit an industrial enterprise and two apartment buildings in the city's "
    "Shevchenkivskyi district shortly after 4 a.m., Fedorov said on the Telegram messaging app.\n\"Rescuers are "
    "still working at the site. The number of victims may grow,\" Fedorov said.\nUkraine's air force said Russia "
    "had launched five Iskander-M ballistic missiles and 48 attack drones at Ukraine overnight.")
_DRONES_EN = (
    "Russian drone attack on Zaporizhzhia kills two, wounds 12", "2026-11-24T19:20:00+00:00",
    "ZAPORIZHZHIA, Ukraine, Nov 24 (Reuters) - A Russian drone attack on Zaporizhzhia on Tuesday evening killed "
    "two people and wounded 12, regional governor Ivan Fedorov said, four days after a missile strike on the city "
    "killed nine.\nDrones hit a bus depot and a private house in the Komunarskyi district, Fedorov said on "
    "Telegram.\n\"The enemy is again targeting civilian infrastructure. All emergency services are working,\" "
    "Fedorov said.\nUkraine's air force said Russia had launched 62 drones overnight, of which 50 were shot down.")
_STRIKE_UK = (
    "Ракетний удар по Запоріжжю: загинули 9 людей, 31 поранений", "2026-11-20T06:50:00+02:00",
    "Уночі 20 листопада російські війська завдали ракетного удару по Запоріжжю. Загинули дев'ятеро людей, ще 31 "
    "отримав поранення.\nПро це повідомив голова Запорізької обласної військової адміністрації Іван Федоров.\n"
    "«Рятувальники досі працюють на місці. Кількість жертв може зрости», — зазначив Федоров.")
_DRONES_UK = (
    "Дрони атакували Запоріжжя: двоє загиблих, 12 поранених", "2026-11-24T21:45:00+02:00",
    "Увечері 24 листопада російські дрони атакували Запоріжжя. Загинули двоє людей, ще 12 поранені.\nПро це "
    "повідомив голова Запорізької ОВА Іван Федоров.\n«Ворог знову б'є по цивільній інфраструктурі. Усі екстрені "
    "служби працюють», — написав Федоров у Telegram.\nНагадаємо, 20 листопада внаслідок ракетного удару по "
    "Запоріжжю загинули дев'ятеро людей.")


def _doc(doc_id: str, article: tuple[str, str, str], language: str) -> MatchDoc:
    title, published, text = article
    return MatchDoc(doc_id, text, title, datetime.fromisoformat(published), language=language)


def _place(settings: MatchSettings, docs: list[MatchDoc]) -> dict[str, str]:
    c = OnlineClusterer(settings)
    sids = {d.id: c.add(d) for d in docs}
    return {i: c.resolve(s) for i, s in sids.items()}


def _days(text: str, published: str, language: str | None = "en") -> list[tuple[str, str]]:
    # the ISO string, offset and all: a weekday is resolved on the publication's own calendar
    return [(date.fromordinal(a).isoformat(), date.fromordinal(b).isoformat()) for a, b in event_days(text, language, published)]


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_qa_repro_two_attacks_on_one_city_four_days_apart_stay_two_stories(language):
    strike, drones = (_STRIKE_EN, _DRONES_EN) if language == "en" else (_STRIKE_UK, _DRONES_UK)
    docs = [_doc("strike", strike, language), _doc("drones", drones, language)]
    apart = _place(MatchSettings(), docs)
    assert apart["strike"] != apart["drones"]
    # the veto off (and the story span bound, which keeps two attacks four days apart apart too, and
    # the later-event veto: the English drone report dates its attack "four days after a missile
    # strike on the city"): one story
    merged = _place(MatchSettings(event_days_apart=-1, event_story_span_days=-1, later_event_veto=False), docs)
    assert merged["strike"] == merged["drones"]


def test_reports_of_one_event_and_its_next_day_update_still_join():
    title, published, text = _STRIKE_EN
    second = ("Nine killed as Russian missiles hit Zaporizhzhia", "2026-11-20T09:10:00+00:00",
              "Russian missiles struck Zaporizhzhia in the early hours of Friday, killing nine people and wounding 31, "
              "including four children, regional governor Ivan Fedorov said on Telegram.\nThe missiles hit an "
              "industrial enterprise and two apartment buildings in the Shevchenkivskyi district, Fedorov said. "
              "Rescuers were still working at the site.")
    update = ("Zaporizhzhia mourns nine killed in missile strike", "2026-11-21T10:00:00+00:00",
              "Zaporizhzhia held a day of mourning on Saturday for the nine people killed when Russian missiles hit an "
              "industrial enterprise and two apartment buildings in the Shevchenkivskyi district, governor Ivan Fedorov "
              "said.\nRescuers finished clearing the rubble overnight. The number of wounded stands at 31, including "
              "four children, Fedorov said.")
    docs = [_doc("a", _STRIKE_EN, "en"), _doc("b", second, "en"), _doc("update", update, "en")]
    placed = _place(MatchSettings(), docs)
    assert placed["a"] == placed["b"] == placed["update"]
    # the veto did not act: the same placements without it
    assert _place(MatchSettings(event_days_apart=-1), docs) == placed


def test_across_languages_the_veto_keeps_the_strike_and_the_drone_attack_apart():
    # dates are the same in every language: the Ukrainian drone report joins the English one
    # (the multilingual path), and no story holds a report of each attack
    docs = [_doc("strike-en", _STRIKE_EN, "en"), _doc("strike-uk", _STRIKE_UK, "uk"),
            _doc("drones-uk", _DRONES_UK, "uk"), _doc("drones-en", _DRONES_EN, "en")]
    placed = _place(MatchSettings(), docs)
    assert placed["drones-uk"] == placed["drones-en"]
    assert not {placed["strike-en"], placed["strike-uk"]} & {placed["drones-en"], placed["drones-uk"]}
    # before: each language merged the two attacks (the span bound off as well: it also keeps them apart)
    off = _place(MatchSettings(event_days_apart=-1, event_story_span_days=-1), docs)
    assert off["strike-en"] == off["drones-en"] and off["strike-uk"] == off["drones-uk"]


def test_event_days_read_from_the_lede_and_resolved_against_publication():
    title, published, text = _STRIKE_EN
    # "early on Friday" may be Thursday night; the dateline's "Nov 20" is the report's, not read
    assert _days(text, published) == [("2026-11-19", "2026-11-20")]
    assert _days(_DRONES_EN[2], _DRONES_EN[1]) == [("2026-11-24", "2026-11-24")]
    # Ukrainian day and month; the reminder of the 20th in the last paragraph is not the lede
    assert _days(_DRONES_UK[2], _DRONES_UK[1], "uk") == [("2026-11-24", "2026-11-24")]
    # the day a statement was made on is the last day its event may have been on (review, round 16:
    # a follow-up's "said on Wednesday" split it from its story), and no day at all when the
    # sentence names the event's own day
    assert _days("The union said on Monday it would not sign.", "2026-11-25T08:00:00+00:00") == [
        ("2026-11-16", "2026-11-23")]
    assert _days("Monday's strike on Kharkiv killed eleven, the governor said on Thursday.",
                 "2024-11-21T10:00:00+00:00") == [("2024-11-18", "2024-11-18")]
    # a weekday is the nearest such day from five days before publication to the day after
    assert _days("Talks resume on Tuesday.", "2026-11-23T18:00:00+00:00") == [("2026-11-24", "2026-11-24")]
    assert _days("Talks resumed on Saturday.", "2026-11-23T18:00:00+00:00") == [("2026-11-21", "2026-11-21")]
    # what is to come may also be the next such day
    assert _days("Workers will strike on Thursday.", "2026-11-23T18:00:00+00:00") == [
        ("2026-11-19", "2026-11-19"), ("2026-11-26", "2026-11-26")]
    # a month and day takes the year nearest publication
    assert _days("The vote of 30 December was annulled.", "2027-01-02T08:00:00+00:00") == [("2026-12-30", "2026-12-30")]
    # German: the night into Monday may be Sunday's; "am Dienstagabend"
    assert _days("In der Nacht zum Montag griffen Drohnen Saporischschja an.", "2026-11-23T09:00:00+00:00", "de") == [
        ("2026-11-22", "2026-11-23")]
    assert _days("Zwei Menschen wurden am Dienstagabend getötet.", "2026-11-24T21:00:00+00:00", "de") == [
        ("2026-11-24", "2026-11-24")]
    assert _days("Der Gouverneur sagte am Dienstagabend, zwei Menschen seien getötet worden.",
                 "2026-11-24T21:00:00+00:00", "de") == [("2026-11-17", "2026-11-24")]
    # a date of another year is a past event, and a weekday in a sentence of another year no day
    # of this week ("Monday, March 11, 2013" at the top of a page republished in 2024)
    assert _days("Police shot a teen on March 9, 2013 and riots broke out on Monday.", "2024-01-03T08:00:00+00:00") == []
    assert _days("Riots broke out on Monday after police shot a teen on 9 March.", "2024-03-12T08:00:00+00:00") == [
        ("2024-03-09", "2024-03-09"), ("2024-03-11", "2024-03-11")]
    # a page's own stamp is no event's day
    assert _days("Updated: November 24, 2026 A missile strike killed nine.", "2026-11-24T08:00:00+00:00") == []
    assert _days("Оновлено 24 листопада. Ракетний удар по Запоріжжю.", "2026-11-24T08:00:00+00:00", "uk") == []
    # a month alone says no day; no publication date, no days
    assert _days("Repairs will start in October.", "2026-09-02T08:00:00+00:00") == []
    assert event_days(text, "en", None) == ()


def test_days_apart_and_a_storys_merged_days():
    friday, tuesday = (739575, 739576), (739580, 739580)
    assert days_apart((friday,), (tuesday,)) == 4
    assert days_apart((friday,), ((739577, 739577),)) == 1
    assert days_apart((friday, tuesday), (tuesday,)) == 0
    assert days_apart((), (tuesday,)) == -1  # no days: nothing to veto
    # touching days become one span: a story told day after day
    assert merged_days((friday,), ((739577, 739577), tuesday)) == ((739575, 739577), tuesday)
    assert merged_days((), (tuesday,)) == (tuesday,)


def test_same_story_judgement_scores_a_vetoed_pair_zero():
    from storydiff.match import same_story as ss

    strike, drones = _doc("a", _STRIKE_EN, "en"), _doc("b", _DRONES_EN, "en")
    assert ss.dated_apart(strike, drones)
    assert not ss.dated_apart(strike, _doc("c", _STRIKE_UK, "uk"))  # one event, two languages
    assert not ss.dated_apart(strike, drones, replace(MatchSettings(), event_days_apart=-1))
    assert not ss.dated_apart(strike, replace(drones, published=None))  # undated: no days


# Review of round 16 (notes/review16/r1_event_dates.py, r1b_clusterer_split.py): the veto split
# single stories. A Monday strike and its Wednesday follow-up, in English and German.
_MONDAY = ("Russian missiles struck Kharkiv on Monday, killing seven people, the regional governor said.",
           "2024-11-18T15:00:00+00:00")


@pytest.mark.parametrize(("text", "language"), [
    ("The death toll from the Russian missile strike on Kharkiv rose to eleven, the regional governor said on Wednesday.",
     "en"),
    ("Die Zahl der Toten nach dem Raketenangriff auf Charkiw ist auf elf gestiegen, teilte der Gouverneur am Mittwoch "
     "mit.", "de"),
    ("Кількість загиблих внаслідок ракетного удару по Харкову зросла до одинадцяти, повідомив у середу губернатор.",
     "uk"),
])
def test_a_follow_up_naming_only_the_day_its_figures_were_said_on_is_not_vetoed(text, language):
    later = event_days(text, language, "2024-11-20T10:00:00+00:00")
    wednesday = date(2024, 11, 20).toordinal()
    assert later == ((wednesday - 7, wednesday),)  # the statement is on or after the event's day
    assert days_apart(event_days(_MONDAY[0], "en", _MONDAY[1]), later) == 0
    # a said day still keeps apart what came after the statement: the club announced the signing
    # on Saturday, the striker's injury of the Tuesday after is another event
    signed = event_days("Lorn City have signed striker Jon Brandt, the club said on Saturday.", "en",
                        "2025-08-02T10:00:00+00:00")
    injured = event_days("Jon Brandt tore a ligament in his knee during training on Tuesday, Lorn City said.", "en",
                         "2025-08-07T08:15:00+00:00")
    assert days_apart(signed, injured) == 3


def test_the_follow_up_that_says_when_its_figures_were_given_joins_its_story():
    first = MatchDoc(
        "a", "Russian missiles struck an apartment block in central Kharkiv on Monday, killing seven people and injuring "
        "42, regional governor Oleh Syniehubov said. Rescue teams searched the rubble of the five-storey building in "
        "the Kyivskyi district through the night. Syniehubov said Iskander missiles hit the building at 7.40 local time.",
        "Russian missiles kill seven in Kharkiv apartment block", datetime.fromisoformat("2024-11-18T15:00:00+00:00"),
        outlet="Wire A", language="en")
    follow = MatchDoc(
        "b", "The death toll from a Russian missile strike on an apartment block in central Kharkiv rose to eleven, "
        "regional governor Oleh Syniehubov said on Wednesday. Rescue teams searched the rubble of the five-storey "
        "building in the Kyivskyi district. Syniehubov said Iskander missiles hit the building, injuring 42 people.",
        "Kharkiv missile strike death toll rises to eleven", datetime.fromisoformat("2024-11-20T09:00:00+00:00"),
        outlet="Wire B", language="en")
    placed = _place(MatchSettings(), [first, follow])
    assert placed["a"] == placed["b"]
    from storydiff.match import same_story as ss

    assert not ss.dated_apart(first, follow)


def test_a_weekday_is_resolved_on_the_publications_own_calendar():
    # a Kyiv paper at 01:00 on Tuesday (Monday 23:00 UTC): "on Wednesday" is tomorrow, not last week's
    assert _days("Ukrainian and Russian negotiators meet in Istanbul on Wednesday, the foreign ministry said.",
                 "2024-11-19T01:00:00+02:00") == [("2024-11-20", "2024-11-20")]
    assert _days("Negotiators met in Istanbul on Wednesday.", "2024-11-20T12:00:00+00:00") == [("2024-11-20", "2024-11-20")]
    # a Pacific paper on Sunday evening (Monday 04:00 UTC): "on Tuesday" is five days back, not tomorrow
    assert _days("A wildfire that broke out on Tuesday near Malibu has burned 4,000 acres.",
                 "2024-11-17T20:00:00-08:00") == [("2024-11-12", "2024-11-12")]
    # the same instant as seconds since the epoch has no offset: read in UTC, as before
    utc = datetime.fromisoformat("2024-11-17T20:00:00-08:00").timestamp()
    assert event_days("A wildfire broke out on Tuesday.", "en", utc) == ((date(2024, 11, 19).toordinal(),) * 2,)
    # a naive datetime is UTC
    assert _days("A wildfire broke out on Tuesday.", "2024-11-18T04:00:00") == [("2024-11-19", "2024-11-19")]


@pytest.mark.parametrize(("preview", "report", "language"), [
    ("Ukrainian and Russian negotiators are to meet in Istanbul on Wednesday for a second round of talks.",
     "Ukrainian and Russian negotiators met in Istanbul on Wednesday for a second round of talks.", "en"),
    ("Am Mittwoch beraten die Außenminister der EU in Brüssel über neue Sanktionen gegen Russland.",
     "Die Außenminister der EU haben am Mittwoch in Brüssel neue Sanktionen gegen Russland beschlossen.", "de"),
    ("У середу в Стамбулі відбудеться другий раунд переговорів між Україною та Росією.",
     "У середу в Стамбулі відбувся другий раунд переговорів між Україною та Росією.", "uk"),
    ("В среду в Стамбуле состоится второй раунд переговоров между Украиной и Россией.",
     "В среду в Стамбуле состоялся второй раунд переговоров между Украиной и Россией.", "ru"),
])
def test_a_preview_of_a_coming_weekday_is_not_vetoed_against_the_days_report(preview, report, language):
    before = event_days(preview, language, "2024-11-18T12:00:00+00:00")  # Monday
    after = event_days(report, language, "2024-11-20T18:00:00+00:00")  # Wednesday
    wednesday = date(2024, 11, 20).toordinal()
    # both readings: last Wednesday and the coming one
    assert before == ((wednesday - 7, wednesday - 7), (wednesday, wednesday))
    assert after == ((wednesday, wednesday),)
    assert days_apart(before, after) == 0


def test_a_past_sentence_keeps_its_one_reading():
    # a past verb: "on Wednesday" in Monday's paper is last Wednesday only
    assert _days("Negotiators met in Istanbul on Wednesday.", "2024-11-18T12:00:00+00:00") == [("2024-11-13", "2024-11-13")]
    assert _days("Die Außenminister haben am Mittwoch Sanktionen beschlossen.", "2024-11-18T12:00:00+00:00", "de") == [
        ("2024-11-13", "2024-11-13")]
    assert _days("У середу в Стамбулі відбувся раунд переговорів.", "2024-11-18T12:00:00+00:00", "uk") == [
        ("2024-11-13", "2024-11-13")]
    # yesterday stays yesterday, past verb or not
    assert _days("Talks in Istanbul on Sunday.", "2024-11-18T12:00:00+00:00") == [("2024-11-17", "2024-11-17")]
