"""What a figure counts is one unit in every language, so a changed figure across languages is a
conflict (QA pass 17, 08: "12 багатоповерхівок" vs "3 многоэтажных дома", "10 more Patriot
systems" vs "еще 2 системы Patriot" were never compared)."""

import pytest

from storydiff.compare.claims import article_claims, quantities_conflict, quantities_in
from storydiff.compare.facts import _conflicts


@pytest.mark.parametrize("lang, text", [
    ("uk", "пошкоджено 12 багатоповерхівок і школу"),
    ("uk", "пошкоджено 12 висоток"),
    ("uk", "пошкоджено 12 житлових будинків"),
    ("ru", "повреждены 12 многоэтажных домов и школа"),
    ("ru", "повреждены 12 многоэтажек"),
    ("en", "12 apartment blocks and a school were damaged"),
    ("en", "12 residential buildings were damaged"),
    ("de", "12 Hochhäuser wurden beschädigt"),
])
def test_apartment_blocks_are_houses_in_every_language(lang, text):
    assert [(q.value, q.unit) for q in quantities_in(text, lang)] == [(12, "house")]


@pytest.mark.parametrize("lang, text", [
    ("en", "Ukraine needs 10 more Patriot systems to protect its cities"),
    ("en", "Ukraine needs 10 Patriot systems"),
    ("ru", "Украине нужны еще 10 систем Patriot"),
    ("uk", "Україні потрібно ще 10 систем Patriot"),
])
def test_a_name_before_the_noun_is_not_what_is_counted(lang, text):
    # the noun is what is counted, the name which ones: in every language the same unit
    assert [(q.value, q.unit) for q in quantities_in(text, lang)] == [(10, "syste:patri")]


def test_counts_of_two_named_kinds_of_one_noun_are_no_conflict():
    # a second review: "40 Gepard systems" / "2 Patriot systems" read as one count in dispute
    from storydiff.compare.claims import quantities_conflict

    def conflict(a, la, b, lb):
        return quantities_conflict(quantities_in(a, la), quantities_in(b, lb))

    assert not conflict("Ukraine got 40 Gepard systems.", "en", "Ukraine got 2 Patriot systems.", "en")
    assert not conflict("2 Patriot systems", "en", "40 CCTV systems", "en")
    assert not conflict("Україна отримала 40 систем Gepard", "uk", "Ukraine got 2 Patriot systems.", "en")
    assert conflict("Ukraine needs 10 more Patriot systems", "en", "Украине нужны еще 2 системы Patriot", "ru")
    # people are people whatever Latin word follows
    assert [q.unit for q in quantities_in("Евакуювали 40 людей Caritas", "uk")] == ["peopl"]


def test_a_capitalised_word_before_a_verb_stays_the_unit():
    # nothing to count after the name: the rule leaves the figure as it was
    assert quantities_in("In 2014 Crimea was annexed.")[0].unit == "crime"


def test_a_name_before_a_noun_no_language_counts_stays_the_unit():
    # read as seasons, "100 RBI season" disputed "the past five seasons" (the fact gold's ECB+ 10)
    assert [q.unit for q in quantities_in("hit 30 homers in five seasons and a 100 RBI season")] == ["homer", "seaso", "rbi"]


@pytest.mark.parametrize("a, la, b, lb", [
    ("За його словами, пошкоджено 12 багатоповерхівок і школу в Київському районі міста.", "uk",
     "По его словам, повреждены 3 многоэтажных дома и школа в Киевском районе города.", "ru"),
    ('"Ukraine needs 10 more Patriot systems to protect its cities," he added.', "en",
     "«Украине нужны еще 2 системы Patriot для защиты городов», — добавил он.", "ru"),
    ("He said 12 apartment blocks and a school in the Kyivskyi district were damaged.", "en",
     "По его словам, повреждены 3 многоэтажных дома и школа в Киевском районе города.", "ru"),
])
def test_a_changed_count_is_a_conflict_across_languages(a, la, b, lb):
    ca = article_claims("a", a, 4, la)
    cb = article_claims("b", b, 4, lb)
    assert quantities_conflict(ca[0].quantities, cb[0].quantities)
    lines = _conflicts([ca[0], cb[0]], {"a": "A", "b": "B"}.__getitem__)
    assert any(line.startswith("numbers differ") for line in lines), lines


def test_the_same_count_across_languages_is_no_conflict():
    ca = article_claims("a", "За його словами, пошкоджено 12 багатоповерхівок і школу.", 4, "uk")
    cb = article_claims("b", "По его словам, повреждены 12 многоэтажных домов и школа.", 4, "ru")
    assert not _conflicts([ca[0], cb[0]], {"a": "A", "b": "B"}.__getitem__)
