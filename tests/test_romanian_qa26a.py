"""Romanian read as Romanian (QA pass 26a: Moldovan outlets' texts were read with English rules):
figures, event dates, origins, speakers, negation, and Romanian names in Cyrillic."""

from storydiff.analyze.origins import find_origins
from storydiff.analyze.quotes import find_quotes
from storydiff.compare.claims import dates_in, quantities_conflict, quantities_in, weekdays_in
from storydiff.compare.meaning import meaning_changes
from storydiff.compare.translation import same_person
from storydiff.lexicon.names import alike
from storydiff.lexicon.numbers import number_language, vague_counts
from storydiff.match.event_dates import days_apart, event_days
from storydiff.romanisation import romanian_key

RO = "Un metru cub va costa 12,7 lei, o creștere de 9,5%. Circa 15.000 de oameni au protestat la Chișinău."
RU = "Кубометр будет стоить 12,7 лея, рост на 9,5%. Около 15 тысяч человек протестовали в Кишиневе."
EN = "A cubic metre will cost 12.7 lei, up 9.5%. About 15,000 people protested in Chisinau."


def test_romanian_figures_read_as_written():
    assert number_language("ro") is not None
    got = {(q.value, q.unit) for q in quantities_in(RO, "ro")}
    assert got == {(12.7, "leu"), (9.5, "%"), (15000.0, "peopl")}


def test_romanian_figures_agree_with_russian_and_english_versions():
    ro = quantities_in(RO, "ro")
    assert not quantities_conflict(ro, quantities_in(RU, "ru"))
    assert not quantities_conflict(ro, quantities_in(EN, "en"))
    # and a real difference is still one
    assert quantities_conflict(ro, quantities_in(RO.replace("12,7", "14,7"), "ro"))


def test_romanian_number_words_scales_and_vague_counts():
    ro = number_language("ro")
    values = [v for _, _, v, _, _ in ro.read("douăzeci și cinci de răniți, două sute de persoane, 2,5 milioane de lei")]
    assert values == [25, 200, 2_500_000]
    assert vague_counts("au venit zeci de mii de oameni", "ro")[0][2:] == (20_000, 99_999)


def test_romanian_dates_and_weekdays():
    assert [q.value for q in dates_in("Pensionarii au protestat sâmbătă, 6 decembrie.", "ro")] == [1206]
    assert [q.value for q in weekdays_in("Pensionarii au protestat sâmbătă, 6 decembrie.")] == [6]
    # "3 luni" are three months, no Monday
    assert weekdays_in("Prețul a crescut de 3 luni la rând.") == ()
    # a weekday's name as a given name in English is none
    assert weekdays_in("Joi Ito opened the lab in the morning.") == ()
    # a Romanian dateline's date is the filing's, not the event's
    assert dates_in("CHIȘINĂU, 1 decembrie - Sputnik. ANRE a aprobat tariful.", "ro") == ()
    assert [q.value for q in weekdays_in("Joi, 3 decembrie, au protestat.")] == [4]


def test_romanian_ledes_of_two_days_are_days_apart():
    a = event_days("Aproximativ 4.000 de oameni s-au adunat joi, 3 decembrie, în fața Guvernului.", "ro",
                   "2026-12-03T17:10:00+02:00")
    b = event_days("Circa 2.000 de pensionari au protestat duminică, 6 decembrie, în fața Parlamentului.", "ro",
                   "2026-12-06T10:00:00+02:00")
    assert a and b and days_apart(a, b) >= 2


def test_romanian_night_into_a_day():
    days = event_days("În noaptea de 5 spre 6 decembrie, două drone au lovit un depozit.", "ro",
                      "2026-12-06T08:00:00+02:00")
    assert len(days) == 1 and days[0][1] - days[0][0] == 1


def test_romanian_reprint_cites_its_agency():
    text = ("ANRE a aprobat un nou tarif la gaze, care va crește cu 27% de la 1 ianuarie, relatează agenția TASS, "
            "citându-l pe deputatul Igor Volkov.")
    assert [o.name for o in find_origins(text, outlet="Sputnik Moldova")] == ["TASS"]
    assert [o.name for o in find_origins("Potrivit agenției ruse de stat RIA Novosti, tariful crește.")] == ["RIA Novosti"]
    assert find_origins("Potrivit lui Volkov, tariful va crește.") == []
    assert [o.name for o in find_origins("Moldova nu va permite provocări, transmite IPN.", outlet="Agora")] == ["IPN"]


def test_romanian_speakers():
    text = "Deputatul Igor Volkov a criticat decizia. „Tarifele vor crește cu 27%”, a declarat Volkov."
    assert [q.speaker for q in find_quotes(text, language="ro")] == ["Igor Volkov"]
    text = "Potrivit lui Igor Volkov, „tarifele vor crește cu 27%”."
    assert [q.speaker for q in find_quotes(text, language="ro")] == ["Igor Volkov"]


def test_romanian_negation_counted_as_one():
    ro = "Nu vom permite ca Moldova să fie târâtă în război. Deocamdată nu avem niciun răspuns"
    ru = "Мы не позволим втянуть Молдову в войну. Пока у нас нет никакого ответа"
    assert meaning_changes(ro, ru, "ro", "ru") == []
    assert meaning_changes("Vom permite provocări la frontieră", "We will not allow provocations", "ro", "en") == [
        "negation"]
    assert meaning_changes("Guvernul n-a demisionat", "The government has not resigned", "ro", "en") == []


def test_until_clause_not_is_no_negation():
    en = "We will stand here until the government leaves"
    assert meaning_changes("Мы будем стоять здесь, пока правительство не уйдет", en, "ru", "en") == []
    assert meaning_changes("Ми стоятимемо тут, доки уряд не піде", en, "uk", "en") == []
    # "пока не" right together is "not yet": a negation
    assert meaning_changes("Мы пока не знаем ответа", "We know the answer", "ru", "en") == ["negation"]


def test_romanian_names_in_cyrillic():
    for cyrillic, latin in (("Кожокару", "Cojocaru"), ("Гуцу", "Guțu"), ("Руснак", "Rusnac"), ("Чебан", "Ceban"),
                            ("Георге", "Gheorghe"), ("Кирьяк", "Chiriac")):
        assert alike(cyrillic, latin), (cyrillic, latin)
        assert romanian_key(cyrillic) == romanian_key(latin)
    assert not alike("Чебан", "Cebotari")
    assert same_person("Штефан Кожокару", "Stefan Cojocaru", "ru", "en")
    assert not same_person("Виктор Руснак", "Victor Rusu", "ru", "ro")
