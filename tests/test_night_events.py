"""Two nights' attacks on one city are two stories (QA pass 19b, finding 04).

Written fixtures of a fictional city: a missile strike in the night to Sunday and a drone attack
in the night to Monday, the same governor and mayor quoted, published on Sunday and on Monday.
Their ledes name their nights ("в ніч на неділю", "overnight into Monday"): a night is when the event happened, so the date
veto's day of slack for a statement or an update does not bridge them."""

from storydiff.match import MatchDoc
from storydiff.match.clusterer import OnlineClusterer
from storydiff.match.event_dates import event_days, nights, nights_apart, other_days
from storydiff.match.same_story import dated_apart

SUNDAY = "2026-11-15T09:30:00+02:00"  # 15 November 2026 is a Sunday
MONDAY = "2026-11-16T08:45:00+02:00"

STRIKE_EN = (
    "Russian missiles struck the city of Dornovo overnight into Sunday, killing three people and wounding 21, including two "
    "children, regional governor Ilko Marsh said on Sunday. The missiles hit a residential high-rise and an industrial "
    "enterprise in the Riverside district, Marsh said on Telegram. Mayor Petro Valko said more than 30 buildings were "
    "damaged and rescuers were still clearing the rubble."
)
STRIKE_UK = (
    "Російські війська в ніч на неділю завдали ракетного удару по Дорнову, внаслідок чого загинули троє людей, ще 21 "
    "дістав поранення. Про це повідомив голова ОВА Ілько Марш. Ракети влучили у житловий багатоповерховий будинок та "
    "підприємство в Прирічному районі. Міський голова Петро Валко повідомив, що пошкоджено понад 30 будинків."
)
DRONES_EN = (
    "Russian drones struck the city of Dornovo overnight into Monday, killing one man and wounding nine people, regional "
    "governor Ilko Marsh said, a day after a missile strike on the city killed three. Marsh said on Telegram that drones "
    "hit warehouses and private homes in the Hill district. Mayor Petro Valko said 14 private houses and a power line "
    "were damaged."
)
DRONES_UK = (
    "У ніч на понеділок російські війська атакували Дорнів ударними дронами, загинув один чоловік, ще дев'ятеро людей "
    "поранені. Про це повідомив голова ОВА Ілько Марш. Дрони влучили у склади та приватні будинки в Пагорбному районі. "
    "Міський голова Петро Валко повідомив, що пошкоджено 14 приватних будинків та лінію електропередачі."
)
TOLL_UPDATE_EN = (
    "The death toll from the missile strike on Dornovo overnight into Sunday has risen to five, regional governor Ilko "
    "Marsh said on Monday. Two of the 21 people wounded in the strike on a residential high-rise in the Riverside "
    "district died in hospital, Marsh said on Telegram. Mayor Petro Valko said more than 30 buildings were damaged."
)


def test_ledes_name_their_nights():
    assert nights(event_days(STRIKE_UK, "uk", SUNDAY)) == nights(event_days(STRIKE_EN, "en", SUNDAY))
    assert nights(event_days(DRONES_UK, "uk", MONDAY)) == nights(event_days(DRONES_EN, "en", MONDAY))
    sunday, monday = nights(event_days(STRIKE_UK, "uk", SUNDAY)), nights(event_days(DRONES_UK, "uk", MONDAY))
    assert len(sunday) == 1 and {d - 1 for d in monday} == sunday
    assert nights_apart(sunday, monday) and not nights_apart(sunday, nights(event_days(TOLL_UPDATE_EN, "en", MONDAY)))
    # a day with no night says nothing of nights
    assert not nights(event_days("The governor said on Monday that 30 buildings were damaged.", "en", MONDAY))


def _placed(docs: list[MatchDoc]) -> dict[str, str]:
    clusterer = OnlineClusterer()
    placed = [(d.id, clusterer.add(d)) for d in docs]
    return {doc_id: clusterer.resolve(sid) for doc_id, sid in placed}


