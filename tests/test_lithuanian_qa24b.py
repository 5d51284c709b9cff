"""Lithuanian read as Polish is (QA pass 24b; fixtures written for these tests): scale words
("tūkst.", "mln.", "mlrd."), the negative prefix ne-/nė- ("nėra", "neturime", "nebus"), the
abbreviations a sentence does not end at ("6 val. 52 min."), the dateline "Kaunas, lapkričio 14 d.",
page furniture ("Skaitykite daugiau: ..."), a pasted page's "2026-11-14 08:25" and "Name, Site.lt" byline,
and quotes attributed after a dash („…“, – sakė ministras Darius Vaitkus)."""

import pytest

from storydiff.analyze.quotes import find_quotes
from storydiff.analyze.sentences import sentences
from storydiff.compare.claims import quantities_in
from storydiff.compare.facts import align_facts
from storydiff.compare.meaning import meaning_changes
from storydiff.extract import extract_item
from storydiff.extract.line_rules import boilerplate_kind
from storydiff.extract.metadata import dateline, dateline_agency, without_dateline
from storydiff.records import Article, RawItem


def read(text: str, lang: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in quantities_in(text, lang)]


def _art(aid: str, lang: str, text: str) -> Article:
    return Article(id=aid, source=aid, outlet=aid, title="", language=lang, text=text)


@pytest.mark.parametrize("text, expected", [
    ("Liepsnos apėmė 4 tūkst. kvadratinių metrų plotą.", [(4000, "metre")]),
    ("Savivaldybė skyrė 2,5 mln. eurų remontui.", [(2_500_000, "euro")]),
    ("Valstybės skola išaugo 1,2 mlrd. eurų.", [(1_200_000_000, "euro")]),
    ("Avarijoje nukentėjo trys žmonės.", [(3, "injur")]),
    ("Į vietą atvyko 12 ugniagesių.", [(12, "firef")]),
])
def test_lithuanian_scales_words_and_units_are_read(text, expected):
    assert read(text, "lt") == expected


@pytest.mark.parametrize("text", [
    "Pranešimas gautas 7 val. 15 min. vakare.",
    "Vilnius, lapkričio 14 d. Policija pranešė apie įvykį.",
])
def test_lithuanian_clock_times_and_dates_are_no_counts(text):
    assert read(text, "lt") == []


def test_lithuanian_thousands_do_not_conflict_with_a_translation():
    lt = _art("lt", "lt", "Pasak gelbėtojų, liepsnos apėmė 4 tūkst. kvadratinių metrų plotą Kaune.")
    en = _art("en", "en", "According to rescuers, the flames covered 4,000 square metres in Kaunas.")
    assert not [c for f in align_facts([lt, en]) for c in f.conflicts]


@pytest.mark.parametrize("lt, other, lang", [
    ("Pavojaus gyventojams nėra, vanduo švarus.", "There is no danger to residents, the water is clean.", "en"),
    ("Mes neturime informacijos apie aukas.", "Nie mamy informacji o ofiarach.", "pl"),
    ("Tiltas nebus uždarytas iki pavasario.", "Мост не будет закрыт до весны.", "ru"),
    ("Liepsnos apėmė 4 tūkst. kvadratinių metrų.", "Полум'я охопило 4 тисячі квадратних метрів.", "uk"),
])
def test_faithful_translations_of_a_lithuanian_quote_change_nothing(lt, other, lang):
    assert meaning_changes(lt, other, "lt", lang) == []


@pytest.mark.parametrize("lt, other, lang", [
    ("Pavojaus gyventojams nėra.", "There is a danger to residents.", "en"),
    ("Tiltas bus uždarytas iki pavasario.", "The bridge will not be closed until spring.", "en"),
    ("Liepsnos apėmė 4 tūkst. kvadratinių metrų.", "The flames covered 40,000 square metres.", "en"),
])
def test_a_changed_translation_of_a_lithuanian_quote_is_still_flagged(lt, other, lang):
    assert meaning_changes(lt, other, "lt", lang)


@pytest.mark.parametrize("lt", [
    "Nelaimė įvyko neseniai, todėl sulaukėme nemažai skambučių.",  # accident, recently, quite a lot
    "Kelionė truko ilgiau nei valandą, nes kelias buvo netoli upės.",  # than, because, near
])
def test_words_that_only_begin_with_ne_deny_nothing(lt):
    english = "The accident happened recently, so we got many calls, because the road was near the river."
    assert "negation" not in meaning_changes(lt, english, "lt", "en")


def test_lithuanian_abbreviations_do_not_end_a_sentence():
    text = ("Pranešimas gautas 6 val. 52 min. Į vietą išvyko 14 ekipažų. Gaisras truko 3 val. "
            "Policija tiria. Skola siekia 3 tūkst. eurų, pvz. Kaune. Vadovavo plk. Jonas Petraitis.")
    assert sentences(text) == [
        "Pranešimas gautas 6 val. 52 min.", "Į vietą išvyko 14 ekipažų.", "Gaisras truko 3 val.",
        "Policija tiria.", "Skola siekia 3 tūkst. eurų, pvz. Kaune.", "Vadovavo plk. Jonas Petraitis."]


@pytest.mark.parametrize("sentence, place, agency, rest", [
    ("Kaunas, lapkričio 14 d. Kauno klinikose atidarytas naujas skyrius.", "Kaunas", None,
     "Kauno klinikose atidarytas naujas skyrius."),
    ("Klaipėda, rugsėjo 2 d. (ELTA). Uoste sulaikytas krovinys.", "Klaipėda", "ELTA", "Uoste sulaikytas krovinys."),
    ("Šiauliai, 2026 m. kovo 9 d. – Mieste atnaujinta gatvė.", "Šiauliai", None, "Mieste atnaujinta gatvė."),
])
def test_a_lithuanian_dateline_is_place_and_agency_not_a_sentence(sentence, place, agency, rest):
    assert dateline(sentence) == place
    assert dateline_agency(sentence) == agency
    assert without_dateline(sentence) == rest


