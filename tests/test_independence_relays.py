"""Two relays of one statement are no translation of one another (review 24a, F9): Суспільне and
the Kyiv Independent each relay the Air Force's morning report, in its order; "Kyiv Independent
translates Суспільне" accused one of copying the other. A pair the translation test joins is named
by what was measured unless both open on one speaker's statement."""

import pytest

from storydiff.compare.attributed import same_source, statement_source
from storydiff.compare.independence import independent_sources
from storydiff.records import Article, Fact

UK = ["У ніч на 7 грудня Росія атакувала Україну 85 ударними дронами та трьома ракетами, повідомили Повітряні сили.",
      "Сили протиповітряної оборони збили 62 дрони.",
      "Ще 18 дронів локально зникли, ймовірно через засоби радіоелектронної боротьби.",
      "Зафіксовано влучання ракет та дронів на шести локаціях.",
      "Основним напрямком удару була Одеська область."]
EN = ["Russia attacked Ukraine overnight on Dec. 7 with 85 attack drones and three missiles, the Air Force said.",
      "Air defense shot down 62 drones.",
      "Another 18 drones were lost, likely due to electronic warfare.",
      "Missile and drone hits were recorded at six locations.",
      "The main target of the attack was Odesa Oblast."]


def _story(uk, en):
    a = Article("sus", "test", " ".join(uk), outlet="Суспільне", language="uk", published="2026-12-07T07:00:00Z")
    b = Article("ki", "test", " ".join(en), outlet="Kyiv Independent", language="en", published="2026-12-07T08:00:00Z")
    return [a, b], [Fact(e, ["sus", "ki"], {"sus": u, "ki": e}) for u, e in zip(uk, en)]


@pytest.mark.parametrize("sentence, lang, who", [
    (UK[0], "uk", "Повітряні сили"),
    (EN[0], "en", "the Air Force"),
    ("Россия атаковала Украину 85 дронами, сообщили в Минобороны РФ.", "ru", "Минобороны РФ"),
    ("Rosja zaatakowała Ukrainę 85 dronami, poinformowały Siły Powietrzne.", "pl", "Siły Powietrzne"),
    ("Russland griff die Ukraine mit 85 Drohnen an, teilte die ukrainische Luftwaffe mit.", "de", "Luftwaffe"),
    ("Як повідомили в Генштабі, ворог втратив 1200 осіб.", "uk", "Генштабі"),
    ("According to the General Staff, Russia lost 1,200 troops.", "en", "the General Staff"),
    ("Three people were killed, regional governor Oleh Syniehubov said on Sunday.", "en", "Oleh Syniehubov"),
    ("Three people were killed, officials said.", "en", None),
    ("Three people were killed, police in Kharkiv said.", "en", None),
    ("Сили ППО збили 62 дрони, повідомляє Reuters.", "uk", None),  # an outlet: a cited origin, not a speaker
    (EN[1], "en", None),
])
def test_who_a_sentence_says_it_comes_from(sentence, lang, who):
    assert statement_source(sentence, lang) == who


def test_one_speaker_named_in_two_languages():
    assert same_source("Повітряні сили", "uk", "the Air Force", "en")
    assert same_source("Siły Powietrzne", "pl", "Воздушные силы", "ru")
    assert same_source("Генштабі", "uk", "the General Staff", "en")
    assert same_source("ОВА Олег Синєгубов", "uk", "Oleh Syniehubov", "en")
    assert not same_source("Повітряні сили", "uk", "the General Staff", "en")
    assert not same_source("Минобороны РФ", "ru", "Ukraine's Defence Ministry", "en")
    assert not same_source("Олег Синєгубов", "uk", "Ihor Terekhov", "en")


def test_two_relays_of_one_statement_are_said_to_relay_it_not_to_translate():
    articles, facts = _story(UK, EN)
    n, (group,) = independent_sources(articles, facts=facts)
    assert n == 1 and set(group.article_ids) == {"sus", "ki"}
    assert group.reason == "Суспільне and Kyiv Independent both relay the Air Force's statement"


def test_a_pair_on_two_speakers_or_on_none_is_named_by_what_was_measured():
    other = [UK[0].replace("повідомили Повітряні сили", "повідомив Генштаб"), *UK[1:]]
    for uk in (other, [UK[0].replace(", повідомили Повітряні сили", ""), *UK[1:]]):
        articles, facts = _story(uk, EN)
        n, (group,) = independent_sources(articles, facts=facts)
        assert n == 1 and "translates" not in group.reason and "relay" not in group.reason
        assert group.reason.startswith("Kyiv Independent's text matches Суспільне's fact for fact (uk → en)")
