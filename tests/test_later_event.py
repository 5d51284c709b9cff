"""The later-event veto (match/later_event.py, MatchSettings.later_event_veto): a report published a
day or more after every report of a small story, whose lede dates its event against what that
story tells ("a day after parliament passed the harbour tax"), tells a later event of the same
people, not the story's. And its second cue, off by default (later_event_newcomer): a lede led by
someone the story never names. Fixtures: a fictional country, written for this test."""

from __future__ import annotations

from datetime import date, datetime

from storydiff.match import MatchDoc, OnlineClusterer
from storydiff.match.later_event import (
    anchored_stems,
    dates_against,
    event_stems,
    later_event,
    leads_with_newcomer,
)
from storydiff.settings import MatchSettings

AUDIT_1 = ("Sacked auditor Lena Dorr kept a diary of threats from minister Bram Ekel",
           "Lena Dorr, the state auditor dismissed in March, kept a diary of every meeting with Transport Minister "
           "Bram Ekel in which, she wrote, he threatened her over an audit of rail tenders, according to two people "
           "who have read it. The diary runs to forty pages and is kept by her lawyer. Dorr's lawyer confirmed it "
           "exists. Ekel's office said the minister never threatened anyone over the rail tenders audit.")
AUDIT_2 = ("Dorr diary records minister Ekel's threats over rail tenders audit",
           "Forty pages kept by Lena Dorr, the dismissed state auditor, record meetings in which Transport Minister "
           "Bram Ekel threatened her over her audit of rail tenders, two people who have seen the diary said. Her "
           "lawyer, who keeps it, confirmed the diary exists. Ekel's office denied the minister had threatened her "
           "over the audit of the rail tenders.")
PROBE_1 = ("Prosecutor Ivo Brast questions minister Ekel over Dorr dismissal",
           "Prosecutor Ivo Brast questioned Transport Minister Bram Ekel for six hours on Tuesday about the dismissal "
           "of state auditor Lena Dorr and her audit of rail tenders, Ekel's office said. Brast's team asked about "
           "the minister's meetings with Dorr and his calls to a rail company, a person briefed on the session said. "
           "Ekel told reporters he had answered every question about the rail tenders.")
PROBE_2 = ("Ekel says he answered every question from prosecutor Brast",
           "Bram Ekel spent six hours with prosecutor Ivo Brast on Tuesday, the transport minister said, adding that "
           "he had answered every question about the dismissal of auditor Lena Dorr. Brast is examining whether "
           "Dorr was dismissed to stop her audit of rail tenders, according to a person familiar with the inquiry. "
           "His team asked about Ekel's meetings with Dorr and a rail company.")

TAX_1 = ("Parliament passes Tarn harbour tax despite ferry operators' protest",
         "Parliament in Lorn passed a harbour tax of 40 crowns per passenger for the port of Tarn on Tuesday, "
         "Transport Minister Bram Ekel said, despite protests by ferry operators. The tax takes effect in March and "
         "will pay for a new breakwater at Tarn harbour. Ferry operators said fares would rise.")
TAX_2 = ("Tarn harbour tax of 40 crowns approved by parliament",
         "Lawmakers approved on Tuesday a tax of 40 crowns on every ferry passenger using Tarn harbour, Transport "
         "Minister Bram Ekel said. The money will go to a new breakwater, and the tax applies from March. Ferry "
         "operators warned that fares to Tarn would go up.")
ROUTE = ("Kavo Lines drops Tarn ferry route over harbour tax",
         "Kavo Lines will stop its ferry service to Tarn from March, a day after parliament passed the harbour tax "
         "of 40 crowns per passenger, the company said on Wednesday. Transport Minister Bram Ekel said the tax for "
         "the Tarn harbour breakwater would stay. Ferry passengers to Tarn will have one operator left.")
INJURY_1 = ("Tarn striker Emil Varg out for three months with knee injury",
            "Tarn United striker Emil Varg will miss three months after tearing a knee ligament in training on "
            "Tuesday, the club said. Varg had played one match for Tarn United since his transfer. Coach Pia Kosk "
            "called the knee injury a cruel blow.")
INJURY_2 = ("Tarn United lose Varg to torn knee ligament",
            "Emil Varg tore a ligament in his knee in training on Tuesday and faces three months out, Tarn United "
            "said, days after his debut. Coach Pia Kosk called the injury a cruel blow for Tarn United.")

FERRY_1 = ("Ferry sinks off Tarn, 9 dead",
           "The ferry Saint Ola sank off the island of Tarn on Friday, killing nine passengers, regional governor "
           "Pia Kosk said. Coast guard boats pulled 140 people from the water near the Tarn harbour. The cause of the "
           "sinking was not known, Kosk said.")
