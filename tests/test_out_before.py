"""A report cannot tell what happened after it was out (round 23): the out-before veto.

Written fixtures of a fictional country: a dockers' walkout at the port of Tessel reported on
Monday morning, and the port authority's lawsuit against the union filed "on Monday afternoon"
(kept apart by default); the finance minister's budget told by three reports on Tuesday and the
rating agency's cut "on Wednesday, a day after" (kept apart only with out_before_days, off: the
date veto's day of slack is for next-day updates); and the next day's update of an earthquake,
which stays with it either way. Round 24 (the veto on by default): a missile strike on Ostrin told
at 13:20 Kyiv time and a later report stamped in UTC or US Eastern time saying "on Monday
afternoon"; the governor's tour of the quake's ruins the next afternoon, after a morning update;
the Varn toll counted again and Marisol's streets swept up the same evening."""

from __future__ import annotations

from datetime import date, datetime
from unittest import mock

from storydiff.match import MatchDoc
from storydiff.match.clusterer import OnlineClusterer
from storydiff.match.event_dates import event_start, latest_publication, out_before
from storydiff.match.lede_keys import AFTERNOON, EVENING, tells_an_update, weekday_parts
from storydiff.settings import MatchSettings

WALKOUT_1 = (
    "Dockers walk out at Tessel, port at a standstill",
    "About 900 dock workers at the port of Tessel walked off the job on Monday morning in a dispute over "
    "night shifts, the Tessel dockers' union said. No ship was loaded or unloaded at Tessel, union leader "
    "Ada Korin told the workers at the gates. The Tessel port authority called the walkout unlawful.",
)
WALKOUT_2 = (
    "Tessel port stops as 900 dockers strike over shifts",
    "Cranes stood idle at Tessel on Monday after some 900 dockers stopped work over night shifts, the "
    "Tessel dockers' union said. Union leader Ada Korin said the walkout would last until the port "
    "authority dropped the new rota. The Tessel port authority called the walkout unlawful.",
)
LAWSUIT = (
    "Tessel port authority sues dockers' union over walkout",
    "The Tessel port authority sued the Tessel dockers' union on Monday afternoon, asking the labour court "
    "to declare the walkout of 900 dockers unlawful, union leader Ada Korin said. The port authority "
    "wants the union to pay for every day Tessel stands still over the night shifts.",
)
BUDGET_1 = (
    "Finance minister Rell presents budget with record deficit",
    "Finance minister Otto Rell presented the budget to parliament on Tuesday, with spending up 7 percent "
    "and a deficit of 5.1 percent of output, the largest in a decade. Rell said defence and pensions "
    "needed the money. The opposition called the Rell budget reckless.",
)
BUDGET_2 = (
    "Rell budget: deficit at 5.1 percent, spending up 7 percent",
    "Otto Rell laid a budget with a deficit of 5.1 percent of output before parliament on Tuesday, the "
    "finance minister raising spending by 7 percent for defence and pensions. The opposition called the "
    "Rell budget reckless, and bond yields rose.",
)
BUDGET_3 = (
    "Rell's budget raises spending 7 percent",
    "The finance minister, Otto Rell, presented parliament with a budget on Tuesday that raises spending by "
    "7 percent and runs a deficit of 5.1 percent of output. Rell said defence and pensions come first. The "
    "opposition called the Rell budget reckless.",
)
RATING = (
    "Agency cuts rating after Rell budget",
    "Rating agency Kestor cut the country's credit rating by one notch on Wednesday, a day after finance "
    "minister Otto Rell presented a budget with a deficit of 5.1 percent of output. Kestor said spending "
    "up 7 percent on defence and pensions would push debt higher. Rell called the cut hasty.",
)
LAWSUIT_2 = (
    "Tessel port takes dockers' union to court",
    "The Tessel port authority has taken the Tessel dockers' union to the labour court over the walkout of "
    "900 dockers, union leader Ada Korin said on Monday. The port authority wants the union to pay for every "
    "day Tessel stands still over the night shifts.",
)
QUAKE = (
    "Earthquake of magnitude 6.1 hits Varn, 9 dead",
    "An earthquake of magnitude 6.1 struck the Varn region early on Friday, killing 9 people and "
    "destroying dozens of houses, the emergency ministry said. Rescuers were searching the ruins of "
    "Varn's old town. Governor Ivo Pesk declared a day of mourning.",
)
QUAKE_UPDATE = (
    "Varn earthquake death toll rises to 17",
    "The number of people killed by Friday's earthquake in the Varn region has risen to 17, the emergency "
    "ministry said on Saturday, as rescuers searched the ruins of Varn's old town. Governor Ivo Pesk said "
    "dozens of houses were destroyed.",
)