@pytest.mark.parametrize("sentence", [
    "Kaune, lapkričio 14 d., buvo atidarytas naujas skyrius.",  # "in Kaunas, on 14 November, ...": prose
    "Kauno klinikose lapkričio 14 d. atidarytas naujas skyrius.",
])
def test_lithuanian_prose_with_a_date_is_no_dateline(sentence):
    assert dateline(sentence) is None
    assert without_dateline(sentence) == sentence


@pytest.mark.parametrize("line", [
    "Skaitykite daugiau: Kaip pasiruošti žiemai sodyboje?",
    "Taip pat skaitykite: Kaune atidarytas naujas tiltas",
    "Susiję straipsniai", "Dalintis", "Komentarai (14)",
])
def test_lithuanian_page_furniture_is_boilerplate(line):
    assert boilerplate_kind(line) is not None


@pytest.mark.parametrize("line", [
    "Komentarai socialiniuose tinkluose parodė, kad gyventojai nepatenkinti.",
    "Ministrė ragino mokinius skaityti daugiau knygų per vasarą.",
])
def test_lithuanian_prose_about_comments_or_reading_is_kept(line):
    assert boilerplate_kind(line) is None


def test_a_read_more_line_is_dropped_from_a_lithuanian_article():
    text = ("Kauno klinikose atidarytas naujas vaikų skyrius, kuriame dirbs 40 medikų.\n\n"
            "Skyriaus įrengimas kainavo 2 mln. eurų, pranešė ligoninės vadovas.\n\n"
            "Skaitykite daugiau: Kaip išsirinkti šeimos gydytoją?")
    article = extract_item(RawItem(source="kaunas.txt", kind="text", content=text))
    assert "Skaitykite daugiau" not in article.text
    assert "2 mln. eurų" in article.text


def _kaunas_page(byline: str, date_line: str) -> str:
    return "\n".join([
        "Pereiti prie turinio", "Naujienos", "Lietuvoje", "Pasaulyje", "Sportas",
        "Kauno klinikose atidarytas naujas vaikų skyrius",
        byline,
        date_line,
        "Kauno klinikose atidarytas naujas vaikų skyrius, kuriame dirbs 40 medikų ir slaugytojų.",
        "Skyriaus įrengimas kainavo 2 mln. eurų, pranešė ligoninės vadovas Petras Jonaitis.",
        "Pirmieji pacientai čia bus priimami jau kitą savaitę, teigė ligoninės atstovė.",
        "Apie naująjį skyrių daugiau informacijos galima rasti ligoninės interneto svetainėje.",
    ])


@pytest.mark.parametrize("date_line", ["2026-11-14 08:25", "Paskelbta 2026-11-14 08:25"])
def test_a_pasted_pages_iso_date_with_a_space_keeps_its_time(date_line):
    page = _kaunas_page("Rasa Petrauskienė, 15min.lt", date_line)
    article = extract_item(RawItem(source="kaunas.txt", kind="text", content=page))
    assert article.published.startswith("2026-11-14T08:25")


@pytest.mark.parametrize("byline, authors", [
    ("Rasa Petrauskienė, 15min.lt", ["Rasa Petrauskienė"]),
    ("Rasa Petrauskienė ir Tomas Vaitkus, Delfi.lt", ["Rasa Petrauskienė", "Tomas Vaitkus"]),
])
def test_a_name_and_its_site_next_to_the_date_is_the_byline(byline, authors):
    page = _kaunas_page(byline, "2026-11-14 08:25")
    assert extract_item(RawItem(source="kaunas.txt", kind="text", content=page)).authors == authors


def test_a_headline_with_a_comma_next_to_the_date_is_no_byline():
    page = _kaunas_page("Kaunas, Lietuva", "2026-11-14 08:25")
    assert extract_item(RawItem(source="kaunas.txt", kind="text", content=page)).authors == []


@pytest.mark.parametrize("text, quote, speaker", [
    ("„Ligoninė bus atnaujinta iki vasaros“, – sakė sveikatos apsaugos ministras Darius Vaitkus.",
     "Ligoninė bus atnaujinta iki vasaros", "Darius Vaitkus"),
    ("„Tiltą uždarysime dviem savaitėms“, – po posėdžio pranešė mero patarėja Ieva Jankienė.",
     "Tiltą uždarysime dviem savaitėms", "Ieva Jankienė"),
    ("„Kainos kils ir toliau“, – teigė banko ekonomistas Marius Kazlauskas.",
     "Kainos kils ir toliau", "Marius Kazlauskas"),
])
def test_a_lithuanian_quote_is_attributed_after_its_dash(text, quote, speaker):
    assert [(q.text, q.speaker) for q in find_quotes(text, language="lt")] == [(quote, speaker)]


def test_a_two_word_quote_with_a_speech_verb_after_it_is_a_quote():
    text = "„Mokesčių nedidinsime“, – pabrėžė premjeras Jonas Petraitis."
    assert [(q.text, q.speaker) for q in find_quotes(text, language="lt")] == [
        ("Mokesčių nedidinsime", "Jonas Petraitis")]


@pytest.mark.parametrize("text", [
    "Į stotį atvyko vadinamasis „Ryto ekspresas“ – jis važiuoja kasdien.",
    "Jis dirba „Vilniaus vandenyse“, – sakoma pranešime.",  # no speech verb of a person after the dash
])
def test_a_two_word_name_in_quotes_is_no_quote(text):
    assert find_quotes(text, language="lt") == []
