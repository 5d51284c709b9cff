"""A dateline is where, when and by whom a report was filed, not what it says (QA pass 26a, a
Chișinău fact-checker's desk): read as words, "КИШИНЕВ, 3 декабря. /ТАСС/." gave a protest and a
drone report two days later a shared place and a shared "3" (a distance's in the drone report),
and "CHISINAU, Dec 6 (Reuters) -" made one wire's unrelated briefs of a day one story."""

from __future__ import annotations

from storydiff.match import MatchDoc, OnlineClusterer
from storydiff.match.features import extract_terms

PROTEST = ("ОРХЕЙ, 3 декабря. /ТАСС/. Около 20 тыс. человек вышли в четверг на акцию протеста у здания мэрии Орхея "
           "на севере Молдавии, требуя снизить цены на отопление.\nАкцию организовала партия \"Рассвет\". "
           "\"Мы не уйдем, пока нас не услышат\", - сказал ее председатель Тудор Мельник.\n"
           "В Орхей приехали автобусы из Сорок и Флорешт.")
DEBRIS = ("ОРХЕЙ, 5 дек - РИА Новости. Части беспилотника обнаружены в пятницу утром у села Ивановка на севере "
          "Молдавии, в 3 километрах от реки, сообщило министерство обороны.\n\"На месте работают саперы\", - "
          "заявила представитель ведомства Мария Лупу.\nЭто уже четвертый подобный случай в Молдавии с начала "
          "года.\nОрхей пока не назвал причину.")

BRIEF_TALKS = ("BRUSSELS, Dec 6 (Reuters) - Ostrania opened two more negotiating chapters with the European Union "
               "on Friday, the foreign ministry in Velden said.")
BRIEF_PRICES = ("VELDEN, Dec 6 (Reuters) - Ostrania's annual inflation rose to 7.8% in November from 6.9% in "
                "October, the national statistics bureau said on Monday.")


def test_the_dateline_gives_no_terms():
    terms = extract_terms(PROTEST)
    assert "3" not in terms.numbers and terms.entities["орхей"] == 1  # the body's "В Орхей приехали", not the dateline's
    assert "тыс" in terms.words  # the sentence after the dateline is read
    terms = extract_terms(f"Ostrania inflation\n\n{BRIEF_PRICES}")  # the headline as the text's first line
    assert not {"dec", "6"} & set(terms.numbers) and "7.8" in terms.numbers
    assert not {"velden", "reuters", "reuters_ostrania"} & set(terms.entities) and "ostrania" in terms.entities


def test_a_shared_dateline_place_and_day_make_no_story():
    c = OnlineClusterer()
    protest = c.add(MatchDoc("tass", PROTEST, "Тысячи человек вышли на митинг в Орхее", "2026-12-03T18:30:00+03:00"))
    debris = c.add(MatchDoc("ria", DEBRIS, "В Молдавии нашли части беспилотника", "2026-12-05T11:20:00+03:00"))
    assert protest != debris
    c = OnlineClusterer()
    talks = c.add(MatchDoc("b1", BRIEF_TALKS, "Ostrania EU talks", "2026-12-06T01:00:00+00:00", outlet="Reuters"))
    prices = c.add(MatchDoc("b5", BRIEF_PRICES, "Ostrania inflation", "2026-12-06T05:00:00+00:00", outlet="Reuters"))
    assert talks != prices


def test_a_report_without_a_dateline_reads_its_first_words():
    text = "ORHEI police arrested two men on Monday, the ministry said."
    assert "orhei" in extract_terms(text).entities


CREDIT = "Reporting by Lena Marsh and Ivo Dantes; editing by Clara Fenwick."
BRIEF_GRAIN = ("PORT ILMA, Dec 6 (Reuters) - Three cargo ships left the port of Reni on Sunday carrying 98,000 "
               "tonnes of wheat, the ports authority said.")
BRIEF_AIRPORT = ("VELDEN, Dec 6 (Reuters) - Velden airport briefly closed its airspace for 47 minutes on Sunday "
                 "after an unidentified object was spotted, the civil aviation authority said.")


def test_a_credit_line_gives_no_names():
    terms = extract_terms(f"{BRIEF_GRAIN}\n{CREDIT}")
    assert not {"lena_marsh", "clara_fenwick", "ivo_dantes", "reporting"} & set(terms.entities)
    # a sentence going on after the names says something: it is read
    said = extract_terms("Reporting by The Times revealed that Velden paid the contractor twice.")
    assert "velden" in said.entities


def test_briefs_sharing_a_desks_credit_line_make_no_story():
    c = OnlineClusterer()
    grain = c.add(MatchDoc("b2", f"{BRIEF_GRAIN}\n{CREDIT}", "Grain corridor", "2026-12-06T02:00:00+00:00",
                           outlet="Reuters"))
    airport = c.add(MatchDoc("b3", f"{BRIEF_AIRPORT}\n{CREDIT}", "Velden airport", "2026-12-06T03:00:00+00:00",
                             outlet="Reuters"))
    assert grain != airport