FERRY_2 = ("Nine killed as Saint Ola ferry goes down near Tarn",
           "Nine people died when the ferry Saint Ola went down off Tarn on Friday, governor Pia Kosk said. Rescuers "
           "took 140 passengers from the sea near the Tarn harbour. Kosk said it was too early to say what caused "
           "the sinking.")
FERRY_MOURNS = ("Tarn mourns nine killed in Saint Ola sinking",
                "Tarn held a day of mourning on Saturday for the nine people killed when the ferry Saint Ola sank "
                "near the Tarn harbour, governor Pia Kosk said. Divers finished searching the wreck overnight, and "
                "the 140 rescued passengers had all left hospital, Kosk said.")
FERRY_TOLL = ("Saint Ola toll rises to 12 off Tarn",
              "The death toll from the sinking of the ferry Saint Ola off Tarn rose to 12 on Saturday, health "
              "ministry spokesman Emil Varg said, after divers found three more bodies near the Tarn harbour. "
              "Governor Pia Kosk said 140 passengers had been rescued from the sea on Friday.")
FERRY_COAST_GUARD = ("Coast guard chief Otto Brink: Saint Ola ferry sank in minutes off Tarn",
                     "Coast guard commander Otto Brink said the ferry Saint Ola sank within minutes off Tarn on "
                     "Friday, and that his boats pulled 140 people from the water near the Tarn harbour. Nine "
                     "passengers died, governor Pia Kosk said.")


def _doc(rid: str, item: tuple[str, str], published: str) -> MatchDoc:
    title, text = item
    return MatchDoc(rid, text, title, datetime.fromisoformat(published), language="en")


def _stories(docs: list[MatchDoc], **settings) -> dict[str, str]:
    settings = {"later_event_veto": True, **settings}  # off by default (settings.py says why)
    c = OnlineClusterer(MatchSettings(**settings))
    sids = [c.add(d) for d in docs]
    return {d.id: c.resolve(s) for d, s in zip(docs, sids)}


def _audit() -> list[MatchDoc]:
    return [_doc("audit-1", AUDIT_1, "2026-05-11T07:45:00+00:00"), _doc("audit-2", AUDIT_2, "2026-05-11T11:10:00+00:00"),
            _doc("probe-1", PROBE_1, "2026-05-14T18:00:00+00:00"), _doc("probe-2", PROBE_2, "2026-05-14T21:30:00+00:00")]


def _tax() -> list[MatchDoc]:
    return [_doc("tax-1", TAX_1, "2026-03-10T09:00:00+00:00"), _doc("tax-2", TAX_2, "2026-03-10T13:00:00+00:00"),
            _doc("route", ROUTE, "2026-03-11T10:00:00+00:00")]


def test_the_next_days_act_dated_against_the_storys_event_stays_apart():
    got = _stories(_tax())
    assert got["tax-1"] == got["tax-2"] != got["route"]
    # without the veto the lexical score and the date veto's day of slack join them
    assert len(set(_stories(_tax(), later_event_veto=False).values())) == 1


def test_the_earlier_reports_arriving_last_are_kept_apart_too():
    docs = _tax()
    got = _stories([docs[2], docs[0], docs[1]])
    assert got["tax-1"] == got["tax-2"] != got["route"]
    assert len(set(_stories([docs[2], docs[0], docs[1]], later_event_veto=False).values())) == 1


def test_a_next_day_report_dated_against_something_else_joins():
    # "days after his debut": the injury reports' background, not the event of the injury story
    docs = [_doc("injury-1", INJURY_1, "2026-08-05T21:00:00+00:00"), _doc("injury-2", INJURY_2, "2026-08-06T08:15:00+00:00")]
    got = _stories(docs)
    assert got["injury-1"] == got["injury-2"]


def test_the_newcomer_cue_is_off_by_default_and_splits_the_written_case_when_on():
    assert len(set(_stories(_audit()).values())) == 1  # by default: one story (the cue is off)
    got = _stories(_audit(), later_event_newcomer=True)
    assert got["audit-1"] == got["audit-2"]
    assert got["probe-1"] == got["probe-2"] != got["audit-1"]
    docs = _audit()  # the earlier reports arriving last
    late = _stories([docs[2], docs[3], docs[0], docs[1]], later_event_newcomer=True)
    assert late["probe-1"] == late["probe-2"] != late["audit-1"] == late["audit-2"]