def test_next_nights_attack_is_its_own_story_in_one_language_and_across():
    docs = [
        MatchDoc("strike-uk", STRIKE_UK, None, SUNDAY, language="uk"),
        MatchDoc("strike-en", STRIKE_EN, None, SUNDAY, language="en"),
        MatchDoc("drones-uk", DRONES_UK, None, MONDAY, language="uk"),
        MatchDoc("drones-en", DRONES_EN, None, MONDAY, language="en"),
    ]
    for order in (docs, docs[::-1]):
        story = _placed(order)
        assert story["strike-uk"] != story["drones-uk"]
        assert story["strike-en"] != story["drones-en"]
        assert story["strike-uk"] != story["drones-en"] and story["strike-en"] != story["drones-uk"]


def test_next_days_update_of_the_same_night_still_joins():
    story = _placed([
        MatchDoc("strike-en", STRIKE_EN, None, SUNDAY, language="en"),
        MatchDoc("toll-en", TOLL_UPDATE_EN, None, MONDAY, language="en"),
    ])
    assert story["strike-en"] == story["toll-en"]


def test_same_story_pair_judgement_reads_the_nights():
    strike = MatchDoc("a", STRIKE_UK, None, SUNDAY, language="uk")
    assert dated_apart(strike, MatchDoc("b", DRONES_UK, None, MONDAY, language="uk"))
    assert dated_apart(MatchDoc("c", STRIKE_EN, None, SUNDAY, language="en"), MatchDoc("d", DRONES_EN, None, MONDAY, language="en"))
    assert not dated_apart(MatchDoc("c", STRIKE_EN, None, SUNDAY, language="en"), MatchDoc("e", TOLL_UPDATE_EN, None, MONDAY, language="en"))


# the next night's rescue at the building the strike hit, naming the strike's day (review 19b, 5)
RESCUE_EN = (
    "Rescuers in Dornovo overnight into Monday pulled two more bodies from the rubble of the residential high-rise in "
    "the Riverside district hit by Russian missiles on Sunday, regional governor Ilko Marsh said. The death toll from "
    "the strike has risen to five, Marsh said on Telegram. Mayor Petro Valko said more than 30 buildings were damaged."
)


def test_a_follow_up_naming_the_events_own_day_is_not_kept_apart_by_its_night():
    strike, rescue = event_days(STRIKE_EN, "en", SUNDAY), event_days(RESCUE_EN, "en", MONDAY)
    assert nights(strike).isdisjoint(nights(rescue)) and nights(rescue)  # two nights named
    assert not nights_apart(nights(strike), nights(rescue), other_days(strike), other_days(rescue))
    assert not dated_apart(MatchDoc("strike-en", STRIKE_EN, None, SUNDAY, language="en"),
                           MatchDoc("rescue-en", RESCUE_EN, None, MONDAY, language="en"))
    for order in ([STRIKE_EN, RESCUE_EN], [RESCUE_EN, STRIKE_EN]):
        docs = [MatchDoc(f"d{i}", text, None, SUNDAY if text is STRIKE_EN else MONDAY, language="en")
                for i, text in enumerate(order)]
        story = _placed(docs)
        assert story["d0"] == story["d1"]
    # the next night's attack names the strike's night only as its own eve: still two events
    drones = event_days(DRONES_EN, "en", MONDAY)
    assert nights_apart(nights(strike), nights(drones), other_days(strike), other_days(drones))


# QA pass 24a, 02: wire ledes that name their night only as "overnight", with the dateline's day
# and the statement's weekday: the strikes of two consecutive nights in one region
PLANT_WIRE = (
    "LORN, Nov 15 (Harbor Wire) - Russia struck the Varnik thermal power plant in Dornovo region overnight with drones "
    "and missiles, injuring two workers, regional officials said on Sunday. Air defences shot down 87 drones and six "
    "missiles, the air force said. About 48,000 customers were left without power, the grid operator said.")
