"""A three-word sentence that counts something is a claim (QA pass 19a, 4: "Пошкоджено 4 будинки." /
"Пошкоджено 7 будинків." left the comparison, and the figures never met); so is an age stated as
"She was 91." (issue 18, round 22: two obituaries' shared age was "only in" each of them)."""

import pytest

from storydiff.compare.claims import article_claims
from storydiff.settings import FactSettings

MIN = FactSettings().min_claim_words


@pytest.mark.parametrize("text, language", [
    ("Пошкоджено 4 будинки.", "uk"),
    ("Загинули дві людини.", "uk"),
    ("Погибли два человека.", "ru"),
    ("She was 91.", "en"),
    ("He is 40.", "en"),
])
def test_a_three_word_count_is_a_claim(text, language):
    claims = article_claims("a", text, MIN, language)
    assert [c.text for c in claims] == [text] and claims[0].quantities


@pytest.mark.parametrize("text, language", [
    ("Ситуація під контролем.", "uk"),  # three words, no count
    ("Загинуло 2.", "uk"),  # two words
    ("Відео дня.", "uk"),
    ("It was 91.", "en"),  # no person's age: "it" may be a temperature or a score
    ("They were 91.", "en"),  # a count of people, not an age
])
def test_other_short_sentences_are_still_no_claim(text, language):
    assert article_claims("a", text, MIN, language) == []


def test_the_two_counts_now_conflict():
    from storydiff.compare import compare_story
    from storydiff.records import Article

    body = "У Львові вночі пролунали вибухи, повідомив міський голова Андрій Садовий. {} Рятувальники працюють на місці."
    a = Article(id="zaxid", source="zaxid", outlet="Zaxid", language="uk", title="Вибухи у Львові",
                text=body.format("Пошкоджено 4 будинки."))
    b = Article(id="portal", source="portal", outlet="LvivPortal", language="uk", title="Вибухи у Львові",
                text=body.format("Пошкоджено 7 будинків."))
    story = compare_story("s", [a, b])
    conflicts = [c for f in story.facts for c in f.conflicts]
    assert any("4 будинки" in c and "7 будинків" in c for c in conflicts), conflicts


@pytest.mark.parametrize("text, age", [
    ("She was 91.", True),
    ("Esther Williams died on Thursday. He was 95!", True),
    ("She was 91 when she died.", False),  # not the sentence's end: read as before
    ("The score was 91.", False),
    ("It was 91.", False),
])
def test_an_age_is_read_only_where_a_pronoun_states_it_at_the_sentence_end(text, age):
    from storydiff.compare.claims import quantities_in

    assert (quantities_in(text, "en")[-1].unit == "age") is age


def test_two_outlets_stating_the_same_age_share_the_fact():
    from storydiff.compare.facts import fact_groups
    from storydiff.records import Article

    a = Article(id="a", source="a", language="en", text="Actress Esther Williams died in her sleep on Thursday. She was 91.")
    b = Article(id="b", source="b", language="en", text="Swimmer and film star Esther Williams has died at home. She was 91.")
    shared = [g for g in fact_groups([a, b]) if g.match == "same"]
    assert any({c.text for c in g.claims} == {"She was 91."} and len(g.claims) == 2 for g in shared), shared