OUTBREAK_1 = (
    "Measles outbreak in Lesk: 19 children ill",
    "Health officials confirmed a measles outbreak in the town of Lesk on Thursday, with 19 cases, all of them "
    "children, the health ministry said. Two children are in hospital in Lesk. Parents were urged to check "
    "their children's vaccinations, and the Lesk schools were told to report new cases.",
)
OUTBREAK_2 = (
    "Lesk measles outbreak: 19 children fall ill",
    "The health ministry confirmed on Thursday an outbreak of measles in Lesk, where 19 children have fallen "
    "ill. Two of the children are in hospital in Lesk. Parents were urged to check vaccinations, and the Lesk "
    "schools were told to report new cases of measles.",
)
SCHOOLS = (
    "Lesk schools shut for two weeks over measles",
    "All nine schools in Lesk will close for two weeks from Friday, the town's mayor Ida Varn ordered on Thursday "
    "evening, after the measles outbreak that has made 19 children ill. Parents were urged to check their "
    "children's vaccinations. The Lesk schools will report new cases of measles to the health ministry.",
)


def _doc(doc_id: str, report: tuple[str, str], published: str, language: str = "en") -> MatchDoc:
    title, text = report
    return MatchDoc(doc_id, text, title, published, language=language)


def _stories(docs: list[MatchDoc], **settings) -> list[str]:
    settings.setdefault("out_before_event", True)  # the default since round 24 (off in round 23)
    c = OnlineClusterer(MatchSettings(**settings))
    sids = [c.add(d) for d in docs]
    return [c.resolve(s) for s in sids]


def _walkout() -> list[MatchDoc]:
    return [
        _doc("walkout-1", WALKOUT_1, "2026-06-08T08:10:00+02:00"),
        _doc("walkout-2", WALKOUT_2, "2026-06-08T10:40:00+02:00"),
        _doc("lawsuit", LAWSUIT, "2026-06-08T17:30:00+02:00"),
    ]


def test_an_afternoons_event_stays_out_of_a_story_reported_that_morning():
    off = _stories(_walkout(), out_before_event=False)
    assert off[0] == off[1] == off[2]  # the lexical score joins them: the veto has work to do
    on = _stories(_walkout())
    assert on[0] == on[1] and on[2] != on[0]


def test_a_report_of_the_lawsuit_naming_no_part_of_the_day_bridges_nothing():
    # it scores over merge_threshold against the walkout's story and the lawsuit's: the two
    # stories, one all out before the other's afternoon began, are not merged through it
    docs = _walkout() + [_doc("lawsuit-2", LAWSUIT_2, "2026-06-08T19:05:00+02:00")]
    sids = _stories(docs)
    assert sids[0] == sids[1] and sids[2] == sids[3] and sids[0] != sids[2]
    with mock.patch.object(OnlineClusterer, "_stories_out_before", lambda *_: False):
        assert len(set(_stories(docs))) == 1


def test_the_same_afternoon_report_joins_a_story_reported_that_evening():
    # the walkout reported after the afternoon began: its reports may have told what happened then
    docs = _walkout()
    docs[1] = _doc("walkout-2", WALKOUT_2, "2026-06-08T12:40:00+02:00")
    sids = _stories(docs)
    assert sids[0] == sids[1] == sids[2]


def test_the_part_of_the_day_beside_its_weekday_names_when_a_lede_naming_several_days_began():
    # "will close from Friday" and "ordered on Thursday evening": the evening is Thursday's
    docs = [_doc("outbreak-1", OUTBREAK_1, "2026-01-15T09:00:00+01:00"),
            _doc("outbreak-2", OUTBREAK_2, "2026-01-15T11:30:00+01:00"),
            _doc("schools", SCHOOLS, "2026-01-15T18:10:00+01:00")]
    off = _stories(docs, out_before_event=False)
    assert off[0] == off[1] == off[2]
    on = _stories(docs)
    assert on[0] == on[1] and on[2] != on[0]


