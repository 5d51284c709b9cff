"""Review 24c, H1: a capitalised title or role before a surname ("Präsident Selenskyj", "Kanzler
Merz", "CDU-Chef Merz", "Президент Зеленський", "Пресс-секретарь Песков", "President Zelensky")
is no given name: the same man under his full name is one speaker, not "speaker differs". Two
real given names of one surname stay two people."""

import pytest

from storydiff.compare.quotes import person_keys, speaker_conflict
from storydiff.compare.translation import given_name, same_person
from storydiff.records import AlignedQuote, QuoteVersion


@pytest.mark.parametrize("titled, la, full, lb", [
    ("Präsident Selenskyj", "de", "Wolodymyr Selenskyj", "de"),
    ("Kanzler Merz", "de", "Friedrich Merz", "de"),
    ("Bundeskanzler Merz", "de", "Friedrich Merz", "de"),
    ("CDU-Chef Merz", "de", "Friedrich Merz", "de"),
    ("Kremlsprecher Peskow", "de", "Dmitri Peskow", "de"),
    ("Außenministerin Baerbock", "de", "Annalena Baerbock", "de"),
    ("Президент Зеленський", "uk", "Володимир Зеленський", "uk"),
    ("Пресс-секретарь Песков", "ru", "Дмитрий Песков", "ru"),
    ("President Zelensky", "en", "Volodymyr Zelensky", "en"),
    ("Prezydent Zełenski", "pl", "Wołodymyr Zełenski", "pl"),
    ("Präsident Selenskyj", "de", "Volodymyr Zelensky", "en"),
])
def test_a_title_is_no_given_name(titled, la, full, lb):
    assert given_name(titled) is None
    assert same_person(titled, full, la, lb) and same_person(full, titled, lb, la)
    assert len(set(person_keys([(titled, la), (full, lb)]))) == 1
    quote = AlignedQuote(full, [QuoteVersion("a", "Wir geben nicht auf", "verbatim", [], titled),
                                QuoteVersion("b", "Wir geben nicht auf", "verbatim", [], full)])
    assert speaker_conflict(quote, {"a": "A", "b": "B"}.get, {"a": la, "b": lb}.get) is None


@pytest.mark.parametrize("a, b", [
    ("Vitali Klitschko", "Wladimir Klitschko"),
    ("Joe Biden", "Hunter Biden"),
    ("Präsident Joe Biden", "Hunter Biden"),
])
def test_two_given_names_after_a_title_stay_two_people(a, b):
    assert not same_person(a, b, "en", "en")
    assert len(set(person_keys([(a, "en"), (b, "en")]))) == 2


# L1: within one language, only the folds of a Cyrillic name's romanisations make one surname
# (Zelenskyy / Zelensky, Syniehubov / Synehubov, Podoliak / Podolyak); English, Polish and German
# surnames that differ by a y before a vowel, sz / s or an added letter are two people
@pytest.mark.parametrize("a, b, lang", [
    ("Tom Bryant", "Tom Brant", "en"),
    ("Kevin Wyatt", "Kevin Watt", "en"),
    ("Jan Kos", "Jan Kosz", "pl"),
    ("Anna Meyer", "Anna Meer", "de"),
])
def test_one_language_surnames_alike_only_by_wide_folds_are_two_people(a, b, lang):
    assert not same_person(a, b, lang, lang)
    assert len(set(person_keys([(a, lang), (b, lang)]))) == 2


@pytest.mark.parametrize("a, b, lang", [
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky", "en"),
    ("Volodymyr Zelenskiy", "Volodymyr Zelenskyi", "en"),
    ("Oleh Syniehubov", "Oleh Synehubov", "en"),
    ("Mykhailo Podoliak", "Mykhailo Podolyak", "en"),
    ("Ihor Terekhov", "Ihor Terehov", "en"),
])
def test_one_language_romanisations_of_one_cyrillic_name_are_one_person(a, b, lang):
    assert same_person(a, b, lang, lang)
    assert len(set(person_keys([(a, lang), (b, lang)]))) == 1