def test_a_next_day_update_led_by_the_storys_own_people_joins():
    docs = [_doc("ferry-1", FERRY_1, "2026-07-03T09:00:00+00:00"), _doc("ferry-2", FERRY_2, "2026-07-03T12:30:00+00:00"),
            _doc("mourns", FERRY_MOURNS, "2026-07-04T10:00:00+00:00")]
    for newcomer in (False, True):
        got = _stories(docs, later_event_newcomer=newcomer)
        assert got["ferry-1"] == got["ferry-2"] == got["mourns"]


def test_a_next_day_toll_update_led_by_a_new_spokesman_joins():
    docs = [_doc("ferry-1", FERRY_1, "2026-07-03T09:00:00+00:00"), _doc("ferry-2", FERRY_2, "2026-07-03T12:30:00+00:00"),
            _doc("toll", FERRY_TOLL, "2026-07-04T10:00:00+00:00")]
    for newcomer in (False, True):
        got = _stories(docs, later_event_newcomer=newcomer)
        assert got["ferry-1"] == got["ferry-2"] == got["toll"]


def test_the_same_days_report_led_by_another_official_joins():
    # a newcomer in a lede of the story's own day is another outlet's source, not a later event
    docs = [_doc("ferry-1", FERRY_1, "2026-07-03T09:00:00+00:00"),
            _doc("coast-guard", FERRY_COAST_GUARD, "2026-07-03T20:00:00+00:00")]
    got = _stories(docs, later_event_newcomer=True)
    assert got["ferry-1"] == got["coast-guard"]


def test_later_event_reads_days_and_updates():
    monday, tuesday = date(2026, 5, 11).toordinal(), date(2026, 5, 12).toordinal()
    assert later_event((tuesday, tuesday), False, (monday, monday), True)
    assert not later_event((tuesday, tuesday), True, (monday, monday), True)  # an update
    assert not later_event((monday, tuesday), False, (monday, monday), True)  # the same day too
    assert not later_event((tuesday, tuesday), False, (monday, monday), False)  # no cue


def test_the_earlier_event_a_lede_dates_its_own_against_in_five_languages():
    budget = event_stems("Finance Minister Karl Ost presented the 2027 budget to parliament on Tuesday", {"karl", "ost"})
    assert "budge" in budget and "tuesd" not in budget and "karl" not in budget
    assert dates_against(anchored_stems("Norbeck cut the rating on Wednesday, a day after Karl Ost presented a budget"), budget)
    assert dates_against(anchored_stems("Dunmere gets 90 million to rebuild after last week's flood"),
                         event_stems("The river Kessa floods Dunmere"))
    assert not dates_against(anchored_stems("Varg tore a ligament in training, days after his debut"),
                             event_stems("Varg out for three months with knee injury after training"))
    assert not anchored_stems("The river rose day after day")  # no earlier event
    for lede, earlier in (("Агентство знизило рейтинг через день після ухвалення бюджету", "Рада ухвалила бюджет"),
                          ("Агентство снизило рейтинг на следующий день после принятия бюджета", "Парламент принял бюджета"),
                          ("Die Agentur senkte die Note einen Tag nach der Vorlage des Haushalts", "Minister legt Haushalt vor"),
                          ("Agencja obniżyła rating dzień po prezentacji budżetu", "Minister przedstawił projekt budżetu")):
        assert dates_against(anchored_stems(lede), event_stems(earlier)), lede
    assert not anchored_stems("Ceny rosły dzień po dniu")  # day by day


def test_a_newcomer_is_a_lede_name_the_other_side_never_writes():
    story_names = {"lena", "dorr", "bram", "ekel", "transport"}
    assert leads_with_newcomer(("holm", "ekel"), story_names)
    assert not leads_with_newcomer(("ekel", "dorr"), story_names)
    assert not leads_with_newcomer(("ekel's",), {"bram_ekel"})  # another form of a name
    assert not leads_with_newcomer((), story_names)


FOLLOW_UP = ("Saint Ola ferry sinking: divers find the wreck off Tarn",
             "Divers found the wreck of the ferry Saint Ola off Tarn on Saturday, a day after it sank with nine "
             "passengers dead, governor Pia Kosk said. Coast guard boats pulled 140 people from the water near the "
             "Tarn harbour.")


def test_by_default_a_follow_up_dated_against_the_storys_event_joins_it():
    # review 25b: the veto splits such a follow-up from its story; it is off by default
    docs = [_doc("f1", FERRY_1, "2026-03-06T12:00:00+00:00"), _doc("f2", FERRY_2, "2026-03-06T14:00:00+00:00"),
            _doc("wreck", FOLLOW_UP, "2026-03-07T10:00:00+00:00")]
    c = OnlineClusterer(MatchSettings())
    sids = [c.resolve(c.add(d)) for d in docs]
    assert len(set(sids)) == 1
    assert len(set(_stories(docs).values())) == 2  # with the veto on: split (why it is off)
