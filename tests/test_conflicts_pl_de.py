"""Polish and German figures, dates, weekdays and clock times meet the other languages' (QA pass 16, 01)."""

import pytest

from storydiff.compare.claims import clock_times_in, dates_in, quantities_conflict, quantities_in, weekdays_in
from storydiff.compare.fact_conflicts import differs_in_substance


@pytest.mark.parametrize("lang, text", [
    ("pl", "remont wyceniony na 1,5 mln zł"),
    ("pl", "remont za 1,5 mln złotych"),
    ("de", "eine Sanierung für 1,5 Millionen Złoty"),
    ("de", "eine Sanierung für 1,5 Mio. Zloty"),
    ("uk", "ремонт вартістю 1,5 млн злотих"),
    ("ru", "ремонт стоимостью 1,5 млн злотых"),
    ("en", "a repair costing 1.5 million zlotys"),
    ("en", "a repair costing 1.5 million złoty"),
])
def test_the_zloty_is_one_unit_in_every_language(lang, text):
    assert [(q.value, q.unit) for q in quantities_in(text, lang)] == [(1_500_000, "zloty")]


@pytest.mark.parametrize("lang, text, value, unit", [
    ("de", "Der Schaden wird auf 3 Mrd. Złoty geschätzt.", 3e9, "zloty"),
    ("pl", "ewakuowano 2 tys. mieszkańców", 2000, "resid"),
    ("de", "Kosten von 2 Mio. Euro", 2e6, "euro"),
    ("pl", "pomoc w wysokości 5 mln hrywien", 5e6, "hryvn"),
    ("de", "Verluste von 5 Mio. Rubel", 5e6, "roubl"),
    ("uk", "збитки на 5 млн гривень", 5e6, "hryvn"),
])
def test_a_scale_abbreviation_s_dot_does_not_hide_the_unit_after_it(lang, text, value, unit):
    assert [(q.value, q.unit) for q in quantities_in(text, lang)] == [(value, unit)]


def test_a_word_starting_like_a_currency_is_no_currency():
    assert quantities_in("5 European countries")[0].unit != "euro"
    assert quantities_in("5 Europäer", "de")[0].unit != "euro"


def test_zloty_amounts_conflict_across_polish_and_german():
    assert quantities_conflict(quantities_in("na 1,5 mln zł", "pl"), quantities_in("2,5 Millionen Złoty", "de"))
    assert not quantities_conflict(quantities_in("na 1,5 mln zł", "pl"), quantities_in("1,5 Millionen Złoty", "de"))


@pytest.mark.parametrize("text, day", [
    ("Most runął we wtorek rano.", 2),
    ("Do katastrofy doszło w środę.", 3),
    ("Prace potrwają do niedzieli.", 7),
    ("Die Brücke stürzte am Mittwochmorgen ein.", 3),
    ("Die Brücke stürzte am Dienstag ein.", 2),
    ("Le pont s'est effondré mardi soir.", 2),
    ("El puente se derrumbó el miércoles.", 3),
])
def test_polish_german_french_and_spanish_weekdays(text, day):
    assert [q.value for q in weekdays_in(text)] == [day]


@pytest.mark.parametrize("text", [
    "To jest środek transportu.",
    "Brakuje środków na remont.",
    "Plácido Domingo sang in Warschau.",
    # the day a statement was made on, as for English "said on Thursday"
    "Die Brücke sei eingestürzt, sagte er am Mittwoch.",
    "Most był w złym stanie – powiedział w środę rzecznik.",
])
def test_no_weekday_in_a_look_alike_word_or_the_day_something_was_said(text):
    assert weekdays_in(text) == ()


def test_a_night_into_a_weekday_allows_both_days():
    (tue_night,) = weekdays_in("Die Brücke stürzte in der Dienstagnacht ein.")
    (into_wed,) = weekdays_in("Die Brücke stürzte in der Nacht zum Mittwoch ein.")
    (wed,) = weekdays_in("Most runął w środę.")
    assert (tue_night.low, tue_night.high) == (2, 3) and (into_wed.low, into_wed.high) == (2, 3)
    assert not quantities_conflict([tue_night], [wed])


@pytest.mark.parametrize("lang, text, value", [
    ("pl", "śledztwo wszczęto 12.11.2026 r.", 1112),
    ("de", "die Ermittlungen seien am 14.11.2026 eingeleitet worden", 1114),
    ("uk", "розслідування розпочали 3.04.2026", 403),
])
def test_a_day_first_date_in_figures_is_a_date_and_no_figure(lang, text, value):
    assert [q.value for q in dates_in(text, lang)] == [value]
    assert quantities_in(text, lang) == ()


def test_a_date_in_figures_the_statement_was_made_on_is_left_out():
    assert dates_in("– powiedział 12.11.2026 prokurator.", "pl") == ()


@pytest.mark.parametrize("text, minutes, approx", [
    ("Die Brücke stürzte gegen 7.45 Uhr ein.", 465, True),
    ("Die Brücke stürzte um 7.45 Uhr ein.", 465, False),
    ("Most runął o godz. 7.45.", 465, False),
    ("Most runął o godzinie 8 rano.", 480, True),  # a whole hour allows half an hour either way
    ("Die Brücke stürzte um 8 Uhr ein.", 480, True),
])
def test_uhr_and_godz_clock_times(text, minutes, approx):
    (t,) = clock_times_in(text)
    assert t.value == minutes and (t.low < t.value) is approx
    assert [q for q in quantities_in(text, "de" if "Uhr" in text else "pl") if q.unit not in ("", "time")] == []


@pytest.mark.parametrize("text", ["Der Kurs stieg um 7.45 Prozent.", "Most runął o 7.45.", "Prace trwały 3 godziny."])
def test_a_figure_with_a_dot_and_no_clock_word_is_no_time(text):
    assert clock_times_in(text) == ()


@pytest.mark.parametrize("a, b", [
    ("Most runął we wtorek rano.", "Die Brücke stürzte am Mittwochmorgen ein."),
    ("śledztwo wszczęto 12.11.2026 r.", "die Ermittlungen wurden am 14.11.2026 eingeleitet"),
    ("Most runął o godz. 7.45.", "Die Brücke stürzte um 9.15 Uhr ein."),
])
def test_pl_de_days_dates_and_times_differ_in_substance(a, b):
    assert differs_in_substance(a, b)



def test_a_dotted_date_of_another_year_gives_the_date_veto_no_day():
    from datetime import datetime, timezone

    from storydiff.match.event_dates import event_days

    published = datetime(2026, 11, 13, tzinfo=timezone.utc).timestamp()
    assert event_days("Most runął 12.11.2026 rano.", "pl", published)
    assert event_days("Most oddano do użytku 12.11.1974 r.", "pl", published) == ()


@pytest.mark.parametrize("a, b", [
    ("Most runął we wtorek – powiedział w środę rzecznik.", "Die Brücke stürzte am Dienstag ein, sagte am Mittwoch ein Sprecher."),
    ("Die Brücke stürzte am Dienstag ein, sagte am Mittwoch ein Sprecher.", "Most runął we wtorek – powiedział w środę rzecznik."),
    ("Na remont zabrakło środków, most runął we wtorek.", "The bridge collapsed on Tuesday."),
    ("The bridge collapsed on Tuesday.", "Na remont zabrakło środków, most runął we wtorek."),
])
def test_the_said_on_day_and_a_look_alike_word_make_no_days_conflict_either_way(a, b):
    assert not quantities_conflict(weekdays_in(a), weekdays_in(b))
    assert [q.value for q in weekdays_in(a)] == [2] == [q.value for q in weekdays_in(b)]