def test_an_evening_update_of_an_afternoon_event_joins_the_story_out_that_afternoon():
    # the earliest part the lede names is when its event began, not the part beside its weekday
    quake = ("Quake shakes Orsk, no deaths", "A magnitude 5.3 earthquake shook the port city of Orsk on Monday afternoon, "
             "cracking walls and sending shoppers into the streets, but no deaths were reported, the Orsk mayor said.")
    update = ("Orsk sweeps up after quake", "Orsk residents swept up broken glass on Monday evening after a magnitude 5.3 "
              "earthquake shook the city in the afternoon, cracking walls. No deaths were reported, the Orsk mayor said.")
    sids = _stories([_doc("quake", quake, "2026-09-07T16:05:00+00:00"), _doc("update", update, "2026-09-07T18:30:00+00:00")])
    assert sids[0] == sids[1]


def test_weekday_parts_in_five_languages():
    assert weekday_parts("the mayor ordered on Thursday evening, after the outbreak") == {4: EVENING}
    assert weekday_parts("Мер у четвер увечері закрив школи.") == {4: EVENING}
    assert weekday_parts("Вечером в четверг мэр закрыл школы.") == {4: EVENING}
    assert weekday_parts("Burmistrz w czwartek po południu zamknął szkoły.") == {4: AFTERNOON}
    assert weekday_parts("Der Bürgermeister schloss am Donnerstagabend die Schulen.") == {4: EVENING}
    # the evening is Tuesday's, not Monday's; Saturday ("Sonnabend") is no evening; a clause apart
    assert weekday_parts("Rescuers will search until Tuesday evening after Monday's quake.") == {2: EVENING}
    assert weekday_parts("Am Sonnabend wurde gewählt.") == {}
    assert weekday_parts("Police said on Monday, a day after the evening attack.") == {}


def _budget() -> list[MatchDoc]:
    return [
        _doc("budget-1", BUDGET_1, "2026-09-15T11:00:00+02:00"),
        _doc("budget-2", BUDGET_2, "2026-09-15T14:20:00+02:00"),
        _doc("budget-3", BUDGET_3, "2026-09-15T15:00:00+02:00"),
        _doc("rating", RATING, "2026-09-16T19:45:00+02:00"),
    ]


def test_the_next_days_event_is_left_to_the_day_of_slack_unless_out_before_days():
    # the later-event veto (later_event_veto, tests/test_later_event.py: "a day after ... presented
    # a budget") keeps the rating cut apart by default; off, the date veto's day of slack joins them
    off = {"later_event_veto": False}
    assert len(set(_stories(_budget(), **off))) == 1
    on = _stories(_budget(), out_before_days=True, **off)
    assert on[0] == on[1] == on[2] and on[3] != on[0]
    # a story larger than out_before_max_size is one told over days: the veto leaves it
    assert len(set(_stories(_budget(), out_before_days=True, out_before_max_size=2, **off))) == 1


def test_an_update_naming_the_storys_day_joins_it():
    docs = [_doc("quake", QUAKE, "2026-02-20T07:10:00+02:00"), _doc("update", QUAKE_UPDATE, "2026-02-21T08:30:00+02:00")]
    for days in (False, True):
        sids = _stories(docs, out_before_days=days)
        assert sids[0] == sids[1]


def test_event_start_reads_the_lede_day_and_its_part():
    monday = date(2026, 6, 8).toordinal()
    pub = "2026-06-08T17:30:00+02:00"
    assert event_start(((monday, monday),), pub) == datetime.fromisoformat("2026-06-08T00:00:00+02:00").timestamp()
    assert event_start(((monday, monday),), pub, 12) == datetime.fromisoformat("2026-06-08T12:00:00+02:00").timestamp()
    # two days named: the part may be either's, so the earliest day's start
    assert event_start(((monday - 1, monday),), pub, 12) == datetime.fromisoformat("2026-06-07T00:00:00+02:00").timestamp()
    # only a day to come (a preview): no start; no day: none
    assert event_start(((monday + 3, monday + 3),), pub) is None
    assert event_start((), pub) is None


