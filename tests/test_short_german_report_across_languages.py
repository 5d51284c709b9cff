"""A short German report of a strike joins the story its Russian, Ukrainian and English reports
make (QA pass 24a, 01; match/multilingual.py, match/clusterer.py).

Written fixtures of a fictional region (Chorlyn / Хорлин / Khorlyn) and plant (Smolijiw /
Смолиев / Смоліїв / Smoliiv): a German agency's brief of the strike (under the content gate's
60 content words) arrives first, as a bare-dated page does; a Russian and a Ukrainian report make
a story; an English wire report joins it. The German brief was left a story of its own: German
writes х as "ch" and й as "j", so its names shared few keys with the others, and the English
report, placed in the Russian story first, could not bridge a story whose words were never kept
to show they were German."""

from __future__ import annotations

import pytest

from storydiff.match import OnlineClusterer
from storydiff.match import multilingual as ml
from storydiff.pipeline import match_doc_from_row

REPORTS = [
    ("brief-de", "de", "2026-11-15", "Russischer Angriff trifft Kraftwerk bei Chorlyn",
     "Bei einem nächtlichen Drohnen- und Raketenangriff ist ein Wärmekraftwerk in der ostukrainischen Region Chorlyn "
     "beschädigt worden. Russland hat nach ukrainischen Angaben in der Nacht zum Sonntag das Wärmekraftwerk Smolijiw im "
     "Gebiet Chorlyn angegriffen. Zwei Beschäftigte seien verletzt worden, teilte Gouverneur Oleh Synjewin auf Telegram "
     "mit. Die Flugabwehr habe 78 Drohnen und sechs Raketen abgeschossen. Rund 48.000 Haushalte waren ohne Strom."),
    ("paper-ru", "ru", "2026-11-15", "Российская армия ударила по Смолиевской ТЭС под Хорлином. Ранены двое энергетиков",
     "В ночь на 15 ноября российская армия нанесла комбинированный удар по Смолиевской теплоэлектростанции в Хорлинской "
     "области Украины. Об этом сообщил глава областной военной администрации Олег Синевин. По его словам, ранения получили "
     "два сотрудника станции. Всего Россия выпустила 112 ударных дронов и восемь ракет, ПВО сбила 87 дронов и шесть ракет. "
     "Без электричества, по данным «Укрэнерго», остались около 48 тысяч потребителей. Станция уже подвергалась атакам "
     "этой осенью; власти называют удары по энергетике попыткой оставить людей без света и тепла перед зимой."),
    ("agency-uk", "uk", "2026-11-15T08:45:00+02:00", "Росіяни вночі атакували Смоліївську ТЕС: двоє енергетиків поранені",
     "У ніч на 15 листопада російські війська завдали комбінованого удару по Смоліївській теплоелектростанції на "
     "Хорлинщині. Про це повідомив голова Хорлинської ОВА Олег Синєвін у Telegram. Двоє працівників станції дістали "
     "поранення. Росіяни випустили 112 ударних дронів і вісім ракет, сили протиповітряної оборони збили 87 дронів і шість "
     "ракет. В Укренерго повідомили, що без світла залишилися близько 48 тисяч споживачів. Енергетики вже розпочали "
     "ремонт обладнання, яке зазнало пошкоджень."),
    ("wire-en", "en", "2026-11-15T09:12:00+00:00", "Russian strike hits Ukrainian power plant near Khorlyn, two injured",
     "KYIV, Nov 15 (Harbor Wire) - Russia struck the Smoliiv thermal power plant in Ukraine's Khorlyn region overnight "
     "with drones and missiles, injuring two workers, regional governor Oleh Synievin said on Sunday. Russia launched 112 "
     "attack drones and eight missiles, and air defences shot down 87 drones and six missiles, Synievin said on Telegram. "
     "About 48,000 customers were left without power, grid operator Ukrenergo said. The plant has been attacked several "
     "times this autumn as Russia targets Ukraine's energy system ahead of winter."),
]
# the same morning, another event: a port strike in another region, told by the same German desk
PORT_DE = ("port-de", "de", "2026-11-15", "Drohnen treffen Hafen von Marivka",
           "Russische Drohnen haben am Sonntagmorgen den Hafen der südukrainischen Stadt Marivka getroffen. Ein "
           "Getreidespeicher sei in Brand geraten, teilte Bürgermeister Witalij Hrebin mit. Verletzt wurde nach "
           "ersten Angaben niemand. Die Feuerwehr brachte das Feuer nach drei Stunden unter Kontrolle.")


def _placed(rows) -> dict[str, str]:
    c = OnlineClusterer()
    got = {i: c.add(match_doc_from_row({"id": i, "language": lang, "published": p, "title": t, "text": x}))
           for i, lang, p, t, x in rows}
    return {i: c.resolve(s) for i, s in got.items()}


def test_german_and_polish_spellings_of_slavic_names_share_their_keys():
    keys = {lang: set(ml.cross_keys("x", None, names, lang)) for lang, names in [
        ("de", [("Charkiw", 1), ("Synjehubow", 1), ("Kyjiw", 1), ("Jermak", 1), ("Smijiw", 1)]),
        ("pl", [("Charków", 1), ("Kijów", 1), ("Jermak", 1)]),
        ("en", [("Kharkiv", 1), ("Syniehubov", 1), ("Kyiv", 1), ("Yermak", 1), ("Zmiiv", 1)]),
        ("uk", [("Харків", 1), ("Синєгубов", 1), ("Київ", 1), ("Єрмак", 1), ("Зміїв", 1)]),
    ]}
    assert keys["en"] <= keys["de"] and keys["en"] <= keys["uk"]
    assert {ml.name_skeleton("Kharkiv"), ml.name_skeleton("Kyiv"), ml.name_skeleton("Yermak")} <= {k[1:] for k in keys["pl"]}
    # a German name keeps the key its other spellings share: the reading is a second key
    assert "@" + ml.name_skeleton("Jürgen") in ml.cross_keys("x", None, [("Jürgen", 1)], "de")
    # English and French keep theirs only ("John" is no "Yohn")
    assert ml.cross_keys("x", None, [("John", 1)], "en") == ("@" + ml.name_skeleton("John"),)


@pytest.mark.parametrize("german_at", [0, 3])
def test_a_short_german_report_joins_the_strikes_story(german_at):
    rows = REPORTS[1:]
    rows = rows[:german_at] + [REPORTS[0]] + rows[german_at:]
    story = _placed(rows)
    assert len(set(story.values())) == 1, story


def test_a_short_german_report_of_another_event_stays_apart():
    story = _placed([PORT_DE] + REPORTS)
    assert story["port-de"] != story["wire-en"] and len(set(story.values())) == 2
