"""English speakers read without a parse: a story of one article in ``compare`` is not parsed
(its cost is the parse's), and its quotes were listed by an "unknown speaker". The English
attribution rules name them as the rules of the other languages do."""

from __future__ import annotations

import pytest

from storydiff.analyze import quotes_without_parse
from storydiff.analyze.quotes import find_quotes
from storydiff.records import Article

REUTERS = (
    "KYIV, Dec 6 (Reuters) - Ukrainian President Volodymyr Zelensky said on Saturday that Ukraine "
    "would not cede territory in the east.\n\n"
    "\"We will not give up our land,\" Zelensky told reporters in Kyiv. \"Nobody has the right to trade it.\"\n\n"
    "The defence minister, Denys Shmyhal, said the army had enough shells for the winter. \"We are ready,\" he said.\n"
)


def _speakers(text: str, language: str | None = "en") -> list[tuple[str, str | None]]:
    article = Article(id="a", source="a.txt", text=text, language=language)
    return [(q.text, q.speaker) for q in quotes_without_parse(article)]


def test_named_speaker_after_the_quote_and_the_next_quote_inherits():
    got = _speakers(REUTERS)
    assert got[0] == ("We will not give up our land", "Volodymyr Zelensky")
    assert got[1][1] == "Volodymyr Zelensky"


def test_he_said_is_the_person_named_in_an_apposition_since():
    # "The defence minister, Denys Shmyhal, said ...": he, not Zelensky, said "We are ready"
    assert _speakers(REUTERS)[2] == ("We are ready", "Denys Shmyhal")


@pytest.mark.parametrize("text, speaker", [
    ("“That is a disservice to them and to the country,” Bolton charged.", "Bolton"),
    ("Former Rep. Jane Harman called it “a plan that nobody can really defend.”", "Jane Harman"),
    ("“The talks will continue next week,” said Foreign Minister Andrii Sybiha.", "Andrii Sybiha"),
    ("According to Kaja Kallas, “it does not work like that at all.”", "Kaja Kallas"),
])
def test_english_attributions(text, speaker):
    assert [s for _, s in _speakers(text)] == [speaker]


def test_a_sentence_opening_word_is_no_speaker():
    # "The" opens the sentence: no one is named, the quote has no speaker rather than "The"
    got = _speakers("The statement called the strike “a grave violation of the ceasefire”.")
    assert got == [("a grave violation of the ceasefire", None)]


def test_unknown_language_is_read_by_the_english_rules_only_without_a_parse():
    text = "“We will rebuild the bridge by spring,” Mayor Ihor Terekhov said."
    assert _speakers(text, language=None) == [("We will rebuild the bridge by spring", "Ihor Terekhov")]
    # with a parse allowed, English still goes to the parse (the rules are the fallback)
    assert [q.speaker for q in find_quotes(text, language="en", parse=True)] == ["Ihor Terekhov"]


def test_other_languages_keep_their_rules():
    text = "«Ми відновимо міст до весни», — сказав мер Харкова Ігор Терехов."
    assert _speakers(text, language="uk") == [("Ми відновимо міст до весни", "Ігор Терехов")]


def test_compare_names_the_speakers_of_a_one_article_story(tmp_path):
    from storydiff.pipeline import compare_paths

    page = tmp_path / "reuters.txt"
    page.write_text("Zelensky says Ukraine will not give up Donbas\n\n" + REUTERS, encoding="utf-8")
    result = compare_paths([str(page)], parse_singles=False, entities=False)
    (article,) = result.articles
    assert [q.speaker for q in article.quotes] == ["Volodymyr Zelensky", "Volodymyr Zelensky", "Denys Shmyhal"]


@pytest.mark.parametrize("text, speaker", [
    # review 23b, F1: a wrong name is worse than none
    ("Biden, speaking in Delaware, said “the economy is strong” and inflation was falling.", "Biden"),
    ("Speaking to reporters in Kyiv, the minister said “help is coming” within days.", None),
    ("Russia launched 40 drones overnight in what Kyiv called “the largest attack yet” on the capital.", "Kyiv"),
    ("Trump posted on Truth Social: “Happy Thanksgiving to all!” Democrats said it was a stunt.", "Trump"),
    ("Russia’s foreign ministry said the talks were “a waste of time” and blamed Kyiv.", None),
    ("Netanyahu’s office says “the operation will continue” until the hostages are freed.", None),
])
def test_places_participles_possessives_and_the_next_sentence_name_no_speaker(text, speaker):
    assert [s for _, s in _speakers(text)] == [speaker]