def test_a_publication_without_its_time_stands_for_the_end_of_its_day():
    end = datetime.fromisoformat("2026-06-09T00:00:00+00:00").timestamp()
    assert latest_publication("2026-06-08") == end
    assert latest_publication("2026-06-08T00:00:00+00:00") == end
    assert latest_publication("2026-06-08T10:40:00+00:00") == datetime.fromisoformat("2026-06-08T10:40:00+00:00").timestamp()
    assert latest_publication(None) is None
    # a report dated without its time may have been out after the afternoon's event
    afternoon = datetime.fromisoformat("2026-06-08T12:00:00+00:00").timestamp()
    assert not out_before(latest_publication("2026-06-08"), False, afternoon, 12)
    assert out_before(latest_publication("2026-06-08T10:40:00+00:00"), False, afternoon, 12)
    assert not out_before(latest_publication("2026-06-08T10:40:00+00:00"), True, afternoon, 12)  # a preview
    # out the day before: only with ``days`` (out_before_days)
    sunday = latest_publication("2026-06-07T20:00:00+00:00")
    assert not out_before(sunday, False, afternoon, 12)
    assert out_before(sunday, False, afternoon, 12, days=True)
    monday = datetime.fromisoformat("2026-06-08T00:00:00+00:00").timestamp()
    assert not out_before(sunday, False, monday, 0) and out_before(sunday, False, monday, 0, days=True)


def test_by_default_the_same_days_evening_update_joins_its_story():
    # the veto is on by default since round 24: in round 23 this evening update naming that evening
    # in its lede was split from the story of its own event (the toll rising is the number a desk
    # watches), and the veto was turned off; the toll counted again now names no start
    morning = ("Quake kills 9 in Varn", "VARN — An earthquake of magnitude 6.1 struck the Varn region on Monday "
               "morning, killing 9 people and damaging hundreds of homes, the emergency ministry said.")
    noon = ("Varn earthquake: 9 dead", "At least nine people were killed when a 6.1-magnitude earthquake hit the "
            "Varn region on Monday, the emergency ministry said. Hundreds of homes were damaged.")
    evening = ("Varn quake toll rises to 17", "VARN — The death toll from the Varn earthquake rose to 17 on Monday "
               "evening as rescuers pulled more bodies from collapsed homes, the emergency ministry said.")
    docs = [_doc("m", morning, "2026-03-02T11:10:00+00:00"), _doc("n", noon, "2026-03-02T12:05:00+00:00"),
            _doc("e", evening, "2026-03-02T21:30:00+00:00")]
    assert MatchSettings().out_before_event
    c = OnlineClusterer(MatchSettings())
    sids = [c.resolve(s) for s in [c.add(d) for d in docs]]
    assert sids[0] == sids[1] == sids[2]


# Round 24: the veto is on by default, with three guards for updates of one event.

KHARKIV_1 = (
    "Missile hits Ostrin shopping centre, three killed",
    "A missile struck a shopping centre in Ostrin on Monday, killing three people and wounding 21, regional "
    "governor Lev Dorn said. Rescuers were searching the rubble of the Kovel shopping centre in Ostrin's Nivy "
    "district. Dorn said a child was among the wounded.",
)
KHARKIV_2 = (
    "Three dead as missile strikes Ostrin shopping centre",
    "Three people were killed and 21 wounded when a missile hit the Kovel shopping centre in Ostrin on Monday, "
    "governor Lev Dorn said. Rescuers searched the rubble in the Nivy district of Ostrin, and a child was among "
    "the wounded, Dorn said.",
)
KHARKIV_LATE = (
    "Strike on Ostrin shopping centre kills three",
    "A missile hit the Kovel shopping centre in Ostrin on Monday afternoon, killing three people and wounding 21, "
    "Ostrin governor Lev Dorn said. Rescuers searched the rubble in Ostrin's Nivy district; a child was among the "
    "wounded, Dorn said.",
)


def test_the_afternoon_is_read_on_every_offset_of_the_two_sides():
    # review 23b, F4: told at 13:20 and 13:50 Kyiv time (11:20Z, 11:50Z); a later report stamped in
    # UTC or US Eastern time says "on Monday afternoon", which began at 10:00Z in Kyiv
    for late in ("2026-12-07T19:30:00+02:00", "2026-12-07T17:30:00+00:00", "2026-12-07T11:30:00-05:00",
                 "2026-12-07T17:30:00"):
        sids = _stories([_doc("e1", KHARKIV_1, "2026-12-07T13:20:00+02:00"), _doc("e2", KHARKIV_2, "2026-12-07T13:50:00+02:00"),
                         _doc("late", KHARKIV_LATE, late)])
        assert sids[0] == sids[1] == sids[2], late
    # offsets do not turn the veto off: the walkout told by 10:40 Kyiv time is out before an
    # afternoon that began at 12:00 Kyiv time, whatever offset the lawsuit's report was stamped on
    docs = _walkout()
    docs[2] = _doc("lawsuit", LAWSUIT, "2026-06-08T15:30:00+00:00")
    sids = _stories(docs)
    assert sids[0] == sids[1] and sids[2] != sids[0]


