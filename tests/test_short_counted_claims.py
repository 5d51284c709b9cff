"""A three-word sentence that counts something is a claim (QA pass 19a, 4: "Пошкоджено 4 будинки." /
"Пошкоджено 7 будинків." left the comparison, and the figures never met)."""

import pytest

from storydiff.compare.claims import article_claims
from storydiff.settings import FactSettings

MIN = FactSettings().min_claim_words


@pytest.mark.parametrize("text, language", [
    ("Пошкоджено 4 будинки.", "uk"),
    ("Загинули дві людини.", "uk"),
    ("Погибли два человека.", "ru"),
])
def test_a_three_word_count_is_a_claim(text, language):
    claims = article_claims("a", text, MIN, language)
    assert [c.text for c in claims] == [text] and claims[0].quantities


@pytest.mark.parametrize("text, language", [
    ("Ситуація під контролем.", "uk"),  # three words, no count
    ("Загинуло 2.", "uk"),  # two words
    ("Відео дня.", "uk"),
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
