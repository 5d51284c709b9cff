"""A night's attack told with an adjective ("нічної атаки", "ночной атаки", "nocnego ataku",
"nächtlichen Angriff") names the night into the report's day, as English "an overnight attack"
does (QA pass 26c, 01: the drone attacks on a port city on 2 and 5 December were one story,
their tolls a false "numbers differ").

Written fixtures of a fictional city, Marsk: a drone attack in the night to Wednesday 2 December
and another in the night to Saturday 5 December 2026, the same governor quoted."""

from datetime import date

import pytest

from storydiff.match import MatchDoc
from storydiff.match.clusterer import OnlineClusterer
from storydiff.match.event_dates import event_days, nights
from storydiff.match.lede_keys import tells_an_update
from storydiff.match.same_story import dated_apart

DEC2 = "2026-12-02T08:40:00+02:00"
DEC5 = "2026-12-05T09:10:00+02:00"
NIGHT_INTO_DEC5 = frozenset({date(2026, 12, 5).toordinal()})

FIRST_UK = (
    "Уночі 2 грудня російські війська атакували Марськ ударними дронами. Загинули двоє людей, ще семеро поранені.\n"
    "Про це повідомив начальник Марської ОВА Ілько Варна.\nЗа його словами, сили ППО знищили 19 з 24 дронів. "
    "Пошкоджено портову інфраструктуру та зерновий термінал.")
SECOND_UK = (
    "МАРСЬК, 5 грудня /Укрінформ/ – Унаслідок нічної атаки російських ударних дронів на Марськ загинули троє людей, "
    "ще 11 поранені, серед них двоє дітей.\nПро це повідомив начальник Марської обласної військової адміністрації "
    "Ілько Варна у Телеграмі.\nЗа його словами, сили протиповітряної оборони знищили 28 з 35 дронів. Пошкоджено "
    "портову інфраструктуру, зерновий термінал і два житлові будинки.")
SECOND_EN = (
    "MARSK, December 5 (Ukrinform) – Three people were killed and 11 more injured, including two children, in an "
    "overnight Russian drone attack on Marsk.\nThe head of the Marsk Regional Military Administration, Ilko Varna, "
    "said this on Telegram.\nAir defense forces destroyed 28 of the 35 drones.")


@pytest.mark.parametrize("language, lede", [
    ("uk", "МАРСЬК, 5 грудня /Укрінформ/ – Унаслідок нічної атаки дронів на Марськ загинули троє людей."),
    ("uk", "Внаслідок нічного масованого обстрілу Марська загинули двоє людей."),
    ("ru", "МАРСК, 5 декабря. /ТАСС/. В результате ночной атаки беспилотников на Марск погибли три человека."),
    ("pl", "WARSZAWA, 5 grudnia (PAP) - W wyniku nocnego ataku dronów na Marsk zginęły trzy osoby."),
    ("de", "KIEW, 5. Dezember (dpa) - Bei einem nächtlichen russischen Drohnenangriff auf Marsk wurden drei Menschen getötet."),
    ("en", "Three people were killed in a night-time Russian drone strike on Marsk, the governor said."),
    ("de", "KIEW, 5. Dezember (dpa) - Bei einer nächtlichen schweren Attacke auf Marsk wurden drei Menschen getötet."),
    ("ru", "МАРСК, 5 декабря. /ТАСС/. В результате ночной массированной атаки на Марск погибли три человека."),
])
def test_a_nights_attack_told_with_an_adjective_names_the_night_into_the_reports_day(language, lede):
    assert nights(event_days(lede, language, DEC5)) == NIGHT_INTO_DEC5
    # as English's adverb did already
    assert nights(event_days(SECOND_EN, "en", DEC5)) == NIGHT_INTO_DEC5


@pytest.mark.parametrize("language, lede", [
    ("uk", "Нічна зміна заводу в Марську зупинила роботу через аварію."),
    ("de", "Die nächtliche Ausgangssperre in Marsk wurde aufgehoben."),
    ("en", "Night shift workers were evacuated from the Marsk plant, the governor said."),
    ("en", "On the night of the attack, the governor said, sirens sounded twice."),
    # a night's train, shift or curfew after an attack, the night before one (review of 7383b0d)
    ("uk", "Нічні поїзди після вибуху скасували, повідомила Укрзалізниця."),
    ("uk", "Нічна зміна після удару вийшла на роботу, повідомили в компанії."),
    ("de", "Die nächtliche Ausgangssperre nach Angriffen wurde verlängert, teilte die Stadt mit."),
    ("en", "The night before the strike, residents were evacuated."),
])
def test_a_night_shift_or_curfew_names_no_night(language, lede):
    assert not nights(event_days(lede, language, DEC5))


def test_and_n_more_injured_is_the_first_reports_count_not_an_update():
    # "загинули троє людей, ще 11 поранені": three killed and 11 more injured, as in English
    assert not tells_an_update("Унаслідок атаки на Марськ загинули троє людей, ще 11 поранені, серед них двоє дітей.")
    assert not tells_an_update("В результате атаки на Марск погибли три человека, еще 14 ранены.")
    # one more of the wounded died: the toll counted again
    assert tells_an_update("У лікарні помер ще один поранений.")
    assert tells_an_update("В больнице скончался еще один раненый.")
    # ... after a comma too: only the predicate "поранені" / "ранены" is the first report's count
    assert tells_an_update("У лікарні, куди доставили постраждалих, ще один поранений помер.")
    assert tells_an_update("В больнице, куда доставили пострадавших, еще один раненый скончался.")
    assert tells_an_update("За ніч, ще двоє поранених померли в лікарні.")
    # a plain night word in such a lede is its night too
    plain = "Уночі дрони атакували Марськ, загинули троє людей, ще 11 поранені."
    assert nights(event_days(plain, "uk", DEC5)) == NIGHT_INTO_DEC5


def test_the_attacks_of_two_nights_on_one_city_are_two_stories_and_one_nights_languages_one():
    first = MatchDoc("first-uk", FIRST_UK, None, DEC2, language="uk")
    second = MatchDoc("second-uk", SECOND_UK, None, DEC5, language="uk")
    second_en = MatchDoc("second-en", SECOND_EN, None, DEC5, language="en")
    assert dated_apart(first, second) and dated_apart(first, second_en)
    assert not dated_apart(second, second_en)
    clusterer = OnlineClusterer()
    placed = {d.id: clusterer.add(d) for d in (first, second, second_en)}
    story = {k: clusterer.resolve(v) for k, v in placed.items()}
    assert story["first-uk"] != story["second-uk"]


@pytest.mark.parametrize("language, lede", [
    ("pl", "KIJÓW, 5 grudnia (PAP) - W nocy drony zaatakowały Marsk, zginęły trzy osoby."),
    ("de", "MÜNCHEN, 5. Dezember (dpa) - In der Nacht wurden bei einem Angriff auf Marsk drei Menschen getötet."),
])
def test_a_datelines_place_in_capitals_of_any_language_is_a_dateline(language, lede):
    from storydiff.compare.claims import dates_in

    # the dateline's date is the filing's, no figure of the event; the lede's night is the night into it
    assert dates_in(lede, language) == ()
    assert nights(event_days(lede, language, DEC5)) == NIGHT_INTO_DEC5