TOUR = (
    "Governor tours Varn old town after earthquake",
    "Governor Ivo Pesk toured the old town of Varn on Saturday afternoon, where the earthquake of magnitude 6.1 "
    "destroyed dozens of houses, and promised the emergency ministry would rebuild them. Rescuers were still "
    "searching the ruins of Varn's old town.",
)


def test_a_story_begun_the_day_before_takes_the_next_afternoons_report():
    # review 23b, F5: the quake told on Friday and updated on Saturday morning; the governor's tour "on
    # Saturday afternoon" (no toll, no survivors: no update cue) was turned away because the
    # morning update was out before that afternoon; without the update it joined
    docs = [_doc("quake", QUAKE, "2026-12-04T07:10:00+02:00"), _doc("update", QUAKE_UPDATE, "2026-12-05T09:00:00+02:00"),
            _doc("tour", TOUR, "2026-12-05T16:00:00+02:00")]
    sids = _stories(docs)
    assert sids[0] == sids[1] == sids[2]
    # a story all of that morning is still out before the afternoon
    afternoon = datetime.fromisoformat("2026-12-05T12:00:00+02:00").timestamp()
    day = datetime.fromisoformat("2026-12-05T00:00:00+02:00").timestamp()
    friday = datetime.fromisoformat("2026-12-04T07:10:00+02:00").timestamp()
    saturday = datetime.fromisoformat("2026-12-05T09:00:00+02:00").timestamp()
    assert out_before(saturday, False, afternoon, 12, first_out=saturday, day_start=day)
    assert not out_before(saturday, False, afternoon, 12, first_out=friday, day_start=day)


MARISOL = (
    "Quake shakes Marisol, four hurt",
    "A magnitude 5.1 earthquake shook the coastal city of Marisol on Monday afternoon, cracking walls and sending "
    "shoppers into the streets, but no deaths were reported, the city fire service said. Four people suffered "
    "minor injuries from falling glass.",
)
MARISOL_2 = (
    "Marisol earthquake: four hurt by falling glass",
    "Four people were hurt by falling glass when a magnitude 5.1 earthquake shook Marisol on Monday afternoon, "
    "the city fire service said. Walls cracked in the old port and shoppers ran into the streets.",
)
MARISOL_EVENING = (
    "Marisol cleans up after quake",
    "Residents of Marisol swept up broken glass on Monday evening after the magnitude 5.1 earthquake, which "
    "cracked walls in the old port. Four people suffered minor injuries from falling glass, the fire service said.",
)
TOLL_MORNING = ("Quake kills 9 in Varn", "VARN — An earthquake of magnitude 6.1 struck the Varn region on Monday "
                "morning, killing 9 people and damaging hundreds of homes, the emergency ministry said.")
TOLL_NOON = ("Varn earthquake: 9 dead", "At least nine people were killed when a 6.1-magnitude earthquake hit the "
             "Varn region on Monday, the emergency ministry said. Hundreds of homes were damaged.")
TOLL_EVENING = ("Varn quake toll rises to 17", "VARN — The death toll from the Varn earthquake rose to 17 on Monday "
                "evening as rescuers pulled more bodies from collapsed homes, the emergency ministry said.")


def test_the_same_days_evening_update_of_an_event_joins_its_story():
    # the lead's two checks of round 23's merge: a toll counted again, the streets swept up
    toll = [_doc("m", TOLL_MORNING, "2026-03-02T11:10:00+00:00"), _doc("n", TOLL_NOON, "2026-03-02T12:05:00+00:00"),
            _doc("e", TOLL_EVENING, "2026-03-02T21:30:00+00:00")]
    marisol = [_doc("a", MARISOL, "2026-09-07T14:10:00+00:00"), _doc("b", MARISOL_2, "2026-09-07T15:05:00+00:00"),
               _doc("c", MARISOL_EVENING, "2026-09-07T19:40:00+00:00")]
    for docs in (toll, marisol):
        sids = _stories(docs)
        assert sids[0] == sids[1] == sids[2], docs[2].id
        # the update cue is what joins them: read as a happening of that evening, each is kept out
        # (on the reports' own offset: Marisol's 14:10Z is after an evening begun at 17:00 +03:00)
        with mock.patch("storydiff.match.clusterer.tells_an_update", lambda _: False):
            sids = _stories(docs, out_before_east_offset=0)
        assert sids[0] == sids[1] != sids[2], docs[2].id


