"""A wire's dateline is where and who filed, not what happened: the claim paired across languages
starts after it (QA pass 26b, 1: "KYIV, Nov 24 (Baltic Wire) - Ukraine brought home 150
servicemen..." was "only" in Baltic Wire, the Ukrainian and Polish leads left it out)."""

import pytest

from storydiff.compare.claims import article_claims
from storydiff.settings import FactSettings

MIN = FactSettings().min_claim_words
LEAD = "Ukraine brought home 150 servicemen from Russian captivity on Tuesday, President Volodymyr Zelenskiy said."


@pytest.mark.parametrize("dateline", [
    "KYIV, Nov 24 (Baltic Wire) - ",
    "KYIV, Nov 24 (Reuters) - ",
    "KYIV (AP) — ",
])
def test_the_claim_starts_after_the_dateline(dateline):
    text = dateline + LEAD + "\nAmong those freed were 12 defenders of Mariupol and four civilians."
    claims = article_claims("wire", text, MIN, "en")
    assert claims[0].text == LEAD and claims[0].shown == dateline + LEAD
    assert text[claims[0].start:claims[0].end] == LEAD  # the span still points into the body
    assert claims[0].keys == article_claims("plain", LEAD, MIN, "en")[0].keys


def test_a_lede_opening_on_a_place_keeps_its_words():
    text = "Kyiv residents spent the night in shelters as drones attacked the city."
    assert [c.text for c in article_claims("a", text, MIN, "en")] == [text]


def test_the_lead_is_shared_across_languages_with_a_dateline():
    from storydiff.compare import compare_story
    from storydiff.records import Article

    uk = Article(id="uk", source="uk", outlet="Укрінформ", language="uk", title="Обмін полоненими",
                 text="Україна повернула з полону 150 військових, заявив у вівторок президент Володимир Зеленський. "
                      "Обмін відбувся за посередництва ОАЕ.\nСеред звільнених – 12 оборонців Маріуполя."
                      "\nЦе вже 61-й обмін полоненими від початку вторгнення.")
    pl = Article(id="pl", source="pl", outlet="Portal", language="pl", title="Wymiana jeńców",
                 text="Ukraina odzyskała z niewoli 150 żołnierzy – poinformował we wtorek prezydent Wołodymyr Zełenski. "
                      "Wymiana odbyła się za pośrednictwem ZEA.\nWśród uwolnionych jest 12 obrońców Mariupola."
                      "\nTo 61. wymiana jeńców od początku inwazji.")
    en = Article(id="en", source="en", outlet="Baltic Wire", language="en", title="Prisoner swap",
                 text="KYIV, Nov 24 (Baltic Wire) - Ukraine brought home 150 servicemen on Tuesday, President "
                      "Volodymyr Zelenskiy said, in an exchange mediated by the United Arab Emirates."
                      "\nAmong those freed were 12 defenders of Mariupol."
                      "\nIt was the 61st prisoner exchange since the start of the invasion.")
    story = compare_story("s", [uk, pl, en])
    lead = next(f for f in story.facts if "150" in f.text)
    assert set(lead.article_ids) == {"uk", "pl", "en"}, [(f.text, f.article_ids) for f in story.facts]
    assert lead.variants["en"].startswith("KYIV, Nov 24 (Baltic Wire) - ")  # the evidence as written