SUBSTATION_WIRE = (
    "LORN, Nov 16 (Harbor Wire) - A Russian drone attack on an electrical substation in Dornovo region overnight killed "
    "one power worker and wounded three others, regional governor Ilko Marsh said on Monday. Air defences shot down 51 "
    "drones, the air force said. About 12,000 customers were left without power, the grid operator said.")
SURVIVORS_WIRE = (  # an update's overnight: when the update came, not when its event happened
    "LORN, Nov 16 (Harbor Wire) - Rescuers pulled two survivors overnight from the rubble of the Varnik thermal power "
    "plant, hit by Russian drones and missiles that injured two workers, regional officials said on Monday. Air "
    "defences had shot down 87 drones and six missiles in that attack on the plant, the air force said. About 48,000 "
    "customers were still without power from the Varnik plant strike, the grid operator said.")


def test_a_bare_overnight_names_the_night_into_the_reports_day():
    plant, substation = event_days(PLANT_WIRE, "en", SUNDAY), event_days(SUBSTATION_WIRE, "en", MONDAY)
    # the night into Sunday and the night into Monday, not "the week up to the statement's day"
    assert nights(plant) == nights(event_days(STRIKE_UK, "uk", SUNDAY)) and len(plant) == 1
    assert nights(substation) == nights(event_days(DRONES_UK, "uk", MONDAY)) and len(substation) == 1
    # the same words in the other languages, a report of Sunday: the night into Sunday
    sunday_night = nights(plant)
    for text, lang in [("Російські війська вночі атакували Варницьку ТЕС, двоє працівників поранені.", "uk"),
                       ("Российские войска ночью атаковали Варникскую ТЭС, ранены двое сотрудников.", "ru"),
                       ("Russland hat in der Nacht das Wärmekraftwerk Warnik angegriffen, zwei Arbeiter wurden verletzt.", "de"),
                       ("Rosja w nocy zaatakowała elektrociepłownię Warnik, dwóch pracowników zostało rannych.", "pl")]:
        assert nights(event_days(text, lang, SUNDAY)) == sunday_night, text
    # what is to come, or a night with its own day, is not the night into the report's day
    assert not nights(event_days("Heavy snow will fall overnight across Dornovo region, forecasters said on Sunday.",
                                 "en", SUNDAY))
    assert not nights(event_days("Сегодня ночью в Дорнове ожидается сильный снегопад.", "ru", SUNDAY))
    # an update's overnight is not its event's night
    assert not nights(event_days(SURVIVORS_WIRE, "en", MONDAY))


def test_the_datelines_day_is_the_reports_day():
    # a wire copy of Sunday's dateline stamped after midnight UTC: still Sunday's night
    late = "2026-11-16T00:20:00+00:00"
    assert nights(event_days(PLANT_WIRE, "en", late)) == nights(event_days(PLANT_WIRE, "en", SUNDAY)) != frozenset()
    # no dateline: the publication day
    no_dateline = PLANT_WIRE.split(" - ", 1)[1]
    assert nights(event_days(no_dateline, "en", late)) == nights(event_days(SUBSTATION_WIRE, "en", MONDAY))


def test_consecutive_nights_overnight_strikes_are_two_stories_and_the_next_days_update_joins():
    docs = [
        MatchDoc("plant-wire", PLANT_WIRE, None, SUNDAY, language="en"),
        MatchDoc("substation-wire", SUBSTATION_WIRE, None, MONDAY, language="en"),
        MatchDoc("survivors-wire", SURVIVORS_WIRE, None, MONDAY, language="en"),
    ]
    assert dated_apart(docs[0], docs[1]) and not dated_apart(docs[0], docs[2])
    # Sunday's report first, Monday's two in either order (the update joins the plant's story and
    # must not bridge the next night's attack into it)
    for order in (docs, [docs[0], docs[2], docs[1]]):
        story = _placed(order)
        assert story["plant-wire"] != story["substation-wire"]
        assert story["plant-wire"] == story["survivors-wire"]