def test_tells_an_update_in_five_languages():
    assert tells_an_update("The death toll from the Varn earthquake rose to 17 on Monday evening")
    assert tells_an_update("Rescuers pulled two survivors from the ruins on Saturday afternoon")
    assert tells_an_update("Residents swept up broken glass on Monday evening after the earthquake")
    assert tells_an_update("Увечері кількість загиблих унаслідок удару зросла до 17")
    assert tells_an_update("Вечером число погибших возросло до 17")
    assert tells_an_update("Am Montagabend stieg die Zahl der Toten auf 17")
    assert tells_an_update("W poniedziałek wieczorem liczba ofiar wzrosła do 17")
    # a happening of its own: a lawsuit, an order, a cut
    assert not tells_an_update(" ".join(LAWSUIT))
    assert not tells_an_update(" ".join(SCHOOLS))
    assert not tells_an_update(" ".join(RATING))
    assert not tells_an_update("The toll road to Varn reopened on Monday evening")


# Review 24b: H1, every report stamped west of the event's place; H2, the toll counted again
# without a toll noun; M1, a survivors' protest or a resignation "in the aftermath", new acts.


def test_the_afternoon_is_the_event_places_when_every_report_is_stamped_west_of_it():
    # review 24b, H1: the Ostrin strike at 12:50 Kyiv time, told "on Monday" at 11:20Z and 11:50Z
    # and "on Monday afternoon" at 16:00Z (or all on US Eastern time): no stamp gives Kyiv's
    # offset, and the afternoon read on UTC's began at 12:00Z, after both first reports
    for stamps in (("2026-06-08T11:20:00+00:00", "2026-06-08T11:50:00+00:00", "2026-06-08T16:00:00+00:00"),
                   ("2026-06-08T06:20:00-04:00", "2026-06-08T06:50:00-04:00", "2026-06-08T11:00:00-04:00"),
                   ("2026-06-08T13:20:00+02:00", "2026-06-08T13:50:00+02:00", "2026-06-08T18:00:00+02:00")):
        docs = [_doc(i, r, t) for i, r, t in zip(("e1", "e2", "late"), (KHARKIV_1, KHARKIV_2, KHARKIV_LATE), stamps)]
        sids = _stories(docs)
        assert sids[0] == sids[1] == sids[2], stamps
        # read on the reports' own offset (no slack for the place's), the late report is kept out
        if stamps[0].endswith("+00:00"):
            sids = _stories(docs, out_before_east_offset=0)
            assert sids[0] == sids[1] != sids[2]
    # the walkout told by 08:40Z is still out before the afternoon, read as early as +03:00's
    docs = _walkout()
    docs[2] = _doc("lawsuit", LAWSUIT, "2026-06-08T15:30:00+00:00")
    sids = _stories(docs)
    assert sids[0] == sids[1] != sids[2]


TOLL_EVENING_MORE = ("Varn quake: 17 now dead", "Rescuers pulled eight more bodies from collapsed homes in Varn on "
                     "Monday evening, bringing the number killed by the magnitude 6.1 earthquake to 17, the "
                     "emergency ministry said.")
TOLL_MORNING_UK = ("Землетрус у Варні: 9 загиблих", "Землетрус магнітудою 6,1 стався у Варнському регіоні в "
                   "понеділок вранці, загинули 9 людей, пошкоджено сотні будинків, повідомило міністерство з "
                   "надзвичайних ситуацій.")
TOLL_NOON_UK = ("У Варні внаслідок землетрусу загинули дев'ятеро людей", "Дев'ятеро людей загинули внаслідок "
                "землетрусу магнітудою 6,1 у Варнському регіоні в понеділок, повідомило міністерство з надзвичайних "
                "ситуацій. Пошкоджено сотні будинків.")
TOLL_EVENING_UK = ("Землетрус у Варні: загиблих уже 17", "Увечері в понеділок рятувальники дістали з-під завалів ще "
                   "вісім тіл, загиблих унаслідок землетрусу магнітудою 6,1 у Варнському регіоні вже 17, повідомило "
                   "міністерство з надзвичайних ситуацій.")
SURVIVORS_PROTEST = ("Varn quake survivors protest at governor's office", "Hundreds of survivors of the Varn "
                     "earthquake protested outside the governor's office on Monday evening, demanding tents and "
                     "heating after 9 people were killed and hundreds of homes were damaged by the magnitude 6.1 quake.")
AFTERMATH_RESIGNATION = ("Varn governor resigns after quake", "Governor Ivo Pesk resigned on Monday evening in the "
                         "aftermath of the magnitude 6.1 earthquake that killed 9 people in the Varn region, saying "
                         "building inspectors had ignored warnings about hundreds of homes.")


def test_the_toll_counted_again_without_a_toll_noun_joins_its_story():
    # review 24b, H2: "eight more bodies ... bringing the number killed to 17" (and in Ukrainian, "ще
    # вісім тіл, загиблих ... вже 17") is the same evening's update of the morning's quake
    for first, second, evening, lang in ((TOLL_MORNING, TOLL_NOON, TOLL_EVENING_MORE, "en"),
                                         (TOLL_MORNING_UK, TOLL_NOON_UK, TOLL_EVENING_UK, "uk")):
        docs = [_doc("m", first, "2026-03-02T11:10:00+00:00", lang), _doc("n", second, "2026-03-02T12:05:00+00:00", lang),
                _doc("e", evening, "2026-03-02T21:30:00+00:00", lang)]
        sids = _stories(docs)
        assert sids[0] == sids[1] == sids[2], evening[0]
        with mock.patch("storydiff.match.clusterer.tells_an_update", lambda _: False):
            sids = _stories(docs)
        assert sids[0] == sids[1] != sids[2], evening[0]


def test_a_new_act_naming_the_survivors_or_the_aftermath_stays_apart():
    # review 24b, M1: "survivors of the quake protested", "resigned ... in the aftermath of the
    # earthquake" are happenings of that evening, not updates of the morning's quake
    morning = [_doc("m", TOLL_MORNING, "2026-03-02T11:10:00+00:00"), _doc("n", TOLL_NOON, "2026-03-02T12:05:00+00:00")]
    for evening in (SURVIVORS_PROTEST, AFTERMATH_RESIGNATION):
        docs = [*morning, _doc("e", evening, "2026-03-02T20:30:00+00:00")]
        sids = _stories(docs)
        assert sids[0] == sids[1] != sids[2], evening[0]
        sids = _stories(docs, out_before_event=False)  # the veto is what keeps it apart
        assert sids[0] == sids[1] == sids[2], evening[0]


def test_an_update_is_told_by_its_construction_not_a_bare_noun():
    # the toll counted again without a toll noun (review 24b, H2)
    assert tells_an_update("Rescuers pulled eight more bodies from the ruins, bringing the number killed to 17")
    assert tells_an_update("Увечері рятувальники дістали ще вісім тіл, загиблих унаслідок землетрусу вже 17")
    assert tells_an_update("Вечером спасатели достали еще восемь тел, погибших при землетрясении уже 17")
    assert tells_an_update("W poniedziałek wieczorem wydobyto osiem kolejnych ciał, w trzęsieniu zginęło już 17 osób")
    assert tells_an_update("Rettungskräfte bargen am Montagabend acht weitere Leichen aus den Trümmern")
    # survivors pulled out, searched for
    assert tells_an_update("Рятувальники врятували ще двох вцілілих з-під завалів")
    assert tells_an_update("Спасатели нашли двух выживших под завалами")
    assert tells_an_update("Helfer bargen am Samstagnachmittag zwei Überlebende aus den Trümmern")
    assert tells_an_update("Ratownicy wydobyli dwóch ocalałych spod gruzów")
    # a new act that names the survivors, the aftermath or the clean-up (review 24b, M1)
    assert not tells_an_update(" ".join(SURVIVORS_PROTEST))
    assert not tells_an_update(" ".join(AFTERMATH_RESIGNATION))
    assert not tells_an_update("Residents sued the city over the clean-up on Monday evening")
    assert not tells_an_update("Сотні вцілілих після землетрусу протестували біля офісу губернатора")
    assert not tells_an_update("Сотни выживших протестовали вечером в понедельник у здания администрации")
    assert not tells_an_update("Überlebende des Bebens protestierten am Montagabend vor dem Amt des Gouverneurs")
    assert not tells_an_update("Ocalali z trzęsienia ziemi protestowali w poniedziałek wieczorem")
    assert not tells_an_update("More people are expected at the rally on Monday evening")
